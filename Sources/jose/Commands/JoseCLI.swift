/// A command: its table and what it does.
struct Command: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments) async throws -> ExitStatus
}

/// Dispatch from `jose <command> ...` to the command, with `--help` and usage errors handled once.
enum JoseCLI {
    static let commands: [Command] = [
        Command(spec: DecodeCommand.spec, run: DecodeCommand.run),
        Command(spec: VerifyCommand.spec, run: VerifyCommand.run),
        Command(spec: JWKSCommand.spec, run: JWKSCommand.run),
        Command(spec: ThumbprintCommand.spec, run: ThumbprintCommand.run),
        Command(spec: ConformanceCommand.spec, run: ConformanceCommand.run),
    ]

    static var overview: String {
        let width = (commands.map(\.spec.name.count).max() ?? 0) + 2
        var lines = [
            "jose: decode and verify JSON Web Tokens, inspect JSON Web Keys, run conformance vectors.",
            "",
            "usage: jose <command> [options] [arguments]",
            "",
            "commands:",
        ]
        lines += commands.map { "  \($0.spec.name.padding(width))\($0.spec.summary)" }
        lines += [
            "",
            "'jose <command> --help' describes a command.",
            "exit status: 0 success (valid token), 1 invalid input (token, key, failed vectors), 2 usage or configuration error.",
        ]
        return lines.joined(separator: "\n")
    }

    static func main(_ arguments: [String]) async -> ExitStatus {
        guard let name = arguments.first else {
            Terminal.err(overview)
            return .usage
        }
        if name == "-h" || name == "--help" || name == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
                Terminal.out(command.spec.helpText)
            } else {
                Terminal.out(overview)
            }
            return .success
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            Terminal.err("jose: unknown command '\(name)'. Commands: \(commands.map(\.spec.name).joined(separator: ", ")); see 'jose --help'.")
            return .usage
        }
        do {
            let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), spec: command.spec)
            if parsed.wantsHelp {
                Terminal.out(command.spec.helpText)
                return .success
            }
            return try await command.run(parsed)
        } catch let error as UsageError {
            Terminal.err(Terminal.styled("jose \(command.spec.name): ", .red, stderr: true) + error.message)
            Terminal.err("see 'jose \(command.spec.name) --help'")
            return .usage
        } catch {
            Terminal.err("jose \(command.spec.name): \(error)")
            return .usage
        }
    }
}
