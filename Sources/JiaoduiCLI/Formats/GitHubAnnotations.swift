import JiaoduiCore

/// `--format github`: one GitHub Actions workflow command per finding, which the runner turns
/// into an annotation on the file (and on the pull request's diff):
///
///     ::error file=a.txt,line=1,col=13,endLine=1,endColumn=21,title=duplicate-phrase::以下文字…
///
/// `error`, `warning` or `notice` by severity. Lines are 1-based; `col` and `endColumn` are
/// 1-based UTF-16 code units — what the annotation view counts — with `endColumn` the last unit
/// of the finding (inclusive; GitHub defaults it to `col`). GitHub accepts columns only when the
/// annotation starts and ends on one line, so a finding across a line break (a broken wrap) gives
/// `line` and `endLine` only. Escaping follows the Actions toolkit: `%`, CR and LF in the message;
/// those and `:` and `,` in property values.
struct GitHubAnnotations: ReportFormat {
    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    func file(_ result: LintResult) -> String {
        let map = PositionMap(result.document)
        var out = ""
        for d in result.diagnostics {
            let r = OneBasedRange(d.range, in: map, unit: .utf16)
            var properties = [("file", result.path), ("line", String(r.startLine))]
            if r.startLine == r.endLine {
                properties.append(("col", String(r.startColumn)))
                properties += [("endLine", String(r.endLine)), ("endColumn", String(max(r.startColumn, r.endColumn - 1)))]
            } else {
                properties.append(("endLine", String(r.endLine)))
            }
            properties.append(("title", d.ruleID))
            out += "::\(Self.command(d.severity)) "
                + properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
                + "::\(Self.escapeData(d.message))\n"
        }
        return out
    }

    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        files.map(\.text).joined()
    }

    /// A command's message: `%`, CR and LF percent-encoded.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A property value: as a message, and `:` and `,` too.
    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
