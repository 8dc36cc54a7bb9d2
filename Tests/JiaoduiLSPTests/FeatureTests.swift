import Foundation
import XCTest
@testable import JiaoduiLSP

final class CodeActionTests: XCTestCase {
    func actions(_ client: LSPTestClient, _ range: JSON, only: [String]? = nil) -> [JSON] {
        var context: JSON = ["diagnostics": client.diagnostics(uri)]
        if let only { context["only"] = only }
        return client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": range, "context": context])["result"] as? [JSON] ?? []
    }

    func testQuickFixEditAppliedByTheClientMendsTheText() {
        for documentChanges in [false, true] {
            let client = LSPTestClient()
            _ = client.initialize(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": documentChanges]]])
            var doc = ClientText(text: "𠮷\r\n" + dupText)
            client.open(uri, doc.text, version: 3)
            let dup = client.diagnostics(uri).first { $0["code"] as? String == "duplicate-phrase" }!
            let fix = actions(client, dup["range"] as! JSON).first { $0["kind"] as? String == "quickfix" && $0["edit"] != nil }!
            XCTAssertEqual(fix["isPreferred"] as? Bool, true)
            let edit = fix["edit"] as! JSON
            let edits: [JSON]
            if documentChanges {
                XCTAssertNil(edit["changes"])
                let change = (edit["documentChanges"] as! [JSON])[0]
                XCTAssertEqual((change["textDocument"] as! JSON)["version"] as? Int, 3)
                edits = change["edits"] as! [JSON]
            } else {
                XCTAssertNil(edit["documentChanges"], "documentChanges only when the client announced them")
                edits = (edit["changes"] as! [String: [JSON]])[uri]!
            }
            doc.apply(edits)
            XCTAssertEqual(doc.text, "𠮷\r\n医院党委持续深入开展“我为群众办实事”等活动。")
            client.change(uri, version: 4, edits.map { ["range": $0["range"]!, "text": $0["newText"]!] })
            XCTAssertFalse(codes(client.diagnostics(uri)).contains("duplicate-phrase"))
        }
    }

    func testFixAllAndOnlyFilter() {
        let client = LSPTestClient()
        _ = client.initialize()
        var doc = ClientText(text: wrapText + "\n\n推动司法行政\n\n政系统转变工作作风,提高效率。")
        client.open(uri, doc.text)
        let whole: JSON = ["start": ["line": 0, "character": 0], "end": ["line": 99, "character": 0]]
        let fixAll = actions(client, whole, only: ["source.fixAll"])
        XCTAssertEqual(fixAll.map { $0["kind"] as? String }, ["source.fixAll.jiaodui"], "only filters by kind prefix")
        doc.apply((fixAll[0]["edit"] as! JSON)["changes"].flatMap { ($0 as! [String: [JSON]])[uri] }!)
        XCTAssertEqual(doc.text, "累计开展理论学习中心组、三会一课等各类学习活动20余次。\n\n推动司法行政系统转变工作作风，提高效率。")
        XCTAssertTrue(actions(client, whole, only: ["refactor"]).isEmpty)
    }

    func testSilencingCommandsAreOfferedAndCarriedOutByTheServer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("稿件"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("稿件/第一版.txt").path
        let fileURI = FileURI.uri(path)
        let client = LSPTestClient()
        _ = client.initialize(root: dir.path)
        client.open(fileURI, dupText + "\n\n" + wrapText)
        let dup = client.diagnostics(fileURI).first { $0["code"] as? String == "duplicate-phrase" }!
        let offered = client.request("textDocument/codeAction", ["textDocument": ["uri": fileURI], "range": dup["range"]!,
                                                                  "context": ["diagnostics": [dup]]])["result"] as! [JSON]
        let commands = offered.filter { $0["kind"] == nil }.compactMap { $0["command"] as? String }
        XCTAssertEqual(commands, ["jiaodui.allow", "jiaodui.disableRuleInFile", "jiaodui.disableRuleInProject"])

        let allow = offered.first { $0["command"] as? String == "jiaodui.allow" }!
        XCTAssertNotNil(client.request("workspace/executeCommand", ["command": allow["command"]!, "arguments": allow["arguments"]!])["result"])
        XCTAssertFalse(codes(client.diagnostics(fileURI)).contains("duplicate-phrase"), "re-linted with the new allowlist")
        let config = dir.appendingPathComponent(".jiaodui.yml").path
        XCTAssertEqual(try String(contentsOfFile: config, encoding: .utf8), "allow:\n  - \"“我为群众办实事”\"\n")

        client.request("workspace/executeCommand", ["command": "jiaodui.disableRuleInFile", "arguments": [fileURI, "broken-wrap"]])
        XCTAssertFalse(codes(client.diagnostics(fileURI)).contains("broken-wrap"))
        client.request("workspace/executeCommand", ["command": "jiaodui.disableRuleInProject", "arguments": [fileURI, "halfwidth-punctuation"]])
        XCTAssertEqual(try String(contentsOfFile: config, encoding: .utf8), """
            allow:
              - "“我为群众办实事”"
            overrides:
              - files: ["/稿件/第一版.txt"]
                rules:
                  broken-wrap: off
            rules:
              halfwidth-punctuation: off

            """)
        let bad = client.request("workspace/executeCommand", ["command": "jiaodui.disableRuleInProject", "arguments": [fileURI, "no-such-rule"]])
        XCTAssertEqual((bad["error"] as? JSON)?["code"] as? Int, -32602)
    }
}

final class HoverAndSettingsTests: XCTestCase {
    func testHoverExplainsTheRuleAtAFinding() {
        let client = LSPTestClient()
        _ = client.initialize(capabilities: ["textDocument": ["hover": ["contentFormat": ["markdown", "plaintext"]]]])
        client.open(uri, "𠮷" + dupText)
        let inside = ClientText(text: "𠮷" + dupText).position(of: "我为群众办实事", occurrence: 2)
        let hover = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": inside])["result"] as? JSON
        let contents = hover?["contents"] as? JSON
        XCTAssertEqual(contents?["kind"] as? String, "markdown")
        XCTAssertTrue((contents?["value"] as? String ?? "").contains("重复的词句"), "\(String(describing: contents))")
        XCTAssertTrue((contents?["value"] as? String ?? "").contains("jiaodui explain duplicate-phrase"))
        let outside = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 1]])
        XCTAssertTrue(outside["result"] is NSNull)
    }

    func testSettingsFromInitializationOptionsAndChangesWithoutRestart() {
        let client = LSPTestClient()
        _ = client.initialize(options: ["jiaodui": ["rules": ["halfwidth-punctuation": "off", "duplicate-phrase": "info"]]])
        let text = dupText + "今天,我们开会。"
        client.open(uri, text)
        var found = client.diagnostics(uri)
        XCTAssertEqual(codes(found), ["duplicate-phrase"])
        XCTAssertEqual(found.first?["severity"] as? Int, 3)

        // New settings apply on top of initializationOptions.
        client.notify("workspace/didChangeConfiguration", ["settings": ["jiaodui": ["locale": "en", "rules": ["halfwidth-punctuation": "on"]]]])
        found = client.diagnostics(uri)
        XCTAssertEqual(Set(codes(found)), ["duplicate-phrase", "halfwidth-punctuation"])
        XCTAssertTrue((found.first?["message"] as? String ?? "").hasPrefix("Printed twice"), "English messages")
        XCTAssertEqual(found.first?["severity"] as? Int, 3, "duplicate-phrase stays at info")
    }

    func testWorkspaceConfigurationIsAskedWhenTheFirstDocumentOpens() {
        let client = LSPTestClient()
        _ = client.initialize(capabilities: ["workspace": ["configuration": true]])
        XCTAssertTrue(client.serverRequests("workspace/configuration").isEmpty)
        client.open(uri, dupText + "今天,我们开会。")
        let ask = client.serverRequests("workspace/configuration")
        XCTAssertEqual(ask.count, 1)
        XCTAssertEqual(((ask[0]["params"] as? JSON)?["items"] as? [JSON])?.first?["section"] as? String, "jiaodui")
        client.reply(to: ask[0], result: [["rules": ["duplicate-phrase": false]]])
        XCTAssertEqual(codes(client.diagnostics(uri)), ["halfwidth-punctuation"])
        // A change notification without settings makes the server ask again.
        client.notify("workspace/didChangeConfiguration", ["settings": NSNull()])
        let again = client.serverRequests("workspace/configuration")
        XCTAssertEqual(again.count, 2)
        client.reply(to: again[1], result: [NSNull()])
        XCTAssertEqual(Set(codes(client.diagnostics(uri))), ["duplicate-phrase", "halfwidth-punctuation"])
    }
}
