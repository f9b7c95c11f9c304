import Testing
import JOSE

/// The order and the refusals of the verification pipeline (DESIGN.md; RFC 7515 §5.2, RFC 8725).
@Suite struct PipelineTests {
    let keys: JWKSet
    let options = JWTVerifyOptions(algorithms: [.hs256], clock: .fixed(1_700_000_000))

    init() throws {
        keys = try JWKSet(json: TestTokens.secretJWKS)
    }

    func verify(_ token: String, keys: JWKSet? = nil, options: JWTVerifyOptions? = nil) -> JOSEError? {
        let keys = keys ?? self.keys
        let options = options ?? self.options
        return joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: options) }
    }

    @Test func signatureIsCheckedBeforeClaims() {
        // An expired token with a bad signature must fail on the signature, never on the claims.
        let expired = TestTokens.hs256(["exp": 1, "iss": "wrong"])
        #expect(verify(expired)?.code == .jwtExpired, "control: the correctly signed token is expired")
        let forged = String(expired.dropLast(2)) + (expired.hasSuffix("AA") ? "BA" : "AA")
        let error = verify(forged)
        #expect(error?.code == .jwsSignatureVerificationFailed, "got \(String(describing: error))")
        // And the payload of a forged token is never parsed: invalid JSON behind a bad signature.
        let garbage = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"hs-key"}"#, payloadJSON: "not json", secret: Array("another secret of 32 bytes......".utf8))
        #expect(verify(garbage)?.code == .jwsSignatureVerificationFailed)
    }

    @Test func noneIsNeverAccepted() {
        let none = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UifQ."
        #expect(verify(none)?.code == .algNotAllowed)
        #expect(verify(none)?.message.contains("none") == true)
    }

    @Test func algorithmAllowlist() {
        let token = TestTokens.hs256([:])
        let rsOnly = JWTVerifyOptions(algorithms: [.rs256], clock: .fixed(0))
        let error = verify(token, options: rsOnly)
        #expect(error?.code == .algNotAllowed)
        #expect(error?.message.contains("RS256") == true, "lists what is allowed: \(error?.message ?? "")")
        let es = TestTokens.hmac(headerJSON: #"{"alg":"ES256"}"#, payloadJSON: "{}")
        #expect(verify(es)?.code == .algNotAllowed)
        let unknown = TestTokens.hmac(headerJSON: #"{"alg":"XX999"}"#, payloadJSON: "{}")
        #expect(verify(unknown)?.code == .algNotAllowed)
        let notString = TestTokens.hmac(headerJSON: #"{"alg":256}"#, payloadJSON: "{}")
        #expect(verify(notString)?.code == .jwsInvalid)
        let missing = TestTokens.hmac(headerJSON: #"{"kid":"hs-key"}"#, payloadJSON: "{}")
        #expect(verify(missing)?.code == .jwsInvalid)
    }

    @Test func critHeader() {
        func token(_ header: String) -> String { TestTokens.hmac(headerJSON: header, payloadJSON: "{}") }
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","crit":["exp"],"exp":1}"#))?.code == .notSupported, "unknown extension")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","crit":[]}"#))?.code == .jwsInvalid, "empty list")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","crit":"b64"}"#))?.code == .jwsInvalid, "not a list")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","crit":[""]}"#))?.code == .jwsInvalid, "empty name")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","crit":["alg"]}"#))?.code == .jwsInvalid, "registered name")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","crit":["b64"],"b64":true}"#))?.code == .jwtInvalid, "b64 in a JWT")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","b64":false}"#))?.code == .jwtInvalid, "unencoded payload in a JWT")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","b64":"no"}"#))?.code == .jwsInvalid, "b64 not a boolean")
        #expect(verify(token(#"{"alg":"HS256","kid":"hs-key","b64":true}"#)) == nil, "b64 true without crit is harmless")
    }

    @Test func malformedTokens() {
        let good = TestTokens.hs256([:])
        let parts = good.split(separator: ".").map(String.init)
        let cases: [(String, String)] = [
            ("empty", ""),
            ("one part", parts[0]),
            ("two parts", parts[0] + "." + parts[1]),
            ("four parts", good + ".x"),
            ("five parts (JWE)", "a.b.c.d.e"),
            ("empty header", "." + parts[1] + "." + parts[2]),
            ("padding", parts[0] + "=." + parts[1] + "." + parts[2]),
            ("space in header", " " + good),
            ("newline at end", good + "\n"),
            ("header not JSON", "bm90IGpzb24." + parts[1] + "." + parts[2]),
            ("header is an array", Base64URL.encode(Array("[]".utf8)) + "." + parts[1] + "." + parts[2]),
            ("duplicate alg", Base64URL.encode(Array(#"{"alg":"HS256","alg":"HS256"}"#.utf8)) + "." + parts[1] + "." + parts[2]),
            ("BOM in header", Base64URL.encode([0xEF, 0xBB, 0xBF] + Array(#"{"alg":"HS256"}"#.utf8)) + "." + parts[1] + "." + parts[2]),
            ("signature with bad char", parts[0] + "." + parts[1] + "." + parts[2].dropLast() + "*"),
            ("signature of impossible length", parts[0] + "." + parts[1] + "." + parts[2] + "AA"),
        ]
        for (name, token) in cases {
            let error = verify(token)
            #expect(error != nil, "\(name) must be refused")
            #expect(error?.code == .jwsInvalid || error?.code == .algNotAllowed, "\(name): \(String(describing: error))")
        }
        #expect(verify(parts[0] + "." + parts[1] + ".")?.code == .jwsSignatureVerificationFailed, "empty signature")
        #expect(verify("a.b.c.d.e")?.message.contains("encrypted") == true)
    }

    @Test func tokenSizeLimit() {
        var small = options
        small.maximumTokenBytes = 64
        let token = TestTokens.hs256(["padding": String(repeating: "x", count: 100)])
        let error = verify(token, options: small)
        #expect(error?.code == .jwsInvalid && error?.message.contains("limit") == true)
    }

    @Test func keySelection() throws {
        let other: [UInt8] = Array("a second HS256 secret, 32 bytes.".utf8)
        let set = try JWKSet(json: """
            {"keys":[{"kty":"oct","kid":"a","k":"\(Base64URL.encode(other))"},
                     {"kty":"oct","kid":"hs-key","k":"\(Base64URL.encode(TestTokens.secret))"},
                     {"kty":"oct","kid":"enc","use":"enc","k":"\(Base64URL.encode(TestTokens.secret))"},
                     {"kty":"oct","kid":"ops","key_ops":["encrypt"],"k":"\(Base64URL.encode(TestTokens.secret))"},
                     {"kty":"oct","kid":"hs384","alg":"HS384","k":"\(Base64URL.encode(TestTokens.secret))"}]}
            """)
        let token = TestTokens.hs256([:])
        #expect(verify(token, keys: set) == nil, "the key with the token's kid verifies")
        func withKid(_ kid: String?) -> String {
            var header: [String: Any] = ["alg": "HS256"]
            if let kid { header["kid"] = kid }
            return TestTokens.hmac(headerJSON: TestTokens.json(header), payloadJSON: "{}")
        }
        #expect(verify(withKid(nil), keys: set) == nil, "no kid: every fitting key is tried")
        #expect(verify(withKid("unknown"), keys: set)?.code == .jwksNoMatchingKey)
        #expect(verify(withKid("a"), keys: set)?.code == .jwsSignatureVerificationFailed, "the kid selects a key that does not verify")
        let enc = verify(withKid("enc"), keys: set)
        #expect(enc?.code == .jwksNoMatchingKey && enc?.message.contains("use") == true, "use enc: \(String(describing: enc))")
        #expect(verify(withKid("ops"), keys: set)?.code == .jwksNoMatchingKey, "key_ops without verify")
        let wrongAlg = verify(withKid("hs384"), keys: set)
        #expect(wrongAlg?.code == .jwksNoMatchingKey && wrongAlg?.message.contains("HS384") == true)
    }

    @Test func shortHMACKeysAreRefused() throws {
        let short = Array(TestTokens.secret.prefix(31))
        let set = try JWKSet(json: #"{"keys":[{"kty":"oct","kid":"hs-key","k":"\#(Base64URL.encode(short))"}]}"#)
        let token = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"hs-key"}"#, payloadJSON: "{}", secret: short)
        let error = verify(token, keys: set)
        #expect(error?.code == .jwksNoMatchingKey && error?.message.contains("256") == true, "\(String(describing: error))")
    }

    @Test func hs384AndHS512() throws {
        let long = [UInt8](repeating: 7, count: 64)
        let set = try JWKSet(json: #"{"keys":[{"kty":"oct","k":"\#(Base64URL.encode(long))"}]}"#)
        for alg in ["HS384", "HS512"] {
            let token = TestTokens.hmac(headerJSON: #"{"alg":"\#(alg)"}"#, payloadJSON: "{}", secret: long, alg: alg)
            let opts = JWTVerifyOptions(algorithms: [.hs384, .hs512], clock: .fixed(0))
            #expect(verify(token, keys: set, options: opts) == nil, "\(alg)")
        }
    }
}

@Suite struct AsyncSourceTests {
    @Test func localSetThroughTheAsyncPath() async throws {
        let keys = try JWKSet(json: TestTokens.secretJWKS)
        let options = JWTVerifyOptions(algorithms: [.hs256], clock: .fixed(1_700_000_000))
        let verified = try await JWT.verify(TestTokens.hs256(["sub": "a"]), keys: Wrapped(set: keys), options: options)
        #expect(verified.claims.subject == "a")
        #expect(keys.containsKey(withID: "hs-key") && !keys.containsKey(withID: "other"))
        do {
            _ = try await JWT.verify(TestTokens.hs256(["exp": 1]), keys: Wrapped(set: keys), options: options)
            Issue.record("an expired token verified through the async path")
        } catch {
            #expect(error.code == .jwtExpired)
        }
    }

    @Test func hasCandidateFollowsSelection() throws {
        let keys = try JWKSet(json: TestTokens.secretJWKS)  // one HS256 key, kid "hs-key"
        func header(_ json: String) throws -> JWSHeader {
            let token = TestTokens.hmac(headerJSON: json, payloadJSON: "{}")
            return try JWT.verify(token, keys: keys, options: JWTVerifyOptions(algorithms: [.hs256, .hs384], clock: .fixed(0))).header
        }
        #expect(keys.hasCandidate(for: try header(#"{"alg":"HS256","kid":"hs-key"}"#)))
        #expect(keys.hasCandidate(for: try header(#"{"alg":"HS256"}"#)), "no kid: any usable key")
        let other = try JWKSet(json: #"{"keys":[{"kty":"oct","kid":"x","alg":"HS384","k":"\#(Base64URL.encode(TestTokens.secret + TestTokens.secret))"}]}"#)
        #expect(!other.hasCandidate(for: try header(#"{"alg":"HS256","kid":"hs-key"}"#)), "unknown kid")
        #expect(!other.hasCandidate(for: try header(#"{"alg":"HS256"}"#)), "the only key is bound to HS384")
    }

    /// A source that is not a `JWKSet`, so the async overload is the one called.
    struct Wrapped: JWKSetSource {
        let set: JWKSet
        func keySet(for header: JWSHeader) async throws(JOSEError) -> JWKSet { set }
    }
}

@Suite struct LargeSetSelectionTests {
    /// Sets above `JWKSet.linearSearchLimit` look the `kid` up in an index; both paths must agree.
    @Test(arguments: [3, 40])
    func kidSelectsTheRightKeyInSetsOfAnySize(size: Int) throws {
        var secrets: [[UInt8]] = []
        var members: [String] = []
        for index in 0..<size {
            let secret = Array("secret number \(index) of this key set....".utf8.prefix(32))
            secrets.append(secret)
            members.append(#"{"kty":"oct","kid":"key-\#(index)","k":"\#(Base64URL.encode(secret))"}"#)
        }
        let keys = try JWKSet(json: #"{"keys":[\#(members.joined(separator: ","))]}"#)
        let options = JWTVerifyOptions(algorithms: [.hs256], clock: .fixed(0))
        for index in [0, size / 2, size - 1] {
            let token = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"key-\#(index)"}"#, payloadJSON: "{}", secret: secrets[index])
            let verified = try JWT.verify(token, keys: keys, options: options)
            #expect(verified.key.keyID == "key-\(index)", "size \(size), key \(index)")
            let escaped = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"key\u002d\#(index)"}"#, payloadJSON: "{}", secret: secrets[index])
            #expect(joseError { () throws(JOSEError) in try JWT.verify(escaped, keys: keys, options: options) } == nil, "size \(size): an escaped kid is the same kid")
        }
        let unknown = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"key-x"}"#, payloadJSON: "{}", secret: secrets[0])
        #expect(joseError { () throws(JOSEError) in try JWT.verify(unknown, keys: keys, options: options) }?.code == .jwksNoMatchingKey)
        let wrong = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"key-1"}"#, payloadJSON: "{}", secret: secrets[0])
        #expect(joseError { () throws(JOSEError) in try JWT.verify(wrong, keys: keys, options: options) }?.code == .jwsSignatureVerificationFailed)
    }
}

@Suite struct HostileHeaderValueTests {
    @Test func headerValuesInErrorsAreEscapedAndCapped() throws {
        let keys = try JWKSet(json: TestTokens.secretJWKS)
        let options = JWTVerifyOptions(algorithms: [.hs256], clock: .fixed(0))
        let hugeKid = String(repeating: "k", count: 100_000) + "\n"
        let token = TestTokens.hmac(headerJSON: TestTokens.json(["alg": "HS256", "kid": hugeKid]), payloadJSON: "{}")
        let error = try #require(joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: options) })
        #expect(error.code == .jwksNoMatchingKey)
        #expect(error.message.count < 400 && (error.kid?.count ?? 0) <= 65, "message of \(error.message.count) characters")
        let control = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"a\nb"}"#, payloadJSON: "{}")
        let escaped = try #require(joseError { () throws(JOSEError) in try JWT.verify(control, keys: keys, options: options) })
        #expect(!escaped.message.contains("\n") && escaped.message.contains("a\\u{a}b"), "\(escaped.message)")
        let alg = TestTokens.hmac(headerJSON: TestTokens.json(["alg": String(repeating: "A", count: 5000)]), payloadJSON: "{}")
        let algError = try #require(joseError { () throws(JOSEError) in try JWT.verify(alg, keys: keys, options: options) })
        #expect(algError.code == .algNotAllowed && algError.message.count < 400)
    }

    @Test func aClockThatIsNotANumberIsRefused() throws {
        let keys = try JWKSet(json: TestTokens.secretJWKS)
        let options = JWTVerifyOptions(algorithms: [.hs256], clock: JWTClock { .nan })
        let token = TestTokens.hs256(["exp": 1])
        #expect(joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: options) }?.code == .invalidOptions)
    }
}
