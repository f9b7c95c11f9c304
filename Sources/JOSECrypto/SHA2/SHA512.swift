/// The eight 64-bit words of the SHA-384/512 chaining state (FIPS 180-4 §6.4).
struct SHA512State: SHA2State {
    typealias Word = UInt64
    static var blockByteCount: Int { 128 }
    var h0: UInt64, h1: UInt64, h2: UInt64, h3: UInt64, h4: UInt64, h5: UInt64, h6: UInt64, h7: UInt64

    /// FIPS 180-4 §5.3.5.
    static var sha512IV: SHA512State { SHA512State(
        h0: 0x6a09_e667_f3bc_c908, h1: 0xbb67_ae85_84ca_a73b, h2: 0x3c6e_f372_fe94_f82b,
        h3: 0xa54f_f53a_5f1d_36f1, h4: 0x510e_527f_ade6_82d1, h5: 0x9b05_688c_2b3e_6c1f,
        h6: 0x1f83_d9ab_fb41_bd6b, h7: 0x5be0_cd19_137e_2179) }

    /// FIPS 180-4 §5.3.4.
    static var sha384IV: SHA512State { SHA512State(
        h0: 0xcbbb_9d5d_c105_9ed8, h1: 0x629a_292a_367c_d507, h2: 0x9159_015a_3070_dd17,
        h3: 0x152f_ecd8_f70e_5939, h4: 0x6733_2667_ffc0_0b31, h5: 0x8eb4_4a87_6858_1511,
        h6: 0xdb0c_2e0d_64f9_8fa7, h7: 0x47b5_481d_befa_4fa4) }

    func write(into out: UnsafeMutableRawBufferPointer) {
        writeWords((h0, h1, h2, h3, h4, h5, h6, h7), into: out)
    }
}

/// SHA-512 (FIPS 180-4 §6.4): a 64-byte digest over 128-byte blocks. Used by HS512, RS512, PS512.
public struct SHA512: HashFunction {
    public static var digestByteCount: Int { 64 }
    public static var blockByteCount: Int { 128 }
    public static var name: String { "SHA-512" }

    var engine = SHA2Engine(state: SHA512State.sha512IV)

    /// Starts with the initial hash value of FIPS 180-4 §5.3.5.
    public init() {}

    /// Absorbs `bufferPointer` (FIPS 180-4 §6.4.2).
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// The 64-byte digest of everything absorbed so far.
    public func finalize() -> Digest {
        engine.finalize(byteCount: 64)
    }
}

/// SHA-384 (FIPS 180-4 §6.5): SHA-512 with its own initial value, truncated to 48 bytes.
/// Used by HS384, RS384, PS384.
public struct SHA384: HashFunction {
    public static var digestByteCount: Int { 48 }
    public static var blockByteCount: Int { 128 }
    public static var name: String { "SHA-384" }

    var engine = SHA2Engine(state: SHA512State.sha384IV)

    /// Starts with the initial hash value of FIPS 180-4 §5.3.4.
    public init() {}

    /// Absorbs `bufferPointer` (FIPS 180-4 §6.5 via §6.4.2).
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// The 48-byte digest of everything absorbed so far.
    public func finalize() -> Digest {
        engine.finalize(byteCount: 48)
    }
}
