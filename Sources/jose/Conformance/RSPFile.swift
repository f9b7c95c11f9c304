/// A NIST CAVP response file (.rsp): `[section]` headers, `key = value` lines, records separated by
/// blank lines, `#` comments, CRLF or LF line ends.
struct RSPFile {
    struct Record {
        /// The latest `[key = value]` header values, e.g. `["mod": "2048"]` or `["L": "32"]`.
        var section: [String: String]
        /// Values of context keys (e.g. `n`, `e`) seen before the record.
        var context: [String: String]
        var fields: [String: String]
        /// 1-based line of the record's first field.
        var line: Int
        subscript(key: String) -> String? { fields[key] ?? context[key] }
    }

    private(set) var records: [Record] = []
    /// `# key: value` comment lines, e.g. `"Salt len": "10"`.
    private(set) var comments: [String: String] = [:]

    /// Parses `bytes`. A line whose key is in `contextKeys` updates the running context instead of
    /// starting or extending a record.
    init(bytes: [UInt8], contextKeys: Set<String> = []) {
        var section: [String: String] = [:]
        var context: [String: String] = [:]
        var current: [String: String] = [:]
        var firstLine = 0
        func flush() {
            if !current.isEmpty {
                records.append(Record(section: section, context: context, fields: current, line: firstLine))
                current = [:]
            }
        }
        func trimmed(_ s: ArraySlice<UInt8>) -> String {
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let first = s.firstIndex(where: { !isSpace($0) }),
                  let last = s.lastIndex(where: { !isSpace($0) }) else { return "" }
            return String(decoding: s[first...last], as: UTF8.self)
        }
        func split(_ line: String, at separator: Character) -> (String, String)? {
            guard let index = line.firstIndex(of: separator) else { return nil }
            let key = trimmed(ArraySlice(line[..<index].utf8))
            let value = trimmed(ArraySlice(line[line.index(after: index)...].utf8))
            return (key, value)
        }
        for (index, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = trimmed(rawLine)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                if let (key, value) = split(String(line.dropFirst()), at: ":") { comments[key] = value }
                continue
            }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                flush()
                for part in line.dropFirst().dropLast().split(separator: ",") {
                    if let (key, value) = split(String(part), at: "=") { section[key] = value } else {
                        section[trimmed(ArraySlice(part.utf8))] = ""
                    }
                }
                continue
            }
            guard let (key, value) = split(line, at: "=") else { continue }
            if contextKeys.contains(key) {
                flush()
                context[key] = value
                continue
            }
            if current.isEmpty { firstLine = index + 1 }
            current[key] = value
        }
        flush()
    }
}
