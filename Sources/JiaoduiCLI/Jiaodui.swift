import ArgumentParser
import Foundation
import JiaoduiCore

public struct Jiaodui: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jiaodui",
        abstract: "校对：中文出版物文字校对工具 / a proofreading linter for Chinese publication text",
        subcommands: [Lint.self, Segment.self],
        defaultSubcommand: Lint.self)

    public init() {}
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "检查文件 / lint files")

    @Option(name: .long) var format: String = "text"
    @Argument var paths: [String] = []

    func run() throws {
        let linter = try Linter()
        var results: [LintResult] = []
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let doc = try TextDocument(utf8: data)
            results.append(LintResult(path: path, document: doc, diagnostics: linter.lint(doc)))
        }
        print(JSONReport(results: results).render())
    }
}

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "显示分词结果 / show how the word list segments a text")
    @Argument var text: String
    func run() {
        print(Lexicon.embedded.words(text).map { "\($0.word)/\($0.tag.map { "\($0)" } ?? "?")" }.joined(separator: " "))
    }
}
