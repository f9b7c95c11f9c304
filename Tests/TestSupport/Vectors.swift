import CAVP
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

extension RSPFile {
    /// Reads and parses `Vectors/<relativePath>`.
    public static func load(_ relativePath: String, contextKeys: Set<String> = []) throws -> RSPFile {
        RSPFile(text: try Vectors.text(relativePath), contextKeys: contextKeys)
    }
}
