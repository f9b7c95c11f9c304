import Foundation
import JOSE
import JOSERemote
import Synchronization
import Testing

/// An injected HTTP client: the protocol seam, and the watchdog that bounds a client which ignores
/// its timeout.
struct InjectedClientTests {
    /// Answers every GET with `response` after `delay` seconds (ignoring cancellation), counting calls.
    final class ScriptedClient: HTTPClient {
        let response: HTTPResponse
        let delay: Double
        let calls = Mutex(0)
        init(_ response: HTTPResponse, delay: Double = 0) {
            self.response = response
            self.delay = delay
        }
        func get(_ url: URL, headers: [String: String], timeout: Double, maxBytes: Int) async throws -> HTTPResponse {
            calls.withLock { $0 += 1 }
            if delay > 0 {
                // Deliberately not cancellable: a badly behaved client.
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().asyncAfter(deadline: .now() + delay) { done.resume() }
                }
            }
            return response
        }
    }

    static let oneKeySet = #"{"keys":[{"kty":"oct","kid":"s","alg":"HS256","k":"YW4gSFMyNTYgc2VjcmV0IG9mIDMyIGJ5dGVzISEhIQ"}]}"#

    @Test func aClientThatIgnoresItsTimeoutIsCutOffByTheWatchdog() async throws {
        let client = ScriptedClient(HTTPResponse(status: 200, body: Array(Self.oneKeySet.utf8)), delay: 120)
        let keys = try RemoteJWKSet(url: "https://keys.example/jwks", options: RemoteJWKSetOptions(timeout: 0.2), client: client)
        let (error, elapsed) = await timed { await joseError { try await keys.refresh() } }
        #expect(error?.code == .jwksTimeout, "\(String(describing: error))")
        #expect(elapsed < 60, "watchdog fired after \(elapsed) s")
    }

    @Test func anInjectedClientServesTheSet() async throws {
        let client = ScriptedClient(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Array(Self.oneKeySet.utf8)))
        let keys = try RemoteJWKSet(url: "https://keys.example/jwks", client: client)
        try await keys.refresh()
        #expect(await keys.cachedKeySet()?.containsKey(withID: "s") == true)
        #expect(client.calls.withLock { $0 } == 1)
    }

    @Test func anEmptyObjectKeepsTheAuthentikHintAndNamesTheURL() async throws {
        let client = ScriptedClient(HTTPResponse(status: 200, body: Array("{}".utf8)))
        let keys = try RemoteJWKSet(url: "https://auth.example/application/o/app/jwks/", client: client)
        let error = await joseError { try await keys.refresh() }
        #expect(error?.code == .jwksInvalid)
        #expect(error?.message.contains("https://auth.example/application/o/app/jwks/") == true && error?.message.contains("authentik") == true,
                "\(String(describing: error))")
    }

    @Test func aBodyLargerThanTheCapIsRefusedEvenFromAClientThatReturnsIt() async throws {
        let client = ScriptedClient(HTTPResponse(status: 200, body: [UInt8](repeating: 0x20, count: 2000)))
        let keys = try RemoteJWKSet(url: "https://keys.example/jwks", options: RemoteJWKSetOptions(maximumResponseBytes: 1000), client: client)
        let error = await joseError { try await keys.refresh() }
        #expect(error?.code == .jwksFetchFailed, "\(String(describing: error))")
    }
}
