/// The Wycheproof MAC test file format (`mac_test_schema_v1.json`): groups that fix `keySize` and
/// `tagSize` (both in bits), tests with hex `key`, `msg`, `tag` and a `result`.
struct WycheproofMACFile: Decodable {
    struct Group: Decodable {
        var keySize: Int
        var tagSize: Int
        var tests: [Test]
    }

    struct Test: Decodable {
        var tcId: Int
        var comment: String
        var key: String
        var msg: String
        var tag: String
        var result: Result
        var flags: [String]
    }

    /// `acceptable` is in the schema but no MAC file uses it; it is decoded so a new one is reported,
    /// not silently dropped.
    enum Result: String, Decodable {
        case valid, invalid, acceptable
    }

    var algorithm: String
    var numberOfTests: Int
    var testGroups: [Group]
}
