import CGMP

/// A bench-only RSA signer over GMP: RSASP1 with the Chinese Remainder Theorem (RFC 8017 §5.2.1,
/// case 2.b) on encodings from `FixtureEMSA`. It exists to make >= 256 distinct valid signatures per
/// case at start-up; it is neither constant-time nor hardened, and the library never signs.
final class FixtureRSASigner {
    let key: FixtureRSAKey
    /// modBits and k (RFC 8017 §3.1, §8.1.1).
    let modulusBitCount: Int
    var modulusByteCount: Int { (modulusBitCount + 7) / 8 }
    /// n and e as minimal big-endian bytes, for the public JWK.
    let modulusBytes: [UInt8]
    let exponentBytes: [UInt8]

    private let n, p, q, dp, dq, qi: FixtureMPZ
    // Scratch, reused by every signature.
    private let m = FixtureMPZ(), m1 = FixtureMPZ(), m2 = FixtureMPZ(), h = FixtureMPZ()

    init(_ key: FixtureRSAKey) throws(BenchError) {
        self.key = key
        n = try FixtureMPZ(hex: key.n)
        p = try FixtureMPZ(hex: key.p)
        q = try FixtureMPZ(hex: key.q)
        dp = try FixtureMPZ(hex: key.dp)
        dq = try FixtureMPZ(hex: key.dq)
        qi = try FixtureMPZ(hex: key.qi)
        modulusBitCount = n.bitCount
        guard modulusBitCount == key.bits else {
            throw BenchError("fixture RSA key claims \(key.bits) bits; its modulus has \(modulusBitCount)")
        }
        modulusBytes = n.minimalBigEndianBytes
        exponentBytes = try FixtureMPZ(hex: key.e).minimalBigEndianBytes
    }

    /// s = EM^d mod n by CRT: m1 = c^dP mod p, m2 = c^dQ mod q, h = qInv (m1 - m2) mod p,
    /// s = m2 + q h (RFC 8017 §5.2.1 step 2.b), returned as k octets.
    func rsasp1(encodedMessage em: [UInt8]) -> [UInt8] {
        let c = FixtureMPZ(bigEndian: em)
        __gmpz_powm(m1.pointer, c.pointer, dp.pointer, p.pointer)
        __gmpz_powm(m2.pointer, c.pointer, dq.pointer, q.pointer)
        __gmpz_sub(h.pointer, m1.pointer, m2.pointer)
        __gmpz_mul(h.pointer, h.pointer, qi.pointer)
        __gmpz_mod(h.pointer, h.pointer, p.pointer)
        __gmpz_mul(m.pointer, q.pointer, h.pointer)
        __gmpz_add(m.pointer, m.pointer, m2.pointer)
        return m.bigEndianBytes(count: modulusByteCount)
    }

    /// RSASSA-PKCS1-V1_5-SIGN (RFC 8017 §8.2.1) of a SHA-256 digest.
    func signPKCS1v15SHA256(digest: [UInt8]) -> [UInt8] {
        rsasp1(encodedMessage: FixtureEMSA.pkcs1v15SHA256(digest: digest, emLen: modulusByteCount))
    }

    /// RSASSA-PSS-SIGN (RFC 8017 §8.1.1) of a SHA-256 digest, MGF1-SHA-256, with the given salt
    /// (32 bytes for PS256, RFC 7518 §3.5).
    func signPSSSHA256(digest: [UInt8], salt: [UInt8]) -> [UInt8] {
        let emBits = modulusBitCount - 1
        let em = FixtureEMSA.pssSHA256(mHash: digest, salt: salt, emBits: emBits)
        // §8.1.1 step 2: EM is ceil(emBits / 8) octets; RSASP1's input is OS2IP(EM) either way.
        return rsasp1(encodedMessage: em)
    }
}
