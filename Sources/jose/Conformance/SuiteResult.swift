/// The outcome of one vector file: counts, skip reasons with how many cases each, and the first
/// failures (each naming its case).
struct SuiteResult: Sendable {
    /// A human name, e.g. "NIST SHA-256 ShortMsg".
    var name: String
    /// The file, relative to the vectors folder.
    var file: String
    private(set) var cases = 0
    private(set) var passed = 0
    private(set) var failed = 0
    private(set) var skipped = 0
    /// Skip reasons in first-seen order, with counts.
    private(set) var skipReasons: [(reason: String, count: Int)] = []
    /// The first failures, each naming its case (file + tcId or line).
    private(set) var failures: [String] = []
    /// How many failure messages are kept.
    static let keptFailures = 20

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    mutating func pass() {
        cases += 1
        passed += 1
    }

    mutating func fail(_ message: String) {
        cases += 1
        failed += 1
        if failures.count < Self.keptFailures { failures.append(message) }
    }

    mutating func skip(_ reason: String, count: Int = 1) {
        guard count > 0 else { return }
        cases += count
        skipped += count
        if let index = skipReasons.firstIndex(where: { $0.reason == reason }) {
            skipReasons[index].count += count
        } else {
            skipReasons.append((reason, count))
        }
    }

    /// Passes when `ok`, else fails with `message`.
    mutating func check(_ ok: Bool, _ message: @autoclosure () -> String) {
        if ok { pass() } else { fail(message()) }
    }

    /// A failure of the file itself (unreadable, malformed): one failed case.
    mutating func fileError(_ message: String) {
        fail("\(file): \(message)")
    }

    /// `reason (N cases)` strings for reports.
    var skipReasonLines: [String] {
        skipReasons.map { "\($0.reason) (\($0.count) case\($0.count == 1 ? "" : "s"))" }
    }
}

/// Why a vector file could not be read or understood.
struct VectorFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
