import JiaoduiCore
import XCTest

/// One index space inside (Unicode scalars), converted at the edges.
final class PositionTests: XCTestCase {
    func testSupplementaryCharacterIsTwoUTF16UnitsOneScalar() {
        let doc = TextDocument("𠮷开展“我为群众办实事”“我为群众办实事”等活动。")
        let found = sharedLinter.lint(doc).filter { $0.ruleID == "duplicate-phrase" }
        XCTAssertEqual(found.count, 1)
        let map = PositionMap(doc)
        let range = found[0].range
        XCTAssertEqual(map.scalarPosition(range.lowerBound), LinePosition(line: 0, character: 12))
        XCTAssertEqual(map.utf16Position(range.lowerBound), LinePosition(line: 0, character: 13))
        XCTAssertEqual(map.utf8Position(range.lowerBound), LinePosition(line: 0, character: 4 + 11 * 3))
        XCTAssertEqual(map.utf16Position(range.upperBound), LinePosition(line: 0, character: 22))
    }

    func testLineEndsOfEveryKind() {
        let doc = TextDocument("一\r\n二\r三\n四")
        XCTAssertEqual(doc.lines.count, 4)
        let map = PositionMap(doc)
        XCTAssertEqual(map.utf16Position(3), LinePosition(line: 1, character: 0))
        XCTAssertEqual(map.utf16Position(5), LinePosition(line: 2, character: 0))
        XCTAssertEqual(map.utf16Position(7), LinePosition(line: 3, character: 0))
        XCTAssertEqual(map.offset(utf16: LinePosition(line: 3, character: 1)), 8)
    }

    func testOffsetFromUTF16ClampsInsideASurrogatePairAndPastTheLine() {
        let doc = TextDocument("𠮷a\nb")
        let map = PositionMap(doc)
        XCTAssertEqual(map.offset(utf16: LinePosition(line: 0, character: 1)), 0)
        XCTAssertEqual(map.offset(utf16: LinePosition(line: 0, character: 2)), 1)
        XCTAssertEqual(map.offset(utf16: LinePosition(line: 0, character: 99)), 2)
        XCTAssertEqual(map.offset(utf16: LinePosition(line: 9, character: 0)), doc.count)
    }

    func testLongLineConversionsAgreeWithACountFromTheStart() {
        let text = String(repeating: "𠮷a中", count: 500)
        let doc = TextDocument(text)
        let map = PositionMap(doc)
        for offset in [0, 1, 127, 128, 129, 777, 1499, 1500] {
            let expected = text.unicodeScalars.prefix(offset).reduce(0) { $0 + UTF16.width($1) }
            XCTAssertEqual(map.utf16Position(offset).character, expected)
            XCTAssertEqual(map.utf8Offset(offset), text.unicodeScalars.prefix(offset).reduce(0) { $0 + UTF8.width($1) })
        }
    }

    func testBOMIsKeptAndInvalidUTF8NamesItsByte() throws {
        let doc = try TextDocument(utf8: [0xEF, 0xBB, 0xBF] + Array("中文".utf8))
        XCTAssertEqual(doc.scalars.first, "\u{FEFF}")
        XCTAssertEqual(doc.count, 3)
        // …but columns on the first line are counted as an editor shows them, after the BOM.
        XCTAssertEqual(PositionMap(doc).utf16Position(2), LinePosition(line: 0, character: 1))
        XCTAssertEqual(PositionMap(doc).offset(utf16: LinePosition(line: 0, character: 1)), 2)
        XCTAssertThrowsError(try TextDocument(utf8: Array("中文".utf8) + [0xFF, 0x41])) { error in
            XCTAssertEqual((error as? InvalidUTF8)?.byteOffset, 6)
        }
    }
}
