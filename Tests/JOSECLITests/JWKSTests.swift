import Foundation
import Testing

@Suite struct JWKSTests {
    @Test func listsEveryKeyWithThumbprintsAndWarnings() throws {
        let output = try Jose.run(["jwks", Examples.publicJWKS])
        #expect(output.status == 0, "\(output)")
        let lines = output.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "header, two keys, summary: \(output)")
        #expect(lines[0].contains("KID") && lines[0].contains("THUMBPRINT"), "\(output)")
        let ec = try #require(lines.first { $0.hasPrefix("0 ") })
        #expect(ec.contains(#""1""#) && ec.contains("EC") && ec.contains("enc") && ec.contains("unusable: EC keys"), "\(ec)")
        let rsa = try #require(lines.first { $0.hasPrefix("1 ") })
        let thumbprint = try #require(try Jose.vectorJSON("rfc/rfc7638_3.1_thumbprint.json")["thumbprint_b64u"] as? String)
        #expect(rsa.contains(#""2011-04-29""#) && rsa.contains("RS256") && rsa.contains("2048") && rsa.contains(thumbprint), "\(rsa)")
        #expect(lines[3] == "2 keys, 1 usable for verification", "\(output)")
    }

    @Test func warnings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a2 = try Jose.vectorJSON("rfc/rfc7515_A.2_rs256.json")
        var rsa = try #require(a2["jwk_public"] as? [String: Any])
        rsa["kid"] = "same"
        var privateKey = try #require(a2["jwk_private"] as? [String: Any])
        privateKey["kid"] = "same"
        let weak: [String: Any] = ["kty": "RSA", "kid": "weak", "n": Tokens.base64url([0xC5] + [UInt8](repeating: 0x11, count: 126) + [0x0B]), "e": "AQAB"]
        let broken: [String: Any] = ["kty": "RSA", "kid": "broken", "n": "!!", "e": "AQAB"]
        let set = try JSONSerialization.data(withJSONObject: ["keys": [rsa, privateKey, weak, broken, ["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "use": "sig"]]])
        let path = folder.appendingPathComponent("set.json")
        try set.write(to: path)
        let output = try Jose.run(["jwks", path.path])
        #expect(output.status == 0, "one key is usable: \(output)")
        let lines = output.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 7, "\(output)")
        #expect(lines[1].contains("duplicate kid (keys 0, 1)"), "\(lines[1])")
        #expect(lines[2].contains("PRIVATE key members present") && lines[2].contains("duplicate kid"), "\(lines[2])")
        #expect(lines[3].contains("1024") && lines[3].contains("weak key: 1024-bit RSA modulus"), "\(lines[3])")
        #expect(lines[4].contains("invalid: ") && lines[4].contains("base64url"), "\(lines[4])")
        #expect(lines[5].contains("OKP") && lines[5].contains("unusable: OKP keys"), "\(lines[5])")
        #expect(!output.out.contains(try #require(privateKey["d"] as? String)), "private members are never printed")
    }

    @Test func secretsAreNeverPrinted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let k = Tokens.base64url(Tokens.secret)
        let weakK = Tokens.base64url(Array("short".utf8))
        let path = folder.appendingPathComponent("secrets.json")
        try Data(#"{"keys":[{"kty":"oct","kid":"a","k":"\#(k)"},{"kty":"oct","kid":"b","k":"\#(weakK)"}]}"#.utf8).write(to: path)
        let output = try Jose.run(["jwks", path.path])
        #expect(output.status == 0, "\(output)")
        #expect(!output.out.contains(k) && !output.out.contains(weakK) && !output.out.contains("jose-cli-test-secret"), "\(output)")
        #expect(output.out.contains("symmetric secret") && output.out.contains("weak key: 40-bit secret"), "\(output)")
        #expect(output.out.contains("256") && output.out.contains("40"), "sizes in bits: \(output)")
    }

    @Test func unusableSetsExitOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text, message) in [
            ("empty.json", "{}", "authentik"),
            ("notjson.json", "{", "not valid JSON"),
            ("array.json", "[]", "JSON object"),
            ("ec.json", #"{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA","kid":"e"}]}"#, "no key usable"),
        ] {
            let path = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: path)
            let output = try Jose.run(["jwks", path.path])
            #expect(output.status == 1, "\(name): \(output)")
            #expect(output.out.contains(message), "\(name): expected '\(message)': \(output)")
        }
    }

    @Test func standardInputAndUnreadableFiles() throws {
        let fromStdin = try Jose.run(["jwks", "-"], stdin: try Examples.data(Examples.rs256JWKS))
        #expect(fromStdin.status == 0 && fromStdin.out.contains("1 key, 1 usable"), "\(fromStdin)")
        let missing = try Jose.run(["jwks", "/nonexistent/jwks.json"])
        #expect(missing.status == 2 && missing.err.contains("No such file"), "\(missing)")
    }
}
