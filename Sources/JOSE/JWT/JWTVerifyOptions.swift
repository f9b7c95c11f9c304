/// What a JWT must satisfy to be accepted (RFC 7519 §4.1, §7.2; RFC 8725 §3), as panva/jose's
/// `JWTVerifyOptions`. Only ``algorithms`` is required.
public struct JWTVerifyOptions: Sendable {
    /// The default ``maximumTokenBytes``: 4 MiB.
    public static let defaultMaximumTokenBytes = 4 << 20

    /// The allowlist of `alg` values; must not be empty (RFC 8725 §3.1). There is no default.
    public var algorithms: Set<JWSAlgorithm>
    /// Accepted `iss` values, matched exactly (RFC 7519 §4.1.1). Empty: `iss` is not checked.
    public var issuers: [String]
    /// Accepted audiences; the token's `aud` (a string or an array) must contain one of them
    /// (RFC 7519 §4.1.3). Empty: `aud` is not checked.
    public var audiences: [String]
    /// The expected `sub` (RFC 7519 §4.1.2), if any.
    public var subject: String?
    /// The expected `typ` header (RFC 7515 §4.1.9), compared case-insensitively with an implied
    /// `application/` prefix (RFC 8725 §3.11), e.g. `"at+jwt"` for OAuth access tokens (RFC 9068).
    public var type: String?
    /// Seconds of leeway for `exp`, `nbf` and `iat` checks.
    public var clockTolerance: Double
    /// The maximum age of the token by its `iat`, in seconds; setting it makes `iat` required.
    public var maximumTokenAge: Double?
    /// Claims that must be present (in addition to those implied by the options above).
    public var requiredClaims: [String]
    /// Where "now" comes from.
    public var clock: JWTClock
    /// Tokens longer than this are refused before any decoding.
    public var maximumTokenBytes: Int

    /// Creates options; every parameter but `algorithms` is optional.
    public init(
        algorithms: Set<JWSAlgorithm>,
        issuers: [String] = [],
        audiences: [String] = [],
        subject: String? = nil,
        type: String? = nil,
        clockTolerance: Double = 0,
        maximumTokenAge: Double? = nil,
        requiredClaims: [String] = [],
        clock: JWTClock = .system,
        maximumTokenBytes: Int = JWTVerifyOptions.defaultMaximumTokenBytes
    ) {
        self.algorithms = algorithms
        self.issuers = issuers
        self.audiences = audiences
        self.subject = subject
        self.type = type
        self.clockTolerance = clockTolerance
        self.maximumTokenAge = maximumTokenAge
        self.requiredClaims = requiredClaims
        self.clock = clock
        self.maximumTokenBytes = maximumTokenBytes
    }

    /// Refuses options that cannot be meant: an empty allowlist, negative or non-finite durations.
    func validate() throws(JOSEError) {
        guard !algorithms.isEmpty else {
            throw JOSEError(.invalidOptions, "the algorithm allowlist is empty: name the algorithms your issuer signs with, e.g. [.rs256] (RFC 8725 §3.1)")
        }
        guard clockTolerance.isFinite, clockTolerance >= 0 else {
            throw JOSEError(.invalidOptions, "clockTolerance must be a finite number of seconds >= 0")
        }
        if let maximumTokenAge, !(maximumTokenAge.isFinite && maximumTokenAge >= 0) {
            throw JOSEError(.invalidOptions, "maximumTokenAge must be a finite number of seconds >= 0")
        }
        guard maximumTokenBytes > 0 else {
            throw JOSEError(.invalidOptions, "maximumTokenBytes must be positive")
        }
    }
}
