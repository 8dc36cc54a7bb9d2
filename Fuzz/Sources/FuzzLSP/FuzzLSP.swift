import Foundation
import JiaoduiCore
import JiaoduiLSP
import LSPProtocol

/// Arbitrary bytes as the language server's stdin, after a well-formed `initialize` and
/// `initialized` (so that documents can be opened and edited). The first byte sets the size of the
/// pieces the bytes arrive in; the framer and the dispatcher see them as the reader would. What
/// must hold: no crash, no hang, and every message the server writes is a JSON object.
let preamble = [
    #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"locale":"zh"}}}"#,
    #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
].flatMap { MessageFramer.frame(Array($0.utf8)) }

/// Compiled once: a server per input keeps inputs independent, a pack compiled per input would
/// make the run thirty times slower.
let options: LanguageServer.Options = {
    var options = LanguageServer.Options()
    options.linter = try! Linter()
    options.warmUp = false
    return options
}()

/// The ids of the requests the server sent (workspace/configuration, …), answered after the
/// input: a server waiting for a reply holds on to itself, and a million of them would not fit.
final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Any] = []
    func add(_ id: Any) { lock.lock(); ids.append(id); lock.unlock() }
    func take() -> [Any] { lock.lock(); defer { ids = []; lock.unlock() }; return ids }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLSP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0, let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let piece = Int(bytes[0]) % 64 + 1
    let asked = Asked()
    let server = LanguageServer(options: options, send: { body in
        let object = try? JSONSerialization.jsonObject(with: Data(body))
        guard let message = object as? [String: Any] else {
            preconditionFailure("the server wrote something that is not a JSON object: \(String(decoding: body, as: UTF8.self))")
        }
        if message["method"] != nil, let id = message["id"] { asked.add(id) }
    }, exit: { _ in })
    var framer = MessageFramer()
    for p in framer.feed(preamble) { server.receive(p) }
    var i = 1
    while i < bytes.count {
        for p in framer.feed(bytes[i..<min(i + piece, bytes.count)]) { server.receive(p) }
        i += piece
    }
    server.drain()
    var replies = MessageFramer()
    for id in asked.take() {
        let reply = try! JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": id, "result": NSNull()])
        for p in replies.feed(MessageFramer.frame(Array(reply))) { server.receive(p) }
    }
    server.drain()
    return 0
}
