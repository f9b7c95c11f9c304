/// Duplicate member-name detection for one object, run when the object closes (RFC 8259 §4 leaves
/// duplicates' meaning undefined; RFC 7515 §4 lets JOSE parsers reject them, and we do).
///
/// Names compare after decoding escapes, so `"a"` and `"\u0061"` are duplicates. Each name is hashed
/// once; small objects compare hashes pairwise (a few hundred integer compares for a 20-claim set),
/// larger ones sort by (hash, decoded name), so a hostile object costs O(n log n) comparisons even if
/// its names collide on purpose. Scratch space is a temporary (stack when small) allocation.
enum JSONDuplicateNames {
    /// Objects with at most this many members use the pairwise check.
    static let pairwiseLimit = 32

    static func check(object: Int, count: Int, tape: [JSONTapeEntry], bytes p: UnsafeBufferPointer<UInt8>) throws(JSONError) {
        try withUnsafeTemporaryAllocation(of: (hash: UInt64, key: Int).self, capacity: count) { (names) throws(JSONError) in
            var key = object + 1
            for m in 0..<count {
                let entry = tape[key]
                names[m] = (JSONDecodedString.hash(p, contents(entry), escaped: entry.aux != 0), key)
                key = Int(tape[key + 1].next)
            }
            var duplicate: Int?   // tape index of the first duplicate name in document order
            if count <= pairwiseLimit {
                search: for j in 1..<count {
                    for k in 0..<j where names[j].hash == names[k].hash && same(names[j].key, names[k].key, tape, p) {
                        duplicate = names[j].key
                        break search
                    }
                }
            } else {
                var names = names
                names.sort { a, b in
                    if a.hash != b.hash { return a.hash < b.hash }
                    let order = compare(a.key, b.key, tape, p)
                    return order != 0 ? order < 0 : a.key < b.key
                }
                for m in 1..<count where names[m].hash == names[m - 1].hash && same(names[m].key, names[m - 1].key, tape, p) {
                    duplicate = min(duplicate ?? Int.max, names[m].key)
                }
            }
            if let duplicate {
                let entry = tape[duplicate]
                var decoded = JSONDecodedString(p, contents(entry))
                let name = String(decoding: AnyIterator { decoded.next() }.map { $0 }, as: UTF8.self)
                throw JSONError(reason: .duplicateMemberName(name), offset: Int(entry.start))
            }
        }
    }

    /// A string entry's contents, without the quotes.
    @inline(__always)
    static func contents(_ entry: JSONTapeEntry) -> Range<Int> {
        Int(entry.start) + 1..<Int(entry.end) - 1
    }

    private static func compare(_ a: Int, _ b: Int, _ tape: [JSONTapeEntry], _ p: UnsafeBufferPointer<UInt8>) -> Int {
        let x = tape[a], y = tape[b]
        return JSONDecodedString.compare(p, contents(x), escaped: x.aux != 0, p, contents(y), escaped: y.aux != 0)
    }

    private static func same(_ a: Int, _ b: Int, _ tape: [JSONTapeEntry], _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        compare(a, b, tape, p) == 0
    }
}
