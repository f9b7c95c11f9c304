import Testing
import TestSupport
import JOSE

/// Random and mutated tokens, headers, JWKs and key sets: every input ends in a value or a typed
/// error, never a trap. Seeded so a failure can be replayed (`JOSE_TEST_SEED`).
@Suite struct FuzzTests {
    @Test func mutatedTokensNeverCrash() throws {
        var rng = SeededRandom()
        let keys = try JWKSet(json: TestTokens.secretJWKS)
        let options = JWTVerifyOptions(algorithms: Set(JWSAlgorithm.allCases), clock: .fixed(1_700_000_000))
        let seeds = [
            TestTokens.hs256(["sub": "a", "exp": 1_800_000_000, "aud": ["x", "y"]]),
            TestTokens.hmac(headerJSON: #"{"alg":"HS256","crit":["b64"],"b64":true}"#, payloadJSON: #"{"a":[1,{"b":null}]}"#),
            "eyJhbGciOiJub25lIn0.e30.",
        ]
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n\u{0}é".utf8)
        var accepted = 0
        for iteration in 0..<3000 {
            var bytes = Array(seeds[iteration % seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty:
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = alphabet.randomElement(using: &rng) ?? 0
                case 1 where !bytes.isEmpty:
                    bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng))
                case 2:
                    bytes.insert(alphabet.randomElement(using: &rng) ?? 0, at: Int.random(in: 0...bytes.count, using: &rng))
                default:
                    bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
                }
            }
            let token = String(decoding: bytes, as: UTF8.self)
            if joseError({ () throws(JOSEError) in try JWT.verify(token, keys: keys, options: options) }) == nil {
                accepted += 1
            }
        }
        // A mutation can only be accepted if it left the token byte-identical to a valid one.
        #expect(accepted < 100, "seed \(rng.seed): \(accepted) mutated tokens verified")
    }

    @Test func randomJSONForEveryParser() {
        var rng = SeededRandom()
        let fragments = ["{", "}", "[", "]", "\"kty\"", "\"RSA\"", "\"oct\"", "\"k\"", "\"n\"", "\"e\"", "\"AQAB\"", ":", ",",
                         "\"keys\"", "1", "-0", "1e999", "true", "null", "\"\\u0000\"", "\"\\ud800\"", "\"kid\"", " ", "\u{FEFF}"]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...24, using: &rng)
            let text = (0..<count).map { _ in fragments.randomElement(using: &rng) ?? "" }.joined()
            _ = joseError { () throws(JOSEError) in try JWKSet(json: text) }
            _ = joseError { () throws(JOSEError) in try JWK(json: text) }
            _ = joseError { () throws(JOSEError) in try JWT.decodeUnverified(Base64URL.encode(Array(text.utf8)) + "." + Base64URL.encode(Array(text.utf8)) + ".") }
        }
        let deep = String(repeating: "[", count: 100_000)
        #expect(joseError { () throws(JOSEError) in try JWKSet(json: deep) }?.code == .jwksInvalid)
        let token = Base64URL.encode(Array(deep.utf8)) + ".e30.AAAA"
        #expect(joseError { () throws(JOSEError) in try JWT.verify(token, keys: try JWKSet(json: TestTokens.secretJWKS), options: JWTVerifyOptions(algorithms: [.hs256])) }?.code == .jwsInvalid)
    }
}
