import Testing
@testable import JOSECrypto

/// Maps a Wycheproof / NIST hash name ("SHA-256", "SHA256", "SHA-512/224"...) to the verifier's kind;
/// nil for hashes the verifier does not implement.
func hashKind(named name: String) -> HashKind? {
    switch name.uppercased().replacingOccurrences(of: "-", with: "") {
    case "SHA1": .sha1
    case "SHA224": .sha224
    case "SHA256": .sha256
    case "SHA384": .sha384
    case "SHA512": .sha512
    default: nil
    }
}

/// The public hash enum for a kind JOSE supports; nil for SHA-1 and SHA-224, which are internal.
func publicHash(_ kind: HashKind) -> RSA.HashAlgorithm? {
    switch kind {
    case .sha256: .sha256
    case .sha384: .sha384
    case .sha512: .sha512
    case .sha1, .sha224: nil
    }
}

/// The public padding for a scheme when every hash in it is public.
func publicPadding(_ scheme: SignatureScheme) -> RSA.Padding? {
    switch scheme {
    case .pkcs1v15(let h):
        return publicHash(h).map { .pkcs1v15($0) }
    case .pss(let h, let mgf, let salt):
        guard let h = publicHash(h), let mgf = publicHash(mgf) else { return nil }
        return .pss(h, mgf1: mgf, saltLength: salt)
    }
}

/// Verifies `signature` over `message`: through the public API when the scheme is public (both the
/// message and the digest entry points, which must agree), else through the internal engine with
/// the internal SHA-1/SHA-224.
func verifyMessage(_ key: RSA.PublicKey, signature: [UInt8], message: [UInt8], scheme: SignatureScheme,
                   context: String) throws -> Bool {
    let digest = message.withUnsafeBytes { scheme.hash.hash($0) }
    guard let padding = publicPadding(scheme) else {
        return try signature.withUnsafeBytes { s in
            try digest.withUnsafeBytes { d in try key.verify(signature: s, digest: d, scheme: scheme) }
        }
    }
    let viaMessage = try key.isValidSignature(signature, for: message, padding: padding)
    let viaDigest = try key.isValidSignature(signature, digest: digest, padding: padding)
    #expect(viaMessage == viaDigest, "\(context): message and digest entry points disagree")
    return viaMessage
}
