import Foundation
import XCTest

final class RulesCommandTests: CLITestCase {
    static let coreIDs = ["duplicate-phrase", "broken-wrap", "wrap-duplicate-char", "truncated-sentence", "spliced-fragment"]

    /// The rule rows of `jiaodui rules` (indented under their pack's heading), split into cells.
    static func ruleRows(_ stdout: String) -> [[String]] {
        stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
    }

    func testRulesListsEveryRuleGroupedByPack() throws {
        let r = try run(["rules"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").first?.split(separator: " ").map(String.init), ["规则", "级别", "自动修正", "名称"])
        let headings = r.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.map { String($0.prefix { $0 != "]" }.dropFirst()) }
        XCTAssertEqual(headings, ["core", "punctuation", "numbers", "variants", "confusables", "script"])
        let rows = Self.ruleRows(r.stdout)
        XCTAssertEqual(Array(rows.map { $0[0] }.prefix(5)), Self.coreIDs)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0) })
        XCTAssertEqual(byID["duplicate-phrase"]?[1], "error")
        XCTAssertEqual(byID["broken-wrap"]?[1], "warning")
        XCTAssertEqual(byID["truncated-sentence"]?[2], "无", "truncated text needs a person")
        XCTAssertEqual(byID["halfwidth-punctuation"]?[2], "有")
        XCTAssertEqual(byID["broken-wrap"]?[3], "断行")
        XCTAssertEqual(byID["paired-marks"]?[2], "无", "where the partner belongs needs a person")
        for id in ["ellipsis", "fullwidth-alphanumerics", "variant-words", "misused-words", "traditional-chars"] {
            XCTAssertNotNil(byID[id], "\(id) is not listed")
        }
    }

    func testPacksCanBeChosenOnTheCommandLine() throws {
        let only = try run(["rules", "--rules", "numbers"])
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertTrue(Self.ruleRows(only.stdout).allSatisfy { ["abbreviated-year", "fullwidth-alphanumerics", "mixed-numerals",
                                                               "percent-range", "year-zero"].contains($0[0]) }, only.stdout)
        let without = try run(["rules", "--rules", "-script,-variants"])
        let ids = Self.ruleRows(without.stdout).map { $0[0] }
        XCTAssertTrue(ids.contains("broken-wrap"))
        XCTAssertFalse(ids.contains("traditional-chars"))
        XCTAssertFalse(ids.contains("variant-words"))
        let text = "会议後，大家合影。\n"
        XCTAssertTrue(try run(["lint", "-"], stdin: text).stdout.contains("traditional-chars"))
        let quiet = try run(["lint", "--rules", "-script", "-"], stdin: text)
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        let unknown = try run(["rules", "--rules", "-nosuchpack"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("nosuchpack"), unknown.stderr)
    }

    func testRulesInEnglish() throws {
        let r = try run(["rules", "--locale", "en"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("RULE"), r.stdout)
        let brokenWrap = r.stdout.split(separator: "\n").first { $0.hasPrefix("  broken-wrap ") }
        XCTAssertNotNil(brokenWrap)
        XCTAssertTrue(brokenWrap?.contains(" yes ") ?? false)
        XCTAssertTrue(brokenWrap?.hasSuffix("Broken line wrap") ?? false, String(brokenWrap ?? ""))
    }

    func testExplainShowsNameDescriptionAndExamples() throws {
        let r = try run(["explain", "broken-wrap"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("broken-wrap — 断行\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("级别：warning"), r.stdout)
        XCTAssertTrue(r.stdout.contains("错误示例"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  ✗ 2024年以来，累计开展理论学习中心组、三会一课等↓各⏎⏎类↓学习活动20余次。"), r.stdout)
        XCTAssertTrue(r.stdout.contains("    修正为：2024年以来，累计开展理论学习中心组、三会一课等各类学习活动20余次。"), r.stdout)
        XCTAssertTrue(r.stdout.contains("正确示例"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  ✓ "), r.stdout)
    }

    func testExplainInEnglish() throws {
        let r = try run(["explain", "--locale", "en", "truncated-sentence"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("truncated-sentence — Truncated sentence\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("no automatic fix"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Bad examples"), r.stdout)
        XCTAssertTrue(r.stdout.contains("↓"), r.stdout)
    }

    func testExplainUnknownRuleListsTheIDs() throws {
        let r = try run(["explain", "no-such-rule"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        for id in Self.coreIDs + ["paired-marks", "traditional-chars"] { XCTAssertTrue(r.stderr.contains(id), r.stderr) }
        XCTAssertEqual(try run(["explain"]).status, 2)
    }

    func testHelpExitsZeroAndDocumentsColumns() throws {
        let r = try run(["lint", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("Unicode scalars"), r.stdout)
        let fix = try run(["fix", "--help"])
        XCTAssertTrue(fix.stdout.contains("--fail-on"), fix.stdout)
        XCTAssertTrue(fix.stdout.contains("Exit status"), fix.stdout)
    }
}
