import Yams

/// One rule file of the pack, parsed: identity, texts in both languages, parameters, examples.
public struct RuleSpec: Sendable {
    public let id: String
    public let severity: Severity
    public let name: Localized
    public let description: Localized
    /// Message templates by key (`message` is the main one); `{name}` placeholders are filled in.
    public let messages: [String: Localized]
    public let parameters: Parameters
    public let examples: Examples
    /// Where the spec came from, for error messages.
    public let source: String

    public struct Localized: Sendable, Equatable {
        public let zh: String
        public let en: String
        public func text(_ locale: MessageLocale) -> String { locale == .zh ? zh : en }
    }

    public struct Examples: Sendable {
        /// Texts that must be flagged. `↓` marks where a finding starts (two marks: its start and
        /// end); the marks are removed before linting.
        public let bad: [BadExample]
        /// Texts that must not be flagged by this rule.
        public let good: [String]
    }

    public struct BadExample: Sendable {
        public let text: String
        /// The text after applying the rule's fixes, when the example states it.
        public let fixed: String?
    }

    public func message(_ key: String = "message", _ locale: MessageLocale, _ values: [String: String] = [:]) -> String {
        let template = (messages[key] ?? messages["message"])?.text(locale) ?? id
        return values.isEmpty ? template : Self.fill(template, values)
    }

    /// Replaces each `{name}` in `template` by its value; unknown names stay as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}

/// Typed access to a rule's `parameters:` mapping; a wrong type is a load error with its place.
public struct Parameters: Sendable {
    let values: [String: ParameterValue]
    let file: String

    /// The names of the parameters the rule file sets (what a configuration may override).
    public var names: [String] { values.keys.sorted() }

    public func int(_ key: String, default value: Int) throws(RulePackError) -> Int {
        guard let v = values[key] else { return value }
        guard case .int(let i) = v.value else { throw v.error(file, key, "需要整数 / expected an integer") }
        return i
    }

    public func double(_ key: String, default value: Double) throws(RulePackError) -> Double {
        guard let v = values[key] else { return value }
        switch v.value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: throw v.error(file, key, "需要数字 / expected a number")
        }
    }

    public func string(_ key: String, default value: String) throws(RulePackError) -> String {
        guard let v = values[key] else { return value }
        guard case .string(let s) = v.value else { throw v.error(file, key, "需要字符串 / expected a string") }
        return s
    }

    public func strings(_ key: String, default value: [String] = []) throws(RulePackError) -> [String] {
        guard let v = values[key] else { return value }
        guard case .strings(let s) = v.value else { throw v.error(file, key, "需要字符串列表 / expected a list of strings") }
        return s
    }
}

struct ParameterValue: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case int(Int), double(Double), string(String), strings([String]), other
    }
    let value: Value
    let line: Int
    let column: Int
    /// Set when the value came from somewhere else than its rule file (a project configuration),
    /// so that an error names that file.
    var file: String? = nil
    var keyPrefix = "parameters."

    /// The value as YAML would show it.
    var yaml: String {
        switch value {
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return ProjectConfigEditor.quoted(s)
        case .strings(let list): return "[" + list.map(ProjectConfigEditor.quoted).joined(separator: ", ") + "]"
        case .other: return "…"
        }
    }

    func error(_ file: String, _ key: String, _ message: String) -> RulePackError {
        RulePackError(file: self.file ?? file, line: line, column: column, key: keyPrefix + key, message: message)
    }
}

/// A malformed rule file: which file, where, which key, what was wrong.
public struct RulePackError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let key: String
    public let message: String

    public var description: String { "\(file):\(line):\(column): " + (key.isEmpty ? "" : "\(key): ") + message }
}
