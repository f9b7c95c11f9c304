#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import JOSE
import JOSERemote
import Synchronization
import Testing

/// The loopback server of `Server/jwks_server.py`, one per test: started with Foundation `Process`,
/// port read from its first stdout line, stopped by ``stop()`` (call it in a `defer`). It also exits by
/// itself after 120 s or when our end of its stdin closes.
final class TestServer: Sendable {
    /// Why server tests are skipped, or nil when python3 with `cryptography` is available.
    static let unavailableReason: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import cryptography"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "python3 is not installed (needed for the loopback JWKS server)"
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "the python3 package `cryptography` is missing (pip install cryptography)"
    }()

    static var isAvailable: Bool { unavailableReason == nil }

    static let scriptPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Server/jwks_server.py").path

    let port: Int
    private let process: Process
    private let stdin: Pipe

    var base: String { "http://127.0.0.1:\(port)" }
    var jwksURL: String { base + "/jwks" }

    private init(port: Int, process: Process, stdin: Pipe) {
        self.port = port
        self.process = process
        self.stdin = stdin
    }

    /// Starts a server and waits (at most 15 s) for its port.
    static func start() async throws -> TestServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, "--lifetime", "120"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        let received = Mutex<[UInt8]>([])
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            received.withLock { $0.append(contentsOf: data) }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            let line = received.withLock { bytes -> String? in
                guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
                return String(decoding: bytes[..<newline], as: UTF8.self)
            }
            if let line, let port = Int(line.trimmingCharacters(in: .whitespaces)) {
                stdout.fileHandleForReading.readabilityHandler = nil
                return TestServer(port: port, process: process, stdin: stdin)
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw TestServerError("the JWKS test server did not print its port within 15 s (script \(scriptPath))")
    }

    /// Stops the server (SIGTERM, then closes its stdin); idempotent.
    func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    // MARK: Control endpoints (plain URLSession, short timeouts)

    func control(_ pathAndQuery: String) async throws -> Data {
        try await send(URLRequest(url: try url(pathAndQuery)))
    }

    /// Makes `path` answer as `mode` (ok, 500, hang, big, html, redirect, notjwks).
    func setMode(_ path: String, _ mode: String) async throws {
        _ = try await control("/control/mode?path=\(path)&mode=\(mode)")
    }

    /// Publishes key `kid` (generated if new), optionally unpublishing `drop`.
    func rotate(add kid: String, drop: String? = nil) async throws {
        _ = try await control("/control/rotate?kid=\(kid)" + (drop.map { "&drop=\($0)" } ?? ""))
    }

    /// The paths the server was asked for (control requests excluded), in order.
    func log() async throws -> [(path: String, headers: [String: String])] {
        let data = try await control("/control/log")
        guard let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw TestServerError("the request log is not a JSON array")
        }
        return entries.map { ($0["path"] as? String ?? "", $0["headers"] as? [String: String] ?? [:]) }
    }

    /// How many times `path` was requested.
    func count(_ path: String) async throws -> Int {
        try await log().filter { $0.path == path }.count
    }

    /// An RS256 token signed by key `kid` (generated, unpublished, if new) over `claims`.
    func mint(kid: String = "k1", claims: [String: Any]) async throws -> String {
        var request = URLRequest(url: try url("/control/mint"))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["kid": kid, "claims": claims])
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return String(decoding: try await send(request), as: UTF8.self)
    }

    private func url(_ pathAndQuery: String) throws -> URL {
        guard let url = URL(string: base + pathAndQuery) else { throw TestServerError("bad control URL \(pathAndQuery)") }
        return url
    }

    private func send(_ request: URLRequest) async throws -> Data {
        var request = request
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw TestServerError("control request \(request.url?.absoluteString ?? "?") failed: \(response)")
        }
        return data
    }
}

struct TestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A clock the test moves by hand (seconds since the epoch).
final class ManualClock: Sendable {
    private let value: Mutex<Double>
    init(_ start: Double = 1_700_000_000) { value = Mutex(start) }
    var now: Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
    var jwtClock: JWTClock { JWTClock { [self] in now } }
}

enum Fixtures {
    /// Claim time used by every token: tokens are valid at `claimNow` (JWTClock.fixed in options).
    static let claimNow: Double = 1_700_000_000
    static let issuer = "https://issuer.test/"

    static func claims(scope: String? = nil, scp: [String]? = nil, exp: Double = claimNow + 3600) -> [String: Any] {
        var claims: [String: Any] = ["iss": issuer, "sub": "user-1", "aud": "api", "iat": claimNow - 10, "exp": exp]
        if let scope { claims["scope"] = scope }
        if let scp { claims["scp"] = scp }
        return claims
    }

    static var verifyOptions: JWTVerifyOptions {
        JWTVerifyOptions(algorithms: [.rs256], issuers: [issuer], audiences: ["api"], clock: .fixed(claimNow))
    }

    /// A token whose header names `kid` but whose signature is garbage: enough to exercise key
    /// selection (the remote set decides before any signature is checked).
    static func tokenWithUnknownKid(_ kid: String) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"RS256","kid":"\#(kid)"}"#.utf8))
        let payload = Base64URL.encode(Array(#"{"sub":"x"}"#.utf8))
        return header + "." + payload + "." + Base64URL.encode([UInt8](repeating: 7, count: 256))
    }
}

/// Runs `body` and returns its result with the elapsed wall time in seconds.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try await body()
    let elapsed = start.duration(to: .now)
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// The error `body` throws, or nil.
func joseError(_ body: () async throws -> Void) async -> JOSEError? {
    do {
        try await body()
        return nil
    } catch let error as JOSEError {
        return error
    } catch {
        Issue.record("expected a JOSEError, got \(error)")
        return JOSEError(.invalidOptions, "not a JOSEError: \(error)")
    }
}
