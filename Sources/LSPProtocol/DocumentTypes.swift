/// Text synchronization, diagnostics (push and pull), code actions, hover.

public struct DidOpenTextDocumentParams: Decodable, Sendable {
    public var textDocument: TextDocumentItem
}

public struct DidChangeTextDocumentParams: Decodable, Sendable {
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]
}

/// With a range: replace that range. Without: the whole new text.
public struct TextDocumentContentChangeEvent: Codable, Sendable {
    public var range: Range?
    public var text: String
    public init(range: Range?, text: String) {
        self.range = range
        self.text = text
    }
}

public struct DidCloseTextDocumentParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DidSaveTextDocumentParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var text: String?
}

public enum DiagnosticSeverity {
    public static let error = 1, warning = 2, information = 3, hint = 4
}

public struct CodeDescription: Codable, Sendable, Hashable {
    public var href: String
    public init(href: String) { self.href = href }
}

public struct Diagnostic: Codable, Sendable, Hashable {
    public var range: Range
    public var severity: Int
    public var code: String
    public var codeDescription: CodeDescription?
    public var source: String
    public var message: String
    public var data: JSONValue?
    public init(range: Range, severity: Int, code: String, codeDescription: CodeDescription? = nil,
                source: String, message: String, data: JSONValue? = nil) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.data = data
    }
}

public struct PublishDiagnosticsParams: Encodable, Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [Diagnostic]
    public init(uri: String, version: Int?, diagnostics: [Diagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}

public struct DocumentDiagnosticParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var identifier: String?
    public var previousResultId: String?
}

/// `kind: "full"` with the items, or `kind: "unchanged"` when `previousResultId` still holds.
public struct DocumentDiagnosticReport: Encodable, Sendable {
    public var kind: String
    public var resultId: String
    public var items: [Diagnostic]?
    public static func full(_ resultId: String, _ items: [Diagnostic]) -> Self { .init(kind: "full", resultId: resultId, items: items) }
    public static func unchanged(_ resultId: String) -> Self { .init(kind: "unchanged", resultId: resultId, items: nil) }
}

public struct CodeActionParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext
}

public struct CodeActionContext: Decodable, Sendable {
    /// Kept as raw JSON: clients send every diagnostic at the place, other tools' included, and
    /// those need not have the shape jiaodui's have (no severity, an integer code).
    public var diagnostics: [JSONValue]
    public var only: [String]?
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    public var kind: String
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?
    public var command: Command?
    public init(title: String, kind: String, diagnostics: [Diagnostic]? = nil, isPreferred: Bool? = nil,
                edit: WorkspaceEdit? = nil, command: Command? = nil) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
        self.command = command
    }
}

public struct WorkspaceEdit: Codable, Sendable {
    public var changes: [String: [TextEdit]]?
    public var documentChanges: [TextDocumentEdit]?
    public init(changes: [String: [TextEdit]]? = nil, documentChanges: [TextDocumentEdit]? = nil) {
        self.changes = changes
        self.documentChanges = documentChanges
    }
}

public struct TextDocumentEdit: Codable, Sendable {
    public var textDocument: OptionalVersionedTextDocumentIdentifier
    public var edits: [TextEdit]
    public init(textDocument: OptionalVersionedTextDocumentIdentifier, edits: [TextEdit]) {
        self.textDocument = textDocument
        self.edits = edits
    }
}

public struct Hover: Encodable, Sendable {
    public var contents: MarkupContent
    public var range: Range?
    public init(contents: MarkupContent, range: Range?) {
        self.contents = contents
        self.range = range
    }
}

public typealias HoverParams = TextDocumentPositionParams

/// An entry of a code action result: `Command | CodeAction`. A code action that only runs a
/// command is sent as the bare Command, the form every client reads the same way.
public enum CodeActionOrCommand: Encodable, Sendable {
    case action(CodeAction)
    case command(Command)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .action(let a): try a.encode(to: encoder)
        case .command(let c): try c.encode(to: encoder)
        }
    }

    public var title: String {
        switch self {
        case .action(let a): return a.title
        case .command(let c): return c.title
        }
    }
}
