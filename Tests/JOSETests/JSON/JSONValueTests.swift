import Testing
import JOSE

@Suite("JSON values")
struct JSONValueTests {
    private func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        try JSONDocument(text).root
    }

    @Test func kindsAndScalars() throws {
        let root = try parse(#"{"n":null,"t":true,"f":false,"i":42,"d":1.5,"s":"hi","a":[1,2],"o":{"k":"v"}}"#)
        #expect(root.kind == .object)
        #expect(root.count == 8)
        #expect(root["n"]?.kind == .null)
        #expect(root["n"]?.isNull == true)
        #expect(root["t"]?.bool == true)
        #expect(root["f"]?.bool == false)
        #expect(root["i"]?.int64 == 42)
        #expect(root["i"]?.double == 42)
        #expect(root["d"]?.double == 1.5)
        #expect(root["d"]?.int64 == nil)
        #expect(root["s"]?.string == "hi")
        #expect(root["a"]?.kind == .array)
        #expect(root["a"]?.count == 2)
        #expect(root["o"]?["k"]?.string == "v")
        #expect(root["missing"] == nil)
        // Accessors of the wrong kind answer nil, never crash.
        #expect(root["s"]?.int64 == nil)
        #expect(root["s"]?.bool == nil)
        #expect(root["i"]?.string == nil)
        #expect(root["i"]?.count == 0)
        #expect(root["i"]?["x"] == nil)
        #expect(root["i"]?[0] == nil)
        #expect(root["s"]?.stringEquals("hi") == true)
        #expect(root["i"]?.stringEquals("42") == false)
        #expect(Array(root["i"]!.elements).isEmpty)
        #expect(Array(root["i"]!.members).isEmpty)
    }

    @Test func topLevelScalars() throws {
        #expect(try parse("null").kind == .null)
        #expect(try parse(" true ").bool == true)
        #expect(try parse("-7").int64 == -7)
        #expect(try parse(#""x""#).string == "x")
    }

    @Test func arraysInOrder() throws {
        let root = try parse(#"[10, [20, [30]], {"a": 40}, "50", null]"#)
        #expect(root.count == 5)
        #expect(root[0]?.int64 == 10)
        #expect(root[1]?[1]?[0]?.int64 == 30)
        #expect(root[2]?["a"]?.int64 == 40)
        #expect(root[3]?.string == "50")
        #expect(root[4]?.isNull == true)
        #expect(root[5] == nil)
        #expect(root[-1] == nil)
        #expect(root.elements.map(\.kind) == [.number, .array, .object, .string, .null])
    }

    @Test func membersInDocumentOrder() throws {
        let root = try parse(#"{"z":1,"a":2,"m":{"x":3}}"#)
        #expect(root.members.map { $0.key.string ?? "?" } == ["z", "a", "m"])
        #expect(root.members.map { $0.value.kind } == [.number, .number, .object])
    }

    @Test func rawBytesAreExact() throws {
        let text = #"{ "a" : [ 1 , 2.50 ] , "s" : "x\u0041" }"#
        let document = try JSONDocument(text)
        #expect(document.bytes == Array(text.utf8))
        #expect(String(decoding: document.root.rawBytes, as: UTF8.self) == text)
        #expect(document.root["a"]?.description == "[ 1 , 2.50 ]")
        #expect(document.root["a"]?[1]?.description == "2.50")
        #expect(document.root["s"]?.description == #""x\u0041""#)
        #expect(document.root["s"]?.byteRange == 29..<38)
    }

    @Test func stringEscapesDecode() throws {
        let root = try parse(#"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20ac\uD83D\uDE00", "\u0000", "é€😀", "a\u00e9b"]"#)
        #expect(root[0]?.string == "\"\\/\u{8}\u{c}\n\r\t")
        #expect(root[1]?.string == "Aé€😀")
        #expect(root[2]?.string == "\u{0}")
        #expect(root[3]?.string == "é€😀")
        #expect(root[1]?.stringEquals("Aé€😀") == true)
        #expect(root[1]?.stringEquals("Aé€😀x") == false)
        #expect(root[1]?.stringEquals("Aé€") == false)
        #expect(root[4]?.stringEquals("aéb") == true)
        #expect(root[4]?.stringEquals("aeb") == false)
        // No normalization: precomposed é (U+00E9) is not e + U+0301.
        #expect(root[3]?.stringEquals("e\u{301}€😀") == false)
    }

    /// Regression (found by the fuzz test): a backslash in the Swift string is a character, not an escape.
    @Test func stringEqualsTreatsTheSwiftSideAsRawText() throws {
        let root = try parse(#"{"a\\b":1,"c":"x\\","d":"\u005cn","e":"q\\u0041"}"#)
        #expect(root["a\\b"]?.int64 == 1)
        #expect(root["c"]?.stringEquals("x\\") == true)
        #expect(root["d"]?.stringEquals("\\n") == true)
        #expect(root["d"]?.stringEquals("\n") == false)
        #expect(root["e"]?.stringEquals("q\\u0041") == true)
        #expect(root["e"]?.stringEquals("qA") == false)
    }

    @Test func memberLookupDecodesNames() throws {
        let root = try parse(#"{"\u0061lg":"RS256","k\"id":"x","\uD83D\uDE00":1}"#)
        #expect(root["alg"]?.string == "RS256")
        #expect(root["k\"id"]?.string == "x")
        #expect(root["😀"]?.int64 == 1)
    }

    @Test func integersExact() throws {
        let root = try parse("[9007199254740992, 9007199254740993, 9223372036854775807, -9223372036854775808, 9223372036854775808, -9223372036854775809, 18446744073709551615, 18446744073709551616]")
        #expect(root[0]?.int64 == 1 << 53)
        #expect(root[1]?.int64 == Int64(9_007_199_254_740_993))
        #expect(root[2]?.int64 == .max)
        #expect(root[3]?.int64 == .min)
        #expect(root[4]?.int64 == nil)
        #expect(root[4]?.uint64 == 1 << 63)
        #expect(root[5]?.int64 == nil)
        #expect(root[6]?.uint64 == .max)
        #expect(root[7]?.uint64 == nil)
        #expect(root[7]?.double == 18446744073709551616)
        #expect(root[3]?.uint64 == nil)
    }

    @Test func integersInOtherSpellings() throws {
        let root = try parse("[1e3, 1.0, 12.50e1, 1E+2, 100e-2, 0.0, -0, -0.0e5, 1.5, 1e-1, 1e19, 1e18, 0.001e3, 120e-1, 5e-0]")
        #expect(root.elements.map(\.int64) == [1000, 1, 125, 100, 1, 0, 0, 0, nil, nil, nil, 1_000_000_000_000_000_000, 1, 12, 5])
        #expect(root[10]?.uint64 == 10_000_000_000_000_000_000)
    }

    @Test func doubles() throws {
        let root = try parse("[1.5, -0, 0, 1e-400, 1.7976931348623157e308, -2.5e-3, 0.1, 123456789012345678, 4.9e-324, 1516239022]")
        #expect(root[0]?.double == 1.5)
        let negativeZero = try #require(root[1]?.double)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(root[2]?.double?.sign == .plus)
        #expect(root[3]?.double == 0)
        #expect(root[4]?.double == .greatestFiniteMagnitude)
        #expect(root[5]?.double == -0.0025)
        #expect(root[6]?.double == 0.1)
        #expect(root[7]?.double == 123456789012345680)
        #expect(root[8]?.double == .leastNonzeroMagnitude)
        #expect(root[9]?.double == 1516239022)
    }

    @Test func documentIsSendableAndValuesOutliveTheirParent() async throws {
        let document = try JSONDocument(#"{"a":[1,2,3]}"#)
        let third = try #require(document.root["a"]?[2])
        let result = await Task.detached { third.int64 }.value
        #expect(result == 3)
    }
}

@Suite("JSON limits")
struct JSONLimitsTests {
    @Test func deepNestingIsRefusedWithoutCrash() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONError(reason: .tooDeep(limit: 64), offset: 64)) { try JSONDocument(bytes: deep) }
        let deepObjects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(throws: JSONError(reason: .tooDeep(limit: 64), offset: 64 * 5)) { try JSONDocument(bytes: deepObjects) }
    }

    @Test func depthLimitIsExact() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONDocument(ok).root.kind == .array)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONError(reason: .tooDeep(limit: 64), offset: 64)) { try JSONDocument(tooDeep) }
        let custom = JSONLimits(maxBytes: 100, maxDepth: 2)
        #expect(try JSONDocument("[[1]]", limits: custom).root[0]?[0]?.int64 == 1)
        #expect(throws: JSONError(reason: .tooDeep(limit: 2), offset: 2)) { try JSONDocument("[[[1]]]", limits: custom) }
        #expect(throws: JSONError(reason: .tooDeep(limit: 0), offset: 0)) { try JSONDocument("[]", limits: JSONLimits(maxBytes: 10, maxDepth: 0)) }
        #expect(try JSONDocument("1", limits: JSONLimits(maxBytes: 10, maxDepth: 0)).root.int64 == 1)
        // Absurd limits are clamped, not trusted: no overflow, no giant stack.
        let unbounded = JSONLimits(maxBytes: .max, maxDepth: .max)
        #expect(try JSONDocument("[[[]]]", limits: unbounded).root.count == 1)
        #expect(try JSONDocument(bytes: Array(repeating: UInt8(ascii: "["), count: 1000) + Array(repeating: UInt8(ascii: "]"), count: 1000), limits: unbounded).root.count == 1)
        #expect(throws: JSONError(reason: .tooLarge(limit: 0), offset: 0)) { try JSONDocument("1", limits: JSONLimits(maxBytes: -5, maxDepth: -5)) }
    }

    @Test func sizeLimit() throws {
        let limits = JSONLimits(maxBytes: 10, maxDepth: 8)
        #expect(try JSONDocument("[1,2,3,44]", limits: limits).root.count == 4)
        #expect(throws: JSONError(reason: .tooLarge(limit: 10), offset: 10)) { try JSONDocument("[1,2,3,444]", limits: limits) }
        #expect(JSONLimits.default.maxBytes == 8 << 20 && JSONLimits.default.maxDepth == 64)
    }

    @Test func manyMembersDuplicateDetectionScales() throws {
        // 20,000 distinct names take the sorting path; a duplicate at the very end is still found.
        var text = "{"
        for k in 0..<20_000 { text += "\"k\(k)\":\(k)," }
        let distinct = text.dropLast() + "}"
        let document = try JSONDocument(String(distinct))
        #expect(document.root.count == 20_000)
        #expect(document.root["k19999"]?.int64 == 19999)
        let duplicated = text + #""k\u0031234":0}"#
        #expect(throws: JSONError(reason: .duplicateMemberName("k1234"), offset: duplicated.utf8.count - 15)) {
            try JSONDocument(duplicated)
        }
    }

    @Test func duplicateInLargeObjectReportsFirstDuplicateInDocumentOrder() throws {
        var text = "{"
        for k in 0..<40 { text += "\"n\(k)\":0," }
        let firstDuplicateOffset = text.utf8.count
        text += "\"n30\":1,\"n5\":1}"
        #expect(throws: JSONError(reason: .duplicateMemberName("n30"), offset: firstDuplicateOffset)) { try JSONDocument(text) }
    }

    /// Large documents start from a small tape estimate and retry with room for one value per byte.
    @Test func denseLargeDocumentsNeedTheRetry() throws {
        let count = 150_000
        let text = "[" + String(repeating: "0,", count: count - 1) + "[[]]]"
        let root = try JSONDocument(text).root
        #expect(root.count == count)
        #expect(root[count - 1]?[0]?.count == 0)
        #expect(root.elements.reduce(0) { $0 + ($1.int64 ?? 0) } == 0)
        let failing = "[" + String(repeating: "0,", count: count) + "x]"
        #expect(throws: JSONError(reason: .unexpectedByte(UInt8(ascii: "x"), expected: .value), offset: 1 + 2 * count)) { try JSONDocument(failing) }
    }

    @Test func hugeArrayOfObjects() throws {
        // A JWKS-like array of 10,000 small objects with the same names.
        let text = "[" + (0..<10_000).map { #"{"kid":"\#($0)","kty":"RSA"}"# }.joined(separator: ",") + "]"
        let root = try JSONDocument(text).root
        #expect(root.count == 10_000)
        #expect(root[9_999]?["kid"]?.string == "9999")
    }
}

@Suite("JSON string writer")
struct JSONStringTests {
    @Test func quoting() {
        #expect(JSONString.quoted("abc") == #""abc""#)
        #expect(JSONString.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONString.quoted("\u{8}\u{c}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(JSONString.quoted("\u{0}\u{1}\u{1f}\u{7f}") == "\"\\u0000\\u0001\\u001f\u{7f}\"")
        #expect(JSONString.quoted("é€😀") == "\"é€😀\"")
    }

    @Test func quotedRoundTrips() throws {
        let samples = ["", "plain", "\u{0}\u{1}\u{1f} \"\\/", "é€😀\u{10FFFF}", "\n\r\t\u{8}\u{c}"]
        for sample in samples {
            let parsed = try JSONDocument(JSONString.quoted(sample)).root.string
            #expect(parsed == sample, "round trip of \(sample.debugDescription)")
        }
    }

    @Test func rfc7638CanonicalForm() {
        // RFC 7638 §3.1: the required members in lexicographic order, no whitespace.
        let canonical = "{" + [("e", "AQAB"), ("kty", "RSA"), ("n", "0vx7")].map { JSONString.quoted($0.0) + ":" + JSONString.quoted($0.1) }.joined(separator: ",") + "}"
        #expect(canonical == #"{"e":"AQAB","kty":"RSA","n":"0vx7"}"#)
    }
}
