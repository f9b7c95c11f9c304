import CAVP
/// NIST CAVP SHA-2 byte-oriented files (SHAVS §6.2–6.4): `SHA<n>ShortMsg.rsp`, `SHA<n>LongMsg.rsp`,
/// `SHA<n>Monte.rsp`.
enum NISTSHA {
    /// The hash named by the file, e.g. "SHA256" from "SHA256ShortMsg.rsp".
    static func hashName(_ fileName: String) -> String {
        for suffix in ["ShortMsg.rsp", "LongMsg.rsp", "Monte.rsp"] where fileName.hasSuffix(suffix) {
            return String(fileName.dropLast(suffix.count))
        }
        return fileName
    }

    /// Every `Len`/`Msg`/`MD` record: the digest of the first Len/8 bytes of Msg is MD.
    static func messages(_ rsp: RSPFile, into result: inout SuiteResult, fileName: String) {
        let records = rsp.records.filter { $0["Len"] != nil }
        guard let hash = SHA2Hash(name: hashName(fileName)) else {
            result.skip(SHA2Hash.unsupported(hashName(fileName)), count: records.count)
            return
        }
        for record in records {
            let label = "\(result.file) line \(record.line) (Len = \(record["Len"] ?? "?"))"
            do {
                guard let len = record["Len"].flatMap({ Int($0) }), len % 8 == 0 else {
                    result.skip("bit-oriented message lengths are not run")
                    continue
                }
                let message = Array(try Hex.decode(record["Msg"] ?? "").prefix(len / 8))
                let expected = try Hex.decode(record["MD"] ?? "")
                let digest = hash.hash(message)
                result.check(digest == expected, "\(label): digest \(Hex.encode(digest)) differs from MD")
            } catch {
                result.fail("\(label): \(error)")
            }
        }
    }

    /// SHAVS §6.4 Monte Carlo: from Seed, 100 checkpoints, each the last of 1000 iterations of
    /// MD[i] = SHA(MD[i-3] || MD[i-2] || MD[i-1]).
    static func monte(_ rsp: RSPFile, into result: inout SuiteResult, fileName: String) {
        let checkpoints = rsp.records.filter { $0["COUNT"] != nil }
        guard let hash = SHA2Hash(name: hashName(fileName)) else {
            result.skip(SHA2Hash.unsupported(hashName(fileName)), count: checkpoints.count)
            return
        }
        guard let seedText = rsp.records.first(where: { $0["Seed"] != nil })?["Seed"], var seed = try? Hex.decode(seedText) else {
            result.fileError("no Seed record")
            return
        }
        var chainBroken = false
        for record in checkpoints {
            let label = "\(result.file) line \(record.line) (COUNT = \(record["COUNT"] ?? "?"))"
            if chainBroken {
                result.fail("\(label): not checked, an earlier checkpoint failed and each one depends on the last")
                continue
            }
            var md0 = seed, md1 = seed, md2 = seed
            for _ in 3..<1003 {
                let next = hash.hash(md0 + md1 + md2)
                md0 = md1
                md1 = md2
                md2 = next
            }
            seed = md2
            let expected = (try? Hex.decode(record["MD"] ?? "")) ?? []
            if seed == expected {
                result.pass()
            } else {
                result.fail("\(label): checkpoint \(Hex.encode(seed)) differs from MD")
                chainBroken = true
            }
        }
    }
}
