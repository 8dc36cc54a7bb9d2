import ArgumentParser
import JiaoduiCore

/// `jiaodui segment TEXT`: a debugging aid that shows how the word list cuts a text.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "显示分词结果 / show how the word list segments a text")

    @Argument var text: String

    func run() {
        Console.out(Lexicon.embedded.words(text).map { "\($0.word)/\($0.tag.map { "\($0)" } ?? "?")" }.joined(separator: " ") + "\n")
    }
}
