/// `broken-wrap`: a line break or blank line inside a sentence or a word (等各⏎⏎类学习活动).
public struct BrokenWrapRule: Rule {
    public static let id = "broken-wrap"
    public static let fixable = true
    let spec: RuleSpec

    public init(spec: RuleSpec) throws(RulePackError) { self.spec = spec }

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.breaks.findings.compactMap { finding in
            guard case .brokenWrap(let range, let join, let word, let sides) = finding else { return nil }
            let message = word.map { spec.message("in_word", context.locale, ["word": $0]) }
                ?? spec.message("message", context.locale, ["before": sides.before, "after": sides.after])
            return Diagnostic(ruleID: Self.id, severity: spec.severity, message: message, range: range,
                              fixes: [Fix(title: spec.message("fix", context.locale), edits: [join])])
        }
    }
}

/// `wrap-duplicate-char`: the same character printed on both sides of a break (司法行政⏎⏎政系统).
public struct WrapDuplicateCharRule: Rule {
    public static let id = "wrap-duplicate-char"
    public static let fixable = true
    let spec: RuleSpec

    public init(spec: RuleSpec) throws(RulePackError) { self.spec = spec }

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.breaks.findings.compactMap { finding in
            guard case .duplicateChar(let range, let fix, let char) = finding else { return nil }
            return Diagnostic(ruleID: Self.id, severity: spec.severity,
                              message: spec.message("message", context.locale, ["char": char]), range: range,
                              fixes: [Fix(title: spec.message("fix", context.locale, ["char": char]), edits: [fix])])
        }
    }
}

/// `truncated-sentence`: a body paragraph that stops mid-sentence, or one that starts with the
/// orphaned end of lost text. No automatic fix: a person has to restore what is missing.
public struct TruncatedSentenceRule: Rule {
    public static let id = "truncated-sentence"
    public static let fixable = false
    let spec: RuleSpec

    public init(spec: RuleSpec) throws(RulePackError) { self.spec = spec }

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.breaks.findings.compactMap { finding in
            switch finding {
            case .truncatedEnd(let range, let tail, let next):
                let key = next == nil ? "at_end" : "message"
                return Diagnostic(ruleID: Self.id, severity: spec.severity,
                                  message: spec.message(key, context.locale, ["tail": tail]), range: range)
            case .orphanStart(let range, let head):
                return Diagnostic(ruleID: Self.id, severity: spec.severity,
                                  message: spec.message("orphan", context.locale, ["head": head]), range: range)
            default:
                return nil
            }
        }
    }
}

/// `spliced-fragment`: a long run ending at a damaged break that repeats earlier text verbatim —
/// a piece of another column pasted in. Reported for a person to check; no automatic fix, since
/// what belongs in its place is unknown.
public struct SplicedFragmentRule: Rule {
    public static let id = "spliced-fragment"
    public static let fixable = false
    let spec: RuleSpec

    public init(spec: RuleSpec) throws(RulePackError) { self.spec = spec }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let doc = context.document
        return context.breaks.findings.compactMap { finding in
            guard case .splicedFragment(let range, let original) = finding else { return nil }
            let line = doc.lineIndex(containing: original.lowerBound) + 1
            return Diagnostic(ruleID: Self.id, severity: spec.severity,
                              message: spec.message("message", context.locale, ["text": doc.string(range), "line": String(line)]),
                              range: range)
        }
    }
}
