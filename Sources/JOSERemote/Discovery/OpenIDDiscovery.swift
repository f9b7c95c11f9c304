#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import JOSE

/// The parts of an OpenID Provider Configuration document (OpenID Connect Discovery 1.0 §3) a
/// verifier needs, plus the whole document for the rest.
public struct OpenIDConfiguration: Sendable {
    /// `issuer`, equal to the configured issuer (§4.3 checked).
    public let issuer: String
    /// `jwks_uri`: where the provider publishes its signing keys (§3).
    public let jwksURI: URL
    /// The document as fetched.
    public let document: JSONDocument
}

/// OpenID Connect Discovery 1.0: find a provider's JWK Set from its issuer.
///
/// ```swift
/// let keys = try await RemoteJWKSet.discover(issuer: "https://auth.example.com/application/o/my-app/")
/// ```
public enum OpenIDDiscovery {
    /// `<issuer without its trailing slash>/.well-known/openid-configuration` (§4, §4.1).
    /// An authentik issuer `https://host/application/o/<slug>/` gives
    /// `https://host/application/o/<slug>/.well-known/openid-configuration`.
    ///
    /// - Throws: ``JOSE/JOSEError`` `ERR_JOSE_INVALID_OPTIONS` when the issuer is not an https URL
    ///   (or loopback http), or has a query or fragment (§2 forbids both).
    public static func configurationURL(forIssuer issuer: String, allowInsecureHTTP: Bool = false) throws(JOSEError) -> URL {
        let url = try URLPolicy.check(issuer, what: "issuer", allowInsecureHTTP: allowInsecureHTTP)
        guard url.query == nil, url.fragment == nil else {
            throw JOSEError(.invalidOptions, "the issuer \"\(issuer)\" has a query or fragment; an OpenID issuer has neither (OpenID Connect Discovery 1.0 §2)")
        }
        var base = issuer
        while base.hasSuffix("/") { base.removeLast() }
        return try URLPolicy.check(base + "/.well-known/openid-configuration", what: "discovery", allowInsecureHTTP: allowInsecureHTTP)
    }

    /// Fetches and checks the provider configuration for `issuer`: `200 OK`, a JSON object whose
    /// `issuer` equals `issuer` exactly (§4.3; no trailing-slash normalisation), and a `jwks_uri`
    /// allowed by the same URL policy.
    ///
    /// - Parameters:
    ///   - issuer: The issuer as tokens carry it in `iss`.
    ///   - options: Timeout, body cap, headers and http policy (cache settings are not used here).
    ///   - client: The HTTP client.
    /// - Throws: ``JOSE/JOSEError`` `ERR_JWKS_FETCH_FAILED` (bad status, not JSON, issuer mismatch,
    ///   missing `jwks_uri`), `ERR_JWKS_TIMEOUT`, `ERR_JOSE_INVALID_OPTIONS`.
    public static func fetch(issuer: String, options: RemoteJWKSetOptions = RemoteJWKSetOptions(), client: any HTTPClient = URLSessionHTTPClient()) async throws(JOSEError) -> OpenIDConfiguration {
        try options.validate()
        let url = try configurationURL(forIssuer: issuer, allowInsecureHTTP: options.allowInsecureHTTP)
        let body = try await BoundedFetch.fetch(url, what: "OpenID configuration", client: client, options: options).get()
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: body)
        } catch {
            throw JOSEError(.jwksFetchFailed, "the OpenID configuration at \(url.absoluteString) is not a JSON document: \(BoundedFetch.describeNonJSON(body))")
        }
        guard document.root.kind == .object else {
            throw JOSEError(.jwksFetchFailed, "the OpenID configuration at \(url.absoluteString) is not a JSON object (OpenID Connect Discovery 1.0 §4.2)")
        }
        guard let documentIssuer = document.root["issuer"]?.string else {
            throw JOSEError(.jwksFetchFailed, "the OpenID configuration at \(url.absoluteString) has no string \"issuer\" (OpenID Connect Discovery 1.0 §3)")
        }
        guard documentIssuer == issuer else {
            throw JOSEError(.jwksFetchFailed, issuerMismatch(configured: issuer, document: documentIssuer, url: url))
        }
        guard let jwksText = document.root["jwks_uri"]?.string else {
            throw JOSEError(.jwksFetchFailed, "the OpenID configuration at \(url.absoluteString) has no string \"jwks_uri\" (OpenID Connect Discovery 1.0 §3)")
        }
        let jwksURI = try URLPolicy.check(jwksText, what: "jwks_uri", allowInsecureHTTP: options.allowInsecureHTTP)
        return OpenIDConfiguration(issuer: documentIssuer, jwksURI: jwksURI, document: document)
    }

    /// The §4.3 mismatch message: both strings, and a hint when only a trailing slash differs.
    static func issuerMismatch(configured: String, document: String, url: URL) -> String {
        var message = "the OpenID configuration at \(url.absoluteString) names issuer \(JSONString.quoted(document)), but the configured issuer is \(JSONString.quoted(configured)); they must be identical (OpenID Connect Discovery 1.0 §4.3)"
        func trimmed(_ s: String) -> Substring {
            var s = s[...]
            while s.hasSuffix("/") { s = s.dropLast() }
            return s
        }
        if trimmed(configured) == trimmed(document) {
            message += ". They differ only by a trailing slash: configure exactly \(JSONString.quoted(document)), the value tokens carry in \"iss\""
            if document.hasSuffix("/") { message += " (authentik issuers end with a slash)" }
        }
        return message
    }
}

extension RemoteJWKSet {
    /// Discovers `issuer`'s `jwks_uri` (``OpenIDDiscovery/fetch(issuer:options:client:)``) and creates a
    /// remote set for it with the same options and client. Pair it with
    /// `JWTVerifyOptions(issuers: [issuer], ...)`.
    ///
    /// - Throws: ``JOSE/JOSEError`` from discovery or ``init(url:options:client:seed:)``.
    public static func discover(issuer: String, options: RemoteJWKSetOptions = RemoteJWKSetOptions(), client: any HTTPClient = URLSessionHTTPClient(), seed: JWKSetSnapshot? = nil) async throws(JOSEError) -> RemoteJWKSet {
        let configuration = try await OpenIDDiscovery.fetch(issuer: issuer, options: options, client: client)
        return try RemoteJWKSet(url: configuration.jwksURI, options: options, client: client, seed: seed)
    }
}
