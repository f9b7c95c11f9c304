import Foundation
import Testing
import TestSupport
import JOSE

/// Tokens minted by PyJWT over pyca/cryptography (an independent implementation) for every algorithm
/// and RSA sizes 2048/3072/4096 (and e = 3) must verify, and any corruption must not.
@Suite struct PyJWTInteropTests {
    struct Minted: Decodable {
        struct Token: Decodable { let alg: String; let kid: String; let bits: Int; let token: String }
        let jwks: JSONAny
        let secrets: [String: String]
        let tokens: [Token]
    }

    /// Runs the Python minting script; nil (with the reason) when python3 or PyJWT is unavailable.
    static func mint() -> (Minted?, String?) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/pyjwt_tokens.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "7"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch { return (nil, "python3 could not be started: \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return (nil, "pyjwt_tokens.py failed (is PyJWT installed? pip install pyjwt cryptography)")
        }
        do { return (try JSONDecoder().decode(Minted.self, from: data), nil) } catch { return (nil, "bad script output: \(error)") }
    }

    @Test func everyAlgorithmAndKeySizeVerifies() throws {
        let (minted, reason) = Self.mint()
        guard let minted else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("interop oracle unavailable in CI: \(reason ?? "")")
            }
            print("skipped PyJWT interop: \(reason ?? "")")
            return
        }
        let rsaKeys = try JWKSet(json: TestTokens.json(minted.jwks.object))
        var verified = 0
        for item in minted.tokens {
            let alg = try #require(JWSAlgorithm(rawValue: item.alg))
            let keys: JWKSet
            if alg.family == .hmac {
                let secret = try hexBytes(try #require(minted.secrets[item.alg]))
                keys = try JWKSet(json: #"{"keys":[{"kty":"oct","k":"\#(Base64URL.encode(secret))"}]}"#)
            } else {
                keys = rsaKeys
            }
            let options = JWTVerifyOptions(
                algorithms: [alg], issuers: ["https://auth.example.com/application/o/app/"],
                audiences: ["client-7"], subject: "user-7", clock: .fixed(1_700_000_000))
            let label = "\(item.alg) \(item.kid) \(item.bits) bits"
            do {
                let result = try JWT.verify(item.token, keys: keys, options: options)
                #expect(result.claims["name"]?.string == "Zoë \u{2019} \u{1F600}", "\(label): unicode claim")
                #expect(result.claims["nested"]?["a"]?[1]?.double == 2.5, "\(label): nested claim")
                verified += 1
            } catch {
                Issue.record("\(label): \(error)")
            }
            // Flip one bit in each part: never valid.
            for part in 0..<3 {
                let tampered = Self.flipBit(in: item.token, part: part)
                let error = joseError { () throws(JOSEError) in try JWT.verify(tampered, keys: keys, options: options) }
                #expect(error != nil, "\(label): tampered part \(part) verified")
            }
        }
        #expect(verified == 4 * 6 + 3, "every minted token verifies")
    }

    /// Changes one base64url character in the middle of part `part`, keeping the alphabet.
    static func flipBit(in token: String, part: Int) -> String {
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map { Array($0) }
        let index = parts[part].count / 2
        parts[part][index] = parts[part][index] == "A" ? "B" : "A"
        return parts.map { String($0) }.joined(separator: ".")
    }
}
