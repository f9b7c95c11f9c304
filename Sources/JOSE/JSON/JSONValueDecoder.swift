/// Decodes a caller's own `Decodable` type (for example a claims struct, RFC 7519 §4) from a
/// ``JSONValue``, without Foundation.
///
/// Mapping: objects to keyed containers (names compared after decoding escapes), arrays to unkeyed
/// containers, `null` to `nil` for optionals. Integers must be exact and in range for the Swift type
/// (`1e3` decodes as `Int` 1000, `1.5` does not); `Double` takes any number; `Float` any number whose
/// rounding is finite. Member names are used as they are (no key strategy). Errors are the standard
/// `DecodingError`s; each message names the coding path, e.g. `at aud[1]: expected String, found number`.
public struct JSONValueDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a value of type `T` from `value`.
    ///
    /// - Throws: `DecodingError` naming the coding path and what was found there.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: JSONValueDecoding(value: value, codingPath: []))
    }
}

// MARK: - Decoder

struct JSONValueDecoding: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard value.kind == .object else { throw mismatch([String: Any].self, value, codingPath, "an object") }
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(object: value, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard value.kind == .array else { throw mismatch([Any].self, value, codingPath, "an array") }
        return JSONUnkeyedContainer(array: value, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueContainer(value: value, codingPath: codingPath)
    }
}

// MARK: - Conversions shared by the containers

/// `expected` describes what was expected, e.g. "an object"; the message says what was found instead.
private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey], _ expected: String) -> DecodingError {
    if value.isNull {
        return .valueNotFound(type, DecodingError.Context(codingPath: path, debugDescription: "at \(describe(path)): expected \(expected), found null"))
    }
    return .typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: "at \(describe(path)): expected \(expected), found \(kindName(value.kind))"))
}

private func kindName(_ kind: JSONValue.Kind) -> String {
    switch kind {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
}

/// A coding path as `claims.aud[1]`; the empty path is the top-level value.
func describe(_ path: [any CodingKey]) -> String {
    guard !path.isEmpty else { return "the top-level value" }
    var text = ""
    for key in path {
        if let index = key.intValue, key is JSONIndexKey {
            text += "[\(index)]"
        } else {
            text += (text.isEmpty ? "" : ".") + key.stringValue
        }
    }
    return text
}

private func shortText(_ value: JSONValue) -> String {
    let text = value.description
    return text.utf8.count <= 40 ? text : String(decoding: text.utf8.prefix(40), as: UTF8.self) + "..."
}

func decodeBool(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
    guard let b = value.bool else { throw mismatch(Bool.self, value, path(), "a boolean") }
    return b
}

func decodeString(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
    guard let s = value.string else { throw mismatch(String.self, value, path(), "a string") }
    return s
}

func decodeDouble(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
    guard let d = value.double else { throw mismatch(Double.self, value, path(), "a number") }
    return d
}

func decodeFloat(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Float {
    let d = try decodeDouble(value, path())
    let f = Float(d)
    guard f.isFinite else {
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "at \(describe(path())): the number \(shortText(value)) does not fit in Float"))
    }
    return f
}

func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
    guard value.kind == .number else { throw mismatch(T.self, value, path(), "an integer (\(T.self))") }
    let result: T?
    if let (negative, magnitude) = value.exactInteger {
        if !negative || magnitude == 0 {
            result = T(exactly: magnitude)
        } else if let signed = value.int64 {
            result = T(exactly: signed)
        } else {
            result = nil
        }
    } else {
        result = nil
    }
    guard let result else {
        // Without an exact integer value, a number below 2^64 in magnitude must have a fraction.
        let fractional = value.exactInteger == nil && (value.double.map { abs($0) < 0x1p64 } ?? false)
        let why = fractional ? "is not an integer" : "does not fit in \(T.self)"
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "at \(describe(path())): the number \(shortText(value)) \(why)"))
    }
    return result
}

// MARK: - Keyed container

/// The key of an array element in a coding path.
struct JSONIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The `super` key of `superDecoder()`.
private struct JSONSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// Remembers where the last member was found, so decoding members in document order (as
/// `Dictionary` and most structs do) finds each one at the first try instead of rescanning.
private final class JSONMemberCursor {
    var next: Int
    init(_ next: Int) { self.next = next }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONValue
    let codingPath: [any CodingKey]
    private let cursor: JSONMemberCursor

    init(object: JSONValue, codingPath: [any CodingKey]) {
        self.object = object
        self.codingPath = codingPath
        self.cursor = JSONMemberCursor(object.index + 1)
    }

    var allKeys: [Key] {
        object.members.compactMap { member in member.key.string.flatMap { Key(stringValue: $0) } }
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    /// The member's value, searched from the cursor around to it.
    private func member(_ key: Key) -> JSONValue? {
        var name = key.stringValue
        guard let found = name.withUTF8({ q in object.memberValueIndex(utf8: q, from: cursor.next) }) else { return nil }
        cursor.next = Int(object.document.storage.entry(found).next)
        return JSONValue(document: object.document, index: found)
    }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "at \(describe(codingPath + [key])): no member named \(JSONString.quoted(key.stringValue))"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeBool(value(key), codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeString(value(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeDouble(value(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeFloat(value(key), codingPath + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeInteger(type, value(key), codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeInteger(type, value(key), codingPath + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: JSONValueDecoding(value: value(key), codingPath: codingPath + [key]))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueDecoding(value: value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueDecoding(value: value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let value = object["super"] else {
            throw DecodingError.keyNotFound(JSONSuperKey(), DecodingError.Context(codingPath: codingPath, debugDescription: "at \(describe(codingPath)): no member named \"super\""))
        }
        return JSONValueDecoding(value: value, codingPath: codingPath + [JSONSuperKey()])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoding(value: try value(key), codingPath: codingPath + [key])
    }
}

// MARK: - Unkeyed container

struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    let array: JSONValue
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0
    private var iterator: JSONValue.Elements.Iterator
    private var current: JSONValue?

    init(array: JSONValue, codingPath: [any CodingKey]) {
        self.array = array
        self.codingPath = codingPath
        self.iterator = array.elements.makeIterator()
        self.current = iterator.next()
    }

    var count: Int? { array.count }
    var isAtEnd: Bool { current == nil }

    private var path: [any CodingKey] { codingPath + [JSONIndexKey(currentIndex)] }

    private mutating func take(_ type: Any.Type) throws -> JSONValue {
        guard let value = current else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(codingPath: path, debugDescription: "at \(describe(path)): the array has only \(array.count) elements"))
        }
        return value
    }

    private mutating func advance() {
        current = iterator.next()
        currentIndex += 1
    }

    /// Decodes the current element; `body` gets the element and its coding path, built only if asked.
    private mutating func decodeNext<T>(_ body: (JSONValue, () -> [any CodingKey]) throws -> T) throws -> T {
        let value = try take(T.self)
        let codingPath = self.codingPath, index = currentIndex
        let result = try body(value, { codingPath + [JSONIndexKey(index)] })
        advance()
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard try take(Never?.self).isNull else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeNext { try decodeBool($0, $1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try decodeNext { try decodeString($0, $1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeNext { try decodeDouble($0, $1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeNext { try decodeFloat($0, $1()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeNext { try decodeInteger(type, $0, $1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeNext { try decodeInteger(type, $0, $1()) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeNext { value, path in try T(from: JSONValueDecoding(value: value, codingPath: path())) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try decodeNext { value, path in try JSONValueDecoding(value: value, codingPath: path()).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try decodeNext { value, path in try JSONValueDecoding(value: value, codingPath: path()).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try decodeNext { value, path in JSONValueDecoding(value: value, codingPath: path()) }
    }
}

// MARK: - Single value container

struct JSONSingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decodeBool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try decodeString(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try decodeDouble(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try decodeFloat(value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try decodeInteger(type, value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeInteger(type, value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeInteger(type, value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeInteger(type, value, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: JSONValueDecoding(value: value, codingPath: codingPath))
    }
}
