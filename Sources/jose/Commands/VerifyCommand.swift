import JOSE

/// `jose verify`: the contract scripts rely on. Exit 0 valid, 1 invalid token, 2 usage or
/// configuration error. With `--json`, standard output carries one JSON object when the exit status
/// is 0 or 1, and nothing when it is 2.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        summary: "verify a JWT's signature and claims",
        usage: "[options] [TOKEN|-]",
        options: [
            OptionSpec(name: "jwks", value: "FILE|URL", help: "key source: a JWK Set file or https URL"),
            OptionSpec(name: "oidc", value: "ISSUER", help: "key source: OpenID Connect discovery of ISSUER's jwks_uri"),
            OptionSpec(name: "secret-file", value: "FILE", help: "key source: an HMAC secret (HS*); one trailing newline is ignored"),
            OptionSpec(name: "jwk", value: "FILE", help: "key source: one JWK"),
            OptionSpec(name: "alg", value: "ALG", repeatable: true, help: "an accepted algorithm, required: HS256 ... PS512"),
            OptionSpec(name: "iss", value: "ISSUER", repeatable: true, help: "an accepted \"iss\", matched exactly"),
            OptionSpec(name: "aud", value: "AUDIENCE", repeatable: true, help: "an accepted audience (any of them)"),
            OptionSpec(name: "sub", value: "SUBJECT", help: "the required \"sub\""),
            OptionSpec(name: "typ", value: "TYPE", help: "the required \"typ\" header, e.g. at+jwt"),
            OptionSpec(name: "clock-tolerance", value: "SECONDS", help: "leeway for exp, nbf and iat (default 0)"),
            OptionSpec(name: "max-token-age", value: "SECONDS", help: "refuse tokens whose \"iat\" is older (makes iat required)"),
            OptionSpec(name: "require", value: "CLAIM", repeatable: true, help: "a claim that must be present"),
            OptionSpec(name: "now", value: "UNIX_SECONDS", help: "evaluate the claims at this time instead of now"),
            OptionSpec(name: "json", value: nil, help: "print one JSON object: {\"valid\": ...}"),
        ],
        positionals: 0...1,
        details: """
        The token is the last argument; '-' or no argument reads it from standard input (surrounding
        whitespace is ignored), which keeps it out of shell history.

        exit status: 0 valid, 1 the token is invalid, 2 usage or configuration error (bad option,
        unreadable or unusable key file, key set URL unreachable).

        --json prints {"valid": true, "header": {...}, "payload": {...}, "kid": ...} with the header
        and payload exactly as the token carried them, or {"valid": false, "error": {"code": "ERR_...",
        "message": "...", "claim": ...}}. Nothing is printed on standard output for exit status 2.

        example:
          jose verify --jwk Vectors/examples/rfc7515_A.1.jwk --alg HS256 --iss joe --now 1300819300 \\
            "$(cat Vectors/examples/rfc7515_A.1.jwt)"
        """)

    static func run(_ arguments: ParsedArguments) async throws -> ExitStatus {
        let options = try verifyOptions(arguments)
        let tokenArgument = arguments.positionals.first
        if (tokenArgument == nil || tokenArgument == "-"), KeyLoading.sourceOptions.contains(where: { arguments.value($0) == "-" }) {
            throw UsageError("standard input can carry the key or the token, not both: give the token as an argument", command: spec.name)
        }
        let keys = try await KeyLoading.keySet(arguments, algorithms: options.algorithms)
        let token = try Input.token(tokenArgument, command: spec.name)
        let now = options.clock.now()
        let json = arguments.has("json")
        do {
            let verified = try verifyLocally(token, keys: keys, options: options)
            if json {
                var object = JSONObjectWriter()
                object.bool("valid", true)
                object.raw("header", verified.header.document.bytes)
                object.raw("payload", verified.claims.document.bytes)
                object.string("kid", verified.key.keyID)
                Terminal.outBytes(object.finished + [0x0A])
            } else {
                printValid(verified, now: now)
            }
            return .success
        } catch {
            if error.code == .invalidOptions { throw UsageError(error.message, command: spec.name) }
            if json {
                var detail = JSONObjectWriter()
                detail.string("code", error.code.rawValue)
                detail.string("message", error.message)
                detail.string("claim", error.claim)
                var object = JSONObjectWriter()
                object.bool("valid", false)
                object.object("error", detail)
                Terminal.outBytes(object.finished + [0x0A])
            } else {
                printInvalid(error, token: token, now: now)
            }
            return .invalid
        }
    }

    /// The synchronous pipeline over a local set (the async overload would be picked in async code).
    static func verifyLocally(_ token: String, keys: JWKSet, options: JWTVerifyOptions) throws(JOSEError) -> JWT.Verified {
        try JWT.verify(token, keys: keys, options: options)
    }

    /// The options, checked: every problem is a usage error.
    static func verifyOptions(_ arguments: ParsedArguments) throws(UsageError) -> JWTVerifyOptions {
        let names = arguments.all("alg")
        guard !names.isEmpty else {
            throw UsageError("--alg is required: name the algorithm(s) your issuer signs with, e.g. --alg RS256 (there is no default, RFC 8725 §3.1)", command: spec.name)
        }
        var algorithms: Set<JWSAlgorithm> = []
        for name in names {
            guard let alg = JWSAlgorithm(rawValue: name) else {
                let supported = JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(name.lowercased() == "none"
                    ? "--alg none is never accepted: unsecured tokens prove nothing (RFC 8725 §3.1)"
                    : "unknown or unsupported algorithm '\(name)'; supported: \(supported)", command: spec.name)
            }
            algorithms.insert(alg)
        }
        let clock = try arguments.value("now").map { text throws(UsageError) in JWTClock.fixed(try seconds(text, option: "now", allowNegative: true)) } ?? .system
        return JWTVerifyOptions(
            algorithms: algorithms,
            issuers: arguments.all("iss"),
            audiences: arguments.all("aud"),
            subject: arguments.value("sub"),
            type: arguments.value("typ"),
            clockTolerance: try arguments.value("clock-tolerance").map { text throws(UsageError) in try seconds(text, option: "clock-tolerance") } ?? 0,
            maximumTokenAge: try arguments.value("max-token-age").map { text throws(UsageError) in try seconds(text, option: "max-token-age") },
            requiredClaims: arguments.all("require"),
            clock: clock)
    }

    /// A number of seconds: finite, and not negative unless allowed.
    static func seconds(_ text: String, option: String, allowNegative: Bool = false) throws(UsageError) -> Double {
        guard let value = Double(text), value.isFinite, allowNegative || value >= 0 else {
            throw UsageError("--\(option) takes a number of seconds\(allowNegative ? "" : " (0 or more)"); got '\(text)'", command: spec.name)
        }
        return value
    }

    static func printValid(_ verified: JWT.Verified, now: Double) {
        let key = verified.key.keyID.map { "key \"\($0)\"" } ?? "the key without kid"
        Terminal.out(Terminal.styled("VALID", .green) + "  signature verified with \(verified.header.algorithm) using \(key); claims checked")
        Terminal.out("header:")
        Terminal.out(JSONPretty.render(verified.header.json))
        Terminal.out("claims:")
        Terminal.out(JSONPretty.render(verified.claims.json))
        let times = TimeFormat.timeClaimLines(verified.claims.json, now: now)
        if !times.isEmpty {
            Terminal.out("times:")
            times.forEach { Terminal.out($0) }
        }
    }

    static func printInvalid(_ error: JOSEError, token: String, now: Double) {
        let claim = error.claim.map { " (claim \"\($0)\")" } ?? ""
        Terminal.out(Terminal.styled("INVALID", .red) + "  \(error.code.rawValue)\(claim)")
        Terminal.out(error.message)
        // For debugging only, and labelled so: what the token says, none of it trusted.
        guard let decoded = try? JWT.decodeUnverified(token) else { return }
        Terminal.out(Terminal.styled("claims (NOT verified, shown for debugging):", .yellow))
        Terminal.out(JSONPretty.render(decoded.claims.root))
        let times = TimeFormat.timeClaimLines(decoded.claims.root, now: now)
        if !times.isEmpty {
            Terminal.out("times:")
            times.forEach { Terminal.out($0) }
        }
    }
}
