import JOSE

/// Indented JSON for people. Scalars are written exactly as the document carries them (the raw
/// text of strings and numbers), so nothing is re-encoded or rounded; only layout changes.
enum JSONPretty {
    /// `value` indented by two spaces per level, starting at `indent`.
    static func render(_ value: JSONValue, indent: String = "") -> String {
        var out = ""
        append(value, indent: indent, to: &out)
        return out
    }

    private static func append(_ value: JSONValue, indent: String, to out: inout String) {
        let inner = indent + "  "
        switch value.kind {
        case .object:
            guard value.count > 0 else { out += "{}"; return }
            out += "{\n"
            var first = true
            for member in value.members {
                if !first { out += ",\n" }
                first = false
                out += inner + member.key.description + ": "
                append(member.value, indent: inner, to: &out)
            }
            out += "\n" + indent + "}"
        case .array:
            guard value.count > 0 else { out += "[]"; return }
            out += "[\n"
            var first = true
            for element in value.elements {
                if !first { out += ",\n" }
                first = false
                out += inner
                append(element, indent: inner, to: &out)
            }
            out += "\n" + indent + "]"
        default:
            out += value.description
        }
    }
}

/// Building the one-line JSON objects of `--json` output.
struct JSONObjectWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var empty = true

    private mutating func key(_ name: String) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        JSONString.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Adds `"name": <raw JSON>`; `raw` must already be valid JSON text.
    mutating func raw(_ name: String, _ raw: some Sequence<UInt8>) {
        key(name)
        bytes.append(contentsOf: raw)
    }

    mutating func string(_ name: String, _ value: String?) {
        key(name)
        if let value { JSONString.appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func bool(_ name: String, _ value: Bool) {
        raw(name, (value ? "true" : "false").utf8)
    }

    mutating func int(_ name: String, _ value: Int) {
        raw(name, String(value).utf8)
    }

    mutating func array(_ name: String, _ elements: [[UInt8]]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func object(_ name: String, _ object: JSONObjectWriter) {
        raw(name, object.finished)
    }

    /// The object's text.
    var finished: [UInt8] { bytes + [UInt8(ascii: "}")] }

    /// A JSON string literal.
    static func quoted(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONString.appendQuoted(s, to: &out)
        return out
    }
}
