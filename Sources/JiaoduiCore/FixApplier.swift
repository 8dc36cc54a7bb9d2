/// Applies the first fix of each diagnostic to a document. Edits that overlap an earlier one are
/// left for a later round (`fixAll` re-lints until nothing fixable is left).
public enum FixApplier {
    public struct Result: Sendable {
        public let text: String
        /// The diagnostics whose fixes were applied, over all rounds.
        public let applied: [Diagnostic]
    }

    /// One round: apply every non-overlapping fix of `diagnostics`.
    public static func apply(_ diagnostics: [Diagnostic], to document: TextDocument) -> (text: String, applied: [Diagnostic]) {
        var chosen: [(TextEdit, Diagnostic)] = []
        var taken: [Range<Int>] = []
        for d in diagnostics {
            guard let fix = d.fixes.first else { continue }
            let ranges = fix.edits.map(\.range)
            let clashes = ranges.contains { r in taken.contains { $0.overlaps(r) || ($0.isEmpty && r.contains($0.lowerBound)) || (r.isEmpty && $0.contains(r.lowerBound)) } }
            if clashes { continue }
            taken += ranges
            for e in fix.edits { chosen.append((e, d)) }
        }
        chosen.sort { $0.0.range.lowerBound < $1.0.range.lowerBound }
        var out = String.UnicodeScalarView()
        var cursor = 0
        for (edit, _) in chosen {
            out.append(contentsOf: document.scalars[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.newText.unicodeScalars)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: document.scalars[cursor...])
        var seen = Set<Diagnostic>()
        let applied = chosen.map(\.1).filter { seen.insert($0).inserted }
        return (String(out), applied)
    }

    /// Rounds of lint-and-fix until no fixable finding is left (at most `maxRounds`).
    public static func fixAll(_ document: TextDocument, linter: Linter, locale: MessageLocale = .zh,
                              maxRounds: Int = 5) -> Result {
        var current = document
        var applied: [Diagnostic] = []
        for _ in 0..<maxRounds {
            let fixable = linter.lint(current, locale: locale).filter { !$0.fixes.isEmpty }
            if fixable.isEmpty { break }
            let round = apply(fixable, to: current)
            if round.applied.isEmpty { break }
            applied += round.applied
            current = TextDocument(round.text)
        }
        return Result(text: current.text, applied: applied)
    }
}
