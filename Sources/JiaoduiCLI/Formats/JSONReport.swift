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
///      "summary":{"characters":5012,"diagnostics":12,"errorRatePer10k":23.94,"errors":3,"files":1,
///                 "infos":0,"warnings":9},"version":1}
///
/// `characters` and `errorRatePer10k` (rounded to two decimals) are as in `ErrorRate`.
///
/// Each file is encoded on its own (in the worker that linted it) and the document is put
/// together from the pieces, so a run over many files does not wait on one encoder.
struct JSONReport: ReportFormat {
    /// One entry of `files`, written straight to a string: a large file has hundreds of thousands
    /// of findings, and a generic encoder spends most of the run on them.
    func file(_ result: LintResult) -> String {
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
                    Self.string(edit.newText, into: &out)
                    out += ",\"range\":"
                    Self.range(map.utf16Range(edit.range), into: &out)
                    out += "}"
                }
                out += "],\"title\":"
                Self.string(fix.title, into: &out)
                out += "}"
            }
            out += "],\"message\":"
            Self.string(d.message, into: &out)
            out += ",\"range\":"
            Self.range(map.utf16Range(d.range), into: &out)
            out += ",\"rule\":"
            Self.string(d.ruleID, into: &out)
            out += ",\"severity\":\"\(d.severity.rawValue)\"}"
        }
        out += "],\"path\":"
        Self.string(result.path, into: &out)
        out += "}"
        return out
    }

    /// The whole report from written files (in order), the unreadable inputs and the counts.
    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        let tally = run.tally
        var errors = "["
        for (i, failure) in run.failures.enumerated() {
            if i > 0 { errors += "," }
            errors += "{\"message\":"
            Self.string(failure.message, into: &errors)
            errors += ",\"path\":"
            Self.string(failure.path, into: &errors)
            errors += "}"
        }
        errors += "]"
        let summary = "{\"characters\":\(tally.characters),\"diagnostics\":\(tally.total),"
            + "\"errorRatePer10k\":\(JSONText.number(tally.errorRatePer10k)),\"errors\":\(tally.errors),"
            + "\"files\":\(tally.files),\"infos\":\(tally.infos),\"warnings\":\(tally.warnings)}"
        let pieces = files.map(\.text).joined(separator: ",")
        return "{\"errors\":\(errors),\"files\":[\(pieces)],\"summary\":\(summary),\"version\":1}\n"
    }

    private static func range(_ r: LineRange, into out: inout String) {
        out += "{\"end\":{\"character\":\(r.end.character),\"line\":\(r.end.line)},"
            + "\"start\":{\"character\":\(r.start.character),\"line\":\(r.start.line)}}"
    }

    private static func string(_ s: String, into out: inout String) { JSONText.string(s, into: &out) }
}

/// One linted input.
struct LintResult: Sendable {
    let path: String
    let document: TextDocument
    let diagnostics: [Diagnostic]
}
