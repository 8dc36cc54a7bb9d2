import Foundation
import XCTest

/// `lint` and `fix` on Markdown and HTML files, and inline suppression from the command line.
final class MarkupCommandTests: CLITestCase {
    /// A paragraph wrapped at 20 characters with a link: prose to Markdown, broken to plain text.
    let markdown = """
        # 标题

        本单位持续推进理论学习教育常态化、系统化、规范
        化，累计开展理论学习中心组、三会一课等各类学习
        活动二十余次，详见[报道](https://x.cn/a,b)。

        ```
        代码,逗号
        ```

        中文,逗号。

        """

    func testFormatFollowsTheExtension() throws {
        try write(markdown, to: "a.md")
        try write(markdown, to: "a.txt")
        let md = try run(["lint", "--format", "json", "a.md"])
        let rules = try ruleIDs(md.stdoutBytes)
        XCTAssertEqual(rules, ["halfwidth-punctuation"], md.stdout)
        let txt = try run(["lint", "--format", "json", "a.txt"])
        XCTAssertTrue(try ruleIDs(txt.stdoutBytes).contains("broken-wrap"), txt.stdout)
        // The one finding sits at line 10 (0-based), column 2, in the source.
        XCTAssertTrue(md.stdout.contains(#""start":{"character":2,"line":10}"#), md.stdout)
    }

    func testStdinIsPlainUnlessTold() throws {
        let plain = try run(["lint", "--format", "json", "-"], stdin: markdown)
        XCTAssertTrue(try ruleIDs(plain.stdoutBytes).contains("broken-wrap"))
        let md = try run(["lint", "--format", "json", "--input-format", "markdown", "-"], stdin: markdown)
        XCTAssertEqual(try ruleIDs(md.stdoutBytes), ["halfwidth-punctuation"])
    }

    func testDirectoryWalkReadsMarkdownFiles() throws {
        try write(markdown, to: "docs/b.markdown")
        let r = try run(["lint", "--format", "json", "docs"])
        XCTAssertEqual(try ruleIDs(r.stdoutBytes), ["halfwidth-punctuation"], r.stdout)
    }

    func testFixChangesOnlyProse() throws {
        try write(markdown, to: "a.md")
        let r = try run(["fix", "a.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try read("a.md"), markdown.replacingOccurrences(of: "中文,逗号。", with: "中文，逗号。"))
    }

    func testSuppressionAndUnusedDirectives() throws {
        let text = "<!-- jiaodui-disable-next-line halfwidth-punctuation -->\n中文,逗号。\n<!-- jiaodui-disable-next-line broken-wrap -->\n干净的一句话。\n"
        try write(text, to: "s.md")
        let quiet = try run(["lint", "s.md"])
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        let loud = try run(["lint", "--report-unused-disables", "s.md"])
        XCTAssertEqual(loud.status, 1)
        XCTAssertTrue(loud.stdout.contains("s.md:3:6: warning[unused-suppression]"), loud.stdout)
        // fix leaves suppressed text as written.
        XCTAssertEqual(try run(["fix", "s.md"]).status, 0)
        XCTAssertEqual(try read("s.md"), text)
    }

    private func ruleIDs(_ json: Data) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        let files = object["files"] as! [[String: Any]]
        return files.flatMap { ($0["diagnostics"] as! [[String: Any]]).map { $0["rule"] as! String } }
    }
}
