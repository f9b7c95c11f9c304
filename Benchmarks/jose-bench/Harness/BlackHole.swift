import CMallocCounter

/// Keeps `value`, and the work that produced it, alive: its bytes go to a C function the Swift
/// optimiser cannot see into (package-benchmark's `blackHole`, without relying on a module boundary).
@inline(never)
func blackHole<T>(_ value: T) {
    withUnsafeBytes(of: value) { bytes in
        jose_bench_sink(bytes.baseAddress, bytes.count)
    }
}
