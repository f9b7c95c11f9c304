/// Command-line options of jose-bench. Every option has a built-in default: no arguments runs all cases.
struct Options {
    var filters: [String] = []
    var jsonPath: String?
    var svgPath: String?
    var compareOpenSSL = false
    var quick = false
    var list = false
    var help = false
    var allowDebug = false
    var selfCheck = false
    var cpuTime = false
    /// With --compare-openssl: timed phases of ours alternating with `openssl speed` runs.
    var pairs = 3

    static let usage = """
        USAGE: swift run -c release jose-bench [options]

        Measures the JOSE hot path: median and p99 per operation, operations per second and heap
        allocations per operation, on built-in inputs. Release builds only.

        OPTIONS:
          --filter TEXT       Run only cases whose name contains TEXT. Repeat it or give a comma
                              list: --filter sha256,hmac; =NAME matches NAME exactly (--filter =jwt.HS256)
          --compare-openssl   Also run `openssl speed` for the matching primitive (if openssl is on
                              the PATH) and print its rate and the ratio ours / OpenSSL's.
          --json FILE         Write the results as JSON (schema in issue 7).
          --pairs N           With --compare-openssl: alternate N timed phases of ours with N runs of
                              `openssl speed` (default 3, 1-20). The ratio is the median of the N
                              paired ratios, so a machine whose speed drifts during the run slows
                              both sides of each pair alike; the notes give the range.
          --svg FILE          Write a bar chart of our rate against OpenSSL's (use with --compare-openssl).
          --cpu-time          Time single-thread cases by the thread's CPU time instead of wall-clock
                              time: steadier p99s and long operations on a loaded machine.
          --quick             Few, short rounds: a smoke test for CI; numbers are indicative only.
          --list              Print the case names and exit.
          --self-check        Check the harness itself (allocation counter, OpenSSL parsers) and exit.
          --allow-debug       Run even in a debug build (for tests); the output is marked DEBUG.
          -h, --help          Print this help and exit.
        """

    /// Parses `arguments` (without the program name); `--opt VALUE` and `--opt=VALUE` both work.
    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst(), !next.hasPrefix("-") || next == "-" else {
                    throw UsageError("\(name) needs a value")
                }
                return next
            }
            func flag() throws(UsageError) {
                if inlineValue != nil { throw UsageError("\(name) takes no value") }
            }
            switch name {
            case "--filter":
                let parts = try value().split(separator: ",").map(String.init).filter { !$0.isEmpty }
                if parts.isEmpty { throw UsageError("--filter needs a non-empty case name substring") }
                options.filters += parts
            case "--json": options.jsonPath = try value()
            case "--svg": options.svgPath = try value()
            case "--pairs":
                let text = try value()
                guard let pairs = Int(text), (1...20).contains(pairs) else {
                    throw UsageError("--pairs needs a whole number from 1 to 20, not '\(text)'")
                }
                options.pairs = pairs
            case "--compare-openssl": try flag(); options.compareOpenSSL = true
            case "--quick": try flag(); options.quick = true
            case "--cpu-time": try flag(); options.cpuTime = true
            case "--list": try flag(); options.list = true
            case "--self-check": try flag(); options.selfCheck = true
            case "--allow-debug": try flag(); options.allowDebug = true
            case "-h", "--help": try flag(); options.help = true
            default:
                throw UsageError("unknown option '\(argument)'")
            }
        }
        return options
    }

    /// True when `name` passes the filters (no filter: every case).
    func selects(_ name: String) -> Bool {
        filters.isEmpty || filters.contains { $0.hasPrefix("=") ? name == $0.dropFirst() : name.contains($0) }
    }
}

/// A bad command line; main prints it with the usage and exits with status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
