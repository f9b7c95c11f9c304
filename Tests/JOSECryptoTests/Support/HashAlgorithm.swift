import JOSECrypto

/// The three SHA-2 functions as a test argument, so one test body covers all of them.
///
/// Generic code is reached by passing `algorithm.hashType` to a generic function, which opens the
/// existential. (A property named `type` does not work: inside the enum, a bare `type` argument fails
/// to open with "generic parameter 'H' could not be inferred".)
enum HashAlgorithm: String, CaseIterable, Sendable, CustomStringConvertible {
    case sha256 = "SHA256", sha384 = "SHA384", sha512 = "SHA512"

    var hashType: any HashFunction.Type {
        switch self {
        case .sha256: SHA256.self
        case .sha384: SHA384.self
        case .sha512: SHA512.self
        }
    }

    var description: String { rawValue }

    /// One-shot digest of `bytes`.
    func hash(_ bytes: [UInt8]) -> [UInt8] { Self.hash(hashType, bytes) }

    /// Full-length HMAC of `message` under `key`.
    func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] { Self.hmac(hashType, key, message) }

    /// `HMAC<H>.isValidAuthenticationCode` for this hash.
    func isValidHMAC(_ tag: [UInt8], key: [UInt8], message: [UInt8]) -> Bool {
        Self.isValidHMAC(hashType, tag, key, message)
    }

    private static func hash<H: HashFunction>(_: H.Type, _ bytes: [UInt8]) -> [UInt8] { H.hash(bytes).bytes }

    private static func hmac<H: HashFunction>(_: H.Type, _ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        HMAC<H>.authenticationCode(for: message, using: HMAC<H>.Key(key)).bytes
    }

    private static func isValidHMAC<H: HashFunction>(_: H.Type, _ tag: [UInt8], _ key: [UInt8], _ message: [UInt8]) -> Bool {
        HMAC<H>.isValidAuthenticationCode(tag, authenticating: message, using: HMAC<H>.Key(key))
    }
}
