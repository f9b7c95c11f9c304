import JOSECrypto

/// One JSON Web Key (RFC 7517 §4) as this library uses it: RSA public keys (RFC 7518 §6.3.1) and
/// symmetric keys (RFC 7518 §6.4) become verification keys; EC and OKP keys (RFC 7518 §6.2, RFC 8037)
/// and unknown key types are recognised, can be thumbprinted, and are reported as unusable.
///
/// Parsing is strict about the members it reads: `kid`, `use` and `alg` must be strings, `key_ops` an
/// array of unique strings, key material valid base64url (RFC 7515 §2). Parsing never fails because a
/// key is of a type this library does not verify with; ``usableKey`` says why such a key cannot be used.
/// A JWK is immutable, so it is a class: sets and verification results share it instead of copying it.
public final class JWK: Sendable {
    /// Key material, once decoded.
    public enum Material: Sendable {
        /// An RSA public key, with its per-key precomputation done.
        case rsa(RSA.PublicKey)
        /// An HMAC secret.
        case symmetric(SymmetricKey)
        /// A key this library does not verify with (EC, OKP, an unknown `kty`, or a key refused by
        /// policy such as a 1024-bit RSA modulus); the reason says which.
        case unusable(reason: String)
    }

    /// `kty` (RFC 7517 §4.1), e.g. `"RSA"`, `"oct"`, `"EC"`, `"OKP"`.
    public let keyType: String
    /// `kid` (RFC 7517 §4.5).
    public let keyID: String?
    /// `alg` (RFC 7517 §4.4) as written, which may name an algorithm this library does not support.
    public let algorithm: String?
    /// `use` (RFC 7517 §4.2), e.g. `"sig"`.
    public let use: String?
    /// `key_ops` (RFC 7517 §4.3).
    public let keyOperations: [String]?
    /// The decoded key material.
    public let material: Material
    /// True when the JWK carries private members (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, RFC 7518
    /// §6.3.2, or `d` for EC/OKP). Such a JWK is never used to verify: it is a secret published by mistake.
    public let hasPrivateMembers: Bool
    /// The required members of RFC 7638 §3.2 for this key type, in lexicographic order (nil for an
    /// unknown `kty`, or when a required member is missing).
    let thumbprintMembers: [(String, String)]?

    /// Parses a JWK from JSON text (RFC 7517 §4).
    ///
    /// - Throws: ``JOSEError`` `ERR_JWK_INVALID` saying which member is wrong, or `ERR_JSON_INVALID`.
    public convenience init(json: String) throws(JOSEError) {
        let document = try JSONDocument.parseForJOSE(Array(json.utf8), what: "JWK")
        try self.init(document.root)
    }

    /// Parses a JWK from a JSON object value (RFC 7517 §4).
    public init(_ object: JSONValue) throws(JOSEError) {
        guard object.kind == .object else {
            throw JOSEError(.jwkInvalid, "a JWK must be a JSON object (RFC 7517 §4)")
        }
        guard let kty = object["kty"]?.string, !kty.isEmpty else {
            throw JOSEError(.jwkInvalid, "the JWK has no \"kty\" (Key Type) member, or it is not a non-empty string (RFC 7517 §4.1)")
        }
        keyType = kty
        keyID = try JWK.optionalString(object, "kid", "Key ID", section: "4.5")
        algorithm = try JWK.optionalString(object, "alg", "Algorithm", section: "4.4")
        use = try JWK.optionalString(object, "use", "Public Key Use", section: "4.2")
        keyOperations = try JWK.keyOperations(object)

        switch kty {
        case "RSA":
            let privateNames = ["d", "p", "q", "dp", "dq", "qi", "oth"]
            hasPrivateMembers = privateNames.contains { object[$0] != nil }
            let n = try JWK.requiredString(object, "n", kty: kty)
            let e = try JWK.requiredString(object, "e", kty: kty)
            thumbprintMembers = [("e", e), ("kty", kty), ("n", n)]
            let modulus = try JWK.decodeMember(n, "n")
            let exponent = try JWK.decodeMember(e, "e")
            material = JWK.rsaMaterial(modulus: modulus, exponent: exponent)
        case "oct":
            hasPrivateMembers = false
            let k = try JWK.requiredString(object, "k", kty: kty)
            thumbprintMembers = [("k", k), ("kty", kty)]
            let secret = try JWK.decodeMember(k, "k")
            material = secret.isEmpty
                ? .unusable(reason: "the symmetric key \"k\" is empty")
                : .symmetric(SymmetricKey(secret))
        case "EC":
            hasPrivateMembers = object["d"] != nil
            if let crv = object["crv"]?.string, let x = object["x"]?.string, let y = object["y"]?.string {
                thumbprintMembers = [("crv", crv), ("kty", kty), ("x", x), ("y", y)]
            } else {
                thumbprintMembers = nil
            }
            material = .unusable(reason: "EC keys (ES256/ES384/ES512) are not supported by this library")
        case "OKP":
            hasPrivateMembers = object["d"] != nil
            if let crv = object["crv"]?.string, let x = object["x"]?.string {
                thumbprintMembers = [("crv", crv), ("kty", kty), ("x", x)]
            } else {
                thumbprintMembers = nil
            }
            material = .unusable(reason: "OKP keys (EdDSA) are not supported by this library")
        default:
            hasPrivateMembers = false
            thumbprintMembers = nil
            material = .unusable(reason: "unknown key type \"\(kty)\"")
        }
    }

    /// The key material if this JWK may verify signatures with `algorithm` (RFC 7517 §4.2–4.4,
    /// RFC 7518 §3), or the reason it may not.
    public func usableKey(for algorithm: JWSAlgorithm) -> Result<Material, JOSEError> {
        guard let refusal = refusal(for: algorithm) else { return .success(material) }
        let name = keyID.map { "the key with \"kid\" \"\($0)\"" } ?? "the key without \"kid\""
        return .failure(JOSEError(.jwksNoMatchingKey, "\(name) cannot be used: \(refusal.explanation(self, algorithm))", kid: keyID))
    }

    /// Why policy refuses this key for `algorithm`, or nil when it may verify; cheap (no message is
    /// built), so a set can evaluate it for every algorithm when it is parsed.
    func refusal(for algorithm: JWSAlgorithm) -> Refusal? {
        let properties = algorithm.properties
        guard keyType == properties.family.keyType else { return .keyType }
        if let declared = self.algorithm, declared != algorithm.rawValue { return .boundToAlgorithm(declared) }
        if let use, use != "sig" { return .use(use) }
        if let ops = keyOperations {
            guard ops.contains("verify") else { return .keyOperationsWithoutVerify }
            let allowed: Set<String> = properties.family == .hmac ? ["sign", "verify"] : ["verify"]
            if let odd = ops.first(where: { !allowed.contains($0) }) { return .keyOperation(odd) }
        }
        if hasPrivateMembers { return .privateMembers }
        switch material {
        case .unusable(let reason):
            return .unusable(reason)
        case .symmetric(let key):
            if key.byteCount * 8 < properties.minimumKeyBits { return .tooShort(bits: key.byteCount * 8) }
        case .rsa(let key):
            if key.modulusBitCount < properties.minimumKeyBits { return .tooShort(bits: key.modulusBitCount) }
        }
        return nil
    }

    /// The policy reasons a key cannot verify an algorithm (RFC 7517 §4.2–4.4, RFC 7518 §3).
    enum Refusal {
        case keyType, boundToAlgorithm(String), use(String), keyOperationsWithoutVerify, keyOperation(String)
        case privateMembers, unusable(String), tooShort(bits: Int)

        func explanation(_ key: JWK, _ algorithm: JWSAlgorithm) -> String {
            let properties = algorithm.properties
            switch self {
            case .keyType:
                return "its key type \"\(key.keyType)\" cannot verify \(algorithm) (needs \"\(properties.family.keyType)\")"
            case .boundToAlgorithm(let declared):
                return "it is bound to \"alg\": \"\(declared)\", not \(algorithm)"
            case .use(let use):
                return "its \"use\" is \"\(use)\", not \"sig\""
            case .keyOperationsWithoutVerify:
                return "its \"key_ops\" do not include \"verify\""
            case .keyOperation(let odd):
                return "its \"key_ops\" include \"\(odd)\", which a verification key must not carry"
            case .privateMembers:
                return "it carries private key members; publish only the public key"
            case .unusable(let reason):
                return reason
            case .tooShort(let bits) where properties.family == .hmac:
                return "its secret is \(bits) bits; \(algorithm) needs at least \(properties.minimumKeyBits) bits (RFC 7518 §3.2)"
            case .tooShort(let bits):
                return "its modulus is \(bits) bits; \(algorithm) needs at least \(properties.minimumKeyBits) (RFC 7518 §3.3)"
            }
        }
    }

    // MARK: Member parsing

    private static func optionalString(_ object: JSONValue, _ name: String, _ title: String, section: String) throws(JOSEError) -> String? {
        guard let value = object[name] else { return nil }
        guard let string = value.string else {
            throw JOSEError(.jwkInvalid, "the JWK's \"\(name)\" (\(title)) member must be a string (RFC 7517 §\(section))")
        }
        return string
    }

    private static func keyOperations(_ object: JSONValue) throws(JOSEError) -> [String]? {
        guard let value = object["key_ops"] else { return nil }
        guard value.kind == .array else {
            throw JOSEError(.jwkInvalid, "the JWK's \"key_ops\" member must be an array of strings (RFC 7517 §4.3)")
        }
        var ops: [String] = []
        for element in value.elements {
            guard let op = element.string else {
                throw JOSEError(.jwkInvalid, "the JWK's \"key_ops\" member must contain only strings (RFC 7517 §4.3)")
            }
            guard !ops.contains(op) else {
                throw JOSEError(.jwkInvalid, "the JWK's \"key_ops\" member lists \"\(op)\" twice; values must be unique (RFC 7517 §4.3)")
            }
            ops.append(op)
        }
        return ops
    }

    private static func requiredString(_ object: JSONValue, _ name: String, kty: String) throws(JOSEError) -> String {
        guard let value = object[name]?.string else {
            throw JOSEError(.jwkInvalid, "the \(kty) JWK has no \"\(name)\" member, or it is not a string (RFC 7518 §6)")
        }
        return value
    }

    private static func decodeMember(_ text: String, _ name: String) throws(JOSEError) -> [UInt8] {
        do {
            return try Base64URL.decode(text)
        } catch {
            throw JOSEError(.jwkInvalid, "the JWK's \"\(name)\" member is not valid base64url: \(error)")
        }
    }

    private static func rsaMaterial(modulus: [UInt8], exponent: [UInt8]) -> Material {
        do {
            let key = try RSA.PublicKey(modulus: modulus, exponent: exponent)
            if RSAWeakKeys.hasROCAFingerprint(modulus: modulus) {
                return .unusable(reason: "its modulus has the ROCA fingerprint (CVE-2017-15361): the private key can be recovered; replace the key")
            }
            return .rsa(key)
        } catch {
            return .unusable(reason: "the RSA key is refused: \(error)")
        }
    }
}
