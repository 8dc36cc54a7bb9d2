/// What a non-blank line is on the page. Only body paragraphs carry running sentences; the other
/// kinds legitimately end without punctuation and are never reported as broken or cut off.
public enum BlockKind: String, Sendable {
    case heading, byline, caption, listItem = "list-item", body
}

/// One non-blank line of the document and what it is.
public struct Block: Sendable {
    public let line: Int
    /// The content: after the indent, without trailing spaces.
    public let range: Range<Int>
    public let indented: Bool
    public let blankLinesBefore: Int
    public let kind: BlockKind
    /// Whether the line ends a sentence (。！？…；：, possibly followed by closing marks, or a
    /// closing parenthetical after such a mark).
    public let terminated: Bool
}

/// Lines → blocks → a kind per block, from cues in `rules/document.yml`.
public struct Layout: Sendable {
    public let blocks: [Block]

    public init(_ document: TextDocument, cues: LayoutCues) {
        var blocks: [Block] = []
        var blanks = 0
        for (index, line) in document.lines.enumerated() {
            var start = line.start
            var end = line.end
            let s = document.scalars
            while start < end, CharClass.isSpace(s[start]) { start += 1 }
            while end > start, CharClass.isSpace(s[end - 1]) { end -= 1 }
            if start == end {
                blanks += 1
                continue
            }
            let content = Array(s[start..<end])
            blocks.append(Block(line: index, range: start..<end, indented: start > line.start,
                                blankLinesBefore: blanks, kind: cues.classify(content),
                                terminated: cues.isTerminated(content)))
            blanks = 0
        }
        self.blocks = blocks
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
    let terminalMarks: Set<Unicode.Scalar>
    let closingMarks: Set<Unicode.Scalar>
    let sentenceMarks: Set<Unicode.Scalar>
    let commaMarks: Set<Unicode.Scalar>

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
        terminalMarks = Set(try p.string("terminal_marks", default: "。！？!?…；;：:").unicodeScalars)
        closingMarks = Set(try p.string("closing_marks", default: "”’」』）)》】〕").unicodeScalars)
        sentenceMarks = Set(try p.string("sentence_marks", default: "。！？!?；;").unicodeScalars)
        commaMarks = Set(try p.string("comma_marks", default: "，,、").unicodeScalars)
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

    func classify(_ c: [Unicode.Scalar]) -> BlockKind {
        if captionPrefixes.contains(where: { c.starts(with: $0) }) { return .caption }
        if bylinePrefixes.contains(where: { c.starts(with: $0) }) { return .byline }
        let visible = c.filter { !CharClass.isSpace($0) }.count
        if visible <= bylineMaxLength {
            if bylineSuffixes.contains(where: { c.reversed().starts(with: $0.reversed()) }) { return .byline }
            if let first = c.first, let last = c.last, first == "（" || first == "(", last == "）" || last == ")" {
                return .byline
            }
        }
        if !listPatterns.isEmpty {
            let head = Array(String(String.UnicodeScalarView(c.prefix(12))).utf16)
            if listPatterns.contains(where: { $0.firstMatch(in: head) != nil }) { return .listItem }
        }
        if !bodyPatterns.isEmpty {
            let head = Array(String(String.UnicodeScalarView(c.prefix(30))).utf16)
            if bodyPatterns.contains(where: { $0.firstMatch(in: head) != nil }) { return .body }
        }
        if isTerminated(c) { return .body }
        if visible > headingMaxLength { return .body }
        // Sentence punctuation before the end means running text; a single comma is allowed in a
        // short heading (警钟，再次重重敲响).
        if c.dropLast().contains(where: { sentenceMarks.contains($0) }) { return .body }
        let commas = c.filter { commaMarks.contains($0) }.count
        if commas > 1 || (commas == 1 && visible > headingWithCommaMaxLength) { return .body }
        if let last = c.last, commaMarks.contains(last) || sentenceMarks.contains(last) { return .body }
        return .heading
    }

    func isTerminated(_ c: [Unicode.Scalar]) -> Bool {
        var i = c.count - 1
        // A line that closes with a parenthetical is finished: a note or credit ends it
        // (……难题。（完）, （本报珀斯1月15日电）, ……之旅（附图片5张）).
        while i >= 0, closingMarks.contains(c[i]) {
            if c[i] == "）" || c[i] == ")" { return true }
            i -= 1
        }
        return i >= 0 && terminalMarks.contains(c[i])
    }
}
