import Foundation
import XCTest

/// The CI gate of `lint`: baselines, --diff-base and the error rate.
final class GateTests: CLITestCase {
    static let page = "𠮷开展“我为群众办实事”“我为群众办实事”等活动,请大家参加。\n\n今天天气很好,我们去公园散步。\n"

    // MARK: baseline

    func testWriteBaselineRecordsEveryFindingAndExitsZero() throws {
        try write(Self.page, to: "a.txt")
        let r = try run(["lint", "--write-baseline", "base.json", "./a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("3"), r.stderr)
        let text = try read("base.json")
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(root["version"] as? Int, 1)
        let findings = try XCTUnwrap(root["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 3)
        XCTAssertEqual(Set(findings.map { $0["path"] as? String }), ["a.txt"], "./ is dropped")
        XCTAssertFalse(text.contains("\"line\""), "no line numbers in a baseline")
        // Sorted by rule, then context: deterministic whatever the order of the inputs.
        XCTAssertEqual(findings.map { $0["rule"] as? String }, ["duplicate-phrase", "halfwidth-punctuation", "halfwidth-punctuation"])
        try run(["lint", "--write-baseline", "again.json", "a.txt"])
        XCTAssertEqual(try read("again.json"), text)
    }

    func testBaselinedFindingsSurviveParagraphsInsertedAbove() throws {
        try write(Self.page, to: "a.txt")
        try run(["lint", "--write-baseline", "base.json", "a.txt"])
        XCTAssertEqual(try run(["lint", "--baseline", "base.json", "a.txt"]).status, 0)
        // Two new paragraphs above, re-indented lines, a new paragraph below.
        try write("新加的第一段。\n\n新加的第二段，也没有问题。\n\n" + Self.page.replacingOccurrences(of: "今天", with: "　　今天")
                  + "\n最后又加了一段。\n", to: "a.txt")
        let r = try run(["lint", "--baseline", "base.json", "a.txt"])
        XCTAssertEqual(r.status, 0, r.stdout)
        XCTAssertTrue(r.stdout.hasPrefix("0 个问题"), r.stdout)
    }

    func testANewFindingIsReportedAndFails() throws {
        try write(Self.page, to: "a.txt")
        try run(["lint", "--write-baseline", "base.json", "a.txt"])
        try write(Self.page + "\n明天还要去,后天也去。\n", to: "a.txt")
        let r = try run(["lint", "--baseline", "base.json", "a.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.hasPrefix("a.txt:5:6: warning[halfwidth-punctuation]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1 个问题（0 错误，1 警告，0 提示）"), r.stdout)
    }

    func testTheSameMistakeOnceMoreIsNew() throws {
        // Identical contexts are told apart by their occurrence index.
        try write("我们去,\n", to: "a.txt")
        try run(["lint", "--rule", "halfwidth-punctuation", "--write-baseline", "base.json", "a.txt"])
        try write("我们去,\n我们去,\n", to: "a.txt")
        let r = try run(["lint", "--rule", "halfwidth-punctuation", "--baseline", "base.json", "--format", "github", "a.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1, r.stdout)
    }

    func testAFixedFindingIsFine() throws {
        try write(Self.page, to: "a.txt")
        try run(["lint", "--write-baseline", "base.json", "a.txt"])
        try write(Self.page.replacingOccurrences(of: "好,", with: "好，"), to: "a.txt")
        XCTAssertEqual(try run(["lint", "--baseline", "base.json", "a.txt"]).status, 0)
    }

    func testABaselineIsPerPath() throws {
        try write(Self.page, to: "a.txt")
        try write(Self.page, to: "b.txt")
        try run(["lint", "--write-baseline", "base.json", "a.txt"])
        let r = try run(["lint", "--baseline", "base.json", "--format", "github", "a.txt", "b.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.stdout.contains("file=a.txt"), r.stdout)
        XCTAssertEqual(r.stdout.components(separatedBy: "file=b.txt").count - 1, 3, r.stdout)
    }

    func testAMalformedBaselineIsAnErrorNamingTheFileAndTheReason() throws {
        try write(Self.page, to: "a.txt")
        let cases: [(String, String)] = [
            ("{not json", "not JSON"),
            ("[]", "the top level must be an object"),
            (#"{"version":2,"findings":[]}"#, "version must be 1"),
            (#"{"version":1}"#, "no findings array"),
            (#"{"version":1,"findings":[{"rule":"x","path":"a.txt","context":"c","occurrence":-1}]}"#, "findings[0] needs"),
        ]
        for (text, reason) in cases {
            try write(text, to: "bad.json")
            let r = try run(["lint", "--baseline", "bad.json", "a.txt"])
            XCTAssertEqual(r.status, 2, text)
            XCTAssertTrue(r.stderr.contains("bad.json: 不是有效的基线文件"), r.stderr)
            XCTAssertTrue(r.stderr.contains(reason), "\(text): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        let missing = try run(["lint", "--baseline", "nowhere.json", "a.txt"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere.json: 没有这个文件或目录"), missing.stderr)
    }

    func testNoBaselineIsWrittenWhenAnInputCannotBeRead() throws {
        try write(Self.page, to: "a.txt")
        let r = try run(["lint", "--write-baseline", "base.json", "a.txt", "missing.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("base.json").path))
    }

    // MARK: --diff-base

    private func git(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }

    func testDiffBaseReportsOnlyFindingsOnChangedLines() throws {
        try git(["init", "-q"])
        try write("旧的一行,没有改。\n\n这一行会改。\n\n这一行也不改,照旧。\n", to: "a.txt")
        try git(["add", "a.txt"])
        try git(["commit", "-q", "-m", "one"])
        try write("旧的一行,没有改。\n\n这一行改了,有新问题。\n\n这一行也不改,照旧。\n", to: "a.txt")
        try write("没有提交的文件,整个都算改动。\n", to: "new.txt")

        let r = try run(["lint", "--diff-base", "HEAD", "--format", "github", "a.txt", "new.txt"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("::warning file=a.txt,line=3,"), r.stdout)
        XCTAssertTrue(lines[1].hasPrefix("::warning file=new.txt,line=1,"), r.stdout)

        // Committed: nothing changed since HEAD; the older revision still sees line 3.
        try git(["add", "a.txt", "new.txt"])
        try git(["commit", "-q", "-m", "two"])
        XCTAssertEqual(try run(["lint", "--diff-base", "HEAD", "a.txt", "new.txt"]).status, 0)
        let since = try run(["lint", "--diff-base", "HEAD~1", "--format", "github", "a.txt"])
        XCTAssertEqual(since.stdout.split(separator: "\n").count, 1, since.stdout)
    }

    func testDiffBaseTakesNamesLiterallyAndAChangedWordDocumentWhole() throws {
        try git(["init", "-q"])
        try write("旧的,错误。\n", to: "a[1].txt")
        try write("另一个文件。\n", to: "a1.txt")
        let docx = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/稿件.docx"))
        try write(docx, to: "稿件.docx")
        try git(["add", "."])
        try git(["commit", "-q", "-m", "one"])
        // Only a1.txt changes: a[1].txt, as a pattern, would take a1.txt's hunks.
        try write("另一个文件改了。\n", to: "a1.txt")
        XCTAssertEqual(try run(["lint", "--diff-base", "HEAD", "a[1].txt"]).stdout.contains("旧的"), false)
        XCTAssertEqual(try run(["lint", "--diff-base", "HEAD", "稿件.docx"]).status, 0, "an unchanged Word document: nothing")
        // A changed Word document has no line hunks: all of it counts.
        let other = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/修订.docx"))
        try write(other, to: "稿件.docx")
        let changed = try run(["lint", "--diff-base", "HEAD", "--format", "github", "稿件.docx"])
        XCTAssertEqual(changed.status, 1, changed.stderr)
        XCTAssertTrue(changed.stdout.contains("title=halfwidth-punctuation"), changed.stdout)
    }

    func testDiffBaseOutsideARepositoryOrWithAnUnknownRevisionIsAnError() throws {
        try write(Fixture.comma, to: "a.txt")
        let outside = try run(["lint", "--diff-base", "HEAD", "a.txt"])
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("not in a git repository"), outside.stderr)
        XCTAssertEqual(outside.stdout, "")

        try git(["init", "-q"])
        try git(["add", "a.txt"])
        try git(["commit", "-q", "-m", "one"])
        let unknown = try run(["lint", "--diff-base", "no-such-rev", "a.txt"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown revision “no-such-rev”"), unknown.stderr)
        let option = try run(["lint", "--diff-base=--output=x.txt", "a.txt"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.contains("is not a revision"), option.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.txt").path))
    }

    // MARK: error rate

    func testMaxErrorRateFailsEvenWhenFailOnWouldNot() throws {
        // 15 characters, one warning: 666.7 per 10,000.
        try write(Fixture.comma, to: "a.txt")
        XCTAssertEqual(try run(["lint", "--fail-on", "never", "a.txt"]).status, 0)
        XCTAssertEqual(try run(["lint", "--fail-on", "never", "--max-error-rate", "666", "a.txt"]).status, 1)
        XCTAssertEqual(try run(["lint", "--fail-on", "never", "--max-error-rate", "667", "a.txt"]).status, 0)
        XCTAssertEqual(try run(["lint", "--max-error-rate", "-1", "a.txt"]).status, 2)
    }

    func testErrorRateIsOverAllFilesAndInfoCountsZero() throws {
        // One warning in 15 characters plus 1,385 clean ones (whitespace not counted): 1 per 1,400
        // = 7.1 per 10,000.
        try write(Fixture.comma, to: "a.txt")
        try write(String(repeating: "这是一段干净的文字，没有任何问题。\n\n", count: 81) + "  干净的文字啊啊啊\n", to: "b.txt")
        let only = "--rule=halfwidth-punctuation"
        let r = try run(["lint", only, "--fail-on", "never", "--max-error-rate", "7", "a.txt", "b.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.hasSuffix("；差错率 7.1/万字（按 error=1、warning=1、info=0 计）\n"), r.stdout)
        XCTAssertEqual(try run(["lint", only, "--fail-on", "never", "--max-error-rate", "7.2", "a.txt", "b.txt"]).status, 0)
        let json = try json(try run(["lint", only, "--format", "json", "a.txt", "b.txt"]))
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["characters"] as? Int, 1400)
        XCTAssertEqual(summary["errorRatePer10k"] as? Double, 7.14)

        // A spliced fragment is an info: reported, not counted.
        let seed = Self.packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt").path
        let info = try run(["lint", "--rule", "spliced-fragment", "--format", "json", seed])
        let infoSummary = try XCTUnwrap(try self.json(info)["summary"] as? [String: Any])
        XCTAssertEqual(infoSummary["infos"] as? Int, 1)
        XCTAssertEqual(infoSummary["errorRatePer10k"] as? Double, 0)
    }
}
