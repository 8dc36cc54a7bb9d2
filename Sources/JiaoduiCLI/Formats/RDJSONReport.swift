import JiaoduiCore

/// `--format rdjson`: reviewdog's Diagnostic Format, for `reviewdog -f=rdjson`:
///
///     {"source":{"name":"jiaodui"},"diagnostics":[{"message":…,"location":{"path":…,
///      "range":{"start":{"line":1,"column":14},"end":{…}}},"severity":"ERROR",
///      "code":{"value":"duplicate-phrase"},"suggestions":[{"range":…,"text":""}]}]}
///
/// Lines and columns are 1-based and columns count UTF-8 bytes (reviewdog's unit); the end is
/// exclusive. Severity is ERROR, WARNING or INFO; the first fix's edits are the suggestions.
struct RDJSONReport: ReportFormat {
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    /// The file's diagnostics, comma-separated.
    func file(_ result: LintResult) -> String {
        let map = PositionMap(result.document)
        var out = ""
        for (i, d) in result.diagnostics.enumerated() {
            if i > 0 { out += "," }
            var members: [(String, JSONText)] = [
                ("message", .string(d.message)),
                ("location", .object([("path", .string(result.path)), ("range", Self.range(d.range, map))])),
                ("severity", .string(Self.severity(d.severity))),
                ("code", .object([("value", .string(d.ruleID))])),
            ]
            if let fix = d.fixes.first {
                members.append(("suggestions", .array(fix.edits.map { edit in
                    .object([("range", Self.range(edit.range, map)), ("text", .string(edit.newText))])
                })))
            }
            JSONText.object(members).write(into: &out)
        }
        return out
    }

    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        let diagnostics = files.map(\.text).filter { !$0.isEmpty }.joined(separator: ",")
        return JSONText.object([
            ("source", .object([("name", .string("jiaodui"))])),
            ("diagnostics", .raw("[" + diagnostics + "]")),
        ]).text + "\n"
    }

    private static func range(_ range: Range<Int>, _ map: PositionMap) -> JSONText {
        let r = OneBasedRange(range, in: map, unit: .utf8)
        return .object([
            ("start", .object([("line", .int(r.startLine)), ("column", .int(r.startColumn))])),
            ("end", .object([("line", .int(r.endLine)), ("column", .int(r.endColumn))])),
        ])
    }
}
