/// The `--json FILE` document, issue 7's schema exactly:
/// `{"date", "machine", "swift", "results": [{"name", "median_ns", "p99_ns", "ops_per_sec",
/// "allocs_per_op", "input_bytes"?, "threads"?, "openssl_ns"?, "ratio_vs_openssl"?}]}`.
/// Optional members are omitted when they do not apply.
enum JSONReport {
    static func render(_ measurements: [Measurement], date: String, machine: String, swift: String) -> String {
        let results = measurements.map { m in
            var members = [
                "\"name\": \(quoted(m.name))",
                "\"median_ns\": \(Format.fixed(m.medianNanoseconds, 1))",
                "\"p99_ns\": \(Format.fixed(m.p99Nanoseconds, 1))",
                "\"ops_per_sec\": \(Format.fixed(m.operationsPerSecond, 1))",
                "\"allocs_per_op\": \(Format.fixed(m.allocationsPerOperation, 3))",
            ]
            if let bytes = m.inputBytes { members.append("\"input_bytes\": \(bytes)") }
            if let threads = m.threads { members.append("\"threads\": \(threads)") }
            if let figure = m.openssl, let ratio = m.ratioVsOpenSSL {
                members.append("\"openssl_ns\": \(Format.fixed(figure.nanosecondsPerOperation, 1))")
                members.append("\"ratio_vs_openssl\": \(Format.fixed(ratio, 4))")
            }
            return "    {" + members.joined(separator: ", ") + "}"
        }
        return """
            {
              "date": \(quoted(date)),
              "machine": \(quoted(machine)),
              "swift": \(quoted(swift)),
              "results": [
            \(results.joined(separator: ",\n"))
              ]
            }

            """
    }

    /// A JSON string literal (RFC 8259 §7).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
