import Yams

/// A project's `.jiaodui.yml`: what the team decided for its texts. Parsed strictly: an unknown
/// key, rule or value is an error with file:line:column and the valid choices.
///
///     locale: zh                     # zh | en
///     rules:
///       halfwidth-punctuation: off   # on | off | error | warning | info
///       duplicate-phrase:            # or a mapping: severity and parameters
///         severity: warning
///         parameters:
///           min_han: 4
///     packs:                         # whole rule packs: on | off | error | warning | info
///       script: off                  # (a rule named under rules: wins over its pack)
///     allow:                         # words and phrases never flagged
///       - 我为群众办实事
///     ignore:                        # files never linted (globs: * ? **)
///       - "archive/**"
///     overrides:                     # settings for some files
///       - files: ["drafts/**"]
///         rules:
///           truncated-sentence: off
public struct ProjectConfig: Sendable, Equatable {
    public var locale: MessageLocale?
    public var rules: [String: RuleSetting] = [:]
    /// Rule parameters replacing the rule files' values, by rule id and parameter name.
    var parameters: [String: [String: ParameterValue]] = [:]
    public var allow: [String] = []
    public var ignore: [String] = []
    public var overrides: [Override] = []
    /// Where each setting was written: "locale", "rules.ID", "allow", "ignore", "overrides[N]" →
    /// line number (for `jiaodui config --print`).
    public var lines: [String: Int] = [:]

    public var hasParameters: Bool { !parameters.isEmpty }

    public enum RuleSetting: Sendable, Equatable {
        case off, on
        case severity(Severity)
    }

    public struct Override: Sendable, Equatable {
        public var files: [String]
        public var rules: [String: RuleSetting]
    }

    public init() {}

    public static let topKeys = ["allow", "ignore", "locale", "overrides", "packs", "rules"]

    /// `packs` maps each pack a configuration may name to its rule ids (default: the built-in ones).
    public static func parse(_ text: String, file: String, ruleIDs: Set<String>,
                             packs: [String: [String]] = RuleRegistry.knownPacks) throws(RulePackError) -> ProjectConfig {
        var config = ProjectConfig()
        guard let root = try RuleSpecParser.compose(text, file: file) else { return config }
        guard let map = root.mapping else { throw RuleSpecParser.err(file, root, "", "顶层须为映射 / the top level must be a mapping") }
        try rejectDuplicateKeys(map, file: file, key: "")
        var packSettings: [(pack: String, setting: RuleSetting, line: Int?)] = []
        for (k, v) in map {
            if let name = k.string { config.lines[name] = k.mark?.line }
            switch k.string {
            case "locale":
                guard let l = v.string.flatMap(MessageLocale.init(rawValue:)) else {
                    throw RuleSpecParser.err(file, v, "locale", "须为 zh 或 en / must be zh or en")
                }
                config.locale = l
            case "rules":
                (config.rules, config.parameters) = try ruleSettings(v, file: file, key: "rules", ruleIDs: ruleIDs,
                                                                     parametersAllowed: true, lines: &config.lines)
            case "packs":
                guard let m = v.mapping else { throw RuleSpecParser.err(file, v, "packs", "须为映射（规则包 → on/off/error/warning/info）/ must be a mapping") }
                try rejectDuplicateKeys(m, file: file, key: "packs")
                for (pk, pv) in m {
                    guard let name = pk.string, packs[name] != nil else {
                        throw RuleSpecParser.err(file, pk, "packs." + (pk.string ?? "?"),
                                                 "没有这个规则包；可用：\(packs.keys.sorted().joined(separator: ", ")) / unknown pack")
                    }
                    packSettings.append((name, try setting(pv, file: file, key: "packs." + name), pk.mark?.line))
                }
            case "allow":
                config.allow = try strings(v, file: file, key: "allow")
            case "ignore":
                config.ignore = try strings(v, file: file, key: "ignore")
            case "overrides":
                guard let items = v.sequence else { throw RuleSpecParser.err(file, v, "overrides", "须为列表 / must be a list") }
                for (i, item) in items.enumerated() {
                    let key = "overrides[\(i)]"
                    guard let m = item.mapping else { throw RuleSpecParser.err(file, item, key, "须为映射 / must be a mapping") }
                    config.lines[key] = item.mark?.line
                    var files: [String]?
                    var rules: [String: RuleSetting] = [:]
                    for (ik, iv) in m {
                        switch ik.string {
                        case "files": files = try strings(iv, file: file, key: key + ".files")
                        case "rules":
                            var ruleLines: [String: Int] = [:]
                            rules = try ruleSettings(iv, file: file, key: key + ".rules", ruleIDs: ruleIDs,
                                                     parametersAllowed: false, lines: &ruleLines).0
                            for (k, line) in ruleLines { config.lines["\(key).\(k)"] = line }
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
        // A pack's setting reaches each of its rules that `rules:` does not name itself.
        for (pack, setting, line) in packSettings {
            for id in packs[pack] ?? [] where config.rules[id] == nil {
                config.rules[id] = setting
                config.lines["rules.\(id)"] = line
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

    private static func ruleSettings(_ node: Node, file: String, key: String, ruleIDs: Set<String>, parametersAllowed: Bool,
                                     lines: inout [String: Int]) throws(RulePackError)
        -> ([String: RuleSetting], [String: [String: ParameterValue]]) {
        guard let m = node.mapping else { throw RuleSpecParser.err(file, node, key, "须为映射（规则 → on/off/error/warning/info）/ must be a mapping") }
        try rejectDuplicateKeys(m, file: file, key: key)
        var out: [String: RuleSetting] = [:]
        var parameters: [String: [String: ParameterValue]] = [:]
        for (k, v) in m {
            guard let id = k.string, ruleIDs.contains(id) else {
                throw RuleSpecParser.err(file, k, key + "." + (k.string ?? "?"),
                                         "没有这条规则；可用：\(ruleIDs.sorted().joined(separator: ", ")) / unknown rule")
            }
            lines["rules.\(id)"] = k.mark?.line
            guard let detail = v.mapping else {
                out[id] = try setting(v, file: file, key: key + "." + id)
                continue
            }
            // The long form: `severity:` and, at the top level, `parameters:`.
            try rejectDuplicateKeys(detail, file: file, key: key + "." + id)
            for (dk, dv) in detail {
                switch dk.string {
                case "severity":
                    out[id] = try setting(dv, file: file, key: key + "." + id + ".severity")
                case "parameters" where parametersAllowed:
                    guard let pm = dv.mapping else {
                        throw RuleSpecParser.err(file, dv, key + "." + id + ".parameters", "须为映射 / must be a mapping")
                    }
                    for (pk, pv) in pm {
                        var value = RuleSpecParser.parameter(pv)
                        value.file = file
                        value.keyPrefix = "\(key).\(id).parameters."
                        parameters[id, default: [:]][pk.string ?? "?"] = value
                    }
                default:
                    let valid = parametersAllowed ? "severity, parameters" : "severity（参数只能写在顶层 rules 中 / parameters only in the top-level rules）"
                    throw RuleSpecParser.err(file, dk, key + "." + id + "." + (dk.string ?? "?"), "未知的键；可用：\(valid) / unknown key")
                }
            }
        }
        return (out, parameters)
    }

    private static func setting(_ v: Node, file: String, key: String) throws(RulePackError) -> RuleSetting {
        // YAML 1.1 readers turn a bare off/on into booleans; both spellings are accepted.
        switch v.string?.lowercased() {
        case "off", "false", "no": return .off
        case "on", "true", "yes": return .on
        case let s? where Severity(rawValue: s) != nil: return .severity(Severity(rawValue: s)!)
        default:
            throw RuleSpecParser.err(file, v, key, "须为 on、off、error、warning 或 info / must be on, off, error, warning or info")
        }
    }

    /// Whether the file at `path` (relative to the config's directory) is one never to lint.
    public func ignores(_ path: String) -> Bool {
        ignore.contains { Glob.matches($0, path) || Glob.matches($0.hasSuffix("/") ? $0 + "**" : $0 + "/**", path) }
    }

    /// The linter this configuration asks for: `base` with its rule parameters replaced.
    public func linter(base: Linter, file: String) throws(RulePackError) -> Linter {
        guard hasParameters else { return base }
        return try Linter(pack: base.pack.overriding(parameters, file: file), enabled: base.enabled)
    }

    /// Indices of the overrides whose `files` match `path` (relative to the config's directory).
    public func matchingOverrides(_ path: String) -> [Int] {
        overrides.indices.filter { i in overrides[i].files.contains { Glob.matches($0, path) } }
    }

    /// The parameters set here, as (rule, name, value as written in YAML, line), sorted.
    public var parameterSettings: [(rule: String, name: String, value: String, line: Int)] {
        parameters.flatMap { rule, values in values.map { (rule, $0.key, $0.value.yaml, $0.value.line) } }
            .sorted { ($0.rule, $0.name) < ($1.rule, $1.name) }
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

/// `*` any run without `/`, `**` any run, `?` one character, `[a-z]`/`[!x]` one of a set,
/// `\\` makes the next character
/// literal; a pattern without `/` matches the file name in any directory (as in .gitignore), a
/// leading `/` anchors it to the configuration's directory.
public enum Glob {
    /// `path` as a pattern that matches exactly it.
    public static func escaped(_ path: String) -> String {
        var out = ""
        for c in path.unicodeScalars {
            if c == "*" || c == "?" || c == "[" || c == "\\" { out += "\\" }
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

    /// A bracket expression at the start of `p` (`[abc]`, `[a-z]`, `[!x]` or `[^x]`, a `]` first
    /// is literal): the test for one character and the pattern after it; nil when unclosed.
    private static func bracket(_ p: ArraySlice<Unicode.Scalar>) -> ((Unicode.Scalar) -> Bool, ArraySlice<Unicode.Scalar>)? {
        var i = p.index(after: p.startIndex)
        let negated = i < p.endIndex && (p[i] == "!" || p[i] == "^")
        if negated { i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < p.endIndex, p[i] != "]" || first {
            first = false
            let lo = p[i].value
            if i + 2 < p.endIndex, p[i + 1] == "-", p[i + 2] != "]" {
                ranges.append(lo...max(lo, p[i + 2].value))
                i += 3
            } else {
                ranges.append(lo...lo)
                i += 1
            }
        }
        guard i < p.endIndex else { return nil }
        let test: (Unicode.Scalar) -> Bool = { c in ranges.contains { $0.contains(c.value) } != negated }
        return (test, p[(i + 1)...])
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
        if c == "[", let (set, rest) = bracket(p) {
            guard let f = s.first, f != "/", set(f) else { return false }
            return match(rest, s.dropFirst())
        }
        if c == "\\", p.count > 1 {
            guard s.first == p[p.index(after: p.startIndex)] else { return false }
            return match(p.dropFirst(2), s.dropFirst())
        }
        guard let f = s.first, c == "?" ? f != "/" : c == f else { return false }
        return match(p.dropFirst(), s.dropFirst())
    }
}
