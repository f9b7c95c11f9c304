/// Calls `body` with `count` limbs of uninitialised-by-contract scratch memory, on the stack.
///
/// `withUnsafeTemporaryAllocation` moves to the heap above 1024 bytes on Linux, and a 4096-bit
/// verification needs about 3 KiB, so the space comes from fixed-size inline arrays instead: 400
/// limbs cover keys up to 4096 bits (6L + 1 limbs for L limbs of modulus), 1540 limbs cover the
/// 16384-bit maximum. Anything larger (unreachable with the key limits) falls back to a temporary
/// allocation.
@inline(__always)
func withLimbScratch(count: Int, _ body: (UnsafeMutablePointer<Limb>) -> Bool) -> Bool {
    if count <= 400 {
        var storage = InlineArray<400, Limb>(repeating: 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            guard let base = raw.baseAddress else { return false }
            return body(base.assumingMemoryBound(to: Limb.self))
        }
    }
    if count <= 1540 {
        var storage = InlineArray<1540, Limb>(repeating: 0)
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
