// The benchmark's own thin use of GMP, to *sign* fixtures (the library only verifies). gmp.h's
// mpz_* names are macros Swift cannot see, so the real __gmpz_* symbols are called here.
import CGMP

/// A GMP integer (`mpz_t`) owned by the benchmark's fixture signer; cleared in `deinit`.
/// Used on the thread that made it only.
final class FixtureMPZ {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    /// The value of lowercase or uppercase hex digits.
    convenience init(hex: String) throws(BenchError) {
        self.init()
        guard __gmpz_set_str(pointer, hex, 16) == 0 else {
            throw BenchError("fixture key component is not hex: \(hex.prefix(16))...")
        }
    }

    /// OS2IP (RFC 8017 §4.2) of big-endian bytes.
    convenience init(bigEndian bytes: [UInt8]) {
        self.init()
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress, !buffer.isEmpty {
                __gmpz_import(pointer, buffer.count, 1, 1, 0, 0, base)
            }
        }
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }

    /// Significant bits (0 for zero).
    var bitCount: Int { jose_mpz_sgn(pointer) == 0 ? 0 : Int(__gmpz_sizeinbase(pointer, 2)) }

    /// I2OSP (RFC 8017 §4.1): exactly `count` big-endian bytes, left-padded with zeros.
    func bigEndianBytes(count: Int) -> [UInt8] {
        let used = (bitCount + 7) / 8
        precondition(used <= count, "integer too large for \(count) bytes (fixture bug)")
        var out = [UInt8](repeating: 0, count: count)
        guard used > 0 else { return out }
        var written = 0
        out.withUnsafeMutableBytes { buffer in
            _ = __gmpz_export(buffer.baseAddress.map { $0 + (count - used) }, &written, 1, 1, 0, 0, pointer)
        }
        return out
    }

    /// Minimal big-endian bytes (the JWK form of n and e, RFC 7518 §6.3.1).
    var minimalBigEndianBytes: [UInt8] { bigEndianBytes(count: (bitCount + 7) / 8) }
}
