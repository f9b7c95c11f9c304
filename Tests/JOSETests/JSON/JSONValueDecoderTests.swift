import Testing
import JOSE
import Foundation

private struct Address: Codable, Equatable {
    var city: String
    var zip: String?
}

private enum Role: String, Codable, Equatable { case admin, user }

private struct Claims: Codable, Equatable {
    var iss: String
    var sub: String
    var aud: [String]
    var exp: Int64
    var nbf: Int
    var iat: Double
    var admin: Bool
    var score: Float
    var small: UInt8
    var signed: Int8
    var mid: Int16
    var big: UInt64
    var u32: UInt32
    var i32: Int32
    var u16: UInt16
    var u: UInt
    var nickname: String?
    var middleName: String?
    var address: Address
    var groups: [[String]]
    var attributes: [String: Int]
    var roles: [Role]
    var optionals: [Int?]
}

private let claimsJSON = #"""
{"iss":"https://auth.example.com/application/o/app/","sub":"4f1c\u00e9","aud":["app","api"],
 "exp":1700000000,"nbf":1699990000,"iat":1699990000.5,"admin":true,"score":0.25,"small":255,"signed":-128,
 "mid":-32768,"big":18446744073709551615,"u32":4294967295,"i32":-2147483648,"u16":65535,"u":7,
 "middleName":null,"address":{"city":"Zürich"},"groups":[["a","b"],[]],
 "attributes":{"x":1,"\u0079":2,"z":-3},"roles":["admin","user"],"optionals":[1,null,3]}
"""#

@Suite("JSON Decodable")
struct JSONValueDecoderTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONValueDecoder().decode(type, from: JSONDocument(text).root)
    }

    @Test func decodesAClaimsStructLikeFoundation() throws {
        let ours = try decode(Claims.self, claimsJSON)
        let foundation = try JSONDecoder().decode(Claims.self, from: Data(claimsJSON.utf8))
        #expect(ours == foundation)
        #expect(ours.sub == "4f1cé")
        #expect(ours.attributes == ["x": 1, "y": 2, "z": -3])
        #expect(ours.nickname == nil && ours.middleName == nil)
        #expect(ours.optionals == [1, nil, 3])
        #expect(ours.big == .max)
    }

    @Test func roundTripsThroughFoundationsEncoder() throws {
        let original = try decode(Claims.self, claimsJSON)
        for formatting in [JSONEncoder.OutputFormatting(), [.sortedKeys, .prettyPrinted], [.withoutEscapingSlashes]] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            let data = try encoder.encode(original)
            let back = try JSONValueDecoder().decode(Claims.self, from: JSONDocument(bytes: Array(data)).root)
            #expect(back == original, "formatting \(formatting.rawValue)")
        }
    }

    @Test func topLevelCollectionsAndScalars() throws {
        #expect(try decode([Int].self, "[1, 2, 3]") == [1, 2, 3])
        #expect(try decode([String: [Bool]].self, #"{"a":[true],"b":[]}"#) == ["a": [true], "b": []])
        #expect(try decode(String.self, #""x\ny""#) == "x\ny")
        #expect(try decode(Int?.self, "null") == nil)
        #expect(try decode(Double.self, "1e3") == 1000)
        #expect(try decode(Int.self, "1e3") == 1000)
        #expect(try decode(Int.self, "2.0") == 2)
        #expect(try decode(Int64.self, "-9223372036854775808") == .min)
        #expect(try decode(UInt64.self, "-0") == 0)
        #expect(try decode(Float.self, "1.5") == 1.5)
    }

    @Test func largeDictionaryDecodesInLinearLookups() throws {
        let text = "{" + (0..<5_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let dictionary = try decode([String: Int].self, text)
        #expect(dictionary.count == 5_000)
        #expect(dictionary["k4321"] == 4321)
    }

    /// Decoding errors: kind and the coding path in the message.
    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let path: String
        let kind: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "string where int", json: #"{"exp":"soon"}"#, path: "exp", kind: "typeMismatch"),
        ErrorCase(name: "array element wrong type", json: #"{"aud":["a",1]}"#, path: "aud[1]", kind: "typeMismatch"),
        ErrorCase(name: "missing key", json: #"{}"#, path: "exp", kind: "keyNotFound"),
        ErrorCase(name: "null for non-optional", json: #"{"exp":null}"#, path: "exp", kind: "valueNotFound"),
        ErrorCase(name: "UInt8 out of range", json: #"{"small":256}"#, path: "small", kind: "dataCorrupted"),
        ErrorCase(name: "Int8 below range", json: #"{"signed":-129}"#, path: "signed", kind: "dataCorrupted"),
        ErrorCase(name: "negative for unsigned", json: #"{"small":-1}"#, path: "small", kind: "dataCorrupted"),
        ErrorCase(name: "fraction for Int", json: #"{"exp":1.5}"#, path: "exp", kind: "dataCorrupted"),
        ErrorCase(name: "Float overflow", json: #"{"score":1e300}"#, path: "score", kind: "dataCorrupted"),
        ErrorCase(name: "nested object wrong type", json: #"{"address":{"city":5}}"#, path: "address.city", kind: "typeMismatch"),
        ErrorCase(name: "nested array in dictionary", json: #"{"groups":{"a":[["x",false]]}}"#, path: "groups.a[0][1]", kind: "typeMismatch"),
        ErrorCase(name: "object where array", json: #"{"aud":{}}"#, path: "aud", kind: "typeMismatch"),
        ErrorCase(name: "unknown enum value", json: #"{"role":"root"}"#, path: "role", kind: "dataCorrupted"),
    ]

    private struct Probe: Decodable {
        var exp: Int?
        var aud: [String]?
        var small: UInt8?
        var signed: Int8?
        var score: Float?
        var address: Address?
        var groups: [String: [[String]]]?
        var role: Role?
    }

    private struct Required: Decodable { var exp: Int }

    @Test("decoding errors name the coding path", arguments: errorCases)
    func decodingErrors(_ c: ErrorCase) throws {
        let document = try JSONDocument(c.json)
        do {
            if c.kind == "keyNotFound" || c.kind == "valueNotFound" {
                _ = try JSONValueDecoder().decode(Required.self, from: document.root)
            } else {
                _ = try JSONValueDecoder().decode(Probe.self, from: document.root)
            }
            Issue.record("\(c.name): decoded without error")
        } catch let error as DecodingError {
            let (kind, context): (String, DecodingError.Context)
            switch error {
            case .typeMismatch(_, let ctx): (kind, context) = ("typeMismatch", ctx)
            case .valueNotFound(_, let ctx): (kind, context) = ("valueNotFound", ctx)
            case .keyNotFound(let key, let ctx):
                (kind, context) = ("keyNotFound", DecodingError.Context(codingPath: ctx.codingPath + [key], debugDescription: ctx.debugDescription))
            case .dataCorrupted(let ctx): (kind, context) = ("dataCorrupted", ctx)
            @unknown default: (kind, context) = ("unknown", DecodingError.Context(codingPath: [], debugDescription: ""))
            }
            #expect(kind == c.kind, "\(c.name): \(error)")
            if c.name != "unknown enum value" {
                #expect(context.debugDescription.contains("at \(c.path):"), "\(c.name): \(context.debugDescription)")
            }
            #expect(context.codingPath.last?.stringValue == c.path.split(separator: ".").last.map { String($0.split(separator: "[").first ?? "") } || c.path.hasSuffix("]"),
                    "\(c.name): coding path \(context.codingPath.map(\.stringValue))")
        }
    }

    @Test func unkeyedContainerReportsEnd() throws {
        struct Pair: Decodable {
            var a: Int, b: Int
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                a = try container.decode(Int.self)
                b = try container.decode(Int.self)
            }
        }
        #expect(try decode(Pair.self, "[1,2]").b == 2)
        #expect(throws: DecodingError.self) { try decode(Pair.self, "[1]") }
        do {
            _ = try decode(Pair.self, "[1]")
        } catch {
            #expect("\(error)".contains("at [1]: the array has only 1 elements"), "\(error)")
        }
    }
}
