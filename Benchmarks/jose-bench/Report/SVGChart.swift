/// The `--svg FILE` chart: per case, a bar for our rate and one for OpenSSL's, each row scaled to
/// its faster bar (rates differ by 10^4 between cases), with the ratio at the right. Self-contained:
/// no scripts, fonts or external references.
enum SVGChart {
    static func render(_ measurements: [Measurement], date: String, machine: String, swift: String, openssl: String?, timing: String) -> String {
        let width = 1000.0
        let barX = 270.0, barWidth = 520.0, ratioX = 810.0
        let top = 118.0, rowHeight = 60.0, barHeight = 18.0
        let height = top + rowHeight * Double(measurements.count) + 56
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="20" y="32" font-size="20" font-weight="bold" fill="#1a202c">jose-bench: our rate against openssl speed</text>
            <text x="20" y="54" fill="#4a5568">Operations per second, longer is faster; each row is scaled to its faster bar.</text>
            <text x="20" y="74" fill="#4a5568">\(escape("\(date) · \(machine) · Swift \(swift)" + (openssl.map { " · \($0)" } ?? "")))</text>
            <rect x="20" y="88" width="14" height="14" fill="\(ours)"/>
            <text x="40" y="100" fill="#1a202c">jose (pure Swift)</text>
            <rect x="180" y="88" width="14" height="14" fill="\(theirs)"/>
            <text x="200" y="100" fill="#1a202c">OpenSSL (openssl speed)</text>
            <text x="\(ratioX)" y="100" fill="#1a202c" font-weight="bold">ours / OpenSSL</text>

            """
        for (index, m) in measurements.enumerated() {
            let y = top + rowHeight * Double(index)
            let scale = max(m.operationsPerSecond, m.openssl?.operationsPerSecond ?? 0)
            svg += "<text x=\"20\" y=\"\(y + 25)\" font-family=\"monospace\" font-size=\"14\" fill=\"#1a202c\">\(escape(m.name))</text>\n"
            if let threads = m.threads {
                svg += "<text x=\"20\" y=\"\(y + 43)\" fill=\"#718096\">\(threads) threads, total rate</text>\n"
            }
            svg += bar(x: barX, y: y + 4, length: barWidth * m.operationsPerSecond / scale, height: barHeight,
                       color: ours, label: Format.rate(m.operationsPerSecond) + "/s")
            if let figure = m.openssl, let ratio = m.ratioVsOpenSSL {
                svg += bar(x: barX, y: y + 8 + barHeight, length: barWidth * figure.operationsPerSecond / scale,
                           height: barHeight, color: theirs, label: Format.rate(figure.operationsPerSecond) + "/s")
                let color = ratio >= 1 ? "#276749" : "#9c4221"
                svg += "<text x=\"\(ratioX)\" y=\"\(y + 30)\" font-size=\"16\" font-weight=\"bold\" fill=\"\(color)\">\(Format.fixed(ratio, 2))×</text>\n"
            } else {
                svg += "<text x=\"\(barX)\" y=\"\(y + 8 + barHeight + 13)\" fill=\"#718096\">no OpenSSL figure</text>\n"
            }
        }
        let footer = top + rowHeight * Double(measurements.count) + 24
        svg += """
            <text x="20" y="\(footer)" fill="#4a5568">ratio = our operations per second / OpenSSL's (above 1: faster). \
            OpenSSL: openssl speed -mr, same run. Timed by \(escape(timing)).</text>
            </svg>

            """
        return svg
    }

    private static let ours = "#2b6cb0"
    private static let theirs = "#a0aec0"

    /// A bar with its value written inside when it fits, after it otherwise.
    private static func bar(x: Double, y: Double, length: Double, height: Double, color: String, label: String) -> String {
        let length = max(length, 1)
        let inside = length >= 90
        let textX = inside ? x + 6 : x + length + 6
        let textColor = inside ? (color == ours ? "#ffffff" : "#1a202c") : "#1a202c"
        return """
            <rect x="\(x)" y="\(y)" width="\(Format.fixed(length, 1))" height="\(height)" rx="2" fill="\(color)"/>
            <text x="\(Format.fixed(textX, 1))" y="\(y + height - 5)" fill="\(textColor)">\(escape(label))</text>

            """
    }

    /// Escapes text for XML character data.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
