import Foundation
import JiaoduiCore

/// What `jiaodui serve` answers, as JSON text, without any HTTP: the same linter, filter and
/// JSON report (`JSONReport`) as `jiaodui lint --format json`, so the page and the CLI cannot
/// disagree. Nothing here keeps or writes the text it is given.
struct ProofreadService: Sendable {
    let linter: Linter
    let pack: RulePack
    /// What the project's `.jiaodui.yml` asks (the locale of each request aside).
    var project = FindingFilter()

    /// A text to check, as the page sends it.
    struct Input: Sendable {
        var text: TextDocument
        var format: SourceFormat = .plain
        var locale: MessageLocaleOption = .zh
    }

    /// `POST /api/lint`: `{"format":…,"report":<lint --format json>,"text":…}`. The text is sent
    /// back because a .docx upload is read here and the page shows what was linted.
    func lint(_ input: Input) -> String {
        let diagnostics = linter.lint(input.text, format: input.format, filter: filter(input.locale))
        return "{\"format\":\"\(input.format.rawValue)\",\"report\":\(report(input.text, input.format, diagnostics)),"
            + "\"text\":\(json(input.text.text))}\n"
    }

    /// `POST /api/fix`: every safe fix applied (as `jiaodui fix` does), then
    /// `{"applied":<the applied findings, in the original text>,"report":<the fixed text's
    /// remaining findings>,"text":<the fixed text>}`.
    func fix(_ input: Input) -> String {
        let result = FixApplier.fixAll(input.text, linter: linter, filter: filter(input.locale), format: input.format)
        let applied = JSONReport().file(LintResult(path: "-", document: input.text, diagnostics: result.applied))
        return "{\"applied\":\(applied),\"format\":\"\(input.format.rawValue)\","
            + "\"report\":\(report(result.document, input.format, result.remaining)),\"text\":\(json(result.text))}\n"
    }

    /// `GET /api/rules`: every rule of the pack, pack by pack as `jiaodui rules` lists them, in
    /// both languages.
    func rules() -> String {
        let fixable = RuleFacts.fixableRules(in: pack)
        let entries = pack.packs.flatMap(\.rules).compactMap { id -> String? in
            guard let spec = pack.spec(id) else { return nil }
            return "{\"description\":{\"en\":\(json(spec.description.en)),\"zh\":\(json(spec.description.zh))},"
                + "\"fixable\":\(fixable.contains(id)),\"id\":\(json(id)),\"pack\":\(json(spec.pack)),"
                + "\"name\":{\"en\":\(json(spec.name.en)),\"zh\":\(json(spec.name.zh))},"
                + "\"severity\":\"\(spec.severity.rawValue)\"}"
        }
        return "{\"rules\":[\(entries.joined(separator: ","))]}\n"
    }

    /// The `lint --format json` document for one text, named `-` as stdin is.
    private func report(_ document: TextDocument, _ format: SourceFormat, _ diagnostics: [Diagnostic]) -> String {
        let json = JSONReport()
        let file = json.file(LintResult(path: "-", document: document, diagnostics: diagnostics))
        var tally = Tally()
        tally.files = 1
        tally.characters = ErrorRate.characters(in: document, format: format)
        tally.add(diagnostics)
        return json.document([RenderedFile(text: file, findings: diagnostics.count)],
                             run: RunSummary(tally: tally, failures: []))
            .trimmingCharacters(in: .newlines)
    }

    private func filter(_ locale: MessageLocaleOption) -> FindingFilter {
        var filter = project
        filter.locale = locale.core
        return filter
    }

    private func json(_ s: String) -> String {
        var out = ""
        JSONText.string(s, into: &out)
        return out
    }
}
