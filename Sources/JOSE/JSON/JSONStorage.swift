/// One heap allocation holding a JSON text and its tape: the text's bytes first, then the tape
/// entries at the next 8-byte boundary. A document is two allocations fewer than a text array plus
/// a tape array, and a ``JSONValue`` copy retains one object instead of two.
///
/// Immutable once ``JSONDocument`` has parsed into it (which is what makes the document Sendable;
/// ManagedBuffer itself is not); the tape memory is bound to ``JSONTapeEntry`` when the storage is
/// created.
final class JSONStorage: ManagedBuffer<JSONStorage.Layout, UInt8> {
    struct Layout {
        /// Bytes of text at the start of the elements.
        let textCount: Int
        /// Where the tape starts, in bytes from the start of the elements (a multiple of 8).
        let tapeOffset: Int
        /// Entries the tape has room for.
        let tapeCapacity: Int
        /// Entries written by the parser.
        var tapeCount: Int
    }

    /// Storage with room for `textCount` bytes of text and `tapeCapacity` tape entries.
    static func allocate(textCount: Int, tapeCapacity: Int) -> JSONStorage {
        let tapeOffset = (textCount + 7) & ~7
        let byteCount = tapeOffset + tapeCapacity * MemoryLayout<JSONTapeEntry>.stride
        let storage = unsafeDowncast(
            create(minimumCapacity: byteCount) { _ in
                Layout(textCount: textCount, tapeOffset: tapeOffset, tapeCapacity: tapeCapacity, tapeCount: 0)
            },
            to: JSONStorage.self)
        storage.withUnsafeMutablePointerToElements { elements in
            _ = UnsafeMutableRawPointer(elements + tapeOffset).bindMemory(to: JSONTapeEntry.self, capacity: tapeCapacity)
        }
        return storage
    }

    /// The text, writable while the document is being built.
    @inline(__always)
    func withMutableText<R>(_ body: (UnsafeMutableRawBufferPointer) -> R) -> R {
        withUnsafeMutablePointers { layout, elements in
            body(UnsafeMutableRawBufferPointer(start: elements, count: layout.pointee.textCount))
        }
    }

    /// The text and the whole tape area, for the parser.
    @inline(__always)
    func withTextAndTapeSpace<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<JSONTapeEntry>) -> R) -> R {
        withUnsafeMutablePointers { layoutPointer, elements in
            let layout = layoutPointer.pointee
            let tape = UnsafeMutableRawPointer(elements + layout.tapeOffset).assumingMemoryBound(to: JSONTapeEntry.self)
            return body(UnsafeBufferPointer(start: elements, count: layout.textCount),
                        UnsafeMutableBufferPointer(start: tape, count: layout.tapeCapacity))
        }
    }

    /// The text.
    @inline(__always)
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeMutablePointers { layout, elements in
            body(UnsafeBufferPointer(start: elements, count: layout.pointee.textCount))
        }
    }

    /// The written tape entries.
    @inline(__always)
    func withTape<R>(_ body: (UnsafeBufferPointer<JSONTapeEntry>) -> R) -> R {
        withUnsafeMutablePointers { layoutPointer, elements in
            let layout = layoutPointer.pointee
            let tape = UnsafeMutableRawPointer(elements + layout.tapeOffset).assumingMemoryBound(to: JSONTapeEntry.self)
            return body(UnsafeBufferPointer(start: tape, count: layout.tapeCount))
        }
    }

    /// Tape entry `index` (in range: callers hold indices the parser produced).
    @inline(__always)
    func entry(_ index: Int) -> JSONTapeEntry {
        withTape { $0[index] }
    }

    /// Bytes of text.
    @inline(__always)
    var textCount: Int { withUnsafeMutablePointerToHeader { $0.pointee.textCount } }

    /// Records how many tape entries the parser wrote (once, before the document is shared).
    func setTapeCount(_ count: Int) {
        withUnsafeMutablePointerToHeader { $0.pointee.tapeCount = count }
    }

    /// The text byte at `offset` (in range: callers hold offsets from the tape).
    @inline(__always)
    func byte(_ offset: Int) -> UInt8 {
        withText { $0[offset] }
    }
}
