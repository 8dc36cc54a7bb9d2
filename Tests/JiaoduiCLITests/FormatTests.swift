import Foundation
import XCTest
@testable import JiaoduiCLI
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every `--format`, compared byte for byte with a golden file in `Tests/Fixtures/formats/`, and
/// the column units checked against values computed here from the text itself.
///
/// After an intended change to a format (or to a rule's wording), regenerate the goldens with
/// `JIAODUI_UPDATE_GOLDENS=1 swift test --filter FormatTests` and review the diff.
final class FormatTests: CLITestCase {
    /// 𠮷 (one character, two UTF-16 units, four UTF-8 bytes) opens the line, Han and curly quotes
    /// (three bytes each) follow, and the findings come later on the line, so character, UTF-16
    /// and UTF-8 columns all differ: the doubled quotation at characters 13/UTF-16 14/byte 38, the
    /// half-width comma at 25/26/74.
    static let line = "𠮷开展“我为群众办实事”“我为群众办实事”等活动,请大家参加。"
    static let goldens = packageRoot.appendingPathComponent("Tests/Fixtures/formats")

    private func writeFixtures() throws {
        try write(Self.line + "\n", to: "a.txt")
        try write(Fixture.clean, to: "clean.txt")
    }

    private func assertGolden(_ format: String, _ ext: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try writeFixtures()
        let r = try run(["lint", "--format", format, "a.txt", "clean.txt"])
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        let golden = Self.goldens.appendingPathComponent("\(format).\(ext)")
        if ProcessInfo.processInfo.environment["JIAODUI_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
            try r.stdoutBytes.write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        XCTAssertEqual(r.stdout, expected, "\(format) output differs from \(golden.path)", file: file, line: line)
    }

    func testTextGolden() throws { try assertGolden("text", "txt") }
    func testJSONGolden() throws { try assertGolden("json", "json") }
    func testSARIFGolden() throws { try assertGolden("sarif", "sarif") }
    func testGitHubGolden() throws { try assertGolden("github", "txt") }
    func testRDJSONGolden() throws { try assertGolden("rdjson", "json") }
    func testCheckstyleGolden() throws { try assertGolden("checkstyle", "xml") }
    func testJUnitGolden() throws { try assertGolden("junit", "xml") }

    /// Where the finding starts and ends on `line`, counted from the text, not by jiaodui.
    private struct Expected {
        let utf16Start: Int, utf16End: Int, utf8Start: Int, utf8End: Int
        init(_ line: String, before: String, finding: String) {
            utf16Start = before.utf16.count + 1
            utf16End = before.utf16.count + finding.utf16.count + 1
            utf8Start = before.utf8.count + 1
            utf8End = before.utf8.count + finding.utf8.count + 1
            precondition(line.hasPrefix(before + finding))
        }
    }

    private let quotation = Expected(line, before: "𠮷开展“我为群众办实事”", finding: "“我为群众办实事”")
    private let comma = Expected(line, before: "𠮷开展“我为群众办实事”“我为群众办实事”等活动", finding: ",")

    func testGitHubColumnsAreUTF16UnitsAndTheEndIsTheLastUnit() throws {
        try writeFixtures()
        let r = try run(["lint", "--format", "github", "a.txt"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "::error file=a.txt,line=1,col=\(quotation.utf16Start),endLine=1,endColumn=\(quotation.utf16End - 1),"
                + "title=duplicate-phrase::以下文字重复了一遍，请删去后一处：“我为群众办实事”",
            "::warning file=a.txt,line=1,col=\(comma.utf16Start),endLine=1,endColumn=\(comma.utf16End - 1),"
                + "title=halfwidth-punctuation::中文里用了半角“,”，应改为全角“，”。",
        ])
        XCTAssertEqual(quotation.utf16Start, 14)
        XCTAssertEqual(comma.utf16Start, 26)
    }

    func testRDJSONColumnsAreUTF8BytesWithAnExclusiveEnd() throws {
        try writeFixtures()
        let r = try run(["lint", "--format", "rdjson", "a.txt"])
        let root = try json(r)
        XCTAssertEqual((root["source"] as? [String: Any])?["name"] as? String, "jiaodui")
        let diagnostics = try XCTUnwrap(root["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 2)
        for (d, expected, rule, severity) in [(diagnostics[0], quotation, "duplicate-phrase", "ERROR"),
                                               (diagnostics[1], comma, "halfwidth-punctuation", "WARNING")] {
            let location = try XCTUnwrap(d["location"] as? [String: Any])
            XCTAssertEqual(location["path"] as? String, "a.txt")
            let range = try XCTUnwrap(location["range"] as? [String: [String: Int]])
            XCTAssertEqual(range["start"], ["line": 1, "column": expected.utf8Start])
            XCTAssertEqual(range["end"], ["line": 1, "column": expected.utf8End])
            XCTAssertEqual((d["code"] as? [String: Any])?["value"] as? String, rule)
            XCTAssertEqual(d["severity"] as? String, severity)
            let suggestion = try XCTUnwrap((d["suggestions"] as? [[String: Any]])?.first)
            XCTAssertEqual((suggestion["range"] as? [String: [String: Int]])?["start"], ["line": 1, "column": expected.utf8Start])
        }
        XCTAssertEqual(quotation.utf8Start, 38)
        XCTAssertEqual(comma.utf8Start, 74)
    }

    func testSARIFRegionsAreUTF16WithAnExclusiveEnd() throws {
        try writeFixtures()
        let root = try json(try run(["lint", "--format", "sarif", "a.txt"]))
        let run = try XCTUnwrap((root["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "utf16CodeUnits")
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for (result, expected) in zip(results, [quotation, comma]) {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "a.txt")
            XCTAssertEqual(location["region"] as? [String: Int], [
                "startLine": 1, "startColumn": expected.utf16Start, "endLine": 1, "endColumn": expected.utf16End,
            ])
        }
        XCTAssertEqual(results.map { $0["level"] as? String }, ["error", "warning"])
    }

    func testAFindingAcrossLinesHasNoGitHubColumns() throws {
        try write("2024年以来，累计开展理论学习中心组、三会一课等各\n\n类学习活动20余次。\n", to: "wrap.txt")
        let r = try run(["lint", "--format", "github", "--rule", "broken-wrap", "wrap.txt"])
        XCTAssertTrue(r.stdout.hasPrefix("::warning file=wrap.txt,line=1,endLine=3,title=broken-wrap::"), r.stdout)
    }

    func testAnInfoIsANoticeInGitHubAndANoteInSARIF() throws {
        let seed = Self.packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt").path
        let github = try run(["lint", "--format", "github", "--rule", "spliced-fragment", seed])
        XCTAssertTrue(github.stdout.hasPrefix("::notice file="), github.stdout)
        XCTAssertTrue(github.stdout.contains(",title=spliced-fragment::"), github.stdout)
        let sarif = try run(["lint", "--format", "sarif", "--rule", "spliced-fragment", seed])
        XCTAssertTrue(sarif.stdout.contains(#""ruleId":"spliced-fragment","ruleIndex":4,"level":"note""#), sarif.stdout)
        let rdjson = try run(["lint", "--format", "rdjson", "--rule", "spliced-fragment", seed])
        XCTAssertTrue(rdjson.stdout.contains(#""severity":"INFO""#), rdjson.stdout)
    }

    func testGitHubEscaping() {
        XCTAssertEqual(GitHubAnnotations.escapeData("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d")
        XCTAssertEqual(GitHubAnnotations.escapeProperty("dir,x/a:b%.txt"), "dir%2Cx/a%3Ab%25.txt")
    }

    func testGitHubPropertiesAreEscapedInTheOutput() throws {
        try write(Fixture.comma, to: "a,b:c.txt")
        let r = try run(["lint", "--format", "github", "a,b:c.txt"])
        XCTAssertTrue(r.stdout.hasPrefix("::warning file=a%2Cb%3Ac.txt,line=1,col=7,"), r.stdout)
    }

    func testXMLFormatsEscapeAndParse() throws {
        try write(Fixture.comma, to: "a&<\"'>.txt")
        try write(Fixture.clean, to: "clean.txt")
        for format in ["checkstyle", "junit"] {
            let r = try run(["lint", "--format", format, "a&<\"'>.txt", "clean.txt"])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stdout.contains("a&amp;&lt;&quot;&apos;&gt;.txt"), r.stdout)
            let parser = XMLParser(data: r.stdoutBytes)
            XCTAssertTrue(parser.parse(), "\(format) output is not well-formed XML: \(String(describing: parser.parserError))\n\(r.stdout)")
        }
    }

    func testJUnitCountsAPassingCaseForACleanFile() throws {
        try writeFixtures()
        let r = try run(["lint", "--format", "junit", "clean.txt"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("<testsuites name=\"jiaodui\" tests=\"1\" failures=\"0\" errors=\"0\">"), r.stdout)
        XCTAssertTrue(r.stdout.contains("<testcase classname=\"clean.txt\" name=\"jiaodui\"/>"), r.stdout)
    }

    func testUnreadableInputStillGivesAWholeDocumentAndExitTwo() throws {
        try writeFixtures()
        for format in ["sarif", "rdjson", "checkstyle", "junit", "json"] {
            let r = try run(["lint", "--format", format, "a.txt", "missing.txt"])
            XCTAssertEqual(r.status, 2, format)
            XCTAssertTrue(r.stderr.contains("missing.txt"), r.stderr)
            if format == "checkstyle" || format == "junit" {
                XCTAssertTrue(XMLParser(data: r.stdoutBytes).parse(), format)
            } else {
                XCTAssertNoThrow(try json(r), format)
            }
        }
        let sarif = try json(try run(["lint", "--format", "sarif", "a.txt", "missing.txt"]))
        let invocation = try XCTUnwrap(((sarif["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
    }
}
