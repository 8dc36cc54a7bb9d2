import Foundation
@testable import JiaoduiCLI
import XCTest

/// Every kind of bad input, each with the behaviour the README's "Guarantees" section promises:
/// never a crash or a hang, never a half-written or lost file, a clear error (exit 2) while the
/// other inputs are still linted.
final class BadInputTests: CLITestCase {
    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func bytes(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }

    /// Nothing but the named files: no temporary file of a failed write is left behind.
    private func names(_ directory: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(directory)).sorted()
    }

    func testEmptyFileIsCleanAndFixLeavesItAlone() throws {
        try write("", to: "empty.txt")
        let r = try run(["lint", "empty.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try run(["fix", "empty.txt"]).status, 0)
        XCTAssertEqual(try bytes("empty.txt"), Data())
    }

    /// A NUL byte in the first 8 KB: binary, skipped with a note (not an error). A NUL later in a
    /// text file is a character like any other, and positions after it are right.
    func testNULBytes() throws {
        try write(Data("正文,".utf8) + Data([0]) + Data("后文".utf8), to: "early.txt")
        let clean = (1...400).map { "第\($0)段是一段干净的文字。\n" }.joined()  // 9 KB
        try write(Data(clean.utf8) + Data([0]) + Data("\n今天天气很好,我们去公园散步。\n".utf8), to: "late.txt")
        let r = try run(["lint", "--format", "json", "early.txt", "late.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("early.txt：二进制文件，已跳过") || r.stderr.contains("early.txt: binary file, skipped"), r.stderr)
        let files = (try json(r)["files"] as? [[String: Any]]) ?? []
        XCTAssertEqual(files.compactMap { $0["path"] as? String }, ["late.txt"])
        let comma = (files.first?["diagnostics"] as? [[String: Any]])?.first { $0["rule"] as? String == "halfwidth-punctuation" }
        let start = (comma?["range"] as? [String: Any])?["start"] as? [String: Any]
        XCTAssertEqual(start?["line"] as? Int, 401)
        XCTAssertEqual(start?["character"] as? Int, 6)
    }

    func testBinaryFileNamedOnTheCommandLineIsSkippedWithANote() throws {
        try write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), to: "image.txt")
        try write(Fixture.comma, to: "a.txt")
        let r = try run(["fix", "image.txt", "a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("image.txt"), r.stderr)
        XCTAssertEqual(try bytes("image.txt").count, 12, "never written")
        XCTAssertEqual(try read("a.txt"), Fixture.commaFixed)
    }

    /// Invalid UTF-8: an error naming the byte offset (exit 2), for `fix` as for `lint` (see
    /// LintCommandTests.testInvalidUTF8IsReportedWithItsByteOffsetAndOtherFilesStillLinted); the
    /// file is never written.
    func testFixNeverWritesInvalidUTF8() throws {
        let original = Data("今天,".utf8) + Data([0xE4, 0xB8]) + Data("好,".utf8)
        try write(original, to: "bad.txt")
        try write(Fixture.comma, to: "good.txt")
        let r = try run(["fix", "bad.txt", "good.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.txt: 不是有效的 UTF-8（第 7 字节）"), r.stderr)
        XCTAssertEqual(try bytes("bad.txt"), original)
        XCTAssertEqual(try read("good.txt"), Fixture.commaFixed)
    }

    /// A 10 MB file of one line: linted (and fixed) in bounded time and memory, positions right.
    func testTenMegabyteSingleLine() throws {
        let unit = "记者走访了多家医院了解到相关工作进展顺利"  // 20 characters, 60 bytes
        let line = String(repeating: unit, count: 10 * 1024 * 1024 / 60) + "，结尾,这里。"
        try write(line, to: "long.txt")
        let start = Date()
        let r = try run(["lint", "--format", "json", "long.txt"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 120)
        XCTAssertEqual(r.status, 1, r.stderr)
        let d = ((try json(r)["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        let start16 = ((d.last?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int
        XCTAssertEqual(start16, line.utf16.count - 4, "the comma before 这里")
    }

    /// LF, CRLF and CR in one file: each line keeps its own end through `fix`.
    func testMixedLineEndsSurviveFix() throws {
        let text = "\u{FEFF}今天天气很好,我们去公园。\r\n明天下雨,我们在家。\n后天,出门。\r最后一行,没有换行"
        try write(text, to: "mixed.txt")
        XCTAssertEqual(try run(["fix", "mixed.txt"]).status, 0)
        XCTAssertEqual(try read("mixed.txt"), text.replacingOccurrences(of: ",", with: "，"))
    }

    /// Unreadable files and directories: exit 2, each named, the others still linted. (As root
    /// the run is made as `nobody`, whom permissions bind.)
    func testUnreadableFilesAndDirectoriesAreErrorsAndTheRestIsLinted() throws {
        try write(Fixture.comma, to: "稿/ok.txt")
        try write(Fixture.comma, to: "稿/secret.txt")
        try write(Fixture.comma, to: "稿/locked/inside.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("稿/secret.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("稿/locked"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path("稿/locked")) }
        let r = try run(["lint", "稿"], unprivileged: true)
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("稿/secret.txt: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("稿/locked: "), r.stderr)
        XCTAssertTrue(r.stdout.contains("稿/ok.txt:1:7"), r.stdout)
    }

    /// Links that loop: named on the command line, an error (exit 2); met in a directory walk,
    /// skipped (links to directories are never followed, so the walk cannot cycle).
    func testSymlinkLoops() throws {
        try write(Fixture.comma, to: "稿/a.txt")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: path("稿/loop1.txt"), withDestinationPath: "loop2.txt")
        try fm.createSymbolicLink(atPath: path("稿/loop2.txt"), withDestinationPath: "loop1.txt")
        try fm.createSymbolicLink(atPath: path("稿/again"), withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: path("稿/up"), withDestinationPath: "..")
        let walked = try run(["lint", "稿"])
        XCTAssertEqual(walked.status, 1, walked.stderr)
        XCTAssertEqual(walked.stdout.components(separatedBy: "稿/a.txt:1:7").count, 2, "linted once: \(walked.stdout)")
        let named = try run(["lint", "稿/loop1.txt", "稿/a.txt"])
        XCTAssertEqual(named.status, 2)
        XCTAssertTrue(named.stderr.contains("稿/loop1.txt: "), named.stderr)
        XCTAssertTrue(named.stdout.contains("稿/a.txt:1:7"), named.stdout)
    }

    /// A file changed between `fix` reading it and writing it back is left as the other writer
    /// left it, and the fix is reported as not written.
    func testFileChangedWhileBeingFixedIsNotOverwritten() throws {
        try write(Fixture.comma, to: "a.txt")
        let theirs = Array("别人刚刚改过,这一行。\n".utf8)
        try Data(theirs).write(to: dir.appendingPathComponent("a.txt"))
        XCTAssertThrowsError(try AtomicWrite.replace(path("a.txt"), with: Array(Fixture.commaFixed.utf8), expecting: Array(Fixture.comma.utf8))) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("changed while being fixed") ?? false, "\(error)")
        }
        XCTAssertEqual(Array(try bytes("a.txt")), theirs)
        XCTAssertEqual(try names(), ["a.txt"], "no temporary file left")
        // Unchanged: written.
        try AtomicWrite.replace(path("a.txt"), with: Array(Fixture.commaFixed.utf8), expecting: theirs)
        XCTAssertEqual(try read("a.txt"), Fixture.commaFixed)
    }

    /// A write that fails part-way (here a file size limit, as a full disk would) leaves the
    /// original intact and no temporary file; exit 2; the other files are still fixed.
    func testFullDiskDuringFixLeavesTheOriginalIntact() throws {
        let big = (1...400).map { "第\($0)天，天气很好,我们去公园散步。\n" }.joined()  // 21 KB
        try write(big, to: "big.txt")
        try write(Fixture.comma, to: "small.txt")
        let binary = try XCTUnwrap(Self.binary)
        let r = try run(["-c", "ulimit -f 8; exec '\(binary.path)' fix big.txt small.txt"], shell: true)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("big.txt: 无法写入"), r.stderr)
        XCTAssertEqual(try read("big.txt"), big, "not a byte changed")
        XCTAssertEqual(try read("small.txt"), Fixture.commaFixed)
        XCTAssertEqual(try names(), ["big.txt", "small.txt"], "no temporary file left")
    }

    /// A read-only directory: the temporary file cannot be made; the original stays, exit 2.
    func testReadOnlyDirectoryDuringFixLeavesTheOriginalIntact() throws {
        try write(Fixture.comma, to: "ro/a.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path("ro/a.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path("ro"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path("ro")) }
        let r = try run(["fix", "ro/a.txt"], unprivileged: true)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("ro/a.txt: 无法写入"), r.stderr)
        XCTAssertEqual(try read("ro/a.txt"), Fixture.comma)
        XCTAssertEqual(try names("ro"), ["a.txt"])
    }

    /// A rule file whose pattern backtracks catastrophically: every match is cut off by ICU's time
    /// limit, and a pattern that keeps timing out is dropped, so the lint of many such lines ends
    /// in bounded time.
    func testCatastrophicPatternInARuleFileIsTimeBounded() throws {
        let rules = Self.packageRoot.appendingPathComponent("rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) where name.hasSuffix(".yml") {
            var text = try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)
            if name == "document.yml" {
                text = text.replacingOccurrences(of: "  list_patterns:\n", with: "  list_patterns:\n    - '(a+)+$'\n")
                text = text.replacingOccurrences(of: "  body_patterns:\n", with: "  body_patterns:\n    - '(a|aa)+$'\n    - '(a+)+$'\n")
            }
            try write(text, to: "rules/\(name)")
        }
        let line = String(repeating: "a", count: 40) + "!"
        try write(String(repeating: line + "\n", count: 2000) + Fixture.comma, to: "a.txt")
        let start = Date()
        let r = try run(["lint", "--rules", "rules", "a.txt"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "bounded")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("a.txt:2001:7"), r.stdout)
    }

    /// Gigantic values in a project configuration: numbers beyond any integer, huge strings and
    /// lists, deep nesting. Each is an error naming the file and line (exit 2) or is taken; none
    /// crashes or hangs.
    func testGiganticConfigValues() throws {
        try write(Fixture.comma, to: "a.txt")
        let huge = String(repeating: "我为群众办实事", count: 150_000)  // 3 MB
        let configs: [String] = [
            "rules:\n  broken-wrap:\n    parameters:\n      min_word_after_short_line: 99999999999999999999999999\n",
            "rules:\n  spliced-fragment:\n    parameters:\n      max_distance: 9223372036854775807\n",
            "rules:\n  spliced-fragment:\n    parameters:\n      min_length: -9223372036854775808\n",
            "rules:\n  wrap-duplicate-char:\n    parameters:\n      boundary_margin: 1e308\n",
            "rules:\n  document:\n    parameters:\n      heading_max_length: 1e999\n",
            "allow:\n  - \"\(huge)\"\n",
            "allow:\n" + String(repeating: "  - 我为群众办实事\n", count: 50_000),
            "ignore: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n",
            "rules:\n  broken-wrap: \"\(huge)\"\n",
        ]
        for (i, config) in configs.enumerated() {
            try write(config, to: ".jiaodui.yml")
            let start = Date()
            let r = try run(["lint", "a.txt"])
            XCTAssertLessThan(Date().timeIntervalSince(start), 60, "config \(i)")
            XCTAssertTrue([1, 2].contains(r.status), "config \(i): \(r.status) \(r.stderr.prefix(300))")
            if r.status == 2 { XCTAssertTrue(r.stderr.contains(".jiaodui.yml"), "config \(i): \(r.stderr.prefix(300))") }
        }
    }
}
