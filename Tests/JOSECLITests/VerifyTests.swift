import Foundation
import Testing

/// `jose verify`: verdicts, exit statuses 0 and 1, and the `--json` contract.
@Suite struct VerifyTests {
    let token: String
    init() throws { token = try Examples.text(Examples.hs256Token) }

    func verify(_ options: [String], token: String? = nil, stdin: Data? = nil) throws -> Jose.Output {
        try Jose.run(["verify"] + options + (token.map { [$0] } ?? []), stdin: stdin)
    }

    @Test func validWithJWK() throws {
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--iss", "joe", "--now", Examples.beforeExp], token: token)
        #expect(output.status == 0, "\(output)")
        #expect(output.out.hasPrefix("VALID"), "\(output)")
        #expect(output.out.contains(#""iss": "joe""#) && output.out.contains("2011-03-22 18:43:00 UTC"), "claims and times: \(output)")
    }

    @Test func jsonValidIsTheTokensOwnHeaderAndPayload() throws {
        let vector = try Jose.vectorJSON("rfc/rfc7515_A.1_hs256.json")
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", Examples.beforeExp, "--json"], token: token)
        #expect(output.status == 0, "\(output)")
        let object = try output.json()
        #expect(Set(object.keys) == ["valid", "header", "payload", "kid"], "shape: \(object.keys)")
        #expect(object["valid"] as? Bool == true)
        #expect(object["kid"] is NSNull, "the A.1 key has no kid: \(String(describing: object["kid"]))")
        let header = try #require(object["header"] as? [String: Any])
        #expect(header["typ"] as? String == "JWT" && header["alg"] as? String == "HS256")
        let payload = try #require(object["payload"] as? [String: Any])
        #expect(payload["iss"] as? String == "joe" && (payload["exp"] as? NSNumber)?.intValue == Examples.exp)
        #expect(payload["http://example.com/is_root"] as? Bool == true)
        #expect(payload.count == 3)
        // Exactly as the token carried them: the decoded bytes, CRLF and spaces included.
        let headerText = try #require(vector["protected_header_utf8"] as? String)
        let payloadText = try #require(vector["payload_utf8"] as? String)
        #expect(output.out.contains(#""header":\#(headerText),"payload":\#(payloadText),"#), "\(output)")
    }

    @Test func jsonKidIsTheVerifyingKeys() throws {
        let vector = try Jose.vectorJSON("rfc/rfc7520_4.4_hs256.json")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jwk = try JSONSerialization.data(withJSONObject: try #require(vector["verification_jwk"]))
        let path = folder.appendingPathComponent("key.jwk").path
        try jwk.write(to: URL(fileURLWithPath: path))
        // RFC 7520 §4.4 is a JWS whose payload is text, not a JWT: the signature verifies, the claims cannot.
        let output = try verify(["--jwk", path, "--alg", "HS256", "--json"], token: try #require(vector["jws_compact"] as? String))
        #expect(output.status == 1, "\(output)")
        let error = try #require(try output.json()["error"] as? [String: Any])
        #expect(error["code"] as? String == "ERR_JWT_INVALID", "\(output)")
        // A JWT signed by a key with a kid reports that kid.
        let claims = Tokens.hs256(header: #"{"alg":"HS256","kid":"test"}"#, payload: #"{"sub":"alice"}"#)
        let keyPath = folder.appendingPathComponent("test.jwk").path
        try Data(Tokens.secretJWK.utf8).write(to: URL(fileURLWithPath: keyPath))
        let valid = try verify(["--jwks", "-", "--alg", "HS256", "--json", claims], stdin: Data(#"{"keys":[\#(Tokens.secretJWK)]}"#.utf8))
        #expect(valid.status == 0, "\(valid)")
        #expect(try valid.json()["kid"] as? String == "test", "\(valid)")
        let viaFile = try verify(["--jwk", keyPath, "--alg", "HS256", "--json", claims])
        #expect(try viaFile.json()["kid"] as? String == "test", "\(viaFile)")
    }

    @Test func expiredIsInvalidWithTheClaim() throws {
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--json"], token: token)
        #expect(output.status == 1, "\(output)")
        let object = try output.json()
        #expect(Set(object.keys) == ["valid", "error"], "shape: \(object.keys)")
        #expect(object["valid"] as? Bool == false)
        let error = try #require(object["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "message", "claim"], "error shape: \(error.keys)")
        #expect(error["code"] as? String == "ERR_JWT_EXPIRED" && error["claim"] as? String == "exp", "\(error)")
        #expect((error["message"] as? String)?.isEmpty == false)
        let human = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", String(Examples.exp)], token: token)
        #expect(human.status == 1 && human.out.hasPrefix("INVALID  ERR_JWT_EXPIRED"), "\(human)")
        #expect(human.out.contains("NOT verified"), "unverified claims are labelled: \(human)")
        #expect(human.out.contains("expired 0 s ago"), "\(human)")
        let tolerated = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", String(Examples.exp + 30), "--clock-tolerance", "60"], token: token)
        #expect(tolerated.status == 0, "clock tolerance: \(tolerated)")
    }

    @Test(arguments: [
        (["--iss", "mallory"], "ERR_JWT_CLAIM_VALIDATION_FAILED", "iss"),
        (["--aud", "my-api"], "ERR_JWT_CLAIM_VALIDATION_FAILED", "aud"),
        (["--sub", "alice"], "ERR_JWT_CLAIM_VALIDATION_FAILED", "sub"),
        (["--require", "jti"], "ERR_JWT_CLAIM_VALIDATION_FAILED", "jti"),
        (["--max-token-age", "3600"], "ERR_JWT_CLAIM_VALIDATION_FAILED", "iat"),
        (["--typ", "at+jwt"], "ERR_JWT_CLAIM_VALIDATION_FAILED", "typ"),
    ])
    func claimOptionsRefuse(options: [String], code: String, claim: String) throws {
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", Examples.beforeExp, "--json"] + options, token: token)
        #expect(output.status == 1, "\(options): \(output)")
        let error = try #require(try output.json()["error"] as? [String: Any], "\(options)")
        #expect(error["code"] as? String == code, "\(options): \(error)")
        #expect(error["claim"] as? String == claim, "\(options): \(error)")
    }

    @Test func claimOptionsAccept() throws {
        let now = 1_700_000_000
        let payload = #"{"iss":"https://issuer.example/","sub":"alice","aud":["other","my-api"],"iat":\#(now - 60),"nbf":\#(now - 60),"exp":\#(now + 600),"jti":"1"}"#
        let claims = Tokens.hs256(header: #"{"alg":"HS256","typ":"at+jwt"}"#, payload: payload)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secretPath = folder.appendingPathComponent("secret").path
        try Data(Tokens.secret + [0x0A]).write(to: URL(fileURLWithPath: secretPath))  // `echo secret > file`
        let output = try verify([
            "--secret-file", secretPath, "--alg", "HS256", "--alg", "HS512",
            "--iss", "https://other.example/", "--iss", "https://issuer.example/", "--aud", "my-api", "--sub", "alice",
            "--typ", "at+jwt", "--require", "jti", "--max-token-age", "120", "--now", String(now), "--json",
        ], token: claims)
        #expect(output.status == 0, "\(output)")
        let object = try output.json()
        #expect(object["valid"] as? Bool == true)
        #expect(output.out.contains(#""payload":\#(payload)"#), "payload exactly as carried: \(output)")
        let tooOld = try verify(["--secret-file", secretPath, "--alg", "HS256", "--max-token-age", "30", "--now", String(now)], token: claims)
        #expect(tooOld.status == 1, "\(tooOld)")
        // A 256-bit secret allowed for HS512 too: an HS512 token finds no key strong enough (exit 1).
        let hs512 = Tokens.hs256(header: #"{"alg":"HS512"}"#, payload: "{}")
        let weakForHS512 = try verify(["--secret-file", secretPath, "--alg", "HS256", "--alg", "HS512", "--json"], token: hs512)
        #expect(weakForHS512.status == 1, "\(weakForHS512)")
        #expect((try weakForHS512.json()["error"] as? [String: Any])?["code"] as? String == "ERR_JWKS_NO_MATCHING_KEY", "\(weakForHS512)")
        let notYet = try verify(["--secret-file", secretPath, "--alg", "HS256", "--now", String(now - 120)], token: claims)
        #expect(notYet.status == 1 && notYet.out.contains("nbf"), "\(notYet)")
    }

    @Test func algorithmNotAllowed() throws {
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS384", "--alg", "RS256", "--now", Examples.beforeExp, "--json"], token: token)
        #expect(output.status == 1, "\(output)")
        #expect((try output.json()["error"] as? [String: Any])?["code"] as? String == "ERR_JOSE_ALG_NOT_ALLOWED", "\(output)")
    }

    @Test func tamperedSignature() throws {
        var characters = Array(token)
        characters[characters.count - 2] = characters[characters.count - 2] == "A" ? "B" : "A"
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", Examples.beforeExp, "--json"], token: String(characters))
        #expect(output.status == 1, "\(output)")
        #expect((try output.json()["error"] as? [String: Any])?["code"] as? String == "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "\(output)")
        let human = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", Examples.beforeExp], token: String(characters))
        #expect(human.out.hasPrefix("INVALID  ERR_JWS_SIGNATURE_VERIFICATION_FAILED"), "\(human)")
    }

    @Test func malformedToken() throws {
        let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--json"], token: "abc.def")
        #expect(output.status == 1, "\(output)")
        #expect((try output.json()["error"] as? [String: Any])?["code"] as? String == "ERR_JWS_INVALID", "\(output)")
    }

    @Test func rs256WithJWKSFile() throws {
        let rs = try Examples.text(Examples.rs256Token)
        let output = try verify(["--jwks", Examples.rs256JWKS, "--alg", "RS256", "--now", Examples.beforeExp], token: rs)
        #expect(output.status == 0, "\(output)")
        #expect(output.out.contains("RS256"), "\(output)")
        let wrongKey = try verify(["--jwks", Examples.publicJWKS, "--alg", "RS256", "--now", Examples.beforeExp, "--json"], token: rs)
        #expect(wrongKey.status == 1, "RFC 7517 A.1's RSA key did not sign A.2: \(wrongKey)")
    }

    @Test func tokenFromStandardInput() throws {
        let stdin = try Examples.data(Examples.hs256Token)
        for arguments in [[], ["-"]] {
            let output = try verify(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", Examples.beforeExp] + arguments, stdin: stdin)
            #expect(output.status == 0, "token on stdin with \(arguments): \(output)")
        }
    }

    @Test func secretFile() throws {
        let options = ["--secret-file", Examples.hs256Secret, "--alg", "HS256", "--now", Examples.beforeExp]
        let output = try verify(options, token: token)
        #expect(output.status == 0, "\(output)")
        let secret = try Examples.data(Examples.hs256Secret)
        let k = try #require((try Jose.vectorJSON("rfc/rfc7515_A.1_hs256.json")["jwk"] as? [String: Any])?["k"] as? String)
        for run in [output, try verify(options + ["--json"], token: token), try verify(["--secret-file", Examples.hs256Secret, "--alg", "HS256"], token: token)] {
            #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "the secret is never printed")
            #expect(!run.out.contains(k) && !run.err.contains(k), "nor its base64url form")
        }
    }

    /// A 1 MB token on standard input verifies with the default size limit (4 MiB).
    @Test func oneMegabyteTokenThroughStandardInput() throws {
        let filler = String(repeating: "x", count: 1 << 20)
        let big = Tokens.hs256(payload: #"{"sub":"big","data":"\#(filler)"}"#)
        #expect(big.utf8.count > 1_000_000)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jwk = folder.appendingPathComponent("key.jwk")
        try Data(Tokens.secretJWK.utf8).write(to: jwk)
        let output = try Jose.run(["verify", "--jwk", jwk.path, "--alg", "HS256", "--json"], stdin: Data((big + "\n").utf8))
        #expect(output.status == 0, "exit \(output.status), stderr \(output.err.prefix(500)), stdout \(output.out.prefix(300))")
        let payload = try #require(try output.json()["payload"] as? [String: Any])
        #expect((payload["data"] as? String)?.count == filler.count)
    }
}
