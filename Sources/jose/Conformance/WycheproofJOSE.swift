import JOSE

/// Wycheproof `json_web_signature_test.json` and `json_web_key_test.json` through `JWS.verifyCompact`,
/// with the decisions written in Tests/JOSETests/JWS/WycheproofJOSETests.swift.
enum WycheproofJOSE {
    /// tcIds whose expected result is deliberately not followed: they must be rejected.
    static let decisions: [Int: String] = [
        372: "'?' inserted into the base64url header: rejected by strict base64url decoding (RFC 7515 §2)",
        373: "'?' inserted into the base64url payload: rejected by strict base64url decoding (RFC 7515 §2)",
        346: "PS384 token with a key whose \"alg\" is PS256: the key is bound to PS256 (RFC 7517 §4.4), refused",
        350: "as 346, with key_ops: the key's \"alg\" is PS256 and the token is PS384, refused",
    ]

    /// tcIds expected invalid whose text is byte-identical to a correctly signed token: they verify,
    /// and the padded forms their names speak of must be refused.
    static let acceptedDespiteExpectation: [Int: String] = [
        367: "invalidBase64Padding: the JWS carries no padding and equals a correctly signed token",
        370: "invalidBase64PaddingInPayload: as 367",
    ]

    /// What the library does not support, and so must reject whatever Wycheproof expects.
    static func unsupportedReason(_ jws: String) -> String? {
        if jws.hasPrefix("{") { return "JWS JSON Serialization (RFC 7515 §7.2) is not supported: compact only; rejected" }
        let alg = (try? JWS.decodeProtectedHeaderUnverified(jws))?.root["alg"]?.string ?? ""
        if alg.hasPrefix("ES") || alg == "EdDSA" { return "\(alg) (ECDSA/EdDSA) is not supported; rejected" }
        return nil
    }

    static func run(_ root: JSONValue, into result: inout SuiteResult) {
        let algorithms = Set(JWSAlgorithm.allCases)
        for group in root.array("testGroups") {
            let keyValue = group["public"] ?? group["private"]
            let keyText = keyValue.map { String(decoding: $0.rawBytes, as: UTF8.self) } ?? "{}"
            let keySetText = keyValue?["keys"] != nil ? keyText : #"{"keys":[\#(keyText)]}"#
            let keys: Result<JWKSet, JOSEError> = Result { () throws(JOSEError) in try JWKSet(json: keySetText) }
            func verify(_ jws: String) -> Bool {
                guard case .success(let set) = keys else { return false }
                return (try? JWS.verifyCompact(jws, keys: set, algorithms: algorithms)) != nil
            }
            for test in group.array("tests") {
                let tcId = test.int("tcId") ?? -1
                let label = "\(result.file) tcId \(tcId) (\(group["comment"]?.string ?? ""), \(test["comment"]?.string ?? ""))"
                guard let jws = test["jws"]?.string ?? test["jws"].map({ String(decoding: $0.rawBytes, as: UTF8.self) }) else {
                    result.fail("\(label): no jws member")
                    continue
                }
                let accepted = verify(jws)
                if let reason = unsupportedReason(jws) {
                    if accepted { result.fail("\(label): unsupported (\(reason)) but it verified") } else { result.skip(reason) }
                    continue
                }
                if let decision = acceptedDespiteExpectation[tcId] {
                    let parts = jws.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    let padded = parts.count == 3
                        ? [parts[0] + "=." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "==." + parts[2]] : []
                    let paddedRefused = !padded.isEmpty && padded.allSatisfy { !verify($0) }
                    result.check(accepted && paddedRefused, "\(label): \(decision); accepted \(accepted), padded forms refused \(paddedRefused)")
                    continue
                }
                if let decision = decisions[tcId] {
                    result.check(!accepted, "\(label): \(decision), but it verified")
                    continue
                }
                switch test["result"]?.string {
                case "valid": result.check(accepted, "\(label): expected valid, rejected (\(failure(jws, keys)))")
                case "invalid": result.check(!accepted, "\(label): expected invalid, but it verified")
                case let other: result.skip("result \"\(other ?? "none")\" has no written decision")
                }
            }
        }
    }

    /// Why a valid vector was rejected, for the failure message.
    private static func failure(_ jws: String, _ keys: Result<JWKSet, JOSEError>) -> String {
        switch keys {
        case .failure(let error): return error.description
        case .success(let set):
            do {
                _ = try JWS.verifyCompact(jws, keys: set, algorithms: Set(JWSAlgorithm.allCases))
                return "verified on retry"
            } catch {
                return error.description
            }
        }
    }
}
