// Heap-allocation counter and optimisation sink for jose-bench.
//
// MallocCounter.c defines malloc, calloc, realloc, free and the aligned allocators. Linked into the
// jose-bench executable, those definitions take precedence over glibc's for the whole process
// (the Swift runtime included); each one counts the call with a relaxed atomic and forwards to
// glibc's own implementation (__libc_malloc and friends). Nothing else links this target.
#ifndef JOSE_BENCH_MALLOC_COUNTER_H
#define JOSE_BENCH_MALLOC_COUNTER_H

#include <stddef.h>
#include <stdint.h>

/// Number of calls that obtained heap memory since the process started: malloc, calloc,
/// realloc/reallocarray with a non-zero size, posix_memalign, aligned_alloc, memalign, valloc, pvalloc.
uint64_t jose_bench_malloc_count(void);

/// Number of free calls with a non-null pointer since the process started.
uint64_t jose_bench_free_count(void);

/// Reads `count` bytes at `bytes` in a function the Swift optimiser cannot see into, so a value
/// passed here (and the work that produced it) cannot be removed as dead code.
void jose_bench_sink(const void *bytes, size_t count);

#endif
