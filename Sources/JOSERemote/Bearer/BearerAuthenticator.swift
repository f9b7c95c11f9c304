import JOSE

/// What a ``BearerAuthenticator`` concluded about a request.
public enum BearerAuthenticationResult: Sendable {
    /// The token verified and carries the required scopes.
    case authenticated(JWT.Verified)
    /// Refuse the request: send `status` with a `WWW-Authenticate: <wwwAuthenticate>` header (RFC 6750 §3).
    case challenge(status: Int, wwwAuthenticate: String)
    /// The server could not decide: the key source failed (`ERR_JWKS_TIMEOUT`, `ERR_JWKS_FETCH_FAILED`,
    /// `ERR_JWKS_INVALID`) or the verify options are invalid. The token may be fine, so it is not
    /// refused as `invalid_token` (clients would discard it): answer 503 (or 500) and log the error.
    case unavailable(JOSEError)
}

/// `Authorization: Bearer` authentication for HTTP servers (RFC 6750), framework-agnostic: pass the
/// header value, get the verified token or the response to send.
///
/// - No credentials (no header, or another scheme such as `Basic`): 401, `Bearer realm="..."` with no
///   error attribute (§3.1: the client may not know authentication is needed).
/// - Malformed credentials (`Bearer` without a token, a token outside the §2.1 `b64token` syntax,
///   several tokens): 400, `error="invalid_request"`.
/// - A token that does not verify (signature, expiry, issuer, audience, unknown key...): 401,
///   `error="invalid_token"` with a short `error_description` naming the failed check, never a claim
///   value or key material.
/// - A valid token without every required scope: 403, `error="insufficient_scope"`, `scope="..."`.
///
/// Scopes are read from the space-separated `scope` claim (RFC 8693 §4.2, RFC 9068 §2.2.3) and from
/// `scp` (an array of strings, or a space-separated string, as Entra ID and Okta issue it).
public struct BearerAuthenticator: Sendable {
    /// Where keys come from (a ``RemoteJWKSet`` or a local ``JOSE/JWKSet``).
    public let keys: any JWKSetSource
    /// What a token must satisfy.
    public let options: JWTVerifyOptions
    /// The `realm` auth-param of every challenge (RFC 7235 §2.2).
    public let realm: String
    /// Scopes a token must all carry; empty: none.
    public let requiredScopes: [String]
    /// Called with the internal reason for every refusal and every `.unavailable`, for server logs
    /// (the client only sees the short description).
    public let onRejection: (@Sendable (JOSEError) -> Void)?

    /// Creates an authenticator.
    ///
    /// - Parameters:
    ///   - keys: The key source.
    ///   - options: Verification options (algorithms, issuers, audiences, clock...).
    ///   - realm: The protection space named in challenges, e.g. `"api"`.
    ///   - requiredScopes: Scopes every accepted token must carry (RFC 6750 §3 `scope`).
    ///   - onRejection: Optional logging hook.
    public init(keys: any JWKSetSource, options: JWTVerifyOptions, realm: String, requiredScopes: [String] = [], onRejection: (@Sendable (JOSEError) -> Void)? = nil) {
        self.keys = keys
        self.options = options
        self.realm = realm
        self.requiredScopes = requiredScopes
        self.onRejection = onRejection
    }

    /// Authenticates a request from its `Authorization` header value (nil when absent).
    public func authenticate(authorization: String?) async -> BearerAuthenticationResult {
        let token: Substring
        switch BearerCredentials.parse(authorization) {
        case .none:
            return .challenge(status: 401, wwwAuthenticate: challenge())
        case .malformed(let why):
            onRejection?(JOSEError(.jwsInvalid, "malformed Authorization header: \(why)"))
            return .challenge(status: 400, wwwAuthenticate: challenge(error: "invalid_request", description: why))
        case .token(let value):
            token = value
        }
        let verified: JWT.Verified
        do {
            verified = try await JWT.verify(String(token), keys: keys, options: options)
        } catch {
            onRejection?(error)
            switch error.code {
            case .jwksTimeout, .jwksFetchFailed, .jwksInvalid, .invalidOptions:
                return .unavailable(error)
            default:
                return .challenge(status: 401, wwwAuthenticate: challenge(error: "invalid_token", description: BearerCredentials.publicDescription(of: error)))
            }
        }
        if !requiredScopes.isEmpty {
            let granted = BearerCredentials.scopes(of: verified.claims)
            let missing = requiredScopes.filter { !granted.contains($0) }
            if !missing.isEmpty {
                onRejection?(JOSEError(.jwtClaimValidationFailed, "the token lacks the required scope(s) \(missing.joined(separator: " "))", claim: "scope"))
                return .challenge(status: 403, wwwAuthenticate: challenge(error: "insufficient_scope", description: "insufficient scope", scope: requiredScopes.joined(separator: " ")))
            }
        }
        return .authenticated(verified)
    }

    /// `Bearer realm="...", error="...", error_description="...", scope="..."` (RFC 6750 §3).
    func challenge(error: String? = nil, description: String? = nil, scope: String? = nil) -> String {
        var parts = ["realm=" + BearerCredentials.quoted(realm)]
        if let error { parts.append("error=\"\(error)\"") }
        if let description { parts.append("error_description=" + BearerCredentials.quoted(description)) }
        if let scope { parts.append("scope=" + BearerCredentials.quoted(scope)) }
        return "Bearer " + parts.joined(separator: ", ")
    }
}
