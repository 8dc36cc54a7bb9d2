/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Languages the messages come in. Simplified Chinese is the default.
public enum MessageLocale: String, Sendable, CaseIterable {
    case zh, en
}

/// A replacement of the scalars in `range` by `newText`.
public struct TextEdit: Sendable, Equatable, Hashable {
    public var range: Range<Int>
    public var newText: String
    public init(range: Range<Int>, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// One way to repair a finding. Edits never overlap and lie inside the finding's range.
public struct Fix: Sendable, Equatable, Hashable {
    public var title: String
    public var edits: [TextEdit]
    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}

/// A finding: which rule, how serious, where (scalar offsets) and what to do about it.
public struct Diagnostic: Sendable, Equatable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var range: Range<Int>
    public var fixes: [Fix]

    public init(ruleID: String, severity: Severity, message: String, range: Range<Int>, fixes: [Fix] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.fixes = fixes
    }
}
