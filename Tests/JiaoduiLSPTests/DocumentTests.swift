import Foundation
import XCTest
@testable import JiaoduiLSP

let wrapText = "累计开展理论学习中心组、三会一课等各\n\n类学习活动20余次。"

final class DocumentTests: XCTestCase {
    func testPublishedRangesCountUTF16UnitsAndCarryTheVersion() {
        let client = LSPTestClient()
        _ = client.initialize()
        let text = "𠮷é\r\n第二行\n" + dupText
        client.open(uri, text, version: 7)
        let publish = client.publishes(uri).last!
        XCTAssertEqual(publish["version"] as? Int, 7)
        let dup = (publish["diagnostics"] as! [JSON]).first { $0["code"] as? String == "duplicate-phrase" }!
        XCTAssertEqual(dup["source"] as? String, "jiaodui")
        XCTAssertEqual(dup["severity"] as? Int, 1)
        XCTAssertEqual(ClientText(text: text).text(in: dup["range"] as! JSON), "“我为群众办实事”")
    }

    func testUTF8ColumnsWhenNegotiated() {
        let client = LSPTestClient()
        _ = client.initialize(capabilities: ["general": ["positionEncodings": ["utf-8"]]])
        client.open(uri, "𠮷" + dupText)
        let dup = client.diagnostics(uri).first { $0["code"] as? String == "duplicate-phrase" }!
        let start = (dup["range"] as! JSON)["start"] as! JSON
        let prefix = "𠮷医院党委持续深入开展“我为群众办实事”"
        XCTAssertEqual(start["character"] as? Int, prefix.utf8.count, "columns in UTF-8 bytes")
    }

    func testIncrementalEditsSplitAndJoinParagraphs() {
        let client = LSPTestClient()
        _ = client.initialize()
        var doc = ClientText(text: "𠮷前言。\n\n累计开展理论学习中心组、三会一课等各类学习活动20余次。")
        client.open(uri, doc.text)
        XCTAssertFalse(codes(client.diagnostics(uri)).contains("broken-wrap"))

        // Split the word 各类 into two paragraphs: a broken wrap appears, placed after 𠮷.
        let split: JSON = ["range": doc.range(of: "类").merging(["end": doc.position(of: "类")]) { $1 }, "text": "\n\n"]
        doc.apply([["range": split["range"]!, "newText": "\n\n"]])
        client.change(uri, version: 2, [split])
        XCTAssertEqual(doc.text, "𠮷前言。\n\n累计开展理论学习中心组、三会一课等各\n\n类学习活动20余次。")
        let wrap = client.diagnostics(uri).first { $0["code"] as? String == "broken-wrap" }
        XCTAssertNotNil(wrap)
        XCTAssertEqual(client.publishes(uri).last?["version"] as? Int, 2)

        // Join them again by deleting the blank line: the finding goes.
        let gap = ["start": doc.position(of: "各").merging(["character": (doc.position(of: "各")["character"] as! Int) + 1]) { $1 },
                   "end": doc.position(of: "类学习")]
        client.change(uri, version: 3, [["range": gap, "text": ""]])
        doc.apply([["range": gap, "newText": ""]])
        XCTAssertEqual(doc.text, "𠮷前言。\n\n累计开展理论学习中心组、三会一课等各类学习活动20余次。")
        XCTAssertFalse(codes(client.diagnostics(uri)).contains("broken-wrap"))
    }

    func testSeveralChangesInOneNotificationAndWholeTextReplacement() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, "开头。")
        // Each change is relative to the text the previous one produced.
        client.change(uri, version: 2, [
            ["range": ["start": ["line": 0, "character": 3], "end": ["line": 0, "character": 3]], "text": "医院党委开展“我为群众办实事”"],
            ["range": ["start": ["line": 0, "character": 17], "end": ["line": 0, "character": 17]], "text": "“我为群众办实事”等活动。"],
        ])
        XCTAssertTrue(codes(client.diagnostics(uri)).contains("duplicate-phrase"))
        client.change(uri, version: 3, [["text": "全文替换，没有问题。"]])
        XCTAssertEqual(codes(client.diagnostics(uri)), [])
    }

    func testCloseClearsDiagnostics() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, dupText)
        XCTAssertFalse(client.diagnostics(uri).isEmpty)
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        XCTAssertEqual(client.publishes(uri).last?["diagnostics"] as? [JSON] as NSArray?, [] as NSArray)
    }

    func testPullDiagnosticsMatchPushAndAnswerUnchanged() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, dupText)
        let pushed = client.diagnostics(uri)
        let first = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as! JSON
        XCTAssertEqual(first["kind"] as? String, "full")
        XCTAssertEqual(first["items"] as? NSArray, pushed as NSArray)
        let id = first["resultId"] as! String
        let again = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": id])["result"] as! JSON
        XCTAssertEqual(again["kind"] as? String, "unchanged")
        XCTAssertEqual(again["resultId"] as? String, id)
        client.change(uri, version: 2, [["text": "改过了。"]])
        let after = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": id])["result"] as! JSON
        XCTAssertEqual(after["kind"] as? String, "full")
        XCTAssertNotEqual(after["resultId"] as? String, id)
    }

    func testLargeDocumentsRelintTheEditedLinesThenCatchUp() {
        let client = LSPTestClient.windowed()
        let filler = LSPTestClient.filler
        var doc = ClientText(text: "𠮷" + filler.joined(separator: "\n\n"))
        client.open(uri, doc.text)
        XCTAssertEqual(codes(client.diagnostics(uri, timeout: 5)), [])
        // Type a duplicated phrase into paragraph 20, one character at a time.
        let line = 2 * 19
        var column = (filler[19] as NSString).length - 1
        var version = 1
        for ch in "“我为群众办实事”“我为群众办实事”" {
            version += 1
            let at: JSON = ["line": line, "character": column]
            client.change(uri, version: version, [["range": ["start": at, "end": at], "text": String(ch)]])
            doc.apply([["range": ["start": at, "end": at], "newText": String(ch)]])
            column += String(ch).utf16.count
        }
        let last = client.publishes(uri).last!
        XCTAssertEqual(last["version"] as? Int, version, "every edit is answered at once")
        let dup = (last["diagnostics"] as! [JSON]).filter { $0["code"] as? String == "duplicate-phrase" }
        XCTAssertEqual(dup.count, 1)
        XCTAssertEqual(dup.first.map { doc.text(in: $0["range"] as! JSON) }, "“我为群众办实事”")
        // The full lint after the pause agrees.
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(client.diagnostics(uri) as NSArray, dup as NSArray)
    }
}
