import Foundation
import JOSE
import JOSECrypto
import TestSupport

/// Builds tokens for tests: JSON via Foundation, signatures via HMAC (RSA tokens come from vectors
/// and from Python's pyjwt, an independent implementation).
enum TestTokens {
    /// A 32-byte HS256 secret, and the JWK Set holding it.
    static let secret: [UInt8] = Array("an HS256 secret of 32 bytes!!!!!".utf8)
    static var secretJWKS: String {
        #"{"keys":[{"kty":"oct","kid":"hs-key","alg":"HS256","k":"\#(Base64URL.encode(secret))"}]}"#
    }

    /// Compact JSON of a Foundation object (keys sorted so tests are reproducible).
    static func json(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// An HS256/384/512 token over raw header and payload text.
    static func hmac(headerJSON: String, payloadJSON: String, secret: [UInt8] = TestTokens.secret, alg: String = "HS256") -> String {
        let input = Base64URL.encode(Array(headerJSON.utf8)) + "." + Base64URL.encode(Array(payloadJSON.utf8))
        let mac: [UInt8]
        switch alg {
        case "HS384": mac = HMAC<SHA384>.authenticationCode(for: Array(input.utf8), using: .init(secret)).bytes
        case "HS512": mac = HMAC<SHA512>.authenticationCode(for: Array(input.utf8), using: .init(secret)).bytes
        default: mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: .init(secret)).bytes
        }
        return input + "." + Base64URL.encode(mac)
    }

    /// An HS256 token with `kid: "hs-key"` and the given claims.
    static func hs256(_ claims: [String: Any], header extra: [String: Any] = [:]) -> String {
        var header: [String: Any] = ["alg": "HS256", "kid": "hs-key"]
        header.merge(extra) { _, new in new }
        return hmac(headerJSON: json(header), payloadJSON: json(claims))
    }

    /// Reads a JSON vector file as a Foundation dictionary.
    static func vector(_ path: String) throws -> [String: Any] {
        let url = Vectors.root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw VectorError("cannot read JSON object from \(url.path)")
        }
        return object
    }
}

/// Runs `body` and returns the JOSEError it throws, or nil when it does not throw.
func joseError<T>(_ body: () throws(JOSEError) -> T) -> JOSEError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
