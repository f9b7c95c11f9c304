import Foundation
import Synchronization
import Testing
import TestSupport
import JOSECrypto

/// One `RSA.PublicKey` verifies on many threads at once, without locks, with the same answers.
@Suite("RSA concurrency")
struct RSAConcurrencyTests {
    @Test func oneKeyManyThreads() throws {
        let file = try Vectors.json(WycheproofRSAFile.self, "wycheproof/rsa_signature_4096_sha256_test.json")
        let group = try #require(file.testGroups.first)
        let key = try RSA.PublicKey(modulus: hexBytes(group.publicKey.modulus), exponent: hexBytes(group.publicKey.publicExponent))
        let cases = try group.tests.map { (try hexBytes($0.sig), try hexBytes($0.msg), $0.result == "valid", $0.tcId) }
        let expected = try cases.map { try key.isValidSignature($0.0, for: $0.1, padding: .pkcs1v15(.sha256)) }
        #expect(zip(expected, cases).allSatisfy { $0 == $1.2 || !$1.2 }, "single-threaded verdicts disagree with Wycheproof")
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for (index, c) in cases.enumerated() where (index + worker) % 2 == 0 {
                let verdict = (try? key.isValidSignature(c.0, for: c.1, padding: .pkcs1v15(.sha256))) ?? !expected[index]
                if verdict != expected[index] { mismatches.withLock { $0 += 1 } }
            }
        }
        #expect(mismatches.withLock { $0 } == 0, "verdicts changed under concurrency")
    }
}
