import XCTest
@testable import JiaoduiCore

final class FindingFingerprintTests: XCTestCase {
    private func comma(_ text: String, at offset: Int) -> Diagnostic {
        Diagnostic(ruleID: "halfwidth-punctuation", severity: .warning, message: "", range: offset..<(offset + 1))
    }

    func testContextIsTheFindingAndItsNeighboursOnItsOwnLineWithoutSpaces() {
        let text = "上一段。\n一二 三四五六七八九,十一 二三四五六七八九\n下一段。"
        let document = TextDocument(text)
        let at = Array(text.unicodeScalars).firstIndex(of: ",")!
        let print = FindingFingerprint.of([comma(text, at: at)], in: document)[0]
        XCTAssertEqual(print.context, "二三四五六七八九⟦,⟧十一二三四五六七")
        XCTAssertEqual(print.occurrence, 0)
    }

    func testLinesAboveAndIndentationDoNotChangeIt() {
        let before = "今天很好,我们去。\n"
        let after = "新的一段。\n\n另一段。\n　　今天很好,我们去。\n"
        func print(_ text: String) -> FindingFingerprint {
            let at = Array(text.unicodeScalars).firstIndex(of: ",")!
            return FindingFingerprint.of([comma(text, at: at)], in: TextDocument(text))[0]
        }
        XCTAssertEqual(print(before), print(after))
    }

    func testIdenticalContextsAreNumbered() {
        let text = "我们去,\n我们去,\n"
        let scalars = Array(text.unicodeScalars)
        let commas = scalars.indices.filter { scalars[$0] == "," }.map { comma(text, at: $0) }
        let prints = FindingFingerprint.of(commas, in: TextDocument(text))
        XCTAssertEqual(prints.map(\.occurrence), [0, 1])
        XCTAssertEqual(prints[0].context, prints[1].context)
    }
}
