import Testing
import TestSupport
import JOSE

/// Re-serializes a value canonically through the public accessors: strings through their decoded
/// value and ``JSONString/quoted(_:)``, numbers as carried, members in document order.
func canonical(_ value: JSONValue) -> String {
    switch value.kind {
    case .null: return "null"
    case .bool: return value.bool == true ? "true" : "false"
    case .number:
        // Touch every numeric accessor; a parsed number is always finite.
        _ = value.int64
        _ = value.uint64
        precondition(value.double?.isFinite == true, "non-finite number \(value)")
        return value.description
    case .string:
        let s = value.string ?? ""
        precondition(value.stringEquals(s), "stringEquals disagrees with string for \(value)")
        return JSONString.quoted(s)
    case .array:
        let elements = value.elements.map(canonical)
        precondition(elements.count == value.count)
        return "[" + elements.joined(separator: ",") + "]"
    case .object:
        var parts: [String] = []
        for (key, member) in value.members {
            let name = key.string ?? ""
            precondition(value[name]?.byteRange == member.byteRange, "lookup of \(name) finds another member")
            parts.append(JSONString.quoted(name) + ":" + canonical(member))
        }
        precondition(parts.count == value.count)
        return "{" + parts.joined(separator: ",") + "}"
    }
}

@Suite("JSON fuzz")
struct JSONFuzzTests {
    /// `JOSE_TEST_SEED=<decimal>` replays a failure (see ``SeededRandom``).
    static let seed: UInt64 = SeededRandom.defaultSeed

    static let seeds: [String] = [
        #"{"alg":"RS256","kid":"k1","typ":"JWT"}"#,
        #"{"iss":"https://a.example/","aud":["x","y"],"exp":1700000000,"iat":1.5e9,"n":null,"b":true}"#,
        #"{"keys":[{"kty":"RSA","n":"0vx7","e":"AQAB","kid":"\u00e9"},{"kty":"oct","k":"c2VjcmV0"}]}"#,
        #"["\uD83D\uDE00","é€😀","\"\\\/\b\f\n\r\t",-0.0e-1,123456789012345678901234567890,[[[]]],{}]"#,
        #"{"a":{"b":{"c":{"d":[1,2,{"e":"f"}]}}},"\u0061\u0062":false}"#,
    ]

    static let interesting: [UInt8] = Array(#"{}[]",:\-+.0123456789eEtrufalsn u"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(seed: Self.seed)
        var accepted = 0
        for iteration in 0..<3_000 {
            let length = Int.random(in: 0...48, using: &rng)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &rng) ? Self.interesting.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0...255, using: &rng)
            }
            if check(bytes, "seed \(Self.seed) random iteration \(iteration)") { accepted += 1 }
        }
        #expect(accepted >= 0)
    }

    @Test func mutatedDocumentsNeverCrash() throws {
        var rng = SeededRandom(seed: Self.seed ^ 0xA5A5)
        for seedText in Self.seeds {
            #expect(check(Array(seedText.utf8), "seed document \(seedText)"), "seed documents must parse: \(seedText)")
        }
        var accepted = 0
        for iteration in 0..<5_000 {
            var bytes = Array(Self.seeds.randomElement(using: &rng)?.utf8 ?? "".utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: bytes[at] = Self.interesting.randomElement(using: &rng) ?? 0
                case 1: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
                case 2: bytes.remove(at: at)
                case 3: bytes.insert(Self.interesting.randomElement(using: &rng) ?? 0, at: at)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...12, using: &rng))
                    bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
                }
            }
            if check(bytes, "seed \(Self.seed) mutation iteration \(iteration)") { accepted += 1 }
        }
        // Enough mutants stay valid to exercise the accessors, not only the error paths.
        #expect(accepted > 200, "seed \(Self.seed): only \(accepted) mutants parsed")
    }

    /// Parses; on success re-serializes canonically and checks that the canonical form parses to the
    /// same canonical form. On failure checks that the error lies within the input. Returns acceptance.
    private func check(_ bytes: [UInt8], _ label: String) -> Bool {
        do {
            let document = try JSONDocument(bytes: bytes)
            let once = canonical(document.root)
            do {
                let again = canonical(try JSONDocument(once).root)
                #expect(again == once, "\(label): canonical form is not a fixed point")
            } catch {
                Issue.record("\(label): canonical form \(once) refused: \(error)")
            }
            return true
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(label): offset \(error.offset) outside input of \(bytes.count) bytes")
            #expect(!error.description.isEmpty)
            return false
        }
    }
}

