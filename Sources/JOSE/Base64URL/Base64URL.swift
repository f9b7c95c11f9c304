/// Base64url without padding, the encoding of every part of a compact JWS and of JWK members
/// (RFC 7515 §2, RFC 4648 §5).
///
/// Decoding is strict, as JOSE requires: only `A-Z a-z 0-9 - _`, no `=` padding, no whitespace or line
/// breaks, no length of 1 mod 4, and no non-zero bits in the unused low bits of the last character
/// (so every byte string has exactly one accepted encoding). A failure names the offending character
/// and its offset.
public enum Base64URL {
    /// Encodes `bytes` as unpadded base64url.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let input = Array(bytes)
        let outputCount = (input.count / 3) * 4 + [0, 2, 3][input.count % 3]
        return String(unsafeUninitializedCapacity: outputCount) { out in
            input.withUnsafeBufferPointer { encode($0, into: out) }
        }
    }

    /// Encodes `input` into `output`, which holds at least `encodedCount(input.count)` bytes; returns
    /// the number of bytes written.
    @discardableResult
    public static func encode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        let table = UnsafeBufferPointer(start: alphabet.utf8Start, count: 64)
        var i = 0
        var o = 0
        let n = input.count
        while i + 3 <= n {
            let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            output[o] = table[Int(v >> 18)]
            output[o + 1] = table[Int((v >> 12) & 63)]
            output[o + 2] = table[Int((v >> 6) & 63)]
            output[o + 3] = table[Int(v & 63)]
            i += 3
            o += 4
        }
        switch n - i {
        case 1:
            let v = UInt32(input[i]) << 16
            output[o] = table[Int(v >> 18)]
            output[o + 1] = table[Int((v >> 12) & 63)]
            o += 2
        case 2:
            let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
            output[o] = table[Int(v >> 18)]
            output[o + 1] = table[Int((v >> 12) & 63)]
            output[o + 2] = table[Int((v >> 6) & 63)]
            o += 3
        default:
            break
        }
        return o
    }

    /// The length of the unpadded encoding of `byteCount` bytes.
    public static func encodedCount(_ byteCount: Int) -> Int {
        (byteCount / 3) * 4 + [0, 2, 3][byteCount % 3]
    }

    /// The number of bytes `encodedCount` characters decode to, or nil for a length of 1 mod 4,
    /// which no byte string encodes to.
    public static func decodedCount(_ encodedCount: Int) -> Int? {
        switch encodedCount % 4 {
        case 0: return encodedCount / 4 * 3
        case 2: return encodedCount / 4 * 3 + 1
        case 3: return encodedCount / 4 * 3 + 2
        default: return nil
        }
    }

    /// Decodes strict unpadded base64url.
    ///
    /// - Throws: ``Base64URLError`` naming the first offending character and its offset.
    public static func decode(_ string: String) throws(Base64URLError) -> [UInt8] {
        try decode(string.utf8)
    }

    /// Decodes strict unpadded base64url from bytes (ASCII text).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws(Base64URLError) -> [UInt8] where Bytes.Element == UInt8 {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            decodeResult(UnsafeRawBufferPointer(buffer))
        } ?? Array(bytes).withUnsafeBytes { decodeResult($0) }
        return try result.get()
    }

    /// Decodes strict unpadded base64url from the ASCII bytes in `input`.
    public static func decode(_ input: UnsafeRawBufferPointer) throws(Base64URLError) -> [UInt8] {
        try decodeResult(input).get()
    }

    private static func decodeResult(_ input: UnsafeRawBufferPointer) -> Result<[UInt8], Base64URLError> {
        guard let count = decodedCount(input.count) else {
            return .failure(Base64URLError(reason: .impossibleLength(input.count), offset: input.count - 1))
        }
        var thrown: Base64URLError?
        let output = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            switch Result(catching: { () throws(Base64URLError) in try decode(input, into: UnsafeMutableRawBufferPointer(out)) }) {
            case .success(let written): initialized = written
            case .failure(let error): thrown = error; initialized = 0
            }
        }
        if let thrown { return .failure(thrown) }
        return .success(output)
    }

    /// Decodes strict unpadded base64url (RFC 7515 §2) from `input` into `output` and returns the
    /// number of bytes written. `output` must hold at least `decodedCount(input.count)` bytes (a
    /// smaller buffer is a programming error and traps); bytes past the returned count are never
    /// touched, and when it throws the first `decodedCount(input.count)` bytes are unspecified.
    /// This is the allocation-free entry point the JWS verifier uses.
    public static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(Base64URLError) -> Int {
        let n = input.count
        guard let count = decodedCount(n) else {
            throw Base64URLError(reason: .impossibleLength(n), offset: max(n - 1, 0))
        }
        precondition(output.count >= count, "Base64URL.decode: output buffer too small")
        guard n > 0, let src = input.baseAddress, let dst = output.baseAddress else { return 0 }
        var i = 0
        var o = 0
        // Whole groups of four characters, each written as one 4-byte store while 4 bytes of the
        // decoded length remain (the fourth byte is overwritten by the next group or the tail, never
        // past `count`). Errors are collected in one word and checked once; the failure path then
        // finds the first offending character.
        let capacity = count
        var invalid: UInt32 = 0
        groupDecodeTable.withUnsafeBufferPointer { table in
            let t = table.baseAddress.unsafelyUnwrapped  // 1024 entries: k * 256 + byte is in range
            while i + 4 <= n, o + 4 <= capacity {
                let group = t[Int(src.load(fromByteOffset: i, as: UInt8.self))]
                    | t[256 + Int(src.load(fromByteOffset: i + 1, as: UInt8.self))]
                    | t[512 + Int(src.load(fromByteOffset: i + 2, as: UInt8.self))]
                    | t[768 + Int(src.load(fromByteOffset: i + 3, as: UInt8.self))]
                invalid |= group
                dst.storeBytes(of: UInt32(littleEndian: group), toByteOffset: o, as: UInt32.self)
                i += 4
                o += 3
            }
        }
        if invalid & 0x8000_0000 != 0 {
            throw invalidCharacter(in: input, from: 0)
        }
        return try decodeTable.withUnsafeBufferPointer { table throws(Base64URLError) -> Int in
            let t = table.baseAddress.unsafelyUnwrapped  // 256 entries: every UInt8 index is in range
            // The last whole group when no room is left for a 4-byte store.
            while i + 4 <= n {
                let a = t[Int(src.load(fromByteOffset: i, as: UInt8.self))]
                let b = t[Int(src.load(fromByteOffset: i + 1, as: UInt8.self))]
                let c = t[Int(src.load(fromByteOffset: i + 2, as: UInt8.self))]
                let d = t[Int(src.load(fromByteOffset: i + 3, as: UInt8.self))]
                if (a | b | c | d) & 0x80 != 0 {
                    throw invalidCharacter(in: input, from: i)
                }
                let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                dst.storeBytes(of: UInt8(truncatingIfNeeded: v >> 16), toByteOffset: o, as: UInt8.self)
                dst.storeBytes(of: UInt8(truncatingIfNeeded: v >> 8), toByteOffset: o + 1, as: UInt8.self)
                dst.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: o + 2, as: UInt8.self)
                i += 4
                o += 3
            }
            let rest = n - i
            if rest >= 2 {
                let a = t[Int(input[i])], b = t[Int(input[i + 1])]
                let c = rest == 3 ? t[Int(input[i + 2])] : 0
                if (a | b | c) & 0x80 != 0 {
                    throw invalidCharacter(in: input, from: i)
                }
                let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                output[o] = UInt8(truncatingIfNeeded: v >> 16)
                o += 1
                if rest == 3 {
                    output[o] = UInt8(truncatingIfNeeded: v >> 8)
                    o += 1
                    if c & 0x03 != 0 { throw nonCanonical(in: input, at: i + 2) }
                } else if b & 0x0f != 0 {
                    throw nonCanonical(in: input, at: i + 1)
                }
            }
            return o
        }
    }

    private static func invalidCharacter(in input: UnsafeRawBufferPointer, from start: Int) -> Base64URLError {
        var offset = start
        while offset < input.count, decodeTable[Int(input[offset])] & 0x80 == 0 { offset += 1 }
        let byte = offset < input.count ? input[offset] : 0
        if byte == UInt8(ascii: "=") {
            return Base64URLError(reason: .padding, offset: offset)
        }
        return Base64URLError(reason: .invalidCharacter(byte), offset: offset)
    }

    private static func nonCanonical(in input: UnsafeRawBufferPointer, at offset: Int) -> Base64URLError {
        Base64URLError(reason: .nonZeroTrailingBits(input[offset]), offset: offset)
    }

    /// 0-63 for the alphabet, 0xFF for every other byte. Written out as a literal so the compiler
    /// places it in read-only data: no lazy initialisation on the decoding path.
    private static let decodeTable: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3E, 0xFF, 0xFF,
        0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E,
        0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F,
        0xFF, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ]
}

/// Why a base64url string was refused (RFC 4648 §5 as profiled by RFC 7515 §2), and where.
public struct Base64URLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of malformed base64url.
    public enum Reason: Equatable, Sendable {
        /// A byte outside `A-Z a-z 0-9 - _` (the byte is given).
        case invalidCharacter(UInt8)
        /// `=` padding, which JOSE forbids (RFC 7515 §2).
        case padding
        /// A length of 1 mod 4 (the length is given): no byte string encodes to it.
        case impossibleLength(Int)
        /// The last character carries non-zero bits that encode nothing: a non-canonical encoding.
        case nonZeroTrailingBits(UInt8)
    }

    /// What is wrong.
    public let reason: Reason
    /// The byte offset of the offending character in the input.
    public let offset: Int

    /// Creates an error.
    public init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .invalidCharacter(let byte):
            let shown = (0x21...0x7e).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            return "invalid base64url character \(shown) at offset \(offset): only A-Z a-z 0-9 - _ are allowed, with no whitespace (RFC 7515 §2)"
        case .padding:
            return "base64url padding '=' at offset \(offset): JOSE base64url carries no padding (RFC 7515 §2)"
        case .impossibleLength(let length):
            return "base64url length \(length) is 1 mod 4, which no byte string encodes to: the text is truncated or has an extra character"
        case .nonZeroTrailingBits(let byte):
            return "non-canonical base64url: the last character '\(Character(Unicode.Scalar(byte)))' at offset \(offset) has non-zero unused bits"
        }
    }
}
