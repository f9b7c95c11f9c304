#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where claim validation reads "now" from, in seconds since the Unix epoch (RFC 7519 §2 NumericDate).
/// Inject ``fixed(_:)`` in tests and tools (`jose verify --now`); the default is the system clock.
public struct JWTClock: Sendable {
    /// Returns the current time in seconds since the epoch.
    public let now: @Sendable () -> Double

    /// A clock that calls `now`.
    public init(now: @escaping @Sendable () -> Double) {
        self.now = now
    }

    /// The system's real-time clock, in whole seconds (as panva/jose's `epoch()`).
    public static let system = JWTClock {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec)
    }

    /// A clock stopped at `seconds` since the epoch.
    public static func fixed(_ seconds: Double) -> JWTClock {
        JWTClock { seconds }
    }
}
