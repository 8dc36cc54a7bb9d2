import Foundation
import XCTest

/// The integration files shipped for other tools must describe commands that exist.
final class IntegrationFileTests: CLITestCase {
    func testPreCommitHooksNameRealCommandsAndTheRightFiles() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        func values(_ key: String) -> [String] {
            text.split(separator: "\n").compactMap { line in
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                guard trimmed.hasPrefix(key + ": ") else { return nil }
                return String(trimmed.dropFirst(key.count + 2))
            }
        }
        XCTAssertEqual(values("id"), ["jiaodui", "jiaodui-system"])
        for entry in values("entry") {
            let words = entry.split(separator: " ").map(String.init)
            XCTAssertEqual(words.first, "jiaodui")
            XCTAssertEqual(try run(Array(words.dropFirst()) + ["--help"]).status, 0, "`\(entry)` is a jiaodui command")
        }
        for pattern in values("files") {
            let regex = try NSRegularExpression(pattern: pattern)
            func matches(_ name: String) -> Bool {
                regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
            XCTAssertTrue(["稿件.txt", "a/b.md", "c.docx"].allSatisfy(matches), pattern)
            XCTAssertFalse(["main.swift", "x.txt.orig"].contains(where: matches), pattern)
        }
    }
}

final class WorkflowExampleTests: CLITestCase {
    func testTheGitHubWorkflowExampleIsTheReadmeRecipeAndItsCommandsParse() throws {
        let example = try String(contentsOf: Self.packageRoot.appendingPathComponent("examples/github/proofread.yml"), encoding: .utf8)
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("```yaml\n" + example + "```\n"), "README's GitHub Actions recipe and examples/github/proofread.yml differ")
        let commands = example.split(separator: "\n").compactMap { line -> [String]? in
            guard let at = line.range(of: "run: jiaodui ") else { return nil }
            return line[at.upperBound...].split(separator: " ").map(String.init)
        }
        XCTAssertEqual(commands.count, 3)
        try write("今天天气很好，我们去公园散步。\n", to: "docs/a.txt")
        for words in commands {
            // Expressions GitHub fills in, and the shell redirection, are not jiaodui's.
            var args = words.prefix { $0 != ">" }.map { $0.hasPrefix("${{") ? "HEAD" : $0 }
            if let i = args.firstIndex(of: "--baseline") { args.removeSubrange(i...(i + 1)) }
            if args.contains("--diff-base") { continue }  // needs a git repository; tested elsewhere
            let r = try run(args)
            XCTAssertNotEqual(r.status, 2, "`jiaodui \(words.joined(separator: " "))` is refused: \(r.stderr)")
        }
    }
}
