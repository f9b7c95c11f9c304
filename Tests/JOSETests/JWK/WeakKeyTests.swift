import Foundation
import Testing
import JOSE

/// RSA keys refused by policy: ROCA-fingerprinted moduli (CVE-2017-15361) and small moduli.
@Suite struct WeakKeyTests {
    /// The ROCA key of Wycheproof `json_web_key_test.json` (group jws_rsa_roca_key) is refused for that
    /// reason, while the RFC example keys and freshly generated keys are not flagged.
    @Test func rocaFingerprint() throws {
        let suite = try TestTokens.vector("wycheproof/json_web_key_test.json")
        let groups = try #require(suite["testGroups"] as? [[String: Any]])
        let roca = try #require(groups.first { ($0["comment"] as? String) == "jws_rsa_roca_key" })
        let keys = try #require((roca["public"] as? [String: Any])?["keys"] as? [Any])
        let jwk = try JWK(json: TestTokens.json(try #require(keys.first)))
        guard case .unusable(let reason) = jwk.material else {
            Issue.record("the ROCA key was accepted: \(jwk.material)")
            return
        }
        #expect(reason.contains("ROCA"), "reason: \(reason)")

        for file in ["rfc/rfc7515_A.2_rs256.json", "rfc/rfc7520_3.3_rsa_public_key.json"] {
            let vector = try TestTokens.vector(file)
            let member = try #require(vector["jwk_public"] ?? vector["jwk"], "\(file)")
            let key = try JWK(json: TestTokens.json(member))
            guard case .rsa = key.material else {
                Issue.record("\(file): an ordinary key was refused: \(key.material)")
                continue
            }
        }
    }

    @Test func smallModulusIsUnusable() throws {
        let suite = try TestTokens.vector("wycheproof/json_web_key_test.json")
        let groups = try #require(suite["testGroups"] as? [[String: Any]])
        let small = try #require(groups.first { ($0["comment"] as? String) == "keysize_too_small" })
        let keys = try #require((small["public"] as? [String: Any])?["keys"] as? [Any])
        let jwk = try JWK(json: TestTokens.json(try #require(keys.first)))
        guard case .unusable(let reason) = jwk.material else {
            Issue.record("a 1024-bit key was accepted")
            return
        }
        #expect(reason.contains("1024") || reason.contains("2048"), "reason: \(reason)")
    }
}
