import JOSE
import JOSECrypto

/// Wycheproof RSA signature files (`rsassa_pkcs1_verify_schema_v1.json`,
/// `rsassa_pss_verify_schema_v1.json`) through `RSA.PublicKey.isValidSignature`.
enum WycheproofRSA {
    /// Written decisions on "acceptable" results, by flag (Wycheproof: either answer conforms).
    /// MissingNull (DigestInfo without the NULL parameters): RFC 8017 §9.2 Note 1 gives the encoding
    /// with NULL and the verifier compares against exactly that encoding, so these are rejected.
    static let acceptableDecisions: [String: Bool] = ["MissingNull": false]

    static func run(_ root: JSONValue, into result: inout SuiteResult, pss: Bool) {
        for group in root.array("testGroups") {
            let tests = group.array("tests")
            let hashName = group["sha"]?.string ?? "?"
            let mgfName = group["mgfSha"]?.string ?? hashName
            guard let hash = SHA2Hash(name: hashName) else {
                result.skip(SHA2Hash.unsupported(hashName), count: tests.count)
                continue
            }
            guard let mgf = SHA2Hash(name: mgfName) else {
                result.skip(SHA2Hash.unsupported("MGF1 with \(mgfName)"), count: tests.count)
                continue
            }
            let padding: RSA.Padding = pss
                ? .pss(hash.rsa, mgf1: mgf.rsa, saltLength: group.int("sLen") ?? hash.digestByteCount)
                : .pkcs1v15(hash.rsa)
            let key: RSA.PublicKey
            do {
                let publicKey = group["publicKey"]
                let modulus = try Hex.decode(try publicKey?.requiredString("modulus") ?? "")
                let exponent = try Hex.decode(try publicKey?.requiredString("publicExponent") ?? "")
                do {
                    key = try RSA.PublicKey(modulus: modulus, exponent: exponent)
                } catch {
                    result.skip("the group's public key is refused by policy: \(error.code.rawValue)", count: tests.count)
                    continue
                }
            } catch {
                result.fail("\(result.file): a group's public key is unreadable: \(error)")
                continue
            }
            for test in tests {
                let label = "\(result.file) tcId \(test.int("tcId") ?? -1) (\(test["comment"]?.string ?? ""))"
                do {
                    let signature = try Hex.decode(try test.requiredString("sig"))
                    let message = try Hex.decode(try test.requiredString("msg"))
                    let verdict = try key.isValidSignature(signature, for: message, padding: padding)
                    switch try test.requiredString("result") {
                    case "valid": result.check(verdict, "\(label): valid signature rejected")
                    case "invalid": result.check(!verdict, "\(label): invalid signature accepted")
                    default:
                        let decisions = test.strings("flags").compactMap { acceptableDecisions[$0] }
                        if let decision = decisions.first {
                            result.check(verdict == decision, "\(label): acceptable case decided \(verdict), the written decision is \(decision)")
                        } else {
                            result.skip("\"acceptable\" case with no written decision (flags \(test.strings("flags")))")
                        }
                    }
                } catch {
                    result.fail("\(label): \(error)")
                }
            }
        }
    }
}
