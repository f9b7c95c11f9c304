// The C face of libgmp for Swift. gmp.h defines its public names (mpz_*, mpn_*) as macros that
// Swift cannot import; Swift code calls the real symbols (__gmpz_*, __gmpn_*) from one wrapper
// file in JOSECrypto (Sources/JOSECrypto/BigInt/GMP.swift). Function-like macros get documented
// static inline shims here, prefixed `jose_`.
#ifndef JOSE_CGMP_SHIM_H
#define JOSE_CGMP_SHIM_H

#include <gmp.h>

/// mpz_sgn(z): -1 if z < 0, 0 if z == 0, +1 if z > 0 (a macro in gmp.h).
static inline int jose_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }

/// mpz_odd_p(z): non-zero when z is odd (a macro in gmp.h).
static inline int jose_mpz_odd_p(mpz_srcptr z) { return mpz_odd_p(z); }

/// mpz_cmp_ui(z, v): the sign of z - v (a macro in gmp.h that picks mpz_sgn or _mpz_cmp_ui).
static inline int jose_mpz_cmp_ui(mpz_srcptr z, unsigned long v) { return mpz_cmp_ui(z, v); }

#endif
