import JiaoduiCore

/// One output format of `jiaodui lint`: each linted file is rendered on its own (in the worker
/// that linted it), and the output is put together from the pieces in input order.
protocol ReportFormat: Sendable {
    func file(_ result: LintResult) -> String
    func document(_ files: [RenderedFile], run: RunSummary) -> String
    /// Writes `document(files, run:)` to stdout; a format may write it in pieces instead of
    /// building one string the size of the whole report.
    func write(_ files: [RenderedFile], run: RunSummary)
    /// Whether `write` can render a lone input's piece itself, straight to stdout as it goes
    /// (`RenderedFile.deferred`), instead of holding the piece in memory first.
    var streamsLoneFile: Bool { get }
}

extension ReportFormat {
    func write(_ files: [RenderedFile], run: RunSummary) { Console.out(document(files, run: run)) }
    var streamsLoneFile: Bool { false }
}

/// A file's piece of the output and how many findings it holds.
struct RenderedFile: Sendable {
    let text: String
    let findings: Int
    /// A lone input left for `write` to render (`streamsLoneFile`); `text` is then empty.
    let deferred: LintResult?

    init(text: String, findings: Int, deferred: LintResult? = nil) {
        self.text = text
        self.findings = findings
        self.deferred = deferred
    }
}

/// What the run as a whole found: counts and the inputs that could not be read.
struct RunSummary {
    let tally: Tally
    let failures: [(path: String, message: String)]
}

extension OutputFormat {
    /// The format's renderer. `pack` is the rule pack the run used (SARIF lists its rules).
    func report(pack: RulePack, locale: MessageLocaleOption, colour: Bool) -> any ReportFormat {
        switch self {
        case .text: TextFormat(reporter: TextReporter(locale: locale, colour: colour))
        case .json: JSONReport()
        case .sarif: SARIFReport(pack: pack, locale: locale)
        case .github: GitHubAnnotations()
        case .rdjson: RDJSONReport()
        case .checkstyle: CheckstyleReport()
        case .junit: JUnitReport()
        }
    }
}

/// The human format: every file's findings, then the summary line.
struct TextFormat: ReportFormat {
    let reporter: TextReporter

    func file(_ result: LintResult) -> String {
        reporter.report(path: result.path, document: result.document, diagnostics: result.diagnostics)
    }

    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        files.map(\.text).joined() + reporter.summary(run.tally)
    }
}
