import JiaoduiCore
import JiaoduiProject
import LSPProtocol

extension LanguageServer {
    static let fixAllKind = "source.fixAll.jiaodui"

    func initialize(_ params: InitializeParams) -> InitializeResult {
        let caps = params.capabilities
        encoding = PositionEncoding.negotiate(caps?.general?.positionEncodings)
        client.documentChanges = caps?.workspace?.workspaceEdit?.documentChanges ?? false
        client.configuration = caps?.workspace?.configuration ?? false
        client.applyEdit = caps?.workspace?.applyEdit ?? false
        client.markdownHover = caps?.textDocument?.hover?.contentFormat?.contains("markdown") ?? false
        client.pullsDiagnostics = caps?.textDocument?.diagnostic != nil
        client.diagnosticRefresh = caps?.workspace?.diagnostics?.refreshSupport ?? false
        client.watchesFiles = caps?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        client.root = (params.workspaceFolders?.first?.uri ?? params.rootUri).flatMap(FileURI.path)
            ?? params.rootPath
        if options.projectConfig == nil { projectConfig = ProjectConfigStore(root: client.root) }
        initialSettings = ServerSettings.read(params.initializationOptions).0
        applySettings(params.initializationOptions, base: ServerSettings(), relint: false)
        lifecycle = .running
        warmUp()
        return InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: encoding.rawValue,
                textDocumentSync: TextDocumentSyncOptions(openClose: true, change: 2, save: SaveOptions(includeText: false)),
                diagnosticProvider: DiagnosticOptions(identifier: "jiaodui", interFileDependencies: false, workspaceDiagnostics: false),
                codeActionProvider: CodeActionOptions(codeActionKinds: ["quickfix", Self.fixAllKind], resolveProvider: false),
                hoverProvider: true,
                executeCommandProvider: ExecuteCommandOptions(commands: ServerCommand.allCases.map(\.rawValue))),
            serverInfo: ServerInfo(name: "jiaodui", version: jiaoduiVersion))
    }

    /// Loads the word list and compiles the patterns before the first document arrives, so the
    /// first diagnostics are as quick as the rest.
    private func warmUp() {
        guard options.warmUp else { return }
        let linter = self.linter
        lintQueue.async { _ = linter.lint(TextDocument("预热：开展学习活动。\n\n下一段")) }
    }

    /// Asks the client to report changes of `.jiaodui.yml` files, when it can. (Without that, a
    /// changed file is still noticed at the next lint: its stamp on disk is checked each time.)
    func watchProjectConfigs() {
        guard client.watchesFiles else { return }
        let registration: JSONValue = .object(["registrations": .array([.object([
            "id": .string("jiaodui-project-config"),
            "method": .string("workspace/didChangeWatchedFiles"),
            "registerOptions": .object(["watchers": .array([.object(["globPattern": .string("**/.jiaodui.yml")])])]),
        ])])])
        ask("client/registerCapability", registration) { _, _ in }
    }

    /// Asks the client for the `jiaodui` settings section, when it can answer. What it answers
    /// applies on top of `initializationOptions`; `null` means nothing beyond them.
    func requestConfiguration() {
        guard client.configuration else { return }
        ask("workspace/configuration", ConfigurationParams(items: [ConfigurationItem(scopeUri: nil, section: "jiaodui")])) { envelope, _ in
            self.applySettings(envelope.result?.arrayValue?.first, base: self.initialSettings)
        }
    }

    /// Takes new editor settings; every open document is re-linted with them, without a restart.
    func applySettings(_ value: JSONValue?, base: ServerSettings, relint: Bool = true) {
        let (new, problems) = ServerSettings.read(value, base: base)
        for p in problems {
            log(p)
            showMessage(MessageType.warning, "jiaodui: \(p)")
        }
        guard new != settings else { return }
        settings = new
        if relint { relintAll() }
    }
}

