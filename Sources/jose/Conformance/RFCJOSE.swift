import JOSE

/// The JOSE vectors in `rfc/`: compact JWS examples (RFC 7515 A, RFC 7520 §4), key examples
/// (RFC 7517 A.1 and B, RFC 7520 §3) and the RFC 7638 thumbprint. Each file's members say what it
/// holds; each check is one case.
enum RFCJOSE {
    static let allAlgorithms = Set(JWSAlgorithm.allCases)

    /// Runs whichever checks the file's members call for.
    static func run(_ root: JSONValue, into result: inout SuiteResult) {
        var ran = false
        if root["jws_compact"] != nil { compact(root, into: &result); ran = true }
        if root["jwks"] != nil { keySet(root, into: &result); ran = true }
        if root["thumbprint_b64u"] != nil { thumbprint(root, into: &result); ran = true }
        if !ran, root["jwk"] != nil { key(root, into: &result); ran = true }
        if root["jws_flattened_json"] != nil || root["jws_general_json"] != nil {
            result.skip("JWS JSON Serialization (RFC 7515 §7.2) is not supported: compact only", count: 2)
        }
        if !ran { result.fileError("no member this runner knows (jws_compact, jwks, jwk, thumbprint_b64u)") }
    }

    static func jwks(_ jwk: JSONValue) throws(JOSEError) -> JWKSet {
        try JWKSet(json: #"{"keys":[\#(String(decoding: jwk.rawBytes, as: UTF8.self))]}"#)
    }

    /// A compact JWS: verifies with its key and algorithm (and as a JWT when the payload is one),
    /// a flipped signature character fails, every other algorithm is refused; `"expected": "invalid"`
    /// (alg none) is refused whatever is allowed.
    static func compact(_ root: JSONValue, into result: inout SuiteResult) {
        let file = result.file
        guard let token = root["jws_compact"]?.string else { return result.fileError("jws_compact is not a string") }
        if root["expected"]?.string == "invalid" {
            // No key is needed to refuse it: any set will do, the alg allowlist never contains "none".
            let secret = Base64URL.encode([UInt8](repeating: 0x5A, count: 64))
            let outcome = Result { () throws(JOSEError) in
                try JWS.verifyCompact(token, keys: try JWKSet(json: #"{"keys":[{"kty":"oct","k":"\#(secret)"}]}"#), algorithms: allAlgorithms)
            }
            if case .failure(let error) = outcome, error.code == .algNotAllowed {
                result.pass()
            } else {
                result.fail("\(file): an unsecured JWS must be refused with ERR_JOSE_ALG_NOT_ALLOWED, got \(outcome)")
            }
            return
        }
        guard let algName = root["alg"]?.string, let alg = JWSAlgorithm(rawValue: algName),
              let jwk = root["verification_jwk"] ?? root["jwk_public"] ?? root["jwk"] else {
            return result.fileError("no alg or verification key")
        }
        let keys: JWKSet
        do { keys = try jwks(jwk) } catch { return result.fileError("the key is refused: \(error)") }
        // 1. It verifies, and the payload is the file's.
        switch Result(catching: { () throws(JOSEError) in try JWS.verifyCompact(token, keys: keys, algorithms: [alg]) }) {
        case .success(let verified):
            let payload = root["payload_b64u"]?.string.flatMap { try? Base64URL.decode($0) }
            result.check(payload == nil || payload == verified.payload, "\(file): verified, but the payload differs from payload_b64u")
        case .failure(let error):
            result.fail("\(file): \(alg) token rejected: \(error)")
        }
        // 2. A flipped character in the signature fails.
        var characters = Array(token)
        let position = characters.count - 3
        characters[position] = characters[position] == "A" ? "B" : "A"
        let tampered = Result { () throws(JOSEError) in try JWS.verifyCompact(String(characters), keys: keys, algorithms: [alg]) }
        if case .failure(let error) = tampered, error.code == .jwsSignatureVerificationFailed {
            result.pass()
        } else {
            result.fail("\(file): a tampered signature must fail with ERR_JWS_SIGNATURE_VERIFICATION_FAILED, got \(tampered)")
        }
        // 3. Every other algorithm is refused.
        let others = Result { () throws(JOSEError) in try JWS.verifyCompact(token, keys: keys, algorithms: allAlgorithms.subtracting([alg])) }
        if case .failure(let error) = others, error.code == .algNotAllowed { result.pass() } else {
            result.fail("\(file): with \(alg) not allowed the token must be refused with ERR_JOSE_ALG_NOT_ALLOWED, got \(others)")
        }
        // 4. As a JWT with an "exp": valid just before it, expired at it (RFC 7519 §4.1.4).
        if let payload = root["payload_utf8"]?.string, let claims = try? JSONDocument(payload).root, let exp = claims.number("exp") {
            let before = Result { () throws(JOSEError) in
                try JWT.verify(token, keys: keys, options: JWTVerifyOptions(algorithms: [alg], clock: .fixed(exp - 1)))
            }
            let at = Result { () throws(JOSEError) in
                try JWT.verify(token, keys: keys, options: JWTVerifyOptions(algorithms: [alg], clock: .fixed(exp)))
            }
            var expired = false
            if case .failure(let error) = at, error.code == .jwtExpired { expired = true }
            result.check((try? before.get()) != nil && expired, "\(file): as a JWT it must verify before exp \(exp) and fail with ERR_JWT_EXPIRED at it")
        }
    }

    /// A JWK Set: it parses, with the expected keys in order; keys this library cannot use are kept
    /// and reported unusable rather than failing the set.
    static func keySet(_ root: JSONValue, into result: inout SuiteResult) {
        let file = result.file
        guard let jwks = root["jwks"] else { return }
        do {
            let set = try JWKSet(json: String(decoding: jwks.rawBytes, as: UTF8.self))
            let expected = root["expected"]?.array("keys") ?? []
            result.check(set.keys.count == (root["expected"]?.int("key_count") ?? set.keys.count),
                         "\(file): \(set.keys.count) keys parsed")
            for (index, want) in expected.enumerated() {
                let key = index < set.keys.count ? set.keys[index] : nil
                result.check(key?.keyID == want["kid"]?.string && key?.keyType == want["kty"]?.string,
                             "\(file): key \(index) is not kid \(want["kid"]?.string ?? "-") kty \(want["kty"]?.string ?? "-")")
            }
        } catch {
            result.fail("\(file): the JWK Set is refused: \(error)")
        }
    }

    /// RFC 7638 §3.1: the canonical members and the thumbprint.
    static func thumbprint(_ root: JSONValue, into result: inout SuiteResult) {
        let file = result.file
        do {
            guard let jwkValue = root["jwk"] else { return result.fileError("no jwk") }
            let jwk = try JWK(jwkValue)
            result.check(jwk.thumbprintInput() == root["required_members_json"]?.string, "\(file): canonical members differ")
            result.check(try jwk.thumbprint() == root["thumbprint_b64u"]?.string, "\(file): thumbprint differs")
        } catch {
            result.fail("\(file): \(error)")
        }
    }

    /// A single JWK with "expected" properties: kty, kid, use, alg, sizes; private keys must not
    /// be usable for verification.
    static func key(_ root: JSONValue, into result: inout SuiteResult) {
        guard let jwkValue = root["jwk"] else { return }
        let file = result.file
        do {
            let jwk = try JWK(jwkValue)
            let expected = root["expected"]
            if let kty = expected?["kty"]?.string { result.check(jwk.keyType == kty, "\(file): kty \(jwk.keyType), expected \(kty)") }
            if let kid = expected?["kid"]?.string { result.check(jwk.keyID == kid, "\(file): kid differs") }
            if let use = expected?["use"]?.string { result.check(jwk.use == use, "\(file): use differs") }
            if let alg = expected?["alg"]?.string { result.check(jwk.algorithm == alg, "\(file): alg differs") }
            switch jwk.material {
            case .rsa(let key):
                if let octets = expected?.int("n_octets") { result.check(key.modulusByteCount == octets, "\(file): n is \(key.modulusByteCount) octets") }
                if let e = expected?.int("e_int") { result.check(key.exponent == UInt64(e), "\(file): e is \(key.exponent)") }
            case .symmetric(let secret):
                if let octets = expected?.int("k_octets") { result.check(secret.byteCount == octets, "\(file): k is \(secret.byteCount) octets") }
                if let hex = expected?["k_hex"]?.string, let k = jwkValue["k"]?.string {
                    result.check((try? Base64URL.decode(k)).map(Hex.encode) == hex, "\(file): k decodes to other bytes")
                }
            case .unusable(let reason):
                result.fail("\(file): the key is unusable: \(reason)")
            }
            if jwk.hasPrivateMembers {
                var refused = false
                if case .failure = jwk.usableKey(for: .rs256) { refused = true }
                result.check(refused, "\(file): a JWK with private members must not be usable for verification")
            } else if jwk.keyType == "RSA" {
                var usable = false
                if case .success = jwk.usableKey(for: .rs256) { usable = true }
                result.check(usable || jwk.algorithm != nil, "\(file): the public key is not usable for RS256")
            }
        } catch {
            result.fail("\(file): the JWK is refused: \(error)")
        }
    }
}
