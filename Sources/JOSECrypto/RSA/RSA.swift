/// RSA signature verification (RFC 8017): RSASSA-PKCS1-v1_5 (§8.2) and RSASSA-PSS (§8.1), the
/// schemes behind JOSE's RS256/384/512 and PS256/384/512 (RFC 7518 §3.3, §3.5).
///
/// ```swift
/// let key = try RSA.PublicKey(modulus: nBytes, exponent: eBytes)
/// let ok = try key.isValidSignature(signature, for: signingInput, padding: .pkcs1v15(.sha256))
/// ```
///
/// Only public-key operations exist here; the arithmetic is GMP's (see `MontgomeryContext`).
public enum RSA {}

extension RSA {
    /// The hash functions RSA signatures are used with in JOSE (RFC 7518 §3.3, §3.5).
    public enum HashAlgorithm: Sendable, Hashable, CustomStringConvertible {
        /// SHA-256 (FIPS 180-4): RS256, PS256.
        case sha256
        /// SHA-384 (FIPS 180-4): RS384, PS384.
        case sha384
        /// SHA-512 (FIPS 180-4): RS512, PS512.
        case sha512

        /// The digest length in bytes, hLen in RFC 8017.
        public var digestByteCount: Int { kind.digestByteCount }

        /// `"SHA-256"`, `"SHA-384"` or `"SHA-512"`.
        public var description: String { kind.name }

        var kind: HashKind {
            switch self {
            case .sha256: .sha256
            case .sha384: .sha384
            case .sha512: .sha512
            }
        }
    }

    /// How the message representative is encoded inside the signature (RFC 8017 §8).
    public enum Padding: Sendable, Hashable {
        /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) with the DigestInfo of the given hash (§9.2).
        case pkcs1v15(HashAlgorithm)
        /// RSASSA-PSS (RFC 8017 §8.1, EMSA-PSS §9.1) with a message hash, the hash inside MGF1
        /// (§B.2.1) and the salt length in bytes.
        case pss(HashAlgorithm, mgf1: HashAlgorithm, saltLength: Int)

        /// RSASSA-PSS as JOSE uses it (RFC 7518 §3.5): MGF1 with the same hash, and a salt as long
        /// as the digest. `.pss(.sha256)` is PS256.
        public static func pss(_ hash: HashAlgorithm) -> Padding {
            .pss(hash, mgf1: hash, saltLength: hash.digestByteCount)
        }

        /// The hash the message is digested with.
        public var hash: HashAlgorithm {
            switch self {
            case .pkcs1v15(let hash): hash
            case .pss(let hash, _, _): hash
            }
        }

        /// The same padding described with internal hash kinds.
        var scheme: SignatureScheme {
            switch self {
            case .pkcs1v15(let hash): .pkcs1v15(hash.kind)
            case .pss(let hash, let mgf, let salt): .pss(hash.kind, mgf1: mgf.kind, saltLength: salt)
            }
        }
    }

    /// Arguments a verification cannot make sense of (as opposed to a signature that does not
    /// verify, which is answered with `false`).
    public struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was wrong, stable across releases.
        public enum Code: String, Sendable {
            /// The digest passed to a digest-taking verification is not hLen bytes long.
            case digestLengthMismatch = "ERR_RSA_DIGEST_LENGTH"
            /// A PSS salt length below zero.
            case negativeSaltLength = "ERR_RSA_NEGATIVE_SALT_LENGTH"
        }

        /// The stable code; errors compare equal when their codes do.
        public let code: Code
        /// A sentence saying what to fix.
        public let reason: String

        /// An error with `code` and `reason`; tests build expected errors this way (equality is on the code).
        public init(code: Code, reason: String) {
            self.code = code
            self.reason = reason
        }

        /// The code and the reason, e.g. `ERR_RSA_...: what is wrong`.
        public var description: String { "\(code.rawValue): \(reason)" }

        /// Equal when the codes are equal, whatever the reasons say.
        public static func == (lhs: ArgumentError, rhs: ArgumentError) -> Bool { lhs.code == rhs.code }
    }
}

/// Every hash the verifier can run. SHA-1 and SHA-224 are internal: JOSE never uses them, but the
/// Wycheproof and NIST PSS vectors combine them with the others, and the tests reach them through
/// ``SignatureScheme``.
enum HashKind: Sendable, Hashable {
    case sha1, sha224, sha256, sha384, sha512

    var digestByteCount: Int {
        switch self {
        case .sha1: 20
        case .sha224: 28
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    var name: String {
        switch self {
        case .sha1: "SHA-1"
        case .sha224: "SHA-224"
        case .sha256: "SHA-256"
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }
}

/// ``RSA/Padding`` over ``HashKind``: what the verification engine actually runs.
enum SignatureScheme: Sendable, Hashable {
    case pkcs1v15(HashKind)
    case pss(HashKind, mgf1: HashKind, saltLength: Int)

    var hash: HashKind {
        switch self {
        case .pkcs1v15(let hash): hash
        case .pss(let hash, _, _): hash
        }
    }
}
