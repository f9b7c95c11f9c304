import CAVP
import Testing
import TestSupport
import JOSECrypto

/// NIST CAVP SHA-2 byte-oriented tests (SHAVS §6.2, §6.3, §6.4), from `Vectors/nist/`.
@Suite("SHA-2 NIST CAVP vectors")
struct SHA2NISTVectorTests {
    /// The number of `Len =` records in each message file, so a parser that skips records fails.
    static let messageFiles: [(HashAlgorithm, String, Int)] = [
        (.sha256, "ShortMsg", 65), (.sha256, "LongMsg", 64),
        (.sha384, "ShortMsg", 129), (.sha384, "LongMsg", 128),
        (.sha512, "ShortMsg", 129), (.sha512, "LongMsg", 128),
    ]

    /// Every ShortMsg and LongMsg record: `Msg` (of `Len` bits; `Len = 0` has `Msg = 00`) hashes to `MD`.
    @Test("ShortMsg and LongMsg", arguments: messageFiles)
    func messages(algorithm: HashAlgorithm, kind: String, expectedCount: Int) throws {
        let file = "nist/\(algorithm.rawValue)\(kind).rsp"
        let rsp = try RSPFile.load(file)
        var count = 0
        for record in rsp.records {
            guard let lenText = record["Len"] else { continue }
            let where_ = "\(file) line \(record.line) (Len = \(lenText))"
            let len = try #require(Int(lenText), "\(where_): Len is not a number")
            try #require(len % 8 == 0, "\(where_): bit-oriented length in a byte-oriented file")
            let message = Array(try hexBytes(try #require(record["Msg"], "\(where_): no Msg")).prefix(len / 8))
            let expected = try #require(record["MD"], "\(where_): no MD").lowercased()
            #expect(message.count == len / 8, "\(where_): Msg shorter than Len")
            let digest = hexString(algorithm.hash(message))
            #expect(digest == expected, "\(where_)")
            count += 1
        }
        #expect(count == expectedCount, "\(file): ran \(count) vectors, expected \(expectedCount)")
    }

    /// SHAVS §6.4 Monte Carlo test: from `Seed`, 100 checkpoints, each the last of 1000 iterations of
    /// MD[i] = SHA(MD[i-3] || MD[i-2] || MD[i-1]) with MD[0] = MD[1] = MD[2] = the previous checkpoint.
    @Test("Monte Carlo", arguments: HashAlgorithm.allCases)
    func monteCarlo(algorithm: HashAlgorithm) throws {
        let file = "nist/\(algorithm.rawValue)Monte.rsp"
        let rsp = try RSPFile.load(file)
        let seedRecord = try #require(rsp.records.first { $0["Seed"] != nil }, "\(file): no Seed")
        var seed = try hexBytes(try #require(seedRecord["Seed"]))
        var count = 0
        for record in rsp.records {
            guard let countText = record["COUNT"] else { continue }
            let where_ = "\(file) line \(record.line) (COUNT = \(countText))"
            #expect(Int(countText) == count, "\(where_): checkpoints out of order")
            let expected = try hexBytes(try #require(record["MD"], "\(where_): no MD"))
            var md0 = seed, md1 = seed, md2 = seed
            for _ in 3..<1003 {
                let next = algorithm.hash(md0 + md1 + md2)
                md0 = md1
                md1 = md2
                md2 = next
            }
            seed = md2
            #expect(hexString(seed) == hexString(expected), "\(where_)")
            if seed != expected { break }  // every later checkpoint depends on this one
            count += 1
        }
        #expect(count == 100, "\(file): \(count) of 100 checkpoints matched")
    }
}
