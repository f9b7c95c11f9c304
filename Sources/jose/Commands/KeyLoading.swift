import JOSE

/// Where `jose verify` gets its keys: exactly one of `--jwks`, `--oidc`, `--secret-file`, `--jwk`.
/// Every problem here is a configuration error (exit status 2), never "invalid token".
enum KeyLoading {
    static let sourceOptions = ["jwks", "oidc", "secret-file", "jwk"]

    /// The bytes of a JWK Set from a file, `-` (standard input) or a URL.
    static func jwksBytes(_ source: String) async throws(UsageError) -> [UInt8] {
        if RemoteKeySource.isURL(source) {
            return try await RemoteKeySource.fetch(source, what: "JWK Set")
        }
        return try Input.read(source, what: "JWK Set")
    }

    /// The key set the options name.
    static func keySet(_ arguments: ParsedArguments, algorithms: Set<JWSAlgorithm>) async throws(UsageError) -> JWKSet {
        let given = sourceOptions.filter { arguments.has($0) }
        guard given.count == 1, let option = given.first, let value = arguments.value(option) else {
            throw UsageError(given.isEmpty
                ? "no key: give one of --jwks FILE|URL, --oidc ISSUER, --secret-file FILE, --jwk FILE"
                : "give only one key source; got --\(given.joined(separator: " and --"))", command: "verify")
        }
        switch option {
        case "jwks":
            return try parseSet(try await jwksBytes(value), from: value)
        case "oidc":
            let jwksURI = try await RemoteKeySource.discoverJWKSURI(issuer: value)
            return try parseSet(try await RemoteKeySource.fetch(jwksURI, what: "JWK Set (jwks_uri)"), from: jwksURI)
        case "jwk":
            return try singleKey(try Input.read(value, what: "JWK"), from: value)
        default:
            return try secret(try Input.read(value, what: "secret"), from: value, algorithms: algorithms)
        }
    }

    static func parseSet(_ bytes: [UInt8], from source: String) throws(UsageError) -> JWKSet {
        do {
            return try JWKSet(bytes: bytes)
        } catch {
            throw UsageError("the JWK Set from \(source) cannot be used: \(error.message) (\(error.code.rawValue)); 'jose jwks \(source)' lists its keys")
        }
    }

    static func singleKey(_ bytes: [UInt8], from source: String) throws(UsageError) -> JWKSet {
        do {
            let document = try JSONDocument(bytes: bytes)
            if document.root["keys"] != nil {
                throw UsageError("\(source) holds a JWK Set, not one key: use --jwks \(source)")
            }
            return try JWKSet(keys: [try JWK(document.root)])
        } catch let error as UsageError {
            throw error
        } catch let error as JOSEError {
            throw UsageError("the JWK in \(source) cannot be used: \(error.message) (\(error.code.rawValue))")
        } catch {
            throw UsageError("the JWK in \(source) is not valid JSON: \(error)")
        }
    }

    /// An HMAC secret file: its bytes, without one trailing newline (LF or CRLF) so that
    /// `echo secret > file` works. A secret that must end in a newline byte goes in a JWK (`--jwk`).
    static func secret(_ bytes: [UInt8], from source: String, algorithms: Set<JWSAlgorithm>) throws(UsageError) -> JWKSet {
        var secret = bytes
        if secret.last == 0x0A { secret.removeLast(); if secret.last == 0x0D { secret.removeLast() } }
        guard !secret.isEmpty else { throw UsageError("the secret file \(source) is empty") }
        if let other = algorithms.first(where: { $0.family != .hmac }) {
            throw UsageError("--secret-file holds an HMAC secret, which verifies HS256/HS384/HS512 only; --alg \(other) needs --jwks, --oidc or --jwk")
        }
        // Too short for every allowed algorithm: it can verify nothing (RFC 7518 §3.2 minimum sizes).
        if let weakest = algorithms.min(by: { $0.properties.minimumKeyBits < $1.properties.minimumKeyBits }),
           secret.count * 8 < weakest.properties.minimumKeyBits {
            throw UsageError("the secret in \(source) is \(secret.count * 8) bits; \(weakest) needs at least \(weakest.properties.minimumKeyBits) bits (RFC 7518 §3.2)")
        }
        do {
            return try JWKSet(keys: [try JWK(json: #"{"kty":"oct","k":"\#(Base64URL.encode(secret))"}"#)])
        } catch {
            throw UsageError("the secret in \(source) cannot be used: \(error.message)")
        }
    }
}
