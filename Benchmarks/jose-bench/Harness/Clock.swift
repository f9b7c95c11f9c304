import Glibc

/// Nanoseconds on CLOCK_MONOTONIC (a vDSO call, about 20 ns): the only clock the timed loops read.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
}
