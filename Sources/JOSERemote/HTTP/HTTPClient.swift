#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

/// The one HTTP operation a remote key set and OpenID Connect discovery need: a bounded `GET`.
///
/// The default is ``URLSessionHTTPClient``. Implement it to route fetches through your own HTTP stack
/// or to inject responses in tests. An implementation must not follow redirects (the caller decides
/// what a 3xx means), must stop reading once the body exceeds `maxBytes` whatever `Content-Length`
/// says, and must give up after `timeout` seconds (RFC 9110 §15.4 for redirects; the limits are this
/// library's policy, as panva/jose's `timeoutDuration`).
public protocol HTTPClient: Sendable {
    /// Performs `GET url` with `headers`.
    ///
    /// - Parameters:
    ///   - url: The absolute URL to fetch.
    ///   - headers: Request header fields to send (in addition to `Accept`, which the caller sets).
    ///   - timeout: Seconds the whole exchange may take.
    ///   - maxBytes: The largest body accepted.
    /// - Returns: The response, whatever its status. A redirect is returned as the 3xx response.
    /// - Throws: ``HTTPClientError`` (`.timedOut`, `.bodyTooLarge`, `.transport`); any other error is
    ///   reported as a transport failure.
    func get(_ url: URL, headers: [String: String], timeout: Double, maxBytes: Int) async throws -> HTTPResponse
}

/// A response to a ``HTTPClient`` `GET` (RFC 9110 §15).
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields, names lowercased (RFC 9110 §5.1: field names are case-insensitive).
    public var headers: [String: String]
    /// The body, at most the `maxBytes` the request allowed. Empty for statuses other than 200 when
    /// the client chose not to read it.
    public var body: [UInt8]

    /// Creates a response; header names are lowercased.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Why a ``HTTPClient`` request failed without a response.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure the key set maps to distinct ``JOSE/JOSEError`` codes.
    public enum Kind: Sendable, Equatable {
        /// The exchange took longer than the timeout (mapped to `ERR_JWKS_TIMEOUT`).
        case timedOut
        /// The body exceeded `maxBytes` (mapped to `ERR_JWKS_FETCH_FAILED`).
        case bodyTooLarge(limit: Int)
        /// Connection refused, DNS failure, TLS failure, reset... (mapped to `ERR_JWKS_FETCH_FAILED`).
        case transport
    }

    /// What went wrong.
    public let kind: Kind
    /// Detail for people, e.g. the underlying error's description.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
