import CMallocCounter

/// Heap allocations counted by the CMallocCounter target (every malloc-family call in the process).
enum Allocations {
    /// Allocations so far in the whole process.
    static var count: UInt64 { jose_bench_malloc_count() }

    /// Allocations made while `body` runs (on any thread; run it when no other thread works).
    static func counting(_ body: () throws -> Void) rethrows -> UInt64 {
        let before = jose_bench_malloc_count()
        try body()
        return jose_bench_malloc_count() &- before
    }
}
