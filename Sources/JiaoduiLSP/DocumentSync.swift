import Dispatch
import Foundation
import JiaoduiCore
import JiaoduiProject
import LSPProtocol

/// Open, edit, save, close — and the lints they trigger.
extension LanguageServer {
    func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        documents[item.uri] = OpenDocument(uri: item.uri, languageId: item.languageId, version: item.version,
                                           text: TextDocument(item.text))
        lintFully(item.uri, trigger: .open)
        if !askedForSettings {
            askedForSettings = true
            requestConfiguration()
            watchProjectConfigs()
        }
    }

    func didChange(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var doc = documents[uri] else { return }
        var tracker = EditTracker(diagnostics: doc.prepared)
        var replacedWhole = false
        for change in params.contentChanges {
            if let (range, count) = doc.apply(change, encoding: encoding) {
                tracker.replace(range, count: count)
                doc.encoded.edited(at: range.lowerBound)
            } else {
                replacedWhole = true
                doc.encoded.edited(at: 0)
            }
        }
        doc.version = params.textDocument.version
        documents[uri] = doc
        guard !replacedWhole, doc.text.count > options.fullLintLimit, let changed = tracker.changed else {
            lintFully(uri, trigger: .edit)
            return
        }
        // Large text: the edited lines now, the whole text once typing pauses.
        let filter = findingFilter(uri)
        let view = ProseView(doc.text, format: doc.format)
        let prepared = documentLinter(uri).relint(view, changed: changed, previous: tracker.diagnostics, filter: filter)
        update(uri, Self.suppress(prepared, view, filter), provisional: true, trigger: .edit)
        scheduleFullLint(uri, after: options.fullLintDelay, trigger: .elsewhere)
    }

    func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        guard documents.removeValue(forKey: uri) != nil else { return }
        latestLint.forget(uri)
        notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    func didSave(_ params: DidSaveTextDocumentParams) {
        // A saved project configuration changes what every open document should show.
        if let path = FileURI.path(params.textDocument.uri), path.hasSuffix("/" + ProjectConfigStore.fileName) {
            relintAll()
        }
    }

    func relintAll() {
        projectConfig.invalidate()
        for uri in documents.keys.sorted() { lintFully(uri, trigger: .elsewhere) }
    }

    /// What made the server lint: it decides what the client is told.
    enum Trigger {
        /// The client opened or changed the document: it expects an answer for that version (a
        /// push, or its own pull).
        case open, edit
        /// The catch-up after typing, new settings, a command, a changed configuration file: the
        /// client hears only of a change (a push, or a refresh request that makes it pull).
        case elsewhere
    }

    /// Lints the whole text: at once when it is small, else on the lint queue.
    func lintFully(_ uri: String, trigger: Trigger) {
        guard let doc = documents[uri] else { return }
        if doc.text.count <= options.fullLintLimit {
            latestLint.bump(uri)
            let filter = findingFilter(uri)
            update(uri, Self.lint(doc, documentLinter(uri), filter), provisional: false, trigger: trigger)
        } else {
            scheduleFullLint(uri, after: .milliseconds(0), trigger: trigger)
        }
    }

    /// Runs a full lint of the current text after `delay`, unless the text changes before it
    /// starts or before its result arrives.
    func scheduleFullLint(_ uri: String, after delay: DispatchTimeInterval, trigger: Trigger) {
        guard let doc = documents[uri] else { return }
        let token = latestLint.bump(uri)
        let linter = documentLinter(uri)
        let filter = findingFilter(uri)
        let version = doc.version
        lintQueue.asyncAfter(deadline: .now() + delay) { [latestLint] in
            guard latestLint.current(uri) == token else { return }
            let findings = Self.lint(doc, linter, filter)
            self.state.async {
                guard latestLint.current(uri) == token, self.documents[uri]?.version == version else { return }
                self.update(uri, findings, provisional: false, trigger: trigger)
            }
        }
    }

    /// A whole lint of the document: the findings shown, and the same before suppression (for the
    /// next edit). The core's one path (`Linter.lint(_:format:filter:)`) in two steps.
    static func lint(_ doc: OpenDocument, _ linter: Linter, _ filter: FindingFilter) -> (shown: [Finding], prepared: [Finding]) {
        let view = ProseView(doc.text, format: doc.format)
        return suppress(linter.prepared(view, filter: filter), view, filter)
    }

    /// The text's directives applied to the whole text's prepared findings.
    static func suppress(_ prepared: [Finding], _ view: ProseView, _ filter: FindingFilter) -> (shown: [Finding], prepared: [Finding]) {
        (Suppressions.apply(prepared, view: view, locale: filter.locale), prepared)
    }

    /// Stores new findings and tells the client. A client that pulls diagnostics gets no pushes
    /// (it would show every finding twice); it is asked to pull again when findings change for a
    /// reason other than its own edit.
    func update(_ uri: String, _ result: (shown: [Finding], prepared: [Finding]), provisional: Bool, trigger: Trigger) {
        reportProjectProblems()
        guard var doc = documents[uri] else { return }
        let findings = result.shown
        let changed = findings != doc.findings || doc.resultID.isEmpty
        doc.findings = findings
        doc.prepared = result.prepared
        doc.provisional = provisional
        if changed { doc.resultID = nextResultID() }
        documents[uri] = doc
        if client.pullsDiagnostics {
            if changed && trigger == .elsewhere { refreshPulledDiagnostics() }
        } else if changed || trigger != .elsewhere {
            publish(uri)
        }
    }

    /// A result id no earlier report of this or another run of the server used.
    func nextResultID() -> String {
        resultCounter += 1
        return "\(sessionID).\(resultCounter)"
    }

    /// Asks the client to pull again (once, however many documents changed in this turn).
    func refreshPulledDiagnostics() {
        guard client.diagnosticRefresh, !refreshPending else { return }
        refreshPending = true
        state.async {
            self.refreshPending = false
            self.ask("workspace/diagnostic/refresh", Optional<JSONValue>.none) { _, _ in }  // no params
        }
    }

    func publish(_ uri: String) {
        guard var doc = documents[uri] else { return }
        let encoded = doc.encoded.encode(doc.findings, PositionConverter(doc.text, encoding))
        documents[uri] = doc
        send(JSONRPC.publishDiagnostics(uri: uri, version: doc.version, encoded: encoded))
    }

    func lspDiagnostics(_ doc: OpenDocument) -> [LSPDiagnostic] {
        guard !doc.findings.isEmpty else { return [] }
        return DiagnosticMapping.lsp(doc.findings, PositionConverter(doc.text, encoding))
    }

    func pullDiagnostics(_ params: DocumentDiagnosticParams) -> DocumentDiagnosticReport {
        let uri = params.textDocument.uri
        guard documents[uri] != nil else { return .full(nextResultID(), []) }
        if documents[uri]!.resultID.isEmpty {
            // A large document pulled before its first lint finished: lint it now.
            latestLint.bump(uri)
            let doc = documents[uri]!
            let filter = findingFilter(uri)
            update(uri, Self.lint(doc, documentLinter(uri), filter), provisional: false, trigger: .open)
        }
        let doc = documents[uri]!
        if params.previousResultId == doc.resultID { return .unchanged(doc.resultID) }
        return .full(doc.resultID, lspDiagnostics(doc))
    }
}

/// The newest lint asked for, per document. Read by the lint queue to skip work that is already
/// stale, so it is behind a lock. Tokens come from one counter for all documents, so a closed
/// document's entry can be dropped (`forget`) without a later opening ever reusing a token: the
/// table holds the open documents only, however many have been opened and closed.
final class LatestLint: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String: Int] = [:]
    private var counter = 0

    @discardableResult
    func bump(_ uri: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        tokens[uri] = counter
        return counter
    }

    /// The document is closed: no lint asked for before is current any more.
    func forget(_ uri: String) {
        lock.lock()
        defer { lock.unlock() }
        tokens[uri] = nil
    }

    func current(_ uri: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return tokens[uri] ?? 0
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return tokens.count
    }
}
