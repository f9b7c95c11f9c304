import Testing
import TestSupport
import JOSE

/// RFC 4648 §10 vectors and the strictness cases of `Vectors/rfc/rfc4648_base64.json`, in the
/// unpadded base64url form JOSE uses (RFC 7515 §2).
@Suite("Base64URL vectors")
struct Base64URLVectorTests {
    static let file = "rfc/rfc4648_base64.json"

    struct File: Decodable {
        struct Encoding: Decodable {
            var input_hex: String
            var base64url_nopad: String
        }
        struct Reject: Decodable {
            var input: String
            var why: String
        }
        struct PolicyChoice: Decodable {
            var input: String
            var decodes_to_hex: String
            var why: String
        }
        var rfc_vectors: [Encoding]
        var derived_alphabet_cases: [Encoding]
        var base64url_nopad_decode_must_reject: [Reject]
        var base64url_nopad_decode_policy_choices: [PolicyChoice]
    }

    static func load() throws -> File { try Vectors.json(File.self, file) }

    static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    @Test("RFC 4648 §10 and derived alphabet cases: encode and decode")
    func encodings() throws {
        let vectors = try Self.load()
        #expect(vectors.rfc_vectors.count == 7 && vectors.derived_alphabet_cases.count == 13,
                "\(Self.file): expected 7 RFC vectors and 13 derived cases")
        let all = vectors.rfc_vectors.map { ("rfc_vectors", $0) } + vectors.derived_alphabet_cases.map { ("derived_alphabet_cases", $0) }
        for (index, (list, vector)) in all.enumerated() {
            let where_ = "\(Self.file) \(list) input_hex \"\(vector.input_hex)\" (#\(index))"
            let bytes = try hexBytes(vector.input_hex)
            #expect(Base64URL.encode(bytes) == vector.base64url_nopad, "\(where_): encode")
            #expect(Base64URL.encodedCount(bytes.count) == vector.base64url_nopad.utf8.count, "\(where_): encodedCount")
            do {
                #expect(try Base64URL.decode(vector.base64url_nopad) == bytes, "\(where_): decode")
            } catch {
                Issue.record("\(where_): decode threw \(error)")
            }
        }
    }

    /// Each must throw. Where the file names the fault, the error must agree: a length of 1 mod 4
    /// is `impossibleLength`; otherwise the first character outside the alphabet is named, at its offset.
    @Test("base64url_nopad_decode_must_reject")
    func mustReject() throws {
        let cases = try Self.load().base64url_nopad_decode_must_reject
        #expect(cases.count == 7, "\(Self.file): expected 7 must-reject cases, found \(cases.count)")
        for (index, testCase) in cases.enumerated() {
            let where_ = "\(Self.file) must_reject #\(index) \(String(reflecting: testCase.input)) (\(testCase.why))"
            let bytes = Array(testCase.input.utf8)
            let expected: Base64URLError
            if testCase.why.contains("length 1 mod 4") {
                #expect(bytes.count % 4 == 1, "\(where_): the vector's reason disagrees with its length")
                expected = Base64URLError(reason: .impossibleLength(bytes.count), offset: bytes.count - 1)
            } else {
                let offset = try #require(bytes.firstIndex { !Self.alphabet.contains($0) },
                                          "\(where_): no character outside the alphabet")
                expected = Base64URLError(reason: .invalidCharacter(bytes[offset]), offset: offset)
            }
            #expect(throws: expected, "\(where_)") { try Base64URL.decode(testCase.input) }
        }
    }

    /// The policy choices RFC 4648 leaves open; this library is strict on both: `=` padding is
    /// rejected (RFC 7515 §2 defines base64url without it) and so are non-zero unused bits (RFC 4648
    /// §3.5 allows rejecting them), so every byte string has exactly one accepted encoding.
    @Test("base64url_nopad_decode_policy_choices: padding and non-zero pad bits are rejected")
    func policyChoices() throws {
        let cases = try Self.load().base64url_nopad_decode_policy_choices
        #expect(cases.count == 3, "\(Self.file): expected 3 policy-choice cases, found \(cases.count)")
        for (index, testCase) in cases.enumerated() {
            let where_ = "\(Self.file) policy_choices #\(index) \(String(reflecting: testCase.input)) (\(testCase.why))"
            let bytes = Array(testCase.input.utf8)
            let expected: Base64URLError
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                expected = Base64URLError(reason: .padding, offset: equals)
            } else {
                #expect(testCase.why.contains("non-zero trailing pad bits"), "\(where_): unexpected kind of case")
                expected = Base64URLError(reason: .nonZeroTrailingBits(bytes[bytes.count - 1]), offset: bytes.count - 1)
            }
            #expect(throws: expected, "\(where_)") { try Base64URL.decode(testCase.input) }
            // The canonical form of the same bytes is accepted.
            let decoded = try hexBytes(testCase.decodes_to_hex)
            let canonical = Base64URL.encode(decoded)
            #expect(canonical != testCase.input, "\(where_)")
            do {
                #expect(try Base64URL.decode(canonical) == decoded, "\(where_): canonical \(canonical)")
            } catch {
                Issue.record("\(where_): canonical \(canonical) refused: \(error)")
            }
        }
    }

    /// The message names the character and its offset so a user can find it.
    @Test("error messages name the character and offset")
    func messages() {
        let cases: [(String, [String])] = [
            ("Zg+v", ["'+'", "offset 2"]),
            ("Zm9v Yg", ["byte 0x20", "offset 4"]),
            ("Zm9v\nYg", ["byte 0xa", "offset 4"]),
            ("Zg==", ["'='", "offset 2", "padding"]),
            ("Zh", ["'h'", "offset 1", "non-zero"]),
            ("Zm9vY", ["length 5", "1 mod 4"]),
        ]
        for (input, fragments) in cases {
            do {
                let decoded = try Base64URL.decode(input)
                Issue.record("\(String(reflecting: input)) decoded to \(decoded)")
            } catch {
                for fragment in fragments {
                    #expect(error.description.contains(fragment),
                            "\(String(reflecting: input)): message \"\(error.description)\" lacks \"\(fragment)\"")
                }
            }
        }
    }
}
