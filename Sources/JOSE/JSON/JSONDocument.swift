/// Bounds on the JSON texts a ``JSONDocument`` accepts, so hostile input cannot exhaust memory or
/// time (RFC 8259 §9 lets a parser limit size and nesting depth).
public struct JSONLimits: Sendable, Equatable {
    /// The longest accepted text, in bytes. Values above 2^31 - 1 are treated as 2^31 - 1.
    public var maxBytes: Int
    /// The deepest accepted nesting of arrays and objects: `[]` has depth 1, `[[]]` depth 2.
    public var maxDepth: Int

    /// Creates limits.
    public init(maxBytes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 8 MiB and depth 64: above any real JOSE header, claims set or JWK Set (a JWKS of ten
    /// thousand RSA-4096 keys is about 7.5 MB), far below what exhausts memory or stack.
    public static let `default` = JSONLimits(maxBytes: 8 << 20, maxDepth: 64)
}

/// A validated, immutable JSON text (RFC 8259) with a flat index of its values.
///
/// Parsing checks everything RFC 8259 requires, and more: well-formed UTF-8 (RFC 3629), no byte-order
/// mark, no duplicate member names (compared after decoding escapes, RFC 7515 §4), finite numbers,
/// paired surrogates in `\u` escapes, and ``JSONLimits``. It builds no tree of Swift strings, arrays
/// or dictionaries: one "tape" array records each value's byte range in document order, and
/// ``JSONValue`` views read it lazily. Parsing a small document makes one heap allocation (the tape).
public struct JSONDocument: Sendable {
    /// The exact input text.
    public let bytes: [UInt8]
    let tape: [JSONTapeEntry]

    /// Parses and validates a JSON text.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text; the document keeps this array (no copy).
    ///   - limits: Size and depth bounds.
    /// - Throws: ``JSONError`` with the reason and byte offset of the first problem found.
    public init(bytes: [UInt8], limits: JSONLimits = .default) throws(JSONError) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONError) in try JSONParser.parse(buffer, limits: limits) }
        }
        self.bytes = bytes
        self.tape = try result.get()
    }

    /// Parses and validates a JSON text given as a Swift string (its UTF-8 form).
    ///
    /// - Throws: ``JSONError`` with the reason and byte offset of the first problem found.
    public init(_ text: String, limits: JSONLimits = .default) throws(JSONError) {
        try self.init(bytes: Array(text.utf8), limits: limits)
    }

    /// The top-level value.
    public var root: JSONValue { JSONValue(document: self, index: 0) }
}

/// One value in a document's tape, in document order. An object's members follow it as key, value,
/// key, value...; an array's elements follow it; `next` skips the value with everything inside it.
struct JSONTapeEntry: Sendable {
    /// The offset of the value's first byte.
    var start: UInt32
    /// The offset just past the value's last byte.
    var end: UInt32
    /// The tape index just past this value and its contents.
    var next: UInt32
    /// Arrays and objects: the element or member count. Strings: `hasEscapes` bit. Numbers:
    /// `hasFractionOrExponent` bit.
    var aux: UInt32

    static let hasEscapes: UInt32 = 1
    static let hasFractionOrExponent: UInt32 = 1
}
