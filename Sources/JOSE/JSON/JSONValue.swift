/// A view of one value in a ``JSONDocument`` (RFC 8259 §3): cheap to copy, reading the document's
/// bytes lazily. Accessors return nil when the value is of another kind; none allocates except
/// ``string`` (the decoded Swift string), ``rawBytes`` and ``description``.
public struct JSONValue: Sendable {
    /// The kinds of JSON value (RFC 8259 §3).
    public enum Kind: Sendable, Equatable {
        /// `null` (RFC 8259 §3).
        case null
        /// `true` or `false` (RFC 8259 §3).
        case bool
        /// A number (RFC 8259 §6).
        case number
        /// A string (RFC 8259 §7).
        case string
        /// An array (RFC 8259 §5).
        case array
        /// An object (RFC 8259 §4).
        case object
    }

    /// The document this value belongs to.
    public let document: JSONDocument
    let index: Int

    init(document: JSONDocument, index: Int) {
        self.document = document
        self.index = index
    }

    @inline(__always) var entry: JSONTapeEntry { document.storage.entry(index) }

    /// The value's kind.
    public var kind: Kind {
        switch document.storage.byte(Int(entry.start)) {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }

    /// The byte range of the value's exact text in ``JSONDocument/bytes`` (strings include their quotes).
    public var byteRange: Range<Int> { Int(entry.start)..<Int(entry.end) }

    /// A copy of the value's exact text as carried (RFC 8259 §2), e.g. to print a payload without
    /// re-encoding.
    public var rawBytes: [UInt8] { document.storage.withText { Array($0[byteRange]) } }

    /// Whether the value is `null`.
    public var isNull: Bool { kind == .null }

    /// The value of `true` or `false`; nil for other kinds.
    public var bool: Bool? {
        switch document.storage.byte(Int(entry.start)) {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }

    // MARK: Strings (RFC 8259 §7)

    /// The decoded string (escapes expanded); nil for other kinds. Allocates for strings longer than
    /// 15 UTF-8 bytes; use ``stringEquals(_:)`` to compare without allocating.
    public var string: String? {
        guard kind == .string else { return nil }
        let entry = entry
        let contents = JSONDuplicateNames.contents(entry)
        return document.storage.withText { p in
            if entry.aux & JSONTapeEntry.hasEscapes == 0 {
                return String(decoding: UnsafeBufferPointer(rebasing: p[contents]), as: UTF8.self)
            }
            let count = JSONDecodedString.count(p, contents)
            return String(unsafeUninitializedCapacity: count) { out in
                var decoded = JSONDecodedString(p, contents)
                var k = 0
                while k < count, let byte = decoded.next() {
                    out[k] = byte
                    k += 1
                }
                return k
            }
        }
    }

    /// Whether this is a string whose decoded value equals `other` (Unicode scalar for scalar, no
    /// normalization, as RFC 7515 §4 and RFC 7519 §7.3 compare names and claims). Does not allocate.
    public func stringEquals(_ other: String) -> Bool {
        guard kind == .string else { return false }
        if let equal = other.utf8.withContiguousStorageIfAvailable({ q in stringEquals(utf8: q) }) {
            return equal
        }
        var other = other  // a bridged or otherwise non-contiguous string: make it native UTF-8
        return other.withUTF8 { q in stringEquals(utf8: q) }
    }

    func stringEquals(utf8 q: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entry
        let contents = JSONDuplicateNames.contents(entry)
        let escaped = entry.aux & JSONTapeEntry.hasEscapes != 0
        if !escaped && contents.count != q.count { return false }
        return document.storage.withText { p in
            JSONDecodedString.compare(p, contents, escaped: escaped, q, 0..<q.count, escaped: false) == 0
        }
    }

    // MARK: Numbers (RFC 8259 §6)

    /// The number's exact value as an `Int64` when it is an integer in range, whatever its spelling
    /// (`12`, `-3`, `1e3`, `1.0`); nil for fractions (`1.5`), out-of-range values and other kinds.
    /// `-0` gives 0. Exact for every integer in range, so beyond 2^53.
    public var int64: Int64? {
        let entry = entry
        if entry.aux & JSONTapeEntry.hasFractionOrExponent == 0, entry.end - entry.start <= 18, kind == .number {
            // Plain integers of at most 18 digits cannot overflow: the common NumericDate case.
            return document.storage.withText { p in
                var k = Int(entry.start)
                let negative = p[k] == UInt8(ascii: "-")
                if negative { k += 1 }
                var value: Int64 = 0
                while k < Int(entry.end) {
                    value = value &* 10 &+ Int64(p[k] &- 0x30)
                    k += 1
                }
                return negative ? -value : value
            }
        }
        guard let (negative, magnitude) = exactInteger else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The number's exact value as a `UInt64` when it is a non-negative integer in range (see ``int64``).
    public var uint64: UInt64? {
        guard let (negative, magnitude) = exactInteger, !negative || magnitude == 0 else { return nil }
        return magnitude
    }

    var exactInteger: (negative: Bool, magnitude: UInt64)? {
        guard kind == .number else { return nil }
        let range = byteRange
        return document.storage.withText { p in JSONNumber.exactInteger(p, range) }
    }

    /// The number as the nearest double (always finite: the document refuses numbers that are not);
    /// nil for other kinds. `-0` gives -0.0.
    public var double: Double? {
        guard kind == .number else { return nil }
        let entry = entry
        let range = byteRange
        return document.storage.withText { p in
            // Integers of at most 15 digits are exact doubles.
            if entry.aux & JSONTapeEntry.hasFractionOrExponent == 0, range.count <= 16 {
                var k = range.lowerBound
                let negative = p[k] == UInt8(ascii: "-")
                if negative { k += 1 }
                var magnitude: Int64 = 0
                while k < range.upperBound {
                    magnitude = magnitude * 10 + Int64(p[k] &- 0x30)
                    k += 1
                }
                return negative ? -Double(magnitude) : Double(magnitude)
            }
            return JSONNumber.convert(p, range)
        }
    }

    // MARK: Arrays and objects (RFC 8259 §4, §5)

    /// The number of elements of an array or members of an object; 0 for other kinds.
    public var count: Int {
        switch kind {
        case .array, .object: return Int(entry.aux)
        default: return 0
        }
    }

    /// The value of the object member named `key` (compared after decoding escapes); nil if there is
    /// none or this is not an object. Names are unique: the document refuses duplicates. Does not allocate.
    public subscript(key: String) -> JSONValue? {
        guard kind == .object else { return nil }
        var key = key
        guard let found = key.withUTF8({ q in memberValueIndex(utf8: q) }) else { return nil }
        return JSONValue(document: document, index: found)
    }

    /// The value of the member named by a literal: the library's own lookups (`alg`, `kid`...), which
    /// need no Swift string and so no reference counting.
    func member(_ name: StaticString) -> JSONValue? {
        guard let found = memberValueIndex(utf8: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) else {
            return nil
        }
        return JSONValue(document: document, index: found)
    }

    /// The tape index of the value of the member whose decoded name is `q`: a scan over the tape
    /// that touches only names, with no reference counting per member. The scan starts at the member
    /// whose name is at tape index `from` (default: the first) and wraps around.
    func memberValueIndex(utf8 q: UnsafeBufferPointer<UInt8>, from: Int? = nil) -> Int? {
        document.storage.withTape { tape in
            document.storage.withText { p -> Int? in
                let object = tape[index]
                guard p[Int(object.start)] == UInt8(ascii: "{"), object.aux > 0 else { return nil }
                let first = index + 1, end = Int(object.next)
                var k = from.map { $0 > index && $0 < end ? $0 : first } ?? first
                for _ in 0..<object.aux {
                    let name = tape[k]
                    let contents = JSONDuplicateNames.contents(name)
                    let escaped = name.aux & JSONTapeEntry.hasEscapes != 0
                    if escaped || contents.count == q.count,
                       JSONDecodedString.compare(p, contents, escaped: escaped, q, 0..<q.count, escaped: false) == 0 {
                        return k + 1
                    }
                    k = Int(tape[k + 1].next)
                    if k >= end { k = first }
                }
                return nil
            }
        }
    }

    /// The array element at `index`; nil when out of range or this is not an array. This walks the
    /// array (O(index)); iterate ``elements`` for sequential access.
    public subscript(index: Int) -> JSONValue? {
        guard kind == .array, index >= 0, index < count else { return nil }
        var k = self.index + 1
        for _ in 0..<index { k = Int(document.storage.entry(k).next) }
        return JSONValue(document: document, index: k)
    }

    /// The elements of an array in order; empty for other kinds.
    public var elements: Elements { Elements(value: self) }

    /// The members of an object in document order; empty for other kinds.
    public var members: Members { Members(value: self) }

    /// The elements of an array, without allocation.
    public struct Elements: Sequence, Sendable {
        let value: JSONValue

        /// The number of elements.
        public var underestimatedCount: Int { value.kind == .array ? value.count : 0 }

        /// Iterates in document order.
        public func makeIterator() -> Iterator {
            let end = value.kind == .array ? Int(value.entry.next) : value.index + 1
            return Iterator(document: value.document, position: value.index + 1, end: end)
        }

        /// Iterates over array elements.
        public struct Iterator: IteratorProtocol, Sendable {
            let document: JSONDocument
            var position: Int
            let end: Int

            /// The next element, or nil at the end.
            public mutating func next() -> JSONValue? {
                guard position < end else { return nil }
                let value = JSONValue(document: document, index: position)
                position = Int(document.storage.entry(position).next)
                return value
            }
        }
    }

    /// The members of an object as (name, value) pairs, without allocation.
    public struct Members: Sequence, Sendable {
        let value: JSONValue

        /// The number of members.
        public var underestimatedCount: Int { value.kind == .object ? value.count : 0 }

        /// Iterates in document order.
        public func makeIterator() -> Iterator {
            let end = value.kind == .object ? Int(value.entry.next) : value.index + 1
            return Iterator(document: value.document, position: value.index + 1, end: end)
        }

        /// Iterates over object members.
        public struct Iterator: IteratorProtocol, Sendable {
            let document: JSONDocument
            var position: Int
            let end: Int

            /// The next member, or nil at the end.
            public mutating func next() -> (key: JSONValue, value: JSONValue)? {
                guard position < end else { return nil }
                let key = JSONValue(document: document, index: position)
                let value = JSONValue(document: document, index: position + 1)
                position = Int(document.storage.entry(position + 1).next)
                return (key, value)
            }
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value's exact text as carried.
    public var description: String {
        document.storage.withText { String(decoding: UnsafeBufferPointer(rebasing: $0[byteRange]), as: UTF8.self) }
    }
}
