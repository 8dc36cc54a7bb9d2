import JiaoduiCore
import XCTest

/// Every rule file carries its own good and bad examples; this runs all of them, and proves that
/// the loader's own check rejects a rule that does not do what its examples say.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleHasExamples() {
        let pack = RulePack.embedded
        for id in pack.ruleIDs {
            let spec = pack.spec(id)!
            XCTAssertFalse(spec.examples.bad.isEmpty, "\(id) has no bad examples")
            XCTAssertFalse(spec.examples.good.isEmpty, "\(id) has no good examples")
        }
        for type in RuleRegistry.types {
            XCTAssertNotNil(pack.spec(type.id), "no rule file for \(type.id)")
        }
    }

    func testBadExamplesAreFlaggedWhereMarked() throws {
        let pack = RulePack.embedded
        for id in pack.ruleIDs {
            let spec = pack.spec(id)!
            let linter = try Linter(enabled: [id])
            for example in spec.examples.bad {
                let (text, marks) = stripMarks(example.text)
                let found = linter.lint(TextDocument(text)).filter { $0.ruleID == id }
                XCTAssertFalse(found.isEmpty, "\(id) did not flag: \(example.text)")
                if marks.count == 1 {
                    XCTAssertTrue(found.contains { $0.range.lowerBound == marks[0] },
                                  "\(id): no finding starts at ↓ in \(example.text); got \(found.map(\.range))")
                } else if marks.count == 2 {
                    XCTAssertTrue(found.contains { $0.range == marks[0]..<marks[1] },
                                  "\(id): no finding spans ↓…↓ in \(example.text); got \(found.map(\.range))")
                }
                if let fixed = example.fixed {
                    let result = FixApplier.fixAll(TextDocument(text), linter: linter)
                    XCTAssertEqual(result.text, fixed, "\(id): fix of \(example.text)")
                }
            }
        }
    }

    /// Good examples are linted with every rule on, as a user runs them (rules share the layout
    /// and the break analysis), and must hold no finding of their own rule.
    func testGoodExamplesAreNotFlagged() throws {
        let pack = RulePack.embedded
        for id in pack.ruleIDs {
            for example in pack.spec(id)!.examples.good {
                let found = lint(example).filter { $0.ruleID == id }
                XCTAssertEqual(found.map(\.message), [], "\(id) flagged a good example: \(example)")
            }
        }
    }

    /// The loader's check (what `--rules DIR` runs) passes on the built-in pack, word-list `ex:`
    /// sentences included.
    func testEmbeddedPackPassesTheLoadCheck() throws {
        XCTAssertNoThrow(try ExampleCheck.validate(RulePack.embedded))
    }

    func testRuleWhoseBadExampleIsNotFlaggedIsALoadError() throws {
        let broken = """
        id: always-wrong
        pack: custom
        kind: substitution
        message: "“{match}”应为“{replacement}”。"
        swap: |
          己经 => 已经
        examples:
          bad:
            - text: "他↓以经↓走了。"
          good:
            - "他已经走了。"
        """
        let pack = try RulePack.load(files: [("always-wrong.yml", broken)])
        XCTAssertThrowsError(try ExampleCheck.validate(pack)) { error in
            let e = error as! RulePackError
            XCTAssertEqual(e.file, "always-wrong.yml")
            XCTAssertEqual(e.line, 9)
            XCTAssertTrue(e.message.contains("以经"), e.message)
        }
    }

    func testRuleThatFlagsItsGoodExampleIsALoadError() throws {
        let broken = """
        id: too-eager
        kind: pattern
        message: "“{match}”"
        pattern: "经"
        examples:
          bad:
            - "他↓经↓过这里。"
          good:
            - "他已经走了。"
        """
        let pack = try RulePack.load(files: [("too-eager.yml", broken)])
        XCTAssertThrowsError(try ExampleCheck.validate(pack)) { error in
            XCTAssertEqual((error as! RulePackError).line, 9)
        }
    }

    func testWordListExampleThatIsNotFlaggedIsALoadError() throws {
        let broken = """
        id: misread
        kind: substitution
        message: "“{match}”应为“{replacement}”。"
        swap: |
          己经 => 已经 | ex: 他已经走了。
        examples:
          bad:
            - "他↓己经↓走了。"
          good:
            - "他已经走了。"
        """
        let pack = try RulePack.load(files: [("misread.yml", broken)])
        XCTAssertThrowsError(try Linter(pack: pack)) { error in
            // Reading the list already shows that the example lacks the word.
            XCTAssertEqual((error as! RulePackError).line, 5)
            XCTAssertEqual((error as! RulePackError).key, "swap")
        }
    }
}
