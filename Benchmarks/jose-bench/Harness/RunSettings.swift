/// How long each phase of a measurement lasts.
struct RunSettings: Sendable {
    /// Untimed running before calibration, so caches, branch predictors and clocks settle.
    var warmupNanoseconds: UInt64
    /// Timed rounds; every batch of every round is one per-operation sample.
    var rounds: Int
    /// Length of one round.
    var roundNanoseconds: UInt64
    /// A batch runs long enough that reading the clock (about 20 ns) is noise, short enough that
    /// a round holds many samples for the p99.
    var batchTargetNanoseconds: UInt64
    /// Single-thread cases time batches with this clock; multi-thread rounds always use wall-clock
    /// time, since CPU time would hide threads waiting on each other.
    var clock: BenchClock = .wall

    /// About 1.2 s per single-thread case.
    static let standard = RunSettings(
        warmupNanoseconds: 200_000_000, rounds: 10, roundNanoseconds: 100_000_000, batchTargetNanoseconds: 100_000)

    /// `--quick`: a smoke test for CI, about 0.1 s per case; numbers are indicative only.
    static let quick = RunSettings(
        warmupNanoseconds: 10_000_000, rounds: 3, roundNanoseconds: 20_000_000, batchTargetNanoseconds: 50_000)
}
