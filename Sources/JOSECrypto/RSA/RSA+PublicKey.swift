extension RSA {
    /// An RSA public key (n, e) (RFC 8017 §3.1), checked and prepared for verification.
    ///
    /// Everything that depends only on the key is computed once here (the modulus as GMP limbs and
    /// the Montgomery constants), so a verification is one exponentiation and a comparison. A key is
    /// immutable and may verify on many threads at once.
    public struct PublicKey: Sendable {
        /// The number of significant bits of n (modBits in RFC 8017).
        public let modulusBitCount: Int
        /// k, the length of n in octets (RFC 8017 §3.1); every signature is exactly k octets.
        public var modulusByteCount: Int { (modulusBitCount + 7) / 8 }
        /// n as big-endian octets without leading zeros (the JWK `n` member, RFC 7518 §6.3.1.1).
        public let modulusBytes: [UInt8]
        /// e as big-endian octets without leading zeros (the JWK `e` member, RFC 7518 §6.3.1.2).
        public let exponentBytes: [UInt8]
        /// e as an integer.
        public let exponent: UInt64

        let context: MontgomeryContext

        /// Makes a key from the big-endian unsigned octets of n and e (leading zero octets are
        /// ignored), as carried by a JWK (RFC 7518 §6.3.1) or an RSAPublicKey (RFC 8017 §A.1.1).
        ///
        /// - Parameters:
        ///   - modulus: n, big-endian.
        ///   - exponent: e, big-endian.
        ///   - minimumModulusBits: the smallest n accepted; RFC 7518's 2048 bits unless lowered by
        ///     ``ModulusSizePolicy/insecureAllowing(_:)``.
        /// - Throws: ``KeyError`` when n is even, smaller than the policy allows or over 16384 bits,
        ///   or when e < 3, e is even, e >= n or e >= 2^64.
        public init<Modulus: Collection<UInt8>, Exponent: Collection<UInt8>>(
            modulus: Modulus, exponent: Exponent, minimumModulusBits: ModulusSizePolicy = .standard
        ) throws(KeyError) {
            let n = modulus.drop(while: { $0 == 0 })
            let nByteCount = n.count
            // Counted from the bytes before anything else, so a huge hostile modulus costs nothing.
            let nBits = nByteCount == 0 ? 0 : nByteCount * 8 - n[n.startIndex].leadingZeroBitCount
            guard nBits <= ModulusSizePolicy.maximumBitCount else {
                throw KeyError(.modulusTooLarge, "the RSA modulus has \(nBits) bits; at most \(ModulusSizePolicy.maximumBitCount) are accepted")
            }
            guard nBits >= minimumModulusBits.minimumBitCount else {
                throw KeyError(.modulusTooSmall, "the RSA modulus has \(nBits) bits; RFC 7518 §3.3 requires at least 2048 "
                    + "(this key's policy allows \(minimumModulusBits.minimumBitCount))")
            }
            let nArray = Array(n)
            guard let last = nArray.last, last & 1 == 1 else {
                throw KeyError(.modulusEven, "the RSA modulus is even; n is a product of odd primes (RFC 8017 §3.1)")
            }
            let e = exponent.drop(while: { $0 == 0 })
            guard e.count <= 8 else {
                throw KeyError(.exponentTooLarge, "the RSA public exponent has \(e.count) octets; at most 8 (e < 2^64) are accepted")
            }
            var eValue: UInt64 = 0
            for byte in e { eValue = eValue << 8 | UInt64(byte) }
            guard eValue >= 3 else {
                throw KeyError(.exponentTooSmall, "the RSA public exponent is \(eValue); RFC 8017 §3.1 requires 3 <= e <= n - 1")
            }
            guard eValue & 1 == 1 else {
                throw KeyError(.exponentEven, "the RSA public exponent \(eValue) is even; it must be odd (RFC 8017 §3.1)")
            }
            if nBits <= 64 {
                var nValue: UInt64 = 0
                for byte in nArray { nValue = nValue << 8 | UInt64(byte) }
                guard eValue < nValue else {
                    throw KeyError(.exponentNotBelowModulus, "the RSA public exponent \(eValue) is not below the modulus \(nValue) (RFC 8017 §3.1)")
                }
            }
            self.modulusBitCount = nBits
            self.modulusBytes = nArray
            self.exponentBytes = Array(e)
            self.exponent = eValue
            let nInteger = nArray.withUnsafeBytes { GMPInteger(bigEndian: $0) }
            self.context = MontgomeryContext(modulus: nInteger)
        }
    }
}
