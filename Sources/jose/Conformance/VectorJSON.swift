import JOSE

/// Vector files are read with the library's own strict JSON parser (RFC 8259), with room for large
/// Wycheproof files.
enum VectorJSON {
    static let limits = JSONLimits(maxBytes: 64 << 20, maxDepth: 64)

    static func parse(_ bytes: [UInt8]) throws(VectorFileError) -> JSONValue {
        do {
            return try JSONDocument(bytes: bytes, limits: limits).root
        } catch {
            throw VectorFileError("not valid JSON: \(error)")
        }
    }
}

extension JSONValue {
    /// The string member `name`, or an error naming it.
    func requiredString(_ name: String) throws(VectorFileError) -> String {
        guard let value = self[name]?.string else { throw VectorFileError("no string member \"\(name)\"") }
        return value
    }

    /// The integer member `name`, if present.
    func int(_ name: String) -> Int? {
        self[name]?.int64.map { Int($0) }
    }

    /// The elements of the array member `name` (none when absent).
    func array(_ name: String) -> [JSONValue] {
        self[name].map { Array($0.elements) } ?? []
    }

    /// The strings of the array member `name`.
    func strings(_ name: String) -> [String] {
        self[name]?.elements.compactMap(\.string) ?? []
    }
}
