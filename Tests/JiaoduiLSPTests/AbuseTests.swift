import Foundation
import XCTest
@testable import JiaoduiLSP
@testable import LSPProtocol

/// What a broken or hostile client may send: the server answers per JSON-RPC where there is
/// something to answer, drops what it cannot read, and keeps serving.
final class AbuseTests: XCTestCase {
    /// Feeds raw bytes (no framing added) to the server.
    private func feed(_ client: LSPTestClient, _ bytes: [UInt8], framer: inout MessageFramer) {
        for piece in framer.feed(bytes) { client.server.receive(piece) }
        client.server.drain()
    }

    private func frame(_ message: JSON) -> [UInt8] {
        MessageFramer.frame(Array(try! JSONSerialization.data(withJSONObject: message)))
    }

    private func diagnosticRequest(_ id: Int) -> JSON {
        ["jsonrpc": "2.0", "id": id, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": uri]]]
    }

    private func answered(_ client: LSPTestClient, _ id: Int) -> Bool {
        client.messages.contains { ($0["id"] as? Int) == id && $0["result"] != nil }
    }

    private func parseErrors(_ client: LSPTestClient) -> Int {
        client.messages.filter { $0["id"] is NSNull && ($0["error"] as? JSON)?["code"] as? Int == -32700 }.count
    }

    func testMissingWrongAndHugeContentLengthAreAnsweredAndTheNextMessageServed() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, dupText)
        var framer = MessageFramer()

        // No Content-Length at all.
        feed(client, Array("Content-Type: application/vscode-jsonrpc\r\n\r\n".utf8) + frame(diagnosticRequest(1)), framer: &framer)
        XCTAssertEqual(parseErrors(client), 1)
        XCTAssertTrue(answered(client, 1))

        // Not a number, negative.
        feed(client, Array("Content-Length: twelve\r\n\r\n".utf8) + frame(diagnosticRequest(2)), framer: &framer)
        feed(client, Array("Content-Length: -5\r\n\r\n".utf8) + frame(diagnosticRequest(3)), framer: &framer)
        XCTAssertEqual(parseErrors(client), 3)
        XCTAssertTrue(answered(client, 2) && answered(client, 3))

        // A 100 MB claim: refused at once (nothing waits for or allocates 100 MB); its bytes are
        // skipped up to the next header.
        feed(client, Array("Content-Length: 104857600\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":4,".utf8) + frame(diagnosticRequest(5)), framer: &framer)
        XCTAssertEqual(parseErrors(client), 4)
        XCTAssertTrue(answered(client, 5), "the message after a refused claim is served")
        XCTAssertFalse(client.messages.contains { ($0["id"] as? Int) == 4 })

        // Too short a length: the body is cut and cannot be parsed; the rest of it is read as a
        // header and skipped; the next message is served.
        let body = Array(try! JSONSerialization.data(withJSONObject: diagnosticRequest(6)))
        feed(client, Array("Content-Length: 10\r\n\r\n".utf8) + body + frame(diagnosticRequest(7)), framer: &framer)
        XCTAssertGreaterThanOrEqual(parseErrors(client), 5)
        XCTAssertTrue(answered(client, 7))

        // Too long a length: the body swallows the start of the next message (one parse error),
        // and the one after is served.
        feed(client, Array("Content-Length: \(body.count + 30)\r\n\r\n".utf8) + body + frame(diagnosticRequest(8)) + frame(diagnosticRequest(9)),
             framer: &framer)
        XCTAssertTrue(answered(client, 9))

        // A header that never ends: bounded, reported once per 64 KB, then the next message.
        let before = parseErrors(client)
        feed(client, Array(repeating: UInt8(ascii: "x"), count: 200_000), framer: &framer)
        XCTAssertGreaterThan(parseErrors(client), before)
        feed(client, Array("\r\n\r\n".utf8) + frame(diagnosticRequest(10)), framer: &framer)
        XCTAssertTrue(answered(client, 10))
    }

    func testFramerCostsLinearTimeAndBoundedMemoryOnGarbage() {
        var framer = MessageFramer()
        var pieces: [MessageFramer.Piece] = []
        // 8 MB of garbage without a blank line, a byte at a time would be quadratic if the
        // search for the header's end started over with each piece.
        let garbage = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 16)
        let start = Date()
        for _ in 0..<128 { pieces += framer.feed(garbage) }
        for b in "Content-Length: 2\r\n\r\n{}".utf8 { pieces += framer.feed([b]) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(pieces.last, .body(Array("{}".utf8)))
        XCTAssertEqual(pieces.dropLast().allSatisfy { if case .badHeader = $0 { true } else { false } }, true)
        XCTAssertEqual(MessageFramer.contentLength("Content-Length: 12\r\nContent-Type: x"), 12)
        XCTAssertEqual(MessageFramer.contentLength("{\"a\":1}content-LENGTH :  7 "), 7, "garbage before the name")
        XCTAssertNil(MessageFramer.contentLength("Content-Length: 1e3"))
        XCTAssertEqual(MessageFramer.contentLength("Content-Length: 99999999999999999999999"), Int.max)
    }

    func testNonUTF8AndNonJSONBodiesAreParseErrors() {
        let client = LSPTestClient()
        _ = client.initialize()
        for body in [[0xC0, 0xAF], [0x7B, 0x22, 0xE4, 0xB8, 0x22, 0x7D], [0xFF, 0xFE, 0xFD], Array("{}{}".utf8)] as [[UInt8]] {
            client.sendRaw(Data(body))
            XCTAssertEqual((client.messages.last?["error"] as? JSON)?["code"] as? Int, -32700, "\(body)")
        }
        client.open(uri, dupText)
        XCTAssertNotNil(client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"])
    }

    func testOutOfRangePositionsInDidChangeAreClampedAsTheSpecSays() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, "第一行\n𠮷二")
        func text() -> String { client.server.state.sync { client.server.documents[uri]!.text.text } }
        func change(_ version: Int, _ start: (Int, Int), _ end: (Int, Int), _ newText: String) {
            client.change(uri, version: version, [["range": ["start": ["line": start.0, "character": start.1],
                                                              "end": ["line": end.0, "character": end.1]], "text": newText]])
        }
        change(2, (0, 99), (0, 500), "甲")  // past the line's end: the line's end
        XCTAssertEqual(text(), "第一行甲\n𠮷二")
        change(3, (7, 0), (9, 9), "乙")  // past the last line: the end of the text
        XCTAssertEqual(text(), "第一行甲\n𠮷二乙")
        change(4, (1, 1), (1, 1), "丙")  // inside the surrogate pair of 𠮷: before it
        XCTAssertEqual(text(), "第一行甲\n丙𠮷二乙")
        change(5, (-3, -1), (0, 1), "")  // negative: the start
        XCTAssertEqual(text(), "一行甲\n丙𠮷二乙")
        change(6, (1, 2), (0, 0), "丁")  // end before start: an insertion at the start
        XCTAssertEqual(text(), "一行甲\n丙丁𠮷二乙")
        // A position no Int holds, a range that is not an object: the notification is dropped.
        client.send(["jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": ["textDocument": ["uri": uri, "version": 7],
                                "contentChanges": [["range": ["start": ["line": 1e30, "character": 0], "end": "x"], "text": "戊"]]]])
        XCTAssertEqual(text(), "一行甲\n丙丁𠮷二乙")
        XCTAssertNotNil(client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"])
    }

    func testEditsAndRequestsForUnopenedDocumentsAreHarmless() {
        let client = LSPTestClient()
        _ = client.initialize()
        let before = client.messages.count
        let other = "file:///tmp/never-opened.txt"
        client.change(other, version: 2, [["text": "全文"]])
        client.notify("textDocument/didClose", ["textDocument": ["uri": other]])
        client.notify("textDocument/didSave", ["textDocument": ["uri": other]])
        XCTAssertEqual(client.messages.count, before, "nothing to say about a document that is not open")
        XCTAssertNotNil(client.request("textDocument/hover", ["textDocument": ["uri": other], "position": ["line": 0, "character": 0]])["result"])
        XCTAssertNotNil(client.request("textDocument/codeAction", ["textDocument": ["uri": other],
                                                                    "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                                                                    "context": ["diagnostics": []]])["result"])
        XCTAssertTrue(client.server.state.sync { client.server.documents.isEmpty })
    }

    /// 10,000 documents opened and closed: nothing is kept for a closed one.
    func testTenThousandOpenCloseCyclesKeepNothing() {
        let client = LSPTestClient()
        _ = client.initialize()
        let server = client.server!
        // Framed by hand and fed straight in: the test measures the server, not the client.
        var framer = MessageFramer()
        func feed(_ message: JSON) {
            for piece in framer.feed(frame(message)) { server.receive(piece) }
        }
        for i in 0..<10_000 {
            let doc = "file:///tmp/cycle-\(i).txt"
            feed(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": ["textDocument": ["uri": doc, "languageId": "plaintext", "version": 1, "text": "第\(i)段,正文。"]]])
            feed(["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": doc]]])
        }
        server.drain()
        server.state.sync {
            XCTAssertEqual(server.documents.count, 0)
            XCTAssertEqual(server.latestLint.count, 0, "no lint token is kept for a closed document")
            XCTAssertLessThanOrEqual(server.awaitingReplies.count, 1)
        }
    }

    /// Requests keep being answered, in order and each once, while a long lint runs.
    func testRequestFloodDuringALongLintIsAnswered() {
        let client = LSPTestClient()
        _ = client.initialize()
        let server = client.server!
        // Clean copy (so that each answer is small), above the full-lint limit: linted on the lint
        // queue while the requests arrive.
        let big = (1...3000).map { "第\($0)段，记者走访了多家医院，了解到相关工作进展顺利。\n" }.joined() + "结尾,这里。"
        client.open(uri, big)
        var framer = MessageFramer()
        var bytes: [UInt8] = []
        for id in 1000..<3000 {
            bytes += frame(id % 2 == 0
                ? diagnosticRequest(id)
                : ["jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
                   "params": ["textDocument": ["uri": uri], "position": ["line": id % 3001, "character": 3]]])
        }
        for piece in framer.feed(bytes) { server.receive(piece) }
        XCTAssertTrue(client.wait(timeout: 60) {
            Set(client.messages.compactMap { $0["id"] as? Int }.filter { $0 >= 1000 }).count == 2000
        }, "every request is answered")
        let ids = client.messages.compactMap { $0["id"] as? Int }.filter { $0 >= 1000 }
        XCTAssertEqual(ids, Array(1000..<3000), "each once, in order")
        XCTAssertFalse(client.messages.contains { $0["error"] != nil && ($0["id"] as? Int ?? 0) >= 1000 })
    }
}
