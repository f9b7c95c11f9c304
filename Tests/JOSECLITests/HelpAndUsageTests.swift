import Foundation
import Testing

/// `--help` for every command, and usage errors with exit status 2.
@Suite struct HelpAndUsageTests {
    static let commands = ["decode", "verify", "jwks", "thumbprint", "conformance"]

    @Test func overviewListsEveryCommand() throws {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let output = try Jose.run(arguments)
            #expect(output.status == 0, "jose \(arguments): \(output)")
            for command in Self.commands {
                #expect(output.out.contains("  \(command) "), "jose \(arguments) lists \(command): \(output)")
            }
        }
    }

    @Test(arguments: commands)
    func commandHelp(command: String) throws {
        for flag in ["--help", "-h"] {
            let output = try Jose.run([command, flag])
            #expect(output.status == 0, "jose \(command) \(flag): \(output)")
            #expect(output.out.contains("usage: jose \(command)"), "jose \(command) \(flag): \(output)")
            #expect(output.out.contains("exit status"), "jose \(command) \(flag) documents its exit status")
            #expect(output.out.contains("example:"), "jose \(command) \(flag) shows an example")
        }
        let viaHelp = try Jose.run(["help", command])
        #expect(viaHelp.status == 0 && viaHelp.out.contains("usage: jose \(command)"), "jose help \(command): \(viaHelp)")
    }

    @Test func noCommandIsAUsageError() throws {
        let output = try Jose.run([])
        #expect(output.status == 2, "\(output)")
        #expect(output.err.contains("usage: jose <command>"), "\(output)")
    }

    @Test func unknownCommand() throws {
        let output = try Jose.run(["sign", "x"])
        #expect(output.status == 2, "\(output)")
        #expect(output.err.contains("unknown command 'sign'"), "\(output)")
    }

    @Test(arguments: [
        (["decode", "--bogus"], "unknown option --bogus"),
        (["decode", "-x"], "unknown option -x"),
        (["decode", "--json=yes"], "--json takes no value"),
        (["decode", "a", "b"], "unexpected argument"),
        (["jwks"], "missing argument"),
        (["thumbprint"], "missing argument"),
        (["conformance", "extra"], "unexpected argument"),
        (["conformance", "--vectors"], "--vectors needs a value"),
        (["verify", "--jwk", Examples.hs256JWK, "--alg"], "--alg needs a value"),
        (["verify", "--jwk", Examples.hs256JWK, "--alg", "HS256", "--sub", "a", "--sub", "b", "x.y.z"], "--sub was given twice"),
    ])
    func badOptions(arguments: [String], message: String) throws {
        let output = try Jose.run(arguments)
        #expect(output.status == 2, "jose \(arguments): \(output)")
        #expect(output.err.contains(message), "jose \(arguments): expected '\(message)' in stderr: \(output)")
        #expect(output.err.contains("--help"), "jose \(arguments) points at --help")
        #expect(output.stdout.isEmpty, "jose \(arguments): nothing on stdout for a usage error")
    }

    @Test func optionValueWithEqualsSign() throws {
        let token = try Examples.text(Examples.hs256Token)
        let output = try Jose.run(["verify", "--jwk=\(Examples.hs256JWK)", "--alg=HS256", "--now=\(Examples.beforeExp)", token])
        #expect(output.status == 0, "\(output)")
    }

    @Test func doubleDashEndsOptions() throws {
        let output = try Jose.run(["decode", "--", "--not-an-option"])
        #expect(output.status == 1, "'--not-an-option' is read as a (malformed) token: \(output)")
    }
}
