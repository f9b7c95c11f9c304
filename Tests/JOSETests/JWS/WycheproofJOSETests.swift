import Foundation
import Testing
import TestSupport
import JOSE

/// Wycheproof `json_web_signature_test.json` and `json_web_key_test.json`: every test runs through the
/// public API. Decisions on disputed cases are written next to them; unsupported algorithms must be
/// rejected, and are counted, never silently skipped.
@Suite struct WycheproofJOSETests {
    struct TestFile: Decodable {
        let numberOfTests: Int
        let testGroups: [Group]
    }
    struct Group: Decodable {
        let comment: String?
        let `public`: AnyJSON?
        let `private`: AnyJSON?
        let tests: [Case]
    }
    struct Case: Decodable {
        let tcId: Int
        let comment: String
        let jws: String
        let result: String
    }
    /// Any JSON value, kept as its serialized text.
    struct AnyJSON: Decodable {
        let text: String
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            let value = try container.decode(JSONAny.self)
            text = TestTokens.json(value.object)
        }
    }

    /// tcIds whose expected result we deliberately do not follow, with the reason.
    static let decisions: [Int: String] = [
        372: "a '?' inserted into the base64url header: Wycheproof expects lenient decoders to accept it; this library decodes base64url strictly (RFC 7515 §2) and rejects it",
        373: "a '?' inserted into the base64url payload: rejected by strict base64url decoding (RFC 7515 §2), as for 372",
        346: "RFC 7520 Figure 20 is a PS384 token, but Wycheproof's copy of the key says \"alg\": \"PS256\"; a JWK's alg binds the key to that one algorithm (RFC 7517 §4.4), so it is refused",
        350: "as 346, with key_ops: the key's \"alg\" is PS256 and the token is PS384: refused",
    ]

    /// tcIds expected invalid whose text is byte-identical to a correctly signed token (the padding the
    /// name speaks of is not in the file): they verify. The padded forms are checked separately below.
    static let acceptedDespiteExpectation: [Int: String] = [
        367: "invalidBase64Padding: the vector's JWS carries no padding and equals a correctly signed token",
        370: "invalidBase64PaddingInPayload: as 367",
    ]

    /// What is not supported, and so must be rejected whatever Wycheproof expects.
    static func unsupportedReason(_ jws: String) -> String? {
        if jws.hasPrefix("{") { return "JWS JSON Serialization (RFC 7515 §7.2) is not supported: compact only" }
        let header = (try? JWS.decodeProtectedHeaderUnverified(jws))?.root["alg"]?.string ?? ""
        if header.hasPrefix("ES") || header == "EdDSA" { return "\(header) (ECDSA/EdDSA) is not supported" }
        return nil
    }

    func run(file: String) throws -> (passed: Int, unsupported: [String]) {
        let suite = try Vectors.json(TestFile.self, file)
        var count = 0
        var passed = 0
        var unsupported: [String] = []
        let algorithms = Set(JWSAlgorithm.allCases)
        for group in suite.testGroups {
            let keyText = (group.public ?? group.private)?.text ?? "{}"
            let keySetText = keyText.contains("\"keys\"") ? keyText : #"{"keys":[\#(keyText)]}"#
            let keys = joseResult { () throws(JOSEError) in try JWKSet(json: keySetText) }
            for test in group.tests {
                count += 1
                let outcome: Result<JWS.Verified, JOSEError>
                switch keys {
                case .failure(let error): outcome = .failure(error)
                case .success(let set):
                    outcome = joseResult { () throws(JOSEError) in try JWS.verifyCompact(test.jws, keys: set, algorithms: algorithms) }
                }
                let accepted = (try? outcome.get()) != nil
                let label = "\(file) tcId \(test.tcId) (\(group.comment ?? ""), \(test.comment))"
                if let reason = Self.unsupportedReason(test.jws) {
                    #expect(!accepted, "\(label): unsupported (\(reason)) must be rejected")
                    if test.result == "valid" { unsupported.append("tcId \(test.tcId): \(reason)") }
                    if !accepted { passed += 1 }
                    continue
                }
                if let decision = Self.acceptedDespiteExpectation[test.tcId] {
                    #expect(accepted, "\(label): \(decision)")
                    if accepted { passed += 1 }
                    // The intent of the vector: the same token with '=' padding must be refused.
                    let parts = test.jws.split(separator: ".").map(String.init)
                    for padded in [parts[0] + "=." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "==." + parts[2]] {
                        if case .success(let set) = keys {
                            let result = joseResult { () throws(JOSEError) in try JWS.verifyCompact(padded, keys: set, algorithms: algorithms) }
                            #expect((try? result.get()) == nil, "\(label): padded form \(padded) must be refused")
                        }
                    }
                    continue
                }
                if let decision = Self.decisions[test.tcId] {
                    #expect(!accepted, "\(label): \(decision)")
                    if !accepted { passed += 1 }
                    continue
                }
                switch test.result {
                case "valid":
                    #expect(accepted, "\(label): expected valid, got \(outcome)")
                    if accepted { passed += 1 }
                case "invalid":
                    #expect(!accepted, "\(label): expected invalid, but it verified")
                    if !accepted { passed += 1 }
                default:
                    Issue.record("\(label): unknown result \(test.result)")
                }
            }
        }
        #expect(count == suite.numberOfTests, "\(file): ran \(count) of \(suite.numberOfTests) tests")
        return (passed, unsupported)
    }

    @Test func jsonWebSignature() throws {
        let (passed, unsupported) = try run(file: "wycheproof/json_web_signature_test.json")
        #expect(passed == 401, "every test passes (unsupported ones by being rejected)")
        #expect(unsupported.count < 60, "valid vectors rejected as unsupported: \(unsupported.count)")
    }

    @Test func jsonWebKey() throws {
        let (passed, _) = try run(file: "wycheproof/json_web_key_test.json")
        #expect(passed == 26)
    }
}

/// Decodes arbitrary JSON (Foundation side, for test inputs).
struct JSONAny: Decodable {
    let object: Any
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { object = NSNull() }
        else if let b = try? container.decode(Bool.self) { object = b }
        else if let i = try? container.decode(Int.self) { object = i }
        else if let d = try? container.decode(Double.self) { object = d }
        else if let s = try? container.decode(String.self) { object = s }
        else if let a = try? container.decode([JSONAny].self) { object = a.map(\.object) }
        else { object = try container.decode([String: JSONAny].self).mapValues(\.object) }
    }
}

/// The result of a throwing JOSE call.
func joseResult<T>(_ body: () throws(JOSEError) -> T) -> Result<T, JOSEError> {
    do { return .success(try body()) } catch { return .failure(error) }
}
