import Foundation
import XCTest
@testable import JiaoduiLSP
import LSPProtocol

let dupText = "医院党委持续深入开展“我为群众办实事”“我为群众办实事”等活动。"
let uri = "file:///tmp/%E6%B5%8B%E8%AF%95%20doc.txt"

final class LifecycleTests: XCTestCase {
    func testRequestsBeforeInitializeAreRefusedAndNotificationsDropped() {
        let client = LSPTestClient()
        let early = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        XCTAssertEqual((early["error"] as? JSON)?["code"] as? Int, -32002)
        client.open(uri, dupText)
        XCTAssertTrue(client.publishes(uri).isEmpty, "a didOpen before initialize is dropped")
        let result = client.initialize()
        XCTAssertNotNil(result["capabilities"], "initialize still works after the refusal")
    }

    func testCapabilitiesAndEncodingNegotiation() {
        let plain = LSPTestClient().initialize()
        let caps = plain["capabilities"] as! JSON
        XCTAssertEqual(caps["positionEncoding"] as? String, "utf-16", "no offer: UTF-16")
        let sync = caps["textDocumentSync"] as! JSON
        XCTAssertEqual(sync["change"] as? Int, 2)
        XCTAssertEqual(sync["openClose"] as? Bool, true)
        XCTAssertEqual((caps["codeActionProvider"] as? JSON)?["codeActionKinds"] as? [String], ["quickfix", "source.fixAll.jiaodui"])
        XCTAssertEqual((caps["diagnosticProvider"] as? JSON)?["identifier"] as? String, "jiaodui")
        XCTAssertEqual(caps["hoverProvider"] as? Bool, true)
        XCTAssertEqual((plain["serverInfo"] as? JSON)?["name"] as? String, "jiaodui")

        let utf8 = LSPTestClient().initialize(capabilities: ["general": ["positionEncodings": ["utf-16", "utf-8"]]])
        XCTAssertEqual((utf8["capabilities"] as! JSON)["positionEncoding"] as? String, "utf-8")
        let utf32 = LSPTestClient().initialize(capabilities: ["general": ["positionEncodings": ["utf-32"]]])
        XCTAssertEqual((utf32["capabilities"] as! JSON)["positionEncoding"] as? String, "utf-32")
    }

    func testShutdownThenExitEndsWithZero() {
        let client = LSPTestClient()
        _ = client.initialize()
        let shutdown = client.request("shutdown")
        XCTAssertTrue(shutdown.keys.contains("result"), "a successful shutdown carries result: null")
        XCTAssertTrue(shutdown["result"] is NSNull)
        let late = client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
        XCTAssertEqual((late["error"] as? JSON)?["code"] as? Int, -32600, "requests after shutdown are invalid")
        XCTAssertNil(client.exitCode)
        client.notify("exit")
        XCTAssertEqual(client.exitCode, 0)
    }

    func testExitWithoutShutdownEndsWithOne() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.notify("exit")
        XCTAssertEqual(client.exitCode, 1)
    }

    func testEndOfInputEndsTheServer() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.server.inputClosed()
        XCTAssertEqual(client.exitCode, 1, "the client vanished without shutdown")
    }

    func testProtocolErrors() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.sendRaw(Data("{\"jsonrpc\": \"2.0\", \"id\": 1, \"meth".utf8))
        XCTAssertEqual((client.messages.last?["error"] as? JSON)?["code"] as? Int, -32700)
        XCTAssertTrue(client.messages.last?["id"] is NSNull, "the id of unreadable JSON is null")
        client.sendRaw(Data([0x7B, 0xFF, 0xFE, 0x7D]))
        XCTAssertEqual((client.messages.last?["error"] as? JSON)?["code"] as? Int, -32700, "invalid UTF-8")
        client.sendRaw(Data("[1,2,3]".utf8))
        XCTAssertEqual((client.messages.last?["error"] as? JSON)?["code"] as? Int, -32600)
        XCTAssertEqual((client.request("jiaodui/noSuchMethod")["error"] as? JSON)?["code"] as? Int, -32601)
        XCTAssertEqual((client.request("$/noSuchMethod")["error"] as? JSON)?["code"] as? Int, -32601)
        let before = client.messages.count
        client.notify("jiaodui/noSuchNotification")
        client.notify("$/cancelRequest", ["id": 999])
        client.notify("$/cancelRequest", ["id": "nope"])
        XCTAssertEqual(client.messages.count, before, "notifications get no reply")
        // Still serving.
        XCTAssertNotNil(client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"])
    }

    func testCancelledRequestIsAnsweredWithRequestCancelled() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, dupText)
        // Hold the server's queue so the cancellation arrives while the request waits, as it does
        // behind a slow lint.
        client.server.state.suspend()
        let request: JSON = ["jsonrpc": "2.0", "id": 77, "method": "textDocument/diagnostic",
                             "params": ["textDocument": ["uri": uri]]]
        let cancel: JSON = ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 77]]
        for message in [request, cancel] {
            let body = try! JSONSerialization.data(withJSONObject: message)
            var framer = MessageFramer()
            for piece in framer.feed(MessageFramer.frame(Array(body))) { client.server.receive(piece) }
        }
        client.server.state.resume()
        client.server.drain()
        let response = client.messages.last { ($0["id"] as? Int) == 77 }
        XCTAssertEqual((response?["error"] as? JSON)?["code"] as? Int, -32800)
    }

    func testMessagesInPiecesAndEscapedJSON() {
        let client = LSPTestClient()
        _ = client.initialize()
        // Split into pieces that cut UTF-8 sequences; 𠮷 escaped as a surrogate pair.
        let body = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"\(uri)\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"\\ud842\\udfb7\(dupText)\"}}}"
        client.sendRaw(Data(body.utf8), pieces: 7)
        let d = client.diagnostics(uri).first { $0["code"] as? String == "duplicate-phrase" }
        XCTAssertEqual(d?["range"] as? NSDictionary,
                       ClientText(text: "𠮷" + dupText).range(of: "“我为群众办实事”", occurrence: 2) as NSDictionary)
    }
}
