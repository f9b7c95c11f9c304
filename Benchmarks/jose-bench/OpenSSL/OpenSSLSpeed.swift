import Foundation

/// Runs `openssl speed` (outside any timed region) and caches each command's figure, since
/// several cases share one (rsa.pkcs1.2048 and jwt.RS256-2048 both use `rsa2048`).
final class OpenSSLSpeed {
    let executable: String
    private var cache: [[String]: Double] = [:]

    /// Finds `openssl` on the PATH; nil when there is none.
    init?() {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates: [String] = path.split(separator: ":").map { String($0) + "/openssl" }
        guard let found = candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        executable = found
    }

    /// `openssl version`, for the header.
    func version() -> String {
        guard let output = try? run(["version"]) else { return "OpenSSL (version unknown)" }
        // "OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)": keep the first part.
        let firstLine = output.split(whereSeparator: \.isNewline).first.map(String.init) ?? output
        return firstLine.components(separatedBy: " (Library:").first ?? firstLine
    }

    /// Measures `reference` with `threads` processes (`-multi`), dividing by wall-clock time when
    /// `elapsed` (`-elapsed`), by CPU time otherwise. `fresh` runs the command even when an earlier
    /// figure for it is cached (paired measurements need one run per pair).
    func measure(_ reference: OpenSSLReference, threads: Int, elapsed: Bool, fresh: Bool = false) throws -> OpenSSLFigure {
        let arguments = reference.arguments(threads: threads, elapsed: elapsed)
        let command = "openssl " + arguments.joined(separator: " ")
        let rate: Double
        if !fresh, let cached = cache[arguments] {
            rate = cached
        } else {
            let output = try run(arguments)
            guard let parsed = reference.operationsPerSecond(parsing: output) else {
                throw BenchError("could not read a rate from `\(command)`; its output was:\n\(output)")
            }
            cache[arguments] = parsed
            rate = parsed
        }
        return OpenSSLFigure(command: command, operationsPerSecond: rate, nanosecondsPerOperation: Double(threads) * 1e9 / rate)
    }

    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("`openssl \(arguments.joined(separator: " "))` exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
