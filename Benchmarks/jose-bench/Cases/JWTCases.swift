import JOSE
import JOSECrypto

extension BenchCase {
    /// End-to-end `JWT.verify(token, keys:, options:)` (RFC 7519 §7.2) of authentik-style HS256 tokens
    /// (``AuthentikClaims``; about 1 KB, or about `tokenBytes` with a big claim) against a JWK Set of
    /// three `oct` keys where `kid` selects one, issuer and audience checked, a fixed clock.
    /// OpenSSL: `openssl speed -hmac sha256 -bytes <signing input length>`: the bare MAC of the same input.
    static func jwtHS256(name: String, tokenBytes: Int? = nil) -> BenchCase {
        let keyIDs = JWTCaseKeys.keyIDs(seed: 0x4853)
        let layout = tokenBytes.map {
            FixtureTokenLayout.sized(algorithm: .hs256, keyID: keyIDs[1], signatureBytes: 32, tokenBytes: $0)
        } ?? FixtureTokenLayout(algorithm: .hs256, keyID: keyIDs[1], signatureBytes: 32)
        return BenchCase(name: name, inputBytes: layout.signingInputLength,
                         openssl: .hmac("sha256", bytes: layout.signingInputLength)) {
            var generator = InputGenerator(seed: 0x4853_0000 + UInt64(layout.headBytes))
            // authentik signs HS256 with the client secret: 128 letters and digits.
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
            let secrets = keyIDs.map { _ in generator.bytes(128).map { alphabet[Int($0) % alphabet.count] } }
            let keys = try JWKSet(json: AuthentikJWKS.set(zip(secrets, keyIDs).map { AuthentikJWKS.octKey(secret: $0, keyID: $1, algorithm: "HS256") }))
            let tokens = try FixtureTokens.make(layout, signer: .hs256(secret: secrets[1]), seed: 0x4853_1000 + UInt64(layout.headBytes))
            return try JWTCaseKeys.workload(tokens: tokens, keys: keys, algorithm: .hs256, keyID: keyIDs[1])
        }
    }

    /// End-to-end `JWT.verify(token, keys:, options:)` of authentik-style RS256 or PS256 tokens (about
    /// 1.3 KB with a 2048-bit key) against a JWK Set of three RSA keys (2048, 3072 and 4096 bits, with
    /// authentik's `x5c`/`x5t` members) where `kid` selects the `bits`-bit one; issuer and audience
    /// checked, fixed clock. OpenSSL: `openssl speed rsaBITS` verify/s, the bare primitive (for PS256
    /// that is still a PKCS#1 v1.5 figure: OpenSSL's speed tool has no PSS verify).
    static func jwtRSA(name: String, algorithm: JWSAlgorithm, bits: Int) -> BenchCase {
        let keyIDs = JWTCaseKeys.keyIDs(seed: 0x5253 + UInt64(bits))
        let layout = FixtureTokenLayout(algorithm: algorithm, keyID: keyIDs[1], signatureBytes: bits / 8)
        return BenchCase(name: name, inputBytes: layout.signingInputLength, openssl: .rsaVerify(bits: bits)) {
            let fixture = try rsaFixture(algorithm: algorithm, bits: bits)
            return try JWTCaseKeys.workload(tokens: fixture.tokens, keys: try JWKSet(json: fixture.jwks),
                                            algorithm: algorithm, keyID: fixture.keyID)
        }
    }

    /// The inputs of ``jwtRSA(name:algorithm:bits:)``: the JWK Set text of three RSA keys (2048, 3072
    /// and 4096 bits) and tokens signed by the `bits`-bit one, whose `kid` is `keyID`.
    static func rsaFixture(algorithm: JWSAlgorithm, bits: Int) throws -> (jwks: String, tokens: [String], keyID: String) {
        let keyIDs = JWTCaseKeys.keyIDs(seed: 0x5253 + UInt64(bits))
        let layout = FixtureTokenLayout(algorithm: algorithm, keyID: keyIDs[1], signatureBytes: bits / 8)
        var generator = InputGenerator(seed: 0x5253_0000 + UInt64(bits))
        let sizes = [2048, 3072, 4096].filter { $0 != bits }
        var jwks: [String] = []
        var signer: FixtureRSASigner?
        for (position, size) in [sizes[0], bits, sizes[1]].enumerated() {
            let rsa = try FixtureRSASigner(FixtureRSAKey.of(bits: size))
            if position == 1 { signer = rsa }
            jwks.append(AuthentikJWKS.rsaKey(
                modulus: rsa.modulusBytes, exponent: rsa.exponentBytes, keyID: keyIDs[position], algorithm: algorithm.rawValue,
                certificate: AuthentikJWKS.fakeCertificate(count: 900 + size / 4, generator: &generator), generator: &generator))
        }
        guard let signer else { throw BenchError("no signer (fixture bug)") }
        let tokens = try FixtureTokens.make(layout, signer: algorithm == .ps256 ? .ps256(signer) : .rs256(signer),
                                            seed: 0x5253_1000 + UInt64(bits))
        return (AuthentikJWKS.set(jwks), tokens, keyIDs[1])
    }
}

/// What the JWT cases share.
enum JWTCaseKeys {
    /// Three authentik-style `kid`s (32 hex digits); the middle one signs.
    static func keyIDs(seed: UInt64) -> [String] {
        var generator = InputGenerator(seed: seed)
        return (0..<3).map { _ in AuthentikJWKS.keyID(&generator) }
    }

    /// The options a Grafana behind authentik would use: the allowlist, issuer, audience, fixed clock.
    static func options(_ algorithm: JWSAlgorithm) -> JWTVerifyOptions {
        JWTVerifyOptions(algorithms: [algorithm], issuers: [AuthentikClaims.issuer], audiences: [AuthentikClaims.clientID],
                         clock: .fixed(AuthentikClaims.now))
    }

    /// Times `JWT.verify` over `tokens`; validation checks each verified with the `kid` key and its claims.
    static func workload(tokens: [String], keys: JWKSet, algorithm: JWSAlgorithm, keyID: String) throws -> Workload {
        let options = options(algorithm)
        return try Workload(inputs: tokens, expect: { (verified: JWT.Verified) in
            verified.key.keyID == keyID && verified.claims.issuer == AuthentikClaims.issuer
                && verified.claims.audience == [AuthentikClaims.clientID] && verified.header.algorithm == algorithm
        }) { token in
            try JWT.verify(token, keys: keys, options: options)
        }
    }
}
