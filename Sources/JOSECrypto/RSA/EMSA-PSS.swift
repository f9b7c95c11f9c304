/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2) for the encoded message `em` (emLen = em.count octets,
/// emBits = `emBits`), a message digest `mHash` (step 2 done by the caller), the hash and MGF1
/// hash, and the expected salt length. Every check of the RFC is made; `em` is unmasked in place
/// (it is scratch owned by the caller).
func emsaPSSVerify(mHash: UnsafeRawBufferPointer, em: UnsafeMutableRawBufferPointer, emBits: Int,
                   hash: HashKind, mgf1 mgfHash: HashKind, saltLength sLen: Int) -> Bool {
    let hLen = hash.digestByteCount
    let emLen = em.count
    guard mHash.count == hLen, emLen == (emBits + 7) / 8 else { return false }
    // Step 3: emLen < hLen + sLen + 2 is "inconsistent" (written so a huge sLen cannot overflow).
    guard sLen >= 0, sLen <= emLen - hLen - 2 else { return false }
    // Step 4: the rightmost octet is 0xbc.
    guard em[emLen - 1] == 0xbc else { return false }
    // Step 5: maskedDB is the leftmost emLen - hLen - 1 octets, H the next hLen.
    let dbLen = emLen - hLen - 1
    let maskedDB = UnsafeMutableRawBufferPointer(rebasing: em[0..<dbLen])
    let h = UnsafeRawBufferPointer(rebasing: em[dbLen..<(dbLen + hLen)])
    // Step 6: the leftmost 8emLen - emBits bits of maskedDB must be zero.
    let unusedBits = 8 * emLen - emBits
    let topMask = UInt8(truncatingIfNeeded: 0xff >> unusedBits)
    guard maskedDB[0] & ~topMask == 0 else { return false }
    // Steps 7-8: DB = maskedDB xor MGF1(H, dbLen).
    mgf1XOR(seed: h, into: maskedDB, hash: mgfHash)
    let db = maskedDB
    // Step 9: clear the leftmost 8emLen - emBits bits of DB.
    db[0] &= topMask
    // Step 10: the leftmost emLen - hLen - sLen - 2 octets are zero, then comes 0x01.
    let psLen = emLen - hLen - sLen - 2
    var nonZero: UInt8 = 0
    for i in 0..<psLen { nonZero |= db[i] }
    guard nonZero == 0, db[psLen] == 0x01 else { return false }
    // Step 11: the salt is the last sLen octets of DB.
    let salt = UnsafeRawBufferPointer(rebasing: db[(dbLen - sLen)..<dbLen])
    // Steps 12-13: H' = Hash(0x00 * 8 || mHash || salt).
    let zeros: UInt64 = 0
    let hPrime = withUnsafeBytes(of: zeros) { padding in hash.hash(padding, mHash, salt) }
    // Step 14.
    return hPrime.withUnsafeBytes { ConstantTime.equals($0, h) }
}

/// `target` ^= MGF1(seed, target.count) with the given hash (RFC 8017 §B.2.1): the mask is
/// Hash(seed || C) for the 4-octet counters C = 0, 1, ..., concatenated and truncated.
func mgf1XOR(seed: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer, hash: HashKind) {
    let hLen = hash.digestByteCount
    var counter: UInt32 = 0
    var offset = 0
    while offset < target.count {
        let block = withUnsafeBytes(of: counter.bigEndian) { c in hash.hash(seed, c) }
        let take = min(hLen, target.count - offset)
        block.withUnsafeBytes { mask in
            for i in 0..<take { target[offset + i] ^= mask[i] }
        }
        offset += take
        counter += 1
    }
}
