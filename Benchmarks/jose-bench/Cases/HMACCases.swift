import JOSECrypto

extension BenchCase {
    /// HMAC-SHA-256 (RFC 2104) of a `bytes`-long signing input with a precomputed 32-byte key, as
    /// HS256 computes it; OpenSSL: `openssl speed -hmac sha256 -bytes N`.
    static func hmacSHA256(name: String, bytes: Int) -> BenchCase {
        BenchCase(name: name, inputBytes: bytes, openssl: .hmac("sha256", bytes: bytes)) {
            var generator = InputGenerator(seed: 0x4D4143)
            let key = HMAC<SHA256>.Key(generator.bytes(32))
            let messages = InputBuffers(slidingWindowsOf: bytes, seed: 0x4D4143 + UInt64(bytes))
            return try Workload(inputs: messages.views, keepAlive: messages) { message in
                HMAC<SHA256>.authenticationCode(bufferPointer: message, using: key)
            }
        }
    }
}
