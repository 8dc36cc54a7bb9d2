/// `duplicate-phrase`: a phrase, quoted item, clause, sentence or paragraph printed twice in a row
/// (“我为群众办实事”“我为群众办实事”), and a long run that reappears verbatim at a damaged break (a
/// fragment of another column spliced in). Legitimate reduplication (常常, 研究研究, 一件一件, 碧蓝碧蓝),
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
    let flaggedTags: Set<Lexicon.WordTag>
    let fragmentSeverity: Severity
    let measurePrefixes: Set<Unicode.Scalar>

    public init(spec: RuleSpec) throws(RulePackError) {
        self.spec = spec
        let p = spec.parameters
        minHan = try p.int("min_han", default: 3)
        maxPeriod = try p.int("max_period", default: 400)
        paragraphMinLength = try p.int("paragraph_min_length", default: 8)
        allowed = Set(try p.strings("allow"))
        openers = Set(try p.string("opening_marks", default: "“‘《「『【（〈").unicodeScalars)
        let tags = try p.strings("two_character_word_tags", default: ["noun", "idiom", "phrase"])
        flaggedTags = Set(tags.compactMap { name in
            [Lexicon.WordTag.noun, .verb, .verbalNoun, .adjective, .numeral, .adverb, .idiom, .phrase, .pronoun, .interjection, .other]
                .first { "\($0)" == name }
        })
        measurePrefixes = Set(try p.string("measure_prefixes", default: "一").unicodeScalars)
        fragmentSeverity = Severity(rawValue: try p.string("fragment_severity", default: "info")) ?? .info
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
                guard isMistake(Array(s[unit]), context), alignsWithWords(unit, s, context) else { continue }
                let second = unit.upperBound..<(unit.upperBound + unit.count)
                let text = doc.string(second)
                out.append(Diagnostic(ruleID: Self.id, severity: spec.severity,
                                      message: spec.message("message", context.locale, ["text": text]), range: second,
                                      fixes: [Fix(title: spec.message("fix", context.locale, ["text": text]),
                                                  edits: [TextEdit(range: second, newText: "")])]))
            }
        }
        out += repeatedParagraphs(context)
        for finding in context.breaks.findings {
            guard case .splicedFragment(let range, let original) = finding else { continue }
            let line = doc.lineIndex(containing: original.lowerBound) + 1
            out.append(Diagnostic(ruleID: Self.id, severity: fragmentSeverity,
                                  message: spec.message("fragment", context.locale,
                                                        ["text": doc.string(range), "line": String(line)]),
                                  range: range))
        }
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

    private func isMistake(_ unit: [Unicode.Scalar], _ context: LintContext) -> Bool {
        let text = String(String.UnicodeScalarView(unit))
        if allowed.contains(text) { return false }
        // 哈哈 / 谢谢: one character repeated is reduplication, not a pasted phrase.
        if unit.allSatisfy({ $0 == unit[0] }) { return false }
        let han = unit.filter(CharClass.isHan).count
        if han == 0 { return false }
        if let first = unit.first, openers.contains(first) { return true }
        // 一件一件, 一大盏一大盏: a numeral and measure repeated is grammar.
        if han <= 3, let first = unit.first, measurePrefixes.contains(first) { return false }
        if han >= minHan { return true }
        // Two characters: a noun or set phrase doubled (战略战略) is a slip; a verb, adjective or
        // measure doubled (研究研究, 碧蓝碧蓝, 一件一件) is grammar.
        guard han == 2, unit.count == 2, let entry = context.engine.breaks.lexicon.lookup(unit) else { return false }
        return flaggedTags.contains(entry.tag)
    }

    /// A short repeat is grammar when the two copies belong to two longer words that merely meet
    /// (活火山|火山口): the first copy ends a word that starts before it and the second starts one
    /// that runs on after it.
    private func alignsWithWords(_ unit: Range<Int>, _ s: [Unicode.Scalar], _ context: LintContext) -> Bool {
        guard unit.count <= 4, s[unit].allSatisfy(CharClass.isHan) else { return true }
        var a = unit.lowerBound, b = unit.upperBound + unit.count
        while a > 0, unit.lowerBound - a < 4, CharClass.isHan(s[a - 1]) { a -= 1 }
        while b < s.count, b - unit.upperBound - unit.count < 4, CharClass.isHan(s[b]) { b += 1 }
        let (ends, _) = context.engine.breaks.lexicon.segment(Array(s[a..<b]))
        let boundaries = Set([0] + ends)
        let gluedBefore = !boundaries.contains(unit.lowerBound - a)
        let gluedAfter = !boundaries.contains(unit.upperBound + unit.count - a)
        return !(gluedBefore && gluedAfter)
    }

    /// A body paragraph printed twice in a row. The range runs from the end of the first copy, so
    /// that the fix (deleting the second copy and the break before it) stays inside it.
    private func repeatedParagraphs(_ context: LintContext) -> [Diagnostic] {
        let s = context.document.scalars
        let blocks = context.layout.blocks
        var out: [Diagnostic] = []
        for k in blocks.indices.dropFirst() {
            let a = blocks[k - 1], b = blocks[k]
            guard b.kind == .body, a.kind == .body, b.range.count >= paragraphMinLength, a.range.count == b.range.count,
                  s[a.range].elementsEqual(s[b.range]) else { continue }
            let range = a.range.upperBound..<b.range.upperBound
            let text = context.document.string(b.range)
            out.append(Diagnostic(ruleID: Self.id, severity: spec.severity,
                                  message: spec.message("paragraph", context.locale, ["text": String(text.prefix(20))]),
                                  range: range,
                                  fixes: [Fix(title: spec.message("fix", context.locale, ["text": String(text.prefix(20))]),
                                              edits: [TextEdit(range: range, newText: "")])]))
        }
        return out
    }
}
