extension SHA256State {
    /// FIPS 180-4 §5.3.2.
    static var sha224IV: SHA256State { SHA256State(
        h0: 0xc105_9ed8, h1: 0x367c_d507, h2: 0x3070_dd17, h3: 0xf70e_5939,
        h4: 0xffc0_0b31, h5: 0x6858_1511, h6: 0x64f9_8fa7, h7: 0xbefa_4fa4) }
}

/// SHA-224 (FIPS 180-4 §6.3): SHA-256 with another initial value, truncated to 28 bytes.
///
/// Internal: JOSE never uses it. It exists so the RSA-PSS tests can run the Wycheproof and NIST
/// vectors that pair SHA-224 with the JOSE hashes.
struct SHA224: HashFunction {
    static var digestByteCount: Int { 28 }
    static var blockByteCount: Int { 64 }
    static var name: String { "SHA-224" }

    var engine = SHA2Engine(state: SHA256State.sha224IV)

    init() {}

    mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    func finalize() -> Digest {
        engine.finalize(byteCount: 28)
    }
}
