// The `jose` command-line tool: decode, verify, inspect key sets, thumbprints, conformance runs.
// See `jose --help`; exit statuses are in ExitStatus (CLI/CLIError.swift).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let status = await JoseCLI.main(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
