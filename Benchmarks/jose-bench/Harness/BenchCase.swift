/// One benchmark of issue 7: its name, what it reports beside the timings, and how to build it.
///
/// `make` runs before any timing: it builds the inputs and returns the ``Workload`` to time.
/// A multi-thread case calls `make` once per thread, so nothing is shared between threads.
struct BenchCase: Sendable {
    /// The stable name from issue 7 (`sha256.1KiB`, `jwt.RS256-2048`...), used by `--filter` and JSON.
    let name: String
    /// Size of the hashed or signed input in bytes, when that is meaningful (JSON `input_bytes`).
    let inputBytes: Int?
    /// The `openssl speed` figure this case is compared with under `--compare-openssl`.
    let openssl: OpenSSLReference?
    /// `nil` for a single-thread case; otherwise the number of threads ``ThreadRunner`` uses.
    let threads: Int?
    /// Builds the inputs and the operation; called outside the timed region.
    let make: @Sendable () throws -> Workload

    init(
        name: String,
        inputBytes: Int? = nil,
        openssl: OpenSSLReference? = nil,
        threads: Int? = nil,
        make: @escaping @Sendable () throws -> Workload
    ) {
        self.name = name
        self.inputBytes = inputBytes
        self.openssl = openssl
        self.threads = threads
        self.make = make
    }

    /// The same work run on `threads` threads at once, reported as total operations per second
    /// (the `jwt.RS256-2048.threads` shape). The OpenSSL reference becomes `openssl speed -multi`.
    static func threaded(_ base: BenchCase, name: String, threads: Int = Machine.coreCount) -> BenchCase {
        BenchCase(name: name, inputBytes: base.inputBytes, openssl: base.openssl, threads: threads, make: base.make)
    }
}
