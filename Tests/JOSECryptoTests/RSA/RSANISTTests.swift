import CAVP
import Testing
import TestSupport
@testable import JOSECrypto

/// NIST CAVP FIPS 186-3 RSA signature files. Moduli of 1024 and 1536 bits are below RFC 7518's
/// 2048-bit floor, so every key here is made with `.insecureAllowing(1024)`. SHA-1 and SHA-224
/// records run through the internal SHA-1/SHA-224 (not offered by the public API); none is skipped.

@Suite("RSA NIST CAVP")
struct RSANISTTests {
    /// SigVer15_186-3.rsp and SigVerPSS_186-3.rsp: `Result = P` must verify, `F (...)` must not.
    /// A key refused by `RSA.PublicKey` (e.g. an even e in "Public Key e changed") counts as a
    /// rejection, which only an F record may produce.
    @Test("SigVer", arguments: ["SigVer15_186-3.rsp", "SigVerPSS_186-3.rsp"])
    func sigVer(_ name: String) throws {
        let file = RSPFile(text: try Vectors.text("nist/\(name)"), contextKeys: ["n", "p", "q"])
        var passed = 0, failed = 0, refusedKeys = 0
        for record in file.records {
            guard let result = record["Result"] else { continue }
            let context = "\(name) line \(record.line)"
            let hash = try #require(hashKind(named: record["SHAAlg"] ?? ""), "\(context): unknown SHAAlg")
            let scheme: SignatureScheme = name.contains("PSS")
                ? .pss(hash, mgf1: hash, saltLength: try hexBytes(record["SaltVal"] ?? "").count)
                : .pkcs1v15(hash)
            let expected = result == "P"
            let verdict: Bool
            do {
                let key = try RSA.PublicKey(modulus: hexBytes(record["n"] ?? ""), exponent: hexBytes(record["e"] ?? ""),
                                            minimumModulusBits: .insecureAllowing(1024))
                verdict = try verifyMessage(key, signature: hexBytes(record["S"] ?? ""), message: hexBytes(record["Msg"] ?? ""),
                                            scheme: scheme, context: context)
            } catch let error as RSA.KeyError {
                refusedKeys += 1
                #expect(!expected, "\(context): key refused (\(error)) but the record expects P")
                verdict = false
            }
            #expect(verdict == expected, "\(context): \(hash.name) verdict \(verdict), expected \(result)")
            if expected { passed += 1 } else { failed += 1 }
        }
        #expect(passed == 75 && failed == 375, "\(name): \(passed) P and \(failed) F records, expected 75 and 375")
        print("\(name): \(passed) P verified, \(failed) F rejected (\(refusedKeys) of them at key creation)")
    }

    /// SigGen15_186-3.rsp and SigGenPSS_186-3.rsp (PSS salt length 0): every S verifies.
    @Test("SigGen", arguments: ["SigGen15_186-3.rsp", "SigGenPSS_186-3.rsp"])
    func sigGen(_ name: String) throws {
        let file = RSPFile(text: try Vectors.text("nist/\(name)"), contextKeys: ["n", "e"])
        var verified = 0
        for record in file.records {
            guard let signature = record["S"] else { continue }
            let context = "\(name) line \(record.line)"
            let hash = try #require(hashKind(named: record["SHAAlg"] ?? ""), "\(context): unknown SHAAlg")
            let scheme: SignatureScheme = name.contains("PSS") ? .pss(hash, mgf1: hash, saltLength: 0) : .pkcs1v15(hash)
            let key = try RSA.PublicKey(modulus: hexBytes(record["n"] ?? ""), exponent: hexBytes(record["e"] ?? ""),
                                        minimumModulusBits: .insecureAllowing(1024))
            let verdict = try verifyMessage(key, signature: hexBytes(signature), message: hexBytes(record["Msg"] ?? ""),
                                            scheme: scheme, context: context)
            #expect(verdict, "\(context): \(hash.name) signature does not verify")
            verified += 1
        }
        #expect(verified == 250, "\(name): \(verified) signatures, expected 250")
    }
}
