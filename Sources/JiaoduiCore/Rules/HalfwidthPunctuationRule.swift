/// `halfwidth-punctuation`: ASCII , : ; ? ! ( ) in Chinese running text, where GB/T 15834 wants
/// the full-width forms. A mark between Latin letters or digits (3,000, 10:30, http://) is left alone.
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
        // A page has hundreds of these marks: build each mark's texts once.
        var texts: [Unicode.Scalar: (message: String, title: String, fixed: String)] = [:]
        for (ascii, full) in replacements { texts[ascii] = self.texts(for: ascii, full, context.locale) }
        for line in context.document.lines {
            var i = line.start
            while i < line.end {
                defer { i += 1 }
                guard replacements[s[i]] != nil else { continue }
                let before = neighbour(s, from: i - 1, step: -1, limit: line.start)
                let after = neighbour(s, from: i + 1, step: 1, limit: line.end)
                guard isChinese(before) || isChinese(after) || parenthesisHoldsChinese(s, i, line) else { continue }
                // Foreign text keeps its own punctuation: “Good morning, everyone!” and print(x).
                if let before, CharClass.isASCIIAlphanumeric(before), let after, !CharClass.isHan(after),
                   s[i] != "(" && s[i] != ")" { continue }
                if (s[i] == "(" || s[i] == ")") && isForeignParenthesis(s, i, line) { continue }
                guard let text = texts[s[i]] else { continue }
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

    /// A parenthesis pair with only ASCII inside that follows a Latin word or a digit: print("x"),
    /// f(x), Swift (a language).
    private func isForeignParenthesis(_ s: [Unicode.Scalar], _ i: Int, _ line: TextDocument.Line) -> Bool {
        var open = i, close = i
        if s[i] == ")" {
            while open >= line.start, s[open] != "(" { open -= 1 }
            guard open >= line.start else { return false }
        } else {
            while close < line.end, s[close] != ")" { close += 1 }
            guard close < line.end else { return false }
        }
        guard s[(open + 1)..<close].allSatisfy({ $0.isASCII }),
              let before = neighbour(s, from: open - 1, step: -1, limit: line.start) else { return false }
        return CharClass.isASCIIAlphanumeric(before)
    }

    /// “(2023年修订)”: a parenthesis whose content is Chinese is Chinese even when its outside
    /// neighbours are not.
    private func parenthesisHoldsChinese(_ s: [Unicode.Scalar], _ i: Int, _ line: TextDocument.Line) -> Bool {
        if s[i] == "(" {
            var j = i + 1
            while j < line.end, s[j] != ")" {
                if CharClass.isHan(s[j]) { return true }
                j += 1
            }
        } else if s[i] == ")" {
            var j = i - 1
            while j >= line.start, s[j] != "(" {
                if CharClass.isHan(s[j]) { return true }
                j -= 1
            }
        }
        return false
    }
}
