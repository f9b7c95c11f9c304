/// Conversions of validated JSON number text (RFC 8259 §6) to Swift numbers, exact where the
/// value allows.
enum JSONNumber {
    /// The correctly rounded double nearest to the number (infinity when out of range). No heap
    /// allocation for numbers of up to 15 bytes.
    static func convert(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
        return Double(text) ?? .infinity
    }

    /// The number's exact value when it is an integer of magnitude below 2^64, whatever its
    /// spelling: `12`, `-3`, `1e3`, `1.0` and `12.50e1` qualify; `1.5`, `1e-1` and `1e20` do not.
    static func exactInteger(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (negative: Bool, magnitude: UInt64)? {
        var k = range.lowerBound
        let negative = p[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        // Mantissa digits (integer and fraction parts, without the point), then the exponent.
        let mantissaStart = k
        var mantissaEnd = k
        var fractionDigits = 0
        var seenPoint = false
        while mantissaEnd < range.upperBound {
            let c = p[mantissaEnd]
            if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c &- 0x30 < 10 {
                if seenPoint { fractionDigits += 1 }
            } else {
                break
            }
            mantissaEnd += 1
        }
        var exponent = 0
        if mantissaEnd < range.upperBound {
            var e = mantissaEnd + 1
            var exponentNegative = false
            if p[e] == UInt8(ascii: "-") || p[e] == UInt8(ascii: "+") {
                exponentNegative = p[e] == UInt8(ascii: "-")
                e += 1
            }
            while e < range.upperBound {
                exponent = min(exponent * 10 + Int(p[e] &- 0x30), 1 << 40)
                e += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        // Significant digits: first and last non-zero.
        var first = -1, last = -1, digitsAfterLast = 0
        for j in mantissaStart..<mantissaEnd where p[j] != UInt8(ascii: ".") {
            if p[j] != UInt8(ascii: "0") {
                if first < 0 { first = j }
                last = j
                digitsAfterLast = 0
            } else {
                digitsAfterLast += 1
            }
        }
        guard first >= 0 else { return (negative, 0) }
        let scale = exponent - fractionDigits + digitsAfterLast
        guard scale >= 0, scale <= 20 else { return nil }
        var magnitude: UInt64 = 0
        for j in first...last where p[j] != UInt8(ascii: ".") {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(p[j] &- 0x30))
            guard !o1, !o2 else { return nil }
            magnitude = sum
        }
        for _ in 0..<scale {
            let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = times10
        }
        return (negative, magnitude)
    }
}
