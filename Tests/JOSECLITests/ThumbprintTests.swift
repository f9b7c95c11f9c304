import Foundation
import Testing

@Suite struct ThumbprintTests {
    @Test func rfc7638Example() throws {
        let expected = try #require(try Jose.vectorJSON("rfc/rfc7638_3.1_thumbprint.json")["thumbprint_b64u"] as? String)
        let fromFile = try Jose.run(["thumbprint", Examples.thumbprintJWK])
        #expect(fromFile.status == 0 && fromFile.out == expected + "\n", "\(fromFile)")
        let fromStdin = try Jose.run(["thumbprint", "-"], stdin: try Examples.data(Examples.thumbprintJWK))
        #expect(fromStdin.status == 0 && fromStdin.out == expected + "\n", "\(fromStdin)")
    }

    @Test func notAJWK() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (text, message) in [("{", "not valid JSON"), (#"{"kty":"RSA"}"#, "ERR_JWK_INVALID"), (#"{"kty":"XYZ"}"#, "no RFC 7638 thumbprint")] {
            let output = try Jose.run(["thumbprint", "-"], stdin: Data(text.utf8))
            #expect(output.status == 1 && output.err.contains(message), "\(text): \(output)")
        }
        let set = try Jose.run(["thumbprint", Examples.publicJWKS])
        #expect(set.status == 1 && set.err.contains("jose jwks"), "\(set)")
        let missing = try Jose.run(["thumbprint", folder.appendingPathComponent("none.jwk").path])
        #expect(missing.status == 2 && missing.err.contains("cannot read the JWK file"), "\(missing)")
    }
}
