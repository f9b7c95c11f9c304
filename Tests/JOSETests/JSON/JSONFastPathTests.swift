import Testing
import JOSE

/// The reader's fast paths (8-byte string scanning, name fingerprints) must agree with the plain rules.
@Suite("JSON fast paths")
struct JSONFastPathTests {
    @Test("a special byte is found at every position of the 8-byte scan", arguments: [UInt8(0x00), 0x1F, 0x0A])
    func controlCharacterAtEveryPosition(_ control: UInt8) {
        for length in 0..<24 {
            for position in 0..<length {
                var inner = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                inner[position] = control
                let bytes = [0x22] + inner + [0x22]
                #expect(throws: JSONError(reason: .controlCharacterInString(control), offset: 1 + position),
                        "control 0x\(String(control, radix: 16)) at \(position) of \(length)") { try JSONDocument(bytes: bytes) }
            }
        }
    }

    @Test func quotesBackslashesAndUTF8AtEveryPosition() throws {
        for length in 1..<24 {
            for position in 0..<length {
                var inner = [UInt8](repeating: UInt8(ascii: "b"), count: length)
                inner[position] = UInt8(ascii: "\"")   // the string ends early, the rest is trailing
                let early = [0x22] + inner + [0x22]
                let shouldFailAt = 1 + position + 1
                let trailing = position == length - 1 ? UInt8(ascii: "\"") : UInt8(ascii: "b")
                #expect(throws: JSONError(reason: .unexpectedByte(trailing, expected: .endOfInput), offset: shouldFailAt),
                        "quote at \(position) of \(length)") { try JSONDocument(bytes: early) }
                var escaped = Array(repeating: UInt8(ascii: "c"), count: length)
                escaped.insert(contentsOf: Array(#"\n"#.utf8), at: position)
                #expect(try JSONDocument(bytes: [0x22] + escaped + [0x22]).root.string?.utf8.count == length + 1)
                var utf8 = Array(repeating: UInt8(ascii: "d"), count: length)
                utf8.insert(contentsOf: [0xC3, 0xA9], at: position)
                #expect(try JSONDocument(bytes: [0x22] + utf8 + [0x22]).root.string?.unicodeScalars.count == length + 1)
                var bad = Array(repeating: UInt8(ascii: "e"), count: length)
                bad[position] = 0xC0
                #expect(throws: JSONError(reason: .invalidUTF8, offset: 1 + position)) { try JSONDocument(bytes: [0x22] + bad + [0x22]) }
            }
        }
    }

    /// Names whose fingerprints agree (same length, same first and last 8 bytes) but which differ.
    @Test func sameFingerprintDifferentNamesAreNotDuplicates() throws {
        for members in [3, 12, 24, 40] {   // pairwise, 32-slot table, 64-slot table, sorting
            let names = (0..<members).map { "abcdefgh-\($0 % 10)\($0 / 10)-stuvwxyz" }
            let text = "{" + names.map { "\"\($0)\":1" }.joined(separator: ",") + "}"
            #expect(try JSONDocument(text).root.count == members)
        }
    }

    @Test("escaped and plain spellings of a long name are duplicates", arguments: [2, 5, 40])
    func escapedLongNameDuplicates(_ members: Int) throws {
        var text = "{"
        for k in 0..<members - 1 { text += "\"filler-name-\(k)\":0," }
        text += #""https://example.com/claims/role":1,"#
        let offset = text.utf8.count
        text += #""https:\/\/example.com\/claims\/r\u006fle":2}"#
        #expect(throws: JSONError(reason: .duplicateMemberName("https://example.com/claims/role"), offset: offset)) { try JSONDocument(text) }
    }

    /// Every object size around the three duplicate-detection strategies (pairwise up to 8 members,
    /// a 32- or 64-slot table up to 32, sorting above), with the duplicate at every pair of positions
    /// (sampled above 17 members): the first repeated name is reported at its own offset.
    @Test("duplicates found at every position for every detection strategy", arguments: [2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64])
    func duplicatesAtEveryPosition(_ members: Int) throws {
        let names = (0..<members).map { "claim_\($0)" }
        func text(_ names: [String]) -> (String, [Int]) {
            var text = "{"
            var offsets: [Int] = []
            for (k, name) in names.enumerated() {
                if k > 0 { text += "," }
                offsets.append(text.utf8.count)
                text += "\"\(name)\":\(k)"
            }
            return (text + "}", offsets)
        }
        #expect(try JSONDocument(text(names).0).root.count == members, "\(members) distinct names parse")
        var checked = 0
        for later in 1..<members {
            for earlier in 0..<later where members <= 17 || (earlier + later) % 7 == 0 || earlier == 0 || earlier == later - 1 {
                var duplicated = names
                // Half the cases spell the repeat with an escape, which the fingerprint must see through.
                duplicated[later] = (earlier + later) % 2 == 0 ? names[earlier] : names[earlier].replacingFirstLetterWithEscape()
                let (document, offsets) = text(duplicated)
                #expect(throws: JSONError(reason: .duplicateMemberName(names[earlier]), offset: offsets[later]),
                        "\(members) members, \(names[earlier]) repeated at position \(later)") { try JSONDocument(document) }
                checked += 1
            }
        }
        #expect(checked >= members - 1, "ran \(checked) cases")
    }

    @Test func shortEscapedNamesMatchTheirPlainFingerprint() throws {
        for name in ["a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "é", "😀x"] {
            let escaped = name.unicodeScalars.map { scalar -> String in
                if scalar.value < 0x10000 { return "\\u" + String(String(scalar.value, radix: 16).reversed()).padding(toLength: 4, withPad: "0").reversed() }
                let v = scalar.value - 0x10000
                return "\\u" + String(0xD800 + (v >> 10), radix: 16) + "\\u" + String(0xDC00 + (v & 0x3FF), radix: 16)
            }.joined()
            let text = "{\"" + name + "\":1,\"" + escaped + "\":2}"
            #expect(throws: JSONError(reason: .duplicateMemberName(name), offset: name.utf8.count + 6), "\(text)") { try JSONDocument(text) }
        }
    }
}

private extension String {
    /// `claim_1` as `\u0063laim_1`.
    func replacingFirstLetterWithEscape() -> String {
        guard let first = unicodeScalars.first, first.value < 0x80 else { return self }
        return "\\u00" + String(first.value, radix: 16) + String(dropFirst())
    }

    func padding(toLength length: Int, withPad pad: Character) -> String {
        count >= length ? self : self + String(repeating: pad, count: length - count)
    }
}
