import XCTest
@testable import JiaoduiCore

final class ProjectConfigTests: XCTestCase {
    let ids = Set(RuleRegistry.types.map { $0.id })

    func testParsesEveryKey() throws {
        let config = try ProjectConfig.parse("""
            # 本报编辑部的设置
            locale: en
            rules:
              halfwidth-punctuation: off
              truncated-sentence: error
              broken-wrap: on
            allow:
              - 我为群众办实事
            overrides:
              - files: ["archive/**", "*.md"]
                rules:
                  duplicate-phrase: off
            """, file: ".jiaodui.yml", ruleIDs: ids)
        XCTAssertEqual(config.locale, .en)
        XCTAssertEqual(config.rules["halfwidth-punctuation"], .off)
        XCTAssertEqual(config.rules["truncated-sentence"], .severity(.error))
        XCTAssertEqual(config.allow, ["我为群众办实事"])
        XCTAssertEqual(config.rules(for: "archive/2024/a.txt")["duplicate-phrase"], .off)
        XCTAssertEqual(config.rules(for: "notes/b.md")["duplicate-phrase"], .off, "a pattern without / matches the name anywhere")
        XCTAssertNil(config.rules(for: "today/a.txt")["duplicate-phrase"])
    }

    func testErrorsNameTheFileThePlaceAndTheChoices() {
        func error(_ text: String) -> String {
            do {
                _ = try ProjectConfig.parse(text, file: "p/.jiaodui.yml", ruleIDs: ids)
                return "no error"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(error("rulez: {}"), "p/.jiaodui.yml:1:1: rulez: 未知的键；可用：allow, ignore, locale, overrides, packs, rules / unknown key")
        XCTAssertTrue(error("rules:\n  no-such-rule: off").hasPrefix("p/.jiaodui.yml:2:3: rules.no-such-rule: 没有这条规则；可用：broken-wrap, "))
        XCTAssertEqual(error("rules:\n  broken-wrap: loud"),
                       "p/.jiaodui.yml:2:16: rules.broken-wrap: 须为 on、off、error、warning 或 info / must be on, off, error, warning or info")
        XCTAssertEqual(error("locale: fr"), "p/.jiaodui.yml:1:9: locale: 须为 zh 或 en / must be zh or en")
        XCTAssertEqual(error("allow: 我为群众办实事"), "p/.jiaodui.yml:1:8: allow: 须为字符串列表 / must be a list of strings")
        XCTAssertTrue(error("rules: [").hasPrefix("p/.jiaodui.yml:"))
        XCTAssertEqual(error(""), "no error", "an empty file is an empty configuration")
    }

    func testFilterDropsDisabledRulesAndAllowedPhrasesAndSetsSeverities() {
        let text = "医院党委持续深入开展“我为群众办实事”“我为群众办实事”等活动。今天,我们开会。"
        let document = TextDocument(text)
        let findings = sharedLinter.lint(document)
        XCTAssertEqual(Set(findings.map(\.ruleID)), ["duplicate-phrase", "halfwidth-punctuation"])

        var filter = FindingFilter()
        filter.allow = ["我为群众办实事"]
        filter.set(["halfwidth-punctuation": .severity(.error)])
        let kept = filter.apply(findings, in: document)
        XCTAssertEqual(kept.map(\.ruleID), ["halfwidth-punctuation"], "the phrase contains the finding: allowed")
        XCTAssertEqual(kept.map(\.severity), [.error])
        filter.set(["halfwidth-punctuation": .off])
        XCTAssertEqual(filter.apply(findings, in: document), [])

        var unrelated = FindingFilter()
        unrelated.allow = ["开会"]
        XCTAssertEqual(unrelated.apply(findings, in: document).count, findings.count, "an allowed phrase elsewhere changes nothing")
    }

    func testEditorKeepsWhatPeopleWrote() throws {
        let original = """
            # 编辑部约定，请勿删除本注释
            rules:
              # 旧稿的半角标点另行处理
              halfwidth-punctuation: warning

            allow:
              - 三会一课  # 固定说法
            """
        var text = try ProjectConfigEditor.settingRule("halfwidth-punctuation", to: "off", in: original)
        text = try ProjectConfigEditor.settingRule("broken-wrap", to: "off", in: text)
        text = try ProjectConfigEditor.allowing("我为群众办实事", in: text)
        text = try ProjectConfigEditor.disablingRule("truncated-sentence", forFile: "稿件/第一版.txt", in: text)
        XCTAssertEqual(text, """
            # 编辑部约定，请勿删除本注释
            rules:
              # 旧稿的半角标点另行处理
              halfwidth-punctuation: off
              broken-wrap: off

            allow:
              - 三会一课  # 固定说法
              - "我为群众办实事"
            overrides:
              - files: ["/稿件/第一版.txt"]
                rules:
                  truncated-sentence: off

            """)
        let parsed = try ProjectConfig.parse(text, file: "x", ruleIDs: ids)
        XCTAssertEqual(parsed.allow, ["三会一课", "我为群众办实事"])
        XCTAssertEqual(parsed.rules(for: "稿件/第一版.txt")["truncated-sentence"], .off)
        XCTAssertThrowsError(try ProjectConfigEditor.allowing("x", in: "allow: [a, b]\n"), "flow style is left to a person")
        XCTAssertEqual(parsed.rules(for: "其他/稿件/第一版.txt")["truncated-sentence"], nil, "anchored to this file only")
        XCTAssertEqual(ProjectConfigEditor.quoted("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"")
    }

    func testEditorKeepsCRLFCommentsAfterValuesAndRefusesDuplicates() throws {
        let crlf = "# c\r\nrules:\r\n  broken-wrap: on  # 见 #12\r\nallow:\r\n  - 甲乙"
        var text = try ProjectConfigEditor.allowing("丙丁", in: crlf)
        text = try ProjectConfigEditor.settingRule("broken-wrap", to: "off", in: text)
        XCTAssertEqual(text, "# c\r\nrules:\r\n  broken-wrap: off  # 见 #12\r\nallow:\r\n  - 甲乙\r\n  - \"丙丁\"\r\n")
        let parsed = try ProjectConfig.parse(text, file: "x", ruleIDs: ids)
        XCTAssertEqual(parsed.allow, ["甲乙", "丙丁"])
        XCTAssertEqual(parsed.rules["broken-wrap"], .off)
        XCTAssertEqual(try ProjectConfigEditor.allowing("x", in: "\"allow\":\n  - y\n"), "\"allow\":\n  - y\n  - \"x\"\n")
        XCTAssertThrowsError(try ProjectConfig.parse("allow:\n  - a\nallow:\n  - b\n", file: "x", ruleIDs: ids)) {
            XCTAssertEqual(($0 as? RulePackError)?.description, "x:3:1: allow: 重复的键 / duplicate key")
        }
    }

    func testGlob() {
        XCTAssertTrue(Glob.matches("[Dd]rafts/*.txt", "Drafts/a.txt"))
        XCTAssertTrue(Glob.matches("*.[Tt][Xx][Tt]", "dir/top.TXT"))
        XCTAssertFalse(Glob.matches("[!a-c]*.txt", "b.txt"))
        XCTAssertTrue(Glob.matches("[!a-c]*.txt", "x.txt"))
        XCTAssertTrue(Glob.matches("[]x].txt", "].txt"))
        XCTAssertTrue(Glob.matches("/" + Glob.escaped("a[1].txt"), "a[1].txt"))
        XCTAssertFalse(Glob.matches("/" + Glob.escaped("a[1].txt"), "a1.txt"))
        XCTAssertTrue(Glob.matches("/" + Glob.escaped("a*b?.txt"), "a*b?.txt"))
        XCTAssertFalse(Glob.matches("/" + Glob.escaped("a*b?.txt"), "axxbc.txt"))
        XCTAssertTrue(Glob.matches("**/*.md", "a/b/c.md"))
        XCTAssertTrue(Glob.matches("**/*.md", "c.md"))
        XCTAssertTrue(Glob.matches("docs/*.txt", "docs/a.txt"))
        XCTAssertFalse(Glob.matches("docs/*.txt", "docs/sub/a.txt"))
        XCTAssertTrue(Glob.matches("/docs/?.txt", "docs/a.txt"))
        XCTAssertFalse(Glob.matches("archive/**", "today/a.txt"))
    }
}

final class ProjectConfigLongFormTests: XCTestCase {
    let ids = Set(RuleRegistry.types.map { $0.id })

    func testLongRuleFormIgnoreAndParameters() throws {
        let config = try ProjectConfig.parse("""
            rules:
              duplicate-phrase:
                severity: warning
                parameters:
                  min_han: 5
            ignore: ["archive", "*.bak"]
            """, file: "p", ruleIDs: ids)
        XCTAssertEqual(config.rules["duplicate-phrase"], .severity(.warning))
        XCTAssertEqual(config.parameterSettings.map { "\($0.rule).\($0.name)=\($0.value)@\($0.line)" }, ["duplicate-phrase.min_han=5@5"])
        XCTAssertTrue(config.ignores("archive/2020/a.txt"))
        XCTAssertTrue(config.ignores("x/y.bak"))
        XCTAssertFalse(config.ignores("archives.txt"))
        let text = TextDocument("我们要做好服务做好服务，群众满意。")
        XCTAssertEqual(sharedLinter.lint(text).map(\.ruleID), ["duplicate-phrase"])
        XCTAssertEqual(try config.linter(base: sharedLinter, file: "p").lint(text).map(\.ruleID), [], "a unit of four Han characters is now too short")
        XCTAssertThrowsError(try ProjectConfig.parse("overrides:\n  - files: [a]\n    rules:\n      broken-wrap:\n        parameters: {}\n",
                                                     file: "p", ruleIDs: ids)) {
            XCTAssertTrue(($0 as? RulePackError)?.description.hasPrefix("p:5:9: overrides[0].rules.broken-wrap.parameters: 未知的键；可用：severity") ?? false, "\($0)")
        }
    }

    /// Found by the bad-input tests: ten thousand `[` overflowed the stack of the YAML reader.
    /// Nesting beyond 256 levels is an error naming the line; what real files hold passes.
    func testDeepNestingIsAnErrorNotACrash() {
        for text in ["ignore: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                     "allow:\n" + (0..<300).map { String(repeating: " ", count: $0 + 2) + "- x" }.joined(separator: "\n"),
                     "allow:\n  " + String(repeating: "- ", count: 300) + "x"] {
            XCTAssertThrowsError(try ProjectConfig.parse(text, file: ".jiaodui.yml", ruleIDs: ids)) { error in
                XCTAssertTrue("\(error)".contains("nested more than 256 levels deep"), "\(error)")
            }
        }
        XCTAssertNil(YAMLDepth.tooDeep("a: '[[[[' # [[[[\nb: \"]]]]\\\"[[[\"\nc: [[1], {x: [2]}]\n"))
        XCTAssertEqual(YAMLDepth.tooDeep("x: [[[[[", limit: 3), 1)
        XCTAssertEqual(YAMLDepth.tooDeep("a: 'it''s ]]]'\nb: [[[[", limit: 3), 2, "a quoted ] is not counted, so it cannot hide depth")
    }
}
