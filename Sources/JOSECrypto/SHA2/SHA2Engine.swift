/// The chaining state of a SHA-2 function: eight words and the compression function.
protocol SHA2State: Sendable {
    associatedtype Word: FixedWidthInteger & UnsignedInteger
    /// 64 for SHA-256, 128 for SHA-512.
    static var blockByteCount: Int { get }
    /// FIPS 180-4 §6.2.2 / §6.4.2 over `blockCount` whole blocks.
    mutating func compress(blocks: UnsafeRawPointer, blockCount: Int)
    /// Writes the first `out.count` bytes of H0 || ... || H7, big-endian (FIPS 180-4 §6.2.2 step 4, §6.5).
    func write(into out: UnsafeMutableRawBufferPointer)
}

/// The Merkle–Damgård driver shared by SHA-256, SHA-384 and SHA-512: buffering of partial blocks and
/// the padding of FIPS 180-4 §5.1. Everything lives inline (a 128-byte buffer), so nothing is allocated.
struct SHA2Engine<State: SHA2State>: Sendable {
    var state: State
    /// Holds a partial block; 128 bytes serve both block sizes.
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                 UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var buffered = 0
    /// Message length in bytes so far. 2^64 bytes is far beyond anything hashed here.
    var totalBytes: UInt64 = 0

    init(state: State) {
        self.state = state
    }

    mutating func update(_ input: UnsafeRawBufferPointer) {
        guard var source = input.baseAddress, input.count > 0 else { return }
        var remaining = input.count
        let blockSize = State.blockByteCount
        totalBytes &+= UInt64(truncatingIfNeeded: remaining)

        if buffered > 0 {
            let take = min(blockSize - buffered, remaining)
            let offset = buffered
            withUnsafeMutableBytes(of: &buffer) { buf in
                UnsafeMutableRawBufferPointer(rebasing: buf[offset..<(offset + take)])
                    .copyMemory(from: UnsafeRawBufferPointer(start: source, count: take))
            }
            buffered += take
            source += take
            remaining -= take
            if buffered < blockSize { return }
            withUnsafeBytes(of: buffer) { buf in
                if let block = buf.baseAddress { state.compress(blocks: block, blockCount: 1) }
            }
            buffered = 0
        }
        let wholeBlocks = remaining / blockSize
        if wholeBlocks > 0 {
            state.compress(blocks: source, blockCount: wholeBlocks)
            source += wholeBlocks * blockSize
            remaining -= wholeBlocks * blockSize
        }
        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &buffer) { buf in
                UnsafeMutableRawBufferPointer(rebasing: buf[0..<count])
                    .copyMemory(from: UnsafeRawBufferPointer(start: source, count: count))
            }
            buffered = remaining
        }
    }

    /// Pads (0x80, zeros, the bit length as a 64- or 128-bit big-endian integer) and returns the first
    /// `byteCount` bytes of the final state.
    func finalize(byteCount: Int) -> Digest {
        var state = self.state
        var block = self.buffer
        let blockSize = State.blockByteCount
        let lengthFieldSize = blockSize / 8  // 8 bytes for SHA-256, 16 for SHA-512
        withUnsafeMutableBytes(of: &block) { buf in
            guard let base = buf.baseAddress else { return }  // a tuple's storage always has an address
            var used = buffered
            base.storeBytes(of: 0x80, toByteOffset: used, as: UInt8.self)
            used += 1
            if used > blockSize - lengthFieldSize {
                (base + used).initializeMemory(as: UInt8.self, repeating: 0, count: blockSize - used)
                state.compress(blocks: UnsafeRawPointer(base), blockCount: 1)
                used = 0
            }
            (base + used).initializeMemory(as: UInt8.self, repeating: 0, count: blockSize - used)
            let bitLengthLow = totalBytes &<< 3
            let bitLengthHigh = totalBytes >> 61
            base.storeBytes(of: bitLengthLow.bigEndian, toByteOffset: blockSize - 8, as: UInt64.self)
            if lengthFieldSize == 16 {
                base.storeBytes(of: bitLengthHigh.bigEndian, toByteOffset: blockSize - 16, as: UInt64.self)
            }
            state.compress(blocks: UnsafeRawPointer(base), blockCount: 1)
        }
        return Digest(byteCount: byteCount) { out in state.write(into: out) }
    }
}

extension SHA2State {
    /// Shared by both word sizes: stores the words big-endian, then copies the requested prefix.
    func writeWords(_ words: (Word, Word, Word, Word, Word, Word, Word, Word), into out: UnsafeMutableRawBufferPointer) {
        var bigEndian = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian,
                         words.4.bigEndian, words.5.bigEndian, words.6.bigEndian, words.7.bigEndian)
        withUnsafeBytes(of: &bigEndian) { src in
            out.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[0..<out.count]))
        }
    }
}
