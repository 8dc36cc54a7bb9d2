import JiaoduiCore

/// `--format checkstyle`: Checkstyle's XML report, which many CI tools and reviewdog
/// (`-f=checkstyle`) read. Every linted file has a `<file>` element (empty when clean); each
/// finding is an `<error>` with a 1-based line, a 1-based column counting characters (Unicode
/// scalars, as the text format does), the severity (error, warning, info), the message and
/// `source="jiaodui.RULE"`.
struct CheckstyleReport: ReportFormat {
    func file(_ result: LintResult) -> String {
        let map = PositionMap(result.document)
        var out = "<file name=\"\(XMLText.escape(result.path))\">\n"
        for d in result.diagnostics {
            let r = OneBasedRange(d.range, in: map, unit: .scalar)
            out += "<error line=\"\(r.startLine)\" column=\"\(r.startColumn)\" severity=\"\(d.severity.rawValue)\""
                + " message=\"\(XMLText.escape(d.message))\" source=\"jiaodui.\(XMLText.escape(d.ruleID))\"/>\n"
        }
        return out + "</file>\n"
    }

    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        XMLText.declaration + "<checkstyle version=\"4.3\">\n" + files.map(\.text).joined() + "</checkstyle>\n"
    }
}
