import Foundation
import JOSECrypto

/// HS256 tokens made for the tests (the CLI has no signing command).
enum Tokens {
    /// A 32-byte test secret: "jose-cli-test-secret-0123456789ab".
    static let secret = Array("jose-cli-test-secret-0123456789ab".utf8)

    static func base64url(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// `header.payload.signature` signed with HMAC-SHA-256 under `secret`, header and payload as given.
    static func hs256(header: String = #"{"alg":"HS256","typ":"JWT"}"#, payload: String, secret: [UInt8] = Tokens.secret) -> String {
        let signingInput = base64url(Array(header.utf8)) + "." + base64url(Array(payload.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: HMAC<SHA256>.Key(secret))
        return signingInput + "." + base64url(mac.bytes)
    }

    /// The test secret as a JWK file's text.
    static var secretJWK: String { #"{"kty":"oct","kid":"test","k":"\#(base64url(secret))"}"# }
}
