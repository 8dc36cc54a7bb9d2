import Foundation
import JiaoduiCore

/// The `--format json` shape other tools depend on: LSP-style ranges (0-based lines, UTF-16
/// characters), fixes as edits, and a summary. Files with no findings are listed too; inputs that
/// could not be read are in `errors`. Keys are sorted:
///
///     {"errors":[{"message":…,"path":…}],
///      "files":[{"diagnostics":[{"fixes":[{"edits":[{"newText":…,"range":…}],"title":…}],
///                                "message":…,"range":{"end":{…},"start":{"character":5,"line":0}},
///                                "rule":"broken-wrap","severity":"warning"}],"path":…}],
///      "summary":{"diagnostics":12,"errors":3,"files":1,"infos":0,"warnings":9},"version":1}
///
/// Each file is encoded on its own (in the worker that linted it) and the document is put
/// together from the pieces, so a run over many files does not wait on one encoder.
enum JSONReport {
    /// One entry of `files`, written straight to a string: a large file has hundreds of thousands
    /// of findings, and a generic encoder spends most of the run on them.
    static func file(_ result: LintResult) -> String {
        let map = PositionMap(result.document)
        var out = "{\"diagnostics\":["
        out.reserveCapacity(result.diagnostics.count * 256)
        for (i, d) in result.diagnostics.enumerated() {
            if i > 0 { out += "," }
            out += "{\"fixes\":["
            for (j, fix) in d.fixes.enumerated() {
                if j > 0 { out += "," }
                out += "{\"edits\":["
                for (k, edit) in fix.edits.enumerated() {
                    if k > 0 { out += "," }
                    out += "{\"newText\":"
                    string(edit.newText, into: &out)
                    out += ",\"range\":"
                    range(map.utf16Range(edit.range), into: &out)
                    out += "}"
                }
                out += "],\"title\":"
                string(fix.title, into: &out)
                out += "}"
            }
            out += "],\"message\":"
            string(d.message, into: &out)
            out += ",\"range\":"
            range(map.utf16Range(d.range), into: &out)
            out += ",\"rule\":"
            string(d.ruleID, into: &out)
            out += ",\"severity\":\"\(d.severity.rawValue)\"}"
        }
        out += "],\"path\":"
        string(result.path, into: &out)
        out += "}"
        return out
    }

    /// The whole report from written files (in order), the unreadable inputs and the counts.
    static func document(files: [String], failures: [(path: String, message: String)], tally: Tally) -> String {
        var errors = "["
        for (i, failure) in failures.enumerated() {
            if i > 0 { errors += "," }
            errors += "{\"message\":"
            string(failure.message, into: &errors)
            errors += ",\"path\":"
            string(failure.path, into: &errors)
            errors += "}"
        }
        errors += "]"
        let summary = "{\"diagnostics\":\(tally.total),\"errors\":\(tally.errors),\"files\":\(tally.files),"
            + "\"infos\":\(tally.infos),\"warnings\":\(tally.warnings)}"
        return "{\"errors\":\(errors),\"files\":[\(files.joined(separator: ","))],\"summary\":\(summary),\"version\":1}"
    }

    private static func range(_ r: LineRange, into out: inout String) {
        out += "{\"end\":{\"character\":\(r.end.character),\"line\":\(r.end.line)},"
            + "\"start\":{\"character\":\(r.start.character),\"line\":\(r.start.line)}}"
    }

    /// A JSON string literal (RFC 8259 escapes; everything else as UTF-8).
    static func string(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// One linted input.
struct LintResult: Sendable {
    let path: String
    let document: TextDocument
    let diagnostics: [Diagnostic]
}
