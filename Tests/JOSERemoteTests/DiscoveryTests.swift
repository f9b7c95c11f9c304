import Foundation
import JOSE
import JOSERemote
import Testing

@Suite(.enabled(if: TestServer.isAvailable, Comment(rawValue: TestServer.unavailableReason ?? "")), .timeLimit(.minutes(1)))
struct DiscoveryServerTests {
    @Test func anAuthentikStyleIssuerWorksAsIs() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let issuer = server.base + "/application/o/my-app/"
        let keys = try await RemoteJWKSet.discover(issuer: issuer)
        #expect(keys.url.absoluteString == server.base + "/application/o/my-app/jwks/")

        var claims = Fixtures.claims()
        claims["iss"] = issuer
        let token = try await server.mint(claims: claims)
        var options = Fixtures.verifyOptions
        options.issuers = [issuer]
        let verified = try await JWT.verify(token, keys: keys, options: options)
        #expect(verified.claims.issuer == issuer)
        let paths = try await server.log().map(\.path)
        #expect(paths == ["/application/o/my-app/.well-known/openid-configuration", "/application/o/my-app/jwks/"], "requests: \(paths)")
    }

    @Test func anIssuerMismatchIsRefusedAndATrailingSlashIsNamed() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let configured = server.base + "/noslash/tenant/"
        let error = await joseError { _ = try await OpenIDDiscovery.fetch(issuer: configured) }
        #expect(error?.code == .jwksFetchFailed, "mismatch: \(String(describing: error))")
        let message = error?.message ?? ""
        #expect(message.contains("\"\(configured)\"") && message.contains("\"\(server.base)/noslash/tenant\""), "both issuers are shown: \(message)")
        #expect(message.contains("differ only by a trailing slash"), "the trailing slash is named: \(message)")
    }

    @Test func aDiscoveryDocumentThatIsHTMLIsRefused() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        try await server.setMode("/application/o/x/.well-known/openid-configuration", "html")
        let error = await joseError { _ = try await OpenIDDiscovery.fetch(issuer: server.base + "/application/o/x/") }
        #expect(error?.code == .jwksFetchFailed && error?.message.contains("HTML") == true, "\(String(describing: error))")
    }
}

struct DiscoveryURLTests {
    @Test(arguments: [
        ("https://auth.example.com/application/o/my-app/", "https://auth.example.com/application/o/my-app/.well-known/openid-configuration"),
        ("https://accounts.google.com", "https://accounts.google.com/.well-known/openid-configuration"),
        ("https://login.example.com/tenant", "https://login.example.com/tenant/.well-known/openid-configuration"),
    ])
    func theConfigurationURLDropsTheTrailingSlash(issuer: String, expected: String) throws {
        #expect(try OpenIDDiscovery.configurationURL(forIssuer: issuer).absoluteString == expected, "issuer \(issuer)")
    }

    @Test(arguments: ["http://auth.example.com/", "https://auth.example.com/?tenant=1", "ftp://auth.example.com/", "not a url"])
    func unusableIssuersAreRefused(issuer: String) {
        #expect(throws: JOSEError(.invalidOptions), "issuer \(issuer)") { try OpenIDDiscovery.configurationURL(forIssuer: issuer) }
    }
}
