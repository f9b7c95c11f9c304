import Foundation
import JOSE
import JOSERemote
import Testing

/// A key source that must never be reached (header parsing fails first), or fails as told.
struct FailingSource: JWKSetSource {
    let error: JOSEError
    func keySet(for header: JWSHeader) async throws(JOSEError) -> JWKSet { throw error }
}

/// RFC 6750 §2.1 and §3 without a server: header parsing and challenges.
struct BearerHeaderTests {
    let authenticator = BearerAuthenticator(keys: FailingSource(error: JOSEError(.jwksNoMatchingKey)),
                                            options: Fixtures.verifyOptions, realm: "api")

    static let forged = Fixtures.tokenWithUnknownKid("k9")

    @Test(arguments: [nil, "", "   ", "Basic dXNlcjpwYXNz", "Digest username=\"x\"", "Bearer-ish abc"] as [String?])
    func noBearerCredentialsAreA401WithoutErrorAttribute(header: String?) async {
        guard case .challenge(let status, let challenge) = await authenticator.authenticate(authorization: header) else {
            Issue.record("header \(String(describing: header)): not a challenge")
            return
        }
        #expect(status == 401, "header \(String(describing: header))")
        #expect(challenge == #"Bearer realm="api""#, "header \(String(describing: header)): \(challenge)")
    }

    @Test(arguments: ["Bearer", "Bearer    ", "Bearer a b", "Bearer abc,def", "Bearer =abc", "Bearer ab=c", "Bearer \"abc\"", "Bearer abc\u{00e9}"])
    func malformedBearerCredentialsAreA400InvalidRequest(header: String) async {
        guard case .challenge(let status, let challenge) = await authenticator.authenticate(authorization: header) else {
            Issue.record("header \(header): not a challenge")
            return
        }
        #expect(status == 400, "header \(header)")
        #expect(challenge.hasPrefix(#"Bearer realm="api", error="invalid_request", error_description=""#), "header \(header): \(challenge)")
    }

    @Test(arguments: ["Bearer ", "bearer ", "BEARER ", "BeArEr  ", "  Bearer "])
    func theSchemeIsCaseInsensitive(prefix: String) async {
        // The forged token parses as b64token and reaches the key source, which refuses it: 401 invalid_token.
        guard case .challenge(let status, let challenge) = await authenticator.authenticate(authorization: prefix + Self.forged + " ") else {
            Issue.record("prefix \(prefix): not a challenge")
            return
        }
        #expect(status == 401, "prefix \(prefix)")
        #expect(challenge == #"Bearer realm="api", error="invalid_token", error_description="signing key not found""#, "prefix \(prefix): \(challenge)")
    }

    @Test(arguments: ["abc", "a-b.c_d~e+f/g", "abc==", "A1="])
    func token68SyntaxIsAccepted(token: String) async {
        guard case .challenge(let status, let challenge) = await authenticator.authenticate(authorization: "Bearer " + token) else {
            Issue.record("token \(token): not a challenge")
            return
        }
        #expect(status == 401 && challenge.contains("invalid_token"), "token \(token) is valid syntax, refused as a token: \(status) \(challenge)")
    }

    @Test func keySourceFailuresAreUnavailableNotInvalidToken() async {
        let down = BearerAuthenticator(keys: FailingSource(error: JOSEError(.jwksTimeout)), options: Fixtures.verifyOptions, realm: "api")
        guard case .unavailable(let error) = await down.authenticate(authorization: "Bearer " + Self.forged) else {
            Issue.record("a key source timeout must not be blamed on the token")
            return
        }
        #expect(error.code == .jwksTimeout)
    }

    @Test func theRealmIsQuoted() async {
        let odd = BearerAuthenticator(keys: FailingSource(error: JOSEError(.jwksNoMatchingKey)), options: Fixtures.verifyOptions, realm: #"my "api" \ v1"#)
        guard case .challenge(_, let challenge) = await odd.authenticate(authorization: nil) else {
            Issue.record("not a challenge")
            return
        }
        #expect(challenge == #"Bearer realm="my \"api\" \\ v1""#, "\(challenge)")
    }
}

/// RFC 6750 with real RS256 tokens and a real remote set.
@Suite(.enabled(if: TestServer.isAvailable, Comment(rawValue: TestServer.unavailableReason ?? "")), .timeLimit(.minutes(1)))
struct BearerServerTests {
    @Test func validExpiredForgedAndScopedTokens() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let keys = try RemoteJWKSet(url: server.jwksURL)
        let plain = BearerAuthenticator(keys: keys, options: Fixtures.verifyOptions, realm: "api")
        let scoped = BearerAuthenticator(keys: keys, options: Fixtures.verifyOptions, realm: "api", requiredScopes: ["read", "write"])

        let valid = try await server.mint(claims: Fixtures.claims(scope: "read write openid"))
        guard case .authenticated(let verified) = await scoped.authenticate(authorization: "Bearer " + valid) else {
            Issue.record("a valid token with both scopes was refused")
            return
        }
        #expect(verified.claims.subject == "user-1")

        let scp = try await server.mint(claims: Fixtures.claims(scp: ["write", "read"]))
        guard case .authenticated = await scoped.authenticate(authorization: "bearer " + scp) else {
            Issue.record("scp array with both scopes was refused")
            return
        }

        let readOnly = try await server.mint(claims: Fixtures.claims(scope: "read"))
        guard case .challenge(let status, let challenge) = await scoped.authenticate(authorization: "Bearer " + readOnly) else {
            Issue.record("a token missing a scope was accepted")
            return
        }
        #expect(status == 403)
        #expect(challenge == #"Bearer realm="api", error="insufficient_scope", error_description="insufficient scope", scope="read write""#, "\(challenge)")

        let expired = try await server.mint(claims: Fixtures.claims(exp: Fixtures.claimNow - 60))
        guard case .challenge(let expiredStatus, let expiredChallenge) = await plain.authenticate(authorization: "Bearer " + expired) else {
            Issue.record("an expired token was accepted")
            return
        }
        #expect(expiredStatus == 401)
        #expect(expiredChallenge == #"Bearer realm="api", error="invalid_token", error_description="token expired""#, "\(expiredChallenge)")

        // Same kid, tampered payload: the signature fails; the description says so and nothing else.
        let parts = valid.split(separator: ".")
        let tampered = parts[0] + "." + Base64URL.encode(Array(#"{"sub":"admin","iss":"https://issuer.test/","aud":"api","exp":9999999999}"#.utf8)) + "." + parts[2]
        guard case .challenge(let forgedStatus, let forgedChallenge) = await plain.authenticate(authorization: "Bearer " + tampered) else {
            Issue.record("a tampered token was accepted")
            return
        }
        #expect(forgedStatus == 401)
        #expect(forgedChallenge == #"Bearer realm="api", error="invalid_token", error_description="signature invalid""#, "\(forgedChallenge)")
        #expect(!forgedChallenge.contains("admin") && !forgedChallenge.contains("k1"), "no claim value or kid leaks: \(forgedChallenge)")

        var wrongAudience = Fixtures.claims()
        wrongAudience["aud"] = "someone-else"
        let other = try await server.mint(claims: wrongAudience)
        guard case .challenge(_, let audienceChallenge) = await plain.authenticate(authorization: "Bearer " + other) else {
            Issue.record("a token for another audience was accepted")
            return
        }
        #expect(audienceChallenge.hasSuffix(#"error_description="audience not accepted""#) && !audienceChallenge.contains("someone-else"), "\(audienceChallenge)")
        #expect(try await server.count("/jwks") == 1)
    }
}
