/// How a line begins: a normal paragraph opening, the orphaned end of lost text, or a line that
/// can only continue the one before.
struct ParagraphStarts {
    let settings: BreakAnalysis.Settings
    private static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["”": "“", "’": "‘", "》": "《", "〉": "〈", "）": "（",
                                                                  ")": "(", "』": "『", "」": "「", "】": "【"]
    private static let openers = Set(pairs.values)
    private static let pronounStarts = Set("这那他她它我你您咱".unicodeScalars)
    private static let numerals = Set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百".unicodeScalars)
    private static let dateUnits = Set("年月日".unicodeScalars)

    /// After a finished line: a paragraph that opens with one stray character and a comma (整，开设…)
    /// or with a particle that cannot begin a sentence (等城市之先).
    func strayStart(_ s: [Unicode.Scalar], _ b: Block) -> Range<Int>? {
        let start = b.range.lowerBound
        if settings.fragmentStarts.contains(s[start]) {
            // 等城市之先 is a fragment; 着眼长远, 的确, 等到 begin with a word.
            var end = start
            while end < b.range.upperBound, end - start < 6, CharClass.isHan(s[end]) { end += 1 }
            if settings.lexicon.segment(Array(s[start..<end])).ends.first == 1 { return start..<(start + 1) }
            return nil
        }
        guard b.range.count >= 2, CharClass.isHan(s[start]), settings.strayPunctuation.contains(s[start + 1]),
              !isOpener(s[start..<(start + 1)]) else { return nil }
        return start..<(start + 2)
    }

    /// After a line cut off mid-sentence: a paragraph that opens with up to three characters and a
    /// clause mark (，、。；：) that are not a usual opening word (没出生，… / 道：今天… / 提出，“…).
    func orphanStart(_ s: [Unicode.Scalar], _ b: Block) -> Range<Int>? {
        let start = b.range.lowerBound
        var i = start
        while i < b.range.upperBound, i - start < 4, CharClass.isHan(s[i]) { i += 1 }
        let length = i - start
        guard length >= 1, length <= 3, i < b.range.upperBound, settings.orphanPunctuation.contains(s[i]),
              !isOpener(s[start..<i]), !Self.pronounStarts.contains(s[start]),
              // ……安南今天⏎表示，: a verb of saying continues the sentence that names the speaker.
              !settings.sayingVerbs.contains(where: { s[start..<i].elementsEqual($0) }) else { return nil }
        return start..<(i + 1)
    }

    /// A line that opens like a new paragraph: a date or number, a pronoun, or a usual opening word.
    func beginsParagraph(_ s: [Unicode.Scalar], _ b: Block) -> Bool {
        let start = b.range.lowerBound
        if Self.pronounStarts.contains(s[start]) { return true }
        var i = start
        while i < b.range.upperBound, Self.numerals.contains(s[i]) { i += 1 }
        if i > start, i < b.range.upperBound, Self.dateUnits.contains(s[i]) || !CharClass.isHan(s[i]) { return true }
        if settings.paragraphStartWords.contains(where: { word in
            b.range.count >= word.count && s[start..<(start + word.count)].elementsEqual(word)
        }) { return true }
        return opensWithAttribution(s, b)
    }

    /// 医药公司负责人介绍，… / 专家表示：…: a short first clause that names a speaker and ends
    /// with a verb of saying opens a news paragraph.
    private func opensWithAttribution(_ s: [Unicode.Scalar], _ b: Block) -> Bool {
        var end = b.range.lowerBound
        while end < b.range.upperBound, end - b.range.lowerBound <= settings.attributionMaxLength,
              !settings.clauseEnds.contains(s[end]) {
            end += 1
        }
        guard end < b.range.upperBound, s[end] == "，" || s[end] == "：" || s[end] == "," || s[end] == ":" else { return false }
        let clause = s[b.range.lowerBound..<end]
        return settings.sayingVerbs.contains { clause.count > $0.count && clause.reversed().starts(with: $0.reversed()) }
    }

    /// Whether the first clause of the line holds a predicate (a verb or an idiom). A clause without
    /// one (发展机遇与有利条件，…) is the object or tail of the sentence on the line before; a clause
    /// with one can stand as a sentence of its own.
    func firstClauseHasPredicate(_ s: [Unicode.Scalar], _ b: Block) -> Bool {
        var end = b.range.lowerBound
        while end < b.range.upperBound, end - b.range.lowerBound < 40, !settings.clauseEnds.contains(s[end]) { end += 1 }
        return hasPredicate(s, b.range.lowerBound..<end)
    }

    /// Whether the last clause of the line holds a predicate. Without one (国内生产总值⏎增长5.2%)
    /// the sentence cannot have ended at the break.
    func lastClauseHasPredicate(_ s: [Unicode.Scalar], _ a: Block) -> Bool {
        var start = a.range.upperBound
        while start > a.range.lowerBound, a.range.upperBound - start < 40, !settings.clauseEnds.contains(s[start - 1]) { start -= 1 }
        return hasPredicate(s, start..<a.range.upperBound) && !endsWithFunctionWord(s, a)
    }

    /// A line ending in a conjunction, preposition, particle or adverb (……政策和, ……群众积极)
    /// leaves its sentence open whatever came before.
    private func endsWithFunctionWord(_ s: [Unicode.Scalar], _ a: Block) -> Bool {
        var start = a.range.upperBound
        while start > a.range.lowerBound, a.range.upperBound - start < 6, CharClass.isHan(s[start - 1]) { start -= 1 }
        let run = Array(s[start..<a.range.upperBound])
        guard let lastStart = ([0] + settings.lexicon.segment(run).ends.dropLast()).last,
              let tag = settings.lexicon.lookup(run[lastStart...])?.rawTag else { return false }
        return settings.openEndingTags.contains(tag) || settings.openEndingTags.contains(String(tag.prefix(1)))
    }

    private func hasPredicate(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            guard CharClass.isHan(s[i]) else { i += 1; continue }
            var j = i
            while j < end, CharClass.isHan(s[j]) { j += 1 }
            var wordStart = i
            for segmentEnd in settings.lexicon.segment(Array(s[i..<j])).ends {
                let word = s[wordStart..<(i + segmentEnd)]
                if let tag = settings.lexicon.lookup(word)?.tag, tag == .verb || tag == .idiom { return true }
                wordStart = i + segmentEnd
            }
            i = j
        }
        return false
    }

    /// A closing quote or bracket before any opening one: the line continues a quotation or title
    /// that began on the line before (兴安》，近日……).
    func closesUnopened(_ s: [Unicode.Scalar], _ b: Block) -> Bool {
        var open: [Unicode.Scalar] = []
        for i in b.range.prefix(60) {
            let c = s[i]
            if c == "。" { return false }
            // Plain ASCII and Han are neither (most characters): no table lookup for them.
            if c.value < 0x80 ? c != "(" && c != ")" : c.value >= 0x4E00 && c.value <= 0x9FFF { continue }
            if let opener = Self.pairs[c] {
                if open.last == opener { open.removeLast() } else { return true }
            } else if Self.openers.contains(c) {
                open.append(c)
            }
        }
        return false
    }

    private func isOpener(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        // 但，/ 另查明，: a run led by an opening character opens a sentence.
        if let first = run.first, settings.orphanOpeners.contains(first) { return true }
        if settings.paragraphStartWords.contains(where: { run.elementsEqual($0) }) { return true }
        if let entry = settings.lexicon.lookup(run), entry.tag == .interjection || entry.tag == .pronoun { return true }
        return false
    }
}
