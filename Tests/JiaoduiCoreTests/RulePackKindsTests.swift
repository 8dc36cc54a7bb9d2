import Foundation
import JiaoduiCore
import XCTest

/// The declarative rule types as a rule author meets them: loading, matching decisions, the
/// time limit, packs in a configuration.
final class RulePackKindsTests: XCTestCase {
    private func pack(_ yaml: String, name: String = "custom.yml") throws -> Linter {
        try Linter(pack: RulePack.load(files: [(name, yaml)]))
    }

    /// A pattern that backtracks catastrophically, on a 1 MB line: the search stops at its time
    /// limit and says so on that line, instead of hanging the linter.
    func testCatastrophicPatternOnAMegabyteLineStopsWithAWarning() throws {
        let linter = try pack("""
        id: slow
        kind: pattern
        message: "{match}"
        pattern: '(x+x+)+y'
        time_limit: 50
        """)
        let line = "y" + String(repeating: "x", count: 1_000_000)
        let started = Date()
        let found = linter.lint(TextDocument(line + "\n第二行没有问题。\n"))
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 30, "the time limit did not stop the search")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.range, 0..<1)
        XCTAssertTrue(found.first?.message.contains("超出时间限制") ?? false, found.first?.message ?? "")
        XCTAssertTrue(found.first?.message.contains("slow") ?? false)
    }

    func testInvalidPatternIsALoadErrorWithItsPlace() throws {
        XCTAssertThrowsError(try pack("id: bad\nkind: pattern\nmessage: x\npattern: '(unclosed'\n")) { error in
            let e = error as! RulePackError
            XCTAssertEqual(e.line, 4)
            XCTAssertEqual(e.key, "pattern")
        }
    }

    func testUnknownKindAndUnknownKeyAreLoadErrors() throws {
        XCTAssertThrowsError(try RulePack.load(files: [("k.yml", "id: k\nkind: regexp\n")])) { error in
            XCTAssertTrue((error as! RulePackError).message.contains("pattern"), "the valid kinds are listed")
        }
        XCTAssertThrowsError(try RulePack.load(files: [("k.yml", "id: k\nkind: paired\nswap: x\n")])) { error in
            XCTAssertEqual((error as! RulePackError).key, "swap")
        }
    }

    func testWordListLineErrorsNameTheLine() throws {
        let yaml = "id: w\nkind: substitution\nmessage: x\nswap: |\n  己经 => 已经\n  再接再励 再接再厉\n"
        XCTAssertThrowsError(try pack(yaml)) { error in
            let e = error as! RulePackError
            XCTAssertEqual(e.line, 6)
            XCTAssertTrue(e.message.contains("=>"), e.message)
        }
    }

    /// Word boundaries come from the segmentation: 自己经常 holds 己经 across two words.
    func testSubstitutionRespectsWordBoundariesAndContexts() throws {
        let linter = try pack("""
        id: w
        kind: substitution
        message: "“{match}”应为“{replacement}”。"
        swap: |
          己经 => 已经
          截止 => 截至 | only: 截止目前, 截止到
          帐号 => 账号 | unless: 帐号码
        """)
        func flagged(_ text: String) -> [String] {
            linter.lint(TextDocument(text)).map { TextDocument(text).string($0.range) }
        }
        XCTAssertEqual(flagged("他己经走了。"), ["己经"])
        XCTAssertEqual(flagged("自己经常下乡调研。"), [])
        XCTAssertEqual(flagged("截止目前，已有三百人报名。"), ["截止"])
        XCTAssertEqual(flagged("报名截止日期是五月一日。"), [])
        XCTAssertEqual(flagged("请输入帐号。"), ["帐号"])
    }

    /// A compatibility ideograph is canonically equal to its unified form: matching must compare
    /// scalars, or every ordinary 丹 would be flagged.
    func testCompatibilityIdeographsAreToldApartFromUnifiedOnes() throws {
        let found = sharedLinter.lint(TextDocument("王\u{F95E}和王丹都来了。")).filter { $0.ruleID == "compatibility-ideographs" }
        XCTAssertEqual(found.map(\.range), [1..<2])
        XCTAssertEqual(found.first?.fixes.first?.edits.first?.newText.unicodeScalars.first?.value, 0x4E39)
    }

    /// A paragraph written in Traditional characters is a quotation, not mixing.
    func testTraditionalParagraphIsSkippedButAStrayCharacterIsNot() throws {
        let traditional = "這是一個關於經濟發展的問題，我們應該認真對待。"
        XCTAssertEqual(lint(traditional).filter { $0.ruleID == "traditional-chars" }, [])
        XCTAssertEqual(lint("会议後，大家合影。").filter { $0.ruleID == "traditional-chars" }.count, 1)
    }

    func testFullWidthRunIsOneFindingWithOneFix() throws {
        let text = "２０２４年，全市ＧＤＰ增长5%。"
        let found = lint(text).filter { $0.ruleID == "fullwidth-alphanumerics" }
        XCTAssertEqual(found.map(\.range), [0..<4, 8..<11])
        XCTAssertEqual(FixApplier.fixAll(TextDocument(text), linter: sharedLinter).text, "2024年，全市GDP增长5%。")
    }

    func testPairedMarksAcrossParagraphs() throws {
        func paired(_ text: String) -> [Int] {
            lint(text).filter { $0.ruleID == "paired-marks" }.map(\.range.lowerBound)
        }
        // A quotation over two paragraphs; a wrap damaged between “ and ”; a stray opener.
        XCTAssertEqual(paired("“第一段。\n“第二段。”\n"), [])
        XCTAssertEqual(paired("他说“要敢\n\n为人先”。\n"), [])
        XCTAssertEqual(paired("他说“要敢为人先。\n\n第二段。\n"), [2])
        XCTAssertEqual(paired("《〈论语〉注》（第二版）"), [])
    }

    func testPacksInAConfiguration() throws {
        let ids = Set(RuleRegistry.knownIDs)
        let config = try ProjectConfig.parse("packs:\n  script: off\n  punctuation: info\nrules:\n  ellipsis: error\n",
                                             file: "c.yml", ruleIDs: ids)
        XCTAssertEqual(config.rules["traditional-chars"], .off)
        XCTAssertEqual(config.rules["dash"], .severity(.info))
        XCTAssertEqual(config.rules["ellipsis"], .severity(.error), "a rule named under rules: wins over its pack")
        XCTAssertNil(config.rules["broken-wrap"])
        XCTAssertThrowsError(try ProjectConfig.parse("packs:\n  nosuch: off\n", file: "c.yml", ruleIDs: ids)) { error in
            let e = error as! RulePackError
            XCTAssertEqual(e.line, 2)
            XCTAssertTrue(e.message.contains("script"), "the valid packs are listed")
        }
        let filter = FindingFilter(config: config, path: "a.txt")
        XCTAssertEqual(filter.apply(lint("会议後，大家合影。"), in: TextDocument("会议後，大家合影。")).filter { $0.ruleID == "traditional-chars" }, [])
    }

    /// The script pack is generated from Unihan by a committed script; re-running it must give the
    /// committed files (only where the same unicode-data is installed).
    func testScriptPackIsWhatTheGeneratorWrites() throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/unicode/Unihan_Variants.txt.bz2") else {
            throw XCTSkip("unicode-data is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Scripts/gen-script-pack.py").path, "--check"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
    }
}
