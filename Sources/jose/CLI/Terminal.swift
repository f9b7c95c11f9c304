#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and standard error, with colour only on a terminal and never when
/// `NO_COLOR` is set to a non-empty value (https://no-color.org).
enum Terminal {
    enum Style: String {
        case bold = "1", red = "31", green = "32", yellow = "33", dim = "2"
    }

    static let noColorRequested: Bool = {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }()

    /// Whether standard output gets ANSI colour.
    static let colourOut = isatty(STDOUT_FILENO) == 1 && !noColorRequested
    /// Whether standard error gets ANSI colour.
    static let colourErr = isatty(STDERR_FILENO) == 1 && !noColorRequested
    /// Whether standard error is a terminal (progress lines go there only then).
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1
    /// Whether standard input is a terminal (then a missing token is a usage error, not a wait).
    static let stdinIsTerminal = isatty(STDIN_FILENO) == 1

    /// `text` in `style` when standard output takes colour.
    static func styled(_ text: String, _ style: Style, stderr: Bool = false) -> String {
        (stderr ? colourErr : colourOut) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Writes `text` and a newline to standard output.
    static func out(_ text: String = "") {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes raw bytes to standard output.
    static func outBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll($0, to: STDOUT_FILENO) }
    }

    /// Writes `text` and a newline to standard error.
    static func err(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Rewrites the current line of standard error (progress), only on a terminal.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        write("\r\u{1B}[2K" + text, to: STDERR_FILENO)
    }

    /// Clears the progress line.
    static func endProgress() {
        guard stderrIsTerminal else { return }
        write("\r\u{1B}[2K", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: fd) }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = systemWrite(fd, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            pointer += written
            remaining -= written
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
