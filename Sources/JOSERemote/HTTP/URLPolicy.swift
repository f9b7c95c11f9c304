#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import JOSE

/// Which URLs a key set or discovery document may be fetched from: `https` always; plain `http` only
/// for loopback hosts (`localhost`, `127.0.0.0/8`, `::1`) unless the caller explicitly allows it.
/// Keys fetched over an unauthenticated channel can be replaced by anyone on the path (RFC 8725 §3.1,
/// OpenID Connect Discovery 1.0 §4: "MUST use TLS").
enum URLPolicy {
    /// Parses and checks `text`.
    static func check(_ text: String, what: String, allowInsecureHTTP: Bool) throws(JOSEError) -> URL {
        guard let url = URL(string: text), url.host != nil else {
            throw JOSEError(.invalidOptions, "the \(what) URL \"\(text)\" is not an absolute URL with a host")
        }
        return try check(url, what: what, allowInsecureHTTP: allowInsecureHTTP)
    }

    /// Checks `url`'s scheme and host.
    static func check(_ url: URL, what: String, allowInsecureHTTP: Bool) throws(JOSEError) -> URL {
        guard let host = url.host, !host.isEmpty else {
            throw JOSEError(.invalidOptions, "the \(what) URL \"\(url.absoluteString)\" has no host")
        }
        switch url.scheme?.lowercased() {
        case "https":
            return url
        case "http":
            if allowInsecureHTTP || isLoopback(host) { return url }
            throw JOSEError(.invalidOptions, "the \(what) URL \"\(url.absoluteString)\" uses plain http to a host that is not loopback: use https, or set allowInsecureHTTP if the network path is trusted")
        default:
            throw JOSEError(.invalidOptions, "the \(what) URL \"\(url.absoluteString)\" must use https (or http to a loopback address)")
        }
    }

    /// True for `localhost`, `*.localhost`, IPv4 `127.0.0.0/8` and IPv6 `::1` (RFC 6761 §6.3, RFC 1122 §3.2.1.3, RFC 4291 §2.5.3).
    static func isLoopback(_ rawHost: String) -> Bool {
        var host = rawHost.lowercased()
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host = String(host.dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        var values: [Int] = []
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(octet), value <= 255 else {
                return false
            }
            values.append(value)
        }
        return values[0] == 127
    }
}

/// The shared fetch used by the key set and by discovery: policy-checked URL, bounded request, only
/// `200 OK`, body parsed as JSON. Errors name the URL.
enum BoundedFetch {
    /// Fetches `url` and returns the raw body of a `200` response.
    static func fetch(_ url: URL, what: String, client: any HTTPClient, options: RemoteJWKSetOptions) async -> Result<[UInt8], JOSEError> {
        var headers = options.headers
        if !headers.keys.contains(where: { $0.lowercased() == "accept" }) {
            headers["Accept"] = "application/json, application/jwk-set+json"
        }
        let response: HTTPResponse
        do {
            response = try await client.get(url, headers: headers, timeout: options.timeout, maxBytes: options.maximumResponseBytes)
        } catch let error as HTTPClientError {
            switch error.kind {
            case .timedOut:
                return .failure(JOSEError(.jwksTimeout, "fetching the \(what) from \(url.absoluteString) timed out after \(options.timeout) s"))
            case .bodyTooLarge(let limit):
                return .failure(JOSEError(.jwksFetchFailed, "the \(what) response from \(url.absoluteString) is larger than \(limit) bytes (maximumResponseBytes); refused"))
            case .transport:
                return .failure(JOSEError(.jwksFetchFailed, "fetching the \(what) from \(url.absoluteString) failed: \(error.message)"))
            }
        } catch {
            return .failure(JOSEError(.jwksFetchFailed, "fetching the \(what) from \(url.absoluteString) failed: \(error)"))
        }
        guard response.status == 200 else {
            if (300..<400).contains(response.status) {
                let target = response.headers["location"].map { " to \($0)" } ?? ""
                return .failure(JOSEError(.jwksFetchFailed, "the \(what) URL \(url.absoluteString) answered HTTP \(response.status), a redirect\(target); redirects are not followed: configure the final URL"))
            }
            return .failure(JOSEError(.jwksFetchFailed, "expected 200 OK from the \(what) URL \(url.absoluteString), got HTTP \(response.status)"))
        }
        guard response.body.count <= options.maximumResponseBytes else {
            return .failure(JOSEError(.jwksFetchFailed, "the \(what) response from \(url.absoluteString) is larger than \(options.maximumResponseBytes) bytes (maximumResponseBytes); refused"))
        }
        return .success(response.body)
    }

    /// A hint for a body that is not JSON: HTML login pages and error pages are the usual culprits.
    static func describeNonJSON(_ body: [UInt8]) -> String {
        let start = body.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
        if start.first == UInt8(ascii: "<") {
            return "it looks like HTML (a login or error page?), not JSON"
        }
        return "it is not valid JSON"
    }
}
