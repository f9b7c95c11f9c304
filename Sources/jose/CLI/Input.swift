#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files and standard input, with a size cap and errors that name the file and the reason.
enum Input {
    /// The most any single input may hold: 64 MiB (a token, a key file, a vector file).
    static let maximumBytes = 64 << 20

    /// The bytes of `path`, or of standard input when `path` is `-`.
    ///
    /// - Throws: ``UsageError`` naming the file and the system's reason (missing, unreadable, a
    ///   directory, too large).
    static func read(_ path: String, what: String, maximumBytes: Int = Input.maximumBytes) throws(UsageError) -> [UInt8] {
        if path == "-" { return try readStandardInput(what: what, maximumBytes: maximumBytes) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw UsageError("cannot read the \(what) file '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw UsageError("cannot read the \(what) file '\(path)': it is a directory")
        }
        return try readAll(fd, name: "the \(what) file '\(path)'", maximumBytes: maximumBytes)
    }

    /// All of standard input.
    static func readStandardInput(what: String, maximumBytes: Int = Input.maximumBytes) throws(UsageError) -> [UInt8] {
        try readAll(STDIN_FILENO, name: "the \(what) on standard input", maximumBytes: maximumBytes)
    }

    private static func readAll(_ fd: Int32, name: String, maximumBytes: Int) throws(UsageError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError("cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumBytes {
                throw UsageError("\(name) is larger than \(maximumBytes >> 20) MiB; refusing to read it")
            }
        }
        return bytes
    }

    /// `bytes` without leading and trailing ASCII whitespace (space, tab, CR, LF).
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }

    /// The token from the command's positional argument: the argument itself, or standard input when
    /// it is `-` or absent. Surrounding whitespace is not part of the token.
    static func token(_ positional: String?, command: String) throws(UsageError) -> String {
        if let positional, positional != "-" {
            if access(positional, F_OK) == 0 {
                throw UsageError("'\(positional)' is a file: give the token itself, or read it from the file with '< \(positional)'", command: command)
            }
            return String(decoding: trimmed(Array(positional.utf8)), as: UTF8.self)
        }
        if positional == nil && Terminal.stdinIsTerminal {
            throw UsageError("no token: give it as the last argument, or pipe it to standard input (or pass '-')", command: command)
        }
        let bytes = try readStandardInput(what: "token")
        let token = trimmed(bytes)
        guard !token.isEmpty else {
            throw UsageError("standard input is empty: no token to read", command: command)
        }
        return String(decoding: token, as: UTF8.self)
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Musl)
private let systemRead = Musl.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
