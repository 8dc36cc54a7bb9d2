/// Applies the first fix of each diagnostic to a document. Edits that overlap an earlier one are
/// left for a later round (`fixAll` re-lints until nothing fixable is left).
public enum FixApplier {
    public struct Result: Sendable {
        /// The fixed document.
        public let document: TextDocument
        public var text: String { document.text }
        /// The diagnostics whose fixes were applied, over all rounds.
        public let applied: [Diagnostic]
        /// What a lint of the fixed document reports (the findings left for a person).
        public let remaining: [Diagnostic]
    }

    /// One round: apply every fix of `diagnostics` that does not overlap one taken before it (in
    /// document order). Linear: one sort, one pass, one copy of the text.
    public static func apply(_ diagnostics: [Diagnostic], to document: TextDocument) -> (text: String, applied: [Diagnostic]) {
        let (scalars, applied) = applyScalars(diagnostics, to: document)
        return (String(scalars: scalars), applied)
    }

    static func applyScalars(_ diagnostics: [Diagnostic], to document: TextDocument) -> ([Unicode.Scalar], [Diagnostic]) {
        let candidates = diagnostics.compactMap { d -> (edits: [TextEdit], diagnostic: Diagnostic)? in
            guard let fix = d.fixes.first, !fix.edits.isEmpty else { return nil }
            return (fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }, d)
        }.sorted { $0.edits[0].range.lowerBound < $1.edits[0].range.lowerBound }
        var chosen: [TextEdit] = []
        var applied: [Diagnostic] = []
        var reach = 0  // the end of the last edit taken; an insertion there would be ambiguous
        var taken = false
        for candidate in candidates {
            let first = candidate.edits[0].range
            if taken && (first.lowerBound < reach || first.lowerBound == reach && (first.isEmpty || chosen.last!.range.isEmpty)) {
                continue
            }
            chosen += candidate.edits
            applied.append(candidate.diagnostic)
            reach = candidate.edits.map(\.range.upperBound).max()!
            taken = true
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(document.count)
        var cursor = 0
        for edit in chosen {
            out.append(contentsOf: document.scalars[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.newText.unicodeScalars)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: document.scalars[cursor...])
        return (out, applied)
    }

    /// Rounds of lint-and-fix until no fixable finding is left (at most `maxRounds`). Only the
    /// findings `filter` lets through are fixed (a rule turned off or a phrase allowed by the
    /// project stays as written, and so does what a suppression directive silences). In Markdown
    /// and HTML only prose is edited: a fix touching markup is never offered.
    public static func fixAll(_ document: TextDocument, linter: Linter, filter: FindingFilter = FindingFilter(),
                              format: SourceFormat = .plain, maxRounds: Int = 16) -> Result {
        var current = document
        var applied: [Diagnostic] = []
        func lint(_ d: TextDocument) -> [Diagnostic] { linter.lint(d, format: format, filter: filter) }
        var findings = lint(current)
        for _ in 0..<maxRounds {
            let fixable = findings.filter { !$0.fixes.isEmpty }
            if fixable.isEmpty { break }
            let (scalars, round) = applyScalars(fixable, to: current)
            if round.isEmpty { break }
            applied += round
            current = TextDocument(scalars: scalars)
            findings = lint(current)
        }
        return Result(document: current, applied: applied, remaining: findings)
    }
}
