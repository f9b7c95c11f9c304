// jose-bench: `swift run -c release jose-bench [--compare-openssl] [--json FILE] [--svg FILE]`.
// See Options.usage and issue 7; cases are listed in Cases/Registry.swift.
import Foundation

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("jose-bench: \(message)\n".utf8))
    exit(status)
}

let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error) (see --help)", status: 2)
}
if options.help {
    print(Options.usage)
    exit(0)
}
if options.list {
    BenchCase.all.forEach { print($0.name) }
    exit(0)
}
if options.selfCheck {
    exit(SelfCheck.run() ? 0 : 1)
}
if Machine.isDebugBuild && !options.allowDebug {
    fail("""
        this is a debug build, whose timings mean nothing. Run:
            swift run -c release jose-bench
        (or pass --allow-debug to run anyway, for tests).
        """, status: 2)
}

let selected = BenchCase.all.filter { options.selects($0.name) }
if selected.isEmpty {
    fail("no case matches --filter \(options.filters.joined(separator: ",")); see --list", status: 2)
}
var openssl: OpenSSLSpeed?
if options.compareOpenSSL {
    openssl = OpenSSLSpeed()
    if openssl == nil {
        FileHandle.standardError.write(Data("jose-bench: --compare-openssl: no openssl on the PATH; continuing without\n".utf8))
    }
}

if options.svgPath != nil && !options.compareOpenSSL {
    FileHandle.standardError.write(Data("jose-bench: --svg without --compare-openssl draws our rates alone\n".utf8))
}

var settings = options.quick ? RunSettings.quick : RunSettings.standard
settings.clock = options.cpuTime ? .threadCPU : .wall

let buildMode = Machine.isDebugBuild ? "DEBUG BUILD: numbers are not meaningful" : "release build"
let date = Machine.utcTimestamp()
let machine = Machine.summary
let opensslVersion = openssl?.version()
print("jose-bench  \(date)  \(machine)  Swift \(Machine.swiftVersion)  \(buildMode)  load \(Machine.loadAverage)")
print("median, p99: time per operation over every timed batch, by \(settings.clock.label);")
print("ops/s = 1e9 / median (threads: total over all threads, by wall-clock time)")
if let opensslVersion {
    print("ratio = our ops/s / OpenSSL's ops/s, above 1 we are faster (\(opensslVersion), `openssl speed -mr`, same run)")
}
print("")

var measurements: [Measurement] = []
var failures = 0
for benchCase in selected {
    FileHandle.standardError.write(Data("measuring \(benchCase.name)...\n".utf8))
    do {
        var measurement: Measurement
        if let openssl, let reference = benchCase.openssl, benchCase.threads == nil {
            // Single thread: OpenSSL's default (CPU time) matches our median of batches, which
            // leaves out batches another process interrupted.
            measurement = try Runner.measurePaired(benchCase, settings: settings, pairs: options.pairs) {
                try openssl.measure(reference, threads: 1, elapsed: false, fresh: true)
            }
        } else {
            measurement = try Runner.measure(benchCase, settings: settings)
        }
        if measurement.openssl == nil, let openssl, let reference = benchCase.openssl {
            // Multi-thread totals are wall-clock on both sides (-elapsed), measured once.
            measurement.openssl = try openssl.measure(reference, threads: benchCase.threads ?? 1, elapsed: benchCase.threads != nil)
        }
        measurements.append(measurement)
    } catch {
        FileHandle.standardError.write(Data("jose-bench: \(benchCase.name) FAILED: \(error)\n".utf8))
        failures += 1
    }
}

print(Table.render(measurements, withOpenSSL: openssl != nil))
let commands = Set(measurements.compactMap { $0.openssl?.command }).sorted()
if !commands.isEmpty {
    print("\nOpenSSL commands:\n" + commands.map { "  " + $0 }.joined(separator: "\n"))
}

let swiftField = Machine.swiftVersion + (Machine.isDebugBuild ? " (debug build)" : "")
do {
    if let path = options.jsonPath {
        try JSONReport.render(measurements, date: date, machine: machine, swift: swiftField)
            .write(toFile: path, atomically: true, encoding: .utf8)
    }
    if let path = options.svgPath {
        try SVGChart.render(measurements, date: date, machine: machine, swift: swiftField, openssl: opensslVersion,
                              timing: settings.clock == .wall ? "wall-clock time" : "CPU time (multi-thread: wall clock)")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }
} catch {
    fail("could not write results: \(error)", status: 1)
}
if failures > 0 {
    fail("\(failures) case(s) failed", status: 1)
}
