import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JiaoduiCore

/// `jiaodui fix [PATH…] [--dry-run]`: apply the safe fixes in place.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "自动修正可安全修正的问题 / apply the safe fixes",
        discussion: """
            逐个文件修正、重新检查，直到没有可修正的问题（至多 5 轮）。文件以原子方式改写（同目录临时文件、\
            保留权限、fsync 后改名）；没有可修正之处的文件不会被碰。- 从标准输入读，修正后的全文写到标准输出。\
            --dry-run 只把差异（diff -u 格式）打印到标准输出，不改动文件。统计和余下的问题打印到标准错误。
            退出码：0 能修正的都已修正，且没有余下达到 --fail-on 级别（默认 warning）的问题；1 修正后仍余下\
            达到 --fail-on 级别、无法自动修正的问题（--fail-on never 时不会出现）；2 用法、读写或规则文件错误。

            Fixes each file and re-lints it until nothing fixable is left (at most 5 rounds). Files \
            are replaced atomically (a temporary file in the same directory, permissions kept, fsync, \
            rename); a file with nothing to fix is never touched. - reads stdin and writes the fixed \
            text to stdout. --dry-run prints a unified diff to stdout and changes nothing. The summary \
            and the findings left over go to stderr.
            Exit status: 0 everything fixable was fixed and no finding at or above --fail-on (default \
            warning) is left; 1 findings at or above --fail-on remain that have no automatic fix \
            (never with --fail-on never); 2 usage, I/O or rule-file errors.
            """)

    @OptionGroup var inputs: Inputs

    @Flag(name: .customLong("dry-run"), help: "只显示差异，不改动文件 / print a unified diff, change nothing")
    var dryRun = false

    @OptionGroup var pack: PackOptions
    @OptionGroup var selection: RuleSelection
    @OptionGroup var jobs: JobsOption

    /// One input fixed in memory.
    struct Outcome: Sendable {
        let original: TextDocument
        let fixed: TextDocument
        let applied: Int
        /// Findings in the fixed text.
        let remaining: [Diagnostic]
        /// The unified diff, for --dry-run.
        let diff: String
        var changed: Bool { applied > 0 && fixed.scalars != original.scalars }
    }

    func run() throws {
        // A file size limit (ulimit -f) makes a write fail with EFBIG instead of killing the
        // process before it can remove its temporary file.
        signal(SIGXFSZ, SIG_IGN)
        let linter = try makeLinter(pack: pack, selection: selection)
        let project = ProjectSettings(pack: pack, selection: selection)
        let items = project.included(InputFiles.expand(inputs.paths), named: inputs.paths)
        let stdin = LoadedInput.readStdinIfNeeded(items)

        let dryRun = dryRun
        let inputs = inputs
        let outcomes: [Result<Outcome, InputError>] = parallelMap(items, jobs: jobs.count, progress: Progress.forFiles(items.count, locale: project.outputLocale)) { item in
            if case .file(let path) = item.source, InputFiles.isWordDocument(path) {
                return .failure(InputError(L10n("不修改 .docx 文件：请在 Word 中按报告修改（jiaodui lint 列出问题）",
                                                "does not write .docx files: make the changes in Word (jiaodui lint lists them)").both))
            }
            return LoadedInput.load(item, stdin: stdin).document.map { document in
                let result = FixApplier.fixAll(document, linter: project.linter(for: item, base: linter), filter: project.filter(for: item),
                                               format: inputs.format(of: item))
                let fixed = result.document
                let diff = dryRun && !result.applied.isEmpty
                    ? UnifiedDiff.render(old: document.text, new: fixed.text, path: item.path) : ""
                return Outcome(original: document, fixed: fixed, applied: result.applied.count,
                               remaining: result.remaining, diff: diff)
            }
        }

        let reporter = TextReporter(locale: project.outputLocale, colour: false)
        var failed = false
        var tally = FixTally()
        for (item, result) in zip(items, outcomes) {
            let outcome: Outcome
            switch result {
            case .failure(let error):
                Console.error("\(item.path): \(error.message)")
                failed = true
                continue
            case .success(let value):
                outcome = value
            }

            if dryRun {
                Console.out(outcome.diff)
            } else if case .stdin = item.source {
                Console.out(Array(outcome.fixed.text.utf8))
            } else if case .file(let path) = item.source, outcome.changed {
                do {
                    try AtomicWrite.replace(path, with: Array(outcome.fixed.text.utf8), expecting: Array(outcome.original.text.utf8))
                } catch {
                    Console.error("\(item.path): \(error.message)")
                    failed = true
                    continue
                }
            }
            if outcome.changed {
                tally.fixes += outcome.applied
                tally.files += 1
            }
            tally.remaining += outcome.remaining.count
            for d in outcome.remaining {
                Console.err(reporter.header(path: item.path, document: outcome.fixed, diagnostic: d) + "\n")
                if inputs.failOn.trips(d.severity) { tally.tripped = true }
            }
        }
        Console.err(tally.summary(project.outputLocale, dryRun: dryRun) + "\n")

        if failed || project.reportProblems() { throw ExitStatus.failure }
        if tally.tripped { throw ExitStatus.findings }
    }
}

/// What `fix` did, for its summary line.
struct FixTally {
    var fixes = 0
    var files = 0
    var remaining = 0
    var tripped = false

    /// `已修正 12 处（1 个文件）` / `fixed 12 findings in 1 file`, and what is left.
    func summary(_ locale: MessageLocaleOption, dryRun: Bool) -> String {
        switch locale {
        case .zh:
            var text = dryRun ? "可修正 \(fixes) 处（\(files) 个文件；试运行，未改动文件）" : "已修正 \(fixes) 处（\(files) 个文件）"
            if remaining > 0 { text += "，另有 \(remaining) 处需人工处理" }
            return text
        case .en:
            var text = dryRun
                ? "would fix \(plural(fixes, "finding")) in \(plural(files, "file")) (dry run: nothing written)"
                : "fixed \(plural(fixes, "finding")) in \(plural(files, "file"))"
            if remaining > 0 { text += "; \(plural(remaining, "finding")) left to fix by hand" }
            return text
        }
    }
}
