/// Montgomery arithmetic modulo one odd modulus n, prepared once per RSA key so that each
/// verification spends its time in GMP's multiplication and nothing else (DESIGN.md "Big integers").
///
/// With L limbs and R = 2^(64·L), the context keeps n as limbs and n' = -n⁻¹ mod 2^64.
/// ``power(_:exponent:into:scratch:)`` computes bᵉ mod n with left-to-right square-and-multiply
/// in Montgomery form; its last multiplication uses the plain base b instead of bR, which leaves
/// the result out of Montgomery form without a separate conversion.
///
/// bR mod n is computed by one division of b·R by n (`mpn_tdiv_qr`) rather than as the Montgomery
/// product of b and a cached R² mod n: one division measured 2-4% faster per verification than a
/// multiplication plus a reduction, so R² is not kept.
///
/// Immutable after `init`: the limb buffers are written there and only read afterwards, so one
/// context may be used from many threads at once.
final class MontgomeryContext: @unchecked Sendable {  // immutable after init (see above)
    /// L, the number of 64-bit limbs of n.
    let limbCount: Int
    /// n, L limbs, least significant first.
    let modulus: UnsafeMutablePointer<Limb>
    /// -n⁻¹ mod 2^64.
    let nPrime: Limb

    /// Prepares the context for the odd, positive `n`.
    init(modulus n: GMPInteger) {
        precondition(n.isOdd, "Montgomery arithmetic needs an odd modulus")
        let count = n.limbCount
        limbCount = count
        modulus = .allocate(capacity: count)
        n.copyLimbs(into: modulus, count: count)
        // Newton's iteration for the inverse of n0 mod 2^64: n0·n0 ≡ 1 (mod 8) for odd n0, and
        // every step doubles the number of correct low bits (3 → 6 → 12 → 24 → 48 → 96).
        let n0 = modulus[0]
        var inverse = n0
        for _ in 0..<5 { inverse = inverse &* (2 &- n0 &* inverse) }
        nPrime = 0 &- inverse
    }

    deinit {
        modulus.deallocate()
    }

    /// Limbs of scratch space ``power(_:exponent:into:scratch:)`` needs: 4L + 1.
    var scratchLimbCount: Int { 4 * limbCount + 1 }

    /// r = REDC(t) = t·R⁻¹ mod n, for t < n·R held in 2L limbs (destroyed), r < n in L limbs.
    ///
    /// Each of the L rounds adds u·n at limb i, which zeroes t[i] and returns a carry that belongs at
    /// limb i+L; the carry is parked in t[i] (now free) and all L carries are added to the upper half
    /// with one `mpn_add_n` at the end. Propagating each carry at once (`mpn_add_1`) branches on the
    /// data and measured 15% slower. The result is below 2n, so one conditional subtraction reduces it.
    @inline(__always)
    private func reduce(_ t: UnsafeMutablePointer<Limb>, into r: UnsafeMutablePointer<Limb>) {
        let count = limbCount
        let n = UnsafePointer(modulus)
        let np = nPrime
        for i in 0..<count {
            let u = t[i] &* np
            t[i] = MPN.addMultiple(t + i, n, count, u)
        }
        let carry = MPN.add(r, t + count, t, count)
        if carry != 0 || MPN.compare(r, n, count) >= 0 {
            MPN.subtract(r, r, n, count)
        }
    }

    /// r = a·b·R⁻¹ mod n; `t` is 2L limbs of scratch; r may alias a or b.
    @inline(__always)
    private func multiply(_ a: UnsafePointer<Limb>, _ b: UnsafePointer<Limb>, into r: UnsafeMutablePointer<Limb>,
                          t: UnsafeMutablePointer<Limb>) {
        MPN.multiply(t, a, b, limbCount)
        reduce(t, into: r)
    }

    /// r = a²·R⁻¹ mod n; `t` is 2L limbs of scratch; r may alias a.
    @inline(__always)
    private func square(_ a: UnsafePointer<Limb>, into r: UnsafeMutablePointer<Limb>, t: UnsafeMutablePointer<Limb>) {
        MPN.square(t, a, limbCount)
        reduce(t, into: r)
    }

    /// result = base^exponent mod n (RSAVP1's s^e mod n, RFC 8017 §5.2.2) for base < n and an odd
    /// exponent ≥ 3. `result` holds L limbs; `scratch` holds ``scratchLimbCount`` limbs; none of the
    /// three may overlap.
    func power(_ base: UnsafePointer<Limb>, exponent: UInt64, into result: UnsafeMutablePointer<Limb>,
               scratch: UnsafeMutablePointer<Limb>) {
        precondition(exponent >= 3 && exponent & 1 == 1, "the exponent is odd and at least 3")
        let count = limbCount
        let baseMont = scratch            // b·R mod n, L limbs
        let t = scratch + count           // 2L limbs for products
        let quotient = t + 2 * count      // L + 1 limbs, written by the division and ignored
        let x = result                    // the running power, in Montgomery form
        // b·R mod n: b shifted up by L limbs, divided by n.
        t.initialize(repeating: 0, count: count)
        (t + count).update(from: base, count: count)
        MPN.divide(quotient: quotient, remainder: baseMont, t, 2 * count, by: modulus, count)
        x.update(from: baseMont, count: count)
        let topBit = UInt64.bitWidth - 1 - exponent.leadingZeroBitCount
        var bit = topBit - 1
        while bit >= 1 {
            square(x, into: x, t: t)
            if (exponent >> UInt64(bit)) & 1 == 1 {
                multiply(x, baseMont, into: x, t: t)
            }
            bit -= 1
        }
        // Bit 0 is set (the exponent is odd): square, then multiply by b rather than bR, so that
        // x·b·R⁻¹ = b^e exactly, already out of Montgomery form.
        square(x, into: x, t: t)
        multiply(x, base, into: x, t: t)
    }
}
