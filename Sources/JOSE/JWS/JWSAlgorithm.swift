import JOSECrypto

/// A JWS signature algorithm this library verifies (RFC 7518 §3.1). `none` is deliberately absent:
/// an unsecured JWS never verifies (RFC 8725 §3.1).
public enum JWSAlgorithm: String, Sendable, CaseIterable, CustomStringConvertible {
    case hs256 = "HS256", hs384 = "HS384", hs512 = "HS512"
    case rs256 = "RS256", rs384 = "RS384", rs512 = "RS512"
    case ps256 = "PS256", ps384 = "PS384", ps512 = "PS512"

    /// The family an algorithm belongs to; a key is bound to exactly one family.
    public enum Family: Sendable, Equatable {
        /// HMAC with SHA-2 (RFC 7518 §3.2); keys are `kty: "oct"`.
        case hmac
        /// RSASSA-PKCS1-v1_5 (RFC 7518 §3.3); keys are `kty: "RSA"`.
        case rsaPKCS1v15
        /// RSASSA-PSS with MGF1 of the same hash and a salt as long as the hash (RFC 7518 §3.5).
        case rsaPSS

        /// The `kty` a key of this family has (RFC 7518 §6.1).
        public var keyType: String { self == .hmac ? "oct" : "RSA" }
    }

    /// Everything about one algorithm, in one row.
    public struct Properties: Sendable {
        /// The algorithm family, and so the key type.
        public let family: Family
        /// The SHA-2 function.
        public let hash: SHA2Function
        /// The smallest key accepted, in bits: the hash size for HMAC (RFC 7518 §3.2), 2048 for RSA
        /// (RFC 7518 §3.3, §3.5).
        public let minimumKeyBits: Int
    }

    /// The algorithm table (RFC 7518 §3.1). Adding an algorithm is adding a row.
    public var properties: Properties {
        switch self {
        case .hs256: return Properties(family: .hmac, hash: .sha256, minimumKeyBits: 256)
        case .hs384: return Properties(family: .hmac, hash: .sha384, minimumKeyBits: 384)
        case .hs512: return Properties(family: .hmac, hash: .sha512, minimumKeyBits: 512)
        case .rs256: return Properties(family: .rsaPKCS1v15, hash: .sha256, minimumKeyBits: 2048)
        case .rs384: return Properties(family: .rsaPKCS1v15, hash: .sha384, minimumKeyBits: 2048)
        case .rs512: return Properties(family: .rsaPKCS1v15, hash: .sha512, minimumKeyBits: 2048)
        case .ps256: return Properties(family: .rsaPSS, hash: .sha256, minimumKeyBits: 2048)
        case .ps384: return Properties(family: .rsaPSS, hash: .sha384, minimumKeyBits: 2048)
        case .ps512: return Properties(family: .rsaPSS, hash: .sha512, minimumKeyBits: 2048)
        }
    }

    /// This algorithm's bit in `PreparedKey.usableMask`.
    var maskBit: UInt16 {
        switch self {
        case .hs256: return 1 << 0
        case .hs384: return 1 << 1
        case .hs512: return 1 << 2
        case .rs256: return 1 << 3
        case .rs384: return 1 << 4
        case .rs512: return 1 << 5
        case .ps256: return 1 << 6
        case .ps384: return 1 << 7
        case .ps512: return 1 << 8
        }
    }

    /// The family (shorthand for `properties.family`).
    public var family: Family { properties.family }

    /// The registered name, such as `"RS256"`.
    public var description: String { rawValue }

    /// Every JWS `alg` name registered by RFC 7518 §3.1 that this library recognises but does not
    /// verify, so that refusing one says "not supported" rather than "unknown".
    static let recognisedUnsupported: Set<String> = ["ES256", "ES384", "ES512", "ES256K", "EdDSA", "Ed25519", "Ed448"]
}

/// The SHA-2 functions JWS algorithms use, as a value (for tables and dispatch).
public enum SHA2Function: Sendable, Equatable {
    case sha256, sha384, sha512

    /// The digest length in bytes.
    public var byteCount: Int {
        switch self {
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    /// The same function as RSA verification names it.
    var rsaHash: RSA.HashAlgorithm {
        switch self {
        case .sha256: return .sha256
        case .sha384: return .sha384
        case .sha512: return .sha512
        }
    }

    /// Hashes the bytes in `buffer`.
    public func hash(_ buffer: UnsafeRawBufferPointer) -> Digest {
        switch self {
        case .sha256: return SHA256.hash(bufferPointer: buffer)
        case .sha384: return SHA384.hash(bufferPointer: buffer)
        case .sha512: return SHA512.hash(bufferPointer: buffer)
        }
    }
}
