// The C face of libgmp for Swift. gmp.h defines its public names (mpz_*, mpn_*) as macros that
// Swift cannot import; Swift code calls the real symbols (__gmpz_*, __gmpn_*) from one wrapper
// file in JOSECrypto. Function-like macros get documented static inline shims here.
#ifndef JOSE_CGMP_SHIM_H
#define JOSE_CGMP_SHIM_H

#include <gmp.h>

#endif
