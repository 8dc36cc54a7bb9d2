import JiaoduiCore
import XCTest

/// Every rule file carries its own good and bad examples; this runs all of them.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleHasExamples() {
        for type in RuleRegistry.types {
            let spec = RulePack.embedded.spec(type.id)
            XCTAssertNotNil(spec, "no rule file for \(type.id)")
            XCTAssertFalse(spec?.examples.bad.isEmpty ?? true, "\(type.id) has no bad examples")
            XCTAssertFalse(spec?.examples.good.isEmpty ?? true, "\(type.id) has no good examples")
        }
    }

    func testBadExamplesAreFlaggedWhereMarked() throws {
        for type in RuleRegistry.types {
            let spec = try XCTUnwrap(RulePack.embedded.spec(type.id))
            let linter = try Linter(enabled: [type.id])
            for example in spec.examples.bad {
                let (text, marks) = stripMarks(example.text)
                let found = linter.lint(TextDocument(text)).filter { $0.ruleID == type.id }
                XCTAssertFalse(found.isEmpty, "\(type.id) did not flag: \(example.text)")
                if marks.count == 1 {
                    XCTAssertTrue(found.contains { $0.range.lowerBound == marks[0] },
                                  "\(type.id): no finding starts at ↓ in \(example.text); got \(found.map(\.range))")
                } else if marks.count == 2 {
                    XCTAssertTrue(found.contains { $0.range == marks[0]..<marks[1] },
                                  "\(type.id): no finding spans ↓…↓ in \(example.text); got \(found.map(\.range))")
                }
                if let fixed = example.fixed {
                    let result = FixApplier.fixAll(TextDocument(text), linter: linter)
                    XCTAssertEqual(result.text, fixed, "\(type.id): fix of \(example.text)")
                }
            }
        }
    }

    func testGoodExamplesAreNotFlagged() throws {
        for type in RuleRegistry.types {
            let spec = try XCTUnwrap(RulePack.embedded.spec(type.id))
            for example in spec.examples.good {
                let found = lint(example).filter { $0.ruleID == type.id }
                XCTAssertEqual(found.map(\.message), [], "\(type.id) flagged a good example: \(example)")
            }
        }
    }
}
