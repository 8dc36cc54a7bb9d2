import Foundation
import JiaoduiCore
import XCTest

/// The real newspaper page and its hand-made answer key: every extraction scar found with the right
/// rule and span, and none of the must-not-flag places flagged.
final class SeedPageTests: XCTestCase {
    struct GoldItem: Decodable {
        let kind: String
        let text: String
        let char_offset: Int
        let focus_offset: Int?
    }

    static let ruleOfKind = [
        "broken_wrap": "broken-wrap", "duplicated_char_at_wrap": "wrap-duplicate-char",
        "duplicated_phrase": "duplicate-phrase", "spliced_fragment": "spliced-fragment",
        "truncated_sentence": "truncated-sentence", "halfwidth_punctuation": "halfwidth-punctuation",
    ]

    var document: TextDocument!
    var diagnostics: [Diagnostic] = []
    var gold: [GoldItem] = []
    var negatives: [GoldItem] = []

    override func setUpWithError() throws {
        document = try TextDocument(utf8: readFixture("seeds/000_535f91e5d57b5589.txt"))
        diagnostics = sharedLinter.lint(document)
        gold = try JSONDecoder().decode([GoldItem].self, from: readFixture("Tests/Fixtures/000_535f91e5d57b5589.gold.json"))
        negatives = try JSONDecoder().decode([GoldItem].self, from: readFixture("Tests/Fixtures/000_535f91e5d57b5589.negatives.json"))
    }

    func span(_ item: GoldItem) -> Range<Int> { item.char_offset..<(item.char_offset + item.text.unicodeScalars.count) }

    func testEveryGoldDefectIsFoundWithTheRightRuleAndSpan() {
        let scored = gold.filter { Self.ruleOfKind[$0.kind] != nil }
        XCTAssertEqual(scored.filter { $0.kind == "halfwidth_punctuation" }.count, 273)
        for item in scored {
            let rule = Self.ruleOfKind[item.kind]!
            let hits = diagnostics.filter { $0.ruleID == rule && $0.range.overlaps(span(item)) }
            XCTAssertFalse(hits.isEmpty, "missed \(rule) at \(item.char_offset): \(item.text)")
            if item.kind == "halfwidth_punctuation" {
                XCTAssertEqual(hits.first?.range, span(item))
            }
            if item.kind == "duplicated_phrase", let focus = item.focus_offset {
                XCTAssertEqual(hits.first?.range, focus..<(focus + 9), "the range is the second copy")
            }
        }
    }

    func testCountsPerRule() {
        let count = { (rule: String) in self.diagnostics.filter { $0.ruleID == rule }.count }
        XCTAssertEqual(count("broken-wrap"), 5)
        XCTAssertEqual(count("wrap-duplicate-char"), 2)
        XCTAssertEqual(count("truncated-sentence"), 2)
        XCTAssertEqual(count("halfwidth-punctuation"), 273)
        XCTAssertEqual(count("duplicate-phrase"), 1, "the quoted phrase")
        XCTAssertEqual(diagnostics.filter { $0.ruleID == "spliced-fragment" }.map(\.severity), [.info])
    }

    func testNoFindingBeyondTheAnswerKey() {
        let scored = gold.filter { Self.ruleOfKind[$0.kind] != nil }
        for d in diagnostics {
            let matched = scored.contains { Self.ruleOfKind[$0.kind] == d.ruleID && d.range.overlaps(span($0)) }
            XCTAssertTrue(matched, "unexpected \(d.ruleID) at \(d.range): \(document.string(d.range))")
        }
    }

    func testNegativesAreNotFlagged() {
        XCTAssertEqual(negatives.count, 43)
        let scored = gold.filter { Self.ruleOfKind[$0.kind] != nil }
        for item in negatives {
            for d in diagnostics where d.range.overlaps(span(item)) {
                // A half-width mark inside a caption is still a real finding of the key.
                let inKey = scored.contains { Self.ruleOfKind[$0.kind] == d.ruleID && d.range.overlaps(span($0)) }
                XCTAssertTrue(inKey, "\(d.ruleID) flagged must-not-flag \(item.kind) “\(item.text)”")
            }
        }
    }

    func testFixRemovesEveryFixableFindingAndOnlyTouchesReportedRanges() throws {
        let result = FixApplier.fixAll(document, linter: sharedLinter)
        let after = sharedLinter.lint(TextDocument(result.text))
        XCTAssertTrue(after.allSatisfy { $0.fixes.isEmpty }, "fixable findings remain: \(after.filter { !$0.fixes.isEmpty })")
        XCTAssertEqual(Set(after.map(\.ruleID)), ["truncated-sentence", "spliced-fragment"])
        XCTAssertEqual(after.count, 3, "two truncations and the spliced fragment stay for a person")
        XCTAssertFalse(result.text.contains("“我为群众办实事”“我为群众办实事”"))
        XCTAssertTrue(result.text.contains("各类学习活动"))
        XCTAssertTrue(result.text.contains("司法行政系统"))

        // Outside the ranges reported in the first round, the fixed text is the original.
        let first = FixApplier.apply(diagnostics.filter { !$0.fixes.isEmpty }, to: document)
        let original = document.scalars
        let fixed = Array(first.text.unicodeScalars)
        var cursor = 0, position = 0
        for d in first.applied.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let edits = d.fixes[0].edits
            XCTAssertTrue(edits.allSatisfy { d.range.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= d.range.upperBound },
                          "\(d.ruleID): an edit lies outside the reported range")
            let unchanged = original[cursor..<d.range.lowerBound]
            XCTAssertTrue(fixed[position..<(position + unchanged.count)].elementsEqual(unchanged), "text changed before \(d.range)")
            position += unchanged.count
            position += d.range.count - edits.map(\.range.count).reduce(0, +) + edits.map { $0.newText.unicodeScalars.count }.reduce(0, +)
            cursor = d.range.upperBound
        }
        XCTAssertTrue(fixed[position...].elementsEqual(original[cursor...]), "text changed after the last range")
        XCTAssertEqual(first.applied.count, diagnostics.filter { !$0.fixes.isEmpty }.count)
    }
}
