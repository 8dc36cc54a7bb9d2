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
