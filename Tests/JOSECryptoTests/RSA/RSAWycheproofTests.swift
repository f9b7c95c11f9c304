import Foundation
import Testing
import TestSupport
@testable import JOSECrypto

/// Wycheproof's RSASSA-PKCS1-v1_5 and RSASSA-PSS verification files (schemas
/// rsassa_pkcs1_verify_schema_v1.json and rsassa_pss_verify_schema_v1.json).
struct WycheproofRSAFile: Decodable {
    struct Group: Decodable {
        struct Key: Decodable {
            let modulus: String
            let publicExponent: String
        }
        let publicKey: Key
        let sha: String
        let mgfSha: String?
        let sLen: Int?
        let tests: [Case]
    }
    struct Case: Decodable {
        let tcId: Int
        let comment: String
        let flags: [String]
        let msg: String
        let sig: String
        let result: String
    }
    let algorithm: String
    let numberOfTests: Int
    let testGroups: [Group]
}

/// Decisions on Wycheproof's "acceptable" results, written down (README: either answer passes).
/// The only acceptable cases are tcId 8 of each PKCS#1 file, "Missing NULL in the ASN encoding"
/// (flag MissingNull): DigestInfo without the NULL parameters. RFC 8017 §9.2 Note 1 gives the
/// encoding with NULL, and we compare against exactly that encoding, so we REJECT them.
let wycheproofAcceptableDecisions: [String: Bool] = ["MissingNull": false]

@Suite("RSA Wycheproof")
struct RSAWycheproofTests {
    static let pkcs1Files = [2048, 3072, 4096].flatMap { bits in
        [256, 384, 512].map { "rsa_signature_\(bits)_sha\($0)_test.json" }
    }
    static let pssFiles = [
        "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_64_test.json",
        "rsa_pss_misc_test.json",
    ]

    @Test("PKCS#1 v1.5 and PSS files", arguments: pkcs1Files + pssFiles)
    func file(_ name: String) throws {
        let file = try Vectors.json(WycheproofRSAFile.self, "wycheproof/\(name)")
        var ran = 0
        for group in file.testGroups {
            let key = try RSA.PublicKey(modulus: hexBytes(group.publicKey.modulus),
                                        exponent: hexBytes(group.publicKey.publicExponent))
            let hash = try #require(hashKind(named: group.sha), "\(name): unknown hash \(group.sha)")
            let scheme: SignatureScheme
            if file.algorithm == "RSASSA-PSS" {
                let mgf = try #require(hashKind(named: group.mgfSha ?? ""), "\(name): unknown MGF hash")
                scheme = .pss(hash, mgf1: mgf, saltLength: try #require(group.sLen))
            } else {
                scheme = .pkcs1v15(hash)
            }
            for test in group.tests {
                let context = "\(name) tcId \(test.tcId) (\(test.comment))"
                let verdict = try verifyMessage(key, signature: hexBytes(test.sig), message: hexBytes(test.msg),
                                                scheme: scheme, context: context)
                switch test.result {
                case "valid":
                    #expect(verdict, "\(context): valid signature rejected")
                case "invalid":
                    #expect(!verdict, "\(context): invalid signature accepted")
                default:
                    let decisions = test.flags.compactMap { wycheproofAcceptableDecisions[$0] }
                    let decision: Bool = try #require(decisions.first as Bool?, "\(context): acceptable case with no written decision, flags \(test.flags)")
                    #expect(verdict == decision, "\(context): acceptable case decided \(verdict), expected \(decision)")
                }
                ran += 1
            }
        }
        #expect(ran == file.numberOfTests, "\(name): ran \(ran) of \(file.numberOfTests) tests")
    }
}
