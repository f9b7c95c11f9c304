import Testing
import JOSE

/// Every claim rule has a passing and a failing case at its boundary (RFC 7519 §4.1, panva/jose semantics).
@Suite struct ClaimsValidationTests {
    let keys: JWKSet
    let now: Double = 1_700_000_000

    init() throws {
        keys = try JWKSet(json: TestTokens.secretJWKS)
    }

    func options(_ configure: (inout JWTVerifyOptions) -> Void = { _ in }) -> JWTVerifyOptions {
        var options = JWTVerifyOptions(algorithms: [.hs256], clock: .fixed(now))
        configure(&options)
        return options
    }

    func verify(_ claims: [String: Any], header: [String: Any] = [:], _ configure: (inout JWTVerifyOptions) -> Void = { _ in }) -> JOSEError? {
        let token = TestTokens.hs256(claims, header: header)
        let opts = options(configure)
        return joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: opts) }
    }

    @Test func expBoundary() {
        #expect(verify(["exp": now + 1]) == nil, "exp one second ahead is valid")
        #expect(verify(["exp": now])?.code == .jwtExpired, "exp == now is expired (exp <= now)")
        #expect(verify(["exp": now + 0.5]) == nil, "fractional NumericDate after now is valid")
        #expect(verify(["exp": now - 10]) { $0.clockTolerance = 10 }?.code == .jwtExpired, "exp == now - tolerance is expired")
        #expect(verify(["exp": now - 9]) { $0.clockTolerance = 10 } == nil, "exp within tolerance is valid")
        let error = verify(["exp": now - 5])
        #expect(error?.claim == "exp")
        #expect(error?.message.contains("expired") == true, "message: \(error?.message ?? "nil")")
    }

    @Test func nbfBoundary() {
        #expect(verify(["nbf": now]) == nil, "nbf == now is valid")
        #expect(verify(["nbf": now + 1])?.code == .jwtClaimValidationFailed, "nbf in the future is refused")
        #expect(verify(["nbf": now + 1])?.claim == "nbf")
        #expect(verify(["nbf": now + 10]) { $0.clockTolerance = 10 } == nil, "nbf == now + tolerance is valid")
        #expect(verify(["nbf": now + 10.5]) { $0.clockTolerance = 10 }?.claim == "nbf", "nbf beyond tolerance is refused")
    }

    @Test func numericDatesMustBeNumbers() {
        for claim in ["exp", "nbf", "iat"] {
            let error = verify([claim: "1700000000"])
            #expect(error?.code == .jwtClaimValidationFailed, "\(claim) as a string")
            #expect(error?.claim == claim)
            #expect(verify([claim: true])?.claim == claim, "\(claim) as a boolean")
        }
    }

    @Test func maximumTokenAge() {
        #expect(verify(["iat": now - 60]) { $0.maximumTokenAge = 60 } == nil, "age == max is valid")
        let old = verify(["iat": now - 61]) { $0.maximumTokenAge = 60 }
        #expect(old?.code == .jwtExpired && old?.claim == "iat", "age > max is expired: \(String(describing: old))")
        #expect(verify(["iat": now - 65]) { $0.maximumTokenAge = 60; $0.clockTolerance = 5 } == nil, "age - tolerance == max is valid")
        #expect(verify(["iat": now + 1]) { $0.maximumTokenAge = 60 }?.claim == "iat", "iat in the future is refused")
        #expect(verify(["iat": now + 1]) { $0.maximumTokenAge = 60; $0.clockTolerance = 1 } == nil, "iat in the future within tolerance")
        let missing = verify([:]) { $0.maximumTokenAge = 60 }
        #expect(missing?.claim == "iat" && missing?.message.contains("missing") == true, "maxTokenAge requires iat")
        #expect(verify(["iat": now + 100]) == nil, "without maxTokenAge a future iat is only type-checked")
    }

    @Test func issuer() {
        let iss = "https://auth.example.com/application/o/app/"
        #expect(verify(["iss": iss]) { $0.issuers = [iss] } == nil)
        #expect(verify(["iss": iss]) { $0.issuers = ["https://other.example/", iss] } == nil, "any of several issuers")
        let wrong = verify(["iss": "https://evil.example/"]) { $0.issuers = [iss] }
        #expect(wrong?.code == .jwtClaimValidationFailed && wrong?.claim == "iss")
        let slash = verify(["iss": iss]) { $0.issuers = [String(iss.dropLast())] }
        #expect(slash?.claim == "iss")
        #expect(slash?.message.contains("trailing slash") == true, "the trailing-slash hint: \(slash?.message ?? "nil")")
        #expect(wrong?.message.contains("trailing slash") == false)
        #expect(verify([:]) { $0.issuers = [iss] }?.message.contains("missing required \"iss\"") == true)
        #expect(verify(["iss": 7]) { $0.issuers = [iss] }?.claim == "iss", "iss must be a string")
        #expect(verify(["iss": iss.uppercased()]) { $0.issuers = [iss] }?.claim == "iss", "issuers compare exactly")
    }

    @Test func audience() {
        #expect(verify(["aud": "api"]) { $0.audiences = ["api"] } == nil)
        #expect(verify(["aud": ["web", "api"]]) { $0.audiences = ["api"] } == nil, "array containing the audience")
        #expect(verify(["aud": "web"]) { $0.audiences = ["api", "web"] } == nil, "any of several audiences")
        #expect(verify(["aud": "web"]) { $0.audiences = ["api"] }?.claim == "aud")
        #expect(verify(["aud": []]) { $0.audiences = ["api"] }?.claim == "aud", "empty array")
        #expect(verify(["aud": ["api", 3]]) { $0.audiences = ["api"] }?.claim == "aud", "non-string member")
        #expect(verify(["aud": 3]) { $0.audiences = ["api"] }?.claim == "aud", "number")
        #expect(verify([:]) { $0.audiences = ["api"] }?.claim == "aud", "missing")
    }

    @Test func subjectAndRequiredClaims() {
        #expect(verify(["sub": "alice"]) { $0.subject = "alice" } == nil)
        #expect(verify(["sub": "bob"]) { $0.subject = "alice" }?.claim == "sub")
        #expect(verify(["jti": "x"]) { $0.requiredClaims = ["jti"] } == nil)
        #expect(verify([:]) { $0.requiredClaims = ["jti"] }?.claim == "jti")
    }

    @Test func typHeader() {
        #expect(verify([:], header: ["typ": "at+jwt"]) { $0.type = "at+jwt" } == nil)
        #expect(verify([:], header: ["typ": "application/AT+JWT"]) { $0.type = "at+jwt" } == nil, "case-insensitive, application/ implied")
        #expect(verify([:], header: ["typ": "JWT"]) { $0.type = "at+jwt" }?.claim == "typ")
        #expect(verify([:]) { $0.type = "at+jwt" }?.claim == "typ", "missing typ")
        #expect(verify([:], header: ["typ": 5])?.code == .jwsInvalid, "typ must be a string")
    }

    /// The registered claims are found in one pass over the member names, which compares names after
    /// decoding escapes: an escaped name is the same claim, and look-alikes are not.
    @Test func registeredClaimNamesWithEscapes() {
        func check(_ payloadJSON: String, _ configure: (inout JWTVerifyOptions) -> Void = { _ in }) -> JOSEError? {
            let token = TestTokens.hmac(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: payloadJSON)
            let opts = options(configure)
            return joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: opts) }
        }
        #expect(check(#"{"\u0065xp":1699999999}"#)?.code == .jwtExpired, "an escaped exp is exp")
        #expect(check(#"{"e\u0078p":1699999999}"#)?.claim == "exp", "an escape in the middle of exp")
        #expect(check(#"{"ex\/p":1699999999}"#) == nil, "ex/p is not exp")
        #expect(check(#"{"exp\u0000":1699999999}"#) == nil, "exp followed by NUL is not exp")
        #expect(check(#"{"\u0069ss":"https://a/"}"#) { $0.issuers = ["https://a/"] } == nil, "an escaped iss satisfies the issuer")
        #expect(check(#"{"\u0069ss":"https://b/"}"#) { $0.issuers = ["https://a/"] }?.claim == "iss", "an escaped iss is checked")
        #expect(check(#"{"ISS":"https://a/"}"#) { $0.issuers = ["https://a/"] }?.message.contains("missing") == true, "names are case-sensitive")
        #expect(check(#"{"aud":"x","\u00e9ud":"y"}"#) { $0.audiences = ["x"] } == nil, "a non-ASCII four-byte name is no claim")
        #expect(check(#"{"aud":"x","\u00e9d":"y"}"#) { $0.audiences = ["x"] } == nil, "a non-ASCII three-byte name is no claim")
        #expect(check(#"{"nbf":1700000001,"iat":1}"#)?.claim == "nbf", "nbf found beside iat")
        #expect(check(#"{"sub":"alice","jti":"1"}"#) { $0.subject = "alice" } == nil, "sub found")
        #expect(check(#"{"sub":"bob"}"#) { $0.subject = "alice" }?.claim == "sub", "sub checked")
    }

    @Test func payloadMustBeAnObject() {
        let keys = self.keys
        let opts = options()
        for payload in ["[]", "\"text\"", "42", "null", "{\"a\":1,\"a\":2}", "{"] {
            let token = TestTokens.hmac(headerJSON: #"{"alg":"HS256","kid":"hs-key"}"#, payloadJSON: payload)
            let error = joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: opts) }
            #expect(error?.code == .jwtInvalid, "payload \(payload): \(String(describing: error))")
        }
    }

    @Test func typedAccessors() throws {
        let token = TestTokens.hs256(["iss": "i", "sub": "s", "aud": ["a", "b"], "exp": now + 100.5, "nbf": now, "iat": now, "jti": "j", "name": "Ann"])
        let verified = try JWT.verify(token, keys: keys, options: options())
        #expect(verified.claims.issuer == "i")
        #expect(verified.claims.subject == "s")
        #expect(verified.claims.audience == ["a", "b"])
        #expect(verified.claims.expirationTime == now + 100.5)
        #expect(verified.claims.notBefore == now)
        #expect(verified.claims.issuedAt == now)
        #expect(verified.claims.jwtID == "j")
        #expect(verified.claims["name"]?.string == "Ann")
        #expect(verified.header.keyID == "hs-key")
        #expect(verified.header.algorithm == .hs256)

        struct Profile: Decodable { let sub: String; let name: String; let aud: [String] }
        let profile = try verified.claims.decode(Profile.self)
        #expect(profile.name == "Ann" && profile.sub == "s" && profile.aud == ["a", "b"])
    }

    @Test func invalidOptionsAreRefused() {
        let token = TestTokens.hs256([:])
        let keys = self.keys
        let empty = JWTVerifyOptions(algorithms: [])
        #expect(joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: empty) }?.code == .invalidOptions)
        var negative = options()
        negative.clockTolerance = -1
        #expect(joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: negative) }?.code == .invalidOptions)
    }
}
