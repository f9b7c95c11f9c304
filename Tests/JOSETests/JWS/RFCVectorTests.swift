import Foundation
import Testing
import JOSE
import JOSECrypto

/// RFC 7515 Appendix A, RFC 7520 §3–4, RFC 7517 A.1 and RFC 7638 §3.1 from `Vectors/rfc/`.
@Suite struct RFCVectorTests {
    func jwks(_ jwk: Any) -> String { TestTokens.json(["keys": [jwk]]) }

    @Test(arguments: [
        ("rfc/rfc7515_A.1_hs256.json", "jwk", JWSAlgorithm.hs256),
        ("rfc/rfc7515_A.2_rs256.json", "jwk_public", JWSAlgorithm.rs256),
        ("rfc/rfc7520_4.1_rs256.json", "verification_jwk", JWSAlgorithm.rs256),
        ("rfc/rfc7520_4.2_ps384.json", "verification_jwk", JWSAlgorithm.ps384),
        ("rfc/rfc7520_4.4_hs256.json", "verification_jwk", JWSAlgorithm.hs256),
    ])
    func compactSignatureVerifies(file: String, keyMember: String, alg: JWSAlgorithm) throws {
        let vector = try TestTokens.vector(file)
        let jwk = try #require(vector[keyMember] ?? vector["jwk"], "\(file): no key member \(keyMember)")
        let token = try #require(vector["jws_compact"] as? String, "\(file): no jws_compact")
        let keys = try JWKSet(json: jwks(jwk))
        let verified = try JWS.verifyCompact(token, keys: keys, algorithms: [alg])
        if let payload = vector["payload_utf8"] as? String {
            #expect(verified.payload == Array(payload.utf8), "\(file): payload")
        }
        #expect(verified.header.algorithm == alg, "\(file)")
        // Any single flipped character in the signature part must fail.
        var chars = Array(token)
        let last = chars.count - 3
        chars[last] = chars[last] == "A" ? "B" : "A"
        let tampered = String(chars)
        let error = joseError { () throws(JOSEError) in try JWS.verifyCompact(tampered, keys: keys, algorithms: [alg]) }
        #expect(error?.code == .jwsSignatureVerificationFailed, "\(file): tampered signature: \(String(describing: error))")
        // Other algorithms are not allowed for it.
        let others = Set(JWSAlgorithm.allCases).subtracting([alg])
        #expect(joseError { () throws(JOSEError) in try JWS.verifyCompact(token, keys: keys, algorithms: others) }?.code == .algNotAllowed, "\(file)")
    }

    @Test func rfc7515A1AsJWT() throws {
        let vector = try TestTokens.vector("rfc/rfc7515_A.1_hs256.json")
        let token = try #require(vector["jws_compact"] as? String)
        let keys = try JWKSet(json: jwks(try #require(vector["jwk"])))
        // exp is 1300819380 (2011-03-22T18:43:00Z).
        let before = JWTVerifyOptions(algorithms: [.hs256], issuers: ["joe"], clock: .fixed(1_300_819_379))
        let verified = try JWT.verify(token, keys: keys, options: before)
        #expect(verified.claims["http://example.com/is_root"]?.bool == true)
        #expect(verified.header.type == "JWT")
        let after = JWTVerifyOptions(algorithms: [.hs256], clock: .fixed(1_300_819_380))
        #expect(joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: after) }?.code == .jwtExpired)
    }

    @Test func rfc7515A5UnsecuredIsRejected() throws {
        let vector = try TestTokens.vector("rfc/rfc7515_A.5_unsecured_none.json")
        let token = try #require(vector["jws_compact"] as? String)
        let a2 = try TestTokens.vector("rfc/rfc7515_A.2_rs256.json")
        let keys = try JWKSet(json: jwks(try #require(a2["jwk_public"])))
        let all = Set(JWSAlgorithm.allCases)
        #expect(joseError { () throws(JOSEError) in try JWS.verifyCompact(token, keys: keys, algorithms: all) }?.code == .algNotAllowed)
    }

    @Test func rfc7520Keys() throws {
        let publicKey = try TestTokens.vector("rfc/rfc7520_3.3_rsa_public_key.json")
        let jwk = try JWK(json: TestTokens.json(try #require(publicKey["jwk"])))
        #expect(jwk.keyID == "bilbo.baggins@hobbiton.example")
        guard case .rsa(let key) = jwk.material else {
            Issue.record("RFC 7520 §3.3 key did not parse as RSA: \(jwk.material)")
            return
        }
        #expect(key.modulusBitCount == 2048)
        #expect(!jwk.hasPrivateMembers)

        let privateKey = try TestTokens.vector("rfc/rfc7520_3.4_rsa_private_key.json")
        let secretJWK = try JWK(json: TestTokens.json(try #require(privateKey["jwk"])))
        #expect(secretJWK.hasPrivateMembers, "RFC 7520 §3.4 has d, p, q...")
        if case .success = secretJWK.usableKey(for: .rs256) {
            Issue.record("a private JWK must not be usable for verification")
        }
        #expect(joseError { () throws(JOSEError) in try JWKSet(keys: [secretJWK]) }?.code == .jwksInvalid, "a set of only private keys has no usable key")

        let symmetric = try TestTokens.vector("rfc/rfc7520_3.5_symmetric_key.json")
        let oct = try JWK(json: TestTokens.json(try #require(symmetric["jwk"])))
        guard case .symmetric(let secret) = oct.material else {
            Issue.record("RFC 7520 §3.5 key did not parse as oct")
            return
        }
        #expect(secret.byteCount == 32)
    }

    @Test func rfc7517A1KeySet() throws {
        let vector = try TestTokens.vector("rfc/rfc7517_A.1_jwks_public.json")
        let set = try JWKSet(json: TestTokens.json(try #require(vector["jwks"])))
        #expect(set.keys.count == 2, "both keys parse; the EC one is unusable, not fatal")
        #expect(set.keys[0].keyType == "EC" && set.keys[0].keyID == "1" && set.keys[0].use == "enc")
        guard case .unusable = set.keys[0].material else {
            Issue.record("the EC key must be marked unusable")
            return
        }
        #expect(set.keys[1].keyID == "2011-04-29" && set.keys[1].algorithm == "RS256")
        guard case .rsa(let key) = set.keys[1].material else {
            Issue.record("the RSA key must parse")
            return
        }
        #expect(key.modulusByteCount == 256)
    }

    @Test func rfc7638Thumbprint() throws {
        let vector = try TestTokens.vector("rfc/rfc7638_3.1_thumbprint.json")
        let jwk = try JWK(json: TestTokens.json(try #require(vector["jwk"])))
        #expect(jwk.thumbprintInput() == vector["required_members_json"] as? String)
        #expect(try jwk.thumbprint() == vector["thumbprint_b64u"] as? String)
        #expect(try jwk.thumbprintDigest().description == vector["thumbprint_octets_hex"] as? String)
    }

    @Test func rfc7517BCertificateKey() throws {
        let vector = try TestTokens.vector("rfc/rfc7517_B_x5c.json")
        let jwk = try JWK(json: TestTokens.json(try #require(vector["jwk"])))
        guard case .rsa = jwk.material else {
            Issue.record("RFC 7517 B key must parse as RSA (x5c is ignored): \(jwk.material)")
            return
        }
    }

    @Test func algorithmConfusionIsRefused() throws {
        // An attacker signs HS256 with the RSA public key's bytes as the secret: the RSA JWK must never
        // serve as an HMAC secret, whatever bytes of it the attacker picked.
        let vector = try TestTokens.vector("rfc/rfc7515_A.2_rs256.json")
        let publicJWK = try #require(vector["jwk_public"] as? [String: Any])
        let keys = try JWKSet(json: jwks(publicJWK))
        let n = try Base64URL.decode(try #require(publicJWK["n"] as? String))
        let candidates: [(String, [UInt8])] = [
            ("modulus bytes", n),
            ("JWK JSON", Array(TestTokens.json(publicJWK).utf8)),
            ("n text", Array((publicJWK["n"] as? String ?? "").utf8)),
        ]
        let options = JWTVerifyOptions(algorithms: [.rs256, .hs256], clock: .fixed(0))
        for (name, secret) in candidates {
            let token = TestTokens.hmac(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: #"{"sub":"admin"}"#, secret: secret)
            let error = joseError { () throws(JOSEError) in try JWT.verify(token, keys: keys, options: options) }
            #expect(error?.code == .jwksNoMatchingKey, "\(name): \(String(describing: error))")
        }
    }

    @Test func keySetRules() throws {
        let oct = #"{"kty":"oct","kid":"s","k":"\#(Base64URL.encode(TestTokens.secret))"}"#
        let a2 = try TestTokens.vector("rfc/rfc7515_A.2_rs256.json")
        let rsa = TestTokens.json(try #require(a2["jwk_public"]))
        let mixed = joseError { () throws(JOSEError) in try JWKSet(json: #"{"keys":[\#(oct),\#(rsa)]}"#) }
        #expect(mixed?.code == .jwksInvalid && mixed?.message.contains("mixes") == true)
        let duplicate = joseError { () throws(JOSEError) in try JWKSet(json: #"{"keys":[\#(oct),\#(oct)]}"#) }
        #expect(duplicate?.code == .jwksInvalid && duplicate?.kid == "s")
        #expect(try JWKSet(json: #"{"keys":[\#(rsa),\#(rsa)]}"#).keys.count == 2, "duplicate kids among public keys are allowed (rotation)")
        let empty = joseError { () throws(JOSEError) in try JWKSet(json: "{}") }
        #expect(empty?.code == .jwksInvalid && empty?.message.contains("authentik") == true, "\(String(describing: empty))")
        #expect(joseError { () throws(JOSEError) in try JWKSet(json: #"{"keys":[]}"#) }?.message.contains("empty") == true)
        #expect(joseError { () throws(JOSEError) in try JWKSet(json: #"{"keys":{}}"#) }?.code == .jwksInvalid)
        #expect(joseError { () throws(JOSEError) in try JWKSet(json: "[]") }?.code == .jwksInvalid)
        #expect(joseError { () throws(JOSEError) in try JWKSet(json: "not json") }?.code == .jwksInvalid)
        let onlyEC = joseError { () throws(JOSEError) in
            try JWKSet(json: #"{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA","kid":"e"}]}"#)
        }
        #expect(onlyEC?.code == .jwksInvalid && onlyEC?.message.contains("EC") == true, "\(String(describing: onlyEC))")
        // A malformed key is skipped with its reason; the rest of the set still works.
        let set = try JWKSet(json: #"{"keys":[{"kty":"RSA","kid":"bad","n":"!!","e":"AQAB"},\#(rsa)]}"#)
        #expect(set.keys.count == 1 && set.skipped.count == 1 && set.skipped[0].keyID == "bad")
    }

    @Test func jwkMemberTypes() {
        let k = Base64URL.encode(TestTokens.secret)
        let cases = [
            #"{"kty":"oct","k":"\#(k)","kid":5}"#,
            #"{"kty":"oct","k":"\#(k)","use":true}"#,
            #"{"kty":"oct","k":"\#(k)","alg":["HS256"]}"#,
            #"{"kty":"oct","k":"\#(k)","key_ops":"verify"}"#,
            #"{"kty":"oct","k":"\#(k)","key_ops":["verify","verify"]}"#,
            #"{"kty":"oct","k":"\#(k)","key_ops":[1]}"#,
            #"{"kty":"oct"}"#,
            #"{"k":"\#(k)"}"#,
            #"{"kty":"oct","k":"\#(k)="}"#,
            #"[]"#,
        ]
        for json in cases {
            #expect(joseError { () throws(JOSEError) in try JWK(json: json) }?.code == .jwkInvalid, "\(json)")
        }
    }
}
