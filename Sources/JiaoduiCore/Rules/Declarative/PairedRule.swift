/// `kind: paired` — paired marks (“” ‘’ 《》 〈〉 （） 【】) that must balance and nest, paragraph by
/// paragraph (GB/T 15834-2011, 4.1 and 4.8–4.9).
///
/// Two layouts are not errors: a quotation running over several paragraphs opens each with “ and
/// closes only the last; and a mark left open at a damaged line break is closed on the next
/// paragraph (the break rules report that break). A ’ inside or after a Latin word is an
/// apostrophe, and a ） after a leading list number (1） a） 一）) has no opener by design.
public struct PairedRule: DeclarativeRule {
    public static let kind = "paired"
    public static let keys: Set<String> = ["pairs"]
    public static func fixable(_ spec: RuleSpec) -> Bool { false }
    public var ruleID: String { spec.id }

    let spec: RuleSpec
    let closerOf: [Unicode.Scalar: Unicode.Scalar]
    let openerOf: [Unicode.Scalar: Unicode.Scalar]
    /// Every mark of the pairs, asked per character before the tables (no hashing for the rest).
    let marks: ScalarMembership

    public init(spec: RuleSpec, lexicon: Lexicon) throws(RulePackError) {
        self.spec = spec
        var closers: [Unicode.Scalar: Unicode.Scalar] = [:]
        for pair in try spec.body.strings("pairs") {
            let marks = Array(pair.unicodeScalars)
            guard marks.count == 2, marks[0] != marks[1] else {
                let (line, column) = spec.body.place("pairs")
                throw RulePackError(file: spec.source, line: line, column: column, key: "pairs",
                                    message: "每项须为一对不同的标号，如 “” / each item must be two different marks, such as “”: \(pair)")
            }
            closers[marks[0]] = marks[1]
        }
        guard !closers.isEmpty else {
            throw RulePackError(file: spec.source, line: 1, column: 1, key: "pairs", message: "缺少 pairs / missing pairs")
        }
        closerOf = closers
        openerOf = Dictionary(closers.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        marks = ScalarMembership(Array(closers.keys) + Array(closers.values))
    }

    private struct Mark {
        let scalar: Unicode.Scalar
        let at: Int
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let document = context.document
        let s = document.scalars
        var out: [Diagnostic] = []
        // Marks left open by the previous paragraph, waiting for this one.
        var pending: [Mark] = []
        for line in document.lines where line.end > line.start {
            guard let first = firstMark(s, line) else { continue }
            var stack: [Mark] = []
            var unopened: [Mark] = []
            // A quotation over several paragraphs: this paragraph opens again with the same mark.
            if let last = pending.last, s[first] == last.scalar { pending.removeAll() }
            for i in line.start..<line.end {
                let c = s[i]
                guard marks.contains(c) else { continue }
                if closerOf[c] != nil {
                    stack.append(Mark(scalar: c, at: i))
                } else if let opener = openerOf[c] {
                    if let top = stack.last, top.scalar == opener {
                        stack.removeLast()
                    } else if let depth = stack.lastIndex(where: { $0.scalar == opener }) {
                        // “（”）: the marks inside were opened and not closed before this one.
                        for inner in stack[(depth + 1)...] { out.append(finding("crossed", inner, partner: c, context)) }
                        stack.removeSubrange(depth...)
                    } else if isExempt(c, at: i, s, line) {
                        continue
                    } else {
                        unopened.append(Mark(scalar: c, at: i))
                    }
                }
            }
            // Closers with no opener here may close what the previous paragraph left open.
            var leftover: [Mark] = []
            for mark in unopened {
                if let k = pending.lastIndex(where: { closerOf[$0.scalar] == mark.scalar }) {
                    pending.remove(at: k)
                } else {
                    leftover.append(mark)
                }
            }
            for mark in pending { out.append(finding("unclosed", mark, partner: closerOf[mark.scalar]!, context)) }
            for mark in leftover { out.append(finding("unopened", mark, partner: openerOf[mark.scalar]!, context)) }
            pending = stack
        }
        for mark in pending { out.append(finding("unclosed", mark, partner: closerOf[mark.scalar]!, context)) }
        return out
    }

    /// The first paired mark of a line after its indent, if the line starts with one.
    private func firstMark(_ s: [Unicode.Scalar], _ line: TextDocument.Line) -> Int? {
        var i = line.start
        while i < line.end, CharClass.isSpace(s[i]) { i += 1 }
        return i < line.end ? i : nil
    }

    /// ’ in or after a Latin word (it’s, students’), and ） after a leading list number.
    private func isExempt(_ c: Unicode.Scalar, at i: Int, _ s: [Unicode.Scalar], _ line: TextDocument.Line) -> Bool {
        if c == "’", i > line.start, CharClass.isASCIILetter(s[i - 1]) { return true }
        if c == "）" || c == ")" {
            var j = line.start
            while j < i, CharClass.isSpace(s[j]) { j += 1 }
            let label = s[j..<i]
            return (1...3).contains(label.count)
                && label.allSatisfy { CharClass.isASCIIAlphanumeric($0) || "一二三四五六七八九十".unicodeScalars.contains($0) }
        }
        return false
    }

    private func finding(_ key: String, _ mark: Mark, partner: Unicode.Scalar, _ context: LintContext) -> Diagnostic {
        let values = ["mark": String(Character(mark.scalar)), "partner": String(Character(partner))]
        return Diagnostic(ruleID: spec.id, severity: spec.severity, message: spec.message(key, context.locale, values),
                          range: mark.at..<(mark.at + 1))
    }
}
