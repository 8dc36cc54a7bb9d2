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
        lintFully(item.uri)
        if !askedForSettings {
            askedForSettings = true
            requestConfiguration()
        }
    }

    func didChange(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var doc = documents[uri] else { return }
        var tracker = EditTracker(diagnostics: doc.findings)
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
            lintFully(uri)
            return
        }
        // Large text: the edited lines now, the whole text once typing pauses.
        let filter = findingFilter(uri)
        let relinted = linter.relint(doc.text, changed: changed, previous: tracker.diagnostics, locale: filter.locale)
        update(uri, findings: filter.apply(relinted, in: doc.text), provisional: true, publishUnchanged: true)
        scheduleFullLint(uri, after: options.fullLintDelay)
    }

    func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        guard documents.removeValue(forKey: uri) != nil else { return }
        latestLint.bump(uri)
        notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    func didSave(_ params: DidSaveTextDocumentParams) {
        // A saved project configuration changes what every open document should show.
        if let path = FileURI.path(params.textDocument.uri), path.hasSuffix("/" + ProjectConfigStore.fileName) {
            projectConfig.invalidate()
            relintAll()
        }
    }

    func relintAll() {
        projectConfig.invalidate()
        for uri in documents.keys.sorted() { lintFully(uri) }
    }

    /// Lints the whole text: at once when it is small, else on the lint queue.
    func lintFully(_ uri: String) {
        guard let doc = documents[uri] else { return }
        if doc.text.count <= options.fullLintLimit {
            latestLint.bump(uri)
            let filter = findingFilter(uri)
            update(uri, findings: filter.apply(linter.lint(doc.text, locale: filter.locale), in: doc.text), provisional: false,
                   publishUnchanged: true)
        } else {
            scheduleFullLint(uri, after: .milliseconds(0))
        }
    }

    /// Runs a full lint of the current text after `delay`, unless the text changes before it
    /// starts or before its result arrives.
    func scheduleFullLint(_ uri: String, after delay: DispatchTimeInterval) {
        guard let doc = documents[uri] else { return }
        let token = latestLint.bump(uri)
        let linter = self.linter
        let filter = findingFilter(uri)
        let text = doc.text
        let version = doc.version
        lintQueue.asyncAfter(deadline: .now() + delay) { [latestLint] in
            guard latestLint.current(uri) == token else { return }
            let findings = filter.apply(linter.lint(text, locale: filter.locale), in: text)
            self.state.async {
                guard latestLint.current(uri) == token, self.documents[uri]?.version == version else { return }
                // A catch-up after edits publishes only what changed; after an open it always does.
                self.update(uri, findings: findings, provisional: false, publishUnchanged: delay == .milliseconds(0))
            }
        }
    }

    /// Stores new findings and publishes them: always after an edit (the client wants each
    /// version answered), else only when they changed.
    func update(_ uri: String, findings: [Finding], provisional: Bool, publishUnchanged: Bool) {
        guard var doc = documents[uri] else { return }
        let changed = findings != doc.findings || doc.generation == 0
        doc.findings = findings
        doc.provisional = provisional
        if changed { doc.generation += 1 }
        documents[uri] = doc
        if changed || publishUnchanged { publish(uri) }
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
        guard let doc = documents[params.textDocument.uri] else { return .full("closed", []) }
        if params.previousResultId == doc.resultID { return .unchanged(doc.resultID) }
        return .full(doc.resultID, lspDiagnostics(doc))
    }
}

/// The newest lint asked for, per document. Read by the lint queue to skip work that is already
/// stale, so it is behind a lock.
final class LatestLint: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String: Int] = [:]

    @discardableResult
    func bump(_ uri: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        tokens[uri, default: 0] += 1
        return tokens[uri]!
    }

    func current(_ uri: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return tokens[uri] ?? 0
    }
}
