import JOSE

/// The shape of one case's tokens (RFC 7519 §3, RFC 7515 §7.1): the protected header
/// `{"alg","kid","typ":"JWT"}`, the claims of ``AuthentikClaims`` optionally preceded by one big
/// claim, and the signature. Lengths are known without building a token, so a case can name its
/// OpenSSL reference size before its inputs exist.
struct FixtureTokenLayout: Sendable {
    let algorithm: JWSAlgorithm
    let keyID: String
    /// Length of the raw signature: 32 for HS256, k for RSA.
    let signatureBytes: Int
    /// Length of the claims text before the per-token tail: 1 (`{`), or a big claim's head.
    let headBytes: Int

    /// A token of about 1.3 KB with RS256-2048 (no big claim).
    init(algorithm: JWSAlgorithm, keyID: String, signatureBytes: Int) {
        self.init(algorithm: algorithm, keyID: keyID, signatureBytes: signatureBytes, headBytes: 1)
    }

    private init(algorithm: JWSAlgorithm, keyID: String, signatureBytes: Int, headBytes: Int) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.signatureBytes = signatureBytes
        self.headBytes = headBytes
    }

    /// Tokens of about `tokenBytes` bytes, grown by a big `picture` claim.
    static func sized(algorithm: JWSAlgorithm, keyID: String, signatureBytes: Int, tokenBytes: Int) -> FixtureTokenLayout {
        let small = FixtureTokenLayout(algorithm: algorithm, keyID: keyID, signatureBytes: signatureBytes)
        let fixed = small.tokenLength - encodedCount(1 + tailBytes) + encodedCount(tailBytes)
        let headBytes = max((tokenBytes - fixed) * 3 / 4 / 3 * 3, (AuthentikClaims.bigHeadOverhead + 2) / 3 * 3)
        return FixtureTokenLayout(algorithm: algorithm, keyID: keyID, signatureBytes: signatureBytes, headBytes: headBytes)
    }

    var headerJSON: [UInt8] { headerJSON(keyID: keyID) }

    /// The header with another `kid` of the same length (a case whose tokens name different keys).
    func headerJSON(keyID: String) -> [UInt8] {
        Array(#"{"alg":"\#(algorithm.rawValue)","kid":"\#(keyID)","typ":"JWT"}"#.utf8)
    }

    /// The claims text's length after the head (the same for every token).
    static let tailBytes: Int = {
        var generator = InputGenerator(seed: 0)
        return AuthentikClaims.tail(index: 0, generator: &generator).count
    }()

    /// Length of the JWS Signing Input, `BASE64URL(header) || '.' || BASE64URL(claims)` (RFC 7515 §5.1).
    var signingInputLength: Int {
        encodedCount(headerJSON.count) + 1 + encodedCount(headBytes + Self.tailBytes)
    }

    /// Length of the whole compact token.
    var tokenLength: Int { signingInputLength + 1 + encodedCount(signatureBytes) }

    /// Unpadded base64url length of `count` bytes (RFC 7515 §2).
    static func encodedCount(_ count: Int) -> Int { count / 3 * 4 + [0, 2, 3][count % 3] }
    private func encodedCount(_ count: Int) -> Int { Self.encodedCount(count) }
    private var tailBytes: Int { Self.tailBytes }
}
