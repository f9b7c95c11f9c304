import JOSE

/// Wycheproof MAC files (`mac_test_schema_v1.json`, e.g. `hmac_sha256_test.json`): a tag, possibly
/// truncated to the group's `tagSize`, is valid when it equals the prefix of the full HMAC; the
/// full-length verification call must agree for full-length tags.
enum WycheproofMAC {
    static func run(_ root: JSONValue, into result: inout SuiteResult) {
        let algorithm = root["algorithm"]?.string ?? "?"
        let hash = algorithm.hasPrefix("HMACSHA") ? SHA2Hash(name: "SHA" + algorithm.dropFirst(7)) : nil
        for group in root.array("testGroups") {
            let tests = group.array("tests")
            guard let hash else {
                result.skip(SHA2Hash.unsupported(algorithm), count: tests.count)
                continue
            }
            let tagBytes = (group.int("tagSize") ?? hash.digestByteCount * 8) / 8
            for test in tests {
                let label = "\(result.file) tcId \(test.int("tcId") ?? -1) (\(test["comment"]?.string ?? ""))"
                do {
                    let key = try Hex.decode(try test.requiredString("key"))
                    let message = try Hex.decode(try test.requiredString("msg"))
                    let tag = try Hex.decode(try test.requiredString("tag"))
                    let full = hash.hmac(key: key, message: message)
                    var accepted = tag.count == tagBytes && full.prefix(tagBytes) == tag[...]
                    if tagBytes == hash.digestByteCount {
                        let verified = hash.isValidHMAC(tag, key: key, message: message)
                        guard verified == accepted else {
                            result.fail("\(label): isValidAuthenticationCode returned \(verified), the prefix comparison \(accepted)")
                            continue
                        }
                    } else if hash.isValidHMAC(tag, key: key, message: message) {
                        accepted = false
                        result.fail("\(label): isValidAuthenticationCode accepted a truncated tag")
                        continue
                    }
                    try check(accepted, test, label: label, into: &result)
                } catch {
                    result.fail("\(label): \(error)")
                }
            }
        }
    }

    /// Compares a verdict with the test's `result`; "acceptable" has no written decision for MACs.
    static func check(_ accepted: Bool, _ test: JSONValue, label: String, into result: inout SuiteResult) throws(VectorFileError) {
        switch try test.requiredString("result") {
        case "valid": result.check(accepted, "\(label): valid tag rejected")
        case "invalid": result.check(!accepted, "\(label): invalid tag accepted")
        case let other: result.skip("result \"\(other)\" has no written decision for MACs")
        }
    }
}
