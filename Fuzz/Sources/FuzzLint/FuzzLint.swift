import Foundation
import JiaoduiCore

/// Arbitrary bytes through the core's lint entry point. The first byte picks the format; the rest
/// is the file, decoded strictly (as the CLI does) or, when that fails, lossily (as an editor's
/// buffer arrives). Besides "no crash, no hang", what must always hold is checked here too: every
/// range and edit lies inside the text, positions convert, and `fix` leaves nothing fixable.
let linter = try! Linter()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0, let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let format = SourceFormat.allCases[Int(bytes[0]) % SourceFormat.allCases.count]
    let body = bytes.dropFirst()
    let document: TextDocument
    do {
        document = try TextDocument(utf8: body)
    } catch {
        precondition(error.byteOffset >= 0 && error.byteOffset < body.count, "byte offset \(error.byteOffset) outside \(body.count) bytes")
        document = TextDocument(String(decoding: body, as: UTF8.self))
    }
    let findings = linter.lint(document, format: format)
    let map = PositionMap(document)
    for d in findings {
        precondition(d.range.lowerBound >= 0 && d.range.upperBound <= document.count, "\(d.ruleID) range \(d.range) outside 0..<\(document.count)")
        for edit in d.fixes.flatMap(\.edits) {
            precondition(edit.range.lowerBound >= 0 && edit.range.upperBound <= document.count, "\(d.ruleID) edit \(edit.range) outside the text")
        }
        let r = map.utf16Range(d.range)
        precondition(map.offset(utf16: r.start) == d.range.lowerBound && map.offset(utf16: r.end) == d.range.upperBound,
                     "\(d.ruleID) range \(d.range) does not round-trip through UTF-16 \(r)")
        _ = map.utf8Position(d.range.lowerBound)
        _ = map.utf8Position(d.range.upperBound)
    }
    let fixed = FixApplier.fixAll(document, linter: linter, format: format)
    precondition(!fixed.remaining.contains { !$0.fixes.isEmpty } || fixed.applied.count >= 16,
                 "fix left a fixable finding: \(fixed.remaining.filter { !$0.fixes.isEmpty }.map(\.ruleID))")
    return 0
}
