import Foundation
import Testing
import TestSupport
@testable import JOSECrypto

/// Keys and signatures an attacker controls: refused with the right error, answered `false`, never
/// a crash, and quickly.
@Suite("RSA hostile keys and signatures")
struct RSAHostileTests {
    /// A valid 2048-bit key (RFC 7515 A.2), e = 65537.
    static func referenceKey() throws -> RSA.PublicKey {
        let file = try Vectors.json(WycheproofRSAFile.self, "wycheproof/rsa_signature_2048_sha256_test.json")
        let group = try #require(file.testGroups.first)
        return try RSA.PublicKey(modulus: hexBytes(group.publicKey.modulus), exponent: hexBytes(group.publicKey.publicExponent))
    }

    static func expectKeyError(_ code: RSA.KeyError.Code, modulus: [UInt8], exponent: [UInt8],
                               policy: RSA.ModulusSizePolicy = .standard, _ label: String) {
        do {
            _ = try RSA.PublicKey(modulus: modulus, exponent: exponent, minimumModulusBits: policy)
            Issue.record("\(label): key accepted, expected \(code)")
        } catch {
            #expect(error.code == code, "\(label): \(error), expected \(code)")
            #expect(!error.reason.isEmpty, "\(label): empty reason")
        }
    }

    @Test func refusedKeys() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let key = try Self.referenceKey()
        let n = key.modulusBytes
        let e65537: [UInt8] = [1, 0, 1]
        // 16385 bits: one bit over the maximum; and a 1 MiB modulus, refused before any arithmetic.
        Self.expectKeyError(.modulusTooLarge, modulus: [1] + [UInt8](repeating: 0xff, count: 2048), exponent: e65537, "16385-bit n")
        Self.expectKeyError(.modulusTooLarge, modulus: [UInt8](repeating: 0xff, count: 1 << 20), exponent: e65537, "1 MiB n")
        // 16384 bits is the largest accepted.
        _ = try RSA.PublicKey(modulus: [UInt8](repeating: 0xff, count: 2048), exponent: e65537)
        // Under 2048 bits, unless insecurely allowed.
        let n1024 = [0xc0] + [UInt8](repeating: 0x35, count: 127)
        Self.expectKeyError(.modulusTooSmall, modulus: n1024, exponent: e65537, "1024-bit n")
        Self.expectKeyError(.modulusTooSmall, modulus: Array(n.dropFirst()), exponent: e65537, "2040-bit n")
        Self.expectKeyError(.modulusTooSmall, modulus: [], exponent: e65537, "empty n")
        Self.expectKeyError(.modulusTooSmall, modulus: [0, 0, 0], exponent: e65537, "zero n")
        #expect(throws: Never.self) { try RSA.PublicKey(modulus: n1024, exponent: e65537, minimumModulusBits: .insecureAllowing(1024)) }
        Self.expectKeyError(.modulusTooSmall, modulus: n1024, exponent: e65537, policy: .insecureAllowing(1025), "1024-bit n, floor 1025")
        // Even modulus.
        var even = n
        even[even.count - 1] &-= 1
        Self.expectKeyError(.modulusEven, modulus: even, exponent: e65537, "even n")
        // Exponents.
        Self.expectKeyError(.exponentTooSmall, modulus: n, exponent: [1], "e = 1")
        Self.expectKeyError(.exponentTooSmall, modulus: n, exponent: [], "e empty")
        Self.expectKeyError(.exponentTooSmall, modulus: n, exponent: [0, 0], "e = 0")
        Self.expectKeyError(.exponentTooSmall, modulus: n, exponent: [2], "e = 2")
        Self.expectKeyError(.exponentEven, modulus: n, exponent: [4], "e = 4")
        Self.expectKeyError(.exponentEven, modulus: n, exponent: [1, 0, 0], "e = 65536")
        Self.expectKeyError(.exponentTooLarge, modulus: n, exponent: [1] + [UInt8](repeating: 0, count: 8), "e = 2^64")
        Self.expectKeyError(.exponentTooLarge, modulus: n, exponent: n, "e = n")
        #expect(throws: Never.self) { try RSA.PublicKey(modulus: n, exponent: [0, 0] + [UInt8](repeating: 0xff, count: 8)) }
        // e >= n needs a modulus under 2^64, so a tiny, insecurely allowed one.
        Self.expectKeyError(.exponentNotBelowModulus, modulus: [15], exponent: [17], policy: .insecureAllowing(4), "e = 17 > n = 15")
        Self.expectKeyError(.exponentNotBelowModulus, modulus: [17], exponent: [17], policy: .insecureAllowing(4), "e = n = 17")
        #expect(clock.now - start < .seconds(2), "refusing keys took \(clock.now - start)")
    }

    @Test("edge signatures are rejected", arguments: [
        RSA.Padding.pkcs1v15(.sha256), .pkcs1v15(.sha512), .pss(.sha256), .pss(.sha384, mgf1: .sha256, saltLength: 0),
    ])
    func edgeSignatures(_ padding: RSA.Padding) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let key = try Self.referenceKey()
        let k = key.modulusByteCount
        let n = key.modulusBytes
        func minus(_ value: [UInt8], _ d: UInt8) -> [UInt8] {
            var out = value
            var i = out.count - 1
            var borrow = d
            while borrow > 0 && i >= 0 {
                let (r, o) = out[i].subtractingReportingOverflow(borrow)
                out[i] = r
                borrow = o ? 1 : 0
                i -= 1
            }
            return out
        }
        func plus(_ value: [UInt8], _ d: UInt8) -> [UInt8] {
            var out = value
            var i = out.count - 1
            var carry = d
            while carry > 0 && i >= 0 {
                let (r, o) = out[i].addingReportingOverflow(carry)
                out[i] = r
                carry = o ? 1 : 0
                i -= 1
            }
            return out
        }
        let zero = [UInt8](repeating: 0, count: k)
        let one = zero.dropLast() + [1]
        let cases: [(String, [UInt8])] = [
            ("s = 0", zero), ("s = 1", Array(one)), ("s = 2", plus(Array(one), 1)), ("s = n - 1", minus(n, 1)),
            ("s = n", n), ("s = n + 1", plus(n, 1)), ("s = 2^(8k) - 1", [UInt8](repeating: 0xff, count: k)),
            ("empty", []), ("1 byte", [1]), ("k - 1 bytes", Array(n.dropFirst())), ("k + 1 bytes", [0] + minus(n, 1)),
            ("k + 1 bytes of s = 1", [0] + one), ("2k bytes", n + n), ("64 KiB", [UInt8](repeating: 0x42, count: 1 << 16)),
        ]
        let message = Array("hostile".utf8)
        for (label, signature) in cases {
            #expect(try !key.isValidSignature(signature, for: message, padding: padding), "\(label) accepted with \(padding)")
            let digest = [UInt8](repeating: 0, count: padding.hash.digestByteCount)
            #expect(try !key.isValidSignature(signature, digest: digest, padding: padding), "\(label) accepted for a zero digest")
        }
        #expect(clock.now - start < .seconds(2), "edge signatures took \(clock.now - start)")
    }

    @Test func nonsensicalArgumentsThrow() throws {
        let key = try Self.referenceKey()
        let signature = [UInt8](repeating: 1, count: key.modulusByteCount)
        #expect(throws: RSA.ArgumentError(code: .digestLengthMismatch, reason: "")) {
            try key.isValidSignature(signature, digest: [UInt8](repeating: 0, count: 31), padding: .pkcs1v15(.sha256))
        }
        #expect(throws: RSA.ArgumentError(code: .digestLengthMismatch, reason: "")) {
            try key.isValidSignature(signature, digest: [UInt8](repeating: 0, count: 32), padding: .pss(.sha512))
        }
        #expect(throws: RSA.ArgumentError(code: .negativeSaltLength, reason: "")) {
            try key.isValidSignature(signature, for: [1, 2, 3], padding: .pss(.sha256, mgf1: .sha256, saltLength: -1))
        }
        // A salt too long for the key is not nonsense in general, only inconsistent here: false.
        #expect(try !key.isValidSignature(signature, for: [1, 2, 3], padding: .pss(.sha256, mgf1: .sha256, saltLength: 1 << 20)))
        #expect(try !key.isValidSignature(signature, for: [1, 2, 3], padding: .pss(.sha256, mgf1: .sha256, saltLength: .max)))
    }

    /// Tiny, insecurely allowed keys: PKCS#1 v1.5 and PSS encodings cannot fit, so every signature
    /// is answered false without trapping.
    @Test func tinyKeysNeverTrap() throws {
        for (modulus, exponent) in [([UInt8]([0xbb]), [UInt8]([3])), ([0x01, 0x00, 0x01], [3]), ([0xff, 0xff, 0xff, 0xfd], [1, 0, 1])] {
            let key = try RSA.PublicKey(modulus: modulus, exponent: exponent, minimumModulusBits: .insecureAllowing(1))
            for padding in [RSA.Padding.pkcs1v15(.sha256), .pss(.sha256), .pss(.sha256, mgf1: .sha256, saltLength: 0)] {
                for s in 0..<min(256, Int(modulus[0])) {
                    let signature = [UInt8](repeating: 0, count: key.modulusByteCount - 1) + [UInt8(s)]
                    #expect(try !key.isValidSignature(signature, for: [], padding: padding), "n = \(modulus), s = \(s)")
                }
            }
        }
    }
}
