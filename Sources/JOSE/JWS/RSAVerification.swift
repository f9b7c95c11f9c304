import JOSECrypto

/// Maps a JWS RSA algorithm to its RSA padding (RFC 7518 §3.3, §3.5) and verifies a digest.
enum RSAVerification {
    static func isValid(_ signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer, key: RSA.PublicKey, algorithm: JWSAlgorithm) -> Bool {
        let properties = algorithm.properties
        let hash = properties.hash.rsaHash
        switch properties.family {
        case .rsaPKCS1v15:
            return key.isValidSignature(signature, digest: digest, padding: .pkcs1v15(hash))
        case .rsaPSS:
            return key.isValidSignature(signature, digest: digest, padding: .pss(hash, saltLength: properties.hash.byteCount))
        case .hmac:
            return false
        }
    }
}
