import JiaoduiCore
import LSPProtocol

/// A core finding as an LSP diagnostic: `code` is the rule id (the same as the CLI's), `source`
/// is `jiaodui`, and `data` carries the fixes so that a quick fix needs no second lint.
enum DiagnosticMapping {
    static func lsp(_ finding: Finding, _ converter: PositionConverter) -> LSPDiagnostic {
        var data: JSONValue?
        if !finding.fixes.isEmpty {
            data = .object(["fixes": .array(finding.fixes.map { fix in
                .object(["title": .string(fix.title),
                         "edits": .array(fix.edits.map { edit(lspEdit($0, converter)) })])
            })])
        }
        return LSPDiagnostic(range: converter.range(finding.range), severity: severity(finding.severity),
                             code: finding.ruleID, source: "jiaodui", message: finding.message, data: data)
    }

    static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: return DiagnosticSeverity.error
        case .warning: return DiagnosticSeverity.warning
        case .info: return DiagnosticSeverity.information
        }
    }

    static func lspEdit(_ edit: JiaoduiCore.TextEdit, _ converter: PositionConverter) -> LSPTextEdit {
        LSPTextEdit(range: converter.range(edit.range), newText: edit.newText)
    }

    private static func edit(_ e: LSPTextEdit) -> JSONValue {
        .object(["range": range(e.range), "newText": .string(e.newText)])
    }

    private static func range(_ r: LSPRange) -> JSONValue {
        .object(["start": .object(["line": .int(r.start.line), "character": .int(r.start.character)]),
                 "end": .object(["line": .int(r.end.line), "character": .int(r.end.character)])])
    }

}
