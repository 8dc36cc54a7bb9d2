import Foundation
@testable import JiaoduiCLI
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

    /// Found by the FuzzDocx fuzz target: an archive whose central directory points past its end
    /// trapped the in-memory ZIP reader (the CLI read files into memory, and so does `serve`).
    /// Now an error naming the file, exit 2, the other files still linted; and an error for an
    /// upload too.
    /// An archive in ZIP64 form throughout (sizes and offsets in the ZIP64 extra fields, the end
    /// record reached through the ZIP64 locator), as writers that stream large files make it.
    func testZIP64ArchiveReadsLikeAnyOther() throws {
        let zip64 = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/zip64.docx"))
        XCTAssertEqual(try DocxReader.text(of: zip64), try DocxReader.text(of: try fixture))
    }

    func testDamagedArchiveIsAnErrorNotACrash() throws {
        let damaged = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/fuzz-offset-past-end.docx"))
        try write(damaged, to: "坏.docx")
        try write(fixture, to: "好.docx")
        let r = try run(["lint", "坏.docx", "好.docx"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("坏.docx: "), r.stderr)
        XCTAssertTrue(r.stdout.contains("好.docx:¶2:18: warning[broken-wrap]"), r.stdout)
        XCTAssertThrowsError(try DocxReader.text(of: damaged))
        // Also from FuzzDocx: bytes that are not UTF-8 in an element name trapped the XML parser.
        let notUTF8 = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/fuzz-invalid-utf8-xml.docx"))
        XCTAssertThrowsError(try DocxReader.text(of: notUTF8)) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("不是有效的 XML") ?? false, "\(error)")
        }
        XCTAssertEqual(try DocxReader.text(of: try fixture).split(separator: "\n").count, 7)
        // Also from FuzzDocx: a deflate stream cut short made the ZIP reader loop for ever.
        let endless = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/fuzz-endless-deflate.docx"))
        XCTAssertThrowsError(try DocxReader.text(of: endless))
        // Also from FuzzDocx (under AddressSanitizer): zlib read past the short last chunk of an
        // entry. Now every chunk handed to it is whole.
        let short = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/fuzz-short-chunk.docx"))
        _ = try? DocxReader.text(of: short)
        // Also from FuzzDocx: a ZIP64 end record whose directory offset is past Int64.max trapped
        // ZIPFoundation's archive reader; jiaodui now reads the directory itself.
        let zip64Offset = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/fuzz-zip64-offset.docx"))
        XCTAssertThrowsError(try DocxReader.text(of: zip64Offset)) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("ZIP") ?? false, "\(error)")
        }
        // Every prefix of a good document: an error or text, never a trap.
        let good = try fixture
        for n in stride(from: 0, to: good.count, by: 7) { _ = try? DocxReader.text(of: good.prefix(n)) }
    }
}
