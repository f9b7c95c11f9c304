import JOSECrypto

/// An HMAC secret from a `kty: "oct"` JWK (RFC 7518 §6.4), with the keyed HMAC states for SHA-256,
/// SHA-384 and SHA-512 computed once, so each verification starts from them.
public struct SymmetricKey: Sendable {
    /// The secret's length in bytes (the secret itself is never exposed or printed).
    public let byteCount: Int
    let sha256: HMAC<SHA256>.Key
    let sha384: HMAC<SHA384>.Key
    let sha512: HMAC<SHA512>.Key

    /// Prepares `secret` for HS256, HS384 and HS512.
    public init<Bytes: Collection>(_ secret: Bytes) where Bytes.Element == UInt8 {
        let bytes = Array(secret)
        byteCount = bytes.count
        sha256 = HMAC<SHA256>.Key(bytes)
        sha384 = HMAC<SHA384>.Key(bytes)
        sha512 = HMAC<SHA512>.Key(bytes)
    }

    /// True when `mac` is the full-length HMAC of `message` with `hash` (RFC 7518 §3.2), compared in
    /// constant time.
    func isValidMAC(_ mac: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer, hash: SHA2Function) -> Bool {
        switch hash {
        case .sha256: return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: message, using: sha256)
        case .sha384: return HMAC<SHA384>.isValidAuthenticationCode(mac, authenticating: message, using: sha384)
        case .sha512: return HMAC<SHA512>.isValidAuthenticationCode(mac, authenticating: message, using: sha512)
        }
    }
}
