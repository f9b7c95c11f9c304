/// The JOSE Protected Header of a compact JWS (RFC 7515 §4), parsed strictly and kept as the
/// validated JSON document: members are read on demand, without copying the header.
public struct JWSHeader: Sendable {
    /// The validated header JSON (decoded from the first part of the token).
    public let document: JSONDocument
    /// The `alg` (RFC 7515 §4.1.1), already checked against the caller's allowlist when the header
    /// comes from a verification.
    public let algorithm: JWSAlgorithm

    /// The header as a JSON object.
    public var json: JSONValue { document.root }

    /// `kid` (RFC 7515 §4.1.4), when present.
    public var keyID: String? { json.member("kid")?.string }

    /// `typ` (RFC 7515 §4.1.9), when present.
    public var type: String? { json.member("typ")?.string }

    /// `cty` (RFC 7515 §4.1.10), when present.
    public var contentType: String? { json.member("cty")?.string }

    /// Any header member by name.
    public subscript(name: String) -> JSONValue? { json[name] }
}

extension JSONDocument {
    /// Parses JSON for a JOSE structure, turning a JSON error into a ``JOSEError`` that names `what`.
    static func parseForJOSE(_ bytes: [UInt8], what: String, code: JOSEError.Code = .jsonInvalid) throws(JOSEError) -> JSONDocument {
        do {
            return try JSONDocument(bytes: bytes)
        } catch {
            throw JOSEError(code, "the \(what) is not valid JSON: \(error)")
        }
    }
}
