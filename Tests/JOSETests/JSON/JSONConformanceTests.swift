import Testing
import JOSE

/// JSONTestSuite-style cases (y_ must be accepted, n_ must be refused with the given reason and
/// offset), written inline so every case is named and its expected error is visible here.
struct JSONCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    /// nil: must parse.
    let error: JSONError?

    var testDescription: String { name }

    static func y(_ name: String, _ text: String) -> JSONCase {
        JSONCase(name: "y_" + name, bytes: Array(text.utf8), error: nil)
    }
    static func y(_ name: String, bytes: [UInt8]) -> JSONCase {
        JSONCase(name: "y_" + name, bytes: bytes, error: nil)
    }
    static func n(_ name: String, _ text: String, _ reason: JSONError.Reason, at offset: Int) -> JSONCase {
        JSONCase(name: "n_" + name, bytes: Array(text.utf8), error: JSONError(reason: reason, offset: offset))
    }
    static func n(_ name: String, bytes: [UInt8], _ reason: JSONError.Reason, at offset: Int) -> JSONCase {
        JSONCase(name: "n_" + name, bytes: bytes, error: JSONError(reason: reason, offset: offset))
    }
}

private func quotedBytes(_ inner: [UInt8]) -> [UInt8] { [0x22] + inner + [0x22] }

let acceptCases: [JSONCase] = [
    .y("null", "null"), .y("true", "true"), .y("false", "false"),
    .y("zero", "0"), .y("negative_zero", "-0"), .y("int", "123"), .y("negative_int", "-123"),
    .y("fraction", "1.5"), .y("exponent", "1e3"), .y("exponent_upper_plus", "1E+3"), .y("exponent_minus", "1e-3"),
    .y("fraction_exponent", "-0.5e-10"), .y("zero_fraction", "0.0"), .y("zero_exponent", "0e0"),
    .y("max_double", "1.7976931348623157e308"), .y("underflow_to_zero", "1e-400"),
    .y("huge_exponent_zero_mantissa", "0e999999999999"), .y("tiny_exponent", "1e-99999999999999999999"),
    .y("big_int_text", "123456789012345678901234567890"),
    .y("string_empty", "\"\""), .y("string_ascii", "\"abc\""),
    .y("string_escapes", #""\"\\\/\b\f\n\r\t""#), .y("string_u_escape", #""\u0041\u00e9\u20AC""#),
    .y("string_u_nul", #""\u0000""#), .y("string_surrogate_pair", #""\uD83D\uDE00""#),
    .y("string_utf8_2byte", "\"é\""), .y("string_utf8_3byte", "\"€\""), .y("string_utf8_4byte", "\"😀\""),
    .y("string_del", bytes: quotedBytes([0x7F])),
    .y("string_max_scalar", bytes: quotedBytes([0xF4, 0x8F, 0xBF, 0xBF])),
    .y("string_E0_A0_80", bytes: quotedBytes([0xE0, 0xA0, 0x80])),
    .y("string_ED_9F_BF_last_before_surrogates", bytes: quotedBytes([0xED, 0x9F, 0xBF])),
    .y("string_EE_80_80_first_after_surrogates", bytes: quotedBytes([0xEE, 0x80, 0x80])),
    .y("string_noncharacter_FFFF", bytes: quotedBytes([0xEF, 0xBF, 0xBF])),
    .y("array_empty", "[]"), .y("array_nested_empty", "[[]]"), .y("array_mixed", "[1,\"a\",true,null,{},[]]"),
    .y("object_empty", "{}"), .y("object_one", "{\"a\":1}"), .y("object_nested", "{\"a\":{\"b\":[1,{\"c\":null}]}}"),
    .y("object_same_name_in_different_objects", "[{\"a\":1},{\"a\":2}]"),
    .y("object_nested_same_name", "{\"a\":{\"a\":1}}"),
    .y("object_names_differ_by_case", "{\"a\":1,\"A\":2}"),
    .y("object_empty_name", "{\"\":1}"),
    .y("whitespace_everywhere", " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n"),
    .y("lonely_string_with_spaces", "  \"x\"  "),
]

let rejectCases: [JSONCase] = [
    // Structure
    .n("empty", "", .unexpectedEndOfInput(expected: .value), at: 0),
    .n("only_whitespace", "  ", .unexpectedEndOfInput(expected: .value), at: 2),
    .n("trailing_garbage", "{} x", .unexpectedByte(UInt8(ascii: "x"), expected: .endOfInput), at: 3),
    .n("two_values", "1 2", .unexpectedByte(UInt8(ascii: "2"), expected: .endOfInput), at: 2),
    .n("trailing_nul", bytes: [0x31, 0x00], .unexpectedByte(0, expected: .endOfInput), at: 1),
    .n("array_unclosed", "[1", .unexpectedEndOfInput(expected: .commaOrEndOfArray), at: 2),
    .n("array_trailing_comma", "[1,]", .unexpectedByte(UInt8(ascii: "]"), expected: .value), at: 3),
    .n("array_leading_comma", "[,1]", .unexpectedByte(UInt8(ascii: ","), expected: .value), at: 1),
    .n("array_missing_comma", "[1 2]", .unexpectedByte(UInt8(ascii: "2"), expected: .commaOrEndOfArray), at: 3),
    .n("array_colon", "[1:2]", .unexpectedByte(UInt8(ascii: ":"), expected: .commaOrEndOfArray), at: 2),
    .n("array_closed_by_brace", "[1}", .unexpectedByte(UInt8(ascii: "}"), expected: .commaOrEndOfArray), at: 2),
    .n("object_unclosed", "{\"a\":1", .unexpectedEndOfInput(expected: .commaOrEndOfObject), at: 6),
    .n("object_trailing_comma", "{\"a\":1,}", .unexpectedByte(UInt8(ascii: "}"), expected: .memberName), at: 7),
    .n("object_unquoted_name", "{a:1}", .unexpectedByte(UInt8(ascii: "a"), expected: .memberName), at: 1),
    .n("object_single_quotes", "{'a':1}", .unexpectedByte(UInt8(ascii: "'"), expected: .memberName), at: 1),
    .n("object_number_name", "{1:1}", .unexpectedByte(UInt8(ascii: "1"), expected: .memberName), at: 1),
    .n("object_missing_colon", "{\"a\" 1}", .unexpectedByte(UInt8(ascii: "1"), expected: .colon), at: 5),
    .n("object_missing_value", "{\"a\":}", .unexpectedByte(UInt8(ascii: "}"), expected: .value), at: 5),
    .n("object_name_at_end", "{\"a\"", .unexpectedEndOfInput(expected: .colon), at: 4),
    .n("object_closed_by_bracket", "{\"a\":1]", .unexpectedByte(UInt8(ascii: "]"), expected: .commaOrEndOfObject), at: 6),
    .n("object_open_at_end", "{", .unexpectedEndOfInput(expected: .memberName), at: 1),
    .n("close_without_open", "]", .unexpectedByte(UInt8(ascii: "]"), expected: .value), at: 0),
    .n("comment", "[1]//x", .unexpectedByte(UInt8(ascii: "/"), expected: .endOfInput), at: 3),
    .n("non_json_whitespace_vt", bytes: [0x0B, 0x31], .unexpectedByte(0x0B, expected: .value), at: 0),
    .n("non_json_whitespace_nbsp", bytes: [0xC2, 0xA0, 0x31], .unexpectedByte(0xC2, expected: .value), at: 0),
    .n("bom", bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], .byteOrderMark, at: 0),
    .n("utf16_bom", bytes: [0xFE, 0xFF, 0x00, 0x31], .unexpectedByte(0xFE, expected: .value), at: 0),
    // Literals
    .n("literal_capital", "True", .unexpectedByte(UInt8(ascii: "T"), expected: .value), at: 0),
    .n("literal_truncated", "tru", .invalidLiteral, at: 0),
    .n("literal_misspelled", "[nul]", .invalidLiteral, at: 1),
    .n("literal_trailing_letters", "truex", .unexpectedByte(UInt8(ascii: "x"), expected: .endOfInput), at: 4),
    .n("NaN", "NaN", .unexpectedByte(UInt8(ascii: "N"), expected: .value), at: 0),
    .n("Infinity", "[Infinity]", .unexpectedByte(UInt8(ascii: "I"), expected: .value), at: 1),
    .n("undefined", "undefined", .unexpectedByte(UInt8(ascii: "u"), expected: .value), at: 0),
    // Numbers
    .n("number_plus", "+1", .unexpectedByte(UInt8(ascii: "+"), expected: .value), at: 0),
    .n("number_leading_zero", "01", .leadingZero, at: 0),
    .n("number_negative_leading_zero", "[-012]", .leadingZero, at: 2),
    .n("number_minus_alone", "-", .unexpectedEndOfInput(expected: .digit), at: 1),
    .n("number_minus_space", "- 1", .unexpectedByte(UInt8(ascii: " "), expected: .digit), at: 1),
    .n("number_minus_infinity", "-Infinity", .unexpectedByte(UInt8(ascii: "I"), expected: .digit), at: 1),
    .n("number_leading_point", ".5", .unexpectedByte(UInt8(ascii: "."), expected: .value), at: 0),
    .n("number_trailing_point", "1.", .unexpectedEndOfInput(expected: .digit), at: 2),
    .n("number_point_exponent", "1.e3", .unexpectedByte(UInt8(ascii: "e"), expected: .digit), at: 2),
    .n("number_exponent_empty", "1e", .unexpectedEndOfInput(expected: .digit), at: 2),
    .n("number_exponent_sign_only", "[1e+]", .unexpectedByte(UInt8(ascii: "]"), expected: .digit), at: 4),
    .n("number_hex", "0x1F", .unexpectedByte(UInt8(ascii: "x"), expected: .endOfInput), at: 1),
    .n("number_two_points", "1.2.3", .unexpectedByte(UInt8(ascii: "."), expected: .endOfInput), at: 3),
    .n("number_1e400", "1e400", .numberNotFinite, at: 0),
    .n("number_negative_1e400", "[-1e400]", .numberNotFinite, at: 1),
    .n("number_310_digits", String(repeating: "9", count: 310), .numberNotFinite, at: 0),
    .n("number_just_above_max_double", "1.7976931348623159e308", .numberNotFinite, at: 0),
    .n("number_huge_exponent", "0.1e99999999999999999999", .numberNotFinite, at: 0),
    // Strings
    .n("string_unterminated", "\"abc", .unexpectedEndOfInput(expected: .endOfString), at: 4),
    .n("string_single_quoted", "'a'", .unexpectedByte(UInt8(ascii: "'"), expected: .value), at: 0),
    .n("string_raw_newline", "\"a\nb\"", .controlCharacterInString(0x0A), at: 2),
    .n("string_raw_tab", "\"\t\"", .controlCharacterInString(0x09), at: 1),
    .n("string_raw_nul", bytes: quotedBytes([0x00]), .controlCharacterInString(0), at: 1),
    .n("string_raw_1F", bytes: quotedBytes([0x61, 0x1F]), .controlCharacterInString(0x1F), at: 2),
    .n("string_bad_escape", #""\a""#, .invalidEscape(UInt8(ascii: "a")), at: 1),
    .n("string_escaped_apostrophe", #""\'""#, .invalidEscape(UInt8(ascii: "'")), at: 1),
    .n("string_escape_x", #""\x41""#, .invalidEscape(UInt8(ascii: "x")), at: 1),
    .n("string_escape_at_end", #""\"#, .unexpectedEndOfInput(expected: .escapedCharacter), at: 2),
    .n("string_u_short", #""\u12""#, .unexpectedByte(UInt8(ascii: "\""), expected: .hexDigit), at: 5),
    .n("string_u_bad_hex", #""\u12G4""#, .unexpectedByte(UInt8(ascii: "G"), expected: .hexDigit), at: 5),
    .n("string_u_truncated", #""\u00"#, .unexpectedEndOfInput(expected: .hexDigit), at: 5),
    .n("string_U_uppercase", #""\U0041""#, .invalidEscape(UInt8(ascii: "U")), at: 1),
    .n("string_lone_high_surrogate", #""\uD800""#, .loneSurrogate(0xD800), at: 1),
    .n("string_lone_high_then_text", #""a\uDBFFx""#, .loneSurrogate(0xDBFF), at: 2),
    .n("string_lone_low_surrogate", #""\uDC00""#, .loneSurrogate(0xDC00), at: 1),
    .n("string_two_high_surrogates", #""\uD800\uD800""#, .loneSurrogate(0xD800), at: 1),
    .n("string_reversed_pair", #""\uDE00\uD83D""#, .loneSurrogate(0xDE00), at: 1),
    .n("string_high_then_bad_escape", #""\uD800\u12""#, .unexpectedByte(UInt8(ascii: "\""), expected: .hexDigit), at: 11),
    .n("string_high_then_n_escape", #""\uD800\n""#, .loneSurrogate(0xD800), at: 1),
    // UTF-8 (RFC 3629 §4; Unicode Table 3-7)
    .n("utf8_overlong_C0_80", bytes: quotedBytes([0xC0, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_overlong_C1_BF", bytes: quotedBytes([0xC1, 0xBF]), .invalidUTF8, at: 1),
    .n("utf8_overlong_E0_80_80", bytes: quotedBytes([0xE0, 0x80, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_overlong_E0_9F_BF", bytes: quotedBytes([0xE0, 0x9F, 0xBF]), .invalidUTF8, at: 1),
    .n("utf8_overlong_F0_80_80_80", bytes: quotedBytes([0xF0, 0x80, 0x80, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_overlong_F0_8F_BF_BF", bytes: quotedBytes([0xF0, 0x8F, 0xBF, 0xBF]), .invalidUTF8, at: 1),
    .n("utf8_surrogate_ED_A0_80", bytes: quotedBytes([0xED, 0xA0, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_surrogate_ED_BF_BF", bytes: quotedBytes([0xED, 0xBF, 0xBF]), .invalidUTF8, at: 1),
    .n("utf8_surrogate_pair_CESU", bytes: quotedBytes([0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_above_10FFFF_F4_90_80_80", bytes: quotedBytes([0xF4, 0x90, 0x80, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_F5", bytes: quotedBytes([0xF5, 0x80, 0x80, 0x80]), .invalidUTF8, at: 1),
    .n("utf8_FF", bytes: quotedBytes([0x61, 0xFF]), .invalidUTF8, at: 2),
    .n("utf8_lone_continuation", bytes: quotedBytes([0x80]), .invalidUTF8, at: 1),
    .n("utf8_truncated_2", bytes: quotedBytes([0xC3]), .invalidUTF8, at: 1),
    .n("utf8_truncated_3", bytes: quotedBytes([0xE2, 0x82]), .invalidUTF8, at: 1),
    .n("utf8_truncated_4", bytes: quotedBytes([0xF0, 0x9F, 0x98]), .invalidUTF8, at: 1),
    .n("utf8_truncated_at_end_of_input", bytes: [0x22, 0xE2, 0x82], .invalidUTF8, at: 1),
    .n("utf8_ascii_continuation", bytes: quotedBytes([0xC3, 0x41]), .invalidUTF8, at: 1),
    .n("utf8_in_name", bytes: [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8, at: 2),
    // Duplicate names (compared decoded)
    .n("duplicate_plain", "{\"a\":1,\"a\":2}", .duplicateMemberName("a"), at: 7),
    .n("duplicate_escaped_u", #"{"a":1,"\u0061":2}"#, .duplicateMemberName("a"), at: 7),
    .n("duplicate_escaped_first", #"{"\u0061":1,"a":2}"#, .duplicateMemberName("a"), at: 12),
    .n("duplicate_escaped_slash", #"{"a/b":1,"a\/b":2}"#, .duplicateMemberName("a/b"), at: 9),
    .n("duplicate_surrogate_pair_vs_utf8", "{\"😀\":1,\"\\ud83d\\ude00\":2}", .duplicateMemberName("😀"), at: 10),
    .n("duplicate_empty", "{\"\":1,\"\":2}", .duplicateMemberName(""), at: 6),
    .n("duplicate_nested", "{\"x\":{\"b\":1,\"c\":2,\"b\":3}}", .duplicateMemberName("b"), at: 18),
    .n("duplicate_not_adjacent", "{\"a\":1,\"b\":2,\"c\":3,\"a\":4,\"b\":5}", .duplicateMemberName("a"), at: 19),
    .n("duplicate_values_differ_in_kind", "{\"a\":[1],\"a\":{}}", .duplicateMemberName("a"), at: 9),
]

@Suite("JSON conformance")
struct JSONConformanceTests {
    @Test("accepted documents", arguments: acceptCases)
    func accepts(_ c: JSONCase) {
        #expect(throws: Never.self, "\(c.name) must parse") { _ = try JSONDocument(bytes: c.bytes) }
    }

    @Test("refused documents, with reason and offset", arguments: rejectCases)
    func rejects(_ c: JSONCase) {
        do {
            let document = try JSONDocument(bytes: c.bytes)
            Issue.record("\(c.name): accepted, parsed as \(document.root)")
        } catch {
            #expect(error == c.error, "\(c.name): \(error)")
            #expect(error.description.contains("byte offset \(error.offset)"), "\(c.name): message names the offset")
        }
    }
}
