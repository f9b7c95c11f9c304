import JOSECrypto

extension BenchCase {
    /// Every case, in the order issue 7 lists them. Adding a case: write a `static func` returning
    /// a `BenchCase` in a file of `Cases/` and add one line here.
    static let all: [BenchCase] = [
        .base64URLDecode(name: "base64url.decode.1KiB", bytes: 1024),
        .base64URLDecodeInto(name: "base64url.decode.1KiB.into", bytes: 1024),
        .digest(SHA256.self, name: "sha256.64B", bytes: 64, openssl: "sha256"),
        .digest(SHA256.self, name: "sha256.1KiB", bytes: 1024, openssl: "sha256"),
        .digest(SHA256.self, name: "sha256.1MiB", bytes: 1 << 20, openssl: "sha256"),
        .digest(SHA384.self, name: "sha384.1KiB", bytes: 1024, openssl: "sha384"),
        .digest(SHA512.self, name: "sha512.1KiB", bytes: 1024, openssl: "sha512"),
        // "1 KB signing input": 1000 bytes, as the KB/KiB names in issue 7 distinguish.
        .hmacSHA256(name: "hmac-sha256.1KB", bytes: 1000),
        // rsa.pkcs1.2048, rsa.pkcs1.3072, rsa.pkcs1.4096, rsa.pss.2048        (issue 3: Cases/RSACases.swift)
        // jwt.HS256, jwt.RS256-2048, jwt.RS256-4096, jwt.PS256-2048,
        // jwt.HS256.64KB, jwt.HS256.1MB, jwks.parse.1, jwks.parse.100,
        // jwks.select.10000                                                   (issue 4: Cases/JWTCases.swift)
        // jwt.RS256-2048.threads = .threaded(.jwtRS256(...), name: ...)      (issue 4)
        // jwt.RS256-2048.remote-warm                                          (remote JWKS issue)
        .threaded(.digest(SHA256.self, name: "sha256.1KiB", bytes: 1024, openssl: "sha256"), name: "sha256.1KiB.threads"),
    ]
}
