import XCTest
@testable import JiaoduiCore

/// Re-linting the edited lines must give what a full lint gives, for the checks that read only
/// the lines around a break (all of them but the spliced-fragment search, which a full lint
/// catches up on when typing pauses).
final class IncrementalLintTests: XCTestCase {
    func testRelintAfterRandomEditsEqualsFullLint() throws {
        let seed = try TextDocument(utf8: readFixture("seeds/000_535f91e5d57b5589.txt"))
        var generator = SplitMix(seed: 20261129)
        let pieces = ["，", ",", "\n\n", "", "的", "“我为群众办实事”", "各", "政", "。", "𠮷"]
        var document = seed
        var findings = sharedLinter.lint(document)
        var disagreements: [String] = []
        for round in 0..<150 {
            // Replace a short span at a random place with a random piece.
            let lo = Int(generator.next() % UInt64(document.count))
            let hi = min(document.count, lo + Int(generator.next() % 3))
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            var scalars = document.scalars
            scalars.replaceSubrange(lo..<hi, with: piece.unicodeScalars)
            var tracker = EditTracker(diagnostics: findings)
            tracker.replace(lo..<hi, count: piece.unicodeScalars.count)
            document = TextDocument(scalars: scalars)
            let relinted = sharedLinter.relint(document, changed: tracker.changed!, previous: tracker.diagnostics)
            let full = sharedLinter.lint(document)
            let local = { (d: [Diagnostic]) in d.filter { $0.ruleID != SplicedFragmentRule.id } }
            if local(relinted) != local(full) {
                disagreements.append("round \(round): edit \(lo)..<\(hi) → \(piece.debugDescription): "
                                     + "\(Set(local(full)).symmetricDifference(local(relinted)).map { "\($0.ruleID)@\($0.range)" })")
            }
            findings = full
        }
        XCTAssertEqual(disagreements, [])
    }

    func testEditTrackerMovesFindingsAndMergesSpans() {
        let d = Diagnostic(ruleID: "x", severity: .info, message: "", range: 10..<12,
                           fixes: [Fix(title: "", edits: [TextEdit(range: 10..<12, newText: "")])])
        let before = Diagnostic(ruleID: "y", severity: .info, message: "", range: 0..<2)
        var tracker = EditTracker(diagnostics: [before, d])
        tracker.replace(4..<5, count: 3)  // +2 before d
        XCTAssertEqual(tracker.diagnostics.map(\.range), [0..<2, 12..<14])
        XCTAssertEqual(tracker.diagnostics.last?.fixes.first?.edits.first?.range, 12..<14)
        tracker.replace(13..<13, count: 1)  // inside d: dropped, to be found again by the re-lint
        XCTAssertEqual(tracker.diagnostics.map(\.ruleID), ["y"])
        XCTAssertEqual(tracker.changed, 4..<14)
    }
}

/// A small deterministic generator, so a failure names a reproducible round.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The same property for Markdown, through the path the editor takes (prepared findings carried
/// through the edit, the masking redone over the whole text).
final class MarkdownIncrementalLintTests: XCTestCase {
    func testMarkdownRelintAfterRandomEditsEqualsFullLint() throws {
        let seed = try TextDocument(utf8: readFixture("seeds/000_535f91e5d57b5589.txt")).text
        let text = "# 标题\n\n" + seed.replacingOccurrences(of: "。", with: "。见[报道](https://x.cn/a,b)，`代码,a`。", options: [], range: nil)
        var generator = SplitMix(seed: 20261130)
        let pieces = ["，", ",", "\n", "\n\n", "", "`a,b`", "[报道](https://x.cn/a,b)", "**", "的", "“我为群众办实事”", "各", "。"]
        var document = TextDocument(text)
        var prepared = sharedLinter.prepared(ProseView(document, format: .markdown), filter: FindingFilter())
        var disagreements: [String] = []
        for round in 0..<100 {
            let lo = Int(generator.next() % UInt64(document.count))
            let hi = min(document.count, lo + Int(generator.next() % 3))
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            var scalars = document.scalars
            scalars.replaceSubrange(lo..<hi, with: piece.unicodeScalars)
            var tracker = EditTracker(diagnostics: prepared)
            tracker.replace(lo..<hi, count: piece.unicodeScalars.count)
            document = TextDocument(scalars: scalars)
            let view = ProseView(document, format: .markdown)
            let relinted = sharedLinter.relint(view, changed: tracker.changed!, previous: tracker.diagnostics, filter: FindingFilter())
            let full = sharedLinter.prepared(view, filter: FindingFilter())
            let local = { (d: [Diagnostic]) in d.filter { $0.ruleID != SplicedFragmentRule.id } }
            if local(relinted) != local(full) {
                disagreements.append("round \(round): edit \(lo)..<\(hi) → \(piece.debugDescription): "
                                     + "\(Set(local(full)).symmetricDifference(local(relinted)).map { "\($0.ruleID)@\($0.range)" })")
            }
            prepared = full
        }
        XCTAssertEqual(disagreements, [])
    }
}
