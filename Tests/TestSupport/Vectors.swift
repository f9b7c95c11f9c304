import Foundation

/// Locating and reading the test vectors under the repository's `Vectors/` folder.
public enum Vectors {
    /// `<repo>/Vectors`, found from this file's path so tests run from any working directory.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Vectors")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
                return candidate
            }
        }
        return URL(fileURLWithPath: "Vectors")
    }()

    /// The bytes of `Vectors/<relativePath>`; a missing file is a test failure with its path named.
    public static func data(_ relativePath: String) throws -> Data {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VectorError("missing vector file \(url.path)")
        }
        return data
    }

    /// The text of `Vectors/<relativePath>`.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    /// A JSON vector file decoded into `T`.
    public static func json<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
        try JSONDecoder().decode(T.self, from: try data(relativePath))
    }
}

public struct VectorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Lowercase or uppercase hex to bytes; odd length or a non-hex digit is an error naming the text.
public func hexBytes(_ hex: String) throws -> [UInt8] {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0 else { throw VectorError("odd-length hex: \(hex.prefix(40))") }
    func nibble(_ c: UInt8) throws -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: throw VectorError("bad hex digit in \(hex.prefix(40))")
        }
    }
    var out = [UInt8]()
    out.reserveCapacity(digits.count / 2)
    var i = 0
    while i < digits.count {
        out.append(try nibble(digits[i]) << 4 | nibble(digits[i + 1]))
        i += 2
    }
    return out
}

/// Bytes to lowercase hex.
public func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// A NIST CAVP response file (.rsp): `[section]` headers, `key = value` lines, records separated by
/// blank lines, `#` comments, CRLF or LF.
public struct RSPFile {
    public struct Record {
        /// The most recent `[...]` header lines before this record, e.g. `["L=32"]` or `["mod = 2048"]`.
        public var section: [String: String]
        /// Header-level `key = value` lines that apply to following records (e.g. `n`, `e` in SigGen files).
        public var context: [String: String]
        public var fields: [String: String]
        /// 1-based line of the record's first field, for failure messages.
        public var line: Int
        public subscript(key: String) -> String? { fields[key] ?? context[key] }
    }

    public var records: [Record] = []

    /// Parses the file. Records are groups of `key = value` lines; a lone group of keys listed in
    /// `contextKeys` (e.g. `n`, `e`, `SHAAlg`... as they appear) updates the running context instead.
    ///
    /// Lines are split on the byte 0x0A with a trailing 0x0D dropped: Swift treats "\r\n" as one
    /// `Character`, so splitting the `String` on "\n" would leave a CRLF file as a single line.
    public init(text: String, contextKeys: Set<String> = []) {
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
        func trimmed(_ s: Substring.UTF8View) -> String {
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let first = s.firstIndex(where: { !isSpace($0) }),
                  let last = s.lastIndex(where: { !isSpace($0) }) else { return "" }
            return String(decoding: s[first...last], as: UTF8.self)
        }
        func keyValue(_ line: String) -> (String, String)? {
            let bytes = Substring(line).utf8
            guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            return (trimmed(bytes[..<eq]), trimmed(bytes[bytes.index(after: eq)...]))
        }
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = trimmed(rawLine)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                flush()
                let inner = String(line.dropFirst().dropLast())
                for part in inner.split(separator: ",") {
                    if let (key, value) = keyValue(String(part)) { section[key] = value } else { section[String(part)] = "" }
                }
                continue
            }
            guard let (key, value) = keyValue(line) else { continue }
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

    /// Reads and parses `Vectors/<relativePath>`.
    public static func load(_ relativePath: String, contextKeys: Set<String> = []) throws -> RSPFile {
        RSPFile(text: try Vectors.text(relativePath), contextKeys: contextKeys)
    }
}
