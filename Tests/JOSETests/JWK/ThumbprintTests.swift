import Testing
import JOSE

/// RFC 7638 thumbprints for every key type, against values computed by joserfc (an independent
/// implementation; the OKP value is also RFC 8037 Appendix A.3's).
@Suite struct ThumbprintTests {
    @Test(arguments: [
        (#"{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","use":"enc","kid":"1"}"#,
         "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s"),
        (#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
         "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"),
        (#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","alg":"HS256"}"#,
         "y_x3gCJnL6oKGBBIXScabduwxTVy2Wd2bzRVEUbdUzc"),
    ])
    func thumbprintMatchesJoserfc(jwk: String, expected: String) throws {
        #expect(try JWK(json: jwk).thumbprint() == expected, "\(jwk)")
    }

    @Test func unknownKeyTypesHaveNoThumbprint() throws {
        let key = try JWK(json: #"{"kty":"XYZ","kid":"a"}"#)
        #expect(key.thumbprintInput() == nil)
        #expect(joseError { () throws(JOSEError) in try key.thumbprint() }?.code == .jwkInvalid)
        let incomplete = try JWK(json: #"{"kty":"EC","crv":"P-256","x":"AA"}"#)
        #expect(joseError { () throws(JOSEError) in try incomplete.thumbprint() }?.code == .jwkInvalid, "EC without y")
    }
}
