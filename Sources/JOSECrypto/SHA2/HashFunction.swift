/// A cryptographic hash function of the SHA-2 family (FIPS 180-4), usable one-shot or incrementally.
///
/// Conforming types keep their whole state inline: hashing allocates nothing on the heap.
public protocol HashFunction: Sendable {
    /// The length of the digest in bytes (32 for SHA-256, 48 for SHA-384, 64 for SHA-512).
    static var digestByteCount: Int { get }
    /// The length of one input block in bytes (64 for SHA-256, 128 for SHA-384/512); HMAC needs it.
    static var blockByteCount: Int { get }
    /// The name used in messages and tables, such as `"SHA-256"`.
    static var name: String { get }

    /// Starts a new computation with the initial hash value of FIPS 180-4 §5.3.
    init()

    /// Absorbs the bytes of `bufferPointer`. This is the one entry point all other `update`s funnel into.
    mutating func update(bufferPointer: UnsafeRawBufferPointer)

    /// Pads the message (FIPS 180-4 §5.1) and returns the digest. The hasher itself is not changed,
    /// so it may be finalized again or updated further.
    func finalize() -> Digest
}

extension HashFunction {
    /// Absorbs a sequence of bytes. Contiguous collections (`[UInt8]`, `ArraySlice`, `UnsafeBufferPointer`,
    /// a `String`'s UTF-8 view...) are hashed in place; other sequences go through a small stack buffer.
    @inlinable
    public mutating func update<Bytes: Sequence>(_ data: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = data.withContiguousStorageIfAvailable { buffer in
            self.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            self.updateByteByByte(data)
        }
    }

    @usableFromInline
    mutating func updateByteByByte<Bytes: Sequence>(_ data: Bytes) where Bytes.Element == UInt8 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { chunk in
            var filled = 0
            for byte in data {
                chunk[filled] = byte
                filled += 1
                if filled == chunk.count {
                    self.update(bufferPointer: UnsafeRawBufferPointer(chunk))
                    filled = 0
                }
            }
            self.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: chunk[0..<filled])))
        }
    }

    /// Hashes `data` in one call: `SHA256.hash(bytes)`.
    @inlinable
    public static func hash<Bytes: Sequence>(_ data: Bytes) -> Digest where Bytes.Element == UInt8 {
        var hasher = Self()
        hasher.update(data)
        return hasher.finalize()
    }

    /// Hashes the bytes of `bufferPointer` in one call.
    @inlinable
    public static func hash(bufferPointer: UnsafeRawBufferPointer) -> Digest {
        var hasher = Self()
        hasher.update(bufferPointer: bufferPointer)
        return hasher.finalize()
    }
}
