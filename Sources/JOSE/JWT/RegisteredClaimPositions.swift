/// Where the registered claims the validation reads (RFC 7519 §4.1: `iss`, `sub`, `aud`, `exp`, `nbf`,
/// `iat`) sit in a claims object, found in one pass over its member names instead of one scan per
/// claim. Names compare after decoding escapes, like every other member lookup.
struct RegisteredClaimPositions {
    private(set) var issuer: Int?
    private(set) var subject: Int?
    private(set) var audience: Int?
    private(set) var expirationTime: Int?
    private(set) var notBefore: Int?
    private(set) var issuedAt: Int?

    /// Finds the registered claims in `claims`, which must be an object.
    init(_ claims: JSONValue) {
        let document = claims.document
        let object = claims.index
        document.storage.withTape { tape in
            document.storage.withText { p in
                let members = Int(tape[object].aux)
                var k = object + 1
                for _ in 0..<members {
                    let name = tape[k]
                    if let packed = Self.packedThreeByteName(name, p) {
                        record(packed, valueAt: k + 1)
                    }
                    k = Int(tape[k + 1].next)
                }
            }
        }
    }

    /// The value at tape position `index` of the document `claims` belongs to.
    static func value(_ index: Int?, in claims: JSONValue) -> JSONValue? {
        index.map { JSONValue(document: claims.document, index: $0) }
    }

    private static func pack(_ name: StaticString) -> UInt32 {
        let b = name.utf8Start
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16
    }

    private mutating func record(_ packed: UInt32, valueAt index: Int) {
        switch packed {
        case Self.iss: issuer = index
        case Self.sub: subject = index
        case Self.aud: audience = index
        case Self.exp: expirationTime = index
        case Self.nbf: notBefore = index
        case Self.iat: issuedAt = index
        default: break
        }
    }

    private static let iss = pack("iss"), sub = pack("sub"), aud = pack("aud")
    private static let exp = pack("exp"), nbf = pack("nbf"), iat = pack("iat")

    /// A name's three decoded bytes packed little-endian, or nil when it does not decode to three bytes.
    private static func packedThreeByteName(_ name: JSONTapeEntry, _ p: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let contents = JSONDuplicateNames.contents(name)
        if name.aux & JSONTapeEntry.hasEscapes == 0 {
            guard contents.count == 3 else { return nil }
            let s = contents.lowerBound
            return UInt32(p[s]) | UInt32(p[s + 1]) << 8 | UInt32(p[s + 2]) << 16
        }
        var decoded = JSONDecodedString(p, contents)
        var packed: UInt32 = 0
        for position in 0..<4 {
            guard let byte = decoded.next() else { return position == 3 ? packed : nil }
            if position == 3 { return nil }
            packed |= UInt32(byte) << (8 * UInt32(position))
        }
        return nil
    }
}
