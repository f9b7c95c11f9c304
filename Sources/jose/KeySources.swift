// Remote key sources for `--jwks URL`, `--oidc ISSUER` and `jose jwks URL`.
//
// TODO(remote): switch to JOSERemote.RemoteJWKSet / OpenIDDiscovery once merged. Until then this is a
// minimal stand-in: one HTTP(S) GET, status 200 only, a body cap, a timeout, no cache. The rest of the
// CLI only calls the three functions below (`isURL`, `fetch`, `discoverJWKSURI`), so the swap stays here.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JOSE

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

    /// GETs `text` and returns the body; status 200 only.
    ///
    /// - Throws: ``UsageError`` (exit status 2) saying what failed: the URL, the connection, the
    ///   timeout, the status or the size.
    static func fetch(_ text: String, what: String) async throws(UsageError) -> [UInt8] {
        let url = try checkedURL(text, what: what)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let outcome: Result<(Data, URLResponse), Error> = await withCheckedContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let data, let response {
                    continuation.resume(returning: .success((data, response)))
                } else {
                    continuation.resume(returning: .failure(error ?? URLError(.badServerResponse)))
                }
            }.resume()
        }
        switch outcome {
        case .failure(let error):
            if let urlError = error as? URLError, urlError.code == .timedOut {
                throw UsageError("fetching the \(what) \(text) timed out after \(Int(timeout)) s (\(JOSEError.Code.jwksTimeout.rawValue))")
            }
            throw UsageError("cannot fetch the \(what) \(text): \(error.localizedDescription) (\(JOSEError.Code.jwksFetchFailed.rawValue))")
        case .success(let (data, response)):
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else {
                throw UsageError("the \(what) \(text) answered HTTP \(status); expected 200 (\(JOSEError.Code.jwksFetchFailed.rawValue))")
            }
            guard data.count <= maximumBodyBytes else {
                throw UsageError("the \(what) \(text) is \(data.count) bytes; at most \(maximumBodyBytes) are accepted")
            }
            return Array(data)
        }
    }

    /// OpenID Connect Discovery 1.0 §4: fetches `<issuer>/.well-known/openid-configuration`, requires
    /// its `issuer` to equal `issuer` exactly (§4.3), and returns its `jwks_uri`.
    static func discoverJWKSURI(issuer: String) async throws(UsageError) -> String {
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        let location = base + "/.well-known/openid-configuration"
        let body = try await fetch(location, what: "OpenID configuration")
        let root: JSONValue
        do {
            root = try JSONDocument(bytes: body).root
        } catch {
            throw UsageError("the OpenID configuration at \(location) is not valid JSON: \(error)")
        }
        guard let published = root["issuer"]?.string else {
            throw UsageError("the OpenID configuration at \(location) has no \"issuer\" string")
        }
        guard published == issuer else {
            let slash = published.trimmingSuffix("/") == issuer.trimmingSuffix("/")
            throw UsageError("the OpenID configuration at \(location) names issuer \"\(published)\", not \"\(issuer)\""
                + (slash ? ": they differ only by a trailing slash, and must be identical (OpenID Connect Discovery 1.0 §4.3); pass --oidc \(published)" : " (OpenID Connect Discovery 1.0 §4.3)"))
        }
        guard let jwksURI = root["jwks_uri"]?.string else {
            throw UsageError("the OpenID configuration at \(location) has no \"jwks_uri\" string")
        }
        return jwksURI
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
