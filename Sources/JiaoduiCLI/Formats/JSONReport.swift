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
        var out = JSONBytes(capacity: 256 + result.diagnostics.count * 400)
        render(result, into: &out)
        return out.text
    }

    var streamsLoneFile: Bool { true }

    /// The piece of `file(result)` written to stdout 64 KB at a time as it is made.
    private func stream(_ result: LintResult) {
        var out = JSONBytes(streamingToStdout: ())
        render(result, into: &out)
        out.finish()
    }

    private func render(_ result: LintResult, into out: inout JSONBytes) {
        let map = PositionMap(result.document)
        var line = 0    // the findings come in document order: each position is looked for near the last
        out.raw("{\"diagnostics\":[")
        for (i, d) in result.diagnostics.enumerated() {
            if i > 0 { out.raw(",") }
            out.checkpoint()
            out.raw("{\"fixes\":[")
            for (j, fix) in d.fixes.enumerated() {
                if j > 0 { out.raw(",") }
                out.raw("{\"edits\":[")
                for (k, edit) in fix.edits.enumerated() {
                    if k > 0 { out.raw(",") }
                    out.raw("{\"newText\":")
                    out.string(edit.newText)
                    out.raw(",\"range\":")
                    out.range(map.utf16Range(edit.range, near: &line))
                    out.raw("}")
                }
                out.raw("],\"title\":")
                out.string(fix.title)
                out.raw("}")
            }
            out.raw("],\"message\":")
            out.string(d.message)
            out.raw(",\"range\":")
            out.range(map.utf16Range(d.range, near: &line))
            out.raw(",\"rule\":")
            out.string(d.ruleID)
            out.raw(",\"severity\":")
            out.string(d.severity.rawValue)
            out.raw("}")
        }
        out.raw("],\"path\":")
        out.string(result.path)
        out.raw("}")
    }

    /// The whole report from written files (in order), the unreadable inputs and the counts.
    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        let (head, tail) = frame(run)
        var out = head
        out.reserveCapacity(files.reduce(head.utf8.count + tail.utf8.count) { $0 + $1.text.utf8.count + 1 })
        for (i, file) in files.enumerated() {
            if i > 0 { out += "," }
            out += file.text
        }
        return out + tail
    }

    /// `document(files, run:)` written piece by piece: a file's piece is written as it is (a large
    /// one is tens of megabytes), never copied into a report string; small ones are gathered first.
    func write(_ files: [RenderedFile], run: RunSummary) {
        let (head, tail) = frame(run)
        var pending = head
        for (i, file) in files.enumerated() {
            if i > 0 { pending += "," }
            if let result = file.deferred {
                Console.out(pending)
                pending = ""
                stream(result)
            } else if file.text.utf8.count > 1 << 16 {
                Console.out(pending)
                pending = ""
                Console.out(file.text)
            } else {
                pending += file.text
                if pending.utf8.count > 1 << 16 {
                    Console.out(pending)
                    pending = ""
                }
            }
        }
        Console.out(pending + tail)
    }

    /// What stands before the files' pieces and after them.
    private func frame(_ run: RunSummary) -> (head: String, tail: String) {
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
        return ("{\"errors\":\(errors),\"files\":[", "],\"summary\":\(summary),\"version\":1}\n")
    }

    private static func string(_ s: String, into out: inout String) { JSONText.string(s, into: &out) }
}

/// One linted input.
struct LintResult: Sendable {
    let path: String
    let document: TextDocument
    let diagnostics: [Diagnostic]
}
