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

/// `jiaodui init`, `jiaodui config --print`, `ignore:` and rule parameters in `.jiaodui.yml`.
final class ProjectConfigFeatureTests: CLITestCase {
    func testInitWritesAStarterThatParsesAndRefusesToOverwrite() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let text = try read(".jiaodui.yml")
        XCTAssertTrue(text.contains("#   halfwidth-punctuation: warning"), "every rule is listed with its default")
        try write(Fixture.comma, to: "a.txt")
        XCTAssertEqual(try run(["lint", "a.txt"]).status, 1, "the starter, all commented out, changes nothing")
        let again = try run(["init"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try run(["init", "--force"]).status, 0)
    }

    func testConfigPrintShowsEachValueAndItsSource() throws {
        try write("locale: en\nrules:\n  halfwidth-punctuation: off\noverrides:\n  - files: [\"drafts/**\"]\n    rules:\n      broken-wrap: info\n",
                  to: ".jiaodui.yml")
        let r = try run(["config", "--print", "drafts/a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let config = dir.appendingPathComponent(".jiaodui.yml").path
        XCTAssertTrue(lines.contains("locale: en  # \(config):1"), r.stdout)
        XCTAssertTrue(lines.contains("  halfwidth-punctuation: off  # \(config):3"), r.stdout)
        XCTAssertTrue(lines.contains("  broken-wrap: info  # \(config):7 (overrides[0])"), r.stdout)
        XCTAssertTrue(lines.contains("  duplicate-phrase: error  # 默认 / default (duplicate-phrase.yml)"), r.stdout)
        XCTAssertEqual(try run(["config"]).status, 2, "config without --print is a usage error")
    }

    func testIgnoredFilesAreNotLinted() throws {
        try write("ignore:\n  - archive\n  - \"*.bak.txt\"\n", to: ".jiaodui.yml")
        try write(Fixture.comma, to: "archive/old.txt")
        try write(Fixture.comma, to: "x.bak.txt")
        try write(Fixture.comma, to: "new.txt")
        let r = try run(["lint", "--format", "json", "."])
        let paths = ((try json(r)["files"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, ["new.txt"])
        let named = try run(["lint", "archive/old.txt"])
        XCTAssertEqual(named.status, 0)
        XCTAssertTrue(named.stderr.contains("archive/old.txt：被 .jiaodui.yml 的 ignore 排除"), named.stderr)
    }

    func testRuleParametersApplyAndAreChecked() throws {
        // A three-character noun doubled is reported by default (min_han 3) …
        let text = "这是国家发展的重大战略战略，必须长期坚持。学校学校，都要落实。\n"
        try write(text, to: "a.txt")
        try write("rules:\n  duplicate-phrase:\n    parameters:\n      two_character_word_tags: []\n", to: ".jiaodui.yml")
        let withParameters = try run(["lint", "--format", "json", "a.txt"])
        XCTAssertEqual(withParameters.status, 0, "with no two-character tags flagged, 战略战略 is not reported: \(withParameters.stdout)")
        try write("rules:\n  duplicate-phrase:\n    parameters:\n      min_hann: 4\n", to: ".jiaodui.yml")
        let unknown = try run(["lint", "a.txt"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains(".jiaodui.yml:4:17: rules.duplicate-phrase.parameters.min_hann: 规则没有这个参数；可有："), unknown.stderr)
        try write("rules:\n  duplicate-phrase:\n    parameters:\n      min_han: many\n", to: ".jiaodui.yml")
        let wrongType = try run(["lint", "a.txt"])
        XCTAssertEqual(wrongType.status, 2)
        XCTAssertTrue(wrongType.stderr.contains(".jiaodui.yml:4:16: rules.duplicate-phrase.parameters.min_han: 需要整数"), wrongType.stderr)
    }
}
