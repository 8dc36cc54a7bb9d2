import XCTest
@testable import JiaoduiCore

/// Markdown and HTML: only prose is judged, positions are the source's, fixes edit prose only.
final class MarkupTests: XCTestCase {
    func lint(_ text: String, _ format: SourceFormat) -> [Diagnostic] {
        sharedLinter.lint(TextDocument(text), format: format)
    }

    func flagged(_ text: String, _ d: Diagnostic) -> String { TextDocument(text).string(d.range) }

    let wrapped = "本单位持续推进理论学习教育常态化、系统化、规范化，累计开展理论学习中心组、三会一课等各类学习活动二十余次，形成了良好的学习氛围。"

    // MARK: must not flag

    func testCodeIsNotProse() {
        let md = "说明如下：\n\n```\n中文,逗号,测试(一)\n第二行,等各\n```\n\n    缩进,代码,中文\n\n运行`中文,代码`或`a,b`即可。\n"
        XCTAssertEqual(lint(md, .markdown), [])
        XCTAssertFalse(lint(md, .plain).isEmpty, "the same text as plain text is flagged")
    }

    func testURLsAndLinkDestinationsAreNotProse() {
        let md = "详见[报道](https://x.cn/中,文 \"标题,说明\")和<https://x.cn/中,文>，另见 https://x.cn/a,b,c 。\n"
        XCTAssertEqual(lint(md, .markdown), [])
        XCTAssertFalse(lint(md, .plain).isEmpty)
        XCTAssertEqual(lint("详见[报道](https://x.cn/a,b)。\n", .markdown), [])
    }

    func testFrontMatterTableAndRawHTMLAreNotProse() {
        let md = """
            ---
            title: 标题,副标题
            tags: [中文,标签]
            ---

            <div class="说明,注释">正文开头。</div>

            | 姓名 | 职务 |
            | --- | :---: |
            | 张三 | 局长 |
            | 李四 | 副局长 |

            文章到此结束。
            """
        XCTAssertEqual(lint(md, .markdown), [])
    }

    func testSoftBreaksInAParagraphAreNoBrokenWraps() {
        // The paragraph wrapped every 20 characters, as editors and people wrap Markdown.
        let scalars = Array(wrapped.unicodeScalars)
        let lines = stride(from: 0, to: scalars.count, by: 20).map { String(scalars: scalars[$0..<min($0 + 20, scalars.count)]) }
        let md = "# 标题\n\n" + lines.joined(separator: "\n") + "\n\n- 列表第一项的文字比较长\n  接着写完。\n> 引用的文字\n> 接着写完。\n"
        XCTAssertEqual(lint(md, .markdown), [])
        XCTAssertTrue(lint(md, .plain).contains { $0.ruleID == "broken-wrap" }, "as plain text the wraps are broken")
    }

    func testHeadingsAndListItemsAreClassifiedByTheirMarkers() {
        // A long heading and short list items end without punctuation; none is a cut-off paragraph.
        let md = "# 关于进一步加强和改进新时代基层党组织建设工作的实施意见和具体安排\n\n正文第一段。\n\n- 抓项目\n- 强产业\n- 惠民生\n\n正文第二段。\n"
        XCTAssertEqual(lint(md, .markdown), [])
    }

    // MARK: must flag, at the source's positions

    func testBlankLineInsideASentenceIsStillABrokenWrap() {
        let md = "前言。\n\n开展理论学习中心组、三会一课等各\n\n类学习活动20余次。\n"
        let found = lint(md, .markdown)
        XCTAssertEqual(found.map(\.ruleID), ["broken-wrap"])
        XCTAssertEqual(found.first.map { flagged(md, $0) }, "各\n\n类")
        XCTAssertEqual(found, lint(md, .plain), "same finding, same range as plain text")
    }

    func testHardBreaksAreBreaks() {
        for hard in ["  \n", "\\\n"] {
            let md = "前言。\n\n开展理论学习中心组、三会一课等各\(hard)类学习活动20余次。\n"
            let found = lint(md, .markdown)
            XCTAssertEqual(found.map(\.ruleID), ["broken-wrap"], hard.debugDescription)
            XCTAssertEqual(found.first.map { flagged(md, $0) }, "各\(hard)类")
        }
        let soft = "前言。\n\n开展理论学习中心组、三会一课等各\n类学习活动20余次。\n"
        XCTAssertEqual(lint(soft, .markdown), [])
    }

    func testDoubledPhraseInAListItemAndCommaInProse() {
        let md = "# 标题\n\n- 深入开展“我为群众办实事”“我为群众办实事”等活动。\n\n中文,逗号在**正文**里。\n"
        let found = lint(md, .markdown)
        XCTAssertEqual(found.map(\.ruleID), ["duplicate-phrase", "halfwidth-punctuation"])
        XCTAssertEqual(flagged(md, found[0]), "“我为群众办实事”")
        XCTAssertEqual(flagged(md, found[1]), ",")
        let map = PositionMap(TextDocument(md))
        XCTAssertEqual(map.utf16Position(found[1].range.lowerBound).line, 4)
    }

    func testFixEditsOnlyProse() {
        let md = "---\nk: 中,文\n---\n\n见[报道,新闻](https://x.cn/a,b)。\n\n- 深入开展“我为群众办实事”“我为群众办实事”等活动。\n\n```\n中,文\n```\n"
        let fixed = FixApplier.fixAll(TextDocument(md), linter: sharedLinter, format: .markdown).text
        XCTAssertEqual(fixed, "---\nk: 中,文\n---\n\n见[报道，新闻](https://x.cn/a,b)。\n\n- 深入开展“我为群众办实事”等活动。\n\n```\n中,文\n```\n")
    }

    func testHTMLTextNodesOnly() {
        let html = "<html><head><style>p{a:b,c}</style><script>var s = \"中,文\";</script></head>\n<body><p class=\"a,b\">第一段,中文。</p><p>运行<code>中,文</code>即可。</p>\n<p>开展理论学习中心组、三会一课等各\n类学习活动20余次。</p><!-- 注释,中文 --></body></html>\n"
        let found = lint(html, .html)
        XCTAssertEqual(found.map(\.ruleID), ["halfwidth-punctuation"])
        XCTAssertEqual(found.first.map { flagged(html, $0) }, ",")
        XCTAssertEqual(found.first?.range.lowerBound, Array(html.unicodeScalars).firstIndex(of: "段")! + 1)
    }

    func testHTMLBlocksAreSeparateBlocks() {
        let html = "<p>前言。</p><p>开展理论学习中心组、三会一课等各</p><p>类学习活动20余次。</p>\n"
        let found = lint(html, .html)
        XCTAssertEqual(found.map(\.ruleID), ["broken-wrap"])
        XCTAssertEqual(found.first?.fixes, [], "the join would delete tags: a person joins it")
    }

    func testMaskKeepsEveryOffset() {
        let md = "\u{FEFF}# 标题\r\n\r\n正文`代码`和[链接](http://x.cn)。\r\n第二行。\r\n"
        let view = ProseView(TextDocument(md), format: .markdown)
        XCTAssertEqual(view.prose.count, view.source.count)
        XCTAssertEqual(view.prose.scalars[1], ProseMark.heading, "a heading after a byte-order mark")
        for (a, b) in zip(view.prose.scalars, view.source.scalars) where !ProseMark.isMark(a) && a != "\n" {
            XCTAssertEqual(a, b)
        }
    }

    func testFormatFromPathAndLanguageID() {
        XCTAssertEqual(SourceFormat(path: "a/b.md"), .markdown)
        XCTAssertEqual(SourceFormat(path: "B.MARKDOWN"), .markdown)
        XCTAssertEqual(SourceFormat(path: "x.htm"), .html)
        XCTAssertEqual(SourceFormat(path: "x.txt"), .plain)
        XCTAssertEqual(SourceFormat(path: ".md"), .plain)
        XCTAssertEqual(SourceFormat(languageId: "markdown"), .markdown)
        XCTAssertEqual(SourceFormat(languageId: "html"), .html)
        XCTAssertEqual(SourceFormat(languageId: "plaintext"), .plain)
    }
}

/// Cases a review found: directives in code, marks in fix titles, reference definitions.
final class MarkupReviewTests: XCTestCase {
    func lint(_ text: String, _ format: SourceFormat) -> [Diagnostic] {
        sharedLinter.lint(TextDocument(text), format: format)
    }

    func testADirectiveInsideIndentedOrFencedCodeIsCode() {
        let indented = "第一段,有逗号。\n\n    <!-- jiaodui-disable -->\n\n第三,行。\n"
        XCTAssertEqual(lint(indented, .markdown).count, 2, "both commas: the indented line is a code block")
        let fenced = "```html\n  <!-- jiaodui-disable -->\n```\n\n第三,行。\n"
        XCTAssertEqual(lint(fenced, .markdown).map(\.ruleID), ["halfwidth-punctuation"])
    }

    func testFixTitlesCarryNoInternalMarks() {
        // A title or message quoting prose across a soft break quotes the view's join mark.
        let view = ProseView(TextDocument("第一行\n第二行。\n"), format: .markdown)
        let quoted = "删去重复的 第一行" + String(Character(ProseMark.join)) + "第二行"
        let finding = Diagnostic(ruleID: "duplicate-phrase", severity: .error, message: quoted, range: 0..<3,
                                 fixes: [Fix(title: quoted, edits: [TextEdit(range: 0..<3, newText: "")])])
        let kept = view.keep([finding])
        XCTAssertEqual(kept.first?.message, "删去重复的 第一行第二行")
        XCTAssertEqual(kept.first?.fixes.first?.title, "删去重复的 第一行第二行")
    }

    func testReferenceDefinitionsOnlyAfterABlankLineAndFootnotesAreProse() {
        let text = "第一句话写完了，接着写\n[注]:第二句,在此。\n\n[ref]: https://x.cn/a,b\n\n[^1]: 脚注内容,在这里。\n"
        let lines = lint(text, .markdown).map { TextDocument(text).lineIndex(containing: $0.range.lowerBound) }
        XCTAssertEqual(lines, [1, 1, 5], "a [label]: line inside a paragraph is text; a definition is not; a footnote's text is")
    }

    func testErrorRateCountsProseOnly() {
        let html = TextDocument("<html><style>" + String(repeating: "a", count: 300) + "</style><p>今天,开会。</p></html>")
        XCTAssertEqual(ErrorRate.characters(in: html, format: .html), 6, "今天,开会。: markup is no 字数")
        XCTAssertEqual(ErrorRate.characters(in: TextDocument("今天, 开会。\n"), format: .plain), 6)
    }

    func testTOMLFrontMatterIsNotProse() {
        let md = "+++\ntitle = \"标题,副题\"\ndate = 2024-01-01\n+++\n\n正文没有问题。\n"
        XCTAssertEqual(lint(md, .markdown), [])
        XCTAssertFalse(lint(md, .plain).isEmpty)
    }
}
