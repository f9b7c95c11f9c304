/// One option of a command, as a row of the command's table.
struct OptionSpec: Sendable {
    /// The long name without dashes, e.g. `"alg"`.
    let name: String
    /// The value's placeholder (`"ALG"`), or nil for a flag that takes no value.
    let value: String?
    /// Whether the option may be given more than once (values are collected in order).
    var repeatable: Bool = false
    /// One line of help.
    let help: String
}

/// A command's table: name, usage, options and positional arguments.
struct CommandSpec: Sendable {
    let name: String
    /// One line, shown in `jose --help`.
    let summary: String
    /// The usage line after `jose <name>`, e.g. `"[options] [TOKEN|-]"`.
    let usage: String
    let options: [OptionSpec]
    /// The fewest and most positional arguments.
    let positionals: ClosedRange<Int>
    /// Paragraphs after the option list (exit statuses, examples).
    let details: String
}

/// What a command line said, checked against a ``CommandSpec``.
struct ParsedArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []
    /// `-h` or `--help` was given.
    private(set) var wantsHelp = false

    /// The last value of a single-valued option.
    func value(_ name: String) -> String? { values[name]?.last }
    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// Parses `arguments` (after the command name): `--name value`, `--name=value`, flags, `--` to end
    /// options, and `-` as a positional (standard input).
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "-h" || argument == "--help" { parsed.wantsHelp = true; continue }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option \(argument): options are spelled --name", command: spec.name)
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option --\(name) for 'jose \(spec.name)'", command: spec.name)
            }
            guard let placeholder = option.value else {
                if inlineValue != nil { throw UsageError("--\(name) takes no value", command: spec.name) }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError("--\(name) needs a value: --\(name) \(placeholder)", command: spec.name)
                }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw UsageError("--\(name) was given twice; it takes one value", command: spec.name)
            }
            parsed.values[name, default: []].append(value)
        }
        if !parsed.wantsHelp {
            let count = parsed.positionals.count
            if count < spec.positionals.lowerBound {
                throw UsageError("missing argument: jose \(spec.name) \(spec.usage)", command: spec.name)
            }
            if count > spec.positionals.upperBound {
                let extra = parsed.positionals[spec.positionals.upperBound...].joined(separator: " ")
                throw UsageError("unexpected argument\(count - spec.positionals.upperBound > 1 ? "s" : ""): \(extra.prefix(80))", command: spec.name)
            }
        }
        return parsed
    }
}

extension CommandSpec {
    /// The `--help` text.
    var helpText: String {
        var lines = ["jose \(name): \(summary)", "", "usage: jose \(name) \(usage)"]
        if !options.isEmpty {
            lines.append("")
            lines.append("options:")
            let labels = options.map { option in
                "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
            }
            let width = (labels.map(\.count).max() ?? 0) + 2
            for (option, label) in zip(options, labels) {
                let padded = label + String(repeating: " ", count: width - label.count)
                lines.append("  \(padded)\(option.help)\(option.repeatable ? " (repeatable)" : "")")
            }
            lines.append("  " + "-h, --help".padding(width) + "show this help")
        }
        if !details.isEmpty {
            lines.append("")
            lines.append(details)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
