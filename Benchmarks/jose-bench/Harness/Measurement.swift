/// What one case measured; one row of the table and one element of the JSON `results`.
struct Measurement {
    let name: String
    /// Median time per operation over all batches of all rounds (for a multi-thread case: per
    /// operation on one thread while the others run).
    let medianNanoseconds: Double
    /// 99th percentile of the same samples.
    let p99Nanoseconds: Double
    /// Single thread: 1e9 / median. Multi-thread: total over all threads (median of the rounds).
    let operationsPerSecond: Double
    /// Heap allocations per operation, counted on one thread over at least one full input rotation.
    let allocationsPerOperation: Double
    let inputBytes: Int?
    let threads: Int?
    /// Multi-thread case only: the same runner on one thread, for the scaling ratio.
    let singleThreadOperationsPerSecond: Double?
    /// Filled in by `--compare-openssl`.
    var openssl: OpenSSLFigure?

    /// Our rate divided by OpenSSL's: above 1 we are faster.
    var ratioVsOpenSSL: Double? {
        openssl.map { operationsPerSecond / $0.operationsPerSecond }
    }

    /// Multi-thread throughput over one-thread throughput.
    var scaling: Double? {
        singleThreadOperationsPerSecond.map { operationsPerSecond / $0 }
    }
}
