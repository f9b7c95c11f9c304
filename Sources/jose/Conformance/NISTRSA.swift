import CAVP
import JOSECrypto

/// NIST CAVP RSA files (FIPS 186-3): `SigVer15`/`SigVerPSS` (verify, expected `Result = P|F`) and
/// `SigGen15`/`SigGenPSS` (the published signatures S must verify). The groups with 1024- and
/// 1536-bit moduli run with ``RSA/ModulusSizePolicy/insecureAllowing(_:)``: below RFC 7518's 2048
/// bits, allowed here only to exercise the arithmetic on NIST's vectors.
enum NISTRSA {
    static let policy = RSA.ModulusSizePolicy.insecureAllowing(1024)

    /// Runs a SigVer or SigGen file; `pss` selects RSASSA-PSS, `generated` a SigGen file.
    static func run(_ rsp: RSPFile, into result: inout SuiteResult, pss: Bool, generated: Bool) {
        // SigGenPSS states its salt length once, in a comment ("# Salt len: 0").
        let fileSaltLength = rsp.comments["Salt len"].flatMap { Int($0) }
        var keys: [String: Result<RSA.PublicKey, RSA.KeyError>] = [:]
        for record in rsp.records where record["S"] != nil && record["Msg"] != nil {
            let label = "\(result.file) [mod = \(record.section["mod"] ?? "?")] line \(record.line) (\(record["SHAAlg"] ?? "?"))"
            let hashName = record["SHAAlg"] ?? "?"
            guard let hash = SHA2Hash(name: hashName) else {
                result.skip(SHA2Hash.unsupported(hashName))
                continue
            }
            let expected: Bool
            if generated {
                expected = true
            } else {
                guard let verdict = record["Result"]?.first, verdict == "P" || verdict == "F" else {
                    result.fail("\(label): no Result = P|F")
                    continue
                }
                expected = verdict == "P"
            }
            do {
                let n = record["n"] ?? ""
                let e = record["e"] ?? ""
                let modulus = try Hex.decode(n)
                let exponent = try Hex.decode(e)
                let key = keys[n + "/" + e] ?? Result { () throws(RSA.KeyError) in
                    try RSA.PublicKey(modulus: modulus, exponent: exponent, minimumModulusBits: policy)
                }
                keys[n + "/" + e] = key
                let padding: RSA.Padding
                if pss {
                    let saltLength: Int
                    if generated {
                        guard let fileSaltLength else {
                            result.skip("the file states no salt length (\"# Salt len: N\")")
                            continue
                        }
                        saltLength = fileSaltLength
                    } else {
                        saltLength = try Hex.decode(record["SaltVal"] ?? "").count
                    }
                    padding = .pss(hash.rsa, mgf1: hash.rsa, saltLength: saltLength)
                } else {
                    padding = .pkcs1v15(hash.rsa)
                }
                let verdict: Bool
                switch key {
                case .success(let publicKey):
                    verdict = try publicKey.isValidSignature(try Hex.decode(record["S"] ?? ""), for: try Hex.decode(record["Msg"] ?? ""), padding: padding)
                case .failure:
                    verdict = false  // a key outside RFC 8017 §3.1 (e.g. an even e) verifies nothing
                }
                let reason = record["Result"].map { " (\($0))" } ?? ""
                result.check(verdict == expected, "\(label): expected \(expected ? "valid" : "invalid")\(reason), got \(verdict ? "valid" : "invalid")")
            } catch {
                result.fail("\(label): \(error)")
            }
        }
    }
}
