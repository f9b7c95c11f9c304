import Foundation

/// What the results were measured on (JSON `machine`, `swift`, `date`, and the table header).
enum Machine {
    /// Online CPU cores; the default thread count of multi-thread cases.
    static let coreCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// True when built without optimisation (`swift build` / `swift run` without `-c release`).
    static var isDebugBuild: Bool { _isDebugAssertConfiguration() }

    /// `model name` of the first CPU in /proc/cpuinfo, or "unknown CPU".
    static let cpuModel: String = {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }()

    /// For example `AMD EPYC, 2 cores, Linux x86_64`.
    static var summary: String {
        var name = utsname()
        uname(&name)
        let system = withUnsafeBytes(of: name.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let arch = withUnsafeBytes(of: name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return "\(cpuModel), \(coreCount) core\(coreCount == 1 ? "" : "s"), \(system) \(arch)"
    }

    /// The 1-minute load average from /proc/loadavg: above the core count, timings are noisy.
    static var loadAverage: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").first.map(String.init) ?? "?"
    }

    /// The compiler that built this binary, fixed at compile time.
    static let swiftVersion: String = {
        #if compiler(>=6.5)
        return "6.5 or later"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3.1)
        return "6.3.1"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }()

    /// The current time as ISO 8601 UTC, `2026-01-31T12:00:00Z`.
    static func utcTimestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
