extension RSA.PublicKey {
    /// Whether `signature` is a valid signature of `message` under this key (RFC 8017 §8.1.2 for
    /// PSS, §8.2.2 for PKCS#1 v1.5). The message is hashed with the padding's hash.
    ///
    /// - Returns: true only for a signature of exactly k octets that verifies; any other signature
    ///   is answered `false`, never thrown.
    /// - Throws: ``RSA/ArgumentError`` for a negative PSS salt length.
    public func isValidSignature<Signature: Collection<UInt8>, Message: Collection<UInt8>>(
        _ signature: Signature, for message: Message, padding: RSA.Padding
    ) throws(RSA.ArgumentError) -> Bool {
        let digest = Self.contiguous(message) { padding.hash.kind.hash($0) }
        return try Self.contiguous(signature) { (signatureBuffer) throws(RSA.ArgumentError) -> Bool in
            let result = digest.withUnsafeBytes { digestBuffer in
                Result { () throws(RSA.ArgumentError) -> Bool in
                    try verify(signature: signatureBuffer, digest: digestBuffer, scheme: padding.scheme)
                }
            }
            return try result.get()
        }
    }

    /// Whether `signature` is valid for the precomputed message digest `digest` (RFC 8017 §8.1.2
    /// and §8.2.2, with EMSA's "apply the hash function to M" already done).
    ///
    /// - Throws: ``RSA/ArgumentError`` when `digest` is not as long as the padding's hash output,
    ///   or for a negative PSS salt length.
    public func isValidSignature<Signature: Collection<UInt8>, DigestBytes: Collection<UInt8>>(
        _ signature: Signature, digest: DigestBytes, padding: RSA.Padding
    ) throws(RSA.ArgumentError) -> Bool {
        try Self.contiguous(digest) { (digestBuffer) throws(RSA.ArgumentError) -> Bool in
            try Self.contiguous(signature) { (signatureBuffer) throws(RSA.ArgumentError) -> Bool in
                try verify(signature: signatureBuffer, digest: digestBuffer, scheme: padding.scheme)
            }
        }
    }

    /// The allocation-free form of ``isValidSignature(_:digest:padding:)`` over raw buffers, for hot
    /// paths that already hold the signature and the digest in memory.
    public func isValidSignature(
        signatureBufferPointer signature: UnsafeRawBufferPointer, digestBufferPointer digest: UnsafeRawBufferPointer,
        padding: RSA.Padding
    ) throws(RSA.ArgumentError) -> Bool {
        try verify(signature: signature, digest: digest, scheme: padding.scheme)
    }

    /// Calls `body` with the bytes of `bytes`, in place when they are contiguous, else copied.
    @inline(__always)
    static func contiguous<Bytes: Collection<UInt8>, R, E: Error>(
        _ bytes: Bytes, _ body: (UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        let inPlace: Result<R, E>? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(E) { return .success(try body(UnsafeRawBufferPointer(buffer))) } catch { return .failure(error) }
        }
        if let inPlace { return try inPlace.get() }
        let copy = Array(bytes)
        let result: Result<R, E> = copy.withUnsafeBytes { buffer in
            do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// RSASSA-PKCS1-V1_5-VERIFY (RFC 8017 §8.2.2) or RSASSA-PSS-VERIFY (§8.1.2) from the digest.
    func verify(signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer, scheme: SignatureScheme)
        throws(RSA.ArgumentError) -> Bool {
        let hash = scheme.hash
        guard digest.count == hash.digestByteCount else {
            throw RSA.ArgumentError(code: .digestLengthMismatch,
                reason: "a \(hash.name) digest is \(hash.digestByteCount) bytes; \(digest.count) were given")
        }
        if case .pss(_, _, let saltLength) = scheme, saltLength < 0 {
            throw RSA.ArgumentError(code: .negativeSaltLength,
                reason: "the PSS salt length is \(saltLength); it must be 0 or more (RFC 7518 §3.5 uses the hash length)")
        }
        let k = modulusByteCount
        // Step 1 of §8.1.2 and §8.2.2: the signature is exactly k octets.
        guard signature.count == k else { return false }
        let context = self.context
        let limbs = context.limbCount
        // s and m (L limbs each) and the exponentiation's scratch (4L + 1). Once m is known, s is dead
        // and its space holds EM (k <= 8L octets); the scratch then holds the expected EM.
        return withLimbScratch(count: 2 * limbs + context.scratchLimbCount) { base -> Bool in
            let s = base
            let m = base + limbs
            let scratch = m + limbs
            // RSAVP1 (§5.2.2): s = OS2IP(S) must be below n; m = s^e mod n.
            Limbs.load(bigEndian: signature, into: s, count: limbs)
            guard MPN.compare(s, context.modulus, limbs) < 0 else { return false }
            context.power(s, exponent: exponent, into: m, scratch: scratch)
            // EM = I2OSP(m, k).
            let em = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(s), count: k)
            Limbs.store(m, count: limbs, bigEndian: em)
            switch scheme {
            case .pkcs1v15(let hash):
                // §8.2.2 step 3-4: build EM' from the digest and compare all k octets.
                let expected = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(scratch), count: k)
                guard emsaPKCS1v15Encode(digest: digest, hash: hash, into: expected) else { return false }
                return ConstantTime.equals(UnsafeRawBufferPointer(em), UnsafeRawBufferPointer(expected))
            case .pss(let hash, let mgfHash, let saltLength):
                // §8.1.2 step 2c: EM = I2OSP(m, emLen) with emLen = ceil((modBits - 1) / 8), which is
                // k - 1 when modBits - 1 is a multiple of 8; then the leading octet must be zero.
                let emBits = modulusBitCount - 1
                let emLen = (emBits + 7) / 8
                var encoded = em
                if emLen < k {
                    guard em[0] == 0 else { return false }
                    encoded = UnsafeMutableRawBufferPointer(rebasing: em[(k - emLen)...])
                }
                return emsaPSSVerify(mHash: digest, em: encoded, emBits: emBits, hash: hash, mgf1: mgfHash,
                                     saltLength: saltLength)
            }
        }
    }
}
