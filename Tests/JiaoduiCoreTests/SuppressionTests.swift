import XCTest
@testable import JiaoduiCore

/// Inline suppression directives, in Markdown and in plain text.
final class SuppressionTests: XCTestCase {
    func lint(_ text: String, _ format: SourceFormat, unused: Bool = false, locale: MessageLocale = .zh) -> [Diagnostic] {
        var filter = FindingFilter()
        filter.locale = locale
        return sharedLinter.lint(TextDocument(text), format: format, filter: filter, reportUnusedSuppressions: unused)
    }

    func lines(_ text: String, _ found: [Diagnostic]) -> [String] {
        let doc = TextDocument(text)
        return found.map { "\(doc.lineIndex(containing: $0.range.lowerBound)):\($0.ruleID)" }
    }

    func testMarkdownDirectives() {
        let md = """
            第一段,有逗号。
            <!-- jiaodui-disable-next-line halfwidth-punctuation -->
            第二段,有逗号。

            <!-- jiaodui-disable -->
            第三段,有逗号。
            <!-- jiaodui-enable -->
            第四段,有逗号。
            <!-- jiaodui-disable-next-line duplicate-phrase -->
            第五段,有逗号。

            ```
            <!-- jiaodui-disable -->
            ```

            第六段,有逗号。
            """
        XCTAssertEqual(lines(md, lint(md, .markdown)),
                       ["0:halfwidth-punctuation", "7:halfwidth-punctuation", "9:halfwidth-punctuation", "15:halfwidth-punctuation"])
    }

    func testPlainTextForms() {
        for directive in ["jiaodui-disable-next-line", "# jiaodui-disable-next-line", "// jiaodui-disable-next-line halfwidth-punctuation",
                          "<!-- jiaodui-disable-next-line halfwidth-punctuation,broken-wrap -->", "  #jiaodui-disable-next-line  "] {
            let text = "第一段,有逗号。\n\(directive)\n\n第二段,有逗号。\n"
            XCTAssertEqual(lines(text, lint(text, .plain)), ["0:halfwidth-punctuation"], directive)
        }
        // Not directives: text around it, or a `#` line in Markdown (a heading there).
        for line in ["注意 jiaodui-disable-next-line", "jiaodui-disable-next-line，说明"] {
            let text = "\(line)\n第二段,有逗号。\n"
            XCTAssertTrue(lines(text, lint(text, .plain)).contains("1:halfwidth-punctuation"), line)
        }
        let md = "# jiaodui-disable-next-line\n第二段,有逗号。\n"
        XCTAssertEqual(lines(md, lint(md, .markdown)), ["1:halfwidth-punctuation"])
    }

    func testEnableWithRulesEndsOnlyThose() {
        let text = "jiaodui-disable\n第一段,重复重复的“我为群众办实事”“我为群众办实事”。\njiaodui-enable halfwidth-punctuation\n第二段,有“我为群众办实事”“我为群众办实事”。\njiaodui-enable\n第三段,有逗号。\n"
        XCTAssertEqual(lines(text, lint(text, .plain)), ["3:halfwidth-punctuation", "5:halfwidth-punctuation"])
    }

    /// A directive line between two paragraphs reads exactly as a blank line: the break between
    /// them is judged the same, and the line itself gets no finding.
    func testDirectiveLineIsABlankLineToTheBreakAnalysis() {
        let cases = ["前言。\n\n开展理论学习中心组、三会一课等各\n\n类学习活动20余次。\n",
                     "前言。\n\n开展理论学习中心组。\n\n这是第二段。\n",
                     "前言。\n\n推动司法行政\n\n政系统转变工作作风。\n"]
        for blank in cases {
            let baseline = lint(blank, .plain).map(\.ruleID)
            for directive in ["<!-- jiaodui-disable-next-line halfwidth-punctuation -->", "# jiaodui-disable halfwidth-punctuation"] {
                let text = blank.replacingOccurrences(of: "\n\n", with: "\n\(directive)\n")
                let found = lint(text, .plain)
                XCTAssertEqual(found.map(\.ruleID), baseline, text)
                // The finding across the directive stands; joining it would delete the directive.
                XCTAssertTrue(found.allSatisfy { $0.fixes.isEmpty || !TextDocument(text).string($0.range).contains("jiaodui") })
                let md = lint(text, .markdown).map(\.ruleID)
                if directive.hasPrefix("<!--") { XCTAssertEqual(md, baseline, text) }
            }
        }
    }

    func testInvalidAndUnusedDirectivesAreReported() {
        let md = "<!-- jiaodui-disable-next-line halfwidth-punctuation no-such-rule -->\n第一段,有逗号。\n<!-- jiaodui-disable-next-line broken-wrap -->\n第二段。\n"
        let found = lint(md, .markdown, unused: true)
        XCTAssertEqual(lines(md, found), ["0:invalid-suppression", "2:unused-suppression"])
        XCTAssertEqual(TextDocument(md).string(found[0].range), "no-such-rule")
        XCTAssertEqual(TextDocument(md).string(found[1].range), "jiaodui-disable-next-line broken-wrap")
        XCTAssertTrue(found.allSatisfy { $0.severity == .warning })
        XCTAssertEqual(lines(md, lint(md, .markdown)), ["0:invalid-suppression"], "unused ones only when asked")
        XCTAssertTrue(lint(md, .markdown, unused: true, locale: .en)[1].message.hasPrefix("this suppression directive"))
    }

    func testSuppressionAppliesToTheRelintedWholeDocument() {
        let paragraphs = (1...30).map { "第\($0)段，记者走访了多家医院，了解到相关工作进展顺利。" }
        let text = "<!-- jiaodui-disable halfwidth-punctuation -->\n" + paragraphs.joined(separator: "\n\n") + ",\n"
        var document = TextDocument(text)
        var prepared = sharedLinter.prepared(ProseView(document, format: .markdown), filter: FindingFilter())
        // Edits far below the directive, then one that breaks the directive itself: each re-lint of
        // the edited lines, suppressed as a whole, equals a full lint.
        let edits: [(at: Int, text: String)] = [(document.count - 3, ","), (document.count - 40, "，"), (6, "x")]
        for edit in edits {
            var scalars = document.scalars
            scalars.insert(contentsOf: edit.text.unicodeScalars, at: edit.at)
            var tracker = EditTracker(diagnostics: prepared)
            tracker.replace(edit.at..<edit.at, count: edit.text.unicodeScalars.count)
            document = TextDocument(scalars: scalars)
            let view = ProseView(document, format: .markdown)
            prepared = sharedLinter.relint(view, changed: tracker.changed!, previous: tracker.diagnostics, filter: FindingFilter())
            let shown = Suppressions.apply(prepared, view: view, locale: .zh)
            XCTAssertEqual(shown, sharedLinter.lint(document, format: .markdown), edit.text)
        }
        let found = sharedLinter.lint(document, format: .markdown)
        XCTAssertEqual(found.filter { $0.ruleID == "halfwidth-punctuation" }.count, 2, "the broken directive silences nothing")
    }
}
