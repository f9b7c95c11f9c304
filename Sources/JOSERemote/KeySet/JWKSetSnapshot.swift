import Foundation
import JOSE

/// A remote key set's cache as text: the exact JWK Set JSON last fetched (or seeded) and when.
/// Export it with ``RemoteJWKSet/snapshot()``, store it, and seed a new set from it at start-up
/// (``RemoteJWKSet/init(url:options:client:seed:)``) for offline or air-gapped starts.
public struct JWKSetSnapshot: Sendable, Equatable {
    /// The JWK Set JSON text (RFC 7517 §5), as served.
    public let json: String
    /// When it was fetched, in seconds since the epoch; nil means "now" when used as a seed.
    public let fetchedAt: Double?

    /// A snapshot of `json` fetched at `fetchedAt` (nil: treat it as fetched when the set is created).
    public init(json: String, fetchedAt: Double? = nil) {
        self.json = json
        self.fetchedAt = fetchedAt
    }

    /// Reads a JWK Set JSON file, e.g. one written from an earlier ``json``.
    ///
    /// - Throws: ``JOSE/JOSEError`` `ERR_JOSE_INVALID_OPTIONS` when the file cannot be read.
    public init(contentsOfFile path: String, fetchedAt: Double? = nil) throws(JOSEError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JOSEError(.invalidOptions, "cannot read the JWK Set seed file \(path)")
        }
        self.init(json: String(decoding: data, as: UTF8.self), fetchedAt: fetchedAt)
    }
}
