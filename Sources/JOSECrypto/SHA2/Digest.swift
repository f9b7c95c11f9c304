/// The output of a ``HashFunction`` or of ``HMAC``: up to 64 bytes held inline, no heap allocation.
///
/// It is a random-access collection of bytes. Equality (`==`) runs in constant time, because a digest is
/// often a MAC; `description` is lowercase hex.
public struct Digest: Sendable, RandomAccessCollection, Hashable, CustomStringConvertible {
    /// Room for the largest digest (SHA-512), as eight words.
    @usableFromInline
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    @usableFromInline
    let byteCount: Int

    /// Builds a digest from `bytes`, which are copied. At most 64 bytes are kept.
    public init(bytes: UnsafeRawBufferPointer) {
        self.byteCount = Swift.min(bytes.count, 64)
        Swift.withUnsafeMutableBytes(of: &storage) { dst in
            dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(64)))
        }
    }

    /// Builds a digest of `byteCount` bytes that `body` writes into the buffer it is given.
    @usableFromInline
    init(byteCount: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void) {
        self.byteCount = byteCount
        Swift.withUnsafeMutableBytes(of: &storage) { dst in
            body(UnsafeMutableRawBufferPointer(rebasing: dst[0..<byteCount]))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { byteCount }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < byteCount, "Digest index out of range")
        return Swift.withUnsafeBytes(of: storage) { $0[position] }
    }

    /// Calls `body` with the digest's bytes, without copying them.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<byteCount])) }
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The digest as a new array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lowercase hexadecimal.
    public var description: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(byteCount * 2)
        withUnsafeBytes { raw in
            for b in raw {
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Constant-time comparison (see ``ConstantTime/equals(_:_:)``).
    public static func == (lhs: Digest, rhs: Digest) -> Bool {
        lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in ConstantTime.equals(l, r) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
