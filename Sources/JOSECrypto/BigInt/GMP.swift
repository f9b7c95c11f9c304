// The one file that calls libgmp. gmp.h spells its API as macros (mpz_init -> __gmpz_init) that
// Swift cannot import, so the real __gmpz_* / __gmpn_* symbols are called here and nowhere else;
// function-like macros go through the jose_* shims of Sources/CGMP/shim.h.
import CGMP

/// One machine word of a GMP natural number (`mp_limb_t`, 64 bits on every platform we build for).
typealias Limb = mp_limb_t

/// A non-negative arbitrary-precision integer backed by a GMP `mpz_t`, used for the one-off work of
/// preparing an RSA public key (RFC 8017 §3.1): importing n, counting bits, reading its limbs.
///
/// The class owns its `mpz_t` and clears it in `deinit`. It is not shared across threads.
final class GMPInteger {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    /// Zero.
    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    /// The value of the big-endian unsigned bytes in `bytes` (OS2IP, RFC 8017 §4.2).
    convenience init(bigEndian bytes: UnsafeRawBufferPointer) {
        self.init()
        setFromBigEndian(bytes)
    }

    /// Sets the value to the big-endian unsigned bytes in `bytes`.
    func setFromBigEndian(_ bytes: UnsafeRawBufferPointer) {
        __gmpz_set_ui(pointer, 0)
        if let base = bytes.baseAddress, bytes.count > 0 {
            // count words of 1 byte, most significant word first, native byte order, no nails.
            __gmpz_import(pointer, bytes.count, 1, 1, 0, 0, base)
        }
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }

    /// The number of significant bits; 0 for zero.
    var bitCount: Int {
        jose_mpz_sgn(pointer) == 0 ? 0 : Int(__gmpz_sizeinbase(pointer, 2))
    }

    /// True when the value is odd.
    var isOdd: Bool { jose_mpz_odd_p(pointer) != 0 }

    /// The number of limbs in use (0 for zero).
    var limbCount: Int { Int(__gmpz_size(pointer)) }

    /// The sign of `self - other`: -1, 0 or 1.
    func compare(_ other: GMPInteger) -> Int {
        Int(__gmpz_cmp(pointer, other.pointer).signum())
    }

    /// Sets `self` to `base`^`exponent` mod `modulus` with GMP's own `mpz_powm`.
    func setPower(_ base: GMPInteger, _ exponent: GMPInteger, modulo modulus: GMPInteger) {
        __gmpz_powm(pointer, base.pointer, exponent.pointer, modulus.pointer)
    }

    /// Copies the low `count` limbs (least significant first) into `destination`, zero-filling
    /// limbs above the value's size.
    func copyLimbs(into destination: UnsafeMutablePointer<Limb>, count: Int) {
        let used = min(limbCount, count)
        if used > 0, let source = __gmpz_limbs_read(pointer) {
            destination.update(from: source, count: used)
        }
        if used < count {
            (destination + used).initialize(repeating: 0, count: count - used)
        }
    }

    /// The value as minimal big-endian bytes (I2OSP without padding, RFC 8017 §4.1); empty for zero.
    var bigEndianBytes: [UInt8] {
        let byteCount = (bitCount + 7) / 8
        guard byteCount > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: byteCount)
        var written = 0
        out.withUnsafeMutableBytes { buffer in
            _ = __gmpz_export(buffer.baseAddress, &written, 1, 1, 0, 0, pointer)
        }
        return out
    }
}

/// Thin forwarders to GMP's public low-level natural-number functions (the `mpn_*` layer).
/// All operate on `count` limbs, least significant first; none allocates on the heap at the sizes
/// RSA uses (GMP's temporary space for Toom multiplication comes from the stack).
enum MPN {
    /// rp[0..<2n] = ap * ap (`mpn_sqr`); rp must not overlap ap.
    @inline(__always)
    static func square(_ rp: UnsafeMutablePointer<Limb>, _ ap: UnsafePointer<Limb>, _ n: Int) {
        __gmpn_sqr(rp, ap, n)
    }

    /// rp[0..<2n] = ap * bp (`mpn_mul_n`); rp must overlap neither input.
    @inline(__always)
    static func multiply(_ rp: UnsafeMutablePointer<Limb>, _ ap: UnsafePointer<Limb>, _ bp: UnsafePointer<Limb>, _ n: Int) {
        __gmpn_mul_n(rp, ap, bp, n)
    }

    /// rp[0..<n] += ap[0..<n] * b, returning the carry limb (`mpn_addmul_1`).
    @inline(__always)
    static func addMultiple(_ rp: UnsafeMutablePointer<Limb>, _ ap: UnsafePointer<Limb>, _ n: Int, _ b: Limb) -> Limb {
        __gmpn_addmul_1(rp, ap, n, b)
    }

    /// rp = ap + bp over n limbs, returning the carry (`mpn_add_n`); rp may equal ap or bp.
    @inline(__always)
    static func add(_ rp: UnsafeMutablePointer<Limb>, _ ap: UnsafePointer<Limb>, _ bp: UnsafePointer<Limb>, _ n: Int) -> Limb {
        __gmpn_add_n(rp, ap, bp, n)
    }

    /// rp = ap - bp over n limbs, returning the borrow (`mpn_sub_n`); rp may equal ap or bp.
    @inline(__always)
    @discardableResult
    static func subtract(_ rp: UnsafeMutablePointer<Limb>, _ ap: UnsafePointer<Limb>, _ bp: UnsafePointer<Limb>, _ n: Int) -> Limb {
        __gmpn_sub_n(rp, ap, bp, n)
    }

    /// qp[0...nn-dn] = np / dp and rp[0..<dn] = np mod dp (`mpn_tdiv_qr`), for nn >= dn >= 1 and a
    /// non-zero top limb of dp; qp and rp overlap neither np nor dp.
    @inline(__always)
    static func divide(quotient qp: UnsafeMutablePointer<Limb>, remainder rp: UnsafeMutablePointer<Limb>,
                       _ np: UnsafePointer<Limb>, _ nn: Int, by dp: UnsafePointer<Limb>, _ dn: Int) {
        __gmpn_tdiv_qr(qp, rp, 0, np, nn, dp, dn)
    }

    /// The sign of ap - bp over n limbs (`mpn_cmp`).
    @inline(__always)
    static func compare(_ ap: UnsafePointer<Limb>, _ bp: UnsafePointer<Limb>, _ n: Int) -> Int32 {
        __gmpn_cmp(ap, bp, n)
    }
}
