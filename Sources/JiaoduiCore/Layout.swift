/// What a non-blank line is on the page. Only body paragraphs carry running sentences; the other
/// kinds legitimately end without punctuation and are never reported as broken or cut off.
public enum BlockKind: String, Sendable {
    case heading, byline, caption, listItem = "list-item", body
    /// Three or more short lines in a row: a poem, lyrics, a slogan list. Their breaks are meant.
    case verse
    /// A line of a code block, a table or front matter (`ProseMark.opaque`): not prose, and no
    /// break beside it is judged.
    case markup
}

/// One non-blank line of the document and what it is.
public struct Block: Sendable {
    public let line: Int
    /// The content: after the indent, without trailing spaces.
    public let range: Range<Int>
    public let indented: Bool
    public let blankLinesBefore: Int
    public internal(set) var kind: BlockKind
    /// Characters other than spaces.
    public let length: Int
    /// Whether the line is finished: it ends with 。！？…；： (possibly followed by closing marks),
    /// with a closing parenthesis (a note or credit: （完）, （本报珀斯1月15日电）), or, for a
    /// caption, with its credit after a finished sentence (……繁忙景象。新华社记者 王建华摄).
    public let terminated: Bool
}

/// Lines → blocks → a kind per block, from cues in `rules/document.yml`.
public struct Layout: Sendable {
    public let blocks: [Block]

    public init(_ document: TextDocument, cues: LayoutCues) {
        var blocks: [Block] = []
        var blanks = 0
        let s = document.scalars
        for (index, line) in document.lines.enumerated() {
            var start = line.start
            var end = line.end
            // Prose marks (`ProseView`) stand where a markup source has markup: blank like spaces,
            // except for the hints they carry.
            var hint: BlockKind?
            while start < end, CharClass.isSpace(s[start]) || ProseMark.isMark(s[start]) {
                hint = Self.hint(s[start]) ?? hint
                start += 1
            }
            while end > start, CharClass.isSpace(s[end - 1]) || ProseMark.isMark(s[end - 1]) { end -= 1 }
            var content = Array(s[start..<end])
            if content.contains(where: ProseMark.isMark) {
                if content.contains(ProseMark.opaque) { hint = .markup }
                content.removeAll(where: ProseMark.isMark)
            }
            if start == end && hint != .markup {
                blanks += 1
                continue
            }
            let length = content.filter { !CharClass.isSpace($0) }.count
            let terminated = cues.isTerminated(content)
            blocks.append(Block(line: index, range: start == end ? line.start..<line.end : start..<end,
                                indented: s[line.start..<start].contains(where: CharClass.isSpace),
                                blankLinesBefore: blanks,
                                kind: hint ?? cues.classify(content, visible: length, terminated: terminated),
                                length: length, terminated: terminated))
            blanks = 0
        }
        Self.markVerse(&blocks, cues: cues)
        self.blocks = blocks
    }

    /// The block kind a prose mark in a line's prefix stands for.
    private static func hint(_ mark: Unicode.Scalar) -> BlockKind? {
        switch mark {
        case ProseMark.heading: return .heading
        case ProseMark.listItem: return .listItem
        case ProseMark.opaque: return .markup
        default: return nil
        }
    }

    /// Runs of at least `verseMinLines` short heading or body lines with the same spacing, most of
    /// them not ending a sentence, become verse: poems and lyrics have them, news copy does not.
    /// One pass: each maximal run is measured once.
    private static func markVerse(_ blocks: inout [Block], cues: LayoutCues) {
        guard cues.verseMinLines > 0 else { return }
        func eligible(_ b: Block) -> Bool { (b.kind == .heading || b.kind == .body) && b.length <= cues.verseMaxLength }
        var start = 0
        while start < blocks.count {
            guard eligible(blocks[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            var finished = blocks[start].terminated ? 1 : 0
            while end < blocks.count, eligible(blocks[end]),
                  end == start + 1 || blocks[end].blankLinesBefore == blocks[start + 1].blankLinesBefore {
                if blocks[end].terminated { finished += 1 }
                end += 1
            }
            // Short news paragraphs end their sentences; verse lines mostly do not.
            if end - start >= cues.verseMinLines, finished * 3 <= end - start {
                for k in start..<end { blocks[k].kind = .verse }
            }
            start = end
        }
    }
}

/// The classifier's cues: parameters of the `document` spec, so an editor can tune them.
public struct LayoutCues: Sendable {
    let headingMaxLength: Int
    let headingWithCommaMaxLength: Int
    let bylinePrefixes: [[Unicode.Scalar]]
    let bylineSuffixes: [[Unicode.Scalar]]
    let bylineMaxLength: Int
    let captionPrefixes: [[Unicode.Scalar]]
    let listPatterns: [ICURegex]
    let bodyPatterns: [ICURegex]
    /// Each list as one alternation, matched once per line instead of once per pattern (nil when
    /// a pattern has a back-reference, which an alternation would renumber).
    let anyList: ICURegex?
    let anyBody: ICURegex?
    let terminalMarks: Set<Unicode.Scalar>
    let closingMarks: Set<Unicode.Scalar>
    let sentenceMarks: Set<Unicode.Scalar>
    let commaMarks: Set<Unicode.Scalar>
    let enumerationMark: Unicode.Scalar = "、"
    let headingItemMaxLength: Int
    let headingWithSpacesMaxLength: Int
    let verseMinLines: Int
    let verseMaxLength: Int

    public init(spec: RuleSpec) throws(RulePackError) {
        let p = spec.parameters
        headingMaxLength = try p.int("heading_max_length", default: 30)
        headingWithCommaMaxLength = try p.int("heading_with_comma_max_length", default: 14)
        bylinePrefixes = try p.strings("byline_prefixes").map { Array($0.unicodeScalars) }
        bylineSuffixes = try p.strings("byline_suffixes").map { Array($0.unicodeScalars) }
        bylineMaxLength = try p.int("byline_max_length", default: 40)
        captionPrefixes = try p.strings("caption_prefixes").map { Array($0.unicodeScalars) }
        listPatterns = try Self.compile(p, "list_patterns", spec)
        bodyPatterns = try Self.compile(p, "body_patterns", spec)
        anyList = Self.alternation(try p.strings("list_patterns"))
        anyBody = Self.alternation(try p.strings("body_patterns"))
        terminalMarks = Set(try p.string("terminal_marks", default: "。！？!?…；;：:").unicodeScalars)
        closingMarks = Set(try p.string("closing_marks", default: "”’」』）)》】〕").unicodeScalars)
        sentenceMarks = Set(try p.string("sentence_marks", default: "。！？!?；;").unicodeScalars)
        commaMarks = Set(try p.string("comma_marks", default: "，,").unicodeScalars)
        headingItemMaxLength = try p.int("heading_item_max_length", default: 6)
        headingWithSpacesMaxLength = try p.int("heading_with_spaces_max_length", default: 60)
        verseMinLines = try p.int("verse_min_lines", default: 3)
        verseMaxLength = try p.int("verse_max_length", default: 25)
    }

    private static func alternation(_ patterns: [String]) -> ICURegex? {
        let backReference = patterns.contains { pattern in
            let u = Array(pattern.unicodeScalars)
            return u.indices.dropLast().contains { u[$0] == "\\" && ("1"..."9" ~= u[$0 + 1] || u[$0 + 1] == "k") }
        }
        guard patterns.count > 1, !backReference else { return nil }
        return try? ICURegex(patterns.map { "(?:\($0))" }.joined(separator: "|"))
    }

    /// Whether one of `patterns` matches `line`'s first `length` characters.
    private func matches(_ patterns: [ICURegex], _ any: ICURegex?, _ line: [Unicode.Scalar], first length: Int) -> Bool {
        var head: [UInt16] = []
        head.reserveCapacity(2 * length)
        for s in line.prefix(length) {
            if s.value < 0x10000 {
                head.append(UInt16(s.value))
            } else {
                head.append(UInt16(0xD800 + ((s.value - 0x10000) >> 10)))
                head.append(UInt16(0xDC00 + ((s.value - 0x10000) & 0x3FF)))
            }
        }
        if let any { return any.firstMatch(in: head) != nil }
        return patterns.contains { $0.firstMatch(in: head) != nil }
    }

    private static func compile(_ p: Parameters, _ key: String, _ spec: RuleSpec) throws(RulePackError) -> [ICURegex] {
        var patterns: [ICURegex] = []
        for pattern in try p.strings(key) {
            do { patterns.append(try ICURegex(pattern)) } catch {
                throw RulePackError(file: spec.source, line: 0, column: 0, key: "parameters.\(key)", message: error.description)
            }
        }
        return patterns
    }

    func classify(_ line: [Unicode.Scalar], visible: Int, terminated: Bool) -> BlockKind {
        let c = line
        if captionPrefixes.contains(where: { c.starts(with: $0) }) { return .caption }
        if bylinePrefixes.contains(where: { c.starts(with: $0) }) { return .byline }
        if visible <= bylineMaxLength {
            if bylineSuffixes.contains(where: { c.reversed().starts(with: $0.reversed()) }) { return .byline }
            if let first = c.first, let last = c.last, first == "（" || first == "(", last == "）" || last == ")" {
                return .byline
            }
        }
        if !listPatterns.isEmpty, matches(listPatterns, anyList, c, first: 12) { return .listItem }
        if !bodyPatterns.isEmpty, matches(bodyPatterns, anyBody, c, first: 30) { return .body }
        if terminated { return .body }
        // Marks inside quotes and titles (开展“学科技、练本领”活动) say nothing about the line.
        let bare = Self.outsideQuotes(c)
        // Sentence punctuation before the end means running text; a single comma is allowed in a
        // short heading (警钟，再次重重敲响).
        if bare.dropLast().contains(where: { sentenceMarks.contains($0) }) { return .body }
        let commas = bare.filter { commaMarks.contains($0) }.count
        if commas > 1 || (commas == 1 && visible > headingWithCommaMaxLength) { return .body }
        if let last = c.last, commaMarks.contains(last) || sentenceMarks.contains(last) || last == enumerationMark {
            return .body
        }
        // A series of short items (抓项目、强产业、惠民生) is headline style; a long item
        // (作为云南红塔集团董事长、玉溪卷) is running text.
        if bare.split(separator: enumerationMark).contains(where: { $0.count > headingItemMaxLength }) && bare.contains(enumerationMark) {
            return .body
        }
        if visible > headingMaxLength {
            // A long line without punctuation whose parts are spaced apart is a headline or a
            // table row (a list of names), not a sentence.
            let spaced = c.contains { CharClass.isSpace($0) }
            return spaced && commas == 0 && visible <= headingWithSpacesMaxLength ? .heading : .body
        }
        return .heading
    }

    /// The line with quoted and titled stretches (“…”, 《…》) taken out.
    private static func outsideQuotes(_ c: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var depth = 0
        for s in c {
            if s == "“" || s == "《" { depth += 1; continue }
            if s == "”" || s == "》" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(s) }
        }
        return out
    }

    func isTerminated(_ c: [Unicode.Scalar]) -> Bool {
        var i = c.count - 1
        // A caption that ends with its credit: ……繁忙景象。新华社记者 王建华摄
        if bylineSuffixes.contains(where: { c.reversed().starts(with: $0.reversed()) }),
           c.suffix(20).contains(where: { terminalMarks.contains($0) }) {
            return true
        }
        // A line that closes with a parenthetical is finished: a note or credit ends it
        // (……难题。（完）, （本报珀斯1月15日电）, ……之旅（附图片5张）).
        while i >= 0, closingMarks.contains(c[i]) {
            if c[i] == "）" || c[i] == ")" { return true }
            i -= 1
        }
        return i >= 0 && terminalMarks.contains(c[i])
    }
}
