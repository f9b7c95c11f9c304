import JOSE

/// `jose thumbprint`: the RFC 7638 thumbprint of one JWK.
enum ThumbprintCommand {
    static let spec = CommandSpec(
        name: "thumbprint",
        summary: "print the RFC 7638 thumbprint (SHA-256, base64url) of a JWK",
        usage: "FILE|-",
        options: [],
        positionals: 1...1,
        details: """
        Reads one JWK (RFC 7517 §4) from FILE, or from standard input with '-', and prints its
        RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url.

        exit status: 0 printed, 1 not a JWK (or no thumbprint for its key type), 2 usage error or
        unreadable file.

        example:
          jose thumbprint Vectors/examples/rfc7638_3.1.jwk
        """)

    static func run(_ arguments: ParsedArguments) async throws -> ExitStatus {
        let source = arguments.positionals[0]
        let bytes = try Input.read(source, what: "JWK")
        do {
            let document = try JSONDocument(bytes: Array(Input.trimmed(bytes)))
            if document.root["keys"] != nil {
                Terminal.err("jose thumbprint: \(source) holds a JWK Set; 'jose jwks \(source)' prints the thumbprint of each key")
                return .invalid
            }
            Terminal.out(try JWK(document.root).thumbprint())
            return .success
        } catch let error as JOSEError {
            Terminal.err("jose thumbprint: \(error.message) (\(error.code.rawValue))")
            return .invalid
        } catch {
            Terminal.err("jose thumbprint: \(source) is not valid JSON: \(error)")
            return .invalid
        }
    }
}
