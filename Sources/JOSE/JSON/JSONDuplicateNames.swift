/// Duplicate member-name detection for one object, run when the object closes (RFC 8259 §4 leaves
/// duplicates' meaning undefined; RFC 7515 §4 lets JOSE parsers reject them, and we do).
///
/// Names compare after decoding escapes, so `"a"` and `"\u0061"` are duplicates. Each name gets an
/// O(1) fingerprint of its decoded length and first and last 8 bytes. Objects of up to 8 members
/// compare every pair of fingerprints; up to 32 members insert them in an open-addressing table on
/// the stack of 32 or 64 slots, at most half full (linear time, no heap);
/// larger ones sort by (fingerprint, decoded name), so a hostile object costs O(n log n) comparisons
/// even when its fingerprints collide on purpose. Only equal fingerprints lead to a full comparison.
enum JSONDuplicateNames {
    /// Objects with at most this many members use the pairwise comparison (up to 8) or the table;
    /// larger ones are sorted.
    static let tableLimit = 32

    static func check(object: Int, count: Int, tape: UnsafeBufferPointer<JSONTapeEntry>, bytes p: UnsafeBufferPointer<UInt8>) throws(JSONError) {
        let duplicate = count <= tableLimit ? smallObject(object, count, tape, p) : largeObject(object, count, tape, p)
        if let duplicate {
            let entry = tape[duplicate]
            var decoded = JSONDecodedString(p, contents(entry))
            let name = String(decoding: AnyIterator { decoded.next() }.map { $0 }, as: UTF8.self)
            throw JSONError(reason: .duplicateMemberName(name), offset: Int(entry.start))
        }
    }

    /// Objects with at most this many members compare every pair of fingerprints (at most 28
    /// comparisons, no table to clear).
    static let pairwiseLimit = 8

    /// The tape index of the first duplicate name in document order, or nil.
    private static func smallObject(_ object: Int, _ count: Int, _ tape: UnsafeBufferPointer<JSONTapeEntry>, _ p: UnsafeBufferPointer<UInt8>) -> Int? {
        if count <= pairwiseLimit {
            return withUnsafeTemporaryAllocation(of: (fingerprint: UInt64, key: Int).self, capacity: pairwiseLimit) { names in
                var key = object + 1
                for m in 0..<count {
                    let fingerprint = self.fingerprint(tape[key], p)
                    for earlier in 0..<m where names[earlier].fingerprint == fingerprint && compare(names[earlier].key, key, tape, p) == 0 {
                        return key
                    }
                    names[m] = (fingerprint, key)
                    key = Int(tape[key + 1].next)
                }
                return nil
            }
        }
        // An open-addressing table at most half full, cleared only as far as this object needs.
        let slots = count <= 16 ? 32 : 64
        let mask = slots - 1
        let shift = UInt64(slots == 32 ? 59 : 58)
        return withUnsafeTemporaryAllocation(of: (fingerprint: UInt64, key: Int).self, capacity: 64) { table in
            for slot in 0..<slots { table[slot] = (0, -1) }
            var key = object + 1
            for _ in 0..<count {
                let fingerprint = self.fingerprint(tape[key], p)
                var slot = Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while table[slot].key >= 0 {
                    if table[slot].fingerprint == fingerprint && compare(table[slot].key, key, tape, p) == 0 {
                        return key
                    }
                    slot = (slot + 1) & mask
                }
                table[slot] = (fingerprint, key)
                key = Int(tape[key + 1].next)
            }
            return nil
        }
    }

    private static func largeObject(_ object: Int, _ count: Int, _ tape: UnsafeBufferPointer<JSONTapeEntry>, _ p: UnsafeBufferPointer<UInt8>) -> Int? {
        withUnsafeTemporaryAllocation(of: (fingerprint: UInt64, key: Int).self, capacity: count) { names in
            var key = object + 1
            for m in 0..<count {
                names[m] = (fingerprint(tape[key], p), key)
                key = Int(tape[key + 1].next)
            }
            var sorted = names   // the same memory, sorted in place
            sorted.sort { a, b in
                if a.fingerprint != b.fingerprint { return a.fingerprint < b.fingerprint }
                let order = compare(a.key, b.key, tape, p)
                return order != 0 ? order < 0 : a.key < b.key
            }
            // In a run of equal names sorted by position, the second is that name's first duplicate.
            var duplicate: Int?
            for m in 1..<count where sorted[m].fingerprint == sorted[m - 1].fingerprint && compare(sorted[m].key, sorted[m - 1].key, tape, p) == 0 {
                duplicate = min(duplicate ?? Int.max, sorted[m].key)
            }
            return duplicate
        }
    }

    /// A string entry's contents, without the quotes.
    @inline(__always)
    static func contents(_ entry: JSONTapeEntry) -> Range<Int> {
        Int(entry.start) + 1..<Int(entry.end) - 1
    }

    /// Mixes the decoded length, the first up-to-8 decoded bytes (little-endian) and the last up-to-8
    /// (last byte lowest). Equal decoded names have equal fingerprints whatever their escapes.
    static func fingerprint(_ entry: JSONTapeEntry, _ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let range = contents(entry)
        var length = 0, first: UInt64 = 0, last: UInt64 = 0
        if entry.aux & JSONTapeEntry.hasEscapes != 0 {
            var decoded = JSONDecodedString(p, range)
            while let byte = decoded.next() {
                if length < 8 { first |= UInt64(byte) << (8 * UInt64(length)) }
                last = last << 8 | UInt64(byte)
                length += 1
            }
        } else if range.count >= 8, let base = p.baseAddress {
            length = range.count
            first = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
            last = UInt64(littleEndian: UnsafeRawPointer(base + range.upperBound - 8).loadUnaligned(as: UInt64.self)).byteSwapped
        } else if range.count > 0, range.lowerBound + 8 <= p.count, range.upperBound >= 8, let base = p.baseAddress {
            // Short name: whole-word loads that stay inside the text, masked to the name's bytes.
            length = range.count
            let mask = UInt64.max >> (64 - 8 * UInt64(length))
            first = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self)) & mask
            last = UInt64(littleEndian: UnsafeRawPointer(base + range.upperBound - 8).loadUnaligned(as: UInt64.self)).byteSwapped & mask
        } else {
            length = range.count
            for (k, index) in range.enumerated() {
                first |= UInt64(p[index]) << (8 * UInt64(k))
                last = last << 8 | UInt64(p[index])
            }
        }
        return (first &* 0xFF51_AFD7_ED55_8CCD) ^ (last &* 0xC4CE_B9FE_1A85_EC53) ^ UInt64(length)
    }

    private static func compare(_ a: Int, _ b: Int, _ tape: UnsafeBufferPointer<JSONTapeEntry>, _ p: UnsafeBufferPointer<UInt8>) -> Int {
        let x = tape[a], y = tape[b]
        return JSONDecodedString.compare(p, contents(x), escaped: x.aux != 0, p, contents(y), escaped: y.aux != 0)
    }
}
