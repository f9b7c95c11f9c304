import Foundation
import JOSE
import JOSERemote
import Testing

struct URLPolicyTests {
    @Test(arguments: [
        "https://auth.example.com/jwks", "http://127.0.0.1:8080/jwks", "http://127.1.2.3/jwks",
        "http://localhost/jwks", "http://LOCALHOST:9000/jwks", "http://[::1]:8080/jwks",
    ])
    func httpsAndLoopbackHTTPAreAccepted(url: String) {
        #expect(throws: Never.self, "url \(url)") { _ = try RemoteJWKSet(url: url) }
    }

    @Test(arguments: [
        "http://auth.example.com/jwks", "http://10.0.0.1/jwks", "http://128.0.0.1/jwks", "http://127.0.0.1.example.com/jwks",
        "ftp://auth.example.com/jwks", "file:///etc/jwks.json", "/relative/jwks",
    ])
    func otherURLsAreRefused(url: String) {
        #expect(throws: JOSEError(.invalidOptions), "url \(url)") { _ = try RemoteJWKSet(url: url) }
    }

    @Test func plainHTTPCanBeAllowedExplicitly() {
        #expect(throws: Never.self) {
            _ = try RemoteJWKSet(url: "http://jwks.internal/keys", options: RemoteJWKSetOptions(allowInsecureHTTP: true))
        }
    }

    @Test func invalidOptionsAreRefused() {
        #expect(throws: JOSEError(.invalidOptions)) { _ = try RemoteJWKSet(url: "https://a.example/jwks", options: RemoteJWKSetOptions(timeout: 0)) }
        #expect(throws: JOSEError(.invalidOptions)) { _ = try RemoteJWKSet(url: "https://a.example/jwks", options: RemoteJWKSetOptions(maximumResponseBytes: 0)) }
    }
}
