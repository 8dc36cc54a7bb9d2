import JiaoduiTestSupport
import XCTest
@testable import JiaoduiCore

/// Re-linting the edited lines must give what a full lint gives, for the checks that read only
/// the lines around a break (all of them but the spliced-fragment search, which a full lint
/// catches up on when typing pauses).
final class IncrementalLintTests: XCTestCase {
    func testRelintAfterRandomEditsEqualsFullLint() throws {
        let seed = try TextDocument(utf8: readFixture("seeds/000_535f91e5d57b5589.txt"))
        let pieces = ["，", ",", "\n\n", "", "的", "“我为群众办实事”", "各", "政", "。", "𠮷",
                      // the packs' shapes: a mark left open or closed alone, ellipsis, dash, a
                      // misused word, a Traditional character, full-width digits, corner brackets
                      "“", "”", "（", "《", "...", "--", "部份", "學", "１２", "「", "」"]
        XCTAssertEqual(randomEditDisagreements(seed, pieces: pieces, seed: 20261129, rounds: 150,
                                               full: { sharedLinter.lint($0) },
                                               relint: { sharedLinter.relint($0, changed: $1, previous: $2) }), [])
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

/// Replaces a short span at a random place with a random piece, `rounds` times; after each edit
/// the re-lint of the edited lines (`relint(text, changed, findings moved by the edit)`) must equal
/// `full(text)` except for spliced fragments, which only a full lint finds. Returns the rounds
/// where they differ.
func randomEditDisagreements(_ start: TextDocument, pieces: [String], seed: UInt64, rounds: Int,
                             full: (TextDocument) -> [Diagnostic],
                             relint: (TextDocument, Range<Int>, [Diagnostic]) -> [Diagnostic]) -> [String] {
    var generator = SplitMix(seed: seed)
    var document = start
    var findings = full(document)
    var disagreements: [String] = []
    for round in 0..<rounds {
        let lo = Int(generator.next() % UInt64(document.count))
        let hi = min(document.count, lo + Int(generator.next() % 3))
        let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
        var scalars = document.scalars
        scalars.replaceSubrange(lo..<hi, with: piece.unicodeScalars)
        var tracker = EditTracker(diagnostics: findings)
        tracker.replace(lo..<hi, count: piece.unicodeScalars.count)
        document = TextDocument(scalars: scalars)
        let relinted = relint(document, tracker.changed!, tracker.diagnostics)
        let complete = full(document)
        let local = { (d: [Diagnostic]) in d.filter { $0.ruleID != SplicedFragmentRule.id } }
        if local(relinted) != local(complete) {
            disagreements.append("round \(round): edit \(lo)..<\(hi) → \(piece.debugDescription): "
                                 + "\(Set(local(complete)).symmetricDifference(local(relinted)).map { "\($0.ruleID)@\($0.range)" })")
        }
        findings = complete
    }
    return disagreements
}

/// The same property for Markdown, through the path the editor takes (prepared findings carried
/// through the edit, the masking redone over the whole text).
final class MarkdownIncrementalLintTests: XCTestCase {
    func testMarkdownRelintAfterRandomEditsEqualsFullLint() throws {
        let seed = try TextDocument(utf8: readFixture("seeds/000_535f91e5d57b5589.txt")).text
        let text = "# 标题\n\n" + seed.replacingOccurrences(of: "。", with: "。见[报道](https://x.cn/a,b)，`代码,a`。")
        let pieces = ["，", ",", "\n", "\n\n", "", "`a,b`", "[报道](https://x.cn/a,b)", "**", "的", "“我为群众办实事”", "各", "。"]
        let filter = FindingFilter()
        XCTAssertEqual(randomEditDisagreements(TextDocument(text), pieces: pieces, seed: 20261130, rounds: 100,
                                               full: { sharedLinter.prepared(ProseView($0, format: .markdown), filter: filter) },
                                               relint: { sharedLinter.relint(ProseView($0, format: .markdown), changed: $1,
                                                                             previous: $2, filter: filter) }), [])
    }
}
