import Foundation
import XCTest

/// `lint` and `fix` follow the nearest `.jiaodui.yml`, as the language server does.
final class ProjectConfigCommandTests: CLITestCase {
    func rules(_ r: RunResult) throws -> [String] {
        ((try json(r)["files"] as? [[String: Any]]) ?? []).flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
            .compactMap { $0["rule"] as? String }
    }

    func testNearestConfigTurnsRulesOffAllowsPhrasesAndOverridesPerFile() throws {
        try write(Fixture.comma + Fixture.duplicate, to: "稿件/a.txt")
        try write(Fixture.comma + Fixture.duplicate, to: "稿件/旧稿/b.txt")
        try write(Fixture.comma + Fixture.duplicate, to: "other/c.txt")
        try write("""
            rules:
              halfwidth-punctuation: off
            overrides:
              - files: ["旧稿/*.txt"]
                rules:
                  duplicate-phrase: off
            """, to: "稿件/.jiaodui.yml")
        XCTAssertEqual(try rules(run(["lint", "--format", "json", "稿件/a.txt"])), ["duplicate-phrase"])
        let old = try run(["lint", "--format", "json", "稿件/旧稿/b.txt"])
        XCTAssertEqual(try rules(old), [])
        XCTAssertEqual(old.status, 0)
        XCTAssertEqual(Set(try rules(run(["lint", "--format", "json", "other/c.txt"]))), ["halfwidth-punctuation", "duplicate-phrase"],
                       "a file outside the configured directory keeps the defaults")
        XCTAssertEqual(Set(try rules(run(["lint", "--format", "json", "--rule", "halfwidth-punctuation", "稿件/a.txt"]))),
                       ["halfwidth-punctuation"], "--rule runs a rule the configuration turned off")

        try write("allow:\n  - 我为群众办实事\n", to: "other/.jiaodui.yml")
        XCTAssertEqual(try rules(run(["lint", "--format", "json", "other/c.txt"])), ["halfwidth-punctuation"])
        // fix leaves what the project allows as written.
        XCTAssertEqual(try run(["fix", "other/c.txt"]).status, 0)
        XCTAssertEqual(try read("other/c.txt"), Fixture.commaFixed + Fixture.duplicate)
    }

    func testBrokenConfigIsExitTwoWithItsPlace() throws {
        try write(Fixture.comma, to: "a.txt")
        try write("rules:\n  halfwidth-punctuation: sometimes\n", to: ".jiaodui.yml")
        let r = try run(["lint", "a.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains(".jiaodui.yml:2:26: rules.halfwidth-punctuation: 须为 on、off、error、warning 或 info"), r.stderr)
    }
}
