/// Order statistics over per-operation samples (nanoseconds), nearest-rank definition.
enum Stats {
    /// The `fraction` quantile (0.5 median, 0.99 p99) of `samples`; 0 for no samples.
    static func quantile(_ samples: [Double], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The median (nearest rank, lower middle for an even count).
    static func median(_ samples: [Double]) -> Double { quantile(samples, 0.5) }
}
