/// The eight 32-bit words of the SHA-224/256 chaining state (FIPS 180-4 §6.2).
struct SHA256State: SHA2State {
    typealias Word = UInt32
    static var blockByteCount: Int { 64 }
    var h0: UInt32, h1: UInt32, h2: UInt32, h3: UInt32, h4: UInt32, h5: UInt32, h6: UInt32, h7: UInt32

    /// FIPS 180-4 §5.3.3.
    static var sha256IV: SHA256State { SHA256State(
        h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
        h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19) }

    func write(into out: UnsafeMutableRawBufferPointer) {
        writeWords((h0, h1, h2, h3, h4, h5, h6, h7), into: out)
    }
}

/// SHA-256 (FIPS 180-4 §6.2): a 32-byte digest over 64-byte blocks. Used by HS256, RS256 and PS256
/// (RFC 7518 §3.2–3.5) and by JWK thumbprints (RFC 7638).
///
/// ```swift
/// let digest = SHA256.hash(Array("abc".utf8))
/// var hasher = SHA256(); hasher.update(part1); hasher.update(part2); let same = hasher.finalize()
/// ```
public struct SHA256: HashFunction {
    public static var digestByteCount: Int { 32 }
    public static var blockByteCount: Int { 64 }
    public static var name: String { "SHA-256" }

    var engine = SHA2Engine(state: SHA256State.sha256IV)

    /// Starts with the initial hash value of FIPS 180-4 §5.3.3.
    public init() {}

    /// Absorbs `bufferPointer` (FIPS 180-4 §6.2.2).
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// The 32-byte digest of everything absorbed so far.
    public func finalize() -> Digest {
        engine.finalize(byteCount: 32)
    }
}
