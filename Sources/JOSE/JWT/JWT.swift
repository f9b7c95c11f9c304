/// Verification of JSON Web Tokens (RFC 7519) signed as compact JWS: the Swift counterpart of
/// panva/jose's `jwtVerify(token, createLocalJWKSet(jwks), options)`.
///
/// ```swift
/// let keys = try JWKSet(json: jwksText)
/// let options = JWTVerifyOptions(algorithms: [.rs256], issuers: ["https://auth.example.com/application/o/app/"],
///                                audiences: ["my-client-id"])
/// let token = try JWT.verify(bearer, keys: keys, options: options)
/// print(token.claims.subject ?? "-")
/// ```
public enum JWT {
    /// A JWT whose signature verified and whose claims passed validation.
    public struct Verified: Sendable {
        /// The protected header.
        public let header: JWSHeader
        /// The claims.
        public let claims: JWTClaims
        /// The key that verified the signature.
        public let key: JWK
    }

    /// Verifies `token` in the order that makes forgery pointless to probe: parse, `alg` allowlist,
    /// key selection, signature, and only then the claims (RFC 7519 §7.2, RFC 8725 §3).
    ///
    /// - Throws: ``JOSEError`` with a stable code and a message that says what to fix. Claims are never
    ///   read, and nothing of the payload is returned, unless the signature verified.
    public static func verify(_ token: String, keys: borrowing JWKSet, options: borrowing JWTVerifyOptions) throws(JOSEError) -> Verified {
        try options.validate()
        return try withTokenBytes(token) { bytes throws(JOSEError) in
            try verify(bytes: bytes, keys: keys, options: options)
        }
    }

    /// Verifies a token given as UTF-8 bytes (see ``verify(_:keys:options:)``).
    public static func verify(bytes token: UnsafeRawBufferPointer, keys: JWKSet, options: JWTVerifyOptions) throws(JOSEError) -> Verified {
        try options.validate()
        return try verify(bytes: token, keys: keys, options: options, header: nil)
    }

    /// The pipeline, reusing `header` when the caller already parsed and checked it.
    static func verify(bytes token: UnsafeRawBufferPointer, keys: JWKSet, options: JWTVerifyOptions, header: JWSHeader?) throws(JOSEError) -> Verified {
        let verified = try JWS.verifySignature(
            token, keys: keys, algorithms: options.algorithms, maximumTokenBytes: options.maximumTokenBytes, isJWT: true, header: header)
        let document = try decodeJSONPart(token.slice(verified.parts.payload), part: "payload (second part of the token)", what: "JWT Claims Set", code: .jwtInvalid)
        let now = options.clock.now()
        guard now.isFinite else {
            throw JOSEError(.invalidOptions, "the clock returned \(now), not a time: claims cannot be checked against it")
        }
        try ClaimsValidation.validate(document.root, header: verified.header, options: options, now: now)
        return Verified(header: verified.header, claims: JWTClaims(document: document), key: keys.keys[verified.keyPosition])
    }

    /// Decodes header and claims **without verifying the signature or any claim**: for debugging tools
    /// (`jose decode`) only. Never authorise anything on the result.
    public static func decodeUnverified(_ token: String) throws(JOSEError) -> (header: JSONDocument, claims: JSONDocument) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 5 {
            throw JOSEError(.notSupported, "the token has five parts: it is an encrypted JWT (JWE, RFC 7516), which is not supported")
        }
        guard parts.count == 3 else {
            throw JOSEError(.jwtInvalid, "a JWT has three parts separated by dots (RFC 7519 §7.2); this token has \(parts.count)")
        }
        let header = try JWS.decodeProtectedHeaderUnverified(token)
        let claimsBytes = try withTokenBytes(String(parts[1])) { bytes throws(JOSEError) in
            try decodePart(bytes, part: "payload (second part of the token)", code: .jwtInvalid)
        }
        let claims = try JSONDocument.parseForJOSE(claimsBytes, what: "JWT Claims Set", code: .jwtInvalid)
        return (header, claims)
    }
}
