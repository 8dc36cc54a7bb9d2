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
