import JOSE

/// RFC 4648 §10 vectors in base64url without padding (RFC 7515 §2), the derived alphabet cases, the
/// inputs every decoder must reject, and the policy choices this library makes strictly (padding and
/// non-zero pad bits are rejected, so every byte string has exactly one accepted encoding).
enum RFC4648 {
    static func run(_ root: JSONValue, into result: inout SuiteResult) {
        let file = result.file
        for list in ["rfc_vectors", "derived_alphabet_cases"] {
            for (index, vector) in root.array(list).enumerated() {
                let label = "\(file) \(list) #\(index)"
                do {
                    let bytes = try Hex.decode(try vector.requiredString("input_hex"))
                    let text = try vector.requiredString("base64url_nopad")
                    let decoded = try? Base64URL.decode(text)
                    result.check(Base64URL.encode(bytes) == text && decoded == bytes, "\(label): encode or decode of \"\(text)\" differs")
                } catch {
                    result.fail("\(label): \(error)")
                }
            }
        }
        for list in ["base64url_nopad_decode_must_reject", "base64url_nopad_decode_policy_choices"] {
            for (index, vector) in root.array(list).enumerated() {
                let input = vector["input"]?.string ?? ""
                let rejected = (try? Base64URL.decode(input)) == nil
                result.check(rejected, "\(file) \(list) #\(index) \(input.debugDescription): accepted (\(vector["why"]?.string ?? ""))")
            }
        }
    }
}
