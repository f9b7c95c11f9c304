/// Verification of JWS in compact serialization (RFC 7515 §5.2, §7.1) for payloads that are not JWTs.
/// For JWTs use ``JWT/verify(_:keys:options:)``, which also validates the claims.
public enum JWS {
    /// A JWS whose signature verified.
    public struct Verified: Sendable {
        /// The protected header.
        public let header: JWSHeader
        /// The decoded payload bytes.
        public let payload: [UInt8]
        /// The key that verified the signature.
        public let key: JWK
    }

    /// Verifies a compact JWS: strict parsing, `alg` in `algorithms`, `crit` validated, key selection
    /// from `keys`, then the signature (RFC 7515 §5.2). `none` is never accepted.
    ///
    /// - Parameters:
    ///   - token: the compact serialization `header.payload.signature`.
    ///   - keys: the keys it may be signed with.
    ///   - algorithms: the allowlist; it must not be empty (RFC 8725 §3.1).
    ///   - maximumTokenBytes: tokens longer than this are refused before any decoding.
    /// - Throws: ``JOSEError``; nothing of the payload is returned unless the signature verified.
    public static func verifyCompact(
        _ token: String, keys: JWKSet, algorithms: Set<JWSAlgorithm>, maximumTokenBytes: Int = JWTVerifyOptions.defaultMaximumTokenBytes
    ) throws(JOSEError) -> Verified {
        guard !algorithms.isEmpty else {
            throw JOSEError(.invalidOptions, "the algorithm allowlist is empty: name the algorithms your issuer signs with (RFC 8725 §3.1)")
        }
        return try withTokenBytes(token) { bytes throws(JOSEError) in
            let verified = try verifySignature(bytes, keys: keys, algorithms: algorithms, maximumTokenBytes: maximumTokenBytes, isJWT: false)
            let payload = try decodePart(bytes.slice(verified.parts.payload), part: "payload (second part of the token)")
            return Verified(header: verified.header, payload: payload, key: keys.keys[verified.keyPosition])
        }
    }

    /// Steps 1–5 of the pipeline over the token's bytes.
    static func verifySignature(
        _ token: UnsafeRawBufferPointer, keys: JWKSet, algorithms: Set<JWSAlgorithm>, maximumTokenBytes: Int, isJWT: Bool,
        header parsed: JWSHeader? = nil
    ) throws(JOSEError) -> (header: JWSHeader, parts: CompactParts, keyPosition: Int) {
        let parts = try CompactParts.split(token, maximumBytes: maximumTokenBytes)
        let header: JWSHeader
        if let parsed {
            header = parsed
        } else {
            header = try ProtectedHeaderParsing.parse(token.slice(parts.header), allowed: algorithms, isJWT: isJWT)
        }
        let position = try SignatureVerification.verify(
            signature: token.slice(parts.signature),
            signingInput: token.slice(parts.signingInput),
            header: header,
            keys: keys)
        return (header, parts, position)
    }

    /// Decodes the protected header of a compact JWS **without verifying anything**: for debugging
    /// tools only. Never base a decision on it.
    public static func decodeProtectedHeaderUnverified(_ token: String) throws(JOSEError) -> JSONDocument {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 5 else {
            throw JOSEError(.jwsInvalid, "a compact JWS has three parts separated by dots; this token has \(parts.count)")
        }
        return try withTokenBytes(String(parts[0])) { utf8 throws(JOSEError) in
            let bytes = try decodePart(utf8, part: "protected header (first part of the token)")
            return try JSONDocument.parseForJOSE(bytes, what: "protected header", code: .jwsInvalid)
        }
    }
}
