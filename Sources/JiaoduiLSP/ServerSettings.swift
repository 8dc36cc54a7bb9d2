import JiaoduiCore
import LSPProtocol

/// What the editor's settings say: rules off or at another severity, and the message language.
/// Read from `initializationOptions`, `workspace/didChangeConfiguration` and
/// `workspace/configuration`, either bare or under a `jiaodui` key:
///
///     { "jiaodui": { "locale": "en", "rules": { "halfwidth-punctuation": "off",
///                                                "duplicate-phrase": "error" } } }
///
/// They apply on top of the project's `.jiaodui.yml`.
struct ServerSettings: Sendable, Equatable {
    var locale: MessageLocale?
    var rules: [String: ProjectConfig.RuleSetting] = [:]

    /// Settings from `value`, starting from `base`; problems are returned to be shown, never fatal.
    static func read(_ value: JSONValue?, base: ServerSettings = .init()) -> (ServerSettings, [String]) {
        var settings = base
        var problems: [String] = []
        guard let value, value != .null else { return (settings, problems) }
        let section = value["jiaodui"] ?? value
        guard case .object(let object) = section else {
            return (settings, ["settings: expected an object, got \(section)"])
        }
        for (key, v) in object {
            switch key {
            case "locale":
                if let s = v.stringValue, let l = MessageLocale(rawValue: String(s.prefix(2))) {
                    settings.locale = l
                } else {
                    problems.append("settings.locale: expected \"zh\" or \"en\", got \(v)")
                }
            case "rules":
                guard case .object(let entries) = v else {
                    problems.append("settings.rules: expected an object of rule id → on/off/error/warning/info")
                    continue
                }
                for (id, setting) in entries {
                    switch setting {
                    case .bool(false), .string("off"): settings.rules[id] = .off
                    case .bool(true), .string("on"): settings.rules[id] = .on
                    case .string(let s) where Severity(rawValue: s) != nil: settings.rules[id] = .severity(Severity(rawValue: s)!)
                    default: problems.append("settings.rules.\(id): expected on, off, error, warning or info; got \(setting)")
                    }
                }
            default:
                problems.append("settings.\(key): unknown setting; valid: locale, rules")
            }
        }
        return (settings, problems)
    }
}
