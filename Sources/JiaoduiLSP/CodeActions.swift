import JiaoduiCore
import LSPProtocol

/// Quick fixes for the findings under the cursor, the commands that silence a finding, and
/// "fix everything jiaodui can" as `source.fixAll.jiaodui`.
extension LanguageServer {
    func codeActions(_ params: CodeActionParams) -> [CodeActionOrCommand] {
        guard let doc = documents[params.textDocument.uri] else { return [] }
        let locale = findingFilter(doc.uri).locale
        let converter = PositionConverter(doc.text, encoding)
        let lo = PositionConverter.offset(params.range.start, in: doc.text, encoding: encoding)
        let hi = max(lo, PositionConverter.offset(params.range.end, in: doc.text, encoding: encoding))
        func wanted(_ kind: String) -> Bool {
            guard let only = params.context.only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        var actions: [CodeActionOrCommand] = []
        if wanted("quickfix") {
            for finding in doc.findings where finding.range.lowerBound <= hi && finding.range.upperBound >= lo {
                let diagnostic = DiagnosticMapping.lsp(finding, converter)
                for (i, fix) in finding.fixes.enumerated() {
                    actions.append(.action(CodeAction(title: fix.title, kind: "quickfix", diagnostics: [diagnostic], isPreferred: i == 0,
                                                      edit: workspaceEdit(doc, DiagnosticMapping.lspEdits(fix.edits, converter)))))
                }
                actions += silencingCommands(finding, doc, locale).map { .command($0) }
            }
        }
        if wanted(Self.fixAllKind) {
            let edits = Self.compatibleEdits(doc.findings)
            if !edits.isEmpty {
                actions.append(.action(CodeAction(title: locale == .zh ? "jiaodui：修复全部可自动修复的问题（\(edits.count) 处）"
                                                                        : "jiaodui: fix all auto-fixable problems (\(edits.count))",
                                                  kind: Self.fixAllKind,
                                                  edit: workspaceEdit(doc, DiagnosticMapping.lspEdits(edits, converter)))))
            }
        }
        return actions
    }

    /// "Allow this phrase" and "disable this rule for this file / the project": commands the server
    /// carries out itself, so they work in every editor.
    private func silencingCommands(_ finding: Finding, _ doc: OpenDocument, _ locale: MessageLocale) -> [Command] {
        // A report on a suppression directive (invalid-suppression) is no rule .jiaodui.yml can
        // name: the configuration would not load. The directive is edited instead.
        guard RuleRegistry.type(finding.ruleID) != nil else { return [] }
        let zh = locale == .zh
        let uri = JSONValue.string(doc.uri)
        let rule = JSONValue.string(finding.ruleID)
        var out: [Command] = []
        let flagged = String(scalars: doc.text.scalars[finding.range].filter { !$0.properties.isWhitespace })
        // A single mark or character would silence far more than this finding.
        if flagged.unicodeScalars.count >= 2 {
            out.append(Command(title: zh ? "把“\(flagged)”加入允许列表（.jiaodui.yml）" : "Allow “\(flagged)” (.jiaodui.yml)",
                               command: ServerCommand.allow.rawValue, arguments: [uri, .string(flagged)]))
        }
        out.append(Command(title: zh ? "在本文件停用规则 \(finding.ruleID)（.jiaodui.yml）" : "Disable \(finding.ruleID) for this file (.jiaodui.yml)",
                           command: ServerCommand.disableRuleInFile.rawValue, arguments: [uri, rule]))
        out.append(Command(title: zh ? "在本项目停用规则 \(finding.ruleID)（.jiaodui.yml）" : "Disable \(finding.ruleID) for the project (.jiaodui.yml)",
                           command: ServerCommand.disableRuleInProject.rawValue, arguments: [uri, rule]))
        return out
    }

    /// The first fix of every finding, skipping any that would overlap one already taken: LSP
    /// applies all edits of one WorkspaceEdit to the same original text.
    static func compatibleEdits(_ findings: [Finding]) -> [JiaoduiCore.TextEdit] {
        var edits: [JiaoduiCore.TextEdit] = []
        var end = -1
        for f in findings.sorted(by: Diagnostic.documentOrder) {
            guard let fix = f.fixes.first, let first = fix.edits.map(\.range.lowerBound).min(), first >= end else { continue }
            let sorted = fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
            edits += sorted
            end = max(end, sorted.map(\.range.upperBound).max() ?? end)
        }
        return edits
    }

    func workspaceEdit(_ doc: OpenDocument, _ edits: [LSPTextEdit]) -> WorkspaceEdit {
        if client.documentChanges {
            return WorkspaceEdit(documentChanges: [TextDocumentEdit(
                textDocument: OptionalVersionedTextDocumentIdentifier(uri: doc.uri, version: doc.version), edits: edits)])
        }
        return WorkspaceEdit(changes: [doc.uri: edits])
    }
}
