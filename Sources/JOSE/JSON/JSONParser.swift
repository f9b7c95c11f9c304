/// The validating reader behind ``JSONDocument`` (RFC 8259 grammar, RFC 3629 UTF-8).
///
/// It is iterative: open arrays and objects live on an explicit stack bounded by
/// ``JSONLimits/maxDepth``, so no input can overflow the call stack.
struct JSONParser {
    private let p: UnsafeBufferPointer<UInt8>
    private let n: Int
    private var i = 0
    /// The tape being written; `count` entries are initialized.
    private let tape: UnsafeMutableBufferPointer<JSONTapeEntry>
    private var count = 0
    /// Set when `tape` was too small: the caller retries with more room.
    private var outOfRoom = false

    private init(_ p: UnsafeBufferPointer<UInt8>, _ tape: UnsafeMutableBufferPointer<JSONTapeEntry>) {
        self.p = p
        self.n = p.count
        self.tape = tape
    }

    /// The tape entries to reserve for a text of `byteCount` bytes. Every value starts at a byte of its
    /// own and real documents have far fewer values than bytes / 2 (a 1.3 KB claims set has about
    /// 50), so up to 64 KiB the estimate is never exceeded; larger texts start from a smaller one and
    /// are parsed again with ``retryCapacity(_:)`` if they run out of room.
    static func tapeCapacity(_ byteCount: Int) -> Int {
        byteCount <= 1 << 16 ? byteCount / 2 + 2 : byteCount / 8 + 64
    }

    /// Room for one value per byte, which no text exceeds.
    static func retryCapacity(_ byteCount: Int) -> Int { byteCount + 1 }

    /// Checks the size limit before anything is allocated for the text.
    static func checkSize(_ byteCount: Int, limits: JSONLimits) throws(JSONError) {
        let maxBytes = min(max(limits.maxBytes, 0), Int(Int32.max))
        guard byteCount <= maxBytes else {
            throw JSONError(reason: .tooLarge(limit: maxBytes), offset: maxBytes)
        }
    }

    /// Validates `input` and writes its tape; returns the number of entries, or nil when `tape` ran
    /// out of room (the caller retries with ``retryCapacity(_:)``).
    static func parse(_ input: UnsafeBufferPointer<UInt8>, into tape: UnsafeMutableBufferPointer<JSONTapeEntry>, limits: JSONLimits) throws(JSONError) -> Int? {
        try checkSize(input.count, limits: limits)
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            throw JSONError(reason: .byteOrderMark, offset: 0)
        }
        // Nesting never exceeds the byte count, so the explicit stack needs no more than that.
        let maxDepth = max(limits.maxDepth, 0)
        let stackDepth = min(maxDepth, input.count)
        var parser = JSONParser(input, tape)
        do throws(JSONError) {
            try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * stackDepth + 2) { (stack) throws(JSONError) in
                try parser.run(maxDepth: maxDepth, stack: stack)
            }
        } catch {
            if parser.outOfRoom { return nil }
            throw error
        }
        return parser.count
    }

    @inline(__always)
    private mutating func append(_ entry: JSONTapeEntry) throws(JSONError) {
        guard count < tape.count else {
            outOfRoom = true
            throw JSONError(reason: .tooLarge(limit: tape.count), offset: i)
        }
        tape[count] = entry
        count += 1
    }

    // MARK: - Structure

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// `stack[2d]` is the tape index of the open container at depth d, `stack[2d + 1]` its count so far.
    private mutating func run(maxDepth: Int, stack: UnsafeMutableBufferPointer<UInt32>) throws(JSONError) {
        var depth = 0
        skipWhitespace()
        value: while true {
            guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .value), offset: i) }
            let b = p[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < maxDepth else { throw JSONError(reason: .tooDeep(limit: maxDepth), offset: i) }
                let isObject = b == UInt8(ascii: "{")
                stack[2 * depth] = UInt32(count)
                stack[2 * depth + 1] = 0
                depth += 1
                try append(JSONTapeEntry(start: UInt32(i), end: 0, next: 0, aux: 0))
                i += 1
                skipWhitespace()
                if i < n, p[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    depth -= 1
                    try close(stack[2 * depth], count: 0, isObject: isObject)
                } else {
                    stack[2 * depth - 1] = 1
                    if isObject { try memberName() }
                    continue value
                }
            case Self.quote:
                try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            case UInt8(ascii: "t"):
                try literal("true")
            case UInt8(ascii: "f"):
                try literal("false")
            case UInt8(ascii: "n"):
                try literal("null")
            default:
                throw JSONError(reason: .unexpectedByte(b, expected: .value), offset: i)
            }
            // After a complete value: a separator, the end of its container, or the end of the text.
            while depth > 0 {
                skipWhitespace()
                let container = stack[2 * depth - 2]
                let isObject = p[Int(tape[Int(container)].start)] == UInt8(ascii: "{")
                let expected: JSONError.Expected = isObject ? .commaOrEndOfObject : .commaOrEndOfArray
                guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: expected), offset: i) }
                let c = p[i]
                if c == UInt8(ascii: ",") {
                    i += 1
                    skipWhitespace()
                    stack[2 * depth - 1] += 1
                    if isObject { try memberName() }
                    continue value
                }
                guard c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw JSONError(reason: .unexpectedByte(c, expected: expected), offset: i)
                }
                i += 1
                depth -= 1
                try close(container, count: stack[2 * depth + 1], isObject: isObject)
            }
            skipWhitespace()
            guard i == n else { throw JSONError(reason: .unexpectedByte(p[i], expected: .endOfInput), offset: i) }
            return
        }
    }

    private mutating func skipWhitespace() {
        while i < n {
            switch p[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    /// A member name, the colon and the whitespace up to the member's value.
    private mutating func memberName() throws(JSONError) {
        guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .memberName), offset: i) }
        guard p[i] == Self.quote else { throw JSONError(reason: .unexpectedByte(p[i], expected: .memberName), offset: i) }
        try string()
        skipWhitespace()
        guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .colon), offset: i) }
        guard p[i] == UInt8(ascii: ":") else { throw JSONError(reason: .unexpectedByte(p[i], expected: .colon), offset: i) }
        i += 1
        skipWhitespace()
    }

    private mutating func close(_ container: UInt32, count members: UInt32, isObject: Bool) throws(JSONError) {
        let index = Int(container)
        tape[index].end = UInt32(i)
        tape[index].next = UInt32(count)
        tape[index].aux = members
        if isObject && members > 1 {
            try JSONDuplicateNames.check(object: index, count: Int(members), tape: UnsafeBufferPointer(rebasing: tape[0..<count]), bytes: p)
        }
    }

    // MARK: - Literals

    private mutating func literal(_ word: StaticString) throws(JSONError) {
        let length = word.utf8CodeUnitCount
        let start = i
        guard n - i >= length else { throw JSONError(reason: .invalidLiteral, offset: start) }
        let expected = word.utf8Start
        for k in 0..<length where p[i + k] != expected[k] {
            throw JSONError(reason: .invalidLiteral, offset: start)
        }
        i += length
        try append(JSONTapeEntry(start: UInt32(start), end: UInt32(i), next: UInt32(count + 1), aux: 0))
    }

    // MARK: - Strings

    private mutating func string() throws(JSONError) {
        let start = i
        var flags: UInt32 = 0
        i += 1
        while true {
            // The common case: printable ASCII that needs no attention, 8 bytes at a time, then bytewise.
            if let base = p.baseAddress {
                var k = i
                while n - k >= 8 {
                    let special = Self.specialBytes(UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)))
                    if special != 0 {
                        k += special.trailingZeroBitCount >> 3
                        break
                    }
                    k += 8
                }
                i = k
            }
            while i < n {
                let c = p[i]
                guard c &- 0x20 < 0x60, c != Self.quote, c != Self.backslash else { break }
                i += 1
            }
            guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .endOfString), offset: i) }
            let c = p[i]
            if c == Self.quote {
                i += 1
                break
            } else if c == Self.backslash {
                flags = JSONTapeEntry.hasEscapes
                try escape()
            } else if c < 0x20 {
                throw JSONError(reason: .controlCharacterInString(c), offset: i)
            } else {
                try utf8Sequence()
            }
        }
        try append(JSONTapeEntry(start: UInt32(start), end: UInt32(i), next: UInt32(count + 1), aux: flags))
    }

    /// A word whose lowest set bit lies in the first byte of `w` (little-endian) that is a control
    /// character, `"`, `\` or non-ASCII; zero if there is none. Bits above the first such byte may be
    /// spurious (borrows), which is why only the lowest one is used.
    @inline(__always)
    private static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (w &- 0x20 &* ones) & ~w
        let q = w ^ (0x22 &* ones), quote = (q &- ones) & ~q
        let b = w ^ (0x5C &* ones), backslash = (b &- ones) & ~b
        return (control | quote | backslash | w) & highs
    }

    /// One escape sequence at `p[i] == "\"` (RFC 8259 §7), with surrogate pairs (§8.2).
    private mutating func escape() throws(JSONError) {
        let start = i
        guard i + 1 < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .escapedCharacter), offset: i + 1) }
        switch p[i + 1] {
        case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 2
        case UInt8(ascii: "u"):
            let unit = try hex4(at: i + 2)
            i += 6
            switch unit {
            case 0xD800...0xDBFF:
                guard i + 1 < n, p[i] == Self.backslash, p[i + 1] == UInt8(ascii: "u") else {
                    throw JSONError(reason: .loneSurrogate(unit), offset: start)
                }
                let low = try hex4(at: i + 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONError(reason: .loneSurrogate(unit), offset: start)
                }
                i += 6
            case 0xDC00...0xDFFF:
                throw JSONError(reason: .loneSurrogate(unit), offset: start)
            default:
                break
            }
        default:
            throw JSONError(reason: .invalidEscape(p[i + 1]), offset: start)
        }
    }

    private func hex4(at offset: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for k in offset..<offset + 4 {
            guard k < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .hexDigit), offset: k) }
            guard let digit = JSONDecodedString.hexValue(p[k]) else {
                throw JSONError(reason: .unexpectedByte(p[k], expected: .hexDigit), offset: k)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// One multi-byte UTF-8 sequence at `p[i] >= 0x80`, well-formed per RFC 3629 §4 (Unicode Table 3-7).
    private mutating func utf8Sequence() throws(JSONError) {
        let start = i
        let lead = p[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF   // the range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONError(reason: .invalidUTF8, offset: start)
        }
        guard n - i >= length, (low...high).contains(p[i + 1]) else {
            throw JSONError(reason: .invalidUTF8, offset: start)
        }
        for k in 2..<length where p[i + k] & 0xC0 != 0x80 {
            throw JSONError(reason: .invalidUTF8, offset: start)
        }
        i += length
    }

    // MARK: - Numbers

    /// A number (RFC 8259 §6), refused unless it converts to a finite double.
    private mutating func number() throws(JSONError) {
        let start = i
        var flags: UInt32 = 0
        if p[i] == UInt8(ascii: "-") { i += 1 }
        let integerStart = i
        guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .digit), offset: i) }
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if i < n, isDigit(p[i]) { throw JSONError(reason: .leadingZero, offset: integerStart) }
        } else if isDigit(p[i]) {
            i += 1
            while i < n, isDigit(p[i]) { i += 1 }
        } else {
            throw JSONError(reason: .unexpectedByte(p[i], expected: .digit), offset: i)
        }
        let integerEnd = i
        var fractionEnd = i
        if i < n, p[i] == UInt8(ascii: ".") {
            flags = JSONTapeEntry.hasFractionOrExponent
            i += 1
            try digits()
            fractionEnd = i
        }
        var exponent = 0
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            flags = JSONTapeEntry.hasFractionOrExponent
            i += 1
            var negative = false
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                negative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            try digits()
            for k in exponentStart..<i {
                exponent = min(exponent * 10 + Int(p[k] &- 0x30), 1 << 40)
            }
            if negative { exponent = -exponent }
        }
        // Finite check without converting: the value lies in [10^(e-1), 10^e) where e is the decimal
        // exponent of its first significant digit. Doubles end at about 1.8e308.
        var magnitude = Int.min
        if let first = (integerStart..<integerEnd).first(where: { p[$0] != UInt8(ascii: "0") }) {
            magnitude = integerEnd - first
        } else if integerEnd < fractionEnd,
                  let first = (integerEnd + 1..<fractionEnd).first(where: { p[$0] != UInt8(ascii: "0") }) {
            magnitude = integerEnd + 1 - first
        }
        if magnitude != Int.min {
            let e = magnitude + exponent
            if e > 309 || (e == 309 && !JSONNumber.convert(p, start..<i).isFinite) {
                throw JSONError(reason: .numberNotFinite, offset: start)
            }
        }
        try append(JSONTapeEntry(start: UInt32(start), end: UInt32(i), next: UInt32(count + 1), aux: flags))
    }

    /// One or more digits.
    private mutating func digits() throws(JSONError) {
        guard i < n else { throw JSONError(reason: .unexpectedEndOfInput(expected: .digit), offset: i) }
        guard isDigit(p[i]) else { throw JSONError(reason: .unexpectedByte(p[i], expected: .digit), offset: i) }
        i += 1
        while i < n, isDigit(p[i]) { i += 1 }
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
}
