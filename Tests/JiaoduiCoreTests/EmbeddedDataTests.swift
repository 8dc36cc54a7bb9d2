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
        for case let url as URL in enumerator where ["yml", "txt"].contains(url.pathExtension) {
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

    func testSegmentationFindsWords() {
        XCTAssertEqual(Lexicon.embedded.words("累计开展各类学习活动").map(\.word), ["累计", "开展", "各类", "学习", "活动"])
    }
}
