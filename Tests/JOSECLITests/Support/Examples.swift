import Foundation

/// The example files under Vectors/examples/ (extracted from RFC vectors) and facts about them.
enum Examples {
    static let hs256Token = "Vectors/examples/rfc7515_A.1.jwt"
    static let hs256JWK = "Vectors/examples/rfc7515_A.1.jwk"
    static let hs256Secret = "Vectors/examples/rfc7515_A.1.key"
    static let rs256Token = "Vectors/examples/rfc7515_A.2.jwt"
    static let rs256JWKS = "Vectors/examples/rfc7515_A.2.jwks"
    static let publicJWKS = "Vectors/examples/rfc7517_A.1.jwks"
    static let thumbprintJWK = "Vectors/examples/rfc7638_3.1.jwk"
    /// RFC 7515 A.1/A.2 tokens expire at 1300819380 (2011-03-22T18:43:00Z).
    static let exp = 1_300_819_380
    static let beforeExp = "1300819300"

    /// The text of an example file without its trailing newline.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: Jose.root.appendingPathComponent(path), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: Jose.root.appendingPathComponent(path))
    }
}
