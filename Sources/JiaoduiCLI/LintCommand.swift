import ArgumentParser
import JiaoduiCore
import Foundation

/// `jiaodui lint [PATH…]`: report findings as text or JSON.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查文件 / lint files",
        discussion: """
            文本输出每个问题一行“PATH:LINE:COL: SEVERITY[RULE] MESSAGE”，下面是原文行和标出问题的 ^ 行；\
            最后一行是统计。行号、列号从 1 起，列号按字符（Unicode 标量）计，不是字节，也不是 UTF-16；\
            过长的行只显示问题附近的一段。只有标准输出是终端且未设 NO_COLOR 时才用颜色。\
            --format json 用 LSP 式位置：行从 0 起，列按 UTF-16 计。
            退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法、读写或规则文件错误（其他文件照常检查、报告）。

            Text output: one line per finding, "PATH:LINE:COL: SEVERITY[RULE] MESSAGE", then the \
            source line with ^ under the finding; a summary line at the end. Lines and columns start \
            at 1, and the column counts characters (Unicode scalars), not bytes or UTF-16 units. Long \
            lines are shown as a window around the finding. Colour only when stdout is a terminal and \
            NO_COLOR is unset. --format json uses LSP positions: 0-based lines, UTF-16 columns.
            Exit status: 0 no finding at or above --fail-on; 1 there are such findings; 2 usage, I/O \
            or rule-file errors (the other files are still linted and reported).
            """)

    @OptionGroup var inputs: Inputs

    @Option(help: "输出格式 / output format")
    var format: OutputFormat = .text

    @OptionGroup var pack: PackOptions
    @OptionGroup var selection: RuleSelection
    @OptionGroup var jobs: JobsOption

    @Flag(name: .customLong("report-unused-disables"), help: "报告没有抑制任何问题的 jiaodui-disable 指令（unused-suppression） / report jiaodui-disable directives that silence nothing (unused-suppression)")
    var reportUnusedDisables = false

    /// One input linted and rendered (in the worker) in the chosen format.
    struct Outcome: Sendable {
        let diagnostics: [Diagnostic]
        let rendered: String
    }

    func run() throws {
        let linter = try makeLinter(pack: pack, selection: selection)
        let project = ProjectSettings(pack: pack, selection: selection)
        let format = format
        let reporter = TextReporter(locale: pack.locale, colour: format == .text && Console.stdoutWantsColour)
        let items = InputFiles.expand(inputs.paths)
        let stdin = LoadedInput.readStdinIfNeeded(items)
        let inputs = inputs
        let reportUnused = reportUnusedDisables

        let outcomes: [Result<Outcome, InputError>] = parallelMap(items, jobs: jobs.count) { item in
            LoadedInput.load(item, stdin: stdin).document.map { document in
                let filter = project.filter(for: item)
                let findings = linter.lint(document, format: inputs.format(of: item), filter: filter,
                                           reportUnusedSuppressions: reportUnused)
                let result = LintResult(path: item.path, document: document, diagnostics: findings)
                let rendered = switch format {
                case .text: reporter.report(path: result.path, document: document, diagnostics: result.diagnostics)
                case .json: JSONReport.file(result)
                }
                return Outcome(diagnostics: result.diagnostics, rendered: rendered)
            }
        }

        var tally = Tally()
        var fragments: [String] = []
        var failures: [(path: String, message: String)] = []
        var tripped = false
        for (item, outcome) in zip(items, outcomes) {
            switch outcome {
            case .success(let outcome):
                tally.files += 1
                tally.add(outcome.diagnostics)
                tripped = tripped || outcome.diagnostics.contains { inputs.failOn.trips($0.severity) }
                switch format {
                case .text: Console.out(outcome.rendered)
                case .json: fragments.append(outcome.rendered)
                }
            case .failure(let error):
                tally.unreadable += 1
                failures.append((item.path, error.message))
                Console.error("\(item.path): \(error.message)")
            }
        }

        switch format {
        case .text: Console.out(reporter.summary(tally))
        case .json: Console.out(JSONReport.document(files: fragments, failures: failures, tally: tally) + "\n")
        }

        if !failures.isEmpty || project.reportProblems() { throw ExitStatus.failure }
        if tripped { throw ExitStatus.findings }
    }
}
