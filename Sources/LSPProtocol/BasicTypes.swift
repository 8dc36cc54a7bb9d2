/// LSP 3.17 basic structures. Only what jiaodui speaks; optional properties are left out of the
/// JSON when nil (the spec's "optional", not `null`).

public struct Position: Codable, Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

public struct Range: Codable, Sendable, Hashable {
    public var start: Position
    public var end: Position
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

public struct TextEdit: Codable, Sendable, Hashable {
    public var range: Range
    public var newText: String
    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

public struct TextDocumentIdentifier: Codable, Sendable, Hashable {
    public var uri: String
    public init(uri: String) { self.uri = uri }
}

public struct VersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
    public var uri: String
    public var version: Int
    public init(uri: String, version: Int) {
        self.uri = uri
        self.version = version
    }
}

/// `version: integer | null` — here null is part of the type, so it is written out.
public struct OptionalVersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
    public var uri: String
    public var version: Int?
    public init(uri: String, version: Int?) {
        self.uri = uri
        self.version = version
    }
    enum CodingKeys: String, CodingKey { case uri, version }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(uri, forKey: .uri)
        if let version { try c.encode(version, forKey: .version) } else { try c.encodeNil(forKey: .version) }
    }
}

public struct TextDocumentItem: Codable, Sendable {
    public var uri: String
    public var languageId: String
    public var version: Int
    public var text: String
}

public struct TextDocumentPositionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct MarkupContent: Codable, Sendable, Hashable {
    public var kind: String
    public var value: String
    public init(kind: String, value: String) {
        self.kind = kind
        self.value = value
    }
}

public struct Command: Codable, Sendable, Hashable {
    public var title: String
    public var command: String
    public var arguments: [JSONValue]?
    public init(title: String, command: String, arguments: [JSONValue]? = nil) {
        self.title = title
        self.command = command
        self.arguments = arguments
    }
}

public struct WorkspaceFolder: Codable, Sendable {
    public var uri: String
    public var name: String
}

public enum MessageType {
    public static let error = 1, warning = 2, info = 3, log = 4
}

public struct LogMessageParams: Codable, Sendable {
    public var type: Int
    public var message: String
    public init(type: Int, message: String) {
        self.type = type
        self.message = message
    }
}

public typealias ShowMessageParams = LogMessageParams

public struct CancelParams: Codable, Sendable {
    public var id: RequestID
}
