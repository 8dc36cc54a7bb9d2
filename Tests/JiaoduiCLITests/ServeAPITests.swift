import CJiaoduiData
import Foundation
import XCTest

/// `jiaodui serve`'s JSON API, through the real binary on a free port: the seed page's
/// duplicated phrase is found and fixed, every rule is listed, an oversized body gets a 413, a
/// .docx upload is read from memory, and the page served is the embedded copy of serve.html.
final class ServeAPITests: CLITestCase {
    static let seed = packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt")
    static let page = packageRoot.appendingPathComponent("Sources/JiaoduiCLI/Resources/serve.html")
    static let doubled = "“我为群众办实事”“我为群众办实事”"

    private var server: ServeProcess!

    override func setUpWithError() throws {
        try super.setUpWithError()
        server = try ServeProcess(binary: try XCTUnwrap(Self.binary, "the jiaodui executable was not found next to the tests"))
    }

    override func tearDownWithError() throws {
        server?.stop()
        try super.tearDownWithError()
    }

    private func seedText() throws -> String { try String(contentsOf: Self.seed, encoding: .utf8) }

    private func diagnostics(_ report: Any?) -> [[String: Any]] {
        let files = (report as? [String: Any])?["files"] as? [[String: Any]]
        return files?.first?["diagnostics"] as? [[String: Any]] ?? []
    }

    func testLintFindsTheDuplicatedPhraseAsTheCLIReportsIt() throws {
        let reply = try server.post("api/lint", json: ["text": try seedText()])
        XCTAssertEqual(reply.status, 200, reply.text)
        let json = try XCTUnwrap(reply.json)
        let duplicate = diagnostics(json["report"]).filter { $0["rule"] as? String == "duplicate-phrase" }
        XCTAssertEqual(duplicate.count, 1)
        XCTAssertEqual(duplicate.first?["message"] as? String, "以下文字重复了一遍，请删去后一处：“我为群众办实事”")
        let start = (duplicate.first?["range"] as? [String: Any])?["start"] as? [String: Int]
        XCTAssertEqual(start, ["line": 118, "character": 58])

        // The report is `lint --format json`'s, but for the name of the input (`-`, not `<stdin>`).
        let cli = try run(["lint", "--format", "json", "-"], stdin: try seedText())
        let cliJSON = try JSONSerialization.jsonObject(with: Data(cli.stdout.replacingOccurrences(of: "\"path\":\"<stdin>\"", with: "\"path\":\"-\"").utf8))
        XCTAssertEqual(json["report"] as? NSDictionary, cliJSON as? NSDictionary)
        let summary = (json["report"] as? [String: Any])?["summary"] as? [String: Any]
        XCTAssertNotNil(summary?["errorRatePer10k"])
    }

    func testTheProjectConfigurationWhereTheServerStartedApplies() throws {
        try write("rules:\n  halfwidth-punctuation: off\nallow:\n  - 我为群众办实事\n", to: ".jiaodui.yml")
        let here = try ServeProcess(binary: try XCTUnwrap(Self.binary), directory: dir)
        defer { here.stop() }
        let reply = try here.post("api/lint", json: ["text": "今天,深入开展“我为群众办实事”“我为群众办实事”等活动。"])
        XCTAssertEqual(diagnostics(reply.json?["report"]).count, 0, reply.text)
        let elsewhere = try server.post("api/lint", json: ["text": "今天,深入开展“我为群众办实事”“我为群众办实事”等活动。"])
        XCTAssertEqual(diagnostics(elsewhere.json?["report"]).count, 2, "without the configuration: the comma and the phrase")
    }

    func testEnglishMessagesOnRequest() throws {
        let reply = try server.post("api/lint", json: ["text": "深入开展“我为群众办实事”“我为群众办实事”等活动。", "locale": "en"])
        let message = diagnostics(reply.json?["report"]).first?["message"] as? String ?? ""
        XCTAssertTrue(message.hasPrefix("Printed twice"), message)
    }

    func testFixRemovesTheDuplicate() throws {
        let text = try seedText()
        XCTAssertTrue(text.contains(Self.doubled))
        let reply = try server.post("api/fix", json: ["text": text])
        XCTAssertEqual(reply.status, 200, reply.text)
        let json = try XCTUnwrap(reply.json)
        let fixed = try XCTUnwrap(json["text"] as? String)
        XCTAssertFalse(fixed.contains(Self.doubled))
        XCTAssertTrue(fixed.contains("深入开展“我为群众办实事”等活动"))
        let applied = (json["applied"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        XCTAssertEqual(applied.count, 281)
        XCTAssertTrue(applied.contains { $0["rule"] as? String == "duplicate-phrase" })
        let remaining = diagnostics(json["report"]).compactMap { $0["rule"] as? String }.sorted()
        XCTAssertEqual(remaining, ["spliced-fragment", "truncated-sentence", "truncated-sentence"])
    }

    func testRulesListsEveryRule() throws {
        let reply = try server.get("api/rules")
        XCTAssertEqual(reply.status, 200)
        let rules = try XCTUnwrap(reply.json?["rules"] as? [[String: Any]])
        let listed = rules.compactMap { $0["id"] as? String }
        let cli = RulesCommandTests.ruleRows(try run(["rules"]).stdout).map { $0[0] }
        XCTAssertEqual(listed, cli)
        XCTAssertGreaterThan(listed.count, 20)
        for rule in rules {
            XCTAssertNotNil((rule["name"] as? [String: String])?["zh"])
            XCTAssertNotNil((rule["description"] as? [String: String])?["en"])
        }
    }

    func testOversizedBodyIs413() throws {
        let reply = try server.post("api/lint", bytes: Data(count: 8 * 1024 * 1024 + 1), contentType: "application/json")
        XCTAssertEqual(reply.status, 413)
        XCTAssertEqual(reply.json?["error"] as? String, "请求过大：上限为 8 MB")
    }

    func testBadRequestsSayWhatIsWrong() throws {
        XCTAssertEqual(try server.post("api/lint", bytes: Data("not json".utf8), contentType: "application/json").status, 400)
        let format = try server.post("api/lint", json: ["text": "文字", "format": "pdf"])
        XCTAssertEqual(format.status, 400)
        XCTAssertTrue((format.json?["error"] as? String ?? "").contains("未知格式"), format.text)
    }

    func testDocxUploadIsReadFromMemory() throws {
        let docx = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/docx/稿件.docx"))
        let reply = try server.post("api/lint?format=docx", bytes: docx)
        XCTAssertEqual(reply.status, 200, reply.text)
        let rules = diagnostics(reply.json?["report"]).compactMap { $0["rule"] as? String }
        XCTAssertTrue(rules.contains("duplicate-phrase"), "\(rules)")
        XCTAssertFalse((reply.json?["text"] as? String ?? "").isEmpty)
        XCTAssertEqual(try server.post("api/lint?format=docx", bytes: Data("not a zip".utf8)).status, 400)
    }

    func testAPortOutOfRangeIsAUsageError() throws {
        let r = try run(["serve", "--port", "70000"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("端口应在 0 到 65535 之间"), r.stderr)
    }

    func testThePageIsTheEmbeddedServeHTML() throws {
        let reply = try server.get("")
        XCTAssertEqual(reply.status, 200)
        let file = try Data(contentsOf: Self.page)
        let embedded = Data(bytes: jd_serve_page_data(), count: Int(jd_serve_page_size()))
        XCTAssertEqual(embedded, file, "the embedded page differs from serve.html: touch Sources/CJiaoduiData/embedded.c and rebuild")
        XCTAssertEqual(reply.body, file)
    }
}
