/// What the engine runs: one compiled rule.
public protocol RuleCheck: Sendable {
    var ruleID: String { get }
    func check(_ context: LintContext) -> [Diagnostic]
}

/// A check written in Swift. One small type per rule id; its thresholds, word lists and texts come
/// from its spec in `rules/`, read once in `init`.
public protocol Rule: RuleCheck {
    static var id: String { get }
    /// Whether the rule's findings carry an automatic fix.
    static var fixable: Bool { get }
    init(spec: RuleSpec) throws(RulePackError)
}

extension Rule {
    public var ruleID: String { Self.id }
}

/// A rule type that a YAML file instantiates with `kind:`: the file is the whole rule, no Swift.
public protocol DeclarativeRule: RuleCheck {
    static var kind: String { get }
    /// The keys a file of this kind may have besides the common ones (id, pack, messages, …).
    static var keys: Set<String> { get }
    /// Whether a rule file of this kind yields findings with a fix.
    static func fixable(_ spec: RuleSpec) -> Bool
    init(spec: RuleSpec, lexicon: Lexicon) throws(RulePackError)
}

/// Every rule type the engine knows. A rule file whose id is not here and that has no `kind` is a
/// load error.
public enum RuleRegistry {
    /// The declarative rule types, by the `kind:` that names them.
    public static let kinds: [String: any DeclarativeRule.Type] = Dictionary(uniqueKeysWithValues: [
        SubstitutionRule.self, ExistenceRule.self, PatternRule.self, PairedRule.self,
    ].map { ($0.kind, $0 as any DeclarativeRule.Type) })

    /// Whether `spec`'s findings carry a fix.
    public static func fixable(_ spec: RuleSpec) -> Bool {
        if let kind = spec.kind { return kinds[kind]?.fixable(spec) ?? false }
        return type(spec.id)?.fixable ?? false
    }

    public static let types: [any Rule.Type] = [
        DuplicatePhraseRule.self,
        BrokenWrapRule.self,
        WrapDuplicateCharRule.self,
        TruncatedSentenceRule.self,
        SplicedFragmentRule.self,
        HalfwidthPunctuationRule.self,
    ]

    public static func type(_ id: String) -> (any Rule.Type)? { types.first { $0.id == id } }

    /// The ids of the built-in pack's rules: what a configuration or a suppression comment may name.
    public static let knownIDs: [String] = RulePack.embedded.ruleIDs

    /// The built-in packs and their rule ids: what a configuration's `packs:` may name.
    public static let knownPacks: [String: [String]] = Dictionary(uniqueKeysWithValues: RulePack.embedded.packs.map { ($0.name, $0.rules) })

    /// Specs that configure the engine rather than a rule.
    static let supportIDs: Set<String> = ["document"]
}

/// What the rules of one lint run share: the document, its layout and the break analysis, each
/// computed at most once.
public final class LintContext {
    public let document: TextDocument
    public let locale: MessageLocale
    let engine: EngineSettings
    public private(set) lazy var layout = Layout(document, cues: engine.layoutCues)
    /// The word list the engine segments with.
    public var lexicon: Lexicon { engine.breaks.lexicon }
    private(set) lazy var breaks = BreakAnalysis(document: document, layout: layout, settings: engine.breaks)

    init(document: TextDocument, locale: MessageLocale, engine: EngineSettings) {
        self.document = document
        self.locale = locale
        self.engine = engine
    }
}

/// Settings that several rules share (the layout cues, the break analysis' thresholds).
struct EngineSettings: Sendable {
    let layoutCues: LayoutCues
    let breaks: BreakAnalysis.Settings
}
