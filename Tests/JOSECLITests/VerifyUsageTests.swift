import Foundation
import Testing

/// `jose verify` exit status 2: usage and configuration errors, with nothing on stdout (even with --json).
@Suite struct VerifyUsageTests {
    static let token = (try? Examples.text(Examples.hs256Token)) ?? "missing-example-token"

    func expectUsage(_ arguments: [String], _ message: String, stdin: Data? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = try Jose.run(["verify"] + arguments, stdin: stdin)
        #expect(output.status == 2, "jose verify \(arguments): \(output)", sourceLocation: sourceLocation)
        #expect(output.err.contains(message), "jose verify \(arguments): expected '\(message)' in stderr: \(output)", sourceLocation: sourceLocation)
        #expect(output.stdout.isEmpty, "jose verify \(arguments): stdout must be empty for exit 2: \(output)", sourceLocation: sourceLocation)
    }

    @Test func algIsRequired() throws {
        try expectUsage(["--jwk", Examples.hs256JWK, "--json", Self.token], "--alg is required")
    }

    @Test(arguments: [("none", "never accepted"), ("NONE", "never accepted"), ("ES256", "unsupported algorithm 'ES256'"), ("hs256", "unsupported algorithm 'hs256'")])
    func badAlgorithms(alg: String, message: String) throws {
        try expectUsage(["--jwk", Examples.hs256JWK, "--alg", alg, "--json", Self.token], message)
    }

    @Test func exactlyOneKeySource() throws {
        try expectUsage(["--alg", "HS256", "--json", Self.token], "no key")
        try expectUsage(["--jwk", Examples.hs256JWK, "--secret-file", Examples.hs256Secret, "--alg", "HS256", "--json", Self.token], "only one key source")
    }

    @Test(arguments: [
        (["--clock-tolerance", "-1"], "--clock-tolerance takes a number of seconds (0 or more)"),
        (["--clock-tolerance", "soon"], "--clock-tolerance takes"),
        (["--max-token-age", "inf"], "--max-token-age takes"),
        (["--now", "yesterday"], "--now takes a number of seconds"),
        (["--now", "nan"], "--now takes"),
    ])
    func badNumbers(options: [String], message: String) throws {
        try expectUsage(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--json"] + options + [Self.token], message)
    }

    @Test func unreadableKeyFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.json").path
        for option in ["--jwks", "--jwk", "--secret-file"] {
            try expectUsage([option, missing, "--alg", "HS256", "--json", Self.token], "cannot read the")
            try expectUsage([option, folder.path, "--alg", "HS256", "--json", Self.token], "it is a directory")
        }
        // A file without read permission (root reads anything, so only when not root).
        let locked = folder.appendingPathComponent("locked.jwk")
        try Data(Tokens.secretJWK.utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        if getuid() != 0 {
            try expectUsage(["--jwk", locked.path, "--alg", "HS256", "--json", Self.token], "Permission denied")
        }
    }

    @Test func unusableKeyFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        try expectUsage(["--jwks", try file("empty.json", "{}"), "--alg", "RS256", "--json", Self.token], "authentik")
        try expectUsage(["--jwks", try file("bad.json", "{not json"), "--alg", "RS256", "--json", Self.token], "ERR_JWKS_INVALID")
        try expectUsage(["--jwks", try file("nokeys.json", #"{"keys":[]}"#), "--alg", "RS256", "--json", Self.token], "empty")
        let privateKey = try Jose.vectorJSON("rfc/rfc7520_3.4_rsa_private_key.json")["jwk"] as Any
        let privateText = String(decoding: try JSONSerialization.data(withJSONObject: privateKey), as: UTF8.self)
        try expectUsage(["--jwk", try file("private.jwk", privateText), "--alg", "RS256", "--json", Self.token], "private")
        try expectUsage(["--jwk", Examples.publicJWKS, "--alg", "RS256", "--json", Self.token], "holds a JWK Set")
        try expectUsage(["--jwk", try file("garbage.jwk", "[1,2"), "--alg", "RS256", "--json", Self.token], "not valid JSON")
    }

    @Test func secretFileRules() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let short = folder.appendingPathComponent("short")
        try Data("too-short\n".utf8).write(to: short)
        try expectUsage(["--secret-file", short.path, "--alg", "HS256", "--json", Self.token], "72 bits; HS256 needs at least 256 bits")
        try expectUsage(["--secret-file", short.path, "--alg", "HS512", "--alg", "HS384", "--json", Self.token], "72 bits; HS384 needs at least 384 bits")
        try expectUsage(["--secret-file", Examples.hs256Secret, "--alg", "RS256", "--json", Self.token], "HS256/HS384/HS512 only")
        let empty = folder.appendingPathComponent("empty")
        try Data("\n".utf8).write(to: empty)
        try expectUsage(["--secret-file", empty.path, "--alg", "HS256", "--json", Self.token], "is empty")
    }

    @Test func tokenInputProblems() throws {
        try expectUsage(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--json"], "standard input is empty", stdin: Data())
        try expectUsage(["--jwks", "-", "--alg", "HS256", "--json"], "not both", stdin: Data())
        try expectUsage(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--json", Examples.hs256Token], "is a file")
        try expectUsage(["--jwk", Examples.hs256JWK, "--alg", "HS256", "--json", Self.token, "extra"], "unexpected argument")
    }

    @Test func remoteURLRules() throws {
        try expectUsage(["--jwks", "http://example.com/jwks.json", "--alg", "RS256", "--json", Self.token], "must use https")
        try expectUsage(["--oidc", "http://example.com", "--alg", "RS256", "--json", Self.token], "must use https")
        try expectUsage(["--jwks", "https://", "--alg", "RS256", "--json", Self.token], "not a valid URL")
    }
}
