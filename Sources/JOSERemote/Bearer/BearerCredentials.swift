import JOSE

/// Parsing of `Authorization: Bearer <b64token>` (RFC 6750 §2.1, RFC 7235 §2.1) and the pieces of a
/// challenge.
enum BearerCredentials {
    enum Parsed: Equatable {
        /// No credentials, or credentials for another scheme.
        case none
        /// Bearer credentials that break §2.1; the reason is safe to send.
        case malformed(String)
        /// The token.
        case token(Substring)
    }

    /// Parses an `Authorization` field value: `credentials = "Bearer" 1*SP b64token`, the scheme
    /// compared case-insensitively (RFC 7235 §2.1), surrounding whitespace ignored (RFC 9110 §5.5).
    static func parse(_ header: String?) -> Parsed {
        guard let header else { return .none }
        let value = Substring(header).utf8.trimmingWhitespace()
        guard !value.isEmpty else { return .none }
        let schemeEnd = value.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) ?? value.endIndex
        let scheme = value[value.startIndex..<schemeEnd]
        guard isBearer(scheme) else { return .none }
        let rest = value[schemeEnd...].trimmingWhitespace()
        guard !rest.isEmpty else { return .malformed("the Bearer credentials carry no token") }
        guard isB64Token(rest) else {
            return .malformed("the Bearer token has characters outside the RFC 6750 section 2.1 syntax")
        }
        return .token(Substring(rest))
    }

    private static func isBearer(_ scheme: Substring.UTF8View) -> Bool {
        let bearer = Array("bearer".utf8)
        guard scheme.count == bearer.count else { return false }
        return zip(scheme, bearer).allSatisfy { ($0 | 0x20) == $1 }
    }

    /// `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` (RFC 6750 §2.1).
    static func isB64Token(_ token: Substring.UTF8View) -> Bool {
        var sawPadding = false
        var count = 0
        for byte in token {
            if byte == UInt8(ascii: "=") {
                guard count > 0 else { return false }
                sawPadding = true
                continue
            }
            if sawPadding { return false }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                count += 1
            default:
                return false
            }
        }
        return count > 0
    }

    /// A short description of why a token was refused, safe to send to anyone: the failed check, never a
    /// claim value, a `kid`, or key material (RFC 6750 §3 `error_description`).
    static func publicDescription(of error: JOSEError) -> String {
        switch error.code {
        case .jwtExpired: return "token expired"
        case .jwsSignatureVerificationFailed, .jwksMultipleMatchingKeys: return "signature invalid"
        case .jwksNoMatchingKey: return "signing key not found"
        case .algNotAllowed: return "algorithm not allowed"
        case .notSupported: return "token type not supported"
        case .jwsInvalid, .jwtInvalid, .jsonInvalid, .jwkInvalid: return "malformed token"
        case .jwtClaimValidationFailed:
            switch error.claim {
            case "iss": return "issuer not accepted"
            case "aud": return "audience not accepted"
            case "nbf": return "token not yet valid"
            case "iat": return "token issued at an unacceptable time"
            case "sub": return "subject not accepted"
            case "typ": return "token type not accepted"
            case "exp": return "token expired"
            default: return "claim check failed"
            }
        case .jwksInvalid, .jwksTimeout, .jwksFetchFailed, .invalidOptions: return "token could not be verified"
        }
    }

    /// The scopes a token grants: `scope` (space-separated) and `scp` (array of strings, or a
    /// space-separated string).
    static func scopes(of claims: JWTClaims) -> Set<String> {
        var granted: Set<String> = []
        func addSpaceSeparated(_ text: String) {
            for scope in text.split(separator: " ", omittingEmptySubsequences: true) { granted.insert(String(scope)) }
        }
        if let scope = claims["scope"]?.string { addSpaceSeparated(scope) }
        if let scp = claims["scp"] {
            switch scp.kind {
            case .string: if let text = scp.string { addSpaceSeparated(text) }
            case .array: for element in scp.elements { if let text = element.string { granted.insert(text) } }
            default: break
            }
        }
        return granted
    }

    /// A quoted-string (RFC 9110 §5.6.4): `"` and `\` escaped, control characters dropped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" {
                out.append("\\")
                out.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x20 && scalar.value != 0x7F {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Substring.UTF8View {
    /// Without leading and trailing SP / HTAB.
    func trimmingWhitespace() -> Substring.UTF8View {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == 0x20 || self[start] == 0x09 { start = index(after: start) }
        while end > start, self[index(before: end)] == 0x20 || self[index(before: end)] == 0x09 { end = index(before: end) }
        return self[start..<end]
    }
}
