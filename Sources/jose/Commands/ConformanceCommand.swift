import Foundation

/// `jose conformance`: every vector file under `Vectors/` through the public API.
enum ConformanceCommand {
    static let spec = CommandSpec(
        name: "conformance",
        summary: "run the RFC, NIST CAVP and Wycheproof vectors through the public API",
        usage: "[--vectors DIR] [--json]",
        options: [
            OptionSpec(name: "vectors", value: "DIR", help: "the vectors folder (default: the Vectors/ found above the current directory or the executable)"),
            OptionSpec(name: "json", value: nil, help: "print {\"suites\": [...], \"cases\", \"passed\", \"failed\", \"skipped\"}; failures go to stderr"),
        ],
        positionals: 0...0,
        details: """
        DIR may be a Vectors/ folder (with nist/, wycheproof/, rfc/) or a folder of files of the same
        formats, e.g. newer Wycheproof files. Each file is a suite; a case is passed, failed, or skipped
        with a reason (an algorithm this library does not offer). Failures name the file and the case.

        exit status: 0 no case failed, 1 some case failed, 2 usage error (no vectors folder).

        example:
          jose conformance --vectors Vectors
        """)

    static func run(_ arguments: ParsedArguments) async throws -> ExitStatus {
        let folder: URL
        if let path = arguments.value("vectors") {
            folder = URL(fileURLWithPath: path)
        } else if let found = ConformanceRunner.defaultVectorsFolder() {
            folder = found
        } else {
            throw UsageError("no Vectors/ folder (with a README.md) above the current directory or the executable: pass --vectors DIR", command: spec.name)
        }
        let jobs = try ConformanceRunner.jobs(in: folder)
        guard !jobs.isEmpty else {
            throw UsageError("no vector files (.rsp, .json) in \(folder.path) or its nist/, wycheproof/, rfc/ folders", command: spec.name)
        }
        let results = ConformanceRunner.run(jobs)
        if arguments.has("json") {
            Terminal.outBytes(ConformanceReport.json(results) + [0x0A])
            ConformanceReport.failureLines(results).forEach { Terminal.err("failed: \($0)") }
        } else {
            ConformanceReport.table(results, folder: folder.path).forEach { Terminal.out($0) }
        }
        return results.contains { $0.failed > 0 } ? .invalid : .success
    }
}
