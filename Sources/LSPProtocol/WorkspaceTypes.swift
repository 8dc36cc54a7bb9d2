/// Workspace requests and notifications: commands, edits applied by the client, settings.

public struct ExecuteCommandParams: Codable, Sendable {
    public var command: String
    public var arguments: [JSONValue]?
}

public struct ApplyWorkspaceEditParams: Encodable, Sendable {
    public var label: String?
    public var edit: WorkspaceEdit
    public init(label: String?, edit: WorkspaceEdit) {
        self.label = label
        self.edit = edit
    }
}

public struct DidChangeConfigurationParams: Decodable, Sendable {
    public var settings: JSONValue?
}

public struct ConfigurationParams: Encodable, Sendable {
    public var items: [ConfigurationItem]
    public init(items: [ConfigurationItem]) { self.items = items }
}

public struct ConfigurationItem: Encodable, Sendable {
    public var scopeUri: String?
    public var section: String?
    public init(scopeUri: String?, section: String?) {
        self.scopeUri = scopeUri
        self.section = section
    }
}
