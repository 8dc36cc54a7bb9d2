/// `duplicate-phrase`: a phrase, quoted item, clause, sentence or paragraph printed twice in a row
/// (“我为群众办实事”“我为群众办实事”). Legitimate reduplication (常常, 研究研究, 一件一件, 碧蓝碧蓝),
/// anadiplosis and parallel series are not repeats of this kind.
public struct DuplicatePhraseRule: Rule {
    public static let id = "duplicate-phrase"
    public static let fixable = true
    let spec: RuleSpec
    let minHan: Int
    let maxPeriod: Int
    let paragraphMinLength: Int
    let allowed: Set<String>
    let openers: Set<Unicode.Scalar>
    /// jieba tags of two-character words whose doubling is a slip.
    let flaggedTags: Set<String>
    let reduplicationAfter: Set<Unicode.Scalar>
    let reduplicationBefore: [[Unicode.Scalar]]
    let rhetoricalEnds: Set<Unicode.Scalar>
    /// A clause this short said twice (慢慢来，慢慢来，) is emphasis, quoted or not.
    let shortClauseHan: Int
    let commaMarks: Set<Unicode.Scalar> = Set("，,".unicodeScalars)
    let measurePrefixes: Set<Unicode.Scalar>

    public init(spec: RuleSpec) throws(RulePackError) {
        self.spec = spec
        let p = spec.parameters
        minHan = try p.int("min_han", default: 3)
        maxPeriod = try p.int("max_period", default: 400)
        paragraphMinLength = try p.int("paragraph_min_length", default: 8)
        allowed = Set(try p.strings("allow"))
        openers = Set(try p.string("opening_marks", default: "“‘《「『【（〈").unicodeScalars)
        flaggedTags = Set(try p.strings("two_character_word_tags", default: ["n"]))
        reduplicationAfter = Set(try p.string("reduplication_after", default: "的地着").unicodeScalars)
        reduplicationBefore = try p.strings("reduplication_before").map { Array($0.unicodeScalars) }
        rhetoricalEnds = Set(try p.string("rhetorical_ends", default: "！？!?").unicodeScalars)
        shortClauseHan = try p.int("short_clause_han", default: 3)
        measurePrefixes = Set(try p.string("measure_prefixes", default: "一").unicodeScalars)
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let doc = context.document
        let s = doc.scalars
        var finder = TandemRepeats()
        finder.maxPeriod = maxPeriod
        for block in context.layout.blocks {
            for r in finder.find(in: s, block.range) {
                let unit = natural(r, s)
                guard isMistake(unit, in: block.range, s, context), alignsWithWords(unit, s, context) else { continue }
                let second = unit.upperBound..<(unit.upperBound + unit.count)
                let text = doc.string(second)
                out.append(Diagnostic(ruleID: Self.id, severity: spec.severity,
                                      message: spec.message("message", context.locale, ["text": text]), range: second,
                                      fixes: [Fix(title: spec.message("fix", context.locale, ["text": text]),
                                                  edits: [TextEdit(range: second, newText: "")])]))
            }
        }
        out += repeatedParagraphs(context)
        return out
    }

    /// The rotation of the repeated unit that starts where a reader would: at an opening quote, or
    /// right after punctuation.
    private func natural(_ r: TandemRepeats.Repeat, _ s: [Unicode.Scalar]) -> Range<Int> {
        let n = r.first.count
        for shift in 0...r.slack {
            let start = r.first.lowerBound + shift
            if openers.contains(s[start]) { return start..<(start + n) }
        }
        for shift in 0...r.slack {
            let start = r.first.lowerBound + shift
            if start > 0, !CharClass.isLetterOrDigit(s[start - 1]) { return start..<(start + n) }
        }
        return r.first
    }

    private func isMistake(_ unit: Range<Int>, in block: Range<Int>, _ s: [Unicode.Scalar], _ context: LintContext) -> Bool {
        let u = Array(s[unit])
        if allowed.contains(String(scalars: u)) { return false }
        // 哈哈 / 谢谢: one character repeated is reduplication, not a pasted phrase.
        if u.allSatisfy({ $0 == u[0] }) { return false }
        let han = u.filter(CharClass.isHan).count
        guard han > 0, let first = u.first, let last = u.last else { return false }
        let secondEnd = unit.upperBound + unit.count
        let next: Unicode.Scalar? = secondEnd < block.upperBound ? s[secondEnd] : nil
        // Exclamations and questions said twice are rhetoric (加油！加油！); so is a clause said
        // twice inside direct speech (“慢慢来，慢慢来，不着急”).
        if rhetoricalEnds.contains(last) { return false }
        if commaMarks.contains(last),
           han <= shortClauseHan
            || Self.insideQuotes(s, from: max(block.lowerBound, unit.lowerBound - Self.quoteReach), to: unit.lowerBound) {
            return false
        }
        if openers.contains(first) { return true }
        // 一件一件, 一粒种子一粒种子地: a numeral and measure repeated is grammar.
        if measurePrefixes.contains(first), han <= 3 || next.map(reduplicationAfter.contains) == true { return false }
        if han >= minHan { return true }
        // Two characters: a noun doubled (战略战略) is a slip; a verb, adjective or measure doubled
        // (研究研究, 碧蓝碧蓝, 一件一件) is grammar, and so is anything doubled before 的/地 or after
        // 一起/再/好好 (金黄金黄的, 一起商量商量).
        guard han == 2, u.count == 2, let entry = context.lexicon.lookup(u),
              flaggedTags.contains(entry.rawTag) else { return false }
        if let next, reduplicationAfter.contains(next) { return false }
        // A doubled word standing as a clause of its own is a figure of speech (干部干部，干字当头).
        let standsAlone = (unit.lowerBound == block.lowerBound || !CharClass.isLetterOrDigit(s[unit.lowerBound - 1]))
            && (next.map { !CharClass.isLetterOrDigit($0) } ?? true)
        if standsAlone { return false }
        let before = s[block.lowerBound..<unit.lowerBound]
        return !reduplicationBefore.contains { before.reversed().starts(with: $0.reversed()) }
    }

    /// How far back a quotation is looked for (a quote longer than this is rare; the bound keeps a
    /// one-line book linear).
    private static let quoteReach = 300

    /// Whether more “ than ” stand between `from` and `to`: the position is inside a quotation.
    private static func insideQuotes(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        var depth = 0
        for c in s[from..<to] {
            if c == "“" { depth += 1 } else if c == "”" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// A short repeat is grammar when the two copies belong to two longer words that merely meet
    /// (活火山|火山口): the first copy ends a word that starts before it and the second starts one
    /// that runs on after it.
    private func alignsWithWords(_ unit: Range<Int>, _ s: [Unicode.Scalar], _ context: LintContext) -> Bool {
        guard unit.count <= 4, s[unit].allSatisfy(CharClass.isHan) else { return true }
        var a = unit.lowerBound, b = unit.upperBound + unit.count
        while a > 0, unit.lowerBound - a < 4, CharClass.isHan(s[a - 1]) { a -= 1 }
        while b < s.count, b - unit.upperBound - unit.count < 4, CharClass.isHan(s[b]) { b += 1 }
        let (ends, _) = context.lexicon.segment(Array(s[a..<b]))
        let boundaries = Set([0] + ends)
        let gluedBefore = !boundaries.contains(unit.lowerBound - a)
        let gluedAfter = !boundaries.contains(unit.upperBound + unit.count - a)
        return !(gluedBefore && gluedAfter)
    }

    /// A body paragraph printed twice in a row. The range is the second copy and the break after
    /// it (or, at the end of the text, the break before it), so that the fix deleting them stays
    /// inside it.
    private func repeatedParagraphs(_ context: LintContext) -> [Diagnostic] {
        let doc = context.document
        let s = doc.scalars
        let blocks = context.layout.blocks
        var out: [Diagnostic] = []
        for k in blocks.indices.dropFirst() {
            let a = blocks[k - 1], b = blocks[k]
            guard b.kind == .body, a.kind == .body, b.range.count >= paragraphMinLength, a.range.count == b.range.count,
                  s[a.range].elementsEqual(s[b.range]) else { continue }
            let range = k + 1 < blocks.count ? doc.lines[b.line].start..<doc.lines[blocks[k + 1].line].start
                                             : a.range.upperBound..<b.range.upperBound
            var text = doc.string(b.range)
            if text.count > 20 { text = String(text.prefix(20)) + "……" }
            out.append(Diagnostic(ruleID: Self.id, severity: spec.severity,
                                  message: spec.message("paragraph", context.locale, ["text": text]), range: range,
                                  fixes: [Fix(title: spec.message("fix_paragraph", context.locale),
                                              edits: [TextEdit(range: range, newText: "")])]))
        }
        return out
    }
}
