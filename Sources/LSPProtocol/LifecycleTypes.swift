/// `initialize` and the capabilities both sides announce.

public struct InitializeParams: Decodable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var initializationOptions: JSONValue?
    public var capabilities: ClientCapabilities?
    public var workspaceFolders: [WorkspaceFolder]?
    public var locale: String?
}

/// The client capabilities jiaodui looks at. Everything else a client sends is ignored.
public struct ClientCapabilities: Decodable, Sendable {
    public var general: General?
    public var textDocument: TextDocumentClient?
    public var workspace: Workspace?

    public struct General: Decodable, Sendable {
        public var positionEncodings: [String]?
    }

    public struct TextDocumentClient: Decodable, Sendable {
        public var hover: Hover?
        public var codeAction: CodeAction?
        /// Present when the client pulls diagnostics.
        public var diagnostic: JSONValue?
        public struct Hover: Decodable, Sendable { public var contentFormat: [String]? }
        public struct CodeAction: Decodable, Sendable {
            public var codeActionLiteralSupport: JSONValue?
        }
    }

    public struct Workspace: Decodable, Sendable {
        public var applyEdit: Bool?
        public var workspaceEdit: WorkspaceEdit?
        public var configuration: Bool?
        public var diagnostics: Diagnostics?
        public var didChangeWatchedFiles: DidChangeWatchedFiles?
        public struct DidChangeWatchedFiles: Decodable, Sendable { public var dynamicRegistration: Bool? }
        public struct Diagnostics: Decodable, Sendable { public var refreshSupport: Bool? }
        public struct WorkspaceEdit: Decodable, Sendable {
            public var documentChanges: Bool?
        }
    }
}

public struct InitializeResult: Encodable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo
    public init(capabilities: ServerCapabilities, serverInfo: ServerInfo) {
        self.capabilities = capabilities
        self.serverInfo = serverInfo
    }
}

public struct ServerInfo: Encodable, Sendable {
    public var name: String
    public var version: String?
    public init(name: String, version: String?) {
        self.name = name
        self.version = version
    }
}

public struct ServerCapabilities: Encodable, Sendable {
    public var positionEncoding: String
    public var textDocumentSync: TextDocumentSyncOptions
    public var diagnosticProvider: DiagnosticOptions
    public var codeActionProvider: CodeActionOptions
    public var hoverProvider: Bool
    public var executeCommandProvider: ExecuteCommandOptions
    public init(positionEncoding: String, textDocumentSync: TextDocumentSyncOptions, diagnosticProvider: DiagnosticOptions,
                codeActionProvider: CodeActionOptions, hoverProvider: Bool, executeCommandProvider: ExecuteCommandOptions) {
        self.positionEncoding = positionEncoding
        self.textDocumentSync = textDocumentSync
        self.diagnosticProvider = diagnosticProvider
        self.codeActionProvider = codeActionProvider
        self.hoverProvider = hoverProvider
        self.executeCommandProvider = executeCommandProvider
    }
}

public struct TextDocumentSyncOptions: Encodable, Sendable {
    public var openClose: Bool
    /// 2: incremental.
    public var change: Int
    public var save: SaveOptions
    public init(openClose: Bool, change: Int, save: SaveOptions) {
        self.openClose = openClose
        self.change = change
        self.save = save
    }
}

public struct SaveOptions: Encodable, Sendable {
    public var includeText: Bool
    public init(includeText: Bool) { self.includeText = includeText }
}

public struct DiagnosticOptions: Encodable, Sendable {
    public var identifier: String
    public var interFileDependencies: Bool
    public var workspaceDiagnostics: Bool
    public init(identifier: String, interFileDependencies: Bool, workspaceDiagnostics: Bool) {
        self.identifier = identifier
        self.interFileDependencies = interFileDependencies
        self.workspaceDiagnostics = workspaceDiagnostics
    }
}

public struct CodeActionOptions: Encodable, Sendable {
    public var codeActionKinds: [String]
    public var resolveProvider: Bool
    public init(codeActionKinds: [String], resolveProvider: Bool) {
        self.codeActionKinds = codeActionKinds
        self.resolveProvider = resolveProvider
    }
}

public struct ExecuteCommandOptions: Encodable, Sendable {
    public var commands: [String]
    public init(commands: [String]) { self.commands = commands }
}
