import Foundation
import JOSECrypto

/// The SHA-2 functions of the public API, named as vector files name them.
enum SHA2Hash: CaseIterable {
    case sha256, sha384, sha512

    /// `"SHA256"`, `"SHA-256"`, `"sha256"`... to a case; nil for hashes the public API does not offer.
    init?(name: String) {
        switch name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "SHA256": self = .sha256
        case "SHA384": self = .sha384
        case "SHA512": self = .sha512
        default: return nil
        }
    }

    /// The skip reason for a hash the public API does not offer.
    static func unsupported(_ name: String) -> String {
        var label = name
        if label.hasPrefix("SHA"), label.dropFirst(3).first?.isNumber == true { label = "SHA-" + label.dropFirst(3) }
        return "\(label) is not in the public API (JOSE signs with SHA-256/384/512 only)"
    }

    var label: String {
        switch self {
        case .sha256: "SHA-256"
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }

    var digestByteCount: Int {
        switch self {
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    var rsa: RSA.HashAlgorithm {
        switch self {
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }

    func hash(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: SHA256.hash(bytes).bytes
        case .sha384: SHA384.hash(bytes).bytes
        case .sha512: SHA512.hash(bytes).bytes
        }
    }

    /// The full-length HMAC (RFC 2104).
    func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: HMAC<SHA256>.authenticationCode(for: message, using: HMAC<SHA256>.Key(key)).bytes
        case .sha384: HMAC<SHA384>.authenticationCode(for: message, using: HMAC<SHA384>.Key(key)).bytes
        case .sha512: HMAC<SHA512>.authenticationCode(for: message, using: HMAC<SHA512>.Key(key)).bytes
        }
    }

    /// `HMAC.isValidAuthenticationCode`: full-length tags only, compared in constant time.
    func isValidHMAC(_ tag: [UInt8], key: [UInt8], message: [UInt8]) -> Bool {
        switch self {
        case .sha256: HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: message, using: HMAC<SHA256>.Key(key))
        case .sha384: HMAC<SHA384>.isValidAuthenticationCode(tag, authenticating: message, using: HMAC<SHA384>.Key(key))
        case .sha512: HMAC<SHA512>.isValidAuthenticationCode(tag, authenticating: message, using: HMAC<SHA512>.Key(key))
        }
    }
}
