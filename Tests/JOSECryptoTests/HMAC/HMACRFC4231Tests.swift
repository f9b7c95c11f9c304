import Foundation
import Testing
import TestSupport
import JOSECrypto

/// RFC 4231 §4 test cases 1-7 for HMAC-SHA-256/384/512 (`Vectors/rfc/rfc4231_hmac.json`).
@Suite("HMAC RFC 4231")
struct HMACRFC4231Tests {
    struct File: Decodable {
        struct Case: Decodable {
            var test_case: Int
            var key_hex: String
            var data_hex: String
            var hmac_sha_256: String
            var hmac_sha_384: String
            var hmac_sha_512: String
            var truncated_to_bits: Int?
        }
        var cases: [Case]
    }

    @Test("test cases 1-7", arguments: HashAlgorithm.allCases)
    func rfc4231(algorithm: HashAlgorithm) throws {
        let file = "rfc/rfc4231_hmac.json"
        let vectors = try Vectors.json(File.self, file)
        #expect(vectors.cases.map(\.test_case) == Array(1...7), "\(file): expected test cases 1-7")
        for testCase in vectors.cases {
            let where_ = "\(file) test case \(testCase.test_case) \(algorithm)"
            let key = try hexBytes(testCase.key_hex)
            let data = try hexBytes(testCase.data_hex)
            let expectedHex = switch algorithm {
            case .sha256: testCase.hmac_sha_256
            case .sha384: testCase.hmac_sha_384
            case .sha512: testCase.hmac_sha_512
            }
            let expected = try hexBytes(expectedHex)
            let full = algorithm.hmac(key: key, message: data)
            if let bits = testCase.truncated_to_bits {
                #expect(testCase.test_case == 5, "\(where_): only case 5 is truncated in RFC 4231")
                #expect(expected.count * 8 == bits, "\(where_): truncated_to_bits disagrees with the MAC")
                #expect(hexString(full.prefix(bits / 8)) == hexString(expected), "\(where_)")
                #expect(!algorithm.isValidHMAC(expected, key: key, message: data),
                        "\(where_): truncated tag accepted by isValidAuthenticationCode")
            } else {
                #expect(hexString(full) == hexString(expected), "\(where_)")
                #expect(algorithm.isValidHMAC(expected, key: key, message: data), "\(where_)")
            }
        }
    }
}
