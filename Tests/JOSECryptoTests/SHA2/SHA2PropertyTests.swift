import Testing
import TestSupport
import JOSECrypto

/// Properties of the incremental SHA-2 API over seeded random inputs (the seed is in every message;
/// replay with `JOSE_TEST_SEED=<n>`).
@Suite("SHA-2 properties")
struct SHA2PropertyTests {
    /// Hashes `message` in the pieces cut at `cuts` (sorted offsets), through `update(_:)`.
    static func hashInPieces<H: HashFunction>(_: H.Type, _ message: [UInt8], cuts: [Int]) -> Digest {
        var hasher = H()
        var start = 0
        for cut in cuts + [message.count] {
            hasher.update(message[start..<cut])
            start = cut
        }
        return hasher.finalize()
    }

    /// Random cut points in `0...count`, sorted, possibly repeated (empty updates are legal).
    static func randomCuts(_ count: Int, using rng: inout SeededRandom) -> [Int] {
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in Int.random(in: 0...count, using: &rng) }.sorted()
    }

    @Test("split at random points == one-shot", arguments: HashAlgorithm.allCases)
    func incrementalEqualsOneShot(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_ h: H.Type, _ algorithm: HashAlgorithm) {
            var rng = SeededRandom()
            for trial in 0..<300 {
                let message = rng.bytes(Int.random(in: 0...(trial < 200 ? 300 : 3000), using: &rng))
                let cuts = Self.randomCuts(message.count, using: &rng)
                let oneShot = H.hash(message)
                #expect(Self.hashInPieces(h, message, cuts: cuts) == oneShot,
                        "\(algorithm) seed \(rng.seed) trial \(trial): length \(message.count) cut at \(cuts)")
                let viaPointer = message.withUnsafeBytes { H.hash(bufferPointer: $0) }
                #expect(viaPointer == oneShot, "\(algorithm) seed \(rng.seed) trial \(trial): hash(bufferPointer:)")
            }
        }
        run(algorithm.hashType, algorithm)
    }

    /// Every split of messages around one and two block lengths: catches off-by-one buffering.
    @Test("every split point near block boundaries", arguments: HashAlgorithm.allCases)
    func everySplit(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_ h: H.Type, _ algorithm: HashAlgorithm) {
            var rng = SeededRandom()
            let block = H.blockByteCount
            for length in [block - 9, block - 8, block - 1, block, block + 1, 2 * block + 3] {
                let message = rng.bytes(length)
                let oneShot = H.hash(message)
                for cut in 0...length {
                    #expect(Self.hashInPieces(h, message, cuts: [cut]) == oneShot,
                            "\(algorithm) seed \(rng.seed): length \(length) cut at \(cut)")
                }
            }
        }
        run(algorithm.hashType, algorithm)
    }

    @Test("finalize() leaves the hasher unchanged", arguments: HashAlgorithm.allCases)
    func finalizeDoesNotDisturb(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_: H.Type, _ algorithm: HashAlgorithm) {
            var rng = SeededRandom()
            for trial in 0..<100 {
                let first = rng.bytes(Int.random(in: 0...400, using: &rng))
                let second = rng.bytes(Int.random(in: 0...400, using: &rng))
                var hasher = H()
                hasher.update(first)
                let a = hasher.finalize()
                let b = hasher.finalize()
                hasher.update(second)
                let where_ = "\(algorithm) seed \(rng.seed) trial \(trial) (\(first.count)+\(second.count) bytes)"
                #expect(a == b && a == H.hash(first), "\(where_): finalize twice")
                #expect(hasher.finalize() == H.hash(first + second), "\(where_): update after finalize")
            }
        }
        run(algorithm.hashType, algorithm)
    }

    /// Sequences without contiguous storage go through the chunked path (256-byte stack buffer).
    @Test("non-contiguous sequences == contiguous", arguments: HashAlgorithm.allCases)
    func nonContiguous(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_: H.Type, _ algorithm: HashAlgorithm) {
            var rng = SeededRandom()
            for trial in 0..<60 {
                let message = rng.bytes(Int.random(in: 0...1100, using: &rng))
                let expected = H.hash(message)
                let where_ = "\(algorithm) seed \(rng.seed) trial \(trial) length \(message.count)"
                #expect(H.hash(message.lazy.map { $0 }) == expected, "\(where_): lazy map")
                #expect(H.hash(AnySequence(message)) == expected, "\(where_): AnySequence")
                var pieces = H()
                let cut = Int.random(in: 0...message.count, using: &rng)
                pieces.update(message[..<cut].lazy.map { $0 })
                pieces.update(message[cut...])
                #expect(pieces.finalize() == expected, "\(where_): mixed, cut at \(cut)")
            }
            #expect(H.hash((0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0) })
                    == H.hash((0..<1000).map { UInt8(truncatingIfNeeded: $0) }), "\(algorithm): range map")
        }
        run(algorithm.hashType, algorithm)
    }

    @Test("Digest: count, bytes, hex, equality", arguments: HashAlgorithm.allCases)
    func digestBasics(algorithm: HashAlgorithm) {
        func run<H: HashFunction>(_: H.Type, _ algorithm: HashAlgorithm) {
            let digest = H.hash(Array("abc".utf8))
            #expect(digest.count == H.digestByteCount, "\(algorithm)")
            #expect(digest.description == hexString(digest.bytes), "\(algorithm)")
            #expect(digest == H.hash(Array("abc".utf8)) && digest != H.hash(Array("abd".utf8)), "\(algorithm)")
        }
        run(algorithm.hashType, algorithm)
    }
}
