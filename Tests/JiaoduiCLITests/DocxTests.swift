import Foundation
import XCTest

/// Word documents: read paragraph by paragraph, reported as ¶N, never written.
final class DocxTests: CLITestCase {
    var fixture: Data { get throws { try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/稿件.docx")) } }

    func testFindingsAreReportedByParagraph() throws {
        try write(fixture, to: "稿件.docx")
        let text = try run(["lint", "稿件.docx"])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("稿件.docx:¶2:18: warning[broken-wrap]"), text.stdout)
        XCTAssertTrue(text.stdout.contains("稿件.docx:¶4:7: warning[halfwidth-punctuation]"), text.stdout)
        XCTAssertTrue(text.stdout.contains("稿件.docx:¶6:20: error[duplicate-phrase]"), text.stdout)
        XCTAssertTrue(text.stdout.contains("4 | 今天天气很好,我们去公园散步。"), "the paragraph's text is shown: \(text.stdout)")

        let json = try self.json(try run(["lint", "--format", "json", "稿件.docx"]))
        let diagnostics = ((json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        let lines = diagnostics.compactMap { (($0["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int }
        XCTAssertEqual(lines, [1, 3, 5], "0-based paragraph numbers; the table cell and the manual line break shift nothing")
    }

    func testFixRefusesWordDocumentsAndLeavesThemAlone() throws {
        try write(fixture, to: "稿件.docx")
        let r = try run(["fix", "稿件.docx"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("不修改 .docx 文件"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("稿件.docx")), try fixture)
    }

    func testDirectoryWalkIncludesWordDocumentsAndBrokenOnesAreErrors() throws {
        try write(fixture, to: "稿/a.docx")
        try write("不是压缩包", to: "稿/b.docx")
        let r = try run(["lint", "--format", "json", "稿"])
        XCTAssertEqual(r.status, 2)
        let paths = ((try json(r)["files"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        XCTAssertEqual(paths, ["稿/a.docx"])
        XCTAssertTrue(r.stderr.contains("稿/b.docx: 不是有效的 .docx"), r.stderr)
    }

    func testTextBoxesOnceAndTrackedDeletionsAndMovesNotAtAll() throws {
        try write(try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/修订.docx")), to: "修订.docx")
        let r = try run(["lint", "修订.docx"])
        XCTAssertEqual(r.status, 1)
        // Only the last paragraph's comma: no duplicate from the text box's VML copy, nothing from
        // deleted (删掉的,文字) or moved-away (移走的,文字) text; ¶5 because the box is a paragraph.
        XCTAssertTrue(r.stdout.hasPrefix("修订.docx:¶5:5: warning[halfwidth-punctuation]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1 个问题"), r.stdout)
    }
}
