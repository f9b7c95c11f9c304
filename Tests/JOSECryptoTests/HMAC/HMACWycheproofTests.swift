import Testing
import TestSupport
import JOSECrypto

/// Wycheproof `hmac_sha{256,384,512}_test.json`: valid tags (possibly truncated to `tagSize` bits)
/// are accepted, invalid ones rejected.
@Suite("HMAC Wycheproof")
struct HMACWycheproofTests {
    @Test("hmac_sha*_test.json", arguments: HashAlgorithm.allCases)
    func wycheproof(algorithm: HashAlgorithm) throws {
        let bits = algorithm.hashType.digestByteCount * 8
        let file = "wycheproof/hmac_sha\(bits)_test.json"
        let vectors = try Vectors.json(WycheproofMACFile.self, file)
        #expect(vectors.algorithm == "HMACSHA\(bits)", "\(file): algorithm \(vectors.algorithm)")
        var count = 0, valid = 0, truncatedGroups = 0
        for group in vectors.testGroups {
            try #require(group.tagSize % 8 == 0 && group.tagSize <= bits, "\(file): tagSize \(group.tagSize)")
            let tagBytes = group.tagSize / 8
            if tagBytes < algorithm.hashType.digestByteCount { truncatedGroups += 1 }
            for test in group.tests {
                let where_ = "\(file) tcId \(test.tcId) (\(test.comment))"
                let key = try hexBytes(test.key)
                let message = try hexBytes(test.msg)
                let tag = try hexBytes(test.tag)
                #expect(key.count * 8 == group.keySize, "\(where_): key length differs from keySize")
                let full = algorithm.hmac(key: key, message: message)
                let accepted = ConstantTime.equals(full.prefix(tagBytes), tag)
                switch test.result {
                case .valid:
                    #expect(accepted, "\(where_): valid tag rejected; computed \(hexString(full.prefix(tagBytes)))")
                    valid += 1
                case .invalid:
                    #expect(!accepted, "\(where_): invalid tag accepted")
                case .acceptable:
                    Issue.record("\(where_): 'acceptable' is not expected in MAC files; decide a policy")
                }
                // Full-length verification agrees; a truncated tag is never valid there.
                let verified = algorithm.isValidHMAC(tag, key: key, message: message)
                #expect(verified == (accepted && tagBytes == algorithm.hashType.digestByteCount),
                        "\(where_): isValidAuthenticationCode returned \(verified)")
                count += 1
            }
        }
        #expect(count == vectors.numberOfTests && count == 174, "\(file): ran \(count) of \(vectors.numberOfTests)")
        #expect(valid == 66, "\(file): \(valid) valid tests, expected 66")
        #expect(truncatedGroups == 3, "\(file): \(truncatedGroups) truncated-tag groups, expected 3")
    }
}
