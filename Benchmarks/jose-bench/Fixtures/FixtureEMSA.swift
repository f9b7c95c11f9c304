import JOSECrypto

/// Encodings for the fixture signer (RFC 8017 §9), SHA-256 only: what RS256 and PS256 sign.
enum FixtureEMSA {
    /// DER of DigestInfo for SHA-256 up to the digest (RFC 8017 §9.2, Note 1).
    private static let sha256DigestInfoPrefix: [UInt8] = [
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
    ]

    /// EMSA-PKCS1-v1_5-ENCODE (RFC 8017 §9.2): 0x00 || 0x01 || 0xFF... || 0x00 || DigestInfo || H.
    static func pkcs1v15SHA256(digest: [UInt8], emLen: Int) -> [UInt8] {
        precondition(digest.count == 32)
        let t = sha256DigestInfoPrefix + digest
        return [0x00, 0x01] + [UInt8](repeating: 0xff, count: emLen - t.count - 3) + [0x00] + t
    }

    /// EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with SHA-256 and MGF1-SHA-256 (§B.2.1):
    /// M' = 0x00 * 8 || mHash || salt, H = Hash(M'), DB = PS || 0x01 || salt,
    /// maskedDB = DB xor MGF1(H), leftmost 8 emLen - emBits bits cleared, EM = maskedDB || H || 0xbc.
    static func pssSHA256(mHash: [UInt8], salt: [UInt8], emBits: Int) -> [UInt8] {
        let hLen = 32
        let emLen = (emBits + 7) / 8
        precondition(mHash.count == hLen && emLen >= hLen + salt.count + 2)
        let h = SHA256.hash([UInt8](repeating: 0, count: 8) + mHash + salt).bytes
        var db = [UInt8](repeating: 0, count: emLen - salt.count - hLen - 2) + [0x01] + salt
        let mask = mgf1SHA256(seed: h, length: db.count)
        for i in db.indices { db[i] ^= mask[i] }
        db[0] &= UInt8(truncatingIfNeeded: 0xff >> (8 * emLen - emBits))
        return db + h + [0xbc]
    }

    /// MGF1 (RFC 8017 §B.2.1) with SHA-256.
    static func mgf1SHA256(seed: [UInt8], length: Int) -> [UInt8] {
        var out: [UInt8] = []
        var counter: UInt32 = 0
        while out.count < length {
            out += SHA256.hash(seed + withUnsafeBytes(of: counter.bigEndian) { Array($0) }).bytes
            counter += 1
        }
        return Array(out.prefix(length))
    }
}
