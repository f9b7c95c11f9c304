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
    /// Filled in by `--compare-openssl`: for paired cases, the run with the median rate.
    var openssl: OpenSSLFigure?
    /// Paired cases: our rate over OpenSSL's for each (our phase, `openssl speed` run) pair, in order.
    var pairedRatios: [Double] = []

    /// Our rate divided by OpenSSL's: above 1 we are faster. Paired cases: the median of the paired
    /// ratios; otherwise our rate over the single OpenSSL figure.
    var ratioVsOpenSSL: Double? {
        guard let openssl else { return nil }
        if !pairedRatios.isEmpty { return Stats.median(pairedRatios) }
        return operationsPerSecond / openssl.operationsPerSecond
    }

    /// Multi-thread throughput over one-thread throughput.
    var scaling: Double? {
        singleThreadOperationsPerSecond.map { operationsPerSecond / $0 }
    }
}
