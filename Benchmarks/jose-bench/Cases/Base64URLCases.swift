import JOSE

extension BenchCase {
    /// Strict base64url decoding (RFC 4648 §5) of text that encodes `bytes` bytes, into a new
    /// `[UInt8]` (one allocation per call, as the JOSE pipeline uses it). OpenSSL has no counterpart.
    static func base64URLDecode(name: String, bytes: Int) -> BenchCase {
        BenchCase(name: name, inputBytes: bytes) {
            let texts = encodedInputs(bytes: bytes)
            return try Workload(inputs: texts.views, keepAlive: texts, expect: { $0.count == bytes }) { text in
                try Base64URL.decode(text)
            }
        }
    }

    /// The same decoding into a caller-provided buffer: no allocation.
    static func base64URLDecodeInto(name: String, bytes: Int) -> BenchCase {
        BenchCase(name: name, inputBytes: bytes) {
            let texts = encodedInputs(bytes: bytes)
            let output = OutputBuffer(byteCount: bytes)
            return try Workload(inputs: texts.views, keepAlive: (texts, output), expect: { $0 == bytes }) { text in
                try Base64URL.decode(text, into: output.bytes)
            }
        }
    }

    private static func encodedInputs(bytes: Int) -> InputBuffers {
        var generator = InputGenerator(seed: 0xB64 + UInt64(bytes))
        let texts = (0..<Workload.minimumInputs).map { _ in Array(Base64URL.encode(generator.bytes(bytes)).utf8) }
        return InputBuffers(packing: texts)
    }
}

/// A scratch output buffer owned by a workload.
private final class OutputBuffer {
    let bytes: UnsafeMutableRawBufferPointer
    init(byteCount: Int) { bytes = .allocate(byteCount: byteCount, alignment: 16) }
    deinit { bytes.deallocate() }
}
