import JOSE

/// NumericDate (RFC 7519 §2) as UTC dates and relative hints, without locale or time zone surprises.
enum TimeFormat {
    /// `2011-03-22 18:43:00 UTC` (proleptic Gregorian calendar; fractions of a second dropped).
    static func utc(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e13 else { return "(out of range)" }
        let whole = Int64(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + "\(year)" : "\(year)"
        return "\(yearText)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) UTC"
    }

    /// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 to (year, month, day).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A rough duration: `45 s`, `12 min`, `3 h`, `5 d`, `2 y`.
    static func duration(_ seconds: Double) -> String {
        let s = abs(seconds)
        switch s {
        case ..<120: return "\(Int(s)) s"
        case ..<7200: return "\(Int(s / 60)) min"
        case ..<172_800: return "\(Int(s / 3600)) h"
        case ..<(2 * 31_557_600): return "\(Int(s / 86_400)) d"
        default: return "\(Int(s / 31_557_600)) y"
        }
    }

    /// The hint for a registered time claim at `now`, e.g. "expired 3 h ago".
    static func hint(claim: String, value: Double, now: Double) -> String {
        let delta = value - now
        let d = duration(delta)
        switch claim {
        case "exp": return delta <= 0 ? "expired \(d) ago" : "expires in \(d)"
        case "nbf": return delta > 0 ? "not valid for another \(d)" : "valid since \(d) ago"
        default: return delta > 0 ? "issued \(d) in the future" : "issued \(d) ago"
        }
    }

    /// Lines `exp  2011-03-22 18:43:00 UTC  (expired 14 y ago)` for the registered time claims present.
    static func timeClaimLines(_ claims: JSONValue, now: Double) -> [String] {
        ["iat", "nbf", "exp"].compactMap { name in
            guard let value = claims.number(name) else { return nil }
            return "  \(name)  \(utc(value))  (\(hint(claim: name, value: value, now: now)))"
        }
    }
}

extension JSONValue {
    /// The member `name` of an object when it is a number.
    func number(_ name: String) -> Double? {
        guard kind == .object, let member = self[name], member.kind == .number else { return nil }
        return member.double
    }
}
