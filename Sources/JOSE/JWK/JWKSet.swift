/// A JSON Web Key Set (RFC 7517 §5) prepared for verification: every key parsed once, RSA keys with
/// their per-key precomputation done, and an index by `kid` so selection in a large set is one lookup.
///
/// Keys of types this library does not verify with (EC, OKP, unknown `kty`) and malformed keys are kept
/// out of selection and listed in ``skipped`` with the reason; they never fail the whole set.
/// Three rules protect against algorithm confusion and ambiguity, and do fail the set: a set may not
/// mix symmetric (`oct`) and asymmetric keys, two symmetric keys may not share a `kid`, and a malformed
/// symmetric key is an error rather than a skipped key (secrets are configured by hand, not rotated).
public struct JWKSet: Sendable {
    /// A key left out of selection, and why.
    public struct SkippedKey: Sendable, CustomStringConvertible {
        /// The key's position in the `keys` array.
        public let index: Int
        /// Its `kid`, when it had a string one.
        public let keyID: String?
        /// Why it cannot be used.
        public let reason: String
        public var description: String {
            "key \(index)\(keyID.map { " (kid \"\($0)\")" } ?? ""): \(reason)"
        }
    }

    /// The keys that parsed, in set order (including ones that ``JWK/usableKey(for:)`` will refuse).
    public let keys: [JWK]
    /// Keys that could not be parsed at all, with reasons.
    public let skipped: [SkippedKey]
    /// Positions in ``keys`` by `kid`.
    private let indexByKeyID: [String: [Int]]
    /// What verification needs of each key, parallel to ``keys``: computed once here so that selecting
    /// a key costs a bit test, not a policy check and a copy of the JWK.
    let prepared: [PreparedKey]

    /// Parses `{"keys": [...]}` (RFC 7517 §5).
    ///
    /// - Throws: ``JOSEError`` `ERR_JWKS_INVALID` when the text is not a JWK Set (with a specific message
    ///   for `{}`, which authentik serves when a provider has no signing key), when no key in it can
    ///   verify anything, or when it breaks one of the two rules above.
    public init(json: String) throws(JOSEError) {
        try self.init(bytes: Array(json.utf8))
    }

    /// Parses a JWK Set from UTF-8 JSON bytes.
    public init(bytes: [UInt8]) throws(JOSEError) {
        let document = try JSONDocument.parseForJOSE(bytes, what: "JWK Set", code: .jwksInvalid)
        try self.init(document.root)
    }

    /// Builds a set from a parsed JSON value.
    public init(_ root: JSONValue) throws(JOSEError) {
        guard root.kind == .object else {
            throw JOSEError(.jwksInvalid, "a JWK Set must be a JSON object with a \"keys\" array (RFC 7517 §5)")
        }
        guard let keysValue = root["keys"] else {
            throw JOSEError(.jwksInvalid, root.count == 0
                ? "the JWK Set is an empty object {}: it has no \"keys\" member. authentik serves {} when the provider has no signing key: select one under the provider's \"Signing Key\" setting (RFC 7517 §5)"
                : "the JWK Set has no \"keys\" member (RFC 7517 §5)")
        }
        guard keysValue.kind == .array else {
            throw JOSEError(.jwksInvalid, "the JWK Set's \"keys\" member must be an array (RFC 7517 §5.1)")
        }
        var keys: [JWK] = []
        var skipped: [SkippedKey] = []
        keys.reserveCapacity(keysValue.count)
        for (index, element) in keysValue.elements.enumerated() {
            do {
                keys.append(try JWK(element))
            } catch {
                if element["kty"]?.stringEquals("oct") == true {
                    // Secrets are configured by hand, not rotated by a provider: a broken one is an error.
                    throw JOSEError(.jwksInvalid, "symmetric key \(index) of the JWK Set is malformed: \(error.message)")
                }
                skipped.append(SkippedKey(index: index, keyID: element["kid"]?.string, reason: error.message))
            }
        }
        try self.init(keys: keys, skipped: skipped)
    }

    /// Builds a set from keys already parsed.
    ///
    /// - Throws: ``JOSEError`` `ERR_JWKS_INVALID` as for ``init(json:)``.
    public init(keys: [JWK]) throws(JOSEError) {
        try self.init(keys: keys, skipped: [])
    }

    private init(keys: [JWK], skipped: [SkippedKey]) throws(JOSEError) {
        var index: [String: [Int]] = [:]
        var symmetric = 0
        var asymmetric = 0
        var usable = 0
        for (position, key) in keys.enumerated() {
            if let kid = key.keyID { index[kid, default: []].append(position) }
            if key.keyType == "oct" { symmetric += 1 } else { asymmetric += 1 }
            if case .unusable = key.material {} else if !key.hasPrivateMembers { usable += 1 }
        }
        if symmetric > 0 && asymmetric > 0 {
            throw JOSEError(.jwksInvalid, "the JWK Set mixes symmetric (\"oct\") and asymmetric keys; keep HMAC secrets out of public key sets (RFC 8725 §3.1)")
        }
        if symmetric > 0 {
            for (kid, positions) in index where positions.count > 1 {
                throw JOSEError(.jwksInvalid, "two symmetric keys share \"kid\" \"\(kid)\"; give each secret its own kid", kid: kid)
            }
        }
        if usable == 0 {
            let reasons = keys.enumerated().compactMap { position, key -> String? in
                if case .unusable(let reason) = key.material {
                    return "key \(position)\(key.keyID.map { " (kid \"\($0)\")" } ?? ""): \(reason)"
                }
                return key.hasPrivateMembers ? "key \(position): carries private members" : nil
            } + skipped.map(\.description)
            throw JOSEError(.jwksInvalid, keys.isEmpty && skipped.isEmpty
                ? "the JWK Set's \"keys\" array is empty: the provider publishes no key"
                : "the JWK Set has no key usable for verification: " + reasons.joined(separator: "; "))
        }
        self.keys = keys
        self.skipped = skipped
        self.indexByKeyID = index
        self.prepared = keys.map(PreparedKey.init)
    }

    /// The positions of the keys a token with this `kid` may be verified with: exactly the keys with
    /// that `kid` when the token names one, every key otherwise (RFC 7515 §4.1.4, as jose selects).
    func candidatePositions(keyID: String?) -> ArraySlice<Int>? {
        if let keyID {
            return indexByKeyID[keyID].map { $0[...] }
        }
        return nil
    }

    /// Sets up to this size are searched by comparing the header's `kid` in place, which allocates
    /// nothing; larger sets use the index, which needs the `kid` as a `String`.
    static let linearSearchLimit = 16

    /// Calls `body` with the position of each key whose `kid` equals the JSON string `keyID`, in set
    /// order, until it returns true; returns that position.
    func firstPosition(withKeyID keyID: JSONValue, where body: (Int) -> Bool) -> Int? {
        if prepared.count <= Self.linearSearchLimit {
            for position in prepared.indices {
                if let candidate = prepared[position].keyID, keyID.stringEquals(candidate), body(position) {
                    return position
                }
            }
            return nil
        }
        guard let name = keyID.string, let positions = indexByKeyID[name] else { return nil }
        for position in positions where body(position) { return position }
        return nil
    }
}

/// A key of a set as the verifier sees it: its material and, per algorithm, whether policy allows it
/// (``JWK/usableKey(for:)`` evaluated once for every ``JWSAlgorithm``).
final class PreparedKey: Sendable {
    let keyID: String?
    let material: JWK.Material
    /// The ``JWSAlgorithm/maskBit`` of every algorithm that may use this key.
    let usableMask: UInt16

    init(_ key: JWK) {
        keyID = key.keyID
        material = key.material
        var mask: UInt16 = 0
        for algorithm in JWSAlgorithm.allCases {
            if key.refusal(for: algorithm) == nil { mask |= algorithm.maskBit }
        }
        usableMask = mask
    }

    /// Whether policy lets `algorithm` use this key.
    @inline(__always)
    func isUsable(for algorithm: JWSAlgorithm) -> Bool {
        usableMask & algorithm.maskBit != 0
    }
}
