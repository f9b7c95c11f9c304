import CAVP
/// NIST CAVP `HMAC.rsp` (sections `[L=20|28|32|48|64]`): the first Tlen bytes of the HMAC of Msg
/// under Key are Mac, and the verification call accepts only the full-length MAC.
enum NISTHMAC {
    static func run(_ rsp: RSPFile, into result: inout SuiteResult) {
        for record in rsp.records where record["Mac"] != nil {
            let length = record.section["L"] ?? "?"
            let label = "\(result.file) [L=\(length)] Count = \(record["Count"] ?? "?") (line \(record.line))"
            let hash: SHA2Hash
            switch length {
            case "32": hash = .sha256
            case "48": hash = .sha384
            case "64": hash = .sha512
            case "20": result.skip(SHA2Hash.unsupported("HMAC-SHA-1")); continue
            case "28": result.skip(SHA2Hash.unsupported("HMAC-SHA-224")); continue
            default: result.skip("unknown digest length L=\(length)"); continue
            }
            do {
                let key = try Hex.decode(record["Key"] ?? "")
                let message = try Hex.decode(record["Msg"] ?? "")
                let mac = try Hex.decode(record["Mac"] ?? "")
                let full = hash.hmac(key: key, message: message)
                guard full.prefix(mac.count) == mac[...], !mac.isEmpty else {
                    result.fail("\(label): MAC \(Hex.encode(full.prefix(mac.count))) differs from Mac")
                    continue
                }
                guard hash.isValidHMAC(full, key: key, message: message) else {
                    result.fail("\(label): the full-length MAC was refused by isValidAuthenticationCode")
                    continue
                }
                if mac.count < full.count, hash.isValidHMAC(mac, key: key, message: message) {
                    result.fail("\(label): isValidAuthenticationCode accepted a \(mac.count)-byte truncated tag")
                    continue
                }
                result.pass()
            } catch {
                result.fail("\(label): \(error)")
            }
        }
    }
}
