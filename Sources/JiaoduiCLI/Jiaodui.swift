import ArgumentParser
import Foundation

/// The root command. `lint` is the default, so `jiaodui FILE` lints.
public struct Jiaodui: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jiaodui",
        abstract: "校对：中文出版物文字校对工具 / a proofreading linter for Chinese publication text",
        discussion: """
            退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法、读写或规则文件错误。
            Exit status: 0 no finding at or above --fail-on; 1 there are; 2 usage, I/O or rule-file errors.
            """,
        subcommands: subcommands,
        defaultSubcommand: LintCommand.self)

    /// Every subcommand, in the order `--help` lists them.
    static let subcommands: [any ParsableCommand.Type] = [
        LintCommand.self,
        FixCommand.self,
        RulesCommand.self,
        ExplainCommand.self,
        InitCommand.self,
        ConfigCommand.self,
        SegmentCommand.self,
        LSPCommand.self,
        ServeCommand.self,
    ]

    public init() {}

    /// Parses `arguments` (the process' own when nil), runs the command and exits with jiaodui's
    /// exit codes: ArgumentParser's usage errors (64) become 2, like every other error.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(ExitStatus.clean.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)  // --help, --version: printed to stdout, exit 0
            }
            if exitCode(for: error) == .validationFailure {
                Console.err(fullMessage(for: error) + "\n")
            } else {
                Console.error(message(for: error))
            }
            Foundation.exit(ExitStatus.failure.rawValue)
        }
    }
}

/// jiaodui's exit codes.
enum ExitStatus {
    /// Nothing at or above the threshold.
    static let clean = ExitCode(0)
    /// Findings at or above the threshold.
    static let findings = ExitCode(1)
    /// Usage, I/O or rule-file errors.
    static let failure = ExitCode(2)
}
