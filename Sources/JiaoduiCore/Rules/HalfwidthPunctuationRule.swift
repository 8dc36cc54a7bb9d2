/// `halfwidth-punctuation`: ASCII , : ; ? ! ( ) in Chinese running text, where GB/T 15834 wants
/// the full-width forms. A mark between Latin letters or digits (3,000, 10:30, http://) is left
/// alone, and so is foreign text's own punctuation (“Good morning, everyone!”, print(x)).
public struct HalfwidthPunctuationRule: Rule {
    public static let id = "halfwidth-punctuation"
    public static let fixable = true
    let spec: RuleSpec
    let replacements: [Unicode.Scalar: Unicode.Scalar]

    public init(spec: RuleSpec) throws(RulePackError) {
        self.spec = spec
        let from = Array(try spec.parameters.string("ascii", default: ",:;?!()").unicodeScalars)
        let to = Array(try spec.parameters.string("fullwidth", default: "，：；？！（）").unicodeScalars)
        guard from.count == to.count else {
            throw RulePackError(file: spec.source, line: 0, column: 0, key: "parameters.fullwidth",
                                message: "须与 ascii 等长 / must have as many marks as ascii")
        }
        replacements = Dictionary(zip(from, to), uniquingKeysWith: { a, _ in a })
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let s = context.document.scalars
        var out: [Diagnostic] = []
        // A page has hundreds of these marks: build each mark's texts once. Every character is
        // looked up: an ASCII one in a table, any other only when a mark outside ASCII is set.
        var texts: [(message: String, title: String, fixed: String)] = []
        var ascii = [Int](repeating: -1, count: 128)
        var other: [Unicode.Scalar: Int] = [:]
        for (mark, full) in replacements {
            if mark.isASCII { ascii[Int(mark.value)] = texts.count } else { other[mark] = texts.count }
            texts.append(self.texts(for: mark, full, context.locale))
        }
        for line in context.document.lines {
            let pairs = Parentheses(s, line)
            for i in line.start..<line.end {
                let v = s[i].value
                let index = v < 128 ? ascii[Int(v)] : other.isEmpty ? -1 : other[s[i]] ?? -1
                guard index >= 0 else { continue }
                let text = texts[index]
                let chinese: Bool
                if let partner = pairs.partner[i] {
                    // A pair is decided once, for both marks: “（2023年修订）” and “联合（MDT）门诊”.
                    let (open, close) = s[i] == "(" ? (i, partner) : (partner, i)
                    chinese = pairIsChinese(s, open, close, line, pairs)
                } else {
                    chinese = markIsChinese(s, i, line)
                }
                guard chinese else { continue }
                out.append(Diagnostic(ruleID: Self.id, severity: spec.severity, message: text.message, range: i..<(i + 1),
                                      fixes: [Fix(title: text.title, edits: [TextEdit(range: i..<(i + 1), newText: text.fixed)])]))
            }
        }
        return out
    }

    private func texts(for ascii: Unicode.Scalar, _ full: Unicode.Scalar, _ locale: MessageLocale)
        -> (message: String, title: String, fixed: String) {
        let values = ["mark": String(Character(ascii)), "fixed": String(Character(full))]
        return (spec.message("message", locale, values), spec.message("fix", locale, values), values["fixed"]!)
    }

    /// A mark with Chinese on either side, unless it follows a Latin letter or digit and no Han
    /// character follows it (everyone!”).
    private func markIsChinese(_ s: [Unicode.Scalar], _ i: Int, _ line: TextDocument.Line) -> Bool {
        let before = neighbour(s, from: i - 1, step: -1, limit: line.start)
        let after = neighbour(s, from: i + 1, step: 1, limit: line.end)
        guard isChinese(before) || isChinese(after) else { return false }
        if let before, CharClass.isASCIIAlphanumeric(before), let after, !CharClass.isHan(after) { return false }
        return true
    }

    /// A bracket pair around or beside Chinese, unless it holds only ASCII right after a Latin
    /// word or a digit (print("x"), f(x), Swift (a language)).
    private func pairIsChinese(_ s: [Unicode.Scalar], _ open: Int, _ close: Int, _ line: TextDocument.Line,
                               _ pairs: Parentheses) -> Bool {
        let outsideBefore = neighbour(s, from: open - 1, step: -1, limit: line.start)
        if pairs.asciiOnly(open, close), let outsideBefore, CharClass.isASCIIAlphanumeric(outsideBefore) { return false }
        let sides = [outsideBefore, neighbour(s, from: open + 1, step: 1, limit: line.end),
                     neighbour(s, from: close - 1, step: -1, limit: line.start),
                     neighbour(s, from: close + 1, step: 1, limit: line.end)]
        return sides.contains(where: isChinese) || pairs.holdsHan(open, close)
    }

    private func isChinese(_ s: Unicode.Scalar?) -> Bool { s.map(CharClass.isChineseContext) ?? false }

    /// The nearest character that is not a space, within the line.
    private func neighbour(_ s: [Unicode.Scalar], from: Int, step: Int, limit: Int) -> Unicode.Scalar? {
        var j = from
        while step < 0 ? j >= limit : j < limit {
            if !CharClass.isSpace(s[j]) { return s[j] }
            j += step
        }
        return nil
    }
}

/// The ASCII parentheses of one line, matched with a stack, and running counts that answer
/// "does this pair hold Han / only ASCII" in constant time.
private struct Parentheses {
    var partner: [Int: Int] = [:]
    private var hanBefore: [Int] = []
    private var nonASCIIBefore: [Int] = []
    private let start: Int

    init(_ s: [Unicode.Scalar], _ line: TextDocument.Line) {
        start = line.start
        var open: [Int] = []
        var any = false
        for i in line.start..<line.end {
            if s[i] == "(" {
                open.append(i)
                any = true
            } else if s[i] == ")", let o = open.popLast() {
                partner[o] = i
                partner[i] = o
            }
        }
        guard any else { return }
        var han = 0, nonASCII = 0
        hanBefore.reserveCapacity(line.end - line.start + 1)
        for i in line.start..<line.end {
            hanBefore.append(han)
            nonASCIIBefore.append(nonASCII)
            if CharClass.isHan(s[i]) { han += 1 }
            if !s[i].isASCII { nonASCII += 1 }
        }
        hanBefore.append(han)
        nonASCIIBefore.append(nonASCII)
    }

    func holdsHan(_ open: Int, _ close: Int) -> Bool { hanBefore[close - start] > hanBefore[open + 1 - start] }
    func asciiOnly(_ open: Int, _ close: Int) -> Bool { nonASCIIBefore[close - start] == nonASCIIBefore[open + 1 - start] }
}
