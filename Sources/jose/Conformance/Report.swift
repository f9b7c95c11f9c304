/// The conformance results as a table for people or one JSON object for scripts.
enum ConformanceReport {
    static func totals(_ results: [SuiteResult]) -> (cases: Int, passed: Int, failed: Int, skipped: Int) {
        results.reduce(into: (0, 0, 0, 0)) { sum, result in
            sum.0 += result.cases
            sum.1 += result.passed
            sum.2 += result.failed
            sum.3 += result.skipped
        }
    }

    /// `{"suites": [{"name", "file", "cases", "passed", "failed", "skipped", "skip_reasons": [...]}],
    /// "cases", "passed", "failed", "skipped"}`.
    static func json(_ results: [SuiteResult]) -> [UInt8] {
        let suites = results.map { result -> [UInt8] in
            var suite = JSONObjectWriter()
            suite.string("name", result.name)
            suite.string("file", result.file)
            suite.int("cases", result.cases)
            suite.int("passed", result.passed)
            suite.int("failed", result.failed)
            suite.int("skipped", result.skipped)
            suite.array("skip_reasons", result.skipReasonLines.map(JSONObjectWriter.quoted))
            return suite.finished
        }
        let total = totals(results)
        var object = JSONObjectWriter()
        object.array("suites", suites)
        object.int("cases", total.cases)
        object.int("passed", total.passed)
        object.int("failed", total.failed)
        object.int("skipped", total.skipped)
        return object.finished
    }

    /// The failure lines (each naming its file and case), for standard error next to `--json`.
    static func failureLines(_ results: [SuiteResult]) -> [String] {
        results.filter { $0.failed > 0 }.flatMap { result in
            result.failures + (result.failed > result.failures.count
                ? ["\(result.file): ... and \(result.failed - result.failures.count) more"] : [])
        }
    }

    static func table(_ results: [SuiteResult], folder: String) -> [String] {
        let header = ["SUITE", "FILE", "CASES", "PASSED", "FAILED", "SKIPPED"]
        let rows = results.map { [$0.name, $0.file, String($0.cases), String($0.passed), String($0.failed), String($0.skipped)] }
        let total = totals(results)
        let totalRow = ["total", "\(results.count) files", String(total.cases), String(total.passed), String(total.failed), String(total.skipped)]
        let widths = header.indices.map { column in ([header] + rows + [totalRow]).map { $0[column].count }.max() ?? 0 }
        func line(_ fields: [String]) -> String {
            fields.enumerated().map { index, field in
                index < 2 ? field.padding(widths[index]) : String(repeating: " ", count: widths[index] - field.count) + field
            }.joined(separator: "  ")
        }
        var lines = ["vectors: \(folder)", line(header)]
        for (result, row) in zip(results, rows) {
            let text = line(row)
            lines.append(result.failed > 0 ? Terminal.styled(text, .red) : text)
        }
        lines.append(line(totalRow))
        let skipped = results.filter { !$0.skipReasons.isEmpty }
        if !skipped.isEmpty {
            lines.append("")
            lines.append("skipped:")
            for result in skipped {
                result.skipReasonLines.forEach { lines.append("  \(result.file): \($0)") }
            }
        }
        let failed = results.filter { $0.failed > 0 }
        if !failed.isEmpty {
            lines.append("")
            lines.append(Terminal.styled("failures:", .red))
            failureLines(failed).forEach { lines.append("  \($0)") }
        }
        lines.append("")
        lines.append(total.failed == 0
            ? Terminal.styled("conformance: \(total.passed) passed, \(total.skipped) skipped, 0 failed", .green)
            : Terminal.styled("conformance: \(total.failed) FAILED, \(total.passed) passed, \(total.skipped) skipped", .red))
        return lines
    }
}
