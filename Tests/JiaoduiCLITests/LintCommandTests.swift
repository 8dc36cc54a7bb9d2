import Foundation
import XCTest

final class LintCommandTests: CLITestCase {
    func testCleanFileExitsZeroAndSaysSo() throws {
        try write(Fixture.clean, to: "clean.txt")
        let r = try run(["lint", "clean.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "0 个问题（0 错误，0 警告，0 提示），共 1 个文件；差错率 0.0/万字（按 error=1、warning=1、info=0 计）\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testLintIsTheDefaultCommand() throws {
        try write(Fixture.comma, to: "a.txt")
        let r = try run(["a.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("a.txt:1:7: warning[halfwidth-punctuation]"), r.stdout)
    }

    func testFailOnThresholds() throws {
        try write(Fixture.comma, to: "warning.txt")
        try write(Fixture.duplicate, to: "error.txt")
        // Default threshold: warning.
        XCTAssertEqual(try run(["lint", "warning.txt"]).status, 1)
        XCTAssertEqual(try run(["lint", "--fail-on", "error", "warning.txt"]).status, 0)
        XCTAssertEqual(try run(["lint", "--fail-on", "error", "error.txt"]).status, 1)
        XCTAssertEqual(try run(["lint", "--fail-on", "info", "warning.txt"]).status, 1)
        XCTAssertEqual(try run(["lint", "--fail-on", "never", "error.txt", "warning.txt"]).status, 0)
        XCTAssertEqual(try run(["lint", "--fail-on", "sometimes", "warning.txt"]).status, 2)
    }

    func testNoPathIsAUsageError() throws {
        let r = try run(["lint"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("Usage: jiaodui lint"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try run([]).status, 2)
    }

    func testTextFormatHeaderSourceLineCaretsAndSummary() throws {
        try write(Fixture.duplicate, to: "dup.txt")
        let r = try run(["lint", "dup.txt"])
        XCTAssertEqual(r.status, 1)
        let lines = r.stdout.components(separatedBy: "\n")
        // Column 13: 𠮷 is one character, though two UTF-16 units and four bytes.
        XCTAssertEqual(lines[0], "dup.txt:1:13: error[duplicate-phrase] 以下文字重复了一遍，请删去后一处：“我为群众办实事”")
        XCTAssertEqual(lines[1], "1 | " + Fixture.duplicate)
        // 𠮷开展 and the Han inside the quotes take two columns each, the curly quotes one:
        // 22 columns before the second copy, 16 under it.
        XCTAssertEqual(lines[2], "  | " + String(repeating: " ", count: 22) + String(repeating: "^", count: 16)
            + " 删去重复的 “我为群众办实事”")
        XCTAssertEqual(lines.last(where: { !$0.isEmpty }), "1 个问题（1 错误，0 警告，0 提示），共 1 个文件；差错率 400.0/万字（按 error=1、warning=1、info=0 计）")
    }

    func testSpanAcrossLinesShowsBothSidesOfTheBreak() throws {
        let first = "2024年以来，累计开展理论学习中心组、三会一课等各"
        try write(first + "\n\n类学习活动20余次。\n", to: "wrap.txt")
        let r = try run(["lint", "--rule", "broken-wrap", "wrap.txt"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("wrap.txt:1:"), lines[0])
        XCTAssertTrue(lines[0].contains("warning[broken-wrap]"), lines[0])
        XCTAssertEqual(lines[1], "1 | 2024年以来，累计开展理论学习中心组、三会一课等各")
        let caretLine = lines[2]
        let carets = caretLine.filter { $0 == "^" }.count
        XCTAssertGreaterThan(carets, 0)
        // The carets end under the last character of line 1: "2024" and then wide characters.
        let prefix = caretLine.prefix { $0 != "^" }
        XCTAssertEqual(prefix.count - 4 + carets, 4 + 2 * (first.count - 4), caretLine)
        // The line after the break is shown too, underlined up to the end of the finding.
        XCTAssertEqual(lines[3], "3 | 类学习活动20余次。")
        XCTAssertEqual(lines[4], "  | ^^")
    }

    func testLongLinesAreShownAsAWindowAroundTheFinding() throws {
        let long = "玛纳斯县司法局严格落实第一议题制度，规范主题党日和组织生活会等党内组织生活制度，以制度规范组织生活，"
            + "筑牢党建之基，不断提高党员干部的政治判断力和政治执行力。组织开展党纪学习教育，通过集中学习、观看视频、"
            + "分享感悟和体会，推进党员干部廉政教育常态化。最后一句,结束。"
        try write(long + "\n", to: "long.txt")
        let column = long.unicodeScalars.firstIndex(of: ",").map { long.unicodeScalars.distance(from: long.unicodeScalars.startIndex, to: $0) + 1 }!
        let r = try run(["lint", "long.txt"])
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "long.txt:1:\(column): warning[halfwidth-punctuation] 中文里用了半角“,”，应改为全角“，”。")
        XCTAssertTrue(lines[1].hasPrefix("1 | ..."), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("最后一句,结束。"), lines[1])
        XCTAssertLessThan(lines[1].count, 50, "a window, not the whole line")
        XCTAssertTrue(lines[2].hasSuffix("^ 改为“，”"), lines[2])
        // The caret sits under the comma: both lines have the same display width up to it.
        let upToComma = lines[1].prefix { $0 != "," }
        let wide = upToComma.unicodeScalars.filter { $0.value >= 0x1100 }.count
        XCTAssertEqual(lines[2].prefix { $0 != "^" }.count, upToComma.count + wide)
    }

    func testJSONShapeWithUTF16Positions() throws {
        try write(Fixture.duplicate, to: "dup.txt")
        try write(Fixture.clean, to: "clean.txt")
        let r = try run(["lint", "--format", "json", "dup.txt", "clean.txt"])
        XCTAssertEqual(r.status, 1)
        let root = try json(r)
        XCTAssertEqual(root["version"] as? Int, 1)
        let files = try XCTUnwrap(root["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["dup.txt", "clean.txt"])
        XCTAssertEqual((files[1]["diagnostics"] as? [Any])?.count, 0, "a file without findings is still listed")

        let diagnostics = try XCTUnwrap(files[0]["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 1)
        let d = diagnostics[0]
        XCTAssertEqual(d["rule"] as? String, "duplicate-phrase")
        XCTAssertEqual(d["severity"] as? String, "error")
        XCTAssertEqual(d["message"] as? String, "以下文字重复了一遍，请删去后一处：“我为群众办实事”")
        let range = try XCTUnwrap(d["range"] as? [String: [String: Int]])
        // 𠮷 is two UTF-16 code units: the second “ is at unit 13 (scalar 12).
        XCTAssertEqual(range["start"], ["line": 0, "character": 13])
        XCTAssertEqual(range["end"], ["line": 0, "character": 22])
        let fixes = try XCTUnwrap(d["fixes"] as? [[String: Any]])
        XCTAssertEqual(fixes.count, 1)
        XCTAssertNotNil(fixes[0]["title"] as? String)
        let edits = try XCTUnwrap(fixes[0]["edits"] as? [[String: Any]])
        XCTAssertEqual(edits.first?["newText"] as? String, "")
        XCTAssertEqual((edits.first?["range"] as? [String: [String: Int]])?["start"], ["line": 0, "character": 13])

        let summary = try XCTUnwrap(root["summary"] as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, 2)
        XCTAssertEqual(summary["diagnostics"] as? Int, 1)
        XCTAssertEqual(summary["errors"] as? Int, 1)
        XCTAssertEqual(summary["warnings"] as? Int, 0)
        // 25 + 17 characters (whitespace not counted), one error: 10000 / 42 = 238.095…
        XCTAssertEqual(summary["characters"] as? Int, 42)
        XCTAssertEqual(summary["errorRatePer10k"] as? Double, 238.1)
    }

    func testJSONPositionsOnLaterLines() throws {
        try write("第一行没有问题。\r\n𠮷𠮷今天天气很好,我们去公园散步。\n", to: "crlf.txt")
        let r = try run(["lint", "--format", "json", "crlf.txt"])
        let d = try XCTUnwrap(((try json(r)["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.first)
        let range = try XCTUnwrap(d["range"] as? [String: [String: Int]])
        XCTAssertEqual(range["start"], ["line": 1, "character": 10])
        XCTAssertEqual(range["end"], ["line": 1, "character": 11])
    }

    func testStdin() throws {
        let r = try run(["lint", "-"], stdin: Fixture.comma)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.hasPrefix("<stdin>:1:7: warning[halfwidth-punctuation] "), r.stdout)

        let j = try run(["lint", "--format", "json", "-"], stdin: Fixture.clean)
        XCTAssertEqual(j.status, 0)
        XCTAssertEqual((try json(j)["files"] as? [[String: Any]])?.first?["path"] as? String, "<stdin>")
    }

    func testDirectoriesAreSearchedForTextAndMarkdown() throws {
        try write(Fixture.comma, to: "book/a.txt")
        try write(Fixture.clean, to: "book/ch2/b.md")
        try write(Fixture.comma, to: "book/ch2/notes.rst")
        try write(Fixture.comma, to: "book/.hidden/c.txt")
        try write(Fixture.comma, to: "book/.build/d.txt")
        try write(Fixture.clean, to: "book/z.TXT")
        let r = try run(["lint", "--format", "json", "book"])
        XCTAssertEqual(r.status, 1)
        let paths = (try json(r)["files"] as? [[String: Any]])?.map { $0["path"] as? String }
        XCTAssertEqual(paths, ["book/a.txt", "book/ch2/b.md", "book/z.TXT"])
    }

    func testInvalidUTF8IsReportedWithItsByteOffsetAndOtherFilesStillLinted() throws {
        var bad = Data("你好".utf8)  // 6 bytes
        bad.append(0xFF)
        bad.append(contentsOf: Data("世界".utf8))
        try write(bad, to: "bad.txt")
        try write(Fixture.comma, to: "good.txt")
        let r = try run(["lint", "bad.txt", "good.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("jiaodui: error: bad.txt: 不是有效的 UTF-8（第 6 字节）/ not valid UTF-8 at byte 6"), r.stderr)
        XCTAssertTrue(r.stdout.contains("good.txt:1:7: warning[halfwidth-punctuation]"), r.stdout)

        let j = try run(["lint", "--format", "json", "bad.txt", "good.txt"])
        XCTAssertEqual(j.status, 2)
        let root = try json(j)
        XCTAssertEqual((root["files"] as? [[String: Any]])?.map { $0["path"] as? String }, ["good.txt"])
        let errors = try XCTUnwrap(root["errors"] as? [[String: String]])
        XCTAssertEqual(errors.first?["path"], "bad.txt")
        XCTAssertTrue(errors.first?["message"]?.contains("byte 6") ?? false)
    }

    func testMissingFileIsAnErrorAndTheRestIsLinted() throws {
        try write(Fixture.comma, to: "good.txt")
        let r = try run(["lint", "missing.txt", "good.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("jiaodui: error: missing.txt: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("no such file or directory"), r.stderr)
        XCTAssertTrue(r.stdout.contains("good.txt:1:7:"), r.stdout)
    }

    /// As root the run is made as `nobody`, whom permissions bind.
    func testUnreadableFileIsAnError() throws {
        try write(Fixture.comma, to: "secret.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("secret.txt").path)
        let r = try run(["lint", "secret.txt"], unprivileged: true)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("secret.txt: "), r.stderr)
    }

    func testRuleOptionRunsOnlyTheNamedRules() throws {
        try write(Fixture.duplicate + "\n" + Fixture.comma, to: "both.txt")
        let only = try run(["lint", "--format", "json", "--rule", "halfwidth-punctuation", "both.txt"])
        let rules = ((try json(only)["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?
            .map { $0["rule"] as? String }
        XCTAssertEqual(rules, ["halfwidth-punctuation"])

        let unknown = try run(["lint", "--rule", "no-such-rule", "both.txt"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no-such-rule"), unknown.stderr)
        for id in ["duplicate-phrase", "broken-wrap", "wrap-duplicate-char", "truncated-sentence", "halfwidth-punctuation"] {
            XCTAssertTrue(unknown.stderr.contains(id), "the error lists the valid ids: \(unknown.stderr)")
        }
    }

    func testEnglishLocale() throws {
        try write(Fixture.comma, to: "a.txt")
        let r = try run(["lint", "--locale", "en", "a.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("a.txt:1:7: warning[halfwidth-punctuation] Half-width “,” in Chinese text; use full-width “，”."), r.stdout)
        XCTAssertTrue(r.stdout.contains("^ Replace with “，”"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("1 problem (0 errors, 1 warning, 0 info) in 1 file; error rate 666.7 per 10,000 characters (error=1, warning=1, info=0)\n"), r.stdout)
    }

    func testRulesDirectoryReplacesTheBuiltInRules() throws {
        try write("""
            id: halfwidth-punctuation
            severity: error
            name: {zh: 半角逗号, en: Half-width comma}
            message:
              zh: "这里不该用“{mark}”"
              en: "no “{mark}” here"
            parameters:
              ascii: ","
              fullwidth: "，"
            """, to: "myrules/comma.yml")
        try write(Fixture.duplicate + "\n" + Fixture.comma, to: "a.txt")
        let r = try run(["lint", "--rules", "myrules", "a.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("a.txt:2:7: error[halfwidth-punctuation] 这里不该用“,”"), r.stdout)
        XCTAssertFalse(r.stdout.contains("duplicate-phrase"), "only the rules in DIR run")
    }

    func testMalformedRuleFileIsAnErrorNamingFileAndLine() throws {
        try write("id: broken-wrap\nname: 断行\nseverity: fatal\n", to: "badrules/broken-wrap.yml")
        try write(Fixture.clean, to: "a.txt")
        let r = try run(["lint", "--rules", "badrules", "a.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("badrules/broken-wrap.yml:3:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("severity"), r.stderr)

        try write("id: broken-wrap\nseverity: [warning\n", to: "yaml/broken-wrap.yml")
        let y = try run(["lint", "--rules", "yaml", "a.txt"])
        XCTAssertEqual(y.status, 2)
        XCTAssertTrue(y.stderr.contains("yaml/broken-wrap.yml:"), y.stderr)

        let missing = try run(["lint", "--rules", "nowhere", "a.txt"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere"), missing.stderr)
    }

    func testManyFilesInParallelAreReportedInInputOrder() throws {
        var names: [String] = []
        for i in (0..<16).reversed() {
            let name = "f\(i).txt"
            try write(i.isMultiple(of: 3) ? Fixture.comma : Fixture.clean, to: name)
            names.append(name)
        }
        let r = try run(["lint", "--format", "json", "--jobs", "4"] + names)
        XCTAssertEqual((try json(r)["files"] as? [[String: Any]])?.map { $0["path"] as? String }, names)
        let text = try run(["lint", "-j", "3"] + names)
        let reported = text.stdout.components(separatedBy: "\n").filter { $0.contains("warning[") }.map { $0.prefix { $0 != ":" } }
        XCTAssertEqual(reported.map(String.init), names.filter { Int($0.dropFirst().prefix { $0.isNumber })!.isMultiple(of: 3) })
        XCTAssertEqual(try run(["lint", "--jobs", "0", "f0.txt"]).status, 2)
    }

    func testSeedPage() throws {
        let seed = Self.packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt")
        let r = try run(["lint", "--format", "json", seed.path])
        XCTAssertEqual(r.status, 1)
        let rules = Set(((try json(r)["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? [])
            .compactMap { $0["rule"] as? String })
        XCTAssertEqual(rules, ["duplicate-phrase", "broken-wrap", "wrap-duplicate-char", "truncated-sentence", "spliced-fragment",
                               "halfwidth-punctuation"])
    }
}
