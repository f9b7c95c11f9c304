import JOSE
import JOSECrypto

extension BenchCase {
    /// `JWKSet(bytes:)` (RFC 7517 §5) of an authentik-like set of `keyCount` RSA-4096 keys, each with
    /// `kty`, `alg`, `use`, `kid`, `n`, `e`, `x5c` (a 1.9 KB certificate-shaped blob), `x5t` and
    /// `x5t#S256`: JSON validation, base64url of `n`/`e`, and each key's RSA precomputation. The 256
    /// inputs are distinct sets (windows over a pool of keys); moduli are random odd 4096-bit
    /// numbers (parsing cannot tell): about 2.6 KB of JSON per key.
    static func jwksParse(name: String, keyCount: Int) -> BenchCase {
        BenchCase(name: name) {
            var generator = InputGenerator(seed: 0x4A57_4B53 + UInt64(keyCount))
            let pool = (0..<(Workload.minimumInputs + keyCount - 1)).map { _ in
                AuthentikJWKS.rsaKey(
                    modulus: AuthentikJWKS.randomModulus(bits: 4096, generator: &generator), exponent: [1, 0, 1],
                    keyID: AuthentikJWKS.keyID(&generator), algorithm: "RS256",
                    certificate: AuthentikJWKS.fakeCertificate(count: 1400, generator: &generator), generator: &generator)
            }
            let sets = (0..<Workload.minimumInputs).map { Array(AuthentikJWKS.set(Array(pool[$0..<($0 + keyCount)])).utf8) }
            return try Workload(inputs: sets, expect: { (set: JWKSet) in
                set.keys.count == keyCount && set.skipped.isEmpty
                    && set.keys.allSatisfy { if case .rsa(let key) = $0.material { key.modulusBitCount == 4096 } else { false } }
            }) { bytes in
                try JWKSet(bytes: bytes)
            }
        }
    }

    /// Key selection in a 10,000-key set, measured END TO END: `JWT.verify` of RS256-2048 tokens
    /// (as `jwt.RS256-2048`) against a set of 10,000 RSA-2048 keys where the token's `kid` selects one.
    /// The public API has no selection-only entry point, so this is the whole pipeline; compare it
    /// with `jwt.RS256-2048` (three keys) for the cost of the large set, and see `jwks.lookup.10000`
    /// for the `kid` lookup alone. The 256 tokens name 256 different `kid`s spread through the set
    /// (every 39th key, carrying the fixture key's modulus); the other 9,744 keys have random moduli.
    static func jwksSelect(name: String) -> BenchCase {
        let layout = FixtureTokenLayout(algorithm: .rs256, keyID: String(repeating: "0", count: 32), signatureBytes: 256)
        return BenchCase(name: name, inputBytes: layout.signingInputLength, openssl: .rsaVerify(bits: 2048)) {
            let large = try LargeKeySet()
            let tokens = try FixtureTokens.make(layout, signer: .rs256(large.signer), keyIDs: large.selectableKeyIDs, seed: 0x5345_4C)
            let options = JWTCaseKeys.options(.rs256)
            let keys = large.keys
            return try Workload(inputs: tokens, expect: { (verified: JWT.Verified) in
                verified.key.keyID == verified.header.keyID && verified.claims.issuer == AuthentikClaims.issuer
            }) { token in
                try JWT.verify(token, keys: keys, options: options)
            }
        }
    }

    /// The `kid` lookup alone in the same 10,000-key set, through the public `containsKey(withID:)`
    /// (the index `JWT.verify` selects candidates with), for 256 different `kid`s.
    static func jwksLookup(name: String) -> BenchCase {
        BenchCase(name: name) {
            let large = try LargeKeySet()
            let keys = large.keys
            return try Workload(inputs: large.selectableKeyIDs, expect: { $0 }) { keyID in
                keys.containsKey(withID: keyID)
            }
        }
    }
}

/// The 10,000-key set of `jwks.select.10000`: RS256 keys with `kty`, `alg`, `use`, `kid`, `n`, `e`
/// (no `x5c`, which would take the text past the default 8 MiB JSON limit).
private struct LargeKeySet {
    static let keyCount = 10_000
    let keys: JWKSet
    let signer: FixtureRSASigner
    /// The `kid`s of the keys with the fixture modulus, in token order.
    let selectableKeyIDs: [String]

    init() throws {
        signer = try FixtureRSASigner(FixtureRSAKey.rsa2048)
        var generator = InputGenerator(seed: 0x1_0000)
        var jwks: [String] = []
        var selectable: [String] = []
        jwks.reserveCapacity(Self.keyCount)
        for position in 0..<Self.keyCount {
            let keyID = AuthentikJWKS.keyID(&generator)
            let isReal = position % 39 == 7 && selectable.count < Workload.minimumInputs
            if isReal { selectable.append(keyID) }
            let modulus = isReal ? signer.modulusBytes : AuthentikJWKS.randomModulus(bits: 2048, generator: &generator)
            jwks.append(AuthentikJWKS.rsaKey(modulus: modulus, exponent: [1, 0, 1], keyID: keyID, algorithm: "RS256", generator: &generator))
        }
        keys = try JWKSet(json: AuthentikJWKS.set(jwks))
        guard keys.keys.count == Self.keyCount, selectable.count == Workload.minimumInputs else {
            throw BenchError("the large set has \(keys.keys.count) keys (\(keys.skipped.count) skipped), \(selectable.count) selectable")
        }
        selectableKeyIDs = selectable
    }
}
