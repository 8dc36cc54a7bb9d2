import Foundation
import XCTest

final class FixCommandTests: CLITestCase {
    func testFixRewritesTheFileAndKeepsItsPermissions() throws {
        try write(Fixture.comma + "第二行也有问题,对吧。\n", to: "a.txt")
        let path = dir.appendingPathComponent("a.txt").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let r = try run(["fix", "a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try read("a.txt"), Fixture.commaFixed + "第二行也有问题，对吧。\n")
        XCTAssertEqual((try attributes("a.txt")[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertTrue(r.stderr.contains("已修正 2 处（1 个文件）"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["a.txt"])
        // A second run finds nothing to do.
        let again = try run(["fix", "a.txt"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("已修正 0 处（0 个文件）"), again.stderr)
    }

    func testFileWithNothingToFixIsNotTouched() throws {
        try write(Fixture.clean, to: "clean.txt")
        try write(Fixture.comma, to: "dirty.txt")
        let path = dir.appendingPathComponent("clean.txt").path
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        let inode = try attributes("clean.txt")[.systemFileNumber] as? NSNumber

        let r = try run(["fix", "clean.txt", "dirty.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try attributes("clean.txt")[.modificationDate] as? Date, past)
        XCTAssertEqual(try attributes("clean.txt")[.systemFileNumber] as? NSNumber, inode)
        XCTAssertEqual(try read("clean.txt"), Fixture.clean)
        XCTAssertEqual(try read("dirty.txt"), Fixture.commaFixed)
        XCTAssertTrue(r.stderr.contains("已修正 1 处（1 个文件）"), r.stderr)
    }

    func testFixThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws {
        try write(Fixture.comma, to: "real.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path, withDestinationPath: "real.txt")
        XCTAssertEqual(try run(["fix", "link.txt"]).status, 0)
        XCTAssertEqual(try read("real.txt"), Fixture.commaFixed)
        XCTAssertEqual(try attributes("link.txt")[.type] as? FileAttributeType, .typeSymbolicLink)
    }

    func testUnfixableFindingsLeftMakeExitStatusOne() throws {
        try write(Fixture.comma + "\n" + Fixture.truncated, to: "a.txt")
        let r = try run(["fix", "a.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(try read("a.txt").hasPrefix(Fixture.commaFixed), "the fixable part is still fixed")
        XCTAssertTrue(r.stderr.contains("a.txt:3:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("warning[truncated-sentence]"), r.stderr)
        XCTAssertTrue(r.stderr.contains("已修正 1 处（1 个文件），另有 1 处需人工处理"), r.stderr)
        XCTAssertEqual(try run(["fix", "--fail-on", "error", "a.txt"]).status, 0)
        XCTAssertEqual(try run(["fix", "--fail-on", "never", "a.txt"]).status, 0)
    }

    func testDryRunPrintsAUnifiedDiffAndChangesNothing() throws {
        let lines = ["第一行。", "第二行。", "第三行。", "第四行。", "今天天气很好,我们去公园散步。", "第六行。", "第七行。",
                     "第八行。", "第九行。", "最后一行,没有换行符"]
        let text = lines.joined(separator: "\n")
        try write(text, to: "a.txt")
        let before = try attributes("a.txt")[.modificationDate] as? Date
        let r = try run(["fix", "--dry-run", "a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The two changes are 4 lines apart, less than twice the context: one hunk, as diff -u has it.
        XCTAssertEqual(r.stdout, """
            --- a/a.txt
            +++ b/a.txt
            @@ -2,9 +2,9 @@
             第二行。
             第三行。
             第四行。
            -今天天气很好,我们去公园散步。
            +今天天气很好，我们去公园散步。
             第六行。
             第七行。
             第八行。
             第九行。
            -最后一行,没有换行符
            \\ No newline at end of file
            +最后一行，没有换行符
            \\ No newline at end of file

            """)
        XCTAssertEqual(try read("a.txt"), text)
        XCTAssertEqual(try attributes("a.txt")[.modificationDate] as? Date, before)
        XCTAssertTrue(r.stderr.contains("可修正 2 处（1 个文件"), r.stderr)
    }

    func testChangesFarApartMakeSeparateHunks() throws {
        var lines = (1...20).map { "第\($0)行没有问题。" }
        lines[2] = "今天天气很好,我们去公园散步。"
        lines[16] = "明天也许会下雨,记得带伞。"
        try write(lines.joined(separator: "\n") + "\n", to: "a.txt")
        let r = try run(["fix", "--dry-run", "a.txt"])
        let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("@@") }
        XCTAssertEqual(headers, ["@@ -1,6 +1,6 @@", "@@ -14,7 +14,7 @@"])
        XCTAssertTrue(r.stdout.contains("\n 第6行没有问题。\n@@ -14,7 +14,7 @@\n 第14行没有问题。\n"), r.stdout)
        for unchanged in 7...13 { XCTAssertFalse(r.stdout.contains("第\(unchanged)行"), "line \(unchanged) is outside the context") }
    }

    func testCRLFAndByteOrderMarkSurviveFixAndDiff() throws {
        let text = "\u{FEFF}第一行。\r\n今天天气很好,我们去公园散步。\r\n"
        try write(text, to: "crlf.txt")
        let diff = try run(["fix", "--dry-run", "crlf.txt"])
        XCTAssertEqual(diff.stdout, "--- a/crlf.txt\n+++ b/crlf.txt\n@@ -1,2 +1,2 @@\n \u{FEFF}第一行。\r\n"
            + "-今天天气很好,我们去公园散步。\r\n+今天天气很好，我们去公园散步。\r\n")
        XCTAssertEqual(try run(["fix", "crlf.txt"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("crlf.txt")),
                       Data("\u{FEFF}第一行。\r\n今天天气很好，我们去公园散步。\r\n".utf8))
    }

    func testDryRunDiffAppliesWithPatch() throws {
        let seed = Self.packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt")
        let original = try Data(contentsOf: seed)
        try write(original, to: "seed.txt")
        let diff = try run(["fix", "--dry-run", "seed.txt"])
        XCTAssertTrue(diff.stdout.hasPrefix("--- a/seed.txt\n+++ b/seed.txt\n@@ "), diff.stdout)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("seed.txt")), original)

        // Fixing for real gives what the diff described: rebuild the new side from the hunks.
        _ = try run(["fix", "seed.txt"])
        let fixed = try read("seed.txt")
        XCTAssertNotEqual(fixed, String(decoding: original, as: UTF8.self))
        XCTAssertEqual(Self.applyUnifiedDiff(diff.stdout, to: String(decoding: original, as: UTF8.self)), fixed)
        // What is left has no fix: only the findings a person must look at.
        let left = try run(["lint", "--format", "json", "seed.txt"])
        let remaining = ((try json(left)["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        XCTAssertFalse(remaining.isEmpty)
        XCTAssertTrue(remaining.allSatisfy { ($0["fixes"] as? [Any])?.isEmpty ?? false }, "\(remaining)")
    }

    func testFixStdinToStdout() throws {
        let r = try run(["fix", "-"], stdin: Fixture.comma)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, Fixture.commaFixed)
        XCTAssertTrue(r.stderr.contains("已修正 1 处（1 个文件）"), r.stderr)

        let clean = try run(["fix", "-"], stdin: Fixture.clean)
        XCTAssertEqual(clean.stdout, Fixture.clean, "nothing to fix: the text comes back as it was")

        let english = try run(["fix", "--locale", "en", "-"], stdin: Fixture.duplicate)
        XCTAssertEqual(english.stdout, "𠮷开展“我为群众办实事”等活动。")
        XCTAssertTrue(english.stderr.contains("fixed 1 finding in 1 file"), english.stderr)
    }

    func testFixErrors() throws {
        XCTAssertEqual(try run(["fix"]).status, 2)
        try write(Data([0xE4, 0xBD]), to: "bad.txt")
        try write(Fixture.comma, to: "good.txt")
        let r = try run(["fix", "bad.txt", "good.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.txt: 不是有效的 UTF-8（第 0 字节）/ not valid UTF-8 at byte 0"), r.stderr)
        XCTAssertEqual(try read("good.txt"), Fixture.commaFixed, "the other file is still fixed")
        XCTAssertEqual(try run(["fix", "--rule", "nope", "good.txt"]).status, 2)
    }

    /// Rebuilds the new text from a unified diff of `old` (enough for the hunks jiaodui writes).
    static func applyUnifiedDiff(_ diff: String, to old: String) -> String {
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var cursor = 0
        var diffLines = diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if diffLines.last == "" { diffLines.removeLast() }
        var i = 2
        while i < diffLines.count {
            let header = diffLines[i]
            precondition(header.hasPrefix("@@ -"))
            let start = Int(header.dropFirst(4).prefix { $0.isNumber })!
            let from = max(0, start - 1)
            out += oldLines[cursor..<from]
            cursor = from
            i += 1
            while i < diffLines.count && !diffLines[i].hasPrefix("@@ ") {
                let line = diffLines[i]
                switch line.first {
                case " ": out.append(String(line.dropFirst())); cursor += 1
                case "-": cursor += 1
                case "+": out.append(String(line.dropFirst()))
                default: break
                }
                i += 1
            }
        }
        out += oldLines[cursor...]
        return out.joined(separator: "\n")
    }
}
