/// The engine: a rule pack compiled into rule instances, run over a document. Pure: text in,
/// diagnostics out.
public struct Linter: Sendable {
    public let pack: RulePack
    public let rules: [any RuleCheck]
    /// The rules asked for (nil: all that the pack has).
    public let enabled: Set<String>?
    let engine: EngineSettings

    /// Compiles `pack`. `enabled` limits the rules that run (nil: all that the pack has).
    public init(pack: RulePack = .embedded, enabled: Set<String>? = nil, lexicon: Lexicon? = nil) throws(RulePackError) {
        self.pack = pack
        self.enabled = enabled
        for (id, spec) in pack.specs where !RuleRegistry.supportIDs.contains(id) && spec.kind == nil {
            guard RuleRegistry.type(id) != nil else {
                throw RulePackError(file: spec.source, line: 1, column: 1, key: "id",
                                    message: "没有名为 “\(id)” 的内置规则；声明式规则须写 kind（\(RuleRegistry.kinds.keys.sorted().joined(separator: "、"))）/ unknown built-in rule id; a declarative rule needs kind:")
            }
        }
        let words = lexicon ?? .embedded
        var rules: [any RuleCheck] = []
        for id in pack.ruleIDs where enabled?.contains(id) ?? true {
            let spec = pack.specs[id]!
            if let kind = spec.kind, let type = RuleRegistry.kinds[kind] {
                rules.append(try type.init(spec: spec, lexicon: words))
            } else if let type = RuleRegistry.type(id) {
                rules.append(try type.init(spec: spec))
            }
        }
        self.rules = rules
        let document = pack.spec("document")
            ?? RuleSpec(id: "document", severity: .info, name: .init(zh: "", en: ""), description: .init(zh: "", en: ""),
                        messages: [:], parameters: Parameters(values: [:], file: "document.yml"),
                        examples: .init(bad: [], good: []), source: "document.yml")
        engine = EngineSettings(layoutCues: try LayoutCues(spec: document),
                                breaks: try BreakAnalysis.Settings(pack: pack, lexicon: words))
    }

    /// All findings of the enabled rules, in document order.
    public func lint(_ document: TextDocument, locale: MessageLocale = .zh) -> [Diagnostic] {
        let context = LintContext(document: document, locale: locale, engine: engine)
        var all: [Diagnostic] = []
        for rule in rules { all += rule.check(context) }
        // Sorting indices moves no finding (a large value, with strings) while merging; equal
        // findings keep the rules' order, as the stable sort of the findings themselves did.
        let found = all
        let order = found.indices.sorted { i, j in
            Diagnostic.documentOrder(found[i], found[j]) || !Diagnostic.documentOrder(found[j], found[i]) && i < j
        }
        return order.map { found[$0] }
    }
}

extension BreakAnalysis.Settings {
    init(pack: RulePack, lexicon: Lexicon) throws(RulePackError) {
        self.init(lexicon: lexicon)
        if let p = pack.spec("broken-wrap")?.parameters {
            minCrossingAfterShortLine = try p.int("min_word_after_short_line", default: 3)
            continuationStarts = Set(try p.string("continuation_starts", default: "，、。；：？！”’）》】,.;:?!)的了").unicodeScalars)
            clauseMarks = Set(try p.string("open_clause_marks", default: "，,、—").unicodeScalars)
        }
        if let p = pack.spec("wrap-duplicate-char")?.parameters {
            doublingMargin = try p.double("boundary_margin", default: 3.0)
            boundarySuffixes = Set(try p.string("name_suffixes", default: "").unicodeScalars)
        }
        if let p = pack.spec("truncated-sentence")?.parameters {
            orphanOpeners = Set(try p.string("paragraph_openers", default: "").unicodeScalars)
            paragraphStartWords = try p.strings("paragraph_start_words").map { Array($0.unicodeScalars) }
            fragmentStarts = Set(try p.string("fragment_starts", default: "的了着等们").unicodeScalars)
            proseListItemLength = try p.int("prose_list_item_length", default: 50)
            sayingVerbs = try p.strings("saying_verbs").map { Array($0.unicodeScalars) }
            attributionMaxLength = try p.int("attribution_max_length", default: 15)
            openEndingTags = Set(try p.strings("open_ending_tags", default: ["c", "p", "u", "d", "ad"]))
        }
        if let p = pack.spec("spliced-fragment")?.parameters {
            fragmentMinLength = try p.int("min_length", default: 12)
            fragmentMinHan = try p.int("min_han", default: 10)
            fragmentMaxDistance = try p.int("max_distance", default: 5000)
        }
    }
}
