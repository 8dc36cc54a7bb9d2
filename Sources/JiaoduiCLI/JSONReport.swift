import Foundation
import JiaoduiCore

/// The `--format json` shape other tools depend on: LSP-style ranges (0-based lines, UTF-16
/// characters), fixes as edits, and a summary.
struct JSONReport: Encodable {
    struct Position: Encodable { let line: Int; let character: Int }
    struct Range: Encodable { let start: Position; let end: Position }
    struct Edit: Encodable { let range: Range; let newText: String }
    struct FixEntry: Encodable { let title: String; let edits: [Edit] }
    struct Entry: Encodable {
        let rule: String
        let severity: String
        let message: String
        let range: Range
        let fixes: [FixEntry]
    }
    struct File: Encodable { let path: String; let diagnostics: [Entry] }
    struct Summary: Encodable { let files: Int; let diagnostics: Int; let errors: Int; let warnings: Int; let infos: Int }

    let version = 1
    let files: [File]
    let summary: Summary

    init(results: [LintResult]) {
        files = results.map { result in
            let map = PositionMap(result.document)
            func range(_ r: Swift.Range<Int>) -> Range {
                let lr = map.utf16Range(r)
                return Range(start: Position(line: lr.start.line, character: lr.start.character),
                             end: Position(line: lr.end.line, character: lr.end.character))
            }
            return File(path: result.path, diagnostics: result.diagnostics.map { d in
                Entry(rule: d.ruleID, severity: d.severity.rawValue, message: d.message, range: range(d.range),
                      fixes: d.fixes.map { f in
                          FixEntry(title: f.title, edits: f.edits.map { Edit(range: range($0.range), newText: $0.newText) })
                      })
            })
        }
        let all = results.flatMap(\.diagnostics)
        summary = Summary(files: results.count, diagnostics: all.count,
                          errors: all.filter { $0.severity == .error }.count,
                          warnings: all.filter { $0.severity == .warning }.count,
                          infos: all.filter { $0.severity == .info }.count)
    }

    func render() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// One linted input.
struct LintResult {
    let path: String
    let document: TextDocument
    let diagnostics: [Diagnostic]
}
