/// Where a verifier gets its keys: a local ``JWKSet``, or a remote set that fetches and caches
/// (`JOSERemote.RemoteJWKSet`). The verifier does not care which.
public protocol JWKSetSource: Sendable {
    /// The key set to verify a token whose protected header is `header`. A remote source refetches
    /// when the header names a `kid` it does not know and its cooldown allows (key rotation).
    ///
    /// - Throws: ``JOSEError``, e.g. `ERR_JWKS_TIMEOUT` or `ERR_JWKS_FETCH_FAILED` from a remote source.
    func keySet(for header: JWSHeader) async throws(JOSEError) -> JWKSet
}

extension JWKSet: JWKSetSource {
    /// A local set is its own answer.
    public func keySet(for header: JWSHeader) async throws(JOSEError) -> JWKSet { self }

    /// True when some key of the set (usable or not) has this `kid`.
    public func containsKey(withID keyID: String) -> Bool {
        candidatePositions(keyID: keyID) != nil
    }
}

extension JWT {
    /// Verifies `token` with keys from `source`, which may fetch them (see ``verify(_:keys:options:)``
    /// for the pipeline). The header is parsed and checked before the source is asked.
    public static func verify(_ token: String, keys source: some JWKSetSource, options: JWTVerifyOptions) async throws(JOSEError) -> Verified {
        try options.validate()
        let header = try withTokenBytes(token) { bytes throws(JOSEError) in
            let parts = try CompactParts.split(bytes, maximumBytes: options.maximumTokenBytes)
            return try ProtectedHeaderParsing.parse(bytes.slice(parts.header), allowed: options.algorithms, isJWT: true)
        }
        let keys = try await source.keySet(for: header)
        return try withTokenBytes(token) { bytes throws(JOSEError) in
            try verify(bytes: bytes, keys: keys, options: options, header: header)
        }
    }
}

extension JWKSet {
    /// True when some key may verify a token with this header: a key with the header's `kid` (every
    /// key when it has none) that policy allows for its `alg` (``JWK/usableKey(for:)``). A remote set
    /// refetches when this is false (key rotation). Allocates nothing for sets of up to 16 keys.
    public func hasCandidate(for header: JWSHeader) -> Bool {
        let algorithm = header.algorithm
        if let kid = header.json["kid"] {
            return firstPosition(withKeyID: kid) { prepared[$0].isUsable(for: algorithm) } != nil
        }
        return prepared.contains { $0.isUsable(for: algorithm) }
    }
}
