import JOSE

/// `jose decode`: shows a token's header and payload without verifying anything.
enum DecodeCommand {
    static let spec = CommandSpec(
        name: "decode",
        summary: "show a token's header and payload (nothing is verified)",
        usage: "[options] [TOKEN|-]",
        options: [
            OptionSpec(name: "now", value: "UNIX_SECONDS", help: "compute the relative times from this instant instead of now"),
            OptionSpec(name: "json", value: nil, help: "print {\"header\": ..., \"payload\": ...} exactly as the token carries them"),
        ],
        positionals: 0...1,
        details: """
        The token is the last argument; '-' or no argument reads it from standard input.
        Registered time claims (iat, nbf, exp) are also shown as UTC dates with a relative hint.
        NOTHING IS VERIFIED: never trust what decode shows; use 'jose verify'.

        exit status: 0 decoded, 1 not a decodable token (or an encrypted JWE), 2 usage error.

        example:
          jose decode --now 1300819300 "$(cat Vectors/examples/rfc7515_A.1.jwt)"
        """)

    static func run(_ arguments: ParsedArguments) async throws -> ExitStatus {
        let now = try arguments.value("now").map { text throws(UsageError) in
            try VerifyCommand.seconds(text, option: "now", allowNegative: true)
        } ?? JWTClock.system.now()
        let token = try Input.token(arguments.positionals.first, command: spec.name)
        let header: JSONDocument
        let payload: Payload
        do {
            (header, payload) = try decode(token)
        } catch {
            let hint = error.code == .notSupported ? "encrypted tokens (JWE) are not supported: jose decodes signed tokens (JWS) only" : error.message
            Terminal.err(Terminal.styled("jose decode: ", .red, stderr: true) + hint + " (\(error.code.rawValue))")
            return .invalid
        }
        if arguments.has("json") {
            var object = JSONObjectWriter()
            object.raw("header", header.bytes)
            switch payload {
            case .json(let document): object.raw("payload", document.bytes)
            case .other(let bytes): object.string("payload", String(decoding: bytes, as: UTF8.self))
            }
            object.bool("verified", false)
            Terminal.outBytes(object.finished + [0x0A])
            return .success
        }
        Terminal.out(Terminal.styled("NOT VERIFIED: decoded only; the signature and the claims were not checked.", .yellow))
        Terminal.out("header:")
        Terminal.out(JSONPretty.render(header.root))
        switch payload {
        case .json(let document):
            Terminal.out("payload:")
            Terminal.out(JSONPretty.render(document.root))
            let times = TimeFormat.timeClaimLines(document.root, now: now)
            if !times.isEmpty {
                Terminal.out("times:")
                times.forEach { Terminal.out($0) }
            }
        case .other(let bytes):
            Terminal.out("payload (\(bytes.count) bytes, not a JSON object, so not a JWT):")
            Terminal.out(String(decoding: bytes, as: UTF8.self))
        }
        return .success
    }

    enum Payload {
        case json(JSONDocument)
        case other([UInt8])
    }

    /// The header and payload; a JWS whose payload is not JSON (RFC 7520 §4) still decodes.
    static func decode(_ token: String) throws(JOSEError) -> (JSONDocument, Payload) {
        do {
            let decoded = try JWT.decodeUnverified(token)
            return (decoded.header, .json(decoded.claims))
        } catch where error.code == .jwtInvalid {
            let header = try JWS.decodeProtectedHeaderUnverified(token)
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let bytes = try? Base64URL.decode(String(parts[1])) else { throw error }
            if let document = try? JSONDocument(bytes: bytes), document.root.kind == .object { throw error }
            return (header, .other(bytes))
        }
    }
}
