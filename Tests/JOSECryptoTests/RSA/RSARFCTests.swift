import Foundation
import Testing
import TestSupport
import JOSECrypto

/// RFC 7515 A.2 (RS256) and RFC 7520 §4.1 (RS256) / §4.2 (PS384): the JWS signature verifies as a
/// raw RSA signature over the ASCII signing input, exactly as transmitted.
@Suite("RSA RFC examples")
struct RSARFCTests {
    struct Example: Decodable {
        struct JWK: Decodable { let n: String; let e: String }
        let alg: String
        let jwk_public: JWK?
        let verification_jwk: JWK?
        let signing_input: String
        let signature_b64u: String
    }

    static func base64URL(_ text: String) throws -> [UInt8] {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        guard let data = Data(base64Encoded: s) else { throw VectorError("bad base64url: \(text.prefix(20))") }
        return Array(data)
    }

    @Test("signatures verify", arguments: [
        ("rfc7515_A.2_rs256.json", RSA.Padding.pkcs1v15(.sha256)),
        ("rfc7520_4.1_rs256.json", RSA.Padding.pkcs1v15(.sha256)),
        ("rfc7520_4.2_ps384.json", RSA.Padding.pss(.sha384)),
    ])
    func verifies(_ name: String, _ padding: RSA.Padding) throws {
        let example = try Vectors.json(Example.self, "rfc/\(name)")
        let jwk = try #require(example.jwk_public ?? example.verification_jwk, "\(name): no public JWK")
        let key = try RSA.PublicKey(modulus: Self.base64URL(jwk.n), exponent: Self.base64URL(jwk.e))
        let signature = try Self.base64URL(example.signature_b64u)
        let input = Array(example.signing_input.utf8)
        #expect(try key.isValidSignature(signature, for: input, padding: padding), "\(name): \(example.alg) signature rejected")
        // The same signature over a changed input, or under the other padding, is refused.
        var changed = input
        changed[changed.count - 1] ^= 1
        #expect(try !key.isValidSignature(signature, for: changed, padding: padding), "\(name): changed input accepted")
        let other: RSA.Padding = if case .pss = padding { .pkcs1v15(.sha384) } else { .pss(.sha256) }
        #expect(try !key.isValidSignature(signature, for: input, padding: other), "\(name): accepted under \(other)")
    }

    /// The key's exported bytes are the JWK's, without leading zeros (what a thumbprint needs).
    @Test func exportsJWKBytes() throws {
        let example = try Vectors.json(Example.self, "rfc/rfc7515_A.2_rs256.json")
        let jwk = try #require(example.jwk_public)
        let key = try RSA.PublicKey(modulus: [0, 0] + Self.base64URL(jwk.n), exponent: [0] + Self.base64URL(jwk.e))
        #expect(key.modulusBytes == (try Self.base64URL(jwk.n)))
        #expect(key.exponentBytes == [0x01, 0x00, 0x01])
        #expect(key.exponent == 65537)
        #expect(key.modulusBitCount == 2048)
        #expect(key.modulusByteCount == 256)
    }
}
