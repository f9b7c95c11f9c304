/// The aligned text table jose-bench prints to stdout.
enum Table {
    /// Renders `measurements`; the OpenSSL columns appear when `withOpenSSL` is set.
    static func render(_ measurements: [Measurement], withOpenSSL: Bool) -> String {
        var header = ["case", "median", "p99", "ops/s", "allocs/op", "MB/s"]
        if withOpenSSL { header += ["OpenSSL ops/s", "OpenSSL time", "ratio"] }
        header.append("notes")
        var rows = [header]
        for m in measurements {
            var row = [
                m.name,
                Format.duration(m.medianNanoseconds),
                Format.duration(m.p99Nanoseconds),
                Format.rate(m.operationsPerSecond),
                Format.fixed(m.allocationsPerOperation, 2),
                m.inputBytes.map { Format.short(m.operationsPerSecond * Double($0) / 1e6) } ?? "-",
            ]
            if withOpenSSL {
                if let figure = m.openssl, let ratio = m.ratioVsOpenSSL {
                    row += [Format.rate(figure.operationsPerSecond), Format.duration(figure.nanosecondsPerOperation),
                            Format.fixed(ratio, 2) + "x"]
                } else {
                    row += ["-", "-", "-"]
                }
            }
            var notes: [String] = []
            if m.pairedRatios.count > 1, let low = m.pairedRatios.min(), let high = m.pairedRatios.max() {
                notes.append("\(m.pairedRatios.count) pairs: \(Format.fixed(low, 2))-\(Format.fixed(high, 2))x")
            }
            if let threads = m.threads, let scaling = m.scaling {
                notes.append("\(threads) threads = \(Format.fixed(scaling, 2))x 1 thread")
            }
            row.append(notes.joined(separator: "; "))
            rows.append(row)
        }
        return align(rows)
    }

    /// Left-aligns the first and last columns, right-aligns the numbers, two spaces between.
    private static func align(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == columns - 1 ? cell + padding : padding + cell
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
            if index == 0 {
                lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (columns - 1)))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
