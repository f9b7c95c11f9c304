/// The decoded UTF-8 bytes of a validated JSON string's contents (RFC 8259 §7), produced one at a
/// time without allocating: escapes are expanded, `\u` surrogate pairs become one 4-byte sequence.
///
/// Only ever run over strings ``JSONParser`` has validated, so it has no error paths.
struct JSONDecodedString: IteratorProtocol {
    private let p: UnsafeBufferPointer<UInt8>
    private var i: Int
    private let end: Int
    private var pending: UInt32 = 0
    private var pendingCount = 0
    private let escapes: UInt8

    /// `range` is the string's contents, without the quotes. With `escaped: false` the bytes are
    /// returned as they are (for raw UTF-8 such as a Swift string's, where `\` is just a character).
    init(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escaped: Bool = true) {
        self.p = p
        self.i = range.lowerBound
        self.end = range.upperBound
        self.escapes = escaped ? UInt8(ascii: "\\") : 0xFF   // 0xFF never occurs in UTF-8
    }

    mutating func next() -> UInt8? {
        if pendingCount > 0 {
            pendingCount -= 1
            let byte = UInt8(truncatingIfNeeded: pending)
            pending >>= 8
            return byte
        }
        guard i < end else { return nil }
        let c = p[i]
        guard c == escapes, i + 1 < end else {
            i += 1
            return c
        }
        let e = p[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"): break
        default: return e   // \" \\ \/
        }
        var scalar = UInt32(hex4(at: i))
        i += 4
        if (0xD800...0xDBFF).contains(scalar), i + 6 <= end {
            let low = UInt32(hex4(at: i + 2))
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
            i += 6
        }
        switch scalar {
        case 0..<0x80:
            return UInt8(truncatingIfNeeded: scalar)
        case 0x80..<0x800:
            pending = 0x80 | scalar & 0x3F
            pendingCount = 1
            return UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
        case 0x800..<0x10000:
            pending = (0x80 | scalar >> 6 & 0x3F) | (0x80 | scalar & 0x3F) << 8
            pendingCount = 2
            return UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
        default:
            pending = (0x80 | scalar >> 12 & 0x3F) | (0x80 | scalar >> 6 & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16
            pendingCount = 3
            return UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
        }
    }

    private func hex4(at offset: Int) -> UInt16 {
        var value: UInt16 = 0
        for k in offset..<min(offset + 4, end) {
            value = value << 4 | UInt16(Self.hexValue(p[k]) ?? 0)
        }
        return value
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: - Whole-string operations

    /// The number of decoded bytes.
    static func count(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var iterator = JSONDecodedString(p, range)
        var count = 0
        while iterator.next() != nil { count += 1 }
        return count
    }

    /// Three-way comparison of two strings' decoded bytes (lexicographic, shorter first on a tie).
    /// `escapedA`/`escapedB` say whether either holds escapes; if neither does, the raw bytes are compared.
    static func compare(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, escaped escapedA: Bool,
                        _ q: UnsafeBufferPointer<UInt8>, _ b: Range<Int>, escaped escapedB: Bool) -> Int {
        if !escapedA && !escapedB {
            let common = min(a.count, b.count)
            if common > 0, let baseA = p.baseAddress, let baseB = q.baseAddress {
                let order = memcmp(baseA + a.lowerBound, baseB + b.lowerBound, common)
                if order != 0 { return order < 0 ? -1 : 1 }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
        var x = JSONDecodedString(p, a, escaped: escapedA), y = JSONDecodedString(q, b, escaped: escapedB)
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (u?, v?) where u != v: return u < v ? -1 : 1
            default: continue
            }
        }
    }
}

/// A byte-wise comparison, as C's `memcmp` (kept local so the module needs no C library import):
/// 8 bytes at a time while they are equal, then the first differing byte decides.
@inline(__always)
private func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var k = 0
    while count - k >= 8,
          UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self) {
        k += 8
    }
    while k < count {
        if a[k] != b[k] { return Int(a[k]) - Int(b[k]) }
        k += 1
    }
    return 0
}
