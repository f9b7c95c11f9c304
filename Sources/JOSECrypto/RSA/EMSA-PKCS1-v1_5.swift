/// EMSA-PKCS1-v1_5-ENCODE (RFC 8017 §9.2) from a digest already computed:
/// EM = 0x00 || 0x01 || PS || 0x00 || T, where T = DigestInfo(hash, digest) and PS is
/// emLen - tLen - 3 bytes of 0xFF. Verification builds this and compares it with the whole
/// recovered EM (§8.2.2 step 4); nothing is ever parsed out of a signature.
///
/// Writes em.count bytes into `em`. Returns false when emLen < tLen + 11 ("intended encoded
/// message length too short", step 3), which a verifier reports as an invalid signature.
func emsaPKCS1v15Encode(digest: UnsafeRawBufferPointer, hash: HashKind, into em: UnsafeMutableRawBufferPointer) -> Bool {
    let prefix = hash.digestInfoPrefix
    let tLen = prefix.count + digest.count
    let emLen = em.count
    guard emLen >= tLen + 11 else { return false }
    let psLen = emLen - tLen - 3
    em[0] = 0x00
    em[1] = 0x01
    UnsafeMutableRawBufferPointer(rebasing: em[2..<(2 + psLen)]).initializeMemory(as: UInt8.self, repeating: 0xff)
    em[2 + psLen] = 0x00
    let tStart = 3 + psLen
    prefix.withUnsafeBytes { p in
        UnsafeMutableRawBufferPointer(rebasing: em[tStart..<(tStart + p.count)]).copyMemory(from: p)
    }
    UnsafeMutableRawBufferPointer(rebasing: em[(tStart + prefix.count)...]).copyMemory(from: digest)
    return true
}
