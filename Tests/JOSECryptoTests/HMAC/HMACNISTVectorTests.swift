import CAVP
import Testing
import TestSupport
import JOSECrypto

/// NIST CAVP HMAC tests (`Vectors/nist/HMAC.rsp`, sections `[L=32|48|64]`): the first `Tlen` bytes
/// of the MAC of `Msg` under `Key` are `Mac`.
@Suite("HMAC NIST CAVP vectors")
struct HMACNISTVectorTests {
    /// Digest length in bytes, hash, and the number of records in that section of HMAC.rsp.
    static let sections: [(Int, HashAlgorithm, Int)] = [(32, .sha256, 225), (48, .sha384, 300), (64, .sha512, 375)]

    @Test("HMAC.rsp", arguments: sections)
    func hmacRSP(digestLength: Int, algorithm: HashAlgorithm, expectedCount: Int) throws {
        let file = "nist/HMAC.rsp"
        let rsp = try RSPFile.load(file)
        var count = 0
        var truncated = 0
        for record in rsp.records where record.section["L"] == String(digestLength) {
            let where_ = "\(file) [L=\(digestLength)] Count = \(record["Count"] ?? "?") (line \(record.line))"
            let key = try hexBytes(try #require(record["Key"], "\(where_): no Key"))
            let message = try hexBytes(try #require(record["Msg"], "\(where_): no Msg"))
            let mac = try hexBytes(try #require(record["Mac"], "\(where_): no Mac"))
            let klen = try #require(record["Klen"].flatMap { Int($0) }, "\(where_): no Klen")
            let tlen = try #require(record["Tlen"].flatMap { Int($0) }, "\(where_): no Tlen")
            #expect(key.count == klen && mac.count == tlen, "\(where_): Klen/Tlen disagree with Key/Mac")

            let full = algorithm.hmac(key: key, message: message)
            #expect(full.count == digestLength, "\(where_)")
            #expect(ConstantTime.equals(full.prefix(tlen), mac), "\(where_): MAC prefix \(hexString(full.prefix(tlen))) differs")
            // The verification call accepts only the full-length MAC, never a truncated one.
            #expect(algorithm.isValidHMAC(full, key: key, message: message), "\(where_): full MAC refused")
            if tlen < digestLength {
                truncated += 1
                #expect(!algorithm.isValidHMAC(mac, key: key, message: message),
                        "\(where_): isValidAuthenticationCode accepted a \(tlen)-byte truncated tag")
            }
            count += 1
        }
        #expect(count == expectedCount, "\(file) [L=\(digestLength)]: ran \(count), expected \(expectedCount)")
        #expect(truncated > 0, "\(file) [L=\(digestLength)]: no truncated-tag records were exercised")
    }
}
