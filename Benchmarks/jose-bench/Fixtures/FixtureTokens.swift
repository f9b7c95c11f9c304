import JOSE
import JOSECrypto

/// How fixture tokens are signed: HS256 with a key of the case's JWK Set, RS256/PS256 with the GMP
/// fixture signer (RFC 7518 §3.2, §3.3, §3.5).
enum FixtureTokenSigner {
    case hs256(secret: [UInt8])
    case rs256(FixtureRSASigner)
    case ps256(FixtureRSASigner)
}

enum FixtureTokens {
    /// `count` distinct tokens of `layout` signed by `signer`. The claims' head (a big claim, if any)
    /// is encoded and hashed once; each token encodes and hashes only its own tail, so 256 tokens of
    /// 1 MB take a moment, not seconds.
    /// Token `i` names `keyIDs[i % keyIDs.count]` (all of the layout's `kid` length), or the layout's `kid`.
    static func make(_ layout: FixtureTokenLayout, signer: FixtureTokenSigner, keyIDs: [String]? = nil,
                     count: Int = Workload.minimumInputs, seed: UInt64) throws(BenchError) -> [String] {
        var generator = InputGenerator(seed: seed)
        let head = layout.headBytes == 1
            ? AuthentikClaims.emptyHead
            : AuthentikClaims.bigHead(headBytes: layout.headBytes, seed: seed ^ 0xB16)
        // The head's base64url can be shared only when it ends on a 3-byte boundary.
        let shared = head.count % 3 == 0 ? head : []
        let carried = head.count % 3 == 0 ? [] : head
        let sharedBase64 = Array(Base64URL.encode(shared).utf8)
        let hmacKey: HMAC<SHA256>.Key? = if case .hs256(let secret) = signer { HMAC<SHA256>.Key(secret) } else { nil }
        // Per kid: the token's text up to the tail, and the MAC or hash state over it.
        var prefixes: [String: (text: [UInt8], mac: HMAC<SHA256>?, sha: SHA256)] = [:]
        func prefix(for keyID: String) -> (text: [UInt8], mac: HMAC<SHA256>?, sha: SHA256) {
            if let known = prefixes[keyID] { return known }
            let text = Array(Base64URL.encode(layout.headerJSON(keyID: keyID)).utf8) + [UInt8(ascii: ".")] + sharedBase64
            var mac = hmacKey.map { HMAC<SHA256>(key: $0) }
            mac?.update(text)
            var sha = SHA256()
            if mac == nil { sha.update(text) }
            prefixes[keyID] = (text, mac, sha)
            return (text, mac, sha)
        }

        var tokens: [String] = []
        tokens.reserveCapacity(count)
        for index in 0..<count {
            let (prefix, hmacPrefix, shaPrefix) = prefix(for: keyIDs.map { $0[index % $0.count] } ?? layout.keyID)
            let rest = Array(Base64URL.encode(carried + AuthentikClaims.tail(index: index, generator: &generator)).utf8)
            let signature: [UInt8]
            switch signer {
            case .hs256:
                guard var mac = hmacPrefix else { throw BenchError("HMAC state missing (fixture bug)") }
                mac.update(rest)
                signature = mac.finalize().bytes
            case .rs256(let rsa):
                var sha = shaPrefix
                sha.update(rest)
                signature = rsa.signPKCS1v15SHA256(digest: sha.finalize().bytes)
            case .ps256(let rsa):
                var sha = shaPrefix
                sha.update(rest)
                signature = rsa.signPSSSHA256(digest: sha.finalize().bytes, salt: generator.bytes(32))
            }
            var token: [UInt8] = []
            token.reserveCapacity(layout.tokenLength)
            token += prefix
            token += rest
            token.append(UInt8(ascii: "."))
            token += Array(Base64URL.encode(signature).utf8)
            guard token.count == layout.tokenLength else {
                throw BenchError("fixture token \(index) is \(token.count) bytes; its layout says \(layout.tokenLength)")
            }
            tokens.append(String(decoding: token, as: UTF8.self))
        }
        return tokens
    }
}
