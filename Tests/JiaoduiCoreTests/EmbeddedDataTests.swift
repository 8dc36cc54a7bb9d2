import Foundation
import JiaoduiCore
import XCTest

/// The binary embeds `rules/` at build time; SwiftPM does not track those files, so this proves
/// the embedded copy equals the files in the tree (a stale build fails here).
final class EmbeddedDataTests: XCTestCase {
    func testEmbeddedFilesEqualRulesDirectory() throws {
        let rules = packageRoot.appendingPathComponent("rules")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil))
        var onDisk: [String: Data] = [:]
        for case let url as URL in enumerator where ["yml", "txt", "bin"].contains(url.pathExtension) {
            let relative = String(url.path.dropFirst(rules.path.count + 1))
            onDisk[relative] = try Data(contentsOf: url)
        }
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedFiles.all.map { ($0.name, Data($0.bytes)) })
        XCTAssertEqual(Set(embedded.keys), Set(onDisk.keys),
                       "rules/ and the embedded list differ: run Scripts/embed-list.py and rebuild")
        for (name, data) in onDisk {
            XCTAssertEqual(embedded[name], data, "\(name) is stale in the binary: touch Sources/CJiaoduiData/embedded.c and rebuild")
        }
    }

    func testLexiconKnowsNewsVocabulary() {
        let lexicon = Lexicon.embedded
        XCTAssertGreaterThan(lexicon.wordCount, 340_000)
        for word in ["各类", "党建", "党务", "全覆盖", "村委会", "工作者"] {
            XCTAssertTrue(lexicon.contains(word), word)
        }
        XCTAssertFalse(lexicon.contains("政系统"))
    }

    /// The precomputed table of jieba's list (Scripts/lexicon-table.py) says what the list says:
    /// the lexicon built from the text alone has the same words, frequencies, tags and totals.
    func testPrecomputedTableEqualsTheWordList() throws {
        let lists = EmbeddedFiles.all.filter { $0.name.hasPrefix("lexicon/") && $0.name.hasSuffix(".txt") }
        XCTAssertEqual(lists.first?.name, "lexicon/jieba-dict.txt")
        let fromText = Lexicon(dictionaries: lists.map(\.bytes))
        let embedded = Lexicon.embedded
        XCTAssertEqual(embedded.wordCount, fromText.wordCount)
        XCTAssertEqual(embedded.logTotal, fromText.logTotal)
        XCTAssertEqual(embedded.maxWordLength, fromText.maxWordLength)
        var checked = 0
        for list in lists {
            for line in String(decoding: list.bytes, as: UTF8.self).split(separator: "\n") {
                let word = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                guard !word.isEmpty else { continue }
                XCTAssertEqual(embedded.lookup(word.unicodeScalars), fromText.lookup(word.unicodeScalars),
                               "\(word): run Scripts/lexicon-table.py and touch Sources/CJiaoduiData/embedded.c")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 340_000)
        for missing in ["政系统", "的的的", "abcxyz"] {
            XCTAssertEqual(embedded.lookup(missing.unicodeScalars), fromText.lookup(missing.unicodeScalars))
        }
    }

    func testSegmentationFindsWords() {
        XCTAssertEqual(Lexicon.embedded.words("累计开展各类学习活动").map(\.word), ["累计", "开展", "各类", "学习", "活动"])
    }
}
