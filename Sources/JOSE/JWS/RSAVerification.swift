import JOSECrypto

/// Maps a JWS RSA algorithm to its RSA padding (RFC 7518 §3.3, §3.5) and verifies a digest.
enum RSAVerification {
    static func isValid(_ signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer, key: RSA.PublicKey, algorithm: JWSAlgorithm) -> Bool {
        let properties = algorithm.properties
        let hash = properties.hash.rsaHash
        switch properties.family {
        case .rsaPKCS1v15:
            return (try? key.isValidSignature(signatureBufferPointer: signature, digestBufferPointer: digest, padding: .pkcs1v15(hash))) ?? false
        case .rsaPSS:
            return (try? key.isValidSignature(signatureBufferPointer: signature, digestBufferPointer: digest, padding: .pss(hash))) ?? false
        case .hmac:
            return false
        }
    }
}
