import JOSE
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
        .rsaPKCS1(name: "rsa.pkcs1.2048", bits: 2048),
        .rsaPKCS1(name: "rsa.pkcs1.3072", bits: 3072),
        .rsaPKCS1(name: "rsa.pkcs1.4096", bits: 4096),
        .rsaPSS(name: "rsa.pss.2048", bits: 2048),
        .jwtHS256(name: "jwt.HS256"),
        .jwtRSA(name: "jwt.RS256-2048", algorithm: .rs256, bits: 2048),
        .jwtRSA(name: "jwt.RS256-4096", algorithm: .rs256, bits: 4096),
        .jwtRSA(name: "jwt.PS256-2048", algorithm: .ps256, bits: 2048),
        // "64KB", "1MB": 64,000 and 1,000,000-byte tokens, as the KB/KiB names in issue 7 distinguish.
        .jwtHS256(name: "jwt.HS256.64KB", tokenBytes: 64_000),
        .jwtHS256(name: "jwt.HS256.1MB", tokenBytes: 1_000_000),
        .jwksParse(name: "jwks.parse.1", keyCount: 1),
        .jwksParse(name: "jwks.parse.100", keyCount: 100),
        .jwksSelect(name: "jwks.select.10000"),
        .jwksLookup(name: "jwks.lookup.10000"),
        .threaded(.jwtRSA(name: "jwt.RS256-2048", algorithm: .rs256, bits: 2048), name: "jwt.RS256-2048.threads"),
        .jwtAsyncLocal(name: "jwt.RS256-2048.async-local"),
        .jwtRemoteWarm(name: "jwt.RS256-2048.remote-warm"),
        .threaded(.digest(SHA256.self, name: "sha256.1KiB", bytes: 1024, openssl: "sha256"), name: "sha256.1KiB.threads"),
    ]
}
