import Yams

/// One rule file of the pack, parsed: identity, texts in both languages, parameters, examples.
public struct RuleSpec: Sendable {
    public let id: String
    /// The pack the rule belongs to (`core` for the extraction-damage checks). A project turns
    /// packs on and off as a whole.
    public var pack: String = "core"
    /// The declarative rule type (`substitution`, `existence`, `pattern`, `paired`); nil for a rule
    /// written in Swift, found by its id.
    public var kind: String? = nil
    /// The kind's own keys (`swap`, `pattern`, `pairs`, …), typed on demand like parameters.
    public var body = Parameters(values: [:], file: "", keyPrefix: "")
    public let severity: Severity
    public let name: Localized
    public let description: Localized
    /// Message templates by key (`message` is the main one); `{name}` placeholders are filled in.
    public let messages: [String: Localized]
    public var parameters: Parameters
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
        /// The line of each good example in the rule file.
        public var goodLines: [Int] = []
    }

    public struct BadExample: Sendable {
        public let text: String
        /// The text after applying the rule's fixes, when the example states it.
        public let fixed: String?
        /// The line of the example in the rule file.
        public var line: Int = 0
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
    /// How an error names the key (`parameters.` for parameters, nothing for a kind's own keys).
    var keyPrefix = "parameters."

    init(values: [String: ParameterValue], file: String, keyPrefix: String = "parameters.") {
        self.values = values
        self.file = file
        self.keyPrefix = keyPrefix
    }

    /// The names of the parameters the rule file sets (what a configuration may override).
    public var names: [String] { values.keys.sorted() }

    public func int(_ key: String, default value: Int) throws(RulePackError) -> Int {
        guard let v = values[key] else { return value }
        guard case .int(let i) = v.value else { throw v.error(file, key, "需要整数 / expected an integer", keyPrefix) }
        return i
    }

    public func double(_ key: String, default value: Double) throws(RulePackError) -> Double {
        guard let v = values[key] else { return value }
        switch v.value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: throw v.error(file, key, "需要数字 / expected a number", keyPrefix)
        }
    }

    public func string(_ key: String, default value: String) throws(RulePackError) -> String {
        guard let v = values[key] else { return value }
        guard case .string(let s) = v.value else { throw v.error(file, key, "需要字符串 / expected a string", keyPrefix) }
        return s
    }

    public func strings(_ key: String, default value: [String] = []) throws(RulePackError) -> [String] {
        guard let v = values[key] else { return value }
        guard case .strings(let s) = v.value else { throw v.error(file, key, "需要字符串列表 / expected a list of strings", keyPrefix) }
        return s
    }

    public func bool(_ key: String, default value: Bool) throws(RulePackError) -> Bool {
        guard let v = values[key] else { return value }
        guard case .string(let s) = v.value, let b = ["true": true, "false": false, "yes": true, "no": false][s] else {
            throw v.error(file, key, "需要 true 或 false / expected true or false", keyPrefix)
        }
        return b
    }

    /// A string the file must set.
    public func required(_ key: String, at spec: RuleSpec) throws(RulePackError) -> String {
        guard values[key] != nil else {
            throw RulePackError(file: spec.source, line: 1, column: 1, key: keyPrefix + key,
                                message: "规则类型 \(spec.kind ?? spec.id) 须有 \(key) / \(spec.kind ?? spec.id) rules need \(key)")
        }
        return try string(key, default: "")
    }

    /// Where a key was written (line, column), for errors found after parsing.
    public func place(_ key: String) -> (line: Int, column: Int) {
        values[key].map { ($0.line, $0.column) } ?? (1, 1)
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

    func error(_ file: String, _ key: String, _ message: String, _ prefix: String = "parameters.") -> RulePackError {
        // A value from a project configuration names its own key path (`rules.ID.parameters.`).
        RulePackError(file: self.file ?? file, line: line, column: column, key: (self.file == nil ? prefix : keyPrefix) + key,
                      message: message)
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
