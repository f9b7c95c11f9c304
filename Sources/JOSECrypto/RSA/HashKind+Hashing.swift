/// Running a ``HashKind`` over up to three byte strings, without allocating: enough for a message,
/// for MGF1's seed || counter (RFC 8017 §B.2.1) and for PSS's M' = padding || mHash || salt (§9.1.2).
extension HashKind {
    func hash(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
              _ c: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) -> Digest {
        switch self {
        case .sha1: Self.run(SHA1.self, a, b, c)
        case .sha224: Self.run(SHA224.self, a, b, c)
        case .sha256: Self.run(SHA256.self, a, b, c)
        case .sha384: Self.run(SHA384.self, a, b, c)
        case .sha512: Self.run(SHA512.self, a, b, c)
        }
    }

    @inline(__always)
    private static func run<H: HashFunction>(_: H.Type, _ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer,
                                             _ c: UnsafeRawBufferPointer) -> Digest {
        var hasher = H()
        hasher.update(bufferPointer: a)
        hasher.update(bufferPointer: b)
        hasher.update(bufferPointer: c)
        return hasher.finalize()
    }

    /// The DER encoding of DigestInfo up to the digest itself (RFC 8017 §9.2, Note 1): the constant
    /// prefix of T in EMSA-PKCS1-v1_5. The digest (hLen bytes) follows it.
    var digestInfoPrefix: [UInt8] {
        switch self {
        case .sha1: DigestInfoPrefixes.sha1
        case .sha224: DigestInfoPrefixes.sha224
        case .sha256: DigestInfoPrefixes.sha256
        case .sha384: DigestInfoPrefixes.sha384
        case .sha512: DigestInfoPrefixes.sha512
        }
    }
}

/// RFC 8017 §9.2, Note 1, byte for byte.
private enum DigestInfoPrefixes {
    static let sha1: [UInt8] = [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14]
    static let sha224: [UInt8] = [0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04,
                                  0x05, 0x00, 0x04, 0x1c]
    static let sha256: [UInt8] = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
                                  0x05, 0x00, 0x04, 0x20]
    static let sha384: [UInt8] = [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02,
                                  0x05, 0x00, 0x04, 0x30]
    static let sha512: [UInt8] = [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03,
                                  0x05, 0x00, 0x04, 0x40]
}
