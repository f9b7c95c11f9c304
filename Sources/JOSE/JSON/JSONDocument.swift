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
/// or dictionaries: a "tape" records each value's byte range in document order, and ``JSONValue``
/// views read it lazily. The text and the tape share one heap allocation, so parsing a document is
/// one allocation.
public struct JSONDocument: @unchecked Sendable {  // its one member is immutable after parsing
    let storage: JSONStorage

    /// A copy of the exact input text; ``withUnsafeBytes(_:)`` reads it without copying.
    public var bytes: [UInt8] { storage.withText { Array($0) } }

    /// Calls `body` with the exact input text, without copying it.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeMutablePointerToElements { elements in
            try body(UnsafeRawBufferPointer(start: elements, count: storage.textCount))
        }
    }

    /// Parses and validates a JSON text.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text (copied into the document).
    ///   - limits: Size and depth bounds.
    /// - Throws: ``JSONError`` with the reason and byte offset of the first problem found.
    public init(bytes: [UInt8], limits: JSONLimits = .default) throws(JSONError) {
        try JSONParser.checkSize(bytes.count, limits: limits)
        let storage = JSONStorage.allocate(textCount: bytes.count, tapeCapacity: JSONParser.tapeCapacity(bytes.count))
        storage.withMutableText { text in
            bytes.withUnsafeBytes { text.copyMemory(from: $0) }
        }
        try self.init(parsing: storage, limits: limits)
    }

    /// Parses and validates a JSON text given as a Swift string (its UTF-8 form).
    ///
    /// - Throws: ``JSONError`` with the reason and byte offset of the first problem found.
    public init(_ text: String, limits: JSONLimits = .default) throws(JSONError) {
        try self.init(bytes: Array(text.utf8), limits: limits)
    }

    /// Parses the text already written into `storage`, moving it to a larger storage if the tape
    /// estimate was too small.
    init(parsing storage: JSONStorage, limits: JSONLimits) throws(JSONError) {
        var storage = storage
        while true {
            let parsed = storage.withTextAndTapeSpace { text, tape in
                Result { () throws(JSONError) in try JSONParser.parse(text, into: tape, limits: limits) }
            }
            if let count = try parsed.get() {
                storage.setTapeCount(count)
                self.storage = storage
                return
            }
            let textCount = storage.textCount
            let larger = JSONStorage.allocate(textCount: textCount, tapeCapacity: JSONParser.retryCapacity(textCount))
            larger.withMutableText { destination in
                storage.withText { destination.copyMemory(from: UnsafeRawBufferPointer($0)) }
            }
            storage = larger
        }
    }

    /// Decodes base64url `encoded` (a part of a compact JWS) straight into a document's storage and
    /// parses it: no intermediate array.
    static func decodingBase64URL(_ encoded: UnsafeRawBufferPointer, limits: JSONLimits = .default) throws(DecodingError) -> JSONDocument {
        guard let count = Base64URL.decodedCount(encoded.count) else {
            throw .base64URL(Base64URLError(reason: .impossibleLength(encoded.count), offset: max(encoded.count - 1, 0)))
        }
        do {
            try JSONParser.checkSize(count, limits: limits)
        } catch {
            throw .json(error)
        }
        let storage = JSONStorage.allocate(textCount: count, tapeCapacity: JSONParser.tapeCapacity(count))
        let decoded = storage.withMutableText { text in
            Result { () throws(Base64URLError) in try Base64URL.decode(encoded, into: text) }
        }
        do {
            _ = try decoded.get()
        } catch {
            throw .base64URL(error)
        }
        do {
            return try JSONDocument(parsing: storage, limits: limits)
        } catch {
            throw .json(error)
        }
    }

    /// Why ``decodingBase64URL(_:limits:)`` failed.
    enum DecodingError: Error {
        case base64URL(Base64URLError)
        case json(JSONError)
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
