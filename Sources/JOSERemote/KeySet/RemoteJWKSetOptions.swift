import Foundation
import JOSE

/// How a ``RemoteJWKSet`` fetches and caches, with panva/jose's `createRemoteJWKSet` defaults
/// (`timeoutDuration` 5 s, `cooldownDuration` 30 s, `cacheMaxAge` 10 min). Durations are seconds.
public struct RemoteJWKSetOptions: Sendable {
    /// Seconds a fetch may take before it fails with `ERR_JWKS_TIMEOUT`. Default 5.
    public var timeout: Double
    /// Minimum seconds between two fetches started because a token named an unknown `kid` (key
    /// rotation). Measured from the start of the last fetch, failed or not. Default 30.
    public var cooldown: Double
    /// Seconds a fetched set is used before it is refetched. Default 600.
    public var cacheMaxAge: Double
    /// When set, the last good set may still be served for this many seconds past ``cacheMaxAge``
    /// while refetching fails (the provider is down). Failures are still reported through
    /// ``RemoteJWKSet/lastError`` and ``onFetchError``; while serving stale keys, a new fetch is tried at
    /// most once per ``cooldown``. Default nil: a failed refetch of an expired set is an error, as in jose.
    public var serveStale: Double?
    /// The largest response body accepted, in bytes. Default 512 KiB.
    public var maximumResponseBytes: Int
    /// Extra request header fields (e.g. `User-Agent`, an API gateway key).
    public var headers: [String: String]
    /// Allows plain `http` to hosts that are not loopback. Default false: only `https`, or `http` to
    /// `localhost`, `127.0.0.0/8` or `::1`.
    public var allowInsecureHTTP: Bool
    /// The clock used for cache age and cooldown, in seconds since the epoch (inject one in tests).
    public var clock: JWTClock
    /// Called (off the caller's task, on the key set's actor) with every fetch failure.
    public var onFetchError: (@Sendable (JOSEError) -> Void)?

    /// A clock with sub-second resolution (``JOSE/JWTClock/system`` counts whole seconds, as claims do).
    public static let systemClock = JWTClock { Date().timeIntervalSince1970 }

    /// Creates options; every parameter has jose's default.
    public init(
        timeout: Double = 5,
        cooldown: Double = 30,
        cacheMaxAge: Double = 600,
        serveStale: Double? = nil,
        maximumResponseBytes: Int = 512 * 1024,
        headers: [String: String] = [:],
        allowInsecureHTTP: Bool = false,
        clock: JWTClock = RemoteJWKSetOptions.systemClock,
        onFetchError: (@Sendable (JOSEError) -> Void)? = nil
    ) {
        self.timeout = timeout
        self.cooldown = cooldown
        self.cacheMaxAge = cacheMaxAge
        self.serveStale = serveStale
        self.maximumResponseBytes = maximumResponseBytes
        self.headers = headers
        self.allowInsecureHTTP = allowInsecureHTTP
        self.clock = clock
        self.onFetchError = onFetchError
    }

    /// Refuses values that cannot be meant.
    func validate() throws(JOSEError) {
        // One day bounds both: longer values are mistakes, and they must convert to Duration and Int.
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw JOSEError(.invalidOptions, "timeout must be a number of seconds > 0 and at most 86400")
        }
        guard cooldown.isFinite, cooldown >= 0, cooldown <= 86_400 else {
            throw JOSEError(.invalidOptions, "cooldown must be a number of seconds >= 0 and at most 86400")
        }
        guard cacheMaxAge >= 0, !cacheMaxAge.isNaN else {
            throw JOSEError(.invalidOptions, "cacheMaxAge must be a number of seconds >= 0")
        }
        if let serveStale, !(serveStale >= 0) {
            throw JOSEError(.invalidOptions, "serveStale must be a number of seconds >= 0")
        }
        guard maximumResponseBytes > 0 else {
            throw JOSEError(.invalidOptions, "maximumResponseBytes must be positive")
        }
    }
}
