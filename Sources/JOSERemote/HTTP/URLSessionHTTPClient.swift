#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import Synchronization

/// The default ``HTTPClient``: URLSession (FoundationNetworking on Linux) with an ephemeral
/// configuration (no cookies, no cache), redirects refused, the body capped while it streams in, and
/// the deadline enforced by a watchdog of its own (URLSession's timeouts are only a backstop: on Linux
/// they have whole-second resolution).
///
/// Each request uses its own short-lived session, so state never leaks between fetches; key sets are
/// fetched rarely (see ``RemoteJWKSetOptions/cooldown``), so the set-up cost does not matter.
public struct URLSessionHTTPClient: HTTPClient {
    /// Creates the client.
    public init() {}

    /// Performs a bounded `GET` (see ``HTTPClient/get(_:headers:timeout:maxBytes:)``).
    public func get(_ url: URL, headers: [String: String], timeout: Double, maxBytes: Int) async throws -> HTTPResponse {
        // FoundationNetworking on Linux truncates these intervals to whole seconds (measured with
        // swift-corelibs-foundation in Swift 6.3: 1.5 s fires after 1.0 s, and anything under 1 s times
        // out at once). They are a backstop only; the watchdog below enforces `timeout` exactly.
        let backstop = timeout.rounded(.up) + 1
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let delegate = BoundedFetchDelegate(maxBytes: maxBytes, timeout: timeout)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }

        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: backstop)
        request.httpMethod = "GET"
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let task = session.dataTask(with: request)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) in
                delegate.start(task, continuation: continuation)
            }
        } onCancel: {
            delegate.finish(.failure(HTTPClientError(.transport, "the request was cancelled")))
        }
        return try result.get()
    }
}

/// Collects one data task's response. Safe to share across threads: every mutable field lives in a
/// `Mutex`, and the continuation is resumed exactly once (``finish(_:)`` takes it out under the lock).
final class BoundedFetchDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>?
        var task: URLSessionDataTask?
        var finished: Result<HTTPResponse, HTTPClientError>?
        var status = 0
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var watchdog: Task<Void, Never>?
    }

    private let maxBytes: Int
    private let timeout: Double
    private let state = Mutex(State())

    init(maxBytes: Int, timeout: Double) {
        self.maxBytes = maxBytes
        self.timeout = timeout
    }

    /// Registers the continuation, starts the task and the watchdog. If the request was cancelled
    /// before it started, resumes at once.
    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) {
        let early: Result<HTTPResponse, HTTPClientError>? = state.withLock { state in
            if let finished = state.finished { return finished }
            state.continuation = continuation
            state.task = task
            return nil
        }
        if let early {
            continuation.resume(returning: early)
            return
        }
        let timeout = self.timeout
        let watchdog = Task { [weak self] in
            // URLSession's own timeouts should fire first; this bounds the wait if they do not.
            try? await Task.sleep(for: .seconds(timeout))
            if Task.isCancelled { return }
            self?.finish(.failure(HTTPClientError(.timedOut, "no complete response within \(timeout) s")))
        }
        state.withLock { $0.watchdog = watchdog }
        task.resume()
    }

    /// Resumes the caller once with `result` and stops the task.
    func finish(_ result: Result<HTTPResponse, HTTPClientError>) {
        let (continuation, task, watchdog) = state.withLock { state -> (CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>?, URLSessionDataTask?, Task<Void, Never>?) in
            guard state.finished == nil else { return (nil, nil, nil) }
            state.finished = result
            defer {
                state.continuation = nil
                state.task = nil
                state.watchdog = nil
                state.body = []
            }
            return (state.continuation, state.task, state.watchdog)
        }
        watchdog?.cancel()
        task?.cancel()
        continuation?.resume(returning: result)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            finish(.failure(HTTPClientError(.transport, "the response is not an HTTP response")))
            return
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let status = http.statusCode
        state.withLock { state in
            state.status = status
            state.headers = headers
        }
        if status != 200 {
            // The body of a refused response is never used: do not download it.
            completionHandler(.cancel)
            finish(.success(HTTPResponse(status: status, headers: headers)))
            return
        }
        if http.expectedContentLength > Int64(maxBytes) {
            completionHandler(.cancel)
            finish(.failure(HTTPClientError(.bodyTooLarge(limit: maxBytes), "the body is \(http.expectedContentLength) bytes, more than the \(maxBytes) allowed")))
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let maxBytes = self.maxBytes
        let tooLarge = state.withLock { state -> Bool in
            guard state.finished == nil else { return false }
            if state.body.count + data.count > maxBytes { return true }
            state.body.append(contentsOf: data)
            return false
        }
        if tooLarge {
            finish(.failure(HTTPClientError(.bodyTooLarge(limit: maxBytes), "the body exceeds the \(maxBytes) bytes allowed")))
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // Never follow: the 3xx response itself becomes the result, and the caller refuses it.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            let nsError = error as NSError
            if nsError.domain == NSURLErrorDomain && nsError.code == NSURLErrorTimedOut {
                finish(.failure(HTTPClientError(.timedOut, "no complete response within \(timeout) s")))
            } else {
                finish(.failure(HTTPClientError(.transport, nsError.localizedDescription)))
            }
            return
        }
        let response = state.withLock { state in
            HTTPResponse(status: state.status, headers: state.headers, body: state.body)
        }
        finish(.success(response))
    }
}
