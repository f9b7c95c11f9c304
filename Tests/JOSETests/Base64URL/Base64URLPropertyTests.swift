import Testing
import TestSupport
import JOSE

/// Properties of strict base64url over seeded random inputs (seed in every message; replay with
/// `JOSE_TEST_SEED=<n>`).
@Suite("Base64URL properties")
struct Base64URLPropertyTests {
    @Test("decode(encode(x)) == x for lengths 0...300")
    func roundTrip() {
        var rng = SeededRandom()
        for length in 0...300 {
            for trial in 0..<3 {
                let bytes = rng.bytes(length)
                let encoded = Base64URL.encode(bytes)
                let where_ = "seed \(rng.seed) length \(length) trial \(trial): \(encoded)"
                #expect(encoded.utf8.count == Base64URL.encodedCount(length), "\(where_): length")
                #expect(Base64URL.decodedCount(encoded.utf8.count) == length, "\(where_): decodedCount")
                #expect(!encoded.utf8.contains(UInt8(ascii: "=")), "\(where_): padding emitted")
                do {
                    #expect(try Base64URL.decode(encoded) == bytes, "\(where_)")
                } catch {
                    Issue.record("\(where_): decode threw \(error)")
                }
            }
        }
    }

    /// Replacing any one character by any other byte value either is rejected or decodes to different
    /// bytes: strict decoding gives every byte string exactly one accepted encoding. Exhaustive over
    /// positions and all 256 byte values, for strings of every residue mod 4.
    @Test("single-character corruption is rejected or changes the bytes")
    func corruption() {
        var rng = SeededRandom()
        var rejected = 0, changed = 0
        for length in Array(0...12) + [31, 32, 33, 64] {
            let bytes = rng.bytes(length)
            let encoded = Array(Base64URL.encode(bytes).utf8)
            for position in encoded.indices {
                for value in 0...255 where UInt8(value) != encoded[position] {
                    var corrupted = encoded
                    corrupted[position] = UInt8(value)
                    do {
                        let decoded = try Base64URL.decode(corrupted)
                        #expect(decoded != bytes,
                                "seed \(rng.seed) length \(length): byte \(value) at offset \(position) of \(Base64URL.encode(bytes)) decodes to the same bytes")
                        changed += 1
                    } catch {
                        // Invalid characters are reported where they are.
                        if case .invalidCharacter(let byte) = error.reason {
                            #expect(byte == UInt8(value) && error.offset == position,
                                    "seed \(rng.seed) length \(length): byte \(value) at \(position) reported as \(error)")
                        }
                        rejected += 1
                    }
                }
            }
        }
        #expect(rejected > 0 && changed > 0, "seed \(rng.seed): \(rejected) rejected, \(changed) changed")
    }

    /// Deleting or inserting one character never yields the same bytes either.
    @Test("one character removed or added is rejected or changes the bytes")
    func lengthChanges() {
        var rng = SeededRandom()
        for length in 1...40 {
            let bytes = rng.bytes(length)
            let encoded = Array(Base64URL.encode(bytes).utf8)
            for position in encoded.indices {
                var shorter = encoded
                shorter.remove(at: position)
                var longer = encoded
                longer.insert(UInt8(ascii: "A"), at: position)
                for variant in [shorter, longer] {
                    if let decoded = try? Base64URL.decode(variant) {
                        #expect(decoded != bytes, "seed \(rng.seed) length \(length) edit at \(position)")
                    }
                }
            }
        }
    }

    /// The allocation-free entry point agrees with the array one, in a buffer of exactly the decoded
    /// length and in a larger one whose bytes past the result must stay untouched (the 4-byte group
    /// stores stop at the decoded length, not at the buffer's end).
    @Test("decode(_:into:) agrees with decode(_:) and writes nothing past its result", arguments: [0, 8])
    func intoBuffer(slack: Int) throws {
        var rng = SeededRandom()
        for length in 0...100 {
            let bytes = rng.bytes(length)
            let encoded = Array(Base64URL.encode(bytes).utf8)
            var output = [UInt8](repeating: 0xA5, count: length + slack)
            let written = try encoded.withUnsafeBytes { input in
                try output.withUnsafeMutableBytes { try Base64URL.decode(input, into: $0) }
            }
            let where_ = "seed \(rng.seed) length \(length) slack \(slack)"
            #expect(written == length && Array(output[..<length]) == bytes, "\(where_): decoded bytes")
            #expect(output[length...].allSatisfy { $0 == 0xA5 }, "\(where_): bytes past the result overwritten")
        }
    }
}
