import JOSE

/// JWK Sets (RFC 7517 §5) as authentik serves them at `/application/o/<slug>/jwks/`: RSA keys with
/// `kty`, `alg`, `use`, `kid`, `n`, `e`, `x5c`, `x5t`, `x5t#S256` (RFC 7517 §4.6-4.9).
enum AuthentikJWKS {
    /// One RSA public JWK. `certificate` (DER) adds `x5c`, `x5t` and `x5t#S256` as authentik does.
    static func rsaKey(modulus: [UInt8], exponent: [UInt8], keyID: String, algorithm: String,
                       certificate: [UInt8]? = nil, generator: inout InputGenerator) -> String {
        var members = [
            #""kty":"RSA""#, #""alg":"\#(algorithm)""#, #""use":"sig""#, #""kid":"\#(keyID)""#,
            #""n":"\#(Base64URL.encode(modulus))""#, #""e":"\#(Base64URL.encode(exponent))""#,
        ]
        if let certificate {
            // Thumbprints only need the right shape here (nothing reads them): 20 and 32 random bytes.
            members += [
                #""x5c":["\#(standardBase64(certificate))"]"#,
                #""x5t":"\#(Base64URL.encode(generator.bytes(20)))""#,
                #""x5t#S256":"\#(Base64URL.encode(generator.bytes(32)))""#,
            ]
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// One symmetric JWK (RFC 7518 §6.4).
    static func octKey(secret: [UInt8], keyID: String, algorithm: String) -> String {
        #"{"kty":"oct","alg":"\#(algorithm)","kid":"\#(keyID)","k":"\#(Base64URL.encode(secret))"}"#
    }

    /// `{"keys":[...]}`.
    static func set(_ keys: [String]) -> String {
        #"{"keys":["# + keys.joined(separator: ",") + "]}"
    }

    /// An odd modulus-shaped number with its top bit set: parses as an RSA key of `bits` bits (no one
    /// holds its factors; it only fills a set that is parsed, or keys a `kid` that is never selected).
    static func randomModulus(bits: Int, generator: inout InputGenerator) -> [UInt8] {
        var bytes = generator.bytes(bits / 8)
        bytes[0] |= 0x80
        bytes[bytes.count - 1] |= 1
        return bytes
    }

    /// Bytes shaped like a DER certificate (`30 82 len ...`) of `count` bytes, for `x5c`.
    static func fakeCertificate(count: Int, generator: inout InputGenerator) -> [UInt8] {
        let body = count - 4
        return [0x30, 0x82, UInt8(body >> 8), UInt8(body & 0xff)] + generator.bytes(body)
    }

    /// A `kid` as authentik makes them: 32 hex digits.
    static func keyID(_ generator: inout InputGenerator) -> String {
        AuthentikClaims.hex(&generator, bytes: 16)
    }

    /// Standard base64 with padding (RFC 4648 §4), as `x5c` uses (RFC 7517 §4.7).
    static func standardBase64(_ bytes: [UInt8]) -> String {
        var text = Base64URL.encode(bytes).map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 }
        while text.count % 4 != 0 { text.append("=") }
        return String(text)
    }
}
