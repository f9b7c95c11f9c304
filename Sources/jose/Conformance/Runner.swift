import CAVP
import Foundation
import JOSE

/// Finds the vector files under a folder and runs each through the runner its format calls for.
enum ConformanceRunner {
    /// One vector file and how to run it.
    struct Job {
        let name: String
        /// Path relative to the vectors folder, e.g. `nist/HMAC.rsp`.
        let file: String
        let url: URL
        let run: (_ bytes: [UInt8], _ result: inout SuiteResult) throws(VectorFileError) -> Void
    }

    /// The `Vectors/` folder: the first `Vectors/README.md` found walking up from the current
    /// directory, then from the executable's location.
    static func defaultVectorsFolder() -> URL? {
        let fileManager = FileManager.default
        let executable = URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: fileManager.currentDirectoryPath))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [URL(fileURLWithPath: fileManager.currentDirectoryPath), executable] {
            var url = start.standardizedFileURL
            while true {
                let candidate = url.appendingPathComponent("Vectors")
                if fileManager.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    /// The jobs for every recognised file in `root` and its `nist/`, `wycheproof/` and `rfc/`
    /// subfolders, in a stable order (NIST, Wycheproof, RFC; then by name).
    static func jobs(in root: URL) throws(UsageError) -> [Job] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("the vectors folder '\(root.path)' does not exist or is not a folder", command: "conformance")
        }
        var files: [(relative: String, url: URL)] = []
        for folder in ["", "nist", "wycheproof", "rfc"] {
            let directory = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".rsp") || name.hasSuffix(".json") {
                files.append((folder.isEmpty ? name : "\(folder)/\(name)", directory.appendingPathComponent(name)))
            }
        }
        let jobs = files.compactMap { job(relative: $0.relative, url: $0.url) }
        let order: (Job) -> Int = { $0.file.hasSuffix(".rsp") ? 0 : $0.name.hasPrefix("Wycheproof") ? 1 : 2 }
        return jobs.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
    }

    /// The job for one file, chosen by its name (NIST .rsp, RFC files) or its `schema` (Wycheproof).
    static func job(relative: String, url: URL) -> Job? {
        let name = url.lastPathComponent
        func make(_ title: String, _ run: @escaping (_ bytes: [UInt8], _ result: inout SuiteResult) throws(VectorFileError) -> Void) -> Job {
            Job(name: title, file: relative, url: url, run: run)
        }
        if name.hasSuffix(".rsp") {
            let stem = String(name.dropLast(4))
            if name.hasSuffix("ShortMsg.rsp") || name.hasSuffix("LongMsg.rsp") {
                return make("NIST \(stem)") { bytes, result in NISTSHA.messages(RSPFile(bytes: bytes), into: &result, fileName: name) }
            }
            if name.hasSuffix("Monte.rsp") {
                return make("NIST \(stem)") { bytes, result in NISTSHA.monte(RSPFile(bytes: bytes), into: &result, fileName: name) }
            }
            if name.hasPrefix("HMAC") {
                return make("NIST \(stem)") { bytes, result in NISTHMAC.run(RSPFile(bytes: bytes), into: &result) }
            }
            for (prefix, pss, generated) in [("SigVer15", false, false), ("SigVerPSS", true, false), ("SigGen15", false, true), ("SigGenPSS", true, true)]
            where name.hasPrefix(prefix) {
                let contextKeys: Set<String> = generated ? ["n", "e", "d"] : ["n", "p", "q"]
                return make("NIST \(stem)") { bytes, result in
                    NISTRSA.run(RSPFile(bytes: bytes, contextKeys: contextKeys), into: &result, pss: pss, generated: generated)
                }
            }
            return make("NIST \(stem)") { _, result in result.fileError("unknown .rsp file: no runner for it") }
        }
        if name.hasPrefix("rfc") {
            let title = "RFC " + String(name.dropFirst(3).dropLast(5)).replacingOccurrences(of: "_", with: " ")
            if name.hasPrefix("rfc4231") { return make(title) { bytes, result throws(VectorFileError) in RFC4231.run(try VectorJSON.parse(bytes), into: &result) } }
            if name.hasPrefix("rfc4648") { return make(title) { bytes, result throws(VectorFileError) in RFC4648.run(try VectorJSON.parse(bytes), into: &result) } }
            return make(title) { bytes, result throws(VectorFileError) in RFCJOSE.run(try VectorJSON.parse(bytes), into: &result) }
        }
        let title = "Wycheproof " + String(name.dropLast(5)).replacingOccurrences(of: "_test", with: "")
        return make(title) { bytes, result throws(VectorFileError) in
            let root = try VectorJSON.parse(bytes)
            let schema = root["schema"]?.string ?? ""
            switch schema {
            case "mac_test_schema_v1.json": WycheproofMAC.run(root, into: &result)
            case "rsassa_pkcs1_verify_schema_v1.json": WycheproofRSA.run(root, into: &result, pss: false)
            case "rsassa_pss_verify_schema_v1.json": WycheproofRSA.run(root, into: &result, pss: true)
            case "json_web_signature_schema_v1.json", "json_web_key_schema_v1.json": WycheproofJOSE.run(root, into: &result)
            default:
                guard let count = root.int("numberOfTests") else {
                    throw VectorFileError("not a Wycheproof file (no \"schema\" and \"numberOfTests\")")
                }
                result.skip("schema \"\(schema)\" is not run: jose verifies JWS, RSA signatures and HMAC only", count: count)
            }
            if let count = root.int("numberOfTests"), count != result.cases {
                result.fileError("ran \(result.cases) cases, the file declares numberOfTests \(count)")
            }
        }
    }

    /// Runs every job, showing progress on a terminal.
    static func run(_ jobs: [Job]) -> [SuiteResult] {
        var results: [SuiteResult] = []
        for (index, job) in jobs.enumerated() {
            Terminal.progress("[\(index + 1)/\(jobs.count)] \(job.file)")
            var result = SuiteResult(name: job.name, file: job.file)
            if let data = FileManager.default.contents(atPath: job.url.path) {
                do {
                    try job.run(Array(data), &result)
                } catch {
                    result.fileError(error.description)
                }
                if result.cases == 0 { result.fileError("no test cases found") }
            } else {
                result.fileError("cannot read the file")
            }
            results.append(result)
        }
        Terminal.endProgress()
        return results
    }
}
