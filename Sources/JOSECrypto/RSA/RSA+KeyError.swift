extension RSA {
    /// Why bytes could not become an ``RSA/PublicKey``: the key is unusable or outside policy.
    public struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was wrong, stable across releases.
        public enum Code: String, Sendable {
            /// n is even (or zero): not an RSA modulus (RFC 8017 §3.1: n is a product of odd primes).
            case modulusEven = "ERR_RSA_MODULUS_EVEN"
            /// n has fewer bits than the policy's minimum (RFC 7518 §3.3: 2048 or larger is required).
            case modulusTooSmall = "ERR_RSA_MODULUS_TOO_SMALL"
            /// n has more than 16384 bits: refused to bound the cost of hostile keys.
            case modulusTooLarge = "ERR_RSA_MODULUS_TOO_LARGE"
            /// e < 3 (RFC 8017 §3.1: 3 <= e <= n - 1).
            case exponentTooSmall = "ERR_RSA_EXPONENT_TOO_SMALL"
            /// e is even: it cannot be coprime with λ(n) (RFC 8017 §3.1).
            case exponentEven = "ERR_RSA_EXPONENT_EVEN"
            /// e >= n (RFC 8017 §3.1: e <= n - 1).
            case exponentNotBelowModulus = "ERR_RSA_EXPONENT_NOT_BELOW_MODULUS"
            /// e >= 2^64: no real key uses one, and the verifier's cost grows with e's length.
            case exponentTooLarge = "ERR_RSA_EXPONENT_TOO_LARGE"
        }

        /// The stable code; errors compare equal when their codes do.
        public let code: Code
        /// A sentence saying what is wrong and what the standard requires.
        public let reason: String

        /// An error with `code` and `reason`; tests build expected errors this way (equality is on the code).
        public init(code: Code, reason: String) {
            self.code = code
            self.reason = reason
        }

        init(_ code: Code, _ reason: String) {
            self.init(code: code, reason: reason)
        }

        /// The code and the reason, e.g. `ERR_RSA_...: what is wrong`.
        public var description: String { "\(code.rawValue): \(reason)" }

        /// Equal when the codes are equal, whatever the reasons say.
        public static func == (lhs: KeyError, rhs: KeyError) -> Bool { lhs.code == rhs.code }
    }

    /// The smallest modulus a key may have. The default, ``standard``, is RFC 7518 §3.3's 2048 bits;
    /// anything lower must be asked for by name with ``insecureAllowing(_:)``.
    public struct ModulusSizePolicy: Sendable, Hashable {
        /// The smallest accepted bit length of n.
        public let minimumBitCount: Int

        /// 2048 bits: "A key of size 2048 bits or larger MUST be used" (RFC 7518 §3.3, §3.5).
        public static let standard = ModulusSizePolicy(minimumBitCount: 2048)

        /// Accepts moduli down to `minimumBitCount` bits (at least 1), below what RFC 7518 allows.
        /// Only for old test vectors and legacy systems: a 1024-bit RSA key is within reach of
        /// well-funded attackers.
        public static func insecureAllowing(_ minimumBitCount: Int) -> ModulusSizePolicy {
            ModulusSizePolicy(minimumBitCount: max(1, minimumBitCount))
        }

        /// The largest modulus ever accepted, whatever the policy: 16384 bits.
        public static let maximumBitCount = 16384
    }
}
