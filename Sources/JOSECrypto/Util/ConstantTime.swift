/// Comparison of secrets in time that depends only on their lengths, never on their contents.
///
/// Every MAC and signature-encoding check in the project goes through ``equals(_:_:)``
/// (RFC 7515 §10.7 and RFC 8725 §3.1 warn against comparisons that stop at the first difference).
public enum ConstantTime {
    /// True when `a` and `b` have the same length and the same bytes. The loop always visits every
    /// byte and accumulates differences with OR, so its running time reveals only the length.
    @inline(never)
    public static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count {
            difference |= a[i] ^ b[i]
        }
        return difference == 0
    }

    /// True when the two byte collections are equal, compared in constant time.
    public static func equals<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        let left = Array(a)
        let right = Array(b)
        return left.withUnsafeBytes { l in right.withUnsafeBytes { r in equals(l, r) } }
    }
}
