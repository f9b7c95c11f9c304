/// HMAC (RFC 2104, FIPS 198-1) over a SHA-2 function: `HMAC<SHA256>` is HS256's MAC (RFC 7518 §3.2).
///
/// The key is processed once into a ``Key`` (the inner and outer hash states after absorbing
/// `K ⊕ ipad` and `K ⊕ opad`); each MAC then starts from copies of those states, so computing a MAC
/// costs two hash finalizations over the message and nothing is allocated.
///
/// ```swift
/// let key = HMAC<SHA256>.Key(secret)
/// let tag = HMAC<SHA256>.authenticationCode(for: message, using: key)
/// let ok = HMAC<SHA256>.isValidAuthenticationCode(receivedTag, authenticating: message, using: key)
/// ```
public struct HMAC<H: HashFunction>: Sendable {
    /// A secret key prepared for HMAC: keys longer than the block are hashed first (RFC 2104 §2).
    public struct Key: Sendable {
        @usableFromInline let inner: H
        @usableFromInline let outer: H

        /// Prepares `secret` (any length, including empty: policy on minimum lengths belongs to callers,
        /// such as RFC 7518 §3.2's rule that an HS256 key is at least 32 bytes).
        public init<Bytes: Sequence>(_ secret: Bytes) where Bytes.Element == UInt8 {
            let array = Array(secret)
            self = array.withUnsafeBytes { Key(bufferPointer: $0) }
        }

        /// Prepares the secret in `bufferPointer`.
        public init(bufferPointer secret: UnsafeRawBufferPointer) {
            let blockSize = H.blockByteCount
            var inner = H()
            var outer = H()
            withUnsafeTemporaryAllocation(byteCount: 2 * blockSize, alignment: 8) { pads in
                let ipad = UnsafeMutableRawBufferPointer(rebasing: pads[0..<blockSize])
                let opad = UnsafeMutableRawBufferPointer(rebasing: pads[blockSize...])
                ipad.initializeMemory(as: UInt8.self, repeating: 0)
                opad.initializeMemory(as: UInt8.self, repeating: 0)
                if secret.count > blockSize {
                    H.hash(bufferPointer: secret).withUnsafeBytes { hashed in
                        ipad.copyMemory(from: hashed)
                    }
                } else {
                    ipad.copyMemory(from: secret)
                }
                for i in 0..<blockSize {
                    let k = ipad[i]
                    ipad[i] = k ^ 0x36
                    opad[i] = k ^ 0x5c
                }
                inner.update(bufferPointer: UnsafeRawBufferPointer(ipad))
                outer.update(bufferPointer: UnsafeRawBufferPointer(opad))
                // Wipe the padded key copies before the stack space is reused.
                ipad.initializeMemory(as: UInt8.self, repeating: 0)
                opad.initializeMemory(as: UInt8.self, repeating: 0)
            }
            self.inner = inner
            self.outer = outer
        }
    }

    @usableFromInline var inner: H
    @usableFromInline let outer: H

    /// Starts an incremental MAC computation with `key`.
    @inlinable
    public init(key: Key) {
        self.inner = key.inner
        self.outer = key.outer
    }

    /// Absorbs message bytes.
    @inlinable
    public mutating func update<Bytes: Sequence>(_ data: Bytes) where Bytes.Element == UInt8 {
        inner.update(data)
    }

    /// Absorbs the message bytes in `bufferPointer`.
    @inlinable
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        inner.update(bufferPointer: bufferPointer)
    }

    /// H((K ⊕ opad) || H((K ⊕ ipad) || message)), RFC 2104 §2.
    @inlinable  // specialized in the caller's module: no generic dispatch or metadata lookup per MAC
    public func finalize() -> Digest {
        var outer = self.outer
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }

    /// The MAC of `data` under `key`.
    @inlinable
    public static func authenticationCode<Bytes: Sequence>(for data: Bytes, using key: Key) -> Digest
    where Bytes.Element == UInt8 {
        var mac = HMAC(key: key)
        mac.update(data)
        return mac.finalize()
    }

    /// The MAC of the bytes in `bufferPointer` under `key`.
    @inlinable
    public static func authenticationCode(bufferPointer: UnsafeRawBufferPointer, using key: Key) -> Digest {
        var mac = HMAC(key: key)
        mac.update(bufferPointer: bufferPointer)
        return mac.finalize()
    }

    /// True when `mac` is exactly the full-length MAC of `data` under `key`, compared in constant time
    /// (``ConstantTime/equals(_:_:)``). A truncated or over-long `mac` is never valid.
    @inlinable
    public static func isValidAuthenticationCode(
        _ mac: UnsafeRawBufferPointer, authenticating data: UnsafeRawBufferPointer, using key: Key
    ) -> Bool {
        let expected = authenticationCode(bufferPointer: data, using: key)
        return expected.withUnsafeBytes { ConstantTime.equals($0, mac) }
    }

    /// True when `mac` is exactly the full-length MAC of `data` under `key`, compared in constant time.
    public static func isValidAuthenticationCode<M: Sequence, D: Sequence>(
        _ mac: M, authenticating data: D, using key: Key
    ) -> Bool where M.Element == UInt8, D.Element == UInt8 {
        let expected = authenticationCode(for: data, using: key)
        let macBytes = Array(mac)
        return macBytes.withUnsafeBytes { m in expected.withUnsafeBytes { ConstantTime.equals($0, m) } }
    }
}
