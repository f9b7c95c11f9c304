import Testing
@testable import JOSECrypto

/// The Montgomery exponentiation agrees with GMP's mpz_powm on random bases, for moduli of one limb
/// to 4096 bits (including sizes that are not a multiple of 64) and exponents from 3 to 2^64 - 1.
@Suite("Montgomery exponentiation")
struct MontgomeryTests {
    @Test(arguments: [7, 64, 65, 127, 512, 1000, 2048, 2049, 3072, 4096])
    func agreesWithMPZPowm(bits: Int) throws {
        var rng = SystemRandomNumberGenerator()
        let byteCount = (bits + 7) / 8
        for trial in 0..<4 {
            var nBytes = (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let topBits = bits - 8 * (byteCount - 1)
            nBytes[0] = nBytes[0] & UInt8(truncatingIfNeeded: (1 << topBits) - 1) | UInt8(truncatingIfNeeded: 1 << (topBits - 1))
            nBytes[byteCount - 1] |= 1
            if trial == 1 { nBytes = nBytes.enumerated().map { $0.offset == byteCount - 1 ? 0xff : ($0.offset == 0 ? nBytes[0] : 0xff) } }
            let n = nBytes.withUnsafeBytes { GMPInteger(bigEndian: $0) }
            let context = MontgomeryContext(modulus: n)
            let count = context.limbCount
            for exponent: UInt64 in [3, 5, 17, 65537, 0xffff_ffff_ffff_ffff, UInt64.random(in: 3...UInt64.max, using: &rng) | 1] {
                // Bases: 0, 1, n - 1 and random values below n.
                for baseKind in 0..<6 {
                    var baseBytes = (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &rng) }
                    baseBytes[0] &= nBytes[0] >> 1
                    if baseKind == 0 { baseBytes = [UInt8](repeating: 0, count: byteCount) }
                    if baseKind == 1 { baseBytes = [UInt8](repeating: 0, count: byteCount - 1) + [1] }
                    if baseKind == 2 { baseBytes = nBytes; baseBytes[byteCount - 1] -= 1 }
                    let base = baseBytes.withUnsafeBytes { GMPInteger(bigEndian: $0) }
                    let e = GMPInteger()
                    withUnsafeBytes(of: exponent.bigEndian) { e.setFromBigEndian($0) }
                    let expected = GMPInteger()
                    expected.setPower(base, e, modulo: n)
                    var baseLimbs = [Limb](repeating: 0, count: count)
                    var result = [Limb](repeating: 0, count: count)
                    var scratch = [Limb](repeating: 0, count: context.scratchLimbCount)
                    base.copyLimbs(into: &baseLimbs, count: count)
                    context.power(baseLimbs, exponent: exponent, into: &result, scratch: &scratch)
                    var expectedLimbs = [Limb](repeating: 0, count: count)
                    expected.copyLimbs(into: &expectedLimbs, count: count)
                    #expect(result == expectedLimbs, "\(bits)-bit n, trial \(trial), e = \(exponent), base kind \(baseKind)")
                }
            }
        }
    }

    @Test func limbConversionsRoundTrip() {
        for byteCount in [1, 7, 8, 9, 15, 16, 17, 255, 256, 257] {
            let bytes = (0..<byteCount).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let count = (byteCount + 7) / 8 + 1
            var limbs = [Limb](repeating: 0xdead, count: count)
            bytes.withUnsafeBytes { Limbs.load(bigEndian: $0, into: &limbs, count: count) }
            let viaGMP = bytes.withUnsafeBytes { GMPInteger(bigEndian: $0) }
            var gmpLimbs = [Limb](repeating: 0, count: count)
            viaGMP.copyLimbs(into: &gmpLimbs, count: count)
            #expect(limbs == gmpLimbs, "\(byteCount) bytes load")
            var back = [UInt8](repeating: 0, count: byteCount)
            back.withUnsafeMutableBytes { Limbs.store(limbs, count: count, bigEndian: $0) }
            #expect(back == bytes, "\(byteCount) bytes store")
            #expect(viaGMP.bigEndianBytes == Array(bytes.drop(while: { $0 == 0 })), "\(byteCount) bytes export")
        }
    }
}
