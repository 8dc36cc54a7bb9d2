/// Where a finding is, in words that survive edits elsewhere in the file: the rule, the text it
/// covers with a few characters on each side (whitespace removed, so re-wrapping or re-indenting
/// does not matter), and which occurrence of that same context it is. No line numbers, so
/// paragraphs added or removed above a finding leave its fingerprint as it was.
public struct FindingFingerprint: Sendable, Hashable, Comparable {
    public var rule: String
    public var context: String
    /// 0 for the first finding of this rule with this context in the text, 1 for the next, …
    public var occurrence: Int

    public init(rule: String, context: String, occurrence: Int) {
        self.rule = rule
        self.context = context
        self.occurrence = occurrence
    }

    /// Characters of context kept on each side of the finding.
    public static let margin = 8

    /// The fingerprints of `diagnostics` (in their order) in `document`.
    public static func of(_ diagnostics: [Diagnostic], in document: TextDocument) -> [FindingFingerprint] {
        var seen: [FindingFingerprint: Int] = [:]
        return diagnostics.map { d in
            let context = Self.context(d.range, in: document)
            let key = FindingFingerprint(rule: d.ruleID, context: context, occurrence: 0)
            let n = seen[key, default: 0]
            seen[key] = n + 1
            return FindingFingerprint(rule: d.ruleID, context: context, occurrence: n)
        }
    }

    /// The finding's text and up to `margin` non-space characters on each side from its own lines
    /// (the context stops at a line break, so editing the next paragraph leaves it alone),
    /// whitespace dropped; the finding itself is set off with `⟦ ⟧` so that a context cannot be
    /// mistaken for a shifted one.
    static func context(_ range: Range<Int>, in document: TextDocument) -> String {
        let s = document.scalars
        let lo = max(0, min(range.lowerBound, s.count)), hi = max(lo, min(range.upperBound, s.count))
        var before: [Unicode.Scalar] = []
        var i = lo
        while i > 0 && before.count < margin && !isBreak(s[i - 1]) {
            i -= 1
            if !isSpace(s[i]) { before.append(s[i]) }
        }
        var after: [Unicode.Scalar] = []
        var j = hi
        while j < s.count && after.count < margin && !isBreak(s[j]) {
            if !isSpace(s[j]) { after.append(s[j]) }
            j += 1
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: before.reversed())
        out.append("⟦")
        out.append(contentsOf: s[lo..<hi].filter { !isSpace($0) })
        out.append("⟧")
        out.append(contentsOf: after)
        return String(out)
    }

    private static func isBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r"
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s == "\u{FEFF}"
    }

    public static func < (a: FindingFingerprint, b: FindingFingerprint) -> Bool {
        (a.rule, a.context, a.occurrence) < (b.rule, b.context, b.occurrence)
    }
}
