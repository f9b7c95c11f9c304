import Foundation
import JOSE
import JOSERemote
import Testing

/// The default client on this platform (FoundationNetworking on Linux), against the loopback server.
@Suite(.enabled(if: TestServer.isAvailable, Comment(rawValue: TestServer.unavailableReason ?? "")), .timeLimit(.minutes(1)))
struct URLSessionHTTPClientTests {
    let client = URLSessionHTTPClient()

    func get(_ server: TestServer, _ path: String, timeout: Double = 2, maxBytes: Int = 1 << 20) async throws -> HTTPResponse {
        let url = try #require(URL(string: server.base + path))
        return try await client.get(url, headers: ["X-Probe": "1"], timeout: timeout, maxBytes: maxBytes)
    }

    @Test func aRedirectIsReturnedNotFollowed() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let response = try await get(server, "/redirect")
        #expect(response.status == 302)
        #expect(response.headers["location"] == "/jwks")
        #expect(try await server.log().map(\.path) == ["/redirect"])
    }

    @Test(arguments: [0.3, 0.5, 1.5])
    func subSecondTimeoutsAreHonouredExactly(timeout: Double) async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        // Linux URLSession alone would time out at once for < 1 s and after 1 s for 1.5 s.
        let fast = try await get(server, "/jwks", timeout: timeout)
        #expect(fast.status == 200, "timeout \(timeout): a fast response is not cut off")
        let (outcome, elapsed) = await timed { () -> HTTPClientError? in
            do {
                _ = try await get(server, "/hang", timeout: timeout)
                return nil
            } catch {
                return error as? HTTPClientError
            }
        }
        #expect(outcome?.kind == .timedOut, "timeout \(timeout): \(String(describing: outcome))")
        #expect(elapsed >= timeout - 0.05 && elapsed < timeout + 40, "timeout \(timeout): gave up after \(elapsed) s")
    }

    @Test func theBodyCapHoldsWithoutContentLength() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        await #expect(throws: HTTPClientError.self) { _ = try await get(server, "/big", maxBytes: 100_000) }
        let ok = try await get(server, "/jwks", maxBytes: 100_000)
        #expect(ok.body.count < 100_000 && ok.status == 200)
    }

    @Test func statusesOtherThan200AreReturnedWithoutBody() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        #expect(try await get(server, "/status/500").status == 500)
        #expect(try await get(server, "/nothing-here").status == 404)
    }

    @Test func aClosedPortIsATransportError() async throws {
        let server = try await TestServer.start()
        server.stop()
        do {
            _ = try await get(server, "/jwks")
            Issue.record("a request to a stopped server succeeded")
        } catch let error as HTTPClientError {
            #expect(error.kind == .transport, "\(error)")
        }
    }
}
