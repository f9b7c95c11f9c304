/// Calls `body` with `count` limbs of uninitialised-by-contract scratch memory, on the stack.
///
/// `withUnsafeTemporaryAllocation` moves to the heap above 1024 bytes on Linux, and a 4096-bit
/// verification needs 2560 bytes, so the space comes from fixed-size inline arrays instead: 320
/// limbs cover keys up to 4096 bits (5 limbs per 64 bits of modulus), 1280 limbs cover the 16384-bit
/// maximum. Anything larger (unreachable with the key limits) falls back to a temporary allocation.
@inline(__always)
func withLimbScratch(count: Int, _ body: (UnsafeMutablePointer<Limb>) -> Bool) -> Bool {
    if count <= 320 {
        var storage = InlineArray<320, Limb>(repeating: 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            guard let base = raw.baseAddress else { return false }
            return body(base.assumingMemoryBound(to: Limb.self))
        }
    }
    if count <= 1280 {
        var storage = InlineArray<1280, Limb>(repeating: 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            guard let base = raw.baseAddress else { return false }
            return body(base.assumingMemoryBound(to: Limb.self))
        }
    }
    return withUnsafeTemporaryAllocation(of: Limb.self, capacity: count) { buffer in
        guard let base = buffer.baseAddress else { return false }
        return body(base)
    }
}
