import Foundation

/// `kind: substitution` — wrong → right pairs (`swap:`), each reported with a quick fix per right
/// form. Used by the variant-word, misused-word and Traditional-character packs.
public struct SubstitutionRule: DeclarativeRule {
    public static let kind = "substitution"
    public static let keys: Set<String> = ["swap", "word_boundaries", "merge_adjacent"]
    public static func fixable(_ spec: RuleSpec) -> Bool { true }
    public var ruleID: String { list.spec.id }
    let list: WordListRule

    public init(spec: RuleSpec, lexicon: Lexicon) throws(RulePackError) {
        list = try WordListRule(spec: spec, key: "swap", withReplacement: true, lexicon: lexicon)
    }

    public func check(_ context: LintContext) -> [Diagnostic] { list.check(context) }
    public var entries: [WordListEntry] { list.entries }
}

/// `kind: existence` — words that are always wrong (`words:`), reported without a fix.
public struct ExistenceRule: DeclarativeRule {
    public static let kind = "existence"
    public static let keys: Set<String> = ["words", "word_boundaries"]
    public static func fixable(_ spec: RuleSpec) -> Bool { false }
    public var ruleID: String { list.spec.id }
    let list: WordListRule

    public init(spec: RuleSpec, lexicon: Lexicon) throws(RulePackError) {
        list = try WordListRule(spec: spec, key: "words", withReplacement: false, lexicon: lexicon)
    }

    public func check(_ context: LintContext) -> [Diagnostic] { list.check(context) }
    public var entries: [WordListEntry] { list.entries }
}

/// What the two word-list kinds share: the list, its matcher, and the decisions that keep a match
/// from being a false alarm (word boundaries, context phrases, a paragraph written wholly in the
/// "wrong" script).
struct WordListRule: Sendable {
    let spec: RuleSpec
    let entries: [WordListEntry]
    let matcher: WordListMatcher
    let lexicon: Lexicon
    let wordBoundaries: Bool
    /// A paragraph where matches make up more than this share of the Han characters, and number at
    /// least `denseMinimum`, is skipped (0: never): text written wholly in the other script.
    let denseShare: Double
    let denseMinimum: Int
    /// log P of each entry's word, scored as its right form.
    let scores: [Double]
    /// Report touching matches as one finding (２０２４ is one full-width number, not four).
    let mergeAdjacent: Bool

    init(spec: RuleSpec, key: String, withReplacement: Bool, lexicon: Lexicon) throws(RulePackError) {
        self.spec = spec
        self.lexicon = lexicon
        let text = try spec.body.required(key, at: spec)
        entries = try WordListParser.parse(text, key: key, firstLine: spec.body.place(key).line + 1,
                                           withReplacement: withReplacement, file: spec.source)
        guard !entries.isEmpty else {
            let (line, column) = spec.body.place(key)
            throw RulePackError(file: spec.source, line: line, column: column, key: key, message: "列表为空 / the list is empty")
        }
        matcher = WordListMatcher(entries.map(\.wrong))
        wordBoundaries = try spec.body.bool("word_boundaries", default: true)
        denseShare = try spec.parameters.double("skip_dense_paragraphs", default: 0)
        denseMinimum = try spec.parameters.int("skip_dense_min_matches", default: 3)
        mergeAdjacent = try spec.body.bool("merge_adjacent", default: false)
        // A rare word's probability for what the list does not know: the misspelling should win
        // only where no real word claims its characters.
        let rare = log(3.0) - lexicon.logTotal
        scores = entries.map { entry in
            let forms = [entry.wrong] + entry.rights.map { Array($0.unicodeScalars) }
            return forms.compactMap { lexicon.lookup($0).map { log(Double($0.frequency)) - lexicon.logTotal } }.max() ?? rare
        }
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        let document = context.document
        let s = document.scalars
        var out: [Diagnostic] = []
        // Matches of the paragraph (a run of non-blank lines) being read, kept until its end so
        // that a paragraph written wholly in the other script can be let go as one.
        var block: [(entry: Int, range: Range<Int>)] = []
        var blockHan = 0
        func flush() {
            defer { block.removeAll(); blockHan = 0 }
            if denseShare > 0, block.count >= denseMinimum, Double(block.count) > denseShare * Double(max(blockHan, 1)) { return }
            var k = 0
            while k < block.count {
                var run = [block[k]]
                while mergeAdjacent, k + 1 < block.count, block[k + 1].range.lowerBound == run.last!.range.upperBound {
                    k += 1
                    run.append(block[k])
                }
                out.append(diagnostic(run.map { entries[$0.entry] }, run.first!.range.lowerBound..<run.last!.range.upperBound,
                                      document, context.locale))
                k += 1
            }
        }
        for line in document.lines {
            if isBlank(line, s) {
                flush()
                continue
            }
            let found = matcher.matches(in: s, line.start..<line.end).filter { match in
                entries[match.entry].applies(s, at: match.range.lowerBound)
                    && (!wordBoundaries || standsAlone(match.range, entry: match.entry, in: s, line: line))
            }
            block += found
            if denseShare > 0 {
                for i in line.start..<line.end where CharClass.isHan(s[i]) { blockHan += 1 }
            }
        }
        flush()
        return out
    }

    private func isBlank(_ line: TextDocument.Line, _ s: [Unicode.Scalar]) -> Bool {
        for i in line.start..<line.end where !CharClass.isSpace(s[i]) { return false }
        return true
    }

    /// One finding for a match, or for a run of touching matches (then with the first right form
    /// of each).
    private func diagnostic(_ run: [WordListEntry], _ range: Range<Int>, _ document: TextDocument,
                            _ locale: MessageLocale) -> Diagnostic {
        let entry = run[0]
        let match = document.string(range)
        let rights = run.count == 1 ? entry.rights : [run.map { $0.rights.first ?? "" }.joined()]
        var values = ["match": match, "replacement": rights.first ?? "", "note": entry.note ?? ""]
        let fixes = rights.filter { _ in !entry.rights.isEmpty }.map { right -> Fix in
            values["replacement"] = right
            return Fix(title: spec.message("fix", locale, values), edits: [TextEdit(range: range, newText: right)])
        }
        values["replacement"] = rights.first ?? ""
        return Diagnostic(ruleID: spec.id, severity: spec.severity, message: spec.message("message", locale, values),
                          range: range, fixes: fixes)
    }

    /// Whether the most probable segmentation of the Han text around the match (the match scored as
    /// its right form) starts and ends a word where the match does: 他己经走了 yes, 自己经常 no.
    private func standsAlone(_ range: Range<Int>, entry: Int, in s: [Unicode.Scalar], line: TextDocument.Line) -> Bool {
        let reach = 6
        var lo = range.lowerBound
        while lo > line.start, range.lowerBound - lo < reach, CharClass.isHan(s[lo - 1]) { lo -= 1 }
        var hi = range.upperBound
        while hi < line.end, hi - range.upperBound < reach, CharClass.isHan(s[hi]) { hi += 1 }
        if lo == range.lowerBound && hi == range.upperBound { return true }
        let window = Array(s[lo..<hi])
        let local = (range.lowerBound - lo)..<(range.upperBound - lo)
        let ends = Set(lexicon.segment(window, extra: (local, scores[entry])).ends)
        return (local.lowerBound == 0 || ends.contains(local.lowerBound)) && ends.contains(local.upperBound)
    }
}
