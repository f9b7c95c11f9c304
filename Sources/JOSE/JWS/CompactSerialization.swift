#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The three parts of a JWS in compact serialization (RFC 7515 §7.1), as byte ranges of the token.
struct CompactParts {
    let header: Range<Int>
    let payload: Range<Int>
    let signature: Range<Int>

    /// `ASCII(BASE64URL(header) || '.' || BASE64URL(payload))`, the JWS Signing Input (RFC 7515 §5.2 step 8).
    var signingInput: Range<Int> { header.lowerBound..<payload.upperBound }

    /// Splits a token at its two dots after checking its size; one pass, no allocation.
    ///
    /// - Throws: `ERR_JWS_INVALID` for an empty or oversized token or a wrong number of parts; a JWE
    ///   (five parts, RFC 7516 §7.1) is named as such.
    static func split(_ token: UnsafeRawBufferPointer, maximumBytes: Int) throws(JOSEError) -> CompactParts {
        guard !token.isEmpty else {
            throw JOSEError(.jwsInvalid, "the token is empty")
        }
        guard token.count <= maximumBytes else {
            throw JOSEError(.jwsInvalid, "the token is \(token.count) bytes, over the limit of \(maximumBytes) (raise maximumTokenBytes if such tokens are expected)")
        }
        // memchr scans for the dots many bytes at a time; a token is mostly its payload.
        guard let base = token.baseAddress else { throw JOSEError(.jwsInvalid, "the token is empty") }
        let end = base + token.count
        func nextDot(after start: UnsafeRawPointer) -> UnsafeRawPointer? {
            guard start < end else { return nil }
            return memchr(start, Int32(UInt8(ascii: ".")), end - start).map { UnsafeRawPointer($0) }
        }
        var dots = (first: -1, second: -1)
        var count = 0
        var cursor = base
        while let dot = nextDot(after: cursor) {
            count += 1
            if count == 1 { dots.first = dot - base } else if count == 2 { dots.second = dot - base }
            cursor = dot + 1
            if count > 4 { break }
        }
        guard count == 2 else {
            if count == 4 {
                throw JOSEError(.jwsInvalid, "the token has five parts: it is an encrypted JWT (JWE, RFC 7516), which is not supported; a signed JWT has three parts")
            }
            throw JOSEError(.jwsInvalid, count > 4
                ? "a compact JWS has exactly three base64url parts separated by two dots (RFC 7515 §7.1); this token has more than five"
                : "a compact JWS has exactly three base64url parts separated by two dots (RFC 7515 §7.1); this token has \(count + 1)")
        }
        let parts = CompactParts(
            header: 0..<dots.first,
            payload: (dots.first + 1)..<dots.second,
            signature: (dots.second + 1)..<token.count)
        guard !parts.header.isEmpty else {
            throw JOSEError(.jwsInvalid, "the token's first part (the protected header) is empty (RFC 7515 §7.1)")
        }
        return parts
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes of `range` as a buffer (no copy).
    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[range])
    }
}

/// Decodes one base64url part of a token, naming the part in the error.
func decodePart(_ bytes: UnsafeRawBufferPointer, part: String, code: JOSEError.Code = .jwsInvalid) throws(JOSEError) -> [UInt8] {
    do {
        return try Base64URL.decode(bytes)
    } catch {
        throw JOSEError(code, "the \(part) is not valid base64url: \(error)")
    }
}

/// Decodes one base64url part of a token straight into a JSON document, naming the part (or, for
/// invalid JSON, `what`) in the error.
func decodeJSONPart(_ bytes: UnsafeRawBufferPointer, part: String, what: String, code: JOSEError.Code) throws(JOSEError) -> JSONDocument {
    do {
        return try JSONDocument.decodingBase64URL(bytes)
    } catch {
        switch error {
        case .base64URL(let error): throw JOSEError(code, "the \(part) is not valid base64url: \(error)")
        case .json(let error): throw JOSEError(code, "the \(what) is not valid JSON: \(error)")
        }
    }
}

/// Calls `body` with the UTF-8 bytes of `token`, without copying a native string.
///
/// The closure given to `withUTF8` returns `Void`, so no generic metadata is looked up at run time
/// for the result type (that lookup cost a few percent of a whole HS256 verification).
func withTokenBytes<R>(_ token: String, _ body: (UnsafeRawBufferPointer) throws(JOSEError) -> R) throws(JOSEError) -> R {
    var token = token
    var outcome: Result<R, JOSEError>?
    token.withUTF8 { utf8 in
        outcome = Result { () throws(JOSEError) in try body(UnsafeRawBufferPointer(utf8)) }
    }
    switch outcome {
    case .success(let value): return value
    case .failure(let error): throw error
    case nil: throw JOSEError(.jwsInvalid, "the token could not be read")
    }
}
