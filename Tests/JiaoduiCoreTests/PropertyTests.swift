import Foundation
import JiaoduiCore
import JiaoduiTestSupport
import XCTest

/// Properties that must hold for every document, checked over generated ones: random mixes of Han,
/// punctuation, Latin, digits, supplementary characters (𠮷), CR/LF/CRLF, blank lines and U+3000
/// indents, in each source format. Seeded (JIAODUI_RANDOM_SEED=N explores others); every failure
/// names its seed and document.
final class PropertyTests: XCTestCase {
    static let seed = ProcessInfo.processInfo.environment["JIAODUI_RANDOM_SEED"].flatMap(UInt64.init) ?? 20261130

    static let words: [String] = [
        "工作", "作风", "各", "类", "学习", "活动", "党建", "系统", "的", "了", "等", "村", "国际", "中国", "研究研究",
        "常常", "我为群众办实事", "记者", "医院", "𠮷", "𧿹", "𠮷野家", "a", "Z", "abc", "3", "2024", "10:30", "3,000",
        "http://x.cn", " ", "“", "”", "《", "》", "（", "）", "，", "。", "、", "：", "；", "！", "？", "……", "——",
        // What the packs look for: ellipses and dashes typed wrong, ranges, ordinals, full-width
        // digits, 〇 years, variant and misused words, Traditional and compatibility characters.
        "...", "。。。", "--", "－", "2020-2021年", "3~5", "5%-10%", "一、", "1、", "（一）、", "三、四十", "１２", "ＡＢ",
        "一九九〇年", "二零零八年", "三、四个", "０５年", "「", "」", "・", "部份", "其它", "象征", "按装", "迫不急待", "學習", "\u{F95E}",
        ",", ".", ":", ";", "!", "?", "(", ")", "%", "\"", "'", "#", "*", "-", "`", "<b>", "</b>", "&amp;",
    ]
    static let lineEnds = ["\n", "\r\n", "\r"]
    static let openers = ["", "", "", "\u{3000}\u{3000}", "□本报记者 张三 ", "1.", "（一）", "上图：", "# ", "- "]

    /// A paragraph: one to three lines of words, the first perhaps indented or opened like a
    /// heading, byline or list item.
    static func paragraph(_ rng: inout SplitMix) -> [String] {
        (0..<Int.random(in: 1...3, using: &rng)).map { i in
            let opener = i == 0 ? openers.randomElement(using: &rng)! : ""
            return opener + (0..<Int.random(in: 1...14, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
        }
    }

    /// A document of paragraphs separated by blank lines (sometimes several, sometimes with a
    /// full-width space on them), lines ended by any of LF, CRLF, CR; sometimes a BOM first.
    static func document(_ rng: inout SplitMix) -> String {
        var text = Int.random(in: 0..<10, using: &rng) == 0 ? "\u{FEFF}" : ""
        for p in 0..<Int.random(in: 0...6, using: &rng) {
            if p > 0 { text += [String](repeating: lineEnds.randomElement(using: &rng)!, count: Int.random(in: 1...3, using: &rng)).joined() }
            text += paragraph(&rng).joined(separator: lineEnds.randomElement(using: &rng)!)
            if Bool.random(using: &rng) { text += lineEnds.randomElement(using: &rng)! }
        }
        return text
    }

    /// Every range of every finding (and of every fix edit) lies inside the text and on character
    /// boundaries, and converts to UTF-16 and UTF-8 offsets and line/column positions that name
    /// the same place.
    func testRangesAreInsideTheTextAndOnCharacterBoundaries() {
        var rng = SplitMix(seed: Self.seed)
        for n in 0..<300 {
            let text = Self.document(&rng)
            let doc = TextDocument(text)
            let map = PositionMap(doc)
            let utf16 = Array(text.utf16), utf8 = Array(text.utf8)
            for format in SourceFormat.allCases {
                for d in sharedLinter.lint(doc, format: format) {
                    let what = "seed \(Self.seed) #\(n) \(format) \(d.ruleID) \(d.range) in \(text.debugDescription)"
                    for range in [d.range] + d.fixes.flatMap(\.edits).map(\.range) {
                        guard range.lowerBound >= 0, range.upperBound <= doc.count else {
                            XCTFail("outside the text: \(what)")
                            continue
                        }
                        for offset in [range.lowerBound, range.upperBound] {
                            let prefix = String(scalars: doc.scalars[..<offset])
                            let u16 = map.utf16Offset(offset), u8 = map.utf8Offset(offset)
                            XCTAssertEqual(u16, prefix.utf16.count, what)
                            XCTAssertEqual(u8, prefix.utf8.count, what)
                            // On a boundary: not after a high surrogate, not before a continuation byte.
                            XCTAssertFalse(u16 > 0 && u16 < utf16.count && UTF16.isLeadSurrogate(utf16[u16 - 1]), what)
                            XCTAssertFalse(u8 < utf8.count && UTF8.isContinuation(utf8[u8]), what)
                            XCTAssertEqual(map.offset(utf16: map.utf16Position(offset)), offset, what)
                        }
                    }
                }
            }
        }
    }

    /// Found by the test above: the cut-off tail of a paragraph (its last three characters)
    /// started between the CR and the LF of a line break.
    func testTruncatedTailNeverStartsInsideCRLF() {
        let text = "- 2024`10:30:2024作风了；'研究研究&amp;?%\r\n——学习\r\n工作</b>"
        let doc = TextDocument(text)
        let found = sharedLinter.lint(doc, format: .markdown).filter { $0.ruleID == "truncated-sentence" }
        XCTAssertEqual(found.map(\.range), [doc.count - 8..<doc.count - 4], "\\r\\n工作")
    }

    /// Found by FuzzLint: a Markdown list marker that ends the text ("…\n\n- ") read one past the
    /// end (index out of range in the masker).
    func testMarkdownMarkerAtTheEndOfTheText() {
        for text in ["正文。\n\n- ", "正文。\n\n> ", "正文。\n\n1. ", "- ", "* ", "> - ", "   - ", "- [", "- [^"] {
            _ = sharedLinter.lint(TextDocument(text), format: .markdown)
            _ = FixApplier.fixAll(TextDocument(text), linter: sharedLinter, format: .markdown)
        }
    }

    /// `fix`: each round changes only what the findings it applies reported (the edits lie in
    /// their findings' ranges, and the text outside them is kept to the scalar); the result has
    /// no fixable finding left; fixing it again changes nothing.
    func testFixIsIdempotentLocalAndLeavesNothingFixable() {
        var rng = SplitMix(seed: Self.seed &+ 1)
        for n in 0..<300 {
            let text = Self.document(&rng)
            for format in SourceFormat.allCases {
                let what = "seed \(Self.seed &+ 1) #\(n) \(format) in \(text.debugDescription)"
                var current = TextDocument(text)
                for _ in 0..<16 {
                    let fixable = sharedLinter.lint(current, format: format).filter { !$0.fixes.isEmpty }
                    if fixable.isEmpty { break }
                    let (fixed, applied) = FixApplier.apply(fixable, to: current)
                    XCTAssertFalse(applied.isEmpty, what)
                    // Rebuilt independently: the applied edits, from the last to the first, on
                    // the UTF-16 text.
                    let map = PositionMap(current)
                    let rebuilt = NSMutableString(string: current.text)
                    let edits = applied.flatMap { d -> [TextEdit] in
                        let edits = d.fixes[0].edits
                        for e in edits {
                            XCTAssertTrue(d.range.lowerBound <= e.range.lowerBound && e.range.upperBound <= d.range.upperBound,
                                          "\(d.ruleID) edits outside its range: \(what)")
                        }
                        return edits
                    }.sorted { $0.range.lowerBound > $1.range.lowerBound }
                    for e in edits {
                        let lo = map.utf16Offset(e.range.lowerBound), hi = map.utf16Offset(e.range.upperBound)
                        rebuilt.replaceCharacters(in: NSRange(location: lo, length: hi - lo), with: e.newText)
                    }
                    XCTAssertEqual(fixed, rebuilt as String, "a round changed more than its edits: \(what)")
                    current = TextDocument(fixed)
                }
                let all = FixApplier.fixAll(TextDocument(text), linter: sharedLinter, format: format)
                XCTAssertEqual(all.text, current.text, what)
                XCTAssertEqual(all.remaining.filter { !$0.fixes.isEmpty }.map(\.ruleID), [], "fixable findings left: \(what)")
                XCTAssertEqual(FixApplier.fixAll(all.document, linter: sharedLinter, format: format).text, all.text, "not idempotent: \(what)")
            }
        }
    }

    /// The rules that judge a paragraph by itself find the same in it whether it is linted inside
    /// the document or as a file of its own (offsets moved by where the paragraph starts).
    /// That is every rule but those whose subject spans paragraphs: the damage rules of `core`
    /// (a break, a repeat or a splice lies between paragraphs) and `paired-marks` (a quotation
    /// may run over several paragraphs, each opening with “ and only the last closing).
    static let paragraphLocalRules: Set<String> = Set(RuleRegistry.knownIDs).subtracting([
        "duplicate-phrase", "broken-wrap", "wrap-duplicate-char", "truncated-sentence", "spliced-fragment", "paired-marks",
    ])

    func testSplittingIntoFilesKeepsEachParagraphsFindings() {
        var rng = SplitMix(seed: Self.seed &+ 2)
        var seen: Set<String> = []
        for n in 0..<300 {
            var paragraphs: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                paragraphs.append(Self.paragraph(&rng).joined(separator: Self.lineEnds.randomElement(using: &rng)!))
            }
            let end = Self.lineEnds.randomElement(using: &rng)!
            let whole = paragraphs.joined(separator: end + end)
            let what = "seed \(Self.seed &+ 2) #\(n) in \(whole.debugDescription)"
            func local(_ findings: [Diagnostic], shift: Int) -> [String] {
                findings.filter { Self.paragraphLocalRules.contains($0.ruleID) }
                    .map { "\($0.ruleID) \($0.range.lowerBound + shift)..<\($0.range.upperBound + shift) \($0.message) \($0.fixes.map { $0.edits.map { "\($0.range.lowerBound + shift)..<\($0.range.upperBound + shift) \($0.newText)" } })" }
            }
            let together = local(sharedLinter.lint(TextDocument(whole), format: .plain), shift: 0)
            var apart: [String] = []
            var start = 0
            for p in paragraphs {
                apart += local(sharedLinter.lint(TextDocument(p), format: .plain), shift: start)
                start += p.unicodeScalars.count + 2 * end.unicodeScalars.count
            }
            XCTAssertEqual(together, apart, what)
            seen.formUnion(together.map { String($0.prefix { $0 != " " }) })
        }
        // Not vacuous: the generated paragraphs give most of these rules something to find.
        XCTAssertGreaterThanOrEqual(seen.count, Self.paragraphLocalRules.count * 2 / 3, "rules that found something: \(seen.sorted())")
    }
}
