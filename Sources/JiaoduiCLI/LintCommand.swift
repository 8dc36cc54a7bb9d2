import ArgumentParser
import JiaoduiCore
import Foundation

/// `jiaodui lint [PATH…]`: report findings in one of several formats, optionally only the ones
/// not in a baseline or on lines changed since a git revision.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查文件 / lint files",
        discussion: """
            文本输出每个问题一行“PATH:LINE:COL: SEVERITY[RULE] MESSAGE”，下面是原文行和标出问题的 ^ 行；\
            最后一行是统计和差错率。行号、列号从 1 起，列号按字符（Unicode 标量）计，不是字节，也不是 UTF-16；\
            过长的行只显示问题附近的一段。只有标准输出是终端且未设 NO_COLOR 时才用颜色。\
            --format json 用 LSP 式位置：行从 0 起，列按 UTF-16 计。sarif 和 github 的列按 UTF-16 计，\
            rdjson 按 UTF-8 字节计，checkstyle 和 junit 按字符计，都从 1 起。\
            差错率 = (error 数 + warning 数) × 10000 ÷ 字数（不计空白）；info 不计。
            退出码：0 没有达到 --fail-on 级别的问题且差错率不超过 --max-error-rate；1 有；\
            2 用法、读写、规则文件、基线文件或 git 错误（其他文件照常检查、报告）。

            Text output: one line per finding, "PATH:LINE:COL: SEVERITY[RULE] MESSAGE", then the \
            source line with ^ under the finding; a summary line with the error rate at the end. Lines \
            and columns start at 1, and the column counts characters (Unicode scalars), not bytes or \
            UTF-16 units. Long lines are shown as a window around the finding. Colour only when stdout \
            is a terminal and NO_COLOR is unset. --format json uses LSP positions: 0-based lines, \
            UTF-16 columns. sarif and github count UTF-16 units, rdjson UTF-8 bytes, checkstyle and \
            junit characters, all 1-based. Error rate = (errors + warnings) × 10000 / characters \
            (whitespace not counted); infos count 0.
            Exit status: 0 no finding at or above --fail-on and the error rate within \
            --max-error-rate; 1 otherwise; 2 usage, I/O, rule-file, baseline or git errors (the other \
            files are still linted and reported).
            """)

    @OptionGroup var inputs: Inputs

    @Option(help: "输出格式 / output format")
    var format: OutputFormat = .text

    @OptionGroup var pack: PackOptions
    @OptionGroup var selection: RuleSelection
    @OptionGroup var gate: GateOptions
    @OptionGroup var jobs: JobsOption

    @Flag(name: .customLong("report-unused-disables"), help: "报告没有抑制任何问题的 jiaodui-disable 指令（unused-suppression） / report jiaodui-disable directives that silence nothing (unused-suppression)")
    var reportUnusedDisables = false

    /// One input linted and rendered (in the worker) in the chosen format.
    struct Outcome: Sendable {
        let diagnostics: [Diagnostic]
        let characters: Int
        let rendered: String
        /// The result left for the format to render as it writes (a lone input, JSON).
        var deferred: LintResult? = nil
        /// The findings as baseline entries (only with --write-baseline).
        let entries: [Baseline.Entry]
    }

    func run() throws {
        let linter = try makeLinter(pack: pack, selection: selection)
        let project = ProjectSettings(pack: pack, selection: selection)
        let report = format.report(pack: linter.pack, locale: project.outputLocale,
                                   colour: format == .text && Console.stdoutWantsColour)
        let items = project.included(InputFiles.expand(inputs.paths), named: inputs.paths)
        let gate = try gate.load(items)
        let stdin = LoadedInput.readStdinIfNeeded(items)
        let inputs = inputs
        let reportUnused = reportUnusedDisables
        // One input and a format that can stream it: its piece is rendered while it is written,
        // never held whole (a large file's JSON is several times the file).
        let streamOne = items.count == 1 && report.streamsLoneFile && !gate.writing

        let outcomes: [Result<Outcome, InputError>] = parallelMap(items, jobs: jobs.count, progress: Progress.forFiles(items.count, locale: project.outputLocale)) { item in
            LoadedInput.load(item, stdin: stdin).document.map { document in
                let filter = project.filter(for: item)
                let all = project.linter(for: item, base: linter).lint(document, format: inputs.format(of: item), filter: filter,
                                                                       reportUnusedSuppressions: reportUnused)
                if gate.writing {
                    let entries = FindingFingerprint.of(all, in: document).map { Baseline.Entry(path: item.path, fingerprint: $0) }
                    return Outcome(diagnostics: all, characters: 0, rendered: "", entries: entries)
                }
                let shown = gate.select(all, path: item.path, document: document)
                let result = LintResult(path: item.path, document: document, diagnostics: shown)
                return Outcome(diagnostics: shown, characters: ErrorRate.characters(in: document, format: inputs.format(of: item)),
                               rendered: streamOne ? "" : report.file(result), deferred: streamOne ? result : nil, entries: [])
            }
        }

        var tally = Tally()
        var files: [RenderedFile] = []
        var failures: [(path: String, message: String)] = []
        var tripped = false
        for (item, outcome) in zip(items, outcomes) {
            switch outcome {
            case .success(let outcome):
                tally.files += 1
                tally.characters += outcome.characters
                tally.add(outcome.diagnostics)
                tripped = tripped || outcome.diagnostics.contains { inputs.failOn.trips($0.severity) }
                files.append(RenderedFile(text: outcome.rendered, findings: outcome.diagnostics.count, deferred: outcome.deferred))
            case .failure(let error):
                tally.unreadable += 1
                failures.append((item.path, error.message))
                Console.error("\(item.path): \(error.message)")
            }
        }

        if let target = gate.writeTo {
            let broken = project.reportProblems()
            guard failures.isEmpty, !broken else { throw ExitStatus.failure }
            let entries = outcomes.flatMap { (try? $0.get())?.entries ?? [] }
            do {
                try Baseline.write(entries, to: target)
            } catch {
                Console.error("\(target): \(error.message)")
                throw ExitStatus.failure
            }
            Console.err(L10n("已把 \(entries.count) 个问题写入基线 \(target)\n",
                             "wrote \(plural(entries.count, "finding")) to the baseline \(target)\n").text(project.outputLocale))
            return
        }

        report.write(files, run: RunSummary(tally: tally, failures: failures))

        if !failures.isEmpty || project.reportProblems() { throw ExitStatus.failure }
        if tripped { throw ExitStatus.findings }
        if let limit = gate.maxErrorRate, tally.errorRatePer10k > limit { throw ExitStatus.findings }
    }
}
