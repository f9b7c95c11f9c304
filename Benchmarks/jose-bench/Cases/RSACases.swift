import JOSECrypto

extension BenchCase {
    /// RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) of a SHA-256 digest with a `bits`-bit key,
    /// through the allocation-free `isValidSignature(signatureBufferPointer:digestBufferPointer:padding:)`;
    /// OpenSSL: the verify column of `openssl speed rsaBITS` (PKCS#1 v1.5, e = 65537).
    static func rsaPKCS1(name: String, bits: Int) -> BenchCase {
        rsaVerify(name: name, bits: bits, padding: .pkcs1v15(.sha256))
    }

    /// RSASSA-PSS verification (RFC 8017 §8.1.2; SHA-256, MGF1-SHA-256, 32-byte salt as PS256 uses,
    /// RFC 7518 §3.5) of a digest. OpenSSL's reference is still `openssl speed rsaBITS` (it has no PSS
    /// verify figure): the same exponentiation, plus MGF1 on our side.
    static func rsaPSS(name: String, bits: Int) -> BenchCase {
        rsaVerify(name: name, bits: bits, padding: .pss(.sha256))
    }

    private static func rsaVerify(name: String, bits: Int, padding: RSA.Padding) -> BenchCase {
        BenchCase(name: name, inputBytes: 32, openssl: .rsaVerify(bits: bits)) {
            let inputs = try RSASignatureInputs(bits: bits, padding: padding, seed: 0x5253_4100 + UInt64(bits))
            let key = inputs.key
            return try Workload(inputs: inputs.items, keepAlive: inputs.buffers, expect: { $0 }) { item in
                try key.isValidSignature(signatureBufferPointer: item.signature, digestBufferPointer: item.digest, padding: padding)
            }
        }
    }
}

/// >= 256 distinct (digest, signature) pairs under one fixture key, signed by ``FixtureRSASigner``
/// and packed into one buffer so the timed loop only reads memory.
struct RSASignatureInputs {
    struct Item {
        let signature: UnsafeRawBufferPointer
        let digest: UnsafeRawBufferPointer
    }

    let key: RSA.PublicKey
    let items: [Item]
    let buffers: InputBuffers

    init(bits: Int, padding: RSA.Padding, seed: UInt64) throws {
        let signer = try FixtureRSASigner(FixtureRSAKey.of(bits: bits))
        key = try RSA.PublicKey(modulus: signer.modulusBytes, exponent: signer.exponentBytes)
        var generator = InputGenerator(seed: seed)
        var packed: [[UInt8]] = []
        for _ in 0..<Workload.minimumInputs {
            let digest = SHA256.hash(generator.bytes(64)).bytes
            let signature: [UInt8]
            switch padding {
            case .pkcs1v15(.sha256): signature = signer.signPKCS1v15SHA256(digest: digest)
            case .pss(.sha256, mgf1: .sha256, saltLength: 32): signature = signer.signPSSSHA256(digest: digest, salt: generator.bytes(32))
            default: throw BenchError("the fixture signer makes SHA-256 PKCS#1 v1.5 and PS256-style PSS only, not \(padding)")
            }
            packed += [signature, digest]
        }
        buffers = InputBuffers(packing: packed)
        let views = buffers.views
        items = stride(from: 0, to: views.count, by: 2).map { Item(signature: views[$0], digest: views[$0 + 1]) }
    }
}
