import Foundation
import XCTest
@testable import JiaoduiLSP
import LSPProtocol

typealias JSON = [String: Any]

/// Drives a LanguageServer in process through its framing: messages are encoded by the test
/// (JSONSerialization, independent of the server's own Codable types), framed, fed to `receive`
/// in arbitrary pieces, and whatever the server sends is unframed again and decoded.
final class LSPTestClient: @unchecked Sendable {
    private let lock = NSLock()
    private var outgoing = MessageFramer()
    private var received: [JSON] = []
    private var exitCodes: [Int32] = []
    private(set) var server: LanguageServer!
    private var nextID = 0

    init(options: LanguageServer.Options = .init()) {
        server = LanguageServer(options: options, send: { [weak self] body in
            // Send the bytes through a framer, so the framing is part of what is tested. (A
            // background lint may still report after the test that started it has ended.)
            guard let self else { return }
            self.lock.lock()
            defer { self.lock.unlock() }
            for case .body(let b) in self.outgoing.feed(MessageFramer.frame(body)) {
                self.received.append(try! JSONSerialization.jsonObject(with: Data(b)) as! JSON)
            }
        }, exit: { [weak self] code in
            guard let self else { return }
            self.lock.lock()
            self.exitCodes.append(code)
            self.lock.unlock()
        })
    }

    /// An initialized client whose server treats every document as large: edits re-lint a window
    /// first, and the full lint follows 20 ms after the last edit.
    static func windowed() -> LSPTestClient {
        var options = LanguageServer.Options()
        options.fullLintLimit = 100
        options.fullLintDelay = .milliseconds(20)
        let client = LSPTestClient(options: options)
        _ = client.initialize()
        return client
    }

    /// Forty clean paragraphs: enough text for the window to be a small part of it.
    static let filler = (1...40).map { "第\($0)段，记者走访了多家医院，了解到相关工作进展顺利。" }

    var messages: [JSON] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    var exitCode: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return exitCodes.first
    }

    /// Frames `message` and feeds it to the server in `pieces` chunks.
    func sendRaw(_ body: Data, pieces: Int = 1) {
        var framer = MessageFramer()
        let bytes = MessageFramer.frame(Array(body))
        let size = max(1, bytes.count / pieces)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            for piece in framer.feed(bytes[start..<end]) { server.receive(piece) }
            start = end
        }
        server.drain()
    }

    func send(_ message: JSON, pieces: Int = 1) {
        sendRaw(try! JSONSerialization.data(withJSONObject: message), pieces: pieces)
    }

    func notify(_ method: String, _ params: Any = [String: Any]()) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and returns the server's response to it.
    @discardableResult
    func request(_ method: String, _ params: Any = [String: Any](), file: StaticString = #filePath, line: UInt = #line) -> JSON {
        nextID += 1
        let id = nextID
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        guard let response = messages.last(where: { ($0["id"] as? Int) == id && $0["method"] == nil }) else {
            XCTFail("no response to \(method)", file: file, line: line)
            return [:]
        }
        return response
    }

    func initialize(capabilities: JSON = [:], options: Any? = nil, root: String? = nil) -> JSON {
        var params: JSON = ["processId": NSNull(), "capabilities": capabilities]
        if let options { params["initializationOptions"] = options }
        if let root { params["rootUri"] = "file://" + root }
        let result = request("initialize", params)["result"] as? JSON ?? [:]
        notify("initialized")
        return result
    }

    func open(_ uri: String, _ text: String, version: Int = 1, language: String = "plaintext") {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": language, "version": version, "text": text]])
    }

    func change(_ uri: String, version: Int, _ changes: [JSON]) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": changes])
    }

    func publishes(_ uri: String) -> [JSON] {
        messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
            .compactMap { $0["params"] as? JSON }
            .filter { $0["uri"] as? String == uri }
    }

    /// The diagnostics of the last publish for `uri`, after waiting up to `timeout` for one that
    /// satisfies `until` (full lints of large documents arrive asynchronously).
    func diagnostics(_ uri: String, timeout: TimeInterval = 0, until: ([JSON]) -> Bool = { _ in true }) -> [JSON] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            server.drain()
            if let last = publishes(uri).last?["diagnostics"] as? [JSON], until(last) { return last }
            if Date() > deadline { return publishes(uri).last?["diagnostics"] as? [JSON] ?? [] }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Waits up to `timeout` for `condition`, letting the server's queues run.
    func wait(timeout: TimeInterval = 5, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
            server.drain()
        }
        return true
    }

    /// Requests the client answers itself (workspace/configuration), newest last.
    func serverRequests(_ method: String) -> [JSON] {
        messages.filter { $0["method"] as? String == method && $0["id"] != nil }
    }

    func reply(to request: JSON, result: Any) {
        send(["jsonrpc": "2.0", "id": request["id"]!, "result": result])
    }
}

/// LSP positions of a text in UTF-16 units, and edits applied the way a client applies them.
struct ClientText {
    var text: String

    func offset(line: Int, character: Int) -> String.Index {
        var lineStart = text.utf16.startIndex
        var l = 0
        var i = text.utf16.startIndex
        while l < line, i < text.utf16.endIndex {
            let c = text.utf16[i]
            i = text.utf16.index(after: i)
            if c == 10 || (c == 13 && (i == text.utf16.endIndex || text.utf16[i] != 10)) {
                l += 1
                lineStart = i
            }
        }
        return text.utf16.index(lineStart, offsetBy: character)
    }

    func position(of needle: String, occurrence: Int = 1) -> JSON {
        var from = text.startIndex
        var found = text.startIndex
        for _ in 0..<occurrence {
            let r = text.range(of: needle, range: from..<text.endIndex)!
            found = r.lowerBound
            from = r.upperBound
        }
        let before = text[..<found]
        let line = before.filter { $0 == "\n" }.count
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return ["line": line, "character": text.utf16.distance(from: lineStart, to: found)]
    }

    func range(of needle: String, occurrence: Int = 1) -> JSON {
        let start = position(of: needle, occurrence: occurrence)
        var end = start
        end["character"] = (start["character"] as! Int) + needle.utf16.count
        return ["start": start, "end": end]
    }

    func text(in range: JSON) -> String {
        let s = range["start"] as! JSON, e = range["end"] as! JSON
        return String(text[offset(line: s["line"] as! Int, character: s["character"] as! Int)..<offset(line: e["line"] as! Int, character: e["character"] as! Int)])
    }

    /// Applies LSP text edits, all relative to the current text (as a WorkspaceEdit's are).
    mutating func apply(_ edits: [JSON]) {
        let sorted = edits.sorted {
            let a = ($0["range"] as! JSON)["start"] as! JSON, b = ($1["range"] as! JSON)["start"] as! JSON
            return (a["line"] as! Int, a["character"] as! Int) > (b["line"] as! Int, b["character"] as! Int)
        }
        for edit in sorted {
            let r = edit["range"] as! JSON
            let s = r["start"] as! JSON, e = r["end"] as! JSON
            let lo = offset(line: s["line"] as! Int, character: s["character"] as! Int)
            let hi = offset(line: e["line"] as! Int, character: e["character"] as! Int)
            text.replaceSubrange(lo..<hi, with: edit["newText"] as! String)
        }
    }
}

func codes(_ diagnostics: [JSON]) -> [String] { diagnostics.compactMap { $0["code"] as? String } }
