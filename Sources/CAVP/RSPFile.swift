/// A NIST CAVP response file (.rsp): `[section]` headers, `key = value` lines, records separated by
/// blank lines, `#` comments, CRLF or LF line ends. Shared by `jose conformance` and the tests, which
/// read the same files from `Vectors/nist`.
public struct RSPFile: Sendable {
    /// One group of `key = value` lines.
    public struct Record: Sendable {
        /// The latest `[key = value]` header values, e.g. `["mod": "2048"]` or `["L": "32"]`.
        public var section: [String: String]
        /// Values of context keys (e.g. `n`, `e`) seen before the record.
        public var context: [String: String]
        /// The record's own `key = value` lines.
        public var fields: [String: String]
        /// 1-based line of the record's first field.
        public var line: Int
        /// A field of the record, else of the context.
        public subscript(key: String) -> String? { fields[key] ?? context[key] }
    }

    /// The records in file order.
    public private(set) var records: [Record] = []
    /// `# key: value` comment lines, e.g. `"Salt len": "10"`.
    public private(set) var comments: [String: String] = [:]

    /// Parses `bytes`. A line whose key is in `contextKeys` updates the running context instead of
    /// starting or extending a record.
    ///
    /// Lines are split on the byte 0x0A with a trailing 0x0D dropped: Swift treats "\r\n" as one
    /// `Character`, so splitting a `String` on "\n" would leave a CRLF file as a single line.
    public init(bytes: [UInt8], contextKeys: Set<String> = []) {
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

    /// Parses the UTF-8 of `text` (see ``init(bytes:contextKeys:)``).
    public init(text: String, contextKeys: Set<String> = []) {
        self.init(bytes: Array(text.utf8), contextKeys: contextKeys)
    }
}
