/// The JWT Claims Set of a verified token (RFC 7519 §4), kept as the validated JSON document with
/// typed accessors for the registered claims. Reading a claim does not copy the payload.
public struct JWTClaims: Sendable {
    /// The validated payload JSON.
    public let document: JSONDocument

    /// The claims as a JSON object.
    public var json: JSONValue { document.root }

    /// Any claim by name.
    public subscript(name: String) -> JSONValue? { json[name] }

    /// `iss` (RFC 7519 §4.1.1).
    public var issuer: String? { json.member("iss")?.string }
    /// `sub` (RFC 7519 §4.1.2).
    public var subject: String? { json.member("sub")?.string }
    /// `aud` (RFC 7519 §4.1.3), as a list whether the token carries a string or an array.
    public var audience: [String] {
        guard let aud = json.member("aud") else { return [] }
        if let single = aud.string { return [single] }
        return aud.elements.compactMap(\.string)
    }
    /// `exp` (RFC 7519 §4.1.4), seconds since the epoch (possibly fractional).
    public var expirationTime: Double? { json.member("exp")?.double }
    /// `nbf` (RFC 7519 §4.1.5).
    public var notBefore: Double? { json.member("nbf")?.double }
    /// `iat` (RFC 7519 §4.1.6).
    public var issuedAt: Double? { json.member("iat")?.double }
    /// `jti` (RFC 7519 §4.1.7).
    public var jwtID: String? { json.member("jti")?.string }

    /// Decodes the claims into the caller's own `Decodable` type (no Foundation involved).
    ///
    /// - Throws: `ERR_JWT_INVALID` with the coding path of the member that did not fit.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(JOSEError) -> T {
        do {
            return try JSONValueDecoder().decode(T.self, from: json)
        } catch {
            throw JOSEError(.jwtInvalid, "the claims do not decode as \(T.self): \(error)")
        }
    }
}
