/// The five 32-bit words of the SHA-1 chaining state (FIPS 180-4 §6.1). SHA-1 shares SHA-256's
/// Merkle–Damgård padding (64-byte blocks, 64-bit big-endian length), so it runs on ``SHA2Engine``.
struct SHA1State: SHA2State {
    typealias Word = UInt32
    static var blockByteCount: Int { 64 }
    var h0: UInt32 = 0x6745_2301, h1: UInt32 = 0xefcd_ab89, h2: UInt32 = 0x98ba_dcfe
    var h3: UInt32 = 0x1032_5476, h4: UInt32 = 0xc3d2_e1f0

    /// FIPS 180-4 §6.1.2 over `blockCount` whole blocks. Not unrolled: SHA-1 is for test vectors only.
    mutating func compress(blocks: UnsafeRawPointer, blockCount: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for blockIndex in 0..<blockCount {
                let p = blocks + blockIndex * 64
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
                }
                for t in 16..<80 {
                    let x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
                    w[t] = x << 1 | x >> 31
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4
                for t in 0..<80 {
                    let f: UInt32
                    let k: UInt32
                    switch t {
                    case 0..<20: f = (b & c) | (~b & d); k = 0x5a82_7999
                    case 20..<40: f = b ^ c ^ d; k = 0x6ed9_eba1
                    case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8f1b_bcdc
                    default: f = b ^ c ^ d; k = 0xca62_c1d6
                    }
                    let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[t]
                    e = d
                    d = c
                    c = b << 30 | b >> 2
                    b = a
                    a = temp
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
            }
        }
    }

    func write(into out: UnsafeMutableRawBufferPointer) {
        var bigEndian = (h0.bigEndian, h1.bigEndian, h2.bigEndian, h3.bigEndian, h4.bigEndian)
        withUnsafeBytes(of: &bigEndian) { src in
            out.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[0..<out.count]))
        }
    }
}

/// SHA-1 (FIPS 180-4 §6.1), 20-byte digests.
///
/// Internal and never used to accept a JOSE signature: it exists so the RSA-PSS tests can run the
/// Wycheproof and NIST vectors that pair SHA-1 (as message hash or MGF1 hash) with the JOSE hashes.
struct SHA1: HashFunction {
    static var digestByteCount: Int { 20 }
    static var blockByteCount: Int { 64 }
    static var name: String { "SHA-1" }

    var engine = SHA2Engine(state: SHA1State())

    init() {}

    mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    func finalize() -> Digest {
        engine.finalize(byteCount: 20)
    }
}
