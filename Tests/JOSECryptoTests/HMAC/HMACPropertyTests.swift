import Testing
import TestSupport
import JOSECrypto

/// Properties of the incremental HMAC API over seeded random inputs (seed in every message).
@Suite("HMAC properties")
struct HMACPropertyTests {
    @Test("incremental == one-shot; finalize() leaves the state unchanged", arguments: HashAlgorithm.allCases)
    func incremental(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_: H.Type, _ algorithm: HashAlgorithm) {
            var rng = SeededRandom()
            for trial in 0..<200 {
                // Keys shorter than, equal to and longer than the block (which are hashed first).
                let key = HMAC<H>.Key(rng.bytes(Int.random(in: 0...(2 * H.blockByteCount + 1), using: &rng)))
                let message = rng.bytes(Int.random(in: 0...700, using: &rng))
                let cuts = (0..<Int.random(in: 0...5, using: &rng))
                    .map { _ in Int.random(in: 0...message.count, using: &rng) }.sorted()
                let oneShot = HMAC<H>.authenticationCode(for: message, using: key)
                var mac = HMAC<H>(key: key)
                var start = 0
                for cut in cuts + [message.count] {
                    if cut - start > 0, cut % 2 == 0 {
                        message[start..<cut].withUnsafeBytes { mac.update(bufferPointer: $0) }
                    } else {
                        mac.update(message[start..<cut].lazy.map { $0 })
                    }
                    start = cut
                }
                let where_ = "\(algorithm) seed \(rng.seed) trial \(trial): length \(message.count) cut at \(cuts)"
                let first = mac.finalize()
                #expect(first == oneShot, "\(where_)")
                #expect(mac.finalize() == oneShot, "\(where_): second finalize()")
                let viaPointer = message.withUnsafeBytes { HMAC<H>.authenticationCode(bufferPointer: $0, using: key) }
                #expect(viaPointer == oneShot, "\(where_): bufferPointer entry point")
                mac.update([0x01])
                #expect(mac.finalize() == HMAC<H>.authenticationCode(for: message + [0x01], using: key),
                        "\(where_): update after finalize()")
            }
        }
        run(algorithm.hashType, algorithm)
    }

    /// isValidAuthenticationCode: the full MAC is valid; any prefix, extension or single-bit flip is not.
    @Test("verification accepts only the exact full-length MAC", arguments: HashAlgorithm.allCases)
    func verification(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_: H.Type, _ algorithm: HashAlgorithm) {
            var rng = SeededRandom()
            let key = HMAC<H>.Key(rng.bytes(H.digestByteCount))
            let message = rng.bytes(100)
            let tag = HMAC<H>.authenticationCode(for: message, using: key).bytes
            let where_ = "\(algorithm) seed \(rng.seed)"
            #expect(HMAC<H>.isValidAuthenticationCode(tag, authenticating: message, using: key), "\(where_)")
            tag.withUnsafeBytes { t in
                message.withUnsafeBytes { m in
                    #expect(HMAC<H>.isValidAuthenticationCode(t, authenticating: m, using: key), "\(where_): raw")
                    #expect(!HMAC<H>.isValidAuthenticationCode(UnsafeRawBufferPointer(rebasing: t[0..<16]),
                                                               authenticating: m, using: key), "\(where_): raw prefix")
                }
            }
            for length in [0, 1, 16, H.digestByteCount / 2, H.digestByteCount - 1] {
                #expect(!HMAC<H>.isValidAuthenticationCode(tag.prefix(length), authenticating: message, using: key),
                        "\(where_): \(length)-byte prefix accepted")
            }
            #expect(!HMAC<H>.isValidAuthenticationCode(tag + [0], authenticating: message, using: key),
                    "\(where_): over-long tag accepted")
            for bit in 0..<(tag.count * 8) {
                var flipped = tag
                flipped[bit / 8] ^= UInt8(1) << (bit % 8)
                #expect(!HMAC<H>.isValidAuthenticationCode(flipped, authenticating: message, using: key),
                        "\(where_): tag with bit \(bit) flipped accepted")
            }
        }
        run(algorithm.hashType, algorithm)
    }
}
