/// Conversions between big-endian octet strings (RFC 8017 §4: OS2IP, I2OSP) and GMP limbs,
/// least significant limb first, without allocating.
enum Limbs {
    /// limbs[0..<count] = OS2IP(bytes). Requires bytes.count <= 8·count.
    static func load(bigEndian bytes: UnsafeRawBufferPointer, into limbs: UnsafeMutablePointer<Limb>, count: Int) {
        let byteCount = bytes.count
        precondition(byteCount <= count * MemoryLayout<Limb>.size, "the octet string fits in the limbs")
        let fullLimbs = byteCount / 8
        var end = byteCount
        for i in 0..<fullLimbs {
            let word = bytes.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)
            limbs[i] = Limb(UInt64(bigEndian: word))
            end -= 8
        }
        var remaining = count - fullLimbs
        var index = fullLimbs
        if end > 0 {
            var word: Limb = 0
            for j in 0..<end { word = word << 8 | Limb(bytes[j]) }
            limbs[index] = word
            index += 1
            remaining -= 1
        }
        if remaining > 0 { (limbs + index).initialize(repeating: 0, count: remaining) }
    }

    /// Writes the low bytes.count octets of limbs[0..<count] big-endian into `bytes` (I2OSP with
    /// xLen = bytes.count; the caller knows the value fits). Requires bytes.count <= 8·count.
    static func store(_ limbs: UnsafePointer<Limb>, count: Int, bigEndian bytes: UnsafeMutableRawBufferPointer) {
        let byteCount = bytes.count
        precondition(byteCount <= count * MemoryLayout<Limb>.size, "the octet string fits in the limbs")
        let fullLimbs = byteCount / 8
        var end = byteCount
        for i in 0..<fullLimbs {
            bytes.storeBytes(of: UInt64(limbs[i]).bigEndian, toByteOffset: end - 8, as: UInt64.self)
            end -= 8
        }
        if end > 0 {
            var word = limbs[fullLimbs]
            var j = end - 1
            while j >= 0 {
                bytes[j] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                j -= 1
            }
        }
    }
}
