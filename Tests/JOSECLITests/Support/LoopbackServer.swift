import Foundation
import Testing

/// `python3 -m http.server` on 127.0.0.1, an OS-chosen port, serving a temporary folder; stopped by
/// its process id when the test is done.
final class LoopbackServer {
    /// The python3 on PATH, if any (the remote tests are skipped without it).
    static let python: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    let folder: URL
    let port: Int
    private let process: Process

    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        let python = try #require(Self.python, "python3 is needed for the loopback server")
        folder = try temporaryFolder()
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let deadline = Date().addingTimeInterval(15)
        var text = ""
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { usleep(10_000); continue }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"port (\d+)"#, options: .regularExpression) {
                found = Int(text[range].dropFirst(5))
            }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            throw ServerError(description: "the loopback server did not start within 15 s: \(text)")
        }
        port = found
    }

    /// Writes a file to serve.
    func serve(_ path: String, _ data: Data) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: a child spawned from a test worker thread may inherit a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }

    struct ServerError: Error, CustomStringConvertible { let description: String }
}
