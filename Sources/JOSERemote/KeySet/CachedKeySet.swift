import JOSE

/// One fetched JWK Set, immutable: replaced whole when a new set arrives, so a verification sees
/// either the old set or the new one, never a mix.
struct CachedKeySet: Sendable {
    let keySet: JWKSet
    let json: String
    let fetchedAt: Double
    /// For each `kid`, the algorithms some key with that `kid` may verify.
    private let algorithmsByKeyID: [String: Set<JWSAlgorithm>]
    /// The algorithms some key of the set may verify (for tokens without `kid`).
    private let algorithms: Set<JWSAlgorithm>

    init(json: String, fetchedAt: Double) throws(JOSEError) {
        let keySet = try JWKSet(json: json)
        var byKeyID: [String: Set<JWSAlgorithm>] = [:]
        var all: Set<JWSAlgorithm> = []
        for key in keySet.keys {
            for algorithm in JWSAlgorithm.allCases {
                guard case .success = key.usableKey(for: algorithm) else { continue }
                all.insert(algorithm)
                if let kid = key.keyID { byKeyID[kid, default: []].insert(algorithm) }
            }
        }
        self.keySet = keySet
        self.json = json
        self.fetchedAt = fetchedAt
        self.algorithmsByKeyID = byKeyID
        self.algorithms = all
    }

    /// True when the verifier would find a candidate key for `header` (same selection as
    /// `JWS.verify`: keys with the token's `kid`, or every key when it has none; RFC 7515 §4.1.4).
    func hasCandidate(for header: JWSHeader) -> Bool {
        if let kid = header.keyID {
            return algorithmsByKeyID[kid]?.contains(header.algorithm) ?? false
        }
        return algorithms.contains(header.algorithm)
    }
}
