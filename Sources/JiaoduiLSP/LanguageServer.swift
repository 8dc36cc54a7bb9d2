import Dispatch
import Foundation
import JiaoduiCore
import JiaoduiProject
import LSPProtocol

/// `jiaodui lsp`: the language server. A face over the core: it keeps the open documents, turns
/// edits into re-lints and findings into LSP diagnostics, quick fixes and hovers.
///
/// Threads: `receive` is called by the reader; it reads the envelope (so a cancellation is seen at
/// once) and queues the message on `state`, a serial queue that owns every document. Full lints of
/// large documents run on `lintQueue` against a snapshot and are dropped when the text has moved on.
public final class LanguageServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// Documents up to this many scalars are fully re-linted on every edit.
        public var fullLintLimit = 16_000
        /// Pause in typing after which a larger document gets its full lint.
        public var fullLintDelay: DispatchTimeInterval = .milliseconds(250)
        /// Where the project configuration is looked for; nil: from the workspace root.
        public var projectConfig: ProjectConfigStore? = nil
        /// The linter of the embedded pack, when the caller has one already (compiling the pack
        /// takes milliseconds; the LSP fuzz target starts a server per input).
        public var linter: Linter? = nil
        /// Whether `initialize` lints a line in the background, so that the word list is loaded
        /// before the first document arrives (off for the fuzz target: its linter is warm).
        public var warmUp = true
        public init() {}
    }

    enum Lifecycle { case uninitialized, running, shuttingDown }

    let send: @Sendable ([UInt8]) -> Void
    let exit: @Sendable (Int32) -> Void
    let options: Options
    let state = DispatchQueue(label: "jiaodui.lsp.state")
    let lintQueue = DispatchQueue(label: "jiaodui.lsp.lint", qos: .utility)

    // Owned by `state`.
    var lifecycle = Lifecycle.uninitialized
    var encoding = PositionEncoding.utf16
    var documents: [String: OpenDocument] = [:]
    var settings = ServerSettings()
    /// The settings `initializationOptions` gave; later settings apply on top of them.
    var initialSettings = ServerSettings()
    var linter: Linter
    var client = ClientFeatures()
    var projectConfig: ProjectConfigStore
    /// Settings are asked for when the first document opens (not at `initialized`, so that the
    /// question never lands while the client is still writing its first messages) and whenever
    /// the client says they changed.
    var askedForSettings = false
    var nextRequestID = 0
    var awaitingReplies: [RequestID: (IncomingEnvelope, [UInt8]) -> Void] = [:]
    let latestLint = LatestLint()
    /// Result ids: unique to this run, so that a client holding ids from an earlier run or an
    /// earlier opening of the document never hears "unchanged" for different findings.
    let sessionID = String(UInt32.random(in: .min ... .max), radix: 36)
    var resultCounter = 0
    var refreshPending = false

    // Shared with the reader thread.
    private let cancelLock = NSLock()
    private var cancelled: Set<RequestID> = []
    private var inFlight: Set<RequestID> = []

    struct ClientFeatures {
        var documentChanges = false
        var configuration = false
        var applyEdit = false
        var markdownHover = false
        /// The client pulls diagnostics (`textDocument/diagnostic`), so it gets no pushes.
        var pullsDiagnostics = false
        var diagnosticRefresh = false
        var watchesFiles = false
        var root: String?
    }

    public init(options: Options = .init(), send: @escaping @Sendable ([UInt8]) -> Void, exit: @escaping @Sendable (Int32) -> Void) {
        self.options = options
        self.send = send
        self.exit = exit
        projectConfig = options.projectConfig ?? ProjectConfigStore(root: nil)
        // The embedded pack always compiles (a test proves it); a failure here is a broken build.
        linter = options.linter ?? (try! Linter())
    }

    // MARK: - Input (reader thread)

    public func receive(_ piece: MessageFramer.Piece) {
        guard case .body(let body) = piece else {
            // Bytes that are not a message: said on stderr and answered as JSON-RPC answers what
            // it cannot read (a parse error with a null id); the next message is served as usual.
            if case .badHeader(let why) = piece {
                log("dropped bytes that are not a message: \(why)")
                send(JSONRPC.errorResponse(id: nil, ResponseError(code: ErrorCode.parseError, message: "Parse error: \(why)")))
            }
            return
        }
        let envelope: IncomingEnvelope
        do {
            envelope = try JSONRPC.envelope(body)
        } catch {
            send(JSONRPC.errorResponse(id: nil, error))
            return
        }
        switch envelope.kind {
        case .notification("$/cancelRequest"):
            // Only a request still waiting can be cancelled; the id of one answered is forgotten.
            if let params = try? JSONRPC.params(CancelParams.self, from: body) {
                cancelLock.lock()
                if inFlight.contains(params.id) { cancelled.insert(params.id) }
                cancelLock.unlock()
            }
            return
        case .request(let id, _):
            cancelLock.lock()
            inFlight.insert(id)
            cancelLock.unlock()
        default:
            break
        }
        state.async { self.handle(envelope, body) }
    }

    /// End of input: the client is gone, and so is the server.
    public func inputClosed() {
        state.sync {}
        exit(lifecycle == .shuttingDown ? 0 : 1)
    }

    /// Returns once every message received so far has been handled (tests use it).
    public func drain() { state.sync {} }

    /// Whether the request was cancelled while it waited; it is no longer waiting either way.
    private func isCancelled(_ id: RequestID) -> Bool {
        cancelLock.lock()
        defer { cancelLock.unlock() }
        inFlight.remove(id)
        return cancelled.remove(id) != nil
    }

    // MARK: - Dispatch (state queue)

    private func handle(_ envelope: IncomingEnvelope, _ body: [UInt8]) {
        switch envelope.kind {
        case .request(let id, let method):
            if isCancelled(id) {
                reply(id, error: ResponseError(code: ErrorCode.requestCancelled, message: "cancelled"))
                return
            }
            guard lifecycle != .uninitialized || method == "initialize" else {
                reply(id, error: ResponseError(code: ErrorCode.serverNotInitialized, message: "the server is not initialized yet"))
                return
            }
            guard lifecycle != .shuttingDown else {
                reply(id, error: ResponseError(code: ErrorCode.invalidRequest, message: "the server is shutting down"))
                return
            }
            do {
                try request(id, method, body)
            } catch {
                reply(id, error: error)
            }
        case .notification(let method):
            if method == "exit" {
                exit(lifecycle == .shuttingDown ? 0 : 1)
                return
            }
            guard lifecycle == .running else { return }
            do {
                try notification(method, body)
            } catch {
                log("\(method): \(error.message)")
            }
        case .response(let id):
            awaitingReplies.removeValue(forKey: id)?(envelope, body)
        case .invalid:
            send(JSONRPC.errorResponse(id: envelope.id, ResponseError(code: ErrorCode.invalidRequest, message: "not a request, notification or response")))
        }
    }

    private func request(_ id: RequestID, _ method: String, _ body: [UInt8]) throws(ResponseError) {
        switch method {
        case "initialize":
            guard lifecycle == .uninitialized else {
                throw ResponseError(code: ErrorCode.invalidRequest, message: "initialize was already received")
            }
            reply(id, initialize(try JSONRPC.params(InitializeParams.self, from: body)))
        case "shutdown":
            lifecycle = .shuttingDown
            reply(id, Optional<JSONValue>.none)
        case "textDocument/diagnostic":
            reply(id, pullDiagnostics(try JSONRPC.params(DocumentDiagnosticParams.self, from: body)))
        case "textDocument/codeAction":
            reply(id, codeActions(try JSONRPC.params(CodeActionParams.self, from: body)))
        case "textDocument/hover":
            reply(id, hover(try JSONRPC.params(HoverParams.self, from: body)))
        case "workspace/executeCommand":
            reply(id, try executeCommand(try JSONRPC.params(ExecuteCommandParams.self, from: body)))
        default:
            throw ResponseError(code: ErrorCode.methodNotFound, message: "method not found: \(method)")
        }
    }

    private func notification(_ method: String, _ body: [UInt8]) throws(ResponseError) {
        switch method {
        case "initialized":
            break
        case "textDocument/didOpen":
            didOpen(try JSONRPC.params(DidOpenTextDocumentParams.self, from: body))
        case "textDocument/didChange":
            didChange(try JSONRPC.params(DidChangeTextDocumentParams.self, from: body))
        case "textDocument/didClose":
            didClose(try JSONRPC.params(DidCloseTextDocumentParams.self, from: body))
        case "textDocument/didSave":
            didSave(try JSONRPC.params(DidSaveTextDocumentParams.self, from: body))
        case "workspace/didChangeWatchedFiles":
            // Only .jiaodui.yml is watched: a project's settings changed on disk.
            relintAll()
        case "workspace/didChangeConfiguration":
            let params = try JSONRPC.params(DidChangeConfigurationParams.self, from: body)
            if let settings = params.settings, settings != .null, settings["jiaodui"] != nil || settings["rules"] != nil || settings["locale"] != nil {
                applySettings(settings, base: initialSettings)
            } else {
                requestConfiguration()
            }
        default:
            break  // unknown notifications, $/setTrace, $/progress: ignored, as the spec allows
        }
    }

    // MARK: - Output

    func reply<R: Encodable>(_ id: RequestID, _ result: R?) {
        send(JSONRPC.response(id: id, result: result))
    }

    func reply(_ id: RequestID, error: ResponseError) {
        send(JSONRPC.errorResponse(id: id, error))
    }

    func notify<P: Encodable>(_ method: String, _ params: P) {
        send(JSONRPC.notification(method, params))
    }

    /// Sends a request to the client; `then` runs on the state queue with its reply.
    func ask<P: Encodable>(_ method: String, _ params: P?, then: @escaping (IncomingEnvelope, [UInt8]) -> Void) {
        nextRequestID += 1
        let id = RequestID.string("jiaodui-\(nextRequestID)")
        awaitingReplies[id] = then
        send(JSONRPC.request(id: id, method, params))
    }

    /// Logs go to stderr, never stdout: stdout carries the protocol only.
    func log(_ message: String) {
        FileHandle.standardError.write(Data("jiaodui lsp: \(message)\n".utf8))
    }

    func showMessage(_ type: Int, _ message: String) {
        notify("window/showMessage", ShowMessageParams(type: type, message: message))
    }
}

extension Error {
    var message: String { (self as? ResponseError)?.message ?? String(describing: self) }
}
