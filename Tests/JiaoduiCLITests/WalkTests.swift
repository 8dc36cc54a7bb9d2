import Foundation
import XCTest

/// Which files a directory walk lints, and the small things a shell user meets.
final class WalkTests: CLITestCase {
    func paths(_ r: RunResult) throws -> [String] {
        ((try json(r)["files"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
    }

    func testWalkHonoursGitignoreAndJiaoduiIgnoreAndSkipsBinaries() throws {
        try write("", to: "repo/.git/HEAD")
        try write("build/\n*.draft.txt\n!keep.draft.txt\n# a comment\n", to: "repo/.gitignore")
        try write("old\n", to: "repo/docs/.jiaodui-ignore")
        for name in ["a.txt", "build/b.txt", "old/c.txt", "x.draft.txt", "keep.draft.txt", "sub/d.md", "sub/old/e.txt"] {
            try write(Fixture.comma, to: "repo/docs/" + name)
        }
        try write(Data([0x61, 0x00, 0x62]), to: "repo/docs/scan.txt")
        let r = try run(["lint", "--format", "json", "repo/docs"])
        XCTAssertEqual(try paths(r), ["repo/docs/a.txt", "repo/docs/keep.draft.txt", "repo/docs/sub/d.md"],
                       "build/ and *.draft.txt from the repository's .gitignore (except the ! line), old from .jiaodui-ignore at any depth")
        XCTAssertTrue(r.stderr.contains("repo/docs/scan.txt：二进制文件，已跳过"), r.stderr)
        XCTAssertEqual(r.status, 1, "a skipped binary is a note, not an error")
        let named = try run(["lint", "repo/docs/scan.txt"])
        XCTAssertEqual(named.status, 0)
        XCTAssertTrue(named.stderr.contains("二进制文件，已跳过"))
        XCTAssertFalse(named.stderr.contains("检查中"), "no progress line when stderr is not a terminal")
    }

    func testUTF16TextIsAnEncodingErrorNotASkippedBinary() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "今天,天气好。".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try write(Data(bytes), to: "notepad.txt")
        let r = try run(["lint", "notepad.txt"])
        XCTAssertEqual(r.status, 2, "a gate must not pass on text it never read")
        XCTAssertTrue(r.stderr.contains("notepad.txt: 是 UTF-16 编码的文本；请另存为 UTF-8"), r.stderr)
    }

    func testOutputOrderDoesNotDependOnWorkers() throws {
        for i in 0..<30 { try write(i.isMultiple(of: 2) ? Fixture.comma : Fixture.duplicate, to: "many/f\(String(format: "%02d", i)).txt") }
        let one = try run(["lint", "--jobs", "1", "many"])
        let four = try run(["lint", "--jobs", "4", "many"])
        XCTAssertEqual(one.stdout, four.stdout)
        XCTAssertEqual(one.status, four.status)
    }

    func testShellCompletions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try run(["--generate-completion-script", shell])
            XCTAssertEqual(r.status, 0)
            XCTAssertTrue(r.stdout.contains("jiaodui"), shell)
            XCTAssertTrue(r.stdout.contains("lint"), "\(shell) completes the subcommands")
        }
    }
}
