import JiaoduiCore
import XCTest

final class ICUShimTests: XCTestCase {
    func testRegexWithTimeLimitGivesUpOnCatastrophicBacktracking() throws {
        let regex = try ICURegex("^(a+)+$", timeLimit: 1)
        let hostile = Array((String(repeating: "a", count: 40) + "b").utf16)
        XCTAssertNil(regex.firstMatch(in: hostile))
        XCTAssertTrue(try ICURegex("^[0-9]{1,3}[.、]").matches("1.加强组织领导"))
    }

    func testInvalidPatternIsAnError() {
        XCTAssertThrowsError(try ICURegex("([unclosed"))
    }
}

final class TextBreaksTests: XCTestCase {
    func testWordBreaksCountScalarsAcrossSupplementaryCharacters() {
        XCTAssertEqual(TextBreaks.words("𠮷a 中国"), ["𠮷", "a", " ", "中国"])
    }

    func testICUAloneSplitsNewsWordsThatTheShippedListKeeps() {
        // Why the break rules consult the shipped word list rather than ICU's dictionary.
        XCTAssertFalse(TextBreaks.words("要加强党建。").contains("党建"))
        XCTAssertTrue(Lexicon.embedded.words("要加强党建。").map(\.word).contains("党建"))
    }

    func testSentenceBreaks() {
        XCTAssertEqual(TextBreaks.boundaries(.sentence, in: Array("第一句。第二句！".unicodeScalars)[...]), [0, 4, 8])
    }
}
