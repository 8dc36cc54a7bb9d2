import Foundation
import JiaoduiCore

/// The package root, found from this file's path (tests run from any directory).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let sharedLinter: Linter = try! Linter()

func lint(_ text: String, rules: Set<String>? = nil) -> [Diagnostic] {
    let linter = rules == nil ? sharedLinter : try! Linter(enabled: rules)
    return linter.lint(TextDocument(text))
}

/// Removes SwiftLint-style `↓` marks, returning the text and the scalar offsets where they stood.
func stripMarks(_ marked: String) -> (text: String, marks: [Int]) { ExampleCheck.stripMarks(marked) }

func readFixture(_ relative: String) throws -> Data {
    try Data(contentsOf: packageRoot.appendingPathComponent(relative))
}
