import Foundation
import JOSE
import JOSERemote
import Testing

/// Fetch counting against the real loopback server: cold start, warm cache, coalescing, rotation,
/// cooldown. Every count comes from the server's own request log.
@Suite(.enabled(if: TestServer.isAvailable, Comment(rawValue: TestServer.unavailableReason ?? "")), .timeLimit(.minutes(1)))
struct RemoteJWKSetCachingTests {
    @Test func coldStartFetchesOnceAndAWarmCacheFetchesNothing() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let clock = ManualClock()
        let keys = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(clock: clock.jwtClock))
        let token = try await server.mint(claims: Fixtures.claims())

        let first = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions)
        #expect(first.claims.subject == "user-1", "cold start: the token verifies")
        #expect(try await server.count("/jwks") == 1, "cold start: exactly one fetch")

        for i in 0..<1000 {
            clock.advance(0.5)  // 500 s in all, inside the 600 s max age
            do {
                _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions)
            } catch {
                Issue.record("warm verification \(i) failed: \(error)")
                break
            }
        }
        #expect(try await server.count("/jwks") == 1, "1000 warm verifications: no further fetch")
        #expect(await keys.fetchCount == 1)
    }

    @Test func aBurstOf200VerificationsOnAColdCacheMakesOneRequest() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let keys = try RemoteJWKSet(url: server.jwksURL)
        let token = try await server.mint(claims: Fixtures.claims())
        let failures = await withTaskGroup(of: JOSEError?.self) { group in
            for _ in 0..<200 {
                group.addTask { await joseError { _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions) } }
            }
            var failures: [JOSEError] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        #expect(failures.isEmpty, "burst: every verification succeeds; first failure: \(failures.first?.description ?? "-")")
        #expect(try await server.count("/jwks") == 1, "burst of 200 on a cold cache: exactly one request")
    }

    @Test func aNewKidTriggersOneRefetchAfterTheCooldown() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let clock = ManualClock()
        let keys = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(clock: clock.jwtClock))
        let oldToken = try await server.mint(kid: "k1", claims: Fixtures.claims())
        _ = try await JWT.verify(oldToken, keys: keys, options: Fixtures.verifyOptions)

        // The provider rotates to k2 (k1 stays published); a token signed with k2 arrives.
        let newToken = try await server.mint(kid: "k2", claims: Fixtures.claims())
        try await server.rotate(add: "k2")

        clock.advance(10)  // inside the 30 s cooldown: refused without a request
        let early = await joseError { _ = try await JWT.verify(newToken, keys: keys, options: Fixtures.verifyOptions) }
        #expect(early?.code == .jwksNoMatchingKey, "rotation inside the cooldown: \(String(describing: early))")
        #expect(early?.kid == "k2")
        #expect(try await server.count("/jwks") == 1, "no refetch inside the cooldown")

        clock.advance(21)  // 31 s after the first fetch
        let verified = try await JWT.verify(newToken, keys: keys, options: Fixtures.verifyOptions)
        #expect(verified.header.keyID == "k2")
        #expect(try await server.count("/jwks") == 2, "rotation: exactly one refetch")
        _ = try await JWT.verify(oldToken, keys: keys, options: Fixtures.verifyOptions)
        #expect(try await server.count("/jwks") == 2, "known kids after the refetch: no request")

        // k1 withdrawn: a k1 token is refused after the next refetch, never by a stale mix.
        try await server.rotate(add: "k3", drop: "k1")
        let k3Token = try await server.mint(kid: "k3", claims: Fixtures.claims())
        clock.advance(31)
        _ = try await JWT.verify(k3Token, keys: keys, options: Fixtures.verifyOptions)
        let withdrawn = await joseError { _ = try await JWT.verify(oldToken, keys: keys, options: Fixtures.verifyOptions) }
        #expect(withdrawn?.code == .jwksNoMatchingKey, "a withdrawn key is gone after the set is replaced: \(String(describing: withdrawn))")
        #expect(try await server.count("/jwks") == 3)
    }

    @Test func aStormOfUnknownKidsMakesAtMostOneRequestPerCooldown() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let clock = ManualClock()
        let keys = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(clock: clock.jwtClock))
        let good = try await server.mint(claims: Fixtures.claims())
        _ = try await JWT.verify(good, keys: keys, options: Fixtures.verifyOptions)

        // 96 simulated seconds, 20 concurrent forged tokens with random kids each second.
        for second in 0..<96 {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    let token = Fixtures.tokenWithUnknownKid("random-\(UInt64.random(in: 0...UInt64.max))")
                    group.addTask {
                        let error = await joseError { _ = try await JWT.verify(token, keys: keys, options: Fixtures.verifyOptions) }
                        if error?.code != .jwksNoMatchingKey {
                            Issue.record("second \(second): a forged token with an unknown kid gave \(String(describing: error))")
                        }
                    }
                }
            }
            clock.advance(1)
        }
        // Fetches at t=0 (cold), then at most one per 30 s window: t=30, 60, 90.
        let count = try await server.count("/jwks")
        #expect(count <= 4, "storm: \(count) requests in 96 s with a 30 s cooldown (at most 4)")
        #expect(count >= 2, "storm: the cooldown must still allow rotation refetches (got \(count))")
        // The genuine token still verifies from the cache throughout.
        _ = try await JWT.verify(good, keys: keys, options: Fixtures.verifyOptions)
    }

    @Test func customHeadersAreSentAndAcceptDefaultsToJSON() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let keys = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(headers: ["X-Gateway-Key": "abc123", "User-Agent": "jose-tests"]))
        try await keys.refresh()
        let entry = try #require(try await server.log().first)
        #expect(entry.headers["x-gateway-key"] == "abc123")
        #expect(entry.headers["user-agent"] == "jose-tests")
        #expect(entry.headers["accept"]?.contains("application/json") == true)
    }

    @Test func aSeededSetVerifiesWithoutAnyRequestAndExportsItsText() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let clock = ManualClock()
        let first = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(clock: clock.jwtClock))
        try await first.refresh()
        let exported = try #require(await first.snapshot())
        #expect(exported.fetchedAt == clock.now)
        #expect(try JWKSet(json: exported.json).containsKey(withID: "k1"))

        // Round trip through a file, then start "offline": the URL answers 500.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-seed-\(UUID().uuidString).json").path
        try exported.json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await server.setMode("/jwks", "500")
        let before = try await server.count("/jwks")

        let seeded = try RemoteJWKSet(url: server.jwksURL, options: RemoteJWKSetOptions(clock: clock.jwtClock),
                                      seed: try JWKSetSnapshot(contentsOfFile: path))
        let token = try await server.mint(claims: Fixtures.claims())
        _ = try await JWT.verify(token, keys: seeded, options: Fixtures.verifyOptions)
        #expect(try await server.count("/jwks") == before, "a seeded set makes no request while fresh")
        #expect(await seeded.snapshot()?.json == exported.json)
    }
}
