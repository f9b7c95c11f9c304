import JOSECrypto

extension JWK {
    /// The JWK's RFC 7638 thumbprint: the SHA-256 of its required members (RSA: `e`, `kty`, `n`; oct:
    /// `k`, `kty`; EC: `crv`, `kty`, `x`, `y`; OKP: `crv`, `kty`, `x`) serialized in lexicographic
    /// order without whitespace (RFC 7638 §3.2–3.3), base64url-encoded.
    ///
    /// - Throws: `ERR_JWK_INVALID` for an unknown key type or a missing required member.
    public func thumbprint() throws(JOSEError) -> String {
        Base64URL.encode(try thumbprintDigest())
    }

    /// The raw SHA-256 digest behind ``thumbprint()``.
    public func thumbprintDigest() throws(JOSEError) -> Digest {
        guard let json = thumbprintInput() else {
            throw JOSEError(.jwkInvalid, "no RFC 7638 thumbprint for this key: its \"kty\" \"\(keyType)\" is unknown or a required member is missing (RFC 7638 §3.2)")
        }
        return SHA256.hash(json.utf8)
    }

    /// The canonical JSON of the required members (RFC 7638 §3.3), or nil when there is none.
    public func thumbprintInput() -> String? {
        guard let members = thumbprintMembers else { return nil }
        return "{" + members.map { "\(JSONString.quoted($0.0)):\(JSONString.quoted($0.1))" }.joined(separator: ",") + "}"
    }
}
