import JOSECrypto

/// Steps 4–5 of the verification pipeline: select candidate keys from a set and verify the signature
/// over the signing input (RFC 7515 §5.2 step 8).
enum SignatureVerification {
    /// Verifies `signature` (still base64url) over `signingInput` with the first candidate key of `keys`
    /// that fits `header`; returns the position of the key that verified.
    ///
    /// - Throws: `ERR_JWKS_NO_MATCHING_KEY` when no key fits (the message says why the closest ones
    ///   did not), `ERR_JWS_SIGNATURE_VERIFICATION_FAILED` when keys fit and none verifies,
    ///   `ERR_JWS_INVALID` for a signature that is not base64url.
    static func verify(
        signature encodedSignature: UnsafeRawBufferPointer,
        signingInput: UnsafeRawBufferPointer,
        header: JWSHeader,
        keys: JWKSet
    ) throws(JOSEError) -> Int {
        guard let signatureCount = Base64URL.decodedCount(encodedSignature.count) else {
            throw JOSEError(.jwsInvalid, "the signature (third part of the token) is not valid base64url: its length \(encodedSignature.count) is 1 mod 4")
        }
        if signatureCount <= 1024 {  // withUnsafeTemporaryAllocation stays on the stack up to 1 KiB
            return try withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 8) { buffer throws(JOSEError) in
                try verify(encodedSignature, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<signatureCount]),
                           signingInput: signingInput, header: header, keys: keys)
            }
        }
        let heap = UnsafeMutableRawBufferPointer.allocate(byteCount: signatureCount, alignment: 8)
        defer { heap.deallocate() }
        return try verify(encodedSignature, into: heap, signingInput: signingInput, header: header, keys: keys)
    }

    private static func verify(
        _ encodedSignature: UnsafeRawBufferPointer,
        into buffer: UnsafeMutableRawBufferPointer,
        signingInput: UnsafeRawBufferPointer,
        header: JWSHeader,
        keys: JWKSet
    ) throws(JOSEError) -> Int {
        do {
            _ = try Base64URL.decode(encodedSignature, into: buffer)
        } catch {
            throw JOSEError(.jwsInvalid, "the signature (third part of the token) is not valid base64url: \(error)")
        }
        let signature = UnsafeRawBufferPointer(buffer)
        let algorithm = header.algorithm
        let hash = algorithm.properties.hash
        var tried = 0
        var digest: Digest?

        func attempt(_ position: Int) -> Bool {
            let key = keys.prepared[position]
            guard key.isUsable(for: algorithm) else { return false }
            tried += 1
            switch key.material {
            case .symmetric(let secret):
                return secret.isValidMAC(signature, for: signingInput, hash: hash)
            case .rsa(let publicKey):
                if digest == nil { digest = hash.hash(signingInput) }
                guard let digest else { return false }
                return digest.withUnsafeBytes { hashed in
                    RSAVerification.isValid(signature, digest: hashed, key: publicKey, algorithm: algorithm)
                }
            case .unusable:
                return false
            }
        }

        let kidValue = header.json.member("kid")
        let found: Int?
        if let kidValue {
            found = keys.firstPosition(withKeyID: kidValue, where: attempt)
        } else {
            found = keys.prepared.indices.first(where: attempt)
        }
        if let found { return found }

        let keyID = kidValue?.string
        let shownKeyID = keyID.map { JOSEError.displayable($0) }
        // The failure path: say why no key fitted, from the first candidate policy refused.
        var rejection: JOSEError?
        for key in keys.keys where keyID == nil || key.keyID == keyID {
            if case .failure(let why) = key.usableKey(for: algorithm) {
                rejection = why
                break
            }
        }
        if tried == 0 {
            let name = shownKeyID.map { "\"kid\" \"\($0)\"" } ?? "no \"kid\""
            if let rejection {
                throw JOSEError(.jwksNoMatchingKey, "no key in the JWK Set can verify this \(algorithm) token with \(name): \(rejection.message)", kid: shownKeyID)
            }
            throw JOSEError(.jwksNoMatchingKey, "no key in the JWK Set has \"kid\" \"\(shownKeyID ?? "")\" (the token's key is unknown: was the key rotated?)", kid: shownKeyID)
        }
        throw JOSEError(.jwsSignatureVerificationFailed, tried == 1
            ? "signature verification failed: the token was not signed by the selected key, or was modified"
            : "signature verification failed with each of the \(tried) candidate keys", kid: shownKeyID)
    }
}
