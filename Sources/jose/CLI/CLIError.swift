/// Exit statuses, the contract scripts rely on.
enum ExitStatus: Int32 {
    /// Valid token, or the command did what was asked.
    case success = 0
    /// The input (token, key, vectors) was read and is invalid, or a conformance case failed.
    case invalid = 1
    /// Usage or configuration error: bad option, unreadable file, unreachable key set URL.
    case usage = 2
}

/// An error that ends the command with exit status 2 and a message on standard error.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    /// The command whose `--help` to point at, if any.
    let command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    var description: String { message }
}
