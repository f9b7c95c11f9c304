import Foundation
import Testing

/// Key sets over HTTP from a loopback server: `jose jwks URL`, `verify --jwks URL`, `verify --oidc`.
@Suite(.enabled(if: LoopbackServer.python != nil, "python3 is not installed: no loopback HTTP server"))
struct RemoteKeySetTests {
    @Test func keySetsAndDiscoveryOverHTTP() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        try server.serve("jwks.json", try Examples.data(Examples.rs256JWKS))
        try server.serve(".well-known/openid-configuration", Data(#"{"issuer":"\#(server.base)","jwks_uri":"\#(server.base)/jwks.json"}"#.utf8))
        try server.serve("slash/.well-known/openid-configuration", Data(#"{"issuer":"\#(server.base)/slash","jwks_uri":"\#(server.base)/jwks.json"}"#.utf8))
        try server.serve("other/.well-known/openid-configuration", Data(#"{"issuer":"https://elsewhere.example","jwks_uri":"\#(server.base)/jwks.json"}"#.utf8))
        try server.serve("empty.json", Data("{}".utf8))
        let token = try Examples.text(Examples.rs256Token)
        let options = ["--alg", "RS256", "--now", Examples.beforeExp, "--json"]

        let listing = try Jose.run(["jwks", "\(server.base)/jwks.json"], timeout: 30)
        #expect(listing.status == 0 && listing.out.contains("1 key, 1 usable"), "\(listing)")

        let viaJWKS = try Jose.run(["verify", "--jwks", "\(server.base)/jwks.json"] + options + [token], timeout: 30)
        #expect(viaJWKS.status == 0, "\(viaJWKS)")
        #expect(try viaJWKS.json()["valid"] as? Bool == true)

        let viaOIDC = try Jose.run(["verify", "--oidc", server.base] + options + [token], timeout: 30)
        #expect(viaOIDC.status == 0, "\(viaOIDC)")

        let expired = try Jose.run(["verify", "--oidc", server.base, "--alg", "RS256", "--json", token], timeout: 30)
        #expect(expired.status == 1, "a fetched key set still checks the claims: \(expired)")

        // Discovery rules (OpenID Connect Discovery 1.0 §4.3): the issuer must match exactly.
        let trailingSlash = try Jose.run(["verify", "--oidc", "\(server.base)/slash/"] + options + [token], timeout: 30)
        #expect(trailingSlash.status == 2 && trailingSlash.err.contains("only by a trailing slash"), "\(trailingSlash)")
        #expect(trailingSlash.stdout.isEmpty)
        let mismatch = try Jose.run(["verify", "--oidc", "\(server.base)/other"] + options + [token], timeout: 30)
        #expect(mismatch.status == 2 && mismatch.err.contains("https://elsewhere.example"), "\(mismatch)")

        // Fetch failures are configuration errors.
        let notFound = try Jose.run(["verify", "--jwks", "\(server.base)/missing.json"] + options + [token], timeout: 30)
        #expect(notFound.status == 2 && notFound.err.contains("HTTP 404"), "\(notFound)")
        let notFoundListing = try Jose.run(["jwks", "\(server.base)/missing.json"], timeout: 30)
        #expect(notFoundListing.status == 2 && notFoundListing.err.contains("HTTP 404"), "\(notFoundListing)")
        let emptySet = try Jose.run(["verify", "--jwks", "\(server.base)/empty.json"] + options + [token], timeout: 30)
        #expect(emptySet.status == 2 && emptySet.err.contains("authentik"), "\(emptySet)")
        let noDiscovery = try Jose.run(["verify", "--oidc", "\(server.base)/nothing"] + options + [token], timeout: 30)
        #expect(noDiscovery.status == 2 && noDiscovery.err.contains("HTTP 404"), "\(noDiscovery)")
    }

    @Test func unreachableServer() throws {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let output = try Jose.run(["verify", "--jwks", "http://127.0.0.1:1/jwks.json", "--alg", "RS256", "--json", "a.b.c"], timeout: 30)
        #expect(output.status == 2 && output.err.contains("ERR_JWKS_FETCH_FAILED"), "\(output)")
        #expect(output.stdout.isEmpty)
    }
}
