import Foundation
import Testing

@Suite struct DecodeTests {
    @Test func decodesHeaderPayloadAndTimes() throws {
        let token = try Examples.text(Examples.hs256Token)
        let output = try Jose.run(["decode", "--now", Examples.beforeExp, token])
        #expect(output.status == 0, "\(output)")
        #expect(output.out.contains("NOT VERIFIED"), "banner: \(output)")
        #expect(output.out.contains(#""typ": "JWT""#) && output.out.contains(#""alg": "HS256""#), "header: \(output)")
        #expect(output.out.contains(#""iss": "joe""#) && output.out.contains(#""http://example.com/is_root": true"#), "payload: \(output)")
        #expect(output.out.contains("exp  2011-03-22 18:43:00 UTC  (expires in 80 s)"), "time claim: \(output)")
        let later = try Jose.run(["decode", "--now", String(Examples.exp + 3 * 3600 + 5), token])
        #expect(later.out.contains("(expired 3 h ago)"), "relative hint: \(later)")
    }

    @Test func readsStandardInput() throws {
        let token = try Examples.data(Examples.hs256Token)  // with its trailing newline
        for arguments in [["decode"], ["decode", "-"]] {
            let output = try Jose.run(arguments, stdin: Data("  \n".utf8) + token + Data("\r\n ".utf8))
            #expect(output.status == 0, "jose \(arguments) with the token on stdin: \(output)")
            #expect(output.out.contains(#""iss": "joe""#), "\(output)")
        }
    }

    @Test func jsonOutputCarriesTheExactBytes() throws {
        let vector = try Jose.vectorJSON("rfc/rfc7515_A.1_hs256.json")
        let token = try #require(vector["jws_compact"] as? String)
        let output = try Jose.run(["decode", "--json", token])
        #expect(output.status == 0, "\(output)")
        let object = try output.json()
        #expect((object["header"] as? [String: Any])?["alg"] as? String == "HS256")
        #expect((object["payload"] as? [String: Any])?["iss"] as? String == "joe")
        #expect(object["verified"] as? Bool == false)
        let payload = try #require(vector["payload_utf8"] as? String)
        #expect(output.out.contains(payload), "the payload text (with its CRLFs) appears as the token carried it")
    }

    @Test func nonJSONPayloadIsShownAsText() throws {
        let vector = try Jose.vectorJSON("rfc/rfc7520_4.1_rs256.json")
        let token = try #require(vector["jws_compact"] as? String)
        let output = try Jose.run(["decode", token])
        #expect(output.status == 0, "\(output)")
        #expect(output.out.contains("not a JSON object") && output.out.contains("dangerous business, Frodo"), "\(output)")
    }

    @Test func encryptedTokensAreNotSupported() throws {
        let jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ"
        let output = try Jose.run(["decode", jwe])
        #expect(output.status == 1, "\(output)")
        #expect(output.err.contains("encrypted tokens (JWE) are not supported"), "\(output)")
    }

    @Test(arguments: ["not-a-token", "a.b", "!!!.e30.x", "e30.!!!.x"])
    func malformedTokens(token: String) throws {
        let output = try Jose.run(["decode", token])
        #expect(output.status == 1, "decode \(token): \(output)")
        #expect(output.err.contains("ERR_"), "decode \(token) names the error code: \(output)")
    }

    @Test func emptyStandardInputIsAUsageError() throws {
        let output = try Jose.run(["decode"], stdin: Data(" \n".utf8))
        #expect(output.status == 2, "\(output)")
        #expect(output.err.contains("standard input is empty"), "\(output)")
    }
}
