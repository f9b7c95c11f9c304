import JOSE

/// One fetched JWK Set, immutable: replaced whole when a new set arrives, so a verification sees
/// either the old set or the new one, never a mix.
struct CachedKeySet: Sendable {
    let keySet: JWKSet
    let json: String
    let fetchedAt: Double

    init(json: String, fetchedAt: Double) throws(JOSEError) {
        self.keySet = try JWKSet(json: json)
        self.json = json
        self.fetchedAt = fetchedAt
    }

    /// True when the verifier would find a candidate key for `header` (``JWKSet/hasCandidate(for:)``:
    /// keys with the token's `kid`, or every key when it has none, that may verify its `alg`).
    func hasCandidate(for header: JWSHeader) -> Bool {
        keySet.hasCandidate(for: header)
    }
}
