import Foundation
import Testing

/// Running the built `jose` executable: arguments, standard input, environment; output captured
/// through files (no pipe deadlocks with large outputs), and a timeout.
enum Jose {
    /// The repository root, from this file's path (Tests/JOSECLITests/Support/JoseProcess.swift).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the executable was looked for, in order.
    static let candidates: [URL] = {
        var folders: [URL] = []
        // The test bundle (or xctest executable on Linux) sits in the same build folder as `jose`.
        for bundle in Bundle.allBundles + [Bundle.main] {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
            if let executable = bundle.executableURL { folders.append(executable.deletingLastPathComponent()) }
        }
        let build = root.appendingPathComponent(".build")
        folders.append(build.appendingPathComponent("debug"))
        if let triples = try? FileManager.default.contentsOfDirectory(atPath: build.path) {
            for triple in triples.sorted() where triple.contains("-") {
                folders.append(build.appendingPathComponent(triple).appendingPathComponent("debug"))
            }
        }
        folders.append(build.appendingPathComponent("release"))
        var seen = Set<String>()
        return folders.map { $0.appendingPathComponent("jose").standardizedFileURL }.filter { seen.insert($0.path).inserted }
    }()

    /// The built executable, or nil when it was not built.
    static let executable: URL? = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// The executable, or a test failure that says where it was looked for and how to build it.
    static func binary() throws -> URL {
        try #require(executable, """
            the jose executable was not found; looked at:
            \(candidates.map(\.path).joined(separator: "\n"))
            build it with 'swift build --product jose' (swift test builds it first, as JOSECLITests depends on it)
            """)
    }

    struct Output: CustomStringConvertible {
        let status: Int32
        let stdout: Data
        let stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
        var description: String { "exit \(status)\nstdout: \(out.prefix(2000))\nstderr: \(err.prefix(2000))" }

        /// Standard output parsed as one JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: stdout)
            return try #require(object as? [String: Any], "stdout is not a JSON object: \(out.prefix(500))")
        }
    }

    /// Runs `jose arguments...` with `stdin` (empty when nil), in `directory` (the repository root
    /// by default), with extra environment variables; fails the test after `timeout` seconds.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    directory: URL? = nil, timeout: TimeInterval = 60) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jose-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try (stdin ?? Data()).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let error = try FileHandle(forWritingTo: errURL)
        defer { try? input.close(); try? output.close(); try? error.close() }

        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)  // SIGTERM may be blocked in a child of a test thread
            process.waitUntilExit()
            Issue.record("jose \(arguments.joined(separator: " ").prefix(200)) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: (try? Data(contentsOf: outURL)) ?? Data(),
                      stderr: (try? Data(contentsOf: errURL)) ?? Data())
    }

    /// A file under Vectors/.
    static func vector(_ relative: String) -> String {
        root.appendingPathComponent("Vectors").appendingPathComponent(relative).path
    }

    /// The text of a file under Vectors/.
    static func vectorText(_ relative: String) throws -> String {
        try String(contentsOfFile: vector(relative), encoding: .utf8)
    }

    /// A JSON vector file as a dictionary.
    static func vectorJSON(_ relative: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: vector(relative))))
        return try #require(object as? [String: Any], "\(relative) is not a JSON object")
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jose-cli-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
