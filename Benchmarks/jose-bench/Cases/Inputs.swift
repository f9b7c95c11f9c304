/// Deterministic pseudo-random bytes (SplitMix64), so every run measures the same inputs.
struct InputGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}

/// Byte inputs in one allocation, handed to operations as `UnsafeRawBufferPointer`s so the timed
/// loop does no reference counting. Pass the object as the workload's `keepAlive`.
final class InputBuffers {
    private let storage: UnsafeMutableRawBufferPointer
    /// The inputs, each a view into `storage`.
    let views: [UnsafeRawBufferPointer]

    /// `count` distinct messages of `length` bytes as overlapping windows of one random buffer
    /// (window i starts at byte i): a 1 MiB case needs 1 MiB + 255 bytes, not 256 MiB.
    init(slidingWindowsOf length: Int, count: Int = Workload.minimumInputs, seed: UInt64) {
        var generator = InputGenerator(seed: seed)
        storage = .allocate(byteCount: length + count - 1, alignment: 16)
        storage.copyBytes(from: generator.bytes(length + count - 1))
        let base = UnsafeRawBufferPointer(storage)
        views = (0..<count).map { UnsafeRawBufferPointer(rebasing: base[$0..<$0 + length]) }
    }

    /// The given byte strings, packed one after the other.
    init(packing inputs: [[UInt8]]) {
        storage = .allocate(byteCount: max(inputs.reduce(0) { $0 + $1.count }, 1), alignment: 16)
        var offset = 0
        var views: [UnsafeRawBufferPointer] = []
        for input in inputs {
            let target = UnsafeMutableRawBufferPointer(rebasing: storage[offset..<offset + input.count])
            target.copyBytes(from: input)
            views.append(UnsafeRawBufferPointer(target))
            offset += input.count
        }
        self.views = views
    }

    deinit { storage.deallocate() }
}
