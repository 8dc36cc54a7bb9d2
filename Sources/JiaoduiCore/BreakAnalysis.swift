/// One pass over the line breaks of a document that decides, for each break between two non-blank
/// lines, whether extraction damaged the text there. Three rules read its findings
/// (broken-wrap, wrap-duplicate-char, truncated-sentence) and duplicate-phrase reads the spliced
/// fragments it finds on the way.
struct BreakAnalysis {
    struct Settings: Sendable {
        let lexicon: Lexicon
        /// A break after a heading-like line counts only when a word this long straddles it.
        var minCrossingAfterShortLine = 3
        /// Marks and particles that cannot begin a sentence: a line starting with one continues the
        /// previous line.
        var continuationStarts: Set<Unicode.Scalar> = []
        var doublingMargin = 3.0
        var boundarySuffixes: Set<Unicode.Scalar> = []
        /// Single characters that may open a paragraph followed by a comma (但，…).
        var orphanOpeners: Set<Unicode.Scalar> = []
        var orphanPunctuation: Set<Unicode.Scalar> = Set("，,、。；;：:".unicodeScalars)
        /// After a finished line, one character and one of these opens an orphaned fragment (整，);
        /// a character and a colon is a label (问：, 注：).
        var strayPunctuation: Set<Unicode.Scalar> = Set("，,、。；;".unicodeScalars)
        /// Words that typically open a paragraph (据, 这是, 目前, 今年): after a cut-off line they say
        /// a new paragraph began, so text is missing rather than wrapped.
        var paragraphStartWords: [[Unicode.Scalar]] = []
        /// Characters that cannot begin a sentence (等, 的): a paragraph starting with one lost its head.
        var fragmentStarts: Set<Unicode.Scalar> = Set("的了着等们".unicodeScalars)
        /// Marks that end a clause (for reading the first clause of a line).
        var clauseEnds: Set<Unicode.Scalar> = Set("，,。；;：:！!？?".unicodeScalars)
        /// jieba tags (or their first letter) of words that cannot end a sentence: conjunctions,
        /// prepositions, particles, adverbs.
        var openEndingTags: Set<String> = ["c", "p", "u", "d", "ad"]
        /// Verbs of saying that end a paragraph's attribution clause (介绍，表示：).
        var sayingVerbs: [[Unicode.Scalar]] = []
        var attributionMaxLength = 15
        var closingQuotes: Set<Unicode.Scalar> = Set("”’》」』".unicodeScalars)
        var sentenceEnds: Set<Unicode.Scalar> = Set("。！？!?；;".unicodeScalars)
        /// A list item longer than this is checked like a body paragraph.
        var proseListItemLength = 50
        /// Marks at the end of a line that leave the sentence open (，、).
        var clauseMarks: Set<Unicode.Scalar> = Set("，,、—".unicodeScalars)
        var fragmentMinLength = 12
        var fragmentMinHan = 10
        var fragmentMaxDistance = 5000
    }

    enum Finding {
        /// The break splits a sentence; joining the lines (`join`) repairs it.
        case brokenWrap(range: Range<Int>, join: TextEdit, word: String?, sides: (before: String, after: String))
        /// The character `char` stands on both sides of the break.
        case duplicateChar(range: Range<Int>, fix: TextEdit, char: String)
        /// A body paragraph stops mid-sentence; `range` is its last characters.
        case truncatedEnd(range: Range<Int>, tail: String, followedBy: BlockKind?)
        /// A paragraph starts with the orphaned end of something lost.
        case orphanStart(range: Range<Int>, head: String)
        /// A run copied verbatim from `original` (another column spliced in).
        case splicedFragment(range: Range<Int>, original: Range<Int>)
    }

    private(set) var findings: [Finding] = []

    init(document: TextDocument, layout: Layout, settings: Settings) {
        var judge = BreakJudge(document: document, layout: layout, settings: settings)
        let blocks = layout.blocks
        for (k, a) in blocks.enumerated() {
            findings += judge.findings(after: a, before: k + 1 < blocks.count ? blocks[k + 1] : nil)
        }
    }
}

/// Decides one break: what, if anything, extraction did between line `a` and line `b`.
private struct BreakJudge {
    typealias Finding = BreakAnalysis.Finding
    let document: TextDocument
    let s: [Unicode.Scalar]
    let settings: BreakAnalysis.Settings
    let join: WordJoin
    let starts: ParagraphStarts
    var splices: SpliceFinder
    /// In a document whose paragraphs are indented, an indented line begins a paragraph and an
    /// unindented line before it stands alone (a headline).
    let usesIndent: Bool
    /// The usual number of blank lines between paragraphs.
    let paragraphGap: Int

    init(document: TextDocument, layout: Layout, settings: BreakAnalysis.Settings) {
        self.document = document
        s = document.scalars
        self.settings = settings
        join = WordJoin(lexicon: settings.lexicon)
        starts = ParagraphStarts(settings: settings)
        splices = SpliceFinder(settings: settings, documentLength: document.count)
        let blocks = layout.blocks
        usesIndent = blocks.count >= 3 && blocks.filter(\.indented).count * 10 >= blocks.count * 3
        var gapCounts: [Int: Int] = [:]
        for block in blocks.dropFirst() { gapCounts[block.blankLinesBefore, default: 0] += 1 }
        paragraphGap = gapCounts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }

    mutating func findings(after block: Block, before b: Block?) -> [Finding] {
        // Code, a table, front matter: not prose, so nothing next to it was cut or wrapped.
        if block.kind == .markup || b?.kind == .markup { return [] }
        var a = block
        // A numbered paragraph that is long or holds a full sentence (（二）……。……) is prose like any
        // other; a short numbered line is a section heading (（一）坚定不移扩大有效需求，……).
        if a.kind == .listItem,
           a.length > settings.proseListItemLength || s[a.range].dropLast().contains(where: settings.sentenceEnds.contains) {
            a.kind = .body
        }
        if a.kind == .verse || b?.kind == .verse {
            // Verse breaks are meant; only a long word split across one is damage.
            guard let b, !a.terminated, [.verse, .heading, .body].contains(a.kind),
                  let finding = splitWordInVerse(a, b) else { return [] }
            return [finding]
        }
        if a.terminated || a.kind != .body && a.kind != .heading {
            guard let b, b.kind == .body, let stray = starts.strayStart(s, b) else { return [] }
            return [.orphanStart(range: stray, head: document.string(stray))]
        }
        // The findings' texts are made only for the finding returned (most breaks return none).
        let document = self.document
        let tailRange = max(a.range.lowerBound, a.range.upperBound - 3)..<a.range.upperBound
        let next = b?.kind
        func cutOff() -> Finding { Finding.truncatedEnd(range: tailRange, tail: document.string(tailRange), followedBy: next) }
        guard let b else { return a.kind == .body ? [cutOff()] : [] }
        let last = a.range.upperBound - 1
        let first = b.range.lowerBound
        let edge = last..<(first + 1)
        let (left, right) = join.runs(s, leftEnd: a.range.upperBound, rightStart: first, rightEnd: b.range.upperBound)
        // Latin words split by a break are joined with a space (AI for⏎Science), Han without.
        let latinJoin = CharClass.isASCIILetter(s[last]) && CharClass.isASCIILetter(s[first])
        let scalars = s
        func joined() -> String {
            String(scalars: latinJoin ? [scalars[last], " ", scalars[first]] : [scalars[last], scalars[first]])
        }
        func wrap(_ word: String?) -> Finding {
            let sides = (document.string(max(a.range.lowerBound, last - 1)..<(last + 1)),
                         document.string(first..<min(b.range.upperBound, first + 2)))
            return Finding.brokenWrap(range: edge, join: TextEdit(range: edge, newText: joined()), word: word, sides: sides)
        }

        // A character printed on both sides of the break.
        if s[last] == s[first], CharClass.isHan(s[last]), !left.isEmpty, !right.isEmpty,
           b.kind == .body || b.kind == .heading {
            switch join.doubling(left: left, right: right, margin: settings.doublingMargin,
                                 boundarySuffixes: settings.boundarySuffixes) {
            case .slip where a.kind == .body
                    || join.startsWithLoneCharacter(right, then: first + right.count < b.range.upperBound ? s[first + right.count] : nil)
                    || join.droppingCopyMendsWord(left: left, right: right):
                // After a heading-like line the copy must be a stray: no word by itself (政|系统),
                // or one whose removal mends a word (教育经|经费 → 教育经费). 防灾网|网格员 is not.
                let char = String(scalars: [s[last]])
                return [.duplicateChar(range: edge, fix: TextEdit(range: edge, newText: char), char: char)]
            case .splitWord:
                return [wrap(joined())]
            case .boundary where a.kind == .body:
                // Two words meeting on one character (工作|作风): the text runs on across the break.
                return [wrap(nil)]
            default:
                break
            }
        }

        let continues = settings.continuationStarts.contains(s[first]) || starts.closesUnopened(s, b)
            || latinJoin
        let word = join.crossingWord(left: left, right: right)
        let crossing = word?.unicodeScalars.count ?? 0

        if a.kind == .heading || usesIndent && b.indented && !a.indented {
            // A heading-like line: only a long word straddling the break says the break is damage
            // (据新华社乌鲁|木齐). A body line after it that cannot start a sentence lost its head.
            if b.kind == .body || b.kind == .heading, crossing >= settings.minCrossingAfterShortLine { return [wrap(word)] }
            // A quotation closing the line (着力打造“干净、担当”⏎的干部队伍) sits inside a sentence
            // that the next line continues.
            if b.kind == .body, continues, settings.closingQuotes.contains(s[last]) || latinJoin { return [wrap(word)] }
            if b.kind == .body, let stray = starts.strayStart(s, b) { return [.orphanStart(range: stray, head: document.string(stray))] }
            return []
        }
        if b.kind != .body && b.kind != .heading || b.kind == .heading && crossing == 0 && !continues {
            return [cutOff()]
        }
        if continues { return [wrap(word)] }
        if let fragment = splices.fragment(endingAt: a, in: s) {
            // The line ends in text pasted from elsewhere: what follows does not continue it.
            let spliced = Finding.splicedFragment(range: fragment.copy, original: fragment.original)
            if let orphan = starts.orphanStart(s, b) { return [spliced, .orphanStart(range: orphan, head: document.string(orphan))] }
            return [spliced, cutOff()]
        }
        if crossing > 0 || settings.clauseMarks.contains(s[last]) { return [wrap(word)] }
        if let orphan = starts.orphanStart(s, b) { return [.orphanStart(range: orphan, head: document.string(orphan))] }
        // No word or mark joins the two lines. A line that opens like a paragraph, or whose first
        // clause can stand as a sentence after a line whose last clause could end one, began anew:
        // the text before it was cut off.
        if starts.beginsParagraph(s, b) || usesIndent && b.indented
            || b.blankLinesBefore == paragraphGap && starts.firstClauseHasPredicate(s, b) && starts.lastClauseHasPredicate(s, a) {
            return [cutOff()]
        }
        return [wrap(nil)]
    }

    private func splitWordInVerse(_ a: Block, _ b: Block) -> Finding? {
        let last = a.range.upperBound - 1, first = b.range.lowerBound
        let (left, right) = join.runs(s, leftEnd: a.range.upperBound, rightStart: first, rightEnd: b.range.upperBound)
        guard let word = join.crossingWord(left: left, right: right),
              word.unicodeScalars.count >= settings.minCrossingAfterShortLine else { return nil }
        let edge = last..<(first + 1)
        return .brokenWrap(range: edge, join: TextEdit(range: edge, newText: String(scalars: [s[last], s[first]])),
                           word: word, sides: (document.string(last..<(last + 1)), document.string(first..<(first + 1))))
    }
}
