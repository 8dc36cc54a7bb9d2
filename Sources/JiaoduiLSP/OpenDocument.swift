import JiaoduiCore
import LSPProtocol

/// A document the client has open: its text as of `version` and the findings last published.
struct OpenDocument: Sendable {
    let uri: String
    var languageId: String
    /// Which parts of the text are prose, from the editor's language id.
    var format: SourceFormat { SourceFormat(languageId: languageId) }
    var version: Int
    var text: TextDocument
    /// Findings for `text` (settings applied). Right after an edit they come from re-linting the
    /// edited lines; the full lint that follows when typing pauses replaces them.
    var findings: [Finding] = []
    /// `findings` before the text's suppression directives applied: what an edit carries to the
    /// re-lint, so that editing a directive brings back what it silenced anywhere in the text.
    var prepared: [Finding] = []
    /// Whether `findings` still wait for that full lint.
    var provisional = false
    /// Identifies `findings` for pull diagnostics; new whenever they change, empty before the
    /// first lint.
    var resultID = ""
    /// The JSON of the diagnostics last published, reused by the next publish.
    var encoded = EncodedDiagnostics()

    /// Applies one content change; returns the replaced scalar range (old offsets) and the number of
    /// scalars put in, or nil when the whole text was replaced.
    mutating func apply(_ change: TextDocumentContentChangeEvent, encoding: PositionEncoding) -> (Swift.Range<Int>, Int)? {
        let inserted = Array(change.text.unicodeScalars)
        guard let range = change.range else {
            text = TextDocument(scalars: inserted)
            return nil
        }
        let lo = PositionConverter.offset(range.start, in: text, encoding: encoding)
        let hi = max(lo, PositionConverter.offset(range.end, in: text, encoding: encoding))
        var scalars = text.scalars
        text = TextDocument(scalars: [])  // drop the old reference so the edit below does not copy
        scalars.replaceSubrange(lo..<hi, with: inserted)
        text = TextDocument(scalars: scalars)
        return (lo..<hi, inserted.count)
    }
}
