import JiaoduiCore
import LSPProtocol

/// A core finding as an LSP diagnostic: `code` is the rule id (the same as the CLI's), `source`
/// is `jiaodui`, and `data` carries the fixes, so a client can show or apply one without asking:
/// `{"fixes": [{"title": …, "edits": [{"newText": …, "range": …}]}]}`, where an edit without
/// `range` replaces the diagnostic's own range (the common case, kept short because a publish
/// carries every diagnostic of the document on every keystroke).
enum DiagnosticMapping {
    static func lsp(_ finding: Finding, _ converter: PositionConverter) -> LSPDiagnostic {
        lsp([finding], converter)[0]
    }

    static func lsp(_ findings: [Finding], _ converter: PositionConverter) -> [LSPDiagnostic] {
        let placed = ranges(findings, converter)
        return findings.indices.map { make(findings[$0], placed[$0]) }
    }

    /// Where a finding and each of its fix edits lie: the edits' ranges are nil where they equal
    /// the finding's own.
    struct Placement {
        let range: LSPRange
        let edits: [[LSPRange?]]
        var editsOnOwnRange: Bool { edits.allSatisfy { $0.allSatisfy { $0 == nil } } }
    }

    /// The placements of all `findings`, converted in one sweep over the text.
    static func ranges(_ findings: [Finding], _ converter: PositionConverter) -> [Placement] {
        var offsets: [Int] = []
        offsets.reserveCapacity(findings.count * 2)
        for f in findings {
            offsets += [f.range.lowerBound, f.range.upperBound]
            for fix in f.fixes { for e in fix.edits where e.range != f.range { offsets += [e.range.lowerBound, e.range.upperBound] } }
        }
        let positions = converter.positions(offsets)
        var next = 0
        func take() -> LSPRange {
            defer { next += 2 }
            return LSPRange(start: positions[next], end: positions[next + 1])
        }
        return findings.map { f in
            let range = take()
            return Placement(range: range, edits: f.fixes.map { fix in fix.edits.map { $0.range == f.range ? nil : take() } })
        }
    }

    static func make(_ f: Finding, _ placed: Placement) -> LSPDiagnostic {
        var data: JSONValue?
        if !f.fixes.isEmpty {
            data = .object(["fixes": .array(zip(f.fixes, placed.edits).map { fix, ranges in
                .object(["title": .string(fix.title), "edits": .array(zip(fix.edits, ranges).map { e, r in
                    r.map { .object(["newText": .string(e.newText), "range": Self.range($0)]) } ?? .object(["newText": .string(e.newText)])
                })])
            })])
        }
        return LSPDiagnostic(range: placed.range, severity: severity(f.severity), code: f.ruleID, source: "jiaodui",
                             message: f.message, data: data)
    }

    static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: return DiagnosticSeverity.error
        case .warning: return DiagnosticSeverity.warning
        case .info: return DiagnosticSeverity.information
        }
    }

    static func lspEdits(_ edits: [JiaoduiCore.TextEdit], _ converter: PositionConverter) -> [LSPTextEdit] {
        let positions = converter.positions(edits.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
        return edits.indices.map { LSPTextEdit(range: LSPRange(start: positions[2 * $0], end: positions[2 * $0 + 1]), newText: edits[$0].newText) }
    }

    private static func range(_ r: LSPRange) -> JSONValue {
        .object(["start": .object(["line": .int(r.start.line), "character": .int(r.start.character)]),
                 "end": .object(["line": .int(r.end.line), "character": .int(r.end.character)])])
    }

}
