import JiaoduiCore
import XCTest

final class RulePackTests: XCTestCase {
    func testMalformedRuleFileNamesFileLineAndKey() {
        let yaml = "id: broken-wrap\nseverity: loud\n"
        XCTAssertThrowsError(try RulePack.load(files: [("my/broken-wrap.yml", yaml)])) { error in
            let e = error as! RulePackError
            XCTAssertEqual(e.file, "my/broken-wrap.yml")
            XCTAssertEqual(e.line, 2)
            XCTAssertEqual(e.key, "severity")
        }
    }

    func testUnknownKeysAndYAMLSyntaxErrorsAreReported() {
        XCTAssertThrowsError(try RulePack.load(files: [("a.yml", "id: x\nsevrity: error\n")])) { error in
            XCTAssertEqual((error as! RulePackError).key, "sevrity")
        }
        XCTAssertThrowsError(try RulePack.load(files: [("b.yml", "id: x\nname: [unclosed\n")])) { error in
            XCTAssertEqual((error as! RulePackError).file, "b.yml")
        }
    }

    func testWrongParameterTypeIsAnErrorWithItsPlace() throws {
        let yaml = "id: duplicate-phrase\nparameters:\n  min_han: three\n"
        let pack = try RulePack.load(files: [("duplicate-phrase.yml", yaml)])
        XCTAssertThrowsError(try Linter(pack: pack)) { error in
            let e = error as! RulePackError
            XCTAssertEqual(e.key, "parameters.min_han")
            XCTAssertEqual(e.line, 3)
        }
    }

    func testUnknownRuleIDIsAnError() throws {
        let pack = try RulePack.load(files: [("x.yml", "id: no-such-rule\n")])
        XCTAssertThrowsError(try Linter(pack: pack))
    }

    func testParametersChangeBehaviour() throws {
        var files = EmbeddedFiles.all.filter { $0.name.hasSuffix(".yml") }
            .map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }
        let index = try XCTUnwrap(files.firstIndex { $0.0 == "duplicate-phrase.yml" })
        files[index].1 = files[index].1.replacingOccurrences(of: "allow: []", with: "allow: [\"战略\"]")
        let linter = try Linter(pack: RulePack.load(files: files))
        XCTAssertEqual(linter.lint(TextDocument("这是国家发展的重大战略战略，必须长期坚持。")).count, 0)
    }
}
