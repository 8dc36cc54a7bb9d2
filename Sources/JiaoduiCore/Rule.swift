/// A check. One small type per rule id; its thresholds, word lists and texts come from its spec in
/// `rules/`, read once in `init`.
public protocol Rule: Sendable {
    static var id: String { get }
    /// Whether the rule's findings carry an automatic fix.
    static var fixable: Bool { get }
    init(spec: RuleSpec) throws(RulePackError)
    func check(_ context: LintContext) -> [Diagnostic]
}

/// Every rule type the engine knows. A rule file whose id is not here is a load error.
public enum RuleRegistry {
    public static let types: [any Rule.Type] = [
        DuplicatePhraseRule.self,
        BrokenWrapRule.self,
        WrapDuplicateCharRule.self,
        TruncatedSentenceRule.self,
        SplicedFragmentRule.self,
        HalfwidthPunctuationRule.self,
    ]

    public static func type(_ id: String) -> (any Rule.Type)? { types.first { $0.id == id } }

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
