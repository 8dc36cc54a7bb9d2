import Yams

/// A project's `.jiaodui.yml`: what the team decided for its texts. Parsed strictly: an unknown
/// key, rule or value is an error with file:line:column and the valid choices.
///
///     locale: zh                     # zh | en
///     rules:
///       halfwidth-punctuation: off   # on | off | error | warning | info
///     allow:                         # words and phrases never flagged
///       - 我为群众办实事
///     overrides:                     # settings for some files (globs: * ? **)
///       - files: ["archive/**"]
///         rules:
///           truncated-sentence: off
public struct ProjectConfig: Sendable, Equatable {
    public var locale: MessageLocale?
    public var rules: [String: RuleSetting] = [:]
    public var allow: [String] = []
    public var overrides: [Override] = []

    public enum RuleSetting: Sendable, Equatable {
        case off, on
        case severity(Severity)
    }

    public struct Override: Sendable, Equatable {
        public var files: [String]
        public var rules: [String: RuleSetting]
    }

    public init() {}

    public static let topKeys = ["allow", "locale", "overrides", "rules"]

    public static func parse(_ text: String, file: String, ruleIDs: Set<String>) throws(RulePackError) -> ProjectConfig {
        var config = ProjectConfig()
        guard let root = try RuleSpecParser.compose(text, file: file) else { return config }
        guard let map = root.mapping else { throw RuleSpecParser.err(file, root, "", "顶层须为映射 / the top level must be a mapping") }
        try rejectDuplicateKeys(map, file: file, key: "")
        for (k, v) in map {
            switch k.string {
            case "locale":
                guard let l = v.string.flatMap(MessageLocale.init(rawValue:)) else {
                    throw RuleSpecParser.err(file, v, "locale", "须为 zh 或 en / must be zh or en")
                }
                config.locale = l
            case "rules":
                config.rules = try ruleSettings(v, file: file, key: "rules", ruleIDs: ruleIDs)
            case "allow":
                config.allow = try strings(v, file: file, key: "allow")
            case "overrides":
                guard let items = v.sequence else { throw RuleSpecParser.err(file, v, "overrides", "须为列表 / must be a list") }
                for (i, item) in items.enumerated() {
                    let key = "overrides[\(i)]"
                    guard let m = item.mapping else { throw RuleSpecParser.err(file, item, key, "须为映射 / must be a mapping") }
                    var files: [String]?
                    var rules: [String: RuleSetting] = [:]
                    for (ik, iv) in m {
                        switch ik.string {
                        case "files": files = try strings(iv, file: file, key: key + ".files")
                        case "rules": rules = try ruleSettings(iv, file: file, key: key + ".rules", ruleIDs: ruleIDs)
                        default:
                            throw RuleSpecParser.err(file, ik, key + "." + (ik.string ?? "?"), "未知的键；可用：files, rules / unknown key")
                        }
                    }
                    guard let files else { throw RuleSpecParser.err(file, item, key + ".files", "缺少 files / missing files") }
                    config.overrides.append(Override(files: files, rules: rules))
                }
            default:
                throw RuleSpecParser.err(file, k, k.string ?? "?", "未知的键；可用：\(topKeys.joined(separator: ", ")) / unknown key")
            }
        }
        return config
    }

    /// A key written twice would silently drop the first one's settings.
    private static func rejectDuplicateKeys(_ map: Node.Mapping, file: String, key: String) throws(RulePackError) {
        var seen: Set<String> = []
        for (k, _) in map {
            let name = k.string ?? "?"
            guard seen.insert(name).inserted else {
                throw RuleSpecParser.err(file, k, key.isEmpty ? name : key + "." + name, "重复的键 / duplicate key")
            }
        }
    }

    private static func strings(_ node: Node, file: String, key: String) throws(RulePackError) -> [String] {
        guard let items = node.sequence else { throw RuleSpecParser.err(file, node, key, "须为字符串列表 / must be a list of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.string, !s.isEmpty else { throw RuleSpecParser.err(file, item, key, "须为非空字符串 / must be a non-empty string") }
            out.append(s)
        }
        return out
    }

    private static func ruleSettings(_ node: Node, file: String, key: String, ruleIDs: Set<String>) throws(RulePackError) -> [String: RuleSetting] {
        guard let m = node.mapping else { throw RuleSpecParser.err(file, node, key, "须为映射（规则 → on/off/error/warning/info）/ must be a mapping") }
        try rejectDuplicateKeys(m, file: file, key: key)
        var out: [String: RuleSetting] = [:]
        for (k, v) in m {
            guard let id = k.string, ruleIDs.contains(id) else {
                throw RuleSpecParser.err(file, k, key + "." + (k.string ?? "?"),
                                         "没有这条规则；可用：\(ruleIDs.sorted().joined(separator: ", ")) / unknown rule")
            }
            // YAML 1.1 readers turn a bare off/on into booleans; both spellings are accepted.
            switch v.string?.lowercased() {
            case "off", "false", "no": out[id] = .off
            case "on", "true", "yes": out[id] = .on
            case let s? where Severity(rawValue: s) != nil: out[id] = .severity(Severity(rawValue: s)!)
            default:
                throw RuleSpecParser.err(file, v, key + "." + id, "须为 on、off、error、warning 或 info / must be on, off, error, warning or info")
            }
        }
        return out
    }

    /// The rule settings for a file at `path` (relative to the config's directory, `/`-separated):
    /// the top-level ones, then every matching override in order.
    public func rules(for path: String) -> [String: RuleSetting] {
        var merged = rules
        for o in overrides where o.files.contains(where: { Glob.matches($0, path) }) {
            merged.merge(o.rules) { _, new in new }
        }
        return merged
    }
}

/// `*` any run without `/`, `**` any run, `?` one character, `\\` makes the next character
/// literal; a pattern without `/` matches the file name in any directory (as in .gitignore), a
/// leading `/` anchors it to the configuration's directory.
public enum Glob {
    /// `path` as a pattern that matches exactly it.
    public static func escaped(_ path: String) -> String {
        var out = ""
        for c in path.unicodeScalars {
            if c == "*" || c == "?" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        if !p.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return match(p[...], Array(name.unicodeScalars)[...])
        }
        let trimmed = p.first == "/" ? Array(p.dropFirst()) : p
        return match(trimmed[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        if c == "*" {
            let double = p.dropFirst().first == "*"
            var rest = p.dropFirst(double ? 2 : 1)
            if double, rest.first == "/" {
                // `**/` also matches no directory at all.
                if match(rest.dropFirst(), s) { return true }
                rest = p.dropFirst(2)
            }
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                guard i < s.endIndex, double || s[i] != "/" else { return false }
                i += 1
            }
        }
        if c == "\\", p.count > 1 {
            guard s.first == p[p.index(after: p.startIndex)] else { return false }
            return match(p.dropFirst(2), s.dropFirst())
        }
        guard let f = s.first, c == "?" ? f != "/" : c == f else { return false }
        return match(p.dropFirst(), s.dropFirst())
    }
}
