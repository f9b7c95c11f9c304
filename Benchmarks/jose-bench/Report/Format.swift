/// Number formatting for the table, JSON and SVG, without Foundation's locale-dependent formatters.
enum Format {
    /// `x` with exactly `digits` decimals: `fixed(3.14159, 2) == "3.14"`. Non-finite values give "0".
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = UInt64((abs(x) * scale).rounded())
        let divisor = UInt64(scale)
        let whole = String(scaled / divisor)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        let fraction = String(scaled % divisor)
        return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// Three significant digits or so: 3.14, 31.4, 314, 3142.
    static func short(_ x: Double) -> String {
        fixed(x, x < 10 ? 2 : x < 100 ? 1 : 0)
    }

    /// A duration in nanoseconds: `312 ns`, `3.21 µs`, `3.30 ms`, `1.20 s`.
    static func duration(_ nanoseconds: Double) -> String {
        switch nanoseconds {
        case ..<1_000: return short(nanoseconds) + " ns"
        case ..<1_000_000: return short(nanoseconds / 1_000) + " µs"
        case ..<1_000_000_000: return short(nanoseconds / 1_000_000) + " ms"
        default: return short(nanoseconds / 1_000_000_000) + " s"
        }
    }

    /// A rate: `312`, `34.7 k`, `3.20 M`.
    static func rate(_ perSecond: Double) -> String {
        switch perSecond {
        case ..<10_000: return short(perSecond)
        case ..<999_500: return short(perSecond / 1_000) + " k"
        default: return short(perSecond / 1_000_000) + " M"
        }
    }
}
