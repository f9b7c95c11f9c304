import Foundation
import Testing

@Suite struct ConformanceTests {
    /// Every suite under Vectors/ passes through the public API; the JSON report has the documented shape.
    @Test func allShippedVectorsPass() throws {
        let output = try Jose.run(["conformance", "--json"], timeout: 300)
        #expect(output.status == 0, "\(output)")
        let report = try output.json()
        #expect(Set(report.keys) == ["suites", "cases", "passed", "failed", "skipped"], "shape: \(report.keys)")
        let suites = try #require(report["suites"] as? [[String: Any]])
        #expect(suites.count >= 40, "every vector file is a suite: \(suites.count)")
        var sums = (0, 0, 0, 0)
        for suite in suites {
            for key in ["name", "file", "cases", "passed", "failed", "skipped", "skip_reasons"] {
                #expect(suite[key] != nil, "suite \(suite["file"] ?? "?") has \(key)")
            }
            let cases = suite["cases"] as? Int ?? -1, passed = suite["passed"] as? Int ?? -1
            let failed = suite["failed"] as? Int ?? -1, skipped = suite["skipped"] as? Int ?? -1
            #expect(cases > 0 && cases == passed + failed + skipped, "\(suite["file"] ?? "?"): counts add up")
            #expect(failed == 0, "\(suite["file"] ?? "?"): \(output.err)")
            #expect((suite["skip_reasons"] as? [String])?.isEmpty == (skipped == 0), "\(suite["file"] ?? "?"): skips have reasons")
            sums.0 += cases; sums.1 += passed; sums.2 += failed; sums.3 += skipped
        }
        #expect(report["cases"] as? Int == sums.0 && report["passed"] as? Int == sums.1, "totals")
        #expect(report["failed"] as? Int == 0 && report["skipped"] as? Int == sums.3, "totals")
        let files = Set(suites.compactMap { $0["file"] as? String })
        for file in ["nist/SHA256ShortMsg.rsp", "nist/SHA512Monte.rsp", "nist/HMAC.rsp", "nist/SigVer15_186-3.rsp", "nist/SigVerPSS_186-3.rsp",
                     "rfc/rfc4231_hmac.json", "wycheproof/hmac_sha256_test.json", "wycheproof/rsa_signature_2048_sha256_test.json",
                     "wycheproof/rsa_pss_misc_test.json", "wycheproof/json_web_signature_test.json", "wycheproof/json_web_key_test.json",
                     "rfc/rfc7515_A.1_hs256.json", "rfc/rfc7638_3.1_thumbprint.json"] {
            #expect(files.contains(file), "\(file) is run")
        }
        let jws = try #require(suites.first { $0["file"] as? String == "wycheproof/json_web_signature_test.json" })
        #expect(jws["cases"] as? Int == 401, "every Wycheproof JWS test is counted")
        #expect((jws["skip_reasons"] as? [String])?.allSatisfy { $0.contains("not supported") } == true, "\(jws)")
    }

    @Test func tableOnStandardOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Jose.vector("rfc/rfc4231_hmac.json"), toPath: folder.appendingPathComponent("rfc4231_hmac.json").path)
        let output = try Jose.run(["conformance", "--vectors", folder.path])
        #expect(output.status == 0, "\(output)")
        #expect(output.out.contains("SUITE") && output.out.contains("rfc4231_hmac.json") && output.out.contains("21"), "\(output)")
        #expect(output.out.contains("conformance: 21 passed, 0 skipped, 0 failed"), "\(output)")
        #expect(!output.err.contains("[1/1]"), "no progress line when stderr is not a terminal: \(output)")
    }

    /// A newer Wycheproof file of the same format, here one whose expectation we flipped: the
    /// failure names the file and the tcId, and the exit status is 1.
    @Test func failuresNameTheCaseAndExitOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try Jose.vectorText("wycheproof/hmac_sha256_test.json")
        let range = try #require(text.range(of: #""result" : "valid""#) ?? text.range(of: #""result": "valid""#), "a valid case to flip")
        text.replaceSubrange(range, with: #""result" : "invalid""#)
        try Data(text.utf8).write(to: folder.appendingPathComponent("hmac_sha256_test.json"))
        let output = try Jose.run(["conformance", "--vectors", folder.path, "--json"])
        #expect(output.status == 1, "\(output)")
        let report = try output.json()
        #expect(report["failed"] as? Int == 1, "\(output)")
        let suite = try #require((report["suites"] as? [[String: Any]])?.first)
        #expect(Set(suite.keys) == ["name", "file", "cases", "passed", "failed", "skipped", "skip_reasons"], "shape: \(suite.keys)")
        #expect(output.err.contains("failed: ") && output.err.contains("hmac_sha256_test.json tcId 1"), "failures on stderr: \(output)")
        let table = try Jose.run(["conformance", "--vectors", folder.path])
        #expect(table.status == 1 && table.out.contains("failures:") && table.out.contains("tcId 1"), "\(table)")
    }

    @Test func unknownWycheproofSchemaIsSkippedWithReason() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"algorithm":"XDH","schema":"xdh_comp_schema_v1.json","numberOfTests":3,"testGroups":[]}"#.utf8)
            .write(to: folder.appendingPathComponent("x25519_test.json"))
        let output = try Jose.run(["conformance", "--vectors", folder.path, "--json"])
        #expect(output.status == 0, "\(output)")
        let suite = try #require((try output.json()["suites"] as? [[String: Any]])?.first)
        #expect(suite["skipped"] as? Int == 3, "\(suite)")
        #expect((suite["skip_reasons"] as? [String])?.first?.contains("xdh_comp_schema_v1.json") == true, "\(suite)")
    }

    @Test func malformedVectorFileFails() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("broken_test.json"))
        let output = try Jose.run(["conformance", "--vectors", folder.path])
        #expect(output.status == 1 && output.out.contains("broken_test.json: not valid JSON"), "\(output)")
    }

    @Test func vectorsFolderProblems() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Jose.run(["conformance", "--vectors", folder.appendingPathComponent("nope").path])
        #expect(missing.status == 2 && missing.err.contains("does not exist"), "\(missing)")
        let empty = try Jose.run(["conformance", "--vectors", folder.path])
        #expect(empty.status == 2 && empty.err.contains("no vector files"), "\(empty)")
    }

    /// Without --vectors, Vectors/ is found above the current directory, or above the executable.
    @Test func findsVectorsByDefault() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromRepository = try Jose.run(["conformance", "--json"], directory: Jose.root.appendingPathComponent("Vectors/rfc"), timeout: 300)
        #expect(fromRepository.status == 0, "\(fromRepository.err)")
        let fromElsewhere = try Jose.run(["conformance", "--json"], directory: folder, timeout: 300)
        #expect(fromElsewhere.status == 0, "found next to the executable: \(fromElsewhere.err)")
        #expect(try fromElsewhere.json()["cases"] as? Int == (try fromRepository.json()["cases"] as? Int))
    }
}
