import Foundation
import JOSE
import JOSERemote
import Synchronization
import Testing

/// A misbehaving provider: typed errors in bounded time, and stale keys served only when configured.
@Suite(.enabled(if: TestServer.isAvailable, Comment(rawValue: TestServer.unavailableReason ?? "")), .timeLimit(.minutes(1)))
struct RemoteJWKSetFailureTests {
    /// Fetches `path` on a cold set with a 0.5 s timeout; returns the error and the time it took.
    func coldFailure(_ server: TestServer, path: String, options: RemoteJWKSetOptions = RemoteJWKSetOptions(timeout: 0.5)) async throws -> (JOSEError?, Double) {
        let keys = try RemoteJWKSet(url: server.base + path, options: options)
        let token = try await server.mint(claims: Fixtures.claims())
        return await timed { await joseError { _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions) } }
    }

    @Test func status500IsAFetchFailureNamingStatusAndURL() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let (error, elapsed) = try await coldFailure(server, path: "/status/500")
        #expect(error?.code == .jwksFetchFailed, "500: \(String(describing: error))")
        #expect(error?.message.contains("HTTP 500") == true && error?.message.contains(server.base + "/status/500") == true, "500: \(String(describing: error))")
        #expect(elapsed < 45, "500: answered in \(elapsed) s")
    }

    @Test func aHangingServerTimesOutWithERR_JWKS_TIMEOUT() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let (error, elapsed) = try await coldFailure(server, path: "/hang")
        #expect(error?.code == .jwksTimeout, "hang: \(String(describing: error))")
        #expect(elapsed >= 0.4 && elapsed < 45, "hang with a 0.5 s timeout: gave up after \(elapsed) s")
    }

    @Test(arguments: ["/big", "/big-declared"])
    func a10MBBodyIsRefusedWhileStreaming(path: String) async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let (error, elapsed) = try await coldFailure(server, path: path, options: RemoteJWKSetOptions(timeout: 5))
        #expect(error?.code == .jwksFetchFailed, "\(path): \(String(describing: error))")
        #expect(error?.message.contains("larger than 524288 bytes") == true, "\(path): \(String(describing: error))")
        #expect(elapsed < 45, "\(path): refused after \(elapsed) s")
    }

    @Test func htmlIsNotAJWKSetAndTheErrorNamesTheURL() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let (error, _) = try await coldFailure(server, path: "/html")
        #expect(error?.code == .jwksInvalid, "html: \(String(describing: error))")
        #expect(error?.message.contains(server.base + "/html") == true && error?.message.contains("HTML") == true, "html: \(String(describing: error))")
    }

    @Test func jsonThatIsNotAJWKSetIsRefusedNamingTheURL() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let (error, _) = try await coldFailure(server, path: "/notjwks")
        #expect(error?.code == .jwksInvalid, "notjwks: \(String(describing: error))")
        #expect(error?.message.contains(server.base + "/notjwks") == true, "notjwks: \(String(describing: error))")
    }

    @Test func aRedirectIsNotFollowed() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let (error, _) = try await coldFailure(server, path: "/redirect")
        #expect(error?.code == .jwksFetchFailed, "redirect: \(String(describing: error))")
        #expect(error?.message.contains("302") == true && error?.message.contains("redirect") == true, "redirect: \(String(describing: error))")
        let paths = try await server.log().map(\.path)
        #expect(paths == ["/redirect"], "the redirect target was not requested: \(paths)")
    }

    @Test func aServerThatWentAwayIsAFetchFailureUnlessStaleKeysAreAllowed() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let clock = ManualClock()
        let reported = ErrorLog()
        let strict = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(timeout: 0.5, clock: clock.jwtClock))
        let lenient = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(
            timeout: 0.5, serveStale: 3600, clock: clock.jwtClock, onFetchError: { reported.append($0) }))
        let token = try await server.mint(claims: Fixtures.claims())
        _ = try await JWT.verify(token, keys: strict, options: Fixtures.verifyOptions)
        _ = try await JWT.verify(token, keys: lenient, options: Fixtures.verifyOptions)

        server.stop()
        clock.advance(601)  // past the 10 min max age
        let (error, elapsed) = await timed { await joseError { _ = try await JWT.verify(token, keys: strict, options: Fixtures.verifyOptions) } }
        #expect(error?.code == .jwksFetchFailed || error?.code == .jwksTimeout, "server gone: \(String(describing: error))")
        #expect(elapsed < 45, "server gone: answered in \(elapsed) s")

        _ = try await JWT.verify(token, keys: lenient, options: Fixtures.verifyOptions)
        #expect(await lenient.lastError != nil, "serving stale keys still reports the fetch error")
        #expect(reported.count == 1, "onFetchError was called once (got \(reported.count))")
    }

    @Test func staleKeysAreServedForABoundedTimeWhileTheProviderFails() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let clock = ManualClock()
        let keys = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(timeout: 0.5, serveStale: 120, clock: clock.jwtClock))
        let token = try await server.mint(claims: Fixtures.claims())
        _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions)

        try await server.setMode("/jwks", "hang")
        clock.advance(601)
        _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions)
        #expect(await keys.lastError?.code == .jwksTimeout)
        #expect(try await server.count("/jwks") == 2, "one refresh attempt")

        clock.advance(10)  // inside the cooldown after a failure: stale keys at once, no request
        let (_, elapsed) = try await timed { try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions) }
        #expect(elapsed < 10, "no waiting on a provider known to be down (\(elapsed) s)")
        #expect(try await server.count("/jwks") == 2)

        try await server.setMode("/jwks", "500")
        clock.advance(30)
        _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions)
        #expect(await keys.lastError?.code == .jwksFetchFailed)
        #expect(try await server.count("/jwks") == 3, "one attempt per cooldown")

        clock.advance(100)  // 741 s after the fetch: past max age + serveStale
        let expired = await joseError { _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions) }
        #expect(expired?.code == .jwksFetchFailed, "past the stale window the failure surfaces: \(String(describing: expired))")

        try await server.setMode("/jwks", "ok")
        clock.advance(1)
        _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions)
        #expect(await keys.lastError == nil, "a successful fetch clears the error")
    }
}

/// Collects errors from a `@Sendable` callback.
final class ErrorLog: Sendable {
    private let errors = Synchronization.Mutex<[JOSEError]>([])
    func append(_ error: JOSEError) { errors.withLock { $0.append(error) } }
    var count: Int { errors.withLock { $0.count } }
}
