import JOSECrypto

extension BenchCase {
    /// `H.hash` of a `bytes`-long message (FIPS 180-4); OpenSSL: `openssl speed -evp NAME -bytes N`.
    static func digest<H: HashFunction>(_: H.Type, name: String, bytes: Int, openssl: String) -> BenchCase {
        BenchCase(name: name, inputBytes: bytes, openssl: .digest(openssl, bytes: bytes)) {
            let messages = InputBuffers(slidingWindowsOf: bytes, seed: 0x5A5_0000 + UInt64(bytes))
            return try Workload(inputs: messages.views, keepAlive: messages) { message in
                H.hash(bufferPointer: message)
            }
        }
    }
}
