#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import JOSE

/// A JWK Set fetched from a URL and cached: the Swift counterpart of panva/jose's
/// `createRemoteJWKSet`, usable wherever a local ``JOSE/JWKSet`` is:
///
/// ```swift
/// let keys = try RemoteJWKSet(url: "https://auth.example.com/application/o/app/jwks/")
/// let verified = try await JWT.verify(token, keys: keys, options: options)
/// ```
///
/// Behaviour (jose's, with its defaults; see ``RemoteJWKSetOptions``):
/// - the first verification fetches; the set is reused for ``RemoteJWKSetOptions/cacheMaxAge``;
/// - one fetch at a time: every verification waiting for keys shares the fetch in flight;
/// - a token whose `kid` (and `alg`) matches no key triggers one refetch if the last fetch started at
///   least ``RemoteJWKSetOptions/cooldown`` ago (key rotation); otherwise `ERR_JWKS_NO_MATCHING_KEY`;
/// - a new set replaces the old one whole; a fetch that fails leaves the old one in place.
///
/// Beyond jose: ``RemoteJWKSetOptions/serveStale`` keeps serving the last good set for a bounded time
/// while the provider is down (failures are reported through ``lastError`` and
/// ``RemoteJWKSetOptions/onFetchError``); the cache can be seeded at start-up and exported
/// (``snapshot()``). Fetching follows the hygiene of ``HTTPClient``: only `200 OK`, no redirects, a
/// capped body, https except to loopback.
///
/// An actor: verifications never block a thread, and a fetch suspends only the verifications that
/// need it. With a warm cache, ``keySet(for:)`` makes no request and does one dictionary lookup.
public actor RemoteJWKSet: JWKSetSource {
    /// The JWK Set URL.
    public nonisolated let url: URL
    /// The options this set was created with.
    public nonisolated let options: RemoteJWKSetOptions
    private let client: any HTTPClient

    private var cache: CachedKeySet?
    /// When the last fetch started (success or failure), for the cooldown.
    private var lastFetchStartedAt: Double?
    /// When the last fetch failed, if it did after the last success.
    private var lastFailureAt: Double?
    private var inFlight: InFlight?
    private var generation = 0

    /// The error of the last fetch, or nil if it succeeded (or none was made).
    public private(set) var lastError: JOSEError?
    /// How many fetches this set has started: a warm cache leaves it unchanged.
    public private(set) var fetchCount = 0

    private struct InFlight {
        let id: Int
        var waiters: [CheckedContinuation<Result<CachedKeySet, JOSEError>, Never>]
        var tasks: [Task<Void, Never>] = []
    }

    /// Creates a remote set for `url`. Nothing is fetched until a key is needed (or ``refresh()``).
    ///
    /// - Parameters:
    ///   - url: The JWK Set URL (for OpenID Connect providers, the discovery document's `jwks_uri`;
    ///     see ``discover(issuer:options:client:seed:)``).
    ///   - options: Timeouts, cache and HTTP settings.
    ///   - client: The HTTP client; default ``URLSessionHTTPClient``.
    ///   - seed: A set to start with (e.g. an earlier ``snapshot()``), used until it is older than
    ///     ``RemoteJWKSetOptions/cacheMaxAge``.
    /// - Throws: ``JOSE/JOSEError`` `ERR_JOSE_INVALID_OPTIONS` for a URL that is not https (or loopback
    ///   http) or invalid options; `ERR_JWKS_INVALID` when the seed is not a usable JWK Set.
    public init(url: URL, options: RemoteJWKSetOptions = RemoteJWKSetOptions(), client: any HTTPClient = URLSessionHTTPClient(), seed: JWKSetSnapshot? = nil) throws(JOSEError) {
        try options.validate()
        self.url = try URLPolicy.check(url, what: "JWK Set", allowInsecureHTTP: options.allowInsecureHTTP)
        self.options = options
        self.client = client
        if let seed {
            cache = try CachedKeySet(json: seed.json, fetchedAt: seed.fetchedAt ?? options.clock.now())
        }
    }

    /// Creates a remote set for the URL written as `url` (see ``init(url:options:client:seed:)``).
    public init(url: String, options: RemoteJWKSetOptions = RemoteJWKSetOptions(), client: any HTTPClient = URLSessionHTTPClient(), seed: JWKSetSnapshot? = nil) throws(JOSEError) {
        try options.validate()
        try self.init(
            url: URLPolicy.check(url, what: "JWK Set", allowInsecureHTTP: options.allowInsecureHTTP),
            options: options, client: client, seed: seed)
    }

    /// The set to verify a token with `header` (``JOSE/JWKSetSource``): the cached set when it is fresh
    /// and has a candidate key; otherwise after one (shared) fetch, subject to the cooldown.
    ///
    /// - Throws: ``JOSE/JOSEError`` `ERR_JWKS_NO_MATCHING_KEY` when the `kid` is unknown and the cooldown
    ///   forbids a refetch; `ERR_JWKS_TIMEOUT`, `ERR_JWKS_FETCH_FAILED` or `ERR_JWKS_INVALID` when a
    ///   needed fetch fails (and no stale set may be served).
    public func keySet(for header: JWSHeader) async throws(JOSEError) -> JWKSet {
        let now = options.clock.now()
        if let cache, now < cache.fetchedAt + options.cacheMaxAge {
            if cache.hasCandidate(for: header) { return cache.keySet }
            if let started = lastFetchStartedAt, now < started + options.cooldown {
                throw noMatchingKey(header, fetchedAgo: now - cache.fetchedAt, retryIn: started + options.cooldown - now)
            }
            if lastFetchStartedAt == nil && now < cache.fetchedAt + options.cooldown {
                // A seed counts as a fetch for the cooldown.
                throw noMatchingKey(header, fetchedAgo: now - cache.fetchedAt, retryIn: cache.fetchedAt + options.cooldown - now)
            }
            return try await reload().keySet
        }
        if let cache, let stale = options.serveStale, now < cache.fetchedAt + options.cacheMaxAge + stale {
            if let failed = lastFailureAt, now < failed + options.cooldown {
                return cache.keySet
            }
            switch await reloadResult() {
            case .success(let fresh): return fresh.keySet
            case .failure: return cache.keySet  // reported through lastError / onFetchError
            }
        }
        return try await reload().keySet
    }

    /// Fetches the set now (sharing a fetch already in flight), ignoring the cooldown: to warm the
    /// cache at start-up, or after an out-of-band notice of rotation.
    ///
    /// - Throws: ``JOSE/JOSEError`` as ``keySet(for:)``; the previous set stays in place on failure.
    public func refresh() async throws(JOSEError) {
        _ = try await reload()
    }

    /// The cached set, fresh or not, without fetching (nil before the first successful fetch).
    public func cachedKeySet() -> JWKSet? { cache?.keySet }

    /// The cache as text and fetch time, to store and seed a later start (nil before the first
    /// successful fetch or seed).
    public func snapshot() -> JWKSetSnapshot? {
        cache.map { JWKSetSnapshot(json: $0.json, fetchedAt: $0.fetchedAt) }
    }

    private func noMatchingKey(_ header: JWSHeader, fetchedAgo: Double, retryIn: Double) -> JOSEError {
        let kid = header.keyID.map { JOSEError.displayable($0) }
        let name = kid.map { "\"kid\" \"\($0)\"" } ?? "no \"kid\""
        return JOSEError(.jwksNoMatchingKey,
            "no key in the JWK Set from \(url.absoluteString) can verify this \(header.algorithm) token with \(name); the set was fetched \(Self.seconds(fetchedAgo)) s ago and the cooldown allows the next refetch in \(Self.seconds(retryIn.rounded(.up))) s",
            kid: kid)
    }

    /// Whole seconds for a message, whatever the clock said (a seed's time may be far off).
    private static func seconds(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        return String(Int64(value.rounded()))
    }

    private func reload() async throws(JOSEError) -> CachedKeySet {
        try await reloadResult().get()
    }

    /// Joins the fetch in flight, or starts one. The fetch and a watchdog race; whichever finishes
    /// first completes every waiter, so the wait is bounded even if a custom client ignores its timeout.
    private func reloadResult() async -> Result<CachedKeySet, JOSEError> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<CachedKeySet, JOSEError>, Never>) in
            if inFlight != nil {
                inFlight?.waiters.append(continuation)
                return
            }
            generation += 1
            let id = generation
            inFlight = InFlight(id: id, waiters: [continuation])
            lastFetchStartedAt = options.clock.now()
            fetchCount += 1
            let url = self.url, client = self.client, options = self.options
            let fetch = Task {
                let result = await RemoteJWKSet.fetch(url, client: client, options: options)
                self.complete(id, result)
            }
            let watchdog = Task {
                try? await Task.sleep(for: .seconds(options.timeout + 1))
                if Task.isCancelled { return }
                self.complete(id, .failure(JOSEError(.jwksTimeout, "fetching the JWK Set from \(url.absoluteString) timed out after \(options.timeout) s (the HTTP client did not give up)")))
            }
            inFlight?.tasks = [fetch, watchdog]
        }
    }

    private func complete(_ id: Int, _ result: Result<CachedKeySet, JOSEError>) {
        guard let flight = inFlight, flight.id == id else { return }
        inFlight = nil
        for task in flight.tasks { task.cancel() }
        switch result {
        case .success(let fresh):
            cache = fresh
            lastError = nil
            lastFailureAt = nil
        case .failure(let error):
            lastError = error
            lastFailureAt = options.clock.now()
            options.onFetchError?(error)
        }
        for waiter in flight.waiters { waiter.resume(returning: result) }
    }

    /// One fetch, off the actor: GET, 200 only, parse and index the set.
    private static func fetch(_ url: URL, client: any HTTPClient, options: RemoteJWKSetOptions) async -> Result<CachedKeySet, JOSEError> {
        let body: [UInt8]
        switch await BoundedFetch.fetch(url, what: "JWK Set", client: client, options: options) {
        case .success(let bytes): body = bytes
        case .failure(let error): return .failure(error)
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(JOSEError(.jwksInvalid, "the response from \(url.absoluteString) is not a JWK Set: it is not UTF-8 text"))
        }
        do {
            return .success(try CachedKeySet(json: text, fetchedAt: options.clock.now()))
        } catch {
            if error.code == .jwksInvalid, (try? JSONDocument(bytes: body)) == nil {
                return .failure(JOSEError(.jwksInvalid, "the response from \(url.absoluteString) is not a JWK Set: \(BoundedFetch.describeNonJSON(body))"))
            }
            return .failure(JOSEError(error.code, "the response from \(url.absoluteString) is not a usable JWK Set: \(error.message)"))
        }
    }
}
