import Glibc

/// The clock batches are timed with.
enum BenchClock: Sendable {
    /// CLOCK_MONOTONIC (a vDSO call, about 20 ns): what a caller waits. The default.
    case wall
    /// CLOCK_THREAD_CPUTIME_ID (a system call, well under 1 µs): time this thread ran. On a
    /// loaded machine it leaves out the time other processes held the core (`--cpu-time`).
    case threadCPU

    @inline(__always)
    func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// For the table header.
    var label: String {
        self == .wall ? "wall-clock time (CLOCK_MONOTONIC)" : "thread CPU time (CLOCK_THREAD_CPUTIME_ID)"
    }
}
