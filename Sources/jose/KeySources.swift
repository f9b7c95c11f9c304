// Remote key sources for `--jwks URL`, `--oidc ISSUER` and `jose jwks URL`.
//
// The CLI runs once, so it fetches once (no cache): JOSERemote's HTTP client and OpenID discovery do the
// work. The rest of the CLI only calls the three functions below (`isURL`, `fetch`, `discoverJWKSURI`).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JOSE
import JOSERemote

enum RemoteKeySource {
    /// The longest accepted response body: 4 MiB (a JWK Set of thousands of RSA keys fits).
    static let maximumBodyBytes = 4 << 20
    /// Seconds before a request is abandoned.
    static let timeout: TimeInterval = 10

    /// Whether a `--jwks`/`jose jwks` argument is a URL rather than a file path.
    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("https://") || text.hasPrefix("http://")
    }

    /// Checks that `text` is an https URL, or an http URL to a loopback host (for local testing).
    static func checkedURL(_ text: String, what: String) throws(UsageError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw UsageError("the \(what) '\(text)' is not a valid URL")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw UsageError("the \(what) '\(text)' must use https (plain http is allowed only for localhost/127.0.0.1)")
        }
        return url
    }

    /// GETs `text` with JOSERemote's HTTP client (status 200 only, redirects refused, the body capped
    /// while it streams, an exact timeout) and returns the body. The raw bytes are what `jose jwks`
    /// inspects, including sets that `JWKSet` would refuse.
    ///
    /// - Throws: ``UsageError`` (exit status 2) saying what failed: the URL, the connection, the
    ///   timeout, the status or the size.
    static func fetch(_ text: String, what: String) async throws(UsageError) -> [UInt8] {
        let url = try checkedURL(text, what: what)
        let response: HTTPResponse
        do {
            response = try await URLSessionHTTPClient().get(
                url, headers: ["Accept": "application/json"], timeout: timeout, maxBytes: maximumBodyBytes)
        } catch let error as HTTPClientError {
            switch error.kind {
            case .timedOut:
                throw UsageError("fetching the \(what) \(text) timed out after \(Int(timeout)) s (\(JOSEError.Code.jwksTimeout.rawValue))")
            case .bodyTooLarge(let limit):
                throw UsageError("the \(what) \(text) is larger than \(limit) bytes, the most accepted")
            case .transport:
                throw UsageError("cannot fetch the \(what) \(text): \(error.message) (\(JOSEError.Code.jwksFetchFailed.rawValue))")
            }
        } catch {
            throw UsageError("cannot fetch the \(what) \(text): \(error) (\(JOSEError.Code.jwksFetchFailed.rawValue))")
        }
        guard response.status == 200 else {
            throw UsageError("the \(what) \(text) answered HTTP \(response.status); expected 200 (\(JOSEError.Code.jwksFetchFailed.rawValue))")
        }
        return response.body
    }

    /// OpenID Connect Discovery 1.0 §4 through JOSERemote: fetches `<issuer>/.well-known/openid-configuration`,
    /// requires its `issuer` to equal `issuer` exactly (§4.3), and returns its `jwks_uri`.
    static func discoverJWKSURI(issuer: String) async throws(UsageError) -> String {
        _ = try checkedURL(issuer, what: "issuer")
        do {
            let options = RemoteJWKSetOptions(timeout: timeout)
            return try await OpenIDDiscovery.fetch(issuer: issuer, options: options).jwksURI.absoluteString
        } catch {
            throw UsageError("OpenID Connect discovery for \(issuer) failed: \(error.message)")
        }
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
