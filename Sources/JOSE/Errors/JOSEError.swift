/// The one error every JOSE operation throws: a stable ``Code`` mirroring panva/jose's `ERR_*` set,
/// a message that says what is wrong and what to fix, and context (the claim, the `kid`).
///
/// Two errors are equal when their codes are equal (and, for claim failures, their claims), so a test
/// can write `#expect(throws: JOSEError(.jwtExpired))`. Nothing from an unverified payload is ever
/// carried by an error raised before the signature was verified.
public struct JOSEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable error codes. The raw values are the strings panva/jose uses (`src/util/errors.ts`) where
    /// one exists, so people who come from jose recognise them.
    public enum Code: String, Sendable, CaseIterable {
        /// A claim failed validation (RFC 7519 §4.1); ``JOSEError/claim`` names it.
        case jwtClaimValidationFailed = "ERR_JWT_CLAIM_VALIDATION_FAILED"
        /// `exp` is in the past (RFC 7519 §4.1.4).
        case jwtExpired = "ERR_JWT_EXPIRED"
        /// The JWT is malformed: its payload is not a JSON object, a claim has the wrong type (RFC 7519 §7.2).
        case jwtInvalid = "ERR_JWT_INVALID"
        /// The JWS is malformed: not three parts, bad base64url, bad header (RFC 7515 §5.2).
        case jwsInvalid = "ERR_JWS_INVALID"
        /// The signature does not verify with any candidate key (RFC 7515 §5.2 step 8).
        case jwsSignatureVerificationFailed = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
        /// The token's `alg` is not in the caller's allowlist (RFC 8725 §3.1).
        case algNotAllowed = "ERR_JOSE_ALG_NOT_ALLOWED"
        /// An algorithm, key type or critical extension this library does not implement.
        case notSupported = "ERR_JOSE_NOT_SUPPORTED"
        /// A JWK is malformed or unusable (RFC 7517 §4, RFC 7518 §6).
        case jwkInvalid = "ERR_JWK_INVALID"
        /// A JWK Set is malformed (RFC 7517 §5).
        case jwksInvalid = "ERR_JWKS_INVALID"
        /// No key of the set fits the token's header (`kid`, `kty`, `alg`, `use`, `key_ops`).
        case jwksNoMatchingKey = "ERR_JWKS_NO_MATCHING_KEY"
        /// Several keys matched and none verified (jose: ERR_JWKS_MULTIPLE_MATCHING_KEYS).
        case jwksMultipleMatchingKeys = "ERR_JWKS_MULTIPLE_MATCHING_KEYS"
        /// Fetching a remote JWK Set timed out.
        case jwksTimeout = "ERR_JWKS_TIMEOUT"
        /// A remote JWK Set or discovery document could not be fetched or was refused.
        case jwksFetchFailed = "ERR_JWKS_FETCH_FAILED"
        /// A caller's option is invalid (an empty algorithm allowlist, a negative tolerance).
        case invalidOptions = "ERR_JOSE_INVALID_OPTIONS"
        /// A JSON text is malformed (RFC 8259); the message gives the byte offset.
        case jsonInvalid = "ERR_JSON_INVALID"
    }

    /// The stable code.
    public let code: Code
    /// What is wrong and what to fix, in one or two sentences.
    public let message: String
    /// The claim concerned, for claim validation failures (`"iss"`, `"exp"`...).
    public let claim: String?
    /// The `kid` concerned, when a key was being selected.
    public let kid: String?

    /// Creates an error. `message` defaults to a generic sentence for the code.
    public init(_ code: Code, _ message: String? = nil, claim: String? = nil, kid: String? = nil) {
        self.code = code
        self.message = message ?? JOSEError.defaultMessage(code)
        self.claim = claim
        self.kid = kid
    }

    public static func == (lhs: JOSEError, rhs: JOSEError) -> Bool {
        lhs.code == rhs.code && (lhs.claim == nil || rhs.claim == nil || lhs.claim == rhs.claim)
    }

    /// `ERR_…: message`.
    public var description: String { "\(code.rawValue): \(message)" }

    /// A value from an unverified token (a `kid`, an `alg`) made safe to put in a message or a log:
    /// control characters escaped, and cut to `limit` characters, since a header may be megabytes long.
    public static func displayable(_ value: String, limit: Int = 64) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == limit { return out + "…" }
            count += 1
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func defaultMessage(_ code: Code) -> String {
        switch code {
        case .jwtClaimValidationFailed: return "a claim failed validation"
        case .jwtExpired: return "\"exp\" claim timestamp check failed: the token has expired"
        case .jwtInvalid: return "the JWT claims set is invalid"
        case .jwsInvalid: return "the JWS is malformed"
        case .jwsSignatureVerificationFailed: return "signature verification failed"
        case .algNotAllowed: return "\"alg\" (Algorithm) Header Parameter value not allowed"
        case .notSupported: return "not supported"
        case .jwkInvalid: return "the JWK is invalid"
        case .jwksInvalid: return "the JWK Set is invalid"
        case .jwksNoMatchingKey: return "no applicable key found in the JSON Web Key Set"
        case .jwksMultipleMatchingKeys: return "multiple matching keys found in the JSON Web Key Set and none verified"
        case .jwksTimeout: return "request timed out"
        case .jwksFetchFailed: return "the JSON Web Key Set could not be fetched"
        case .invalidOptions: return "invalid options"
        case .jsonInvalid: return "invalid JSON"
        }
    }
}
