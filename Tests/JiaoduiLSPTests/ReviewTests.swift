import Foundation
import XCTest
@testable import JiaoduiLSP

/// Behaviour that real clients rely on beyond the basics: pull-only clients, other tools'
/// diagnostics in a code action request, settings files that change under the server.
final class ClientBehaviourTests: XCTestCase {
    func testAClientThatPullsGetsNoPushesAndIsAskedToRefresh() {
        var options = LanguageServer.Options()
        options.fullLintLimit = 10  // the document below is linted in the background
        let client = LSPTestClient(options: options)
        _ = client.initialize(capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]],
                                             "workspace": ["diagnostics": ["refreshSupport": true]]])
        client.server.lintQueue.suspend()  // the background lint has not finished when the client pulls
        client.open(uri, dupText + "今天,我们开会。")
        let report = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as! JSON
        client.server.lintQueue.resume()
        XCTAssertEqual(Set(codes(report["items"] as! [JSON])), ["duplicate-phrase", "halfwidth-punctuation"],
                       "a pull before the first lint finished is answered with a lint")
        client.change(uri, version: 2, [["text": dupText]])
        client.server.drain()
        XCTAssertTrue(client.publishes(uri).isEmpty, "a pulling client would show pushed findings twice")

        client.notify("workspace/didChangeConfiguration", ["settings": ["jiaodui": ["rules": ["duplicate-phrase": "off"]]]])
        XCTAssertTrue(client.wait { !client.serverRequests("workspace/diagnostic/refresh").isEmpty })
        XCTAssertEqual(client.serverRequests("workspace/diagnostic/refresh").count, 1)
        XCTAssertNil(client.serverRequests("workspace/diagnostic/refresh").first?["params"], "the refresh has no params")
        let after = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as! JSON
        XCTAssertEqual(codes(after["items"] as! [JSON]), [])
    }

    func testResultIDsAreNeverReusedAfterReopening() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, "没有问题。")
        let first = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as! JSON
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        client.open(uri, dupText)
        let again = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": first["resultId"]!])["result"] as! JSON
        XCTAssertEqual(again["kind"] as? String, "full")
        XCTAssertEqual(codes(again["items"] as! [JSON]), ["duplicate-phrase"])
    }

    func testCodeActionsAcceptOtherToolsDiagnostics() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, dupText)
        let ours = client.diagnostics(uri)[0]
        let foreign: JSON = ["range": ours["range"]!, "message": "Unknown word", "code": 42, "source": "cSpell"]
        let r = client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": ours["range"]!,
                                                           "context": ["diagnostics": [foreign, ours]]])
        XCTAssertNil(r["error"])
        XCTAssertFalse((r["result"] as? [JSON] ?? []).isEmpty)
    }

    func testSettingsFileChangedOnDiskApplyWithoutRestart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fileURI = FileURI.uri(dir.appendingPathComponent("稿.txt").path)
        let client = LSPTestClient()
        _ = client.initialize(root: dir.path)
        client.open(fileURI, dupText)
        XCTAssertEqual(codes(client.diagnostics(fileURI)), ["duplicate-phrase"])
        try "rules:\n  duplicate-phrase: off\n".write(to: dir.appendingPathComponent(".jiaodui.yml"), atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": FileURI.uri(dir.appendingPathComponent(".jiaodui.yml").path), "type": 1]]])
        XCTAssertEqual(codes(client.diagnostics(fileURI)), [], "re-linted when the client reports the change")
        try "rules:\n  duplicate-phrase: on\n".write(to: dir.appendingPathComponent(".jiaodui.yml"), atomically: true, encoding: .utf8)
        client.change(fileURI, version: 2, [["text": dupText]])
        XCTAssertEqual(codes(client.diagnostics(fileURI)), ["duplicate-phrase"], "noticed at the next lint without being told")
    }

    func testCommandsForAFileOutsideTheWorkspaceWriteBesideIt() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-lsp-\(UUID().uuidString)")
        let root = base.appendingPathComponent("workspace"), elsewhere = base.appendingPathComponent("elsewhere")
        for d in [root, elsewhere] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: base) }
        let fileURI = FileURI.uri(elsewhere.appendingPathComponent("a*b.txt").path)
        let client = LSPTestClient()
        _ = client.initialize(root: root.path)
        client.open(fileURI, dupText)
        let r = client.request("workspace/executeCommand", ["command": "jiaodui.disableRuleInFile", "arguments": [fileURI, "duplicate-phrase"]])
        XCTAssertNil(r["error"])
        XCTAssertEqual(codes(client.diagnostics(fileURI)), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".jiaodui.yml").path))
        let written = try String(contentsOf: elsewhere.appendingPathComponent(".jiaodui.yml"), encoding: .utf8)
        XCTAssertTrue(written.contains("- files: [\"/a\\\\*b.txt\"]"), written)
    }

    func testProjectParametersAndIgnoreApplyInTheEditor() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "rules:\n  duplicate-phrase:\n    parameters:\n      min_han: 5\nignore: [archive]\n"
            .write(to: dir.appendingPathComponent(".jiaodui.yml"), atomically: true, encoding: .utf8)
        let client = LSPTestClient()
        _ = client.initialize(root: dir.path)
        let text = "我们要做好服务做好服务，群众满意。"
        let here = FileURI.uri(dir.appendingPathComponent("a.txt").path)
        client.open(here, text)
        XCTAssertEqual(codes(client.diagnostics(here)), [], "a four-character unit is below the project's min_han")
        let archived = FileURI.uri(dir.appendingPathComponent("archive/b.txt").path)
        client.open(archived, dupText + "今天,我们开会。")
        XCTAssertEqual(codes(client.diagnostics(archived)), [], "an ignored file gets no findings")
        let elsewhere = "file:///nonexistent-dir/c.txt"
        client.open(elsewhere, text)
        XCTAssertEqual(codes(client.diagnostics(elsewhere)), ["duplicate-phrase"], "outside the project: the defaults")
    }
}
