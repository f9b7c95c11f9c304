import JOSE

/// `jose jwks`: one line per key of a JWK Set, with everything that makes a key unusable or risky.
/// Every element is parsed on its own, so keys that fail are shown too, with the reason.
enum JWKSCommand {
    static let spec = CommandSpec(
        name: "jwks",
        summary: "list the keys of a JWK Set with sizes, thumbprints and warnings",
        usage: "FILE|URL|-",
        options: [],
        positionals: 1...1,
        details: """
        One line per key: kid, kty, alg, use, size in bits, RFC 7638 thumbprint, and warnings (weak
        key, duplicate kid, private members present, unusable for verification and why). Secrets are
        never printed, nor their thumbprints.

        exit status: 0 the set is usable for verification, 1 it is not (the reason is printed),
        2 usage error, unreadable file or unreachable URL.

        example:
          jose jwks Vectors/examples/rfc7517_A.1.jwks
        """)

    struct Row {
        var index: Int
        var kid = "-", kty = "-", alg = "-", use = "-", bits = "-", thumbprint = "-"
        var warnings: [String] = []
    }

    static func run(_ arguments: ParsedArguments) async throws -> ExitStatus {
        let source = arguments.positionals[0]
        let bytes = try await KeyLoading.jwksBytes(source)
        let root: JSONValue
        do {
            root = try JSONDocument(bytes: bytes).root
        } catch {
            Terminal.out(Terminal.styled("not a JWK Set: ", .red) + "\(source) is not valid JSON: \(error)")
            return .invalid
        }
        guard root.kind == .object, let keys = root["keys"], keys.kind == .array else {
            // JWKSet's own message explains {} (authentik without a signing key) and the rest.
            let reason = Result { () throws(JOSEError) in try JWKSet(root) }.failureMessage
            Terminal.out(Terminal.styled("not a JWK Set: ", .red) + reason)
            return .invalid
        }
        let rows = keys.elements.enumerated().map { row(index: $0.offset, element: $0.element) }
        printTable(markDuplicates(rows: rows))
        switch Result(catching: { () throws(JOSEError) in try JWKSet(root) }) {
        case .success(let set):
            let usable = set.keys.filter(isUsable).count
            Terminal.out("\(rows.count) key\(rows.count == 1 ? "" : "s"), \(usable) usable for verification")
            return .success
        case .failure(let error):
            Terminal.out(Terminal.styled("unusable set: ", .red) + "\(error.message) (\(error.code.rawValue))")
            return .invalid
        }
    }

    static func isUsable(_ key: JWK) -> Bool {
        JWSAlgorithm.allCases.contains { if case .success = key.usableKey(for: $0) { true } else { false } }
    }

    static func row(index: Int, element: JSONValue) -> Row {
        var row = Row(index: index)
        row.kid = element["kid"]?.string.map { JSONString.quoted($0) } ?? "-"
        row.kty = element["kty"]?.string ?? "-"
        let jwk: JWK
        do {
            jwk = try JWK(element)
        } catch {
            row.warnings.append("invalid: \(error.message)")
            return row
        }
        row.alg = jwk.algorithm ?? "-"
        row.use = jwk.use ?? "-"
        if let alg = jwk.algorithm, JWSAlgorithm(rawValue: alg) == nil { row.warnings.append("alg \(alg) is not supported for verification") }
        if let use = jwk.use, use != "sig" { row.warnings.append("use \"\(use)\": not a signature key") }
        if let ops = jwk.keyOperations, !ops.contains("verify") { row.warnings.append("key_ops do not include \"verify\"") }
        if jwk.hasPrivateMembers { row.warnings.append("PRIVATE key members present: never publish them; not used for verification") }
        switch jwk.material {
        case .rsa(let key):
            row.bits = String(key.modulusBitCount)
        case .symmetric(let secret):
            row.bits = String(secret.byteCount * 8)
            row.warnings.append("symmetric secret: keep it out of published key sets")
            if secret.byteCount * 8 < 256 { row.warnings.append("weak key: \(secret.byteCount * 8)-bit secret, HS256 needs at least 256 (RFC 7518 §3.2)") }
        case .unusable(let reason):
            if jwk.keyType == "RSA", let n = element["n"]?.string, let modulus = try? Base64URL.decode(n) {
                let bits = modulusBits(modulus)
                row.bits = String(bits)
                if bits < 2048 { row.warnings.append("weak key: \(bits)-bit RSA modulus, RFC 7518 §3.3 requires 2048") }
            }
            row.warnings.append("unusable: \(reason)")
        }
        if jwk.keyType != "oct" {
            row.thumbprint = (try? jwk.thumbprint()) ?? "-"
        }
        return row
    }

    static func modulusBits(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - first) * 8 - bytes[first].leadingZeroBitCount
    }

    static func markDuplicates(rows: [Row]) -> [Row] {
        var rows = rows
        var byKID: [String: [Int]] = [:]
        for row in rows where row.kid != "-" { byKID[row.kid, default: []].append(row.index) }
        for index in rows.indices {
            if let others = byKID[rows[index].kid], others.count > 1 {
                rows[index].warnings.append("duplicate kid (keys \(others.map(String.init).joined(separator: ", ")))")
            }
        }
        return rows
    }

    static func printTable(_ rows: [Row]) {
        let header = ["#", "KID", "KTY", "ALG", "USE", "BITS", "THUMBPRINT (RFC 7638)", "WARNINGS"]
        let cells = rows.map { row in
            [String(row.index), row.kid, row.kty, row.alg, row.use, row.bits, row.thumbprint,
             row.warnings.isEmpty ? "-" : row.warnings.joined(separator: "; ")]
        }
        let widths = (0..<header.count - 1).map { column in
            ([header[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ fields: [String], warn: Bool) -> String {
            let fixed = zip(fields.dropLast(), widths).map { $0.padding($1) }.joined(separator: "  ")
            let last = fields.last ?? ""
            return fixed + "  " + (warn && last != "-" ? Terminal.styled(last, .yellow) : last)
        }
        Terminal.out(line(header, warn: false))
        cells.forEach { Terminal.out(line($0, warn: true)) }
    }
}

extension Result where Failure == JOSEError {
    /// The error's message and code, or "" on success.
    var failureMessage: String {
        if case .failure(let error) = self { return "\(error.message) (\(error.code.rawValue))" }
        return ""
    }
}
