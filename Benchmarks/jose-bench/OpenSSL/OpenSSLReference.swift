/// The `openssl speed` measurement a case is compared with, and how to read ns/op out of it.
///
/// Commands are run with `-mr` (machine-readable). Formats seen with OpenSSL 3.0:
/// - digest / HMAC: `+F:25:sha256:982300212.24`, bytes per second for the one `-bytes N` size,
///   so operations per second = bytes per second / N.
/// - RSA: `+F2:2:2048:1100.000000:34738.000000`, signatures per second then verifications per second.
/// With `-multi N` the children's lines are echoed as `Got: +F...`; the last line starting with
/// `+F` is the total over all N processes.
enum OpenSSLReference: Hashable, Sendable {
    /// `openssl speed -evp NAME -bytes N`: one hash of an N-byte message.
    case digest(String, bytes: Int)
    /// `openssl speed -hmac NAME -bytes N`: one HMAC of an N-byte message (key set up once).
    case hmac(String, bytes: Int)
    /// `openssl speed rsaBITS`, verify column: one PKCS#1 v1.5 verification with e = 65537.
    case rsaVerify(bits: Int)

    /// Arguments after `openssl`. `elapsed` divides by wall-clock time instead of OpenSSL's
    /// default, CPU time, so both sides of a ratio use the same kind of time.
    func arguments(threads: Int, elapsed: Bool) -> [String] {
        var arguments = ["speed", "-seconds", self.isRSA ? "2" : "1", "-mr"]
        if elapsed {
            arguments.append("-elapsed")
        }
        if threads > 1 {
            arguments += ["-multi", String(threads)]
        }
        switch self {
        case .digest(let name, let bytes): arguments += ["-evp", name, "-bytes", String(bytes)]
        case .hmac(let name, let bytes): arguments += ["-hmac", name, "-bytes", String(bytes)]
        case .rsaVerify(let bits): arguments += ["rsa\(bits)"]
        }
        return arguments
    }

    private var isRSA: Bool {
        if case .rsaVerify = self { return true }
        return false
    }

    /// Total operations per second in `openssl speed -mr` output, or nil if the line is missing.
    func operationsPerSecond(parsing output: String) -> Double? {
        let prefix = isRSA ? "+F2:" : "+F:"
        guard let line = output.split(whereSeparator: \.isNewline).last(where: { $0.hasPrefix(prefix) }) else {
            return nil
        }
        let fields = line.split(separator: ":")
        switch self {
        case .digest(_, let bytes), .hmac(_, let bytes):
            guard fields.count >= 4, let bytesPerSecond = Double(fields[3]), bytesPerSecond > 0 else { return nil }
            return bytesPerSecond / Double(bytes)
        case .rsaVerify:
            guard fields.count >= 5, let verifications = Double(fields[4]), verifications > 0 else { return nil }
            return verifications
        }
    }
}

/// OpenSSL's figure for one case.
struct OpenSSLFigure {
    /// The command as run, for the table footer.
    let command: String
    /// Total over all processes (`-multi`) when the case is multi-thread.
    let operationsPerSecond: Double
    /// Time per operation in one process: threads / rate.
    let nanosecondsPerOperation: Double
}
