/// Step 6 of the pipeline: the JWT Claims Set checked against the options at an instant, as a pure
/// function (RFC 7519 §4.1, §7.2 step 10; panva/jose `lib/jwt_claims_set.ts` semantics).
enum ClaimsValidation {
    static func validate(_ claims: JSONValue, header: JWSHeader, options: JWTVerifyOptions, now: Double) throws(JOSEError) {
        if let expected = options.type {
            guard let typ = header.type else {
                throw JOSEError(.jwtClaimValidationFailed, "the \"typ\" header is missing; expected \"\(expected)\"", claim: "typ")
            }
            guard normalizedMediaType(typ) == normalizedMediaType(expected) else {
                throw JOSEError(.jwtClaimValidationFailed, "unexpected \"typ\" header value \"\(typ)\"; expected \"\(expected)\"", claim: "typ")
            }
        }
        guard claims.kind == .object else {
            throw JOSEError(.jwtInvalid, "the JWT Claims Set must be a top-level JSON object (RFC 7519 §7.2)")
        }

        // One pass finds the registered claims; the caller's own required names are looked up by name.
        let found = RegisteredClaimPositions(claims)
        if !options.issuers.isEmpty { try require("iss", found.issuer) }
        if options.subject != nil { try require("sub", found.subject) }
        if !options.audiences.isEmpty { try require("aud", found.audience) }
        if options.maximumTokenAge != nil { try require("iat", found.issuedAt) }
        for name in options.requiredClaims { try require(name, claims[name]?.index) }

        if !options.issuers.isEmpty {
            try checkIssuer(RegisteredClaimPositions.value(found.issuer, in: claims), expected: options.issuers)
        }
        if let subject = options.subject {
            guard let sub = RegisteredClaimPositions.value(found.subject, in: claims), sub.stringEquals(subject) else {
                throw JOSEError(.jwtClaimValidationFailed, "unexpected \"sub\" claim value; expected \"\(subject)\"", claim: "sub")
            }
        }
        if !options.audiences.isEmpty {
            try checkAudience(RegisteredClaimPositions.value(found.audience, in: claims), expected: options.audiences)
        }

        let tolerance = options.clockTolerance
        let iat = try numericDate(claims, found.issuedAt, "iat")
        if let nbf = try numericDate(claims, found.notBefore, "nbf"), nbf > now + tolerance {
            throw JOSEError(.jwtClaimValidationFailed, "\"nbf\" claim timestamp check failed: the token is not valid before \(formatSeconds(nbf)), now is \(formatSeconds(now)) (clock tolerance \(formatSeconds(tolerance)) s)", claim: "nbf")
        }
        if let exp = try numericDate(claims, found.expirationTime, "exp"), exp <= now - tolerance {
            throw JOSEError(.jwtExpired, "\"exp\" claim timestamp check failed: the token expired at \(formatSeconds(exp)), now is \(formatSeconds(now)) (\(formatSeconds(now - exp)) s ago; clock tolerance \(formatSeconds(tolerance)) s)", claim: "exp")
        }
        if let maximumAge = options.maximumTokenAge, let iat {
            let age = now - iat
            if age - tolerance > maximumAge {
                throw JOSEError(.jwtExpired, "\"iat\" claim timestamp check failed (too far in the past): the token is \(formatSeconds(age)) s old, the maximum is \(formatSeconds(maximumAge)) s", claim: "iat")
            }
            if age < -tolerance {
                throw JOSEError(.jwtClaimValidationFailed, "\"iat\" claim timestamp check failed (it should be in the past): issued \(formatSeconds(-age)) s in the future", claim: "iat")
            }
        }
    }

    private static func require(_ name: String, _ position: Int?) throws(JOSEError) {
        guard position != nil else {
            throw JOSEError(.jwtClaimValidationFailed, "missing required \"\(name)\" claim", claim: name)
        }
    }

    /// A NumericDate claim (RFC 7519 §2): absent, or a finite number (fractions allowed).
    private static func numericDate(_ claims: JSONValue, _ position: Int?, _ name: String) throws(JOSEError) -> Double? {
        guard let value = RegisteredClaimPositions.value(position, in: claims) else { return nil }
        guard value.kind == .number, let seconds = value.double else {
            throw JOSEError(.jwtClaimValidationFailed, "\"\(name)\" claim must be a number (a NumericDate, RFC 7519 §2)", claim: name)
        }
        return seconds
    }

    private static func checkIssuer(_ iss: JSONValue?, expected: [String]) throws(JOSEError) {
        guard let iss, iss.kind == .string else {
            throw JOSEError(.jwtClaimValidationFailed, "the \"iss\" claim must be a string (RFC 7519 §4.1.1)", claim: "iss")
        }
        for candidate in expected where iss.stringEquals(candidate) { return }
        let actual = iss.string ?? ""
        let expectedList = expected.map { "\"\($0)\"" }.joined(separator: " or ")
        var message = "unexpected \"iss\" claim value \"\(actual)\"; expected \(expectedList)"
        if let near = expected.first(where: { differOnlyByTrailingSlash($0, actual) }) {
            message += ". They differ only by a trailing slash: issuers are compared exactly, so configure \"\(actual)\" instead of \"\(near)\" (authentik issuers end in a slash: https://host/application/o/<slug>/)"
        }
        throw JOSEError(.jwtClaimValidationFailed, message, claim: "iss")
    }

    private static func checkAudience(_ aud: JSONValue?, expected: [String]) throws(JOSEError) {
        guard let aud else {
            throw JOSEError(.jwtClaimValidationFailed, "missing required \"aud\" claim", claim: "aud")
        }
        switch aud.kind {
        case .string:
            for candidate in expected where aud.stringEquals(candidate) { return }
        case .array:
            for element in aud.elements {
                guard element.kind == .string else {
                    throw JOSEError(.jwtClaimValidationFailed, "the \"aud\" claim must be a string or an array of strings (RFC 7519 §4.1.3)", claim: "aud")
                }
            }
            for element in aud.elements {
                for candidate in expected where element.stringEquals(candidate) { return }
            }
        default:
            throw JOSEError(.jwtClaimValidationFailed, "the \"aud\" claim must be a string or an array of strings (RFC 7519 §4.1.3)", claim: "aud")
        }
        let expectedList = expected.map { "\"\($0)\"" }.joined(separator: " or ")
        throw JOSEError(.jwtClaimValidationFailed, "unexpected \"aud\" claim value; expected \(expectedList)", claim: "aud")
    }

    static func differOnlyByTrailingSlash(_ a: String, _ b: String) -> Bool {
        a != b && (a + "/" == b || b + "/" == a)
    }

    /// `typ` media types compare case-insensitively with `application/` implied (RFC 7515 §4.1.9).
    static func normalizedMediaType(_ value: String) -> String {
        let lower = String(value.unicodeScalars.map { scalar -> Character in
            ("A"..."Z").contains(scalar) ? Character(Unicode.Scalar(scalar.value + 32) ?? scalar) : Character(scalar)
        })
        return lower.hasPrefix("application/") ? String(lower.dropFirst("application/".count)) : lower
    }

    /// Whole seconds without a fraction, else the shortest exact decimal.
    static func formatSeconds(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
