import CJiaoduiData
import Yams

/// The rule files that make up a pack, parsed and checked. The default pack is embedded in the
/// binary (from `rules/`); `--rules DIR` hands the CLI's own reading of a directory to `load`.
public struct RulePack: Sendable {
    /// Specs by id, including the `document` layout spec that holds the classifier's cues.
    public let specs: [String: RuleSpec]

    public init(specs: [RuleSpec]) {
        self.specs = Dictionary(specs.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
    }

    /// The pack compiled into the binary.
    public static let embedded: RulePack = {
        do {
            return try RulePack.load(files: EmbeddedFiles.all.filter { $0.name.hasSuffix(".yml") }
                .map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
        } catch {
            fatalError("the embedded rule pack is broken: \(error)")
        }
    }()

    /// Parses rule files given as (name, YAML text).
    public static func load(files: [(name: String, text: String)]) throws(RulePackError) -> RulePack {
        var specs: [RuleSpec] = []
        var seen: [String: String] = [:]
        for file in files {
            let spec = try RuleSpecParser.parse(file.text, file: file.name)
            if let other = seen[spec.id] {
                throw RulePackError(file: file.name, line: 1, column: 1, key: "id",
                                    message: "规则 id “\(spec.id)” 与 \(other) 重复 / duplicate rule id (also in \(other))")
            }
            seen[spec.id] = file.name
            specs.append(spec)
        }
        return RulePack(specs: specs)
    }

    public func spec(_ id: String) -> RuleSpec? { specs[id] }

    /// The ids of the rules (not the engine's own settings such as `document`), in the order the
    /// engine runs and lists them: the built-in checks first, then each pack's rules by id.
    public var ruleIDs: [String] {
        let builtIn = RuleRegistry.types.map { $0.id }.filter { specs[$0] != nil && specs[$0]?.kind == nil }
        let rank = { (pack: String) in Self.packOrder.firstIndex(of: pack) ?? Self.packOrder.count }
        let declared = specs.values.filter { $0.kind != nil }
            .sorted { (rank($0.pack), $0.pack, $0.id) < (rank($1.pack), $1.pack, $1.id) }.map(\.id)
        return builtIn + declared
    }

    /// Pack names in the order `jiaodui rules` shows them (core first), each with its rule ids.
    public var packs: [(name: String, rules: [String])] {
        var order: [String] = []
        var members: [String: [String]] = [:]
        for id in ruleIDs {
            let pack = specs[id]!.pack
            if members[pack] == nil { order.append(pack) }
            members[pack, default: []].append(id)
        }
        let known = Self.packOrder
        order.sort { (known.firstIndex(of: $0) ?? known.count, $0) < (known.firstIndex(of: $1) ?? known.count, $1) }
        return order.map { ($0, members[$0]!) }
    }

    /// The built-in packs, in the order they are listed.
    public static let packOrder = ["core", "punctuation", "numbers", "variants", "confusables", "script"]

    /// What a pack is about, for listings (a pack of one's own shows its name).
    public static func packTitle(_ pack: String, _ locale: MessageLocale) -> String {
        let titles: [String: (String, String)] = [
            "core": ("排版与抽取损伤：断行、重字、截断、串栏、重复", "Damage from typesetting and extraction"),
            "punctuation": ("标点符号用法（GB/T 15834—2011）", "Punctuation (GB/T 15834-2011)"),
            "numbers": ("数字用法（GB/T 15835—2011）", "Numbers (GB/T 15835-2011)"),
            "variants": ("异形词（GF 1001—2001《第一批异形词整理表》）", "Variant word forms (GF 1001-2001)"),
            "confusables": ("常见别字与易混词", "Commonly misused words"),
            "script": ("繁简混用（通用规范汉字表）", "Traditional characters in Simplified text"),
        ]
        guard let title = titles[pack] else { return pack }
        return locale == .zh ? title.0 : title.1
    }

    /// The pack with only the rules of `packs` (nil: all) that are not in `excluded`. The engine's
    /// own settings (`document`) stay.
    public func selecting(packs: Set<String>?, excluding excluded: Set<String> = []) -> RulePack {
        guard packs != nil || !excluded.isEmpty else { return self }
        let rules = Set(ruleIDs)
        return RulePack(specs: specs.values.filter { spec in
            !rules.contains(spec.id) || ((packs?.contains(spec.pack) ?? true) && !excluded.contains(spec.pack))
        })
    }

    public func isFixable(_ id: String) -> Bool { specs[id].map(RuleRegistry.fixable) ?? false }

    /// The pack with some rule parameters replaced (a project's `rules: ID: parameters:`). A name
    /// the rule file does not have is an error listing the ones it has; a wrong type is found when
    /// the linter is built, and named by the configuration's file and line.
    func overriding(_ parameters: [String: [String: ParameterValue]], file: String) throws(RulePackError) -> RulePack {
        var changed = specs
        for (id, values) in parameters {
            guard let spec = specs[id] else { continue }
            var merged = spec.parameters.values
            for (name, value) in values {
                guard merged[name] != nil else {
                    throw RulePackError(file: file, line: value.line, column: value.column, key: "rules.\(id).parameters.\(name)",
                                        message: "规则没有这个参数；可有：\(spec.parameters.names.joined(separator: ", ")) / unknown parameter")
                }
                merged[name] = value
            }
            var replaced = spec
            replaced.parameters = Parameters(values: merged, file: spec.parameters.file)
            changed[id] = replaced
        }
        return RulePack(specs: Array(changed.values))
    }
}

/// Files embedded from `rules/` by the CJiaoduiData target.
public enum EmbeddedFiles {
    /// The bytes live in the binary's read-only data for the whole run.
    public struct File: @unchecked Sendable {
        public let name: String
        public let bytes: UnsafeBufferPointer<UInt8>
    }

    public static var all: [File] {
        (0..<jd_embedded_count()).map { i in
            File(name: String(cString: jd_embedded_name(i)),
                 bytes: UnsafeBufferPointer(start: jd_embedded_data(i), count: Int(jd_embedded_size(i))))
        }
    }

}

/// Reads one YAML rule file into a RuleSpec, reporting file:line:column for anything malformed.
enum RuleSpecParser {
    static let topKeys: Set<String> = ["id", "pack", "severity", "name", "description", "message", "messages",
                                       "parameters", "examples", "kind"]

    static func parse(_ text: String, file: String) throws(RulePackError) -> RuleSpec {
        guard let root = try compose(text, file: file) else {
            throw RulePackError(file: file, line: 1, column: 1, key: "", message: "文件为空 / empty file")
        }
        guard let map = root.mapping else { throw err(file, root, "", "顶层须为映射 / the top level must be a mapping") }
        var kind: String?
        if let k = map["kind"] {
            guard let name = k.string, RuleRegistry.kinds[name] != nil else {
                throw err(file, k, "kind", "未知的规则类型；可用：\(RuleRegistry.kinds.keys.sorted().joined(separator: ", ")) / unknown rule kind")
            }
            kind = name
        }
        let kindKeys = kind.flatMap { RuleRegistry.kinds[$0]?.keys } ?? []
        var body: [String: ParameterValue] = [:]
        for (k, v) in map {
            guard let key = k.string, topKeys.contains(key) || kindKeys.contains(key) else {
                let valid = topKeys.union(kindKeys).sorted().joined(separator: ", ")
                throw err(file, k, k.string ?? "?", "未知的键；可用：\(valid) / unknown key")
            }
            if kindKeys.contains(key) { body[key] = parameter(v) }
        }
        guard let idNode = map["id"], let id = idNode.string, !id.isEmpty else {
            throw err(file, root, "id", "缺少 id / missing id")
        }
        var severity = Severity.warning
        if let s = map["severity"] {
            guard let v = s.string.flatMap(Severity.init(rawValue:)) else {
                throw err(file, s, "severity", "须为 error、warning 或 info / must be error, warning or info")
            }
            severity = v
        }
        let name = try localized(map["name"], file: file, key: "name") ?? .init(zh: id, en: id)
        let description = try localized(map["description"], file: file, key: "description") ?? .init(zh: "", en: "")
        var messages: [String: RuleSpec.Localized] = [:]
        if let m = try localized(map["message"], file: file, key: "message") { messages["message"] = m }
        if let ms = map["messages"] {
            guard let mm = ms.mapping else { throw err(file, ms, "messages", "须为映射 / must be a mapping") }
            for (k, v) in mm {
                let key = k.string ?? ""
                messages[key] = try localized(v, file: file, key: "messages.\(key)")
            }
        }
        var params: [String: ParameterValue] = [:]
        if let p = map["parameters"] {
            guard let pm = p.mapping else { throw err(file, p, "parameters", "须为映射 / must be a mapping") }
            for (k, v) in pm {
                params[k.string ?? ""] = parameter(v)
            }
        }
        let examples = try parseExamples(map["examples"], file: file)
        var spec = RuleSpec(id: id, severity: severity, name: name, description: description, messages: messages,
                            parameters: Parameters(values: params, file: file), examples: examples, source: file)
        if let p = map["pack"] {
            guard let name = p.string, !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw err(file, p, "pack", "须为由字母、数字和 - 组成的名称 / must be a name of letters, digits and -")
            }
            spec.pack = name
        }
        spec.kind = kind
        spec.body = Parameters(values: body, file: file, keyPrefix: "")
        return spec
    }

    static func parameter(_ node: Node) -> ParameterValue {
        let mark = node.mark
        let value: ParameterValue.Value
        switch node {
        case .scalar(let s):
            if s.style == .plain, let i = Int(s.string) { value = .int(i) }
            else if s.style == .plain, let d = Double(s.string) { value = .double(d) }
            else { value = .string(s.string) }
        case .sequence(let seq):
            let items = seq.compactMap { $0.string }
            value = items.count == seq.count ? .strings(items) : .other
        default:
            value = .other
        }
        return ParameterValue(value: value, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    static func localized(_ node: Node?, file: String, key: String) throws(RulePackError) -> RuleSpec.Localized? {
        guard let node else { return nil }
        if let s = node.string { return .init(zh: s, en: s) }
        guard let m = node.mapping, let zh = m["zh"]?.string, let en = m["en"]?.string else {
            throw err(file, node, key, "须有 zh 与 en 两种文字 / needs both zh and en texts")
        }
        return .init(zh: zh, en: en)
    }

    static func parseExamples(_ node: Node?, file: String) throws(RulePackError) -> RuleSpec.Examples {
        guard let node else { return .init(bad: [], good: []) }
        guard let m = node.mapping else { throw err(file, node, "examples", "须为映射 / must be a mapping") }
        var bad: [RuleSpec.BadExample] = []
        var good: [String] = []
        var goodLines: [Int] = []
        if let b = m["bad"] {
            guard let seq = b.sequence else { throw err(file, b, "examples.bad", "须为列表 / must be a list") }
            for item in seq {
                let line = item.mark?.line ?? 0
                if let s = item.string { bad.append(.init(text: s, fixed: nil, line: line)); continue }
                guard let im = item.mapping, let text = im["text"]?.string else {
                    throw err(file, item, "examples.bad", "每项须为字符串或含 text 的映射 / each item must be a string or have text")
                }
                bad.append(.init(text: text, fixed: im["fixed"]?.string, line: line))
            }
        }
        if let g = m["good"] {
            guard let seq = g.sequence else { throw err(file, g, "examples.good", "须为列表 / must be a list") }
            for item in seq {
                guard let s = item.string else { throw err(file, item, "examples.good", "须为字符串 / must be a string") }
                good.append(s)
                goodLines.append(item.mark?.line ?? 0)
            }
        }
        return .init(bad: bad, good: good, goodLines: goodLines)
    }

    static func err(_ file: String, _ node: Node, _ key: String, _ message: String) -> RulePackError {
        RulePackError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, key: key, message: message)
    }

    /// The YAML node tree of `text` (nil for an empty document), with errors placed in `file`.
    static func compose(_ text: String, file: String) throws(RulePackError) -> Node? {
        if let line = YAMLDepth.tooDeep(text) {
            throw RulePackError(file: file, line: line, column: 1, key: "",
                                message: "嵌套超过 \(YAMLDepth.limit) 层 / nested more than \(YAMLDepth.limit) levels deep")
        }
        do {
            // The basic resolver: every scalar is a string, typed by our own reading. Yams' default
            // resolver runs regular expressions (Foundation's) over every scalar and key to guess
            // bools, numbers and dates, which was most of the cost of reading the pack at start.
            return try Yams.compose(yaml: text, .basic)
        } catch let e as YamlError {
            throw yamlError(e, file: file)
        } catch {
            throw RulePackError(file: file, line: 1, column: 1, key: "", message: "\(error)")
        }
    }

    static func yamlError(_ e: YamlError, file: String) -> RulePackError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return RulePackError(file: file, line: mark.line, column: mark.column, key: "", message: "YAML: \(problem)")
        case .composer(_, let problem, let mark, _):
            return RulePackError(file: file, line: mark.line, column: mark.column, key: "", message: "YAML: \(problem)")
        default:
            return RulePackError(file: file, line: 1, column: 1, key: "", message: "YAML: \(e)")
        }
    }
}
