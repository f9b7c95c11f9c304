import Foundation
import Testing

/// Colour only on a terminal, and never with NO_COLOR. A pseudo-terminal comes from util-linux's
/// `script`, when installed.
@Suite struct TerminalTests {
    static let script: String? = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func noColourWhenNotATerminal() throws {
        let token = try Examples.text(Examples.hs256Token)
        let output = try Jose.run(["verify", "--jwk", Examples.hs256JWK, "--alg", "HS256", "--now", Examples.beforeExp, token])
        #expect(output.status == 0)
        #expect(!output.out.contains("\u{1B}["), "no escape codes in a pipe: \(output)")
    }

    @Test(.enabled(if: script != nil, "util-linux 'script' is not installed: no pseudo-terminal"))
    func colourOnATerminalUnlessNoColor() throws {
        let script = try #require(Self.script)
        let binary = try Jose.binary().path
        let token = try Examples.text(Examples.hs256Token)
        let command = "\(binary) verify --jwk \(Examples.hs256JWK) --alg HS256 --now \(Examples.beforeExp) \(token)"
        func run(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            process.arguments = ["-qec", command, "/dev/null"]
            process.currentDirectoryURL = Jose.root
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "NO_COLOR")
            env.merge(environment) { $1 }
            process.environment = env
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try run([:])
        #expect(coloured.contains("\u{1B}[32mVALID"), "green verdict on a terminal: \(coloured.debugDescription.prefix(300))")
        let plain = try run(["NO_COLOR": "1"])
        #expect(plain.contains("VALID") && !plain.contains("\u{1B}["), "NO_COLOR: \(plain.debugDescription.prefix(300))")
    }
}
