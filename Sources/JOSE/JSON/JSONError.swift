/// Why a JSON text was refused (RFC 8259, with the strictness RFC 7515 §4 and RFC 8725 §3.5 allow),
/// and the byte offset where the problem was found.
///
/// Equality compares the reason and the offset, so tests can build the expected error directly.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the reader expected where it stopped (RFC 8259 §2-§7 grammar).
    public enum Expected: Equatable, Sendable {
        /// Any JSON value (RFC 8259 §3).
        case value
        /// A member name: a string (RFC 8259 §4).
        case memberName
        /// The `:` after a member name (RFC 8259 §4).
        case colon
        /// `,` or `]` after an array element (RFC 8259 §5).
        case commaOrEndOfArray
        /// `,` or `}` after an object member (RFC 8259 §4).
        case commaOrEndOfObject
        /// A decimal digit in a number (RFC 8259 §6).
        case digit
        /// A hexadecimal digit in a `\u` escape (RFC 8259 §7).
        case hexDigit
        /// The closing `"` of a string (RFC 8259 §7).
        case endOfString
        /// The character after `\` in a string (RFC 8259 §7).
        case escapedCharacter
        /// Nothing but whitespace after the top-level value (RFC 8259 §2).
        case endOfInput
    }

    /// The kinds of malformed or refused JSON.
    public enum Reason: Equatable, Sendable {
        /// The input ended where `Expected` was required.
        case unexpectedEndOfInput(expected: Expected)
        /// The byte found where `Expected` was required.
        case unexpectedByte(UInt8, expected: Expected)
        /// The text starts with a UTF-8 byte-order mark, which RFC 8259 §8.1 forbids senders to add.
        case byteOrderMark
        /// A string holds bytes that are not well-formed UTF-8 (RFC 8259 §8.1, RFC 3629 §4): an
        /// overlong form, an encoded surrogate, a code point above U+10FFFF, a stray continuation
        /// byte or a truncated sequence. The offset is that of the sequence's first byte.
        case invalidUTF8
        /// An unescaped control character (U+0000-U+001F) in a string (RFC 8259 §7).
        case controlCharacterInString(UInt8)
        /// `\` followed by a character that RFC 8259 §7 does not define as an escape.
        case invalidEscape(UInt8)
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high-low pair (RFC 8259 §8.2).
        case loneSurrogate(UInt16)
        /// A number with a leading zero such as `01` (RFC 8259 §6).
        case leadingZero
        /// A number too large in magnitude for a finite IEEE 754 double, such as `1e400`: this reader
        /// accepts finite numbers only (RFC 8259 §6 lets implementations limit the range).
        case numberNotFinite
        /// A word that is not `true`, `false` or `null` (RFC 8259 §3).
        case invalidLiteral
        /// An object member name that appears twice, compared after decoding escapes (RFC 8259 §4,
        /// RFC 7515 §4 lets JOSE parsers reject duplicates). The offset is that of the second one.
        case duplicateMemberName(String)
        /// Arrays and objects nested deeper than the limit (RFC 8259 §9).
        case tooDeep(limit: Int)
        /// A text longer than the limit, in bytes (RFC 8259 §9). The offset is the limit.
        case tooLarge(limit: Int)
    }

    /// What is wrong.
    public let reason: Reason
    /// The byte offset in the input where the problem was found.
    public let offset: Int

    /// Creates an error.
    public init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A message that says what is wrong, where, and what the standard requires.
    public var description: String {
        "invalid JSON at byte offset \(offset): " + explanation
    }

    private var explanation: String {
        switch reason {
        case .unexpectedEndOfInput(let expected):
            return "the text ends where \(expected.phrase) was expected (truncated input?)"
        case .unexpectedByte(let byte, let expected):
            if expected == .endOfInput {
                return "found \(Self.show(byte)) after the complete top-level value; only whitespace may follow it (RFC 8259 §2)"
            }
            return "expected \(expected.phrase), found \(Self.show(byte))"
        case .byteOrderMark:
            return "the text starts with a UTF-8 byte-order mark (EF BB BF), which JSON must not carry (RFC 8259 §8.1)"
        case .invalidUTF8:
            return "the string holds bytes that are not well-formed UTF-8 (overlong form, encoded surrogate, code point above U+10FFFF, stray or truncated sequence; RFC 8259 §8.1, RFC 3629 §4)"
        case .controlCharacterInString(let byte):
            return "unescaped control character \(Self.show(byte)) in a string; write it as a \\u escape (RFC 8259 §7)"
        case .invalidEscape(let byte):
            return "\\\(Self.show(byte)) is not a JSON escape; only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are (RFC 8259 §7)"
        case .loneSurrogate(let unit):
            return "\\u\(Self.hex4(unit)) is a UTF-16 surrogate without its pair; a high surrogate D800-DBFF must be followed by a \\u escape of a low surrogate DC00-DFFF (RFC 8259 §8.2)"
        case .leadingZero:
            return "a number must not start with a leading zero (RFC 8259 §6)"
        case .numberNotFinite:
            return "the number is too large for a finite IEEE 754 double; numbers must be finite (RFC 8259 §6)"
        case .invalidLiteral:
            return "expected true, false or null (literals are lowercase, RFC 8259 §3)"
        case .duplicateMemberName(let name):
            let shown = name.unicodeScalars.count > 64 ? String(String.UnicodeScalarView(name.unicodeScalars.prefix(64))) + "..." : name
            return "duplicate member name \(JSONString.quoted(shown)) in an object; JOSE parsers reject duplicates (RFC 7515 §4, RFC 8259 §4)"
        case .tooDeep(let limit):
            return "arrays and objects are nested deeper than the limit of \(limit) (RFC 8259 §9)"
        case .tooLarge(let limit):
            return "the text is longer than the limit of \(limit) bytes (RFC 8259 §9)"
        }
    }

    private static func show(_ byte: UInt8) -> String {
        if (0x21...0x7e).contains(byte) { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    private static func hex4(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension JSONError.Expected {
    var phrase: String {
        switch self {
        case .value: return "a value (object, array, string, number, true, false or null)"
        case .memberName: return "a member name (a string in double quotes)"
        case .colon: return "':' after the member name"
        case .commaOrEndOfArray: return "',' or ']' after an array element"
        case .commaOrEndOfObject: return "',' or '}' after an object member"
        case .digit: return "a digit"
        case .hexDigit: return "a hexadecimal digit of a \\u escape"
        case .endOfString: return "the closing '\"' of the string"
        case .escapedCharacter: return "an escaped character after '\\'"
        case .endOfInput: return "the end of the text"
        }
    }
}
