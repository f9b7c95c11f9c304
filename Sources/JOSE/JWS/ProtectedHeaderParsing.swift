/// Steps 2–3 of the verification pipeline: decode the protected header, check `alg` against the
/// allowlist and validate `crit` (RFC 7515 §5.2 steps 2–5, RFC 8725 §3.1).
enum ProtectedHeaderParsing {
    /// Header parameter names registered by RFC 7515 §4.1 and RFC 7518 §4.1 for JWS, which may not
    /// appear in `crit` (RFC 7515 §4.1.11).
    private static let registeredNames: Set<String> = [
        "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
        "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c",
    ]

    /// Parses and checks the header in `encoded` (the first part of the token).
    static func parse(_ encoded: UnsafeRawBufferPointer, allowed: Set<JWSAlgorithm>, isJWT: Bool) throws(JOSEError) -> JWSHeader {
        let document = try decodeJSONPart(encoded, part: "protected header (first part of the token)", what: "protected header", code: .jwsInvalid)
        let header = document.root
        guard header.kind == .object else {
            throw JOSEError(.jwsInvalid, "the protected header must be a JSON object (RFC 7515 §4)")
        }
        guard let algValue = header.member("alg"), algValue.kind == .string else {
            throw JOSEError(.jwsInvalid, "the \"alg\" (Algorithm) Header Parameter is missing or not a string (RFC 7515 §4.1.1)")
        }
        let algorithm = try checkAlgorithm(algValue, allowed: allowed)
        if let kid = header.member("kid"), kid.kind != .string {
            throw JOSEError(.jwsInvalid, "the \"kid\" (Key ID) Header Parameter must be a string (RFC 7515 §4.1.4)")
        }
        if let typ = header.member("typ"), typ.kind != .string {
            throw JOSEError(.jwsInvalid, "the \"typ\" (Type) Header Parameter must be a string (RFC 7515 §4.1.9)")
        }
        try validateB64(header, isJWT: isJWT)
        try validateCrit(header, isJWT: isJWT)
        return JWSHeader(document: document, algorithm: algorithm)
    }

    private static func checkAlgorithm(_ value: JSONValue, allowed: Set<JWSAlgorithm>) throws(JOSEError) -> JWSAlgorithm {
        for candidate in allowed where value.stringEquals(candidate.rawValue) {
            return candidate
        }
        let name = JOSEError.displayable(value.string ?? "")
        let allowedList = allowed.map(\.rawValue).sorted().joined(separator: ", ")
        if name == "none" {
            throw JOSEError(.algNotAllowed, "\"alg\": \"none\" (an unsecured JWS) is never accepted (RFC 8725 §3.1); allowed: \(allowedList)")
        }
        if JWSAlgorithm(rawValue: name) != nil {
            throw JOSEError(.algNotAllowed, "\"alg\" (Algorithm) Header Parameter value \"\(name)\" is not allowed; allowed: \(allowedList)")
        }
        if JWSAlgorithm.recognisedUnsupported.contains(name) {
            throw JOSEError(.algNotAllowed, "\"alg\" \"\(name)\" is not supported by this library (it verifies HS*, RS*, PS*); allowed: \(allowedList)")
        }
        throw JOSEError(.algNotAllowed, "unknown \"alg\" (Algorithm) Header Parameter value \"\(name)\"; allowed: \(allowedList)")
    }

    /// `b64` (RFC 7797 §3): a boolean; `false` (an unencoded payload) is not supported.
    private static func validateB64(_ header: JSONValue, isJWT: Bool) throws(JOSEError) {
        guard let b64 = header.member("b64") else { return }
        guard let flag = b64.bool else {
            throw JOSEError(.jwsInvalid, "the \"b64\" Header Parameter must be a boolean (RFC 7797 §3)")
        }
        if !flag {
            throw isJWT
                ? JOSEError(.jwtInvalid, "JWTs must not use an unencoded payload (\"b64\": false, RFC 7797 §7)")
                : JOSEError(.notSupported, "unencoded payloads (\"b64\": false, RFC 7797) are not supported")
        }
    }

    /// `crit` (RFC 7515 §4.1.11): when present, a non-empty array of unique, non-empty strings naming
    /// extension parameters that are present in the header, understood, and not registered names.
    /// This library understands no extension for JWTs, and only `b64` for other JWS.
    static func validateCrit(_ header: JSONValue, isJWT: Bool) throws(JOSEError) {
        guard let crit = header.member("crit") else { return }
        guard crit.kind == .array, crit.count > 0 else {
            throw JOSEError(.jwsInvalid, "\"crit\" (Critical) Header Parameter must be a non-empty array of non-empty strings when present (RFC 7515 §4.1.11)")
        }
        var seen: [String] = []
        for element in crit.elements {
            guard let name = element.string, !name.isEmpty else {
                throw JOSEError(.jwsInvalid, "\"crit\" (Critical) Header Parameter must be a non-empty array of non-empty strings when present (RFC 7515 §4.1.11)")
            }
            guard !seen.contains(name) else {
                throw JOSEError(.jwsInvalid, "\"crit\" lists \"\(name)\" twice (RFC 7515 §4.1.11)")
            }
            seen.append(name)
            guard !registeredNames.contains(name) else {
                throw JOSEError(.jwsInvalid, "\"crit\" must not list the registered Header Parameter \"\(name)\" (RFC 7515 §4.1.11)")
            }
            if name == "b64" && isJWT {
                throw JOSEError(.jwtInvalid, "JWTs must not use the \"b64\" extension (RFC 7797 §7); \"crit\" lists it")
            }
            guard name == "b64" else {
                throw JOSEError(.notSupported, "Extension Header Parameter \"\(name)\" is listed in \"crit\" but not recognized, so the token must be rejected (RFC 7515 §4.1.11)")
            }
            guard header[name] != nil else {
                throw JOSEError(.jwsInvalid, "Extension Header Parameter \"\(name)\" is listed in \"crit\" but missing from the header (RFC 7515 §4.1.11)")
            }
        }
    }
}
