import JOSE

/// RFC 4231 §4 HMAC-SHA-256/384/512 test cases (`rfc/rfc4231_hmac.json`); test case 5 is truncated
/// to 128 bits and must not pass the full-length verification call.
enum RFC4231 {
    static func run(_ root: JSONValue, into result: inout SuiteResult) {
        for testCase in root.array("cases") {
            for (member, hash) in [("hmac_sha_256", SHA2Hash.sha256), ("hmac_sha_384", .sha384), ("hmac_sha_512", .sha512)] {
                let label = "\(result.file) test case \(testCase.int("test_case") ?? -1) \(hash.label)"
                do {
                    let key = try Hex.decode(try testCase.requiredString("key_hex"))
                    let data = try Hex.decode(try testCase.requiredString("data_hex"))
                    let expected = try Hex.decode(try testCase.requiredString(member))
                    let full = hash.hmac(key: key, message: data)
                    if let bits = testCase.int("truncated_to_bits") {
                        result.check(full.prefix(bits / 8) == expected[...] && !hash.isValidHMAC(expected, key: key, message: data),
                                     "\(label): truncated MAC differs, or the truncated tag passed full-length verification")
                    } else {
                        result.check(full == expected && hash.isValidHMAC(expected, key: key, message: data),
                                     "\(label): MAC \(Hex.encode(full)) differs")
                    }
                } catch {
                    result.fail("\(label): \(error)")
                }
            }
        }
    }
}
