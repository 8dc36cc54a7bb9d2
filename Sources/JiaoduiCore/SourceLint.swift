/// The one path from a file's text to what a face shows, shared by `lint`, `fix` and the language
/// server: mask the markup (`ProseView`), run the engine on the prose, drop what touches markup,
/// apply the project's filter (the "prepared" findings), then the text's own suppression
/// directives. Suppressions come last and always see the whole text's prepared findings, since a
/// disable … enable pair spans the document.
extension Linter {
    public func lint(_ source: TextDocument, format: SourceFormat, filter: FindingFilter = FindingFilter(),
                     reportUnusedSuppressions: Bool = false) -> [Diagnostic] {
        let view = ProseView(source, format: format)
        return Suppressions.apply(prepared(view, filter: filter), view: view, locale: filter.locale,
                                  reportUnused: reportUnusedSuppressions)
    }

    /// The whole text's findings as a face shows them, before its suppression directives apply.
    /// An editor keeps these to carry through the next edit (`relint`): a directive edited far
    /// away must be able to bring back what it silenced.
    public func prepared(_ view: ProseView, filter: FindingFilter) -> [Diagnostic] {
        filter.apply(Self.outsideLineEnds(view.keep(lint(view.prose, locale: filter.locale)), view.source), in: view.source)
    }

    /// No range starts or ends between the CR and the LF of a line end: no editor can show that
    /// place, and an edit there would leave half a line end. (Markdown's prose view turns a
    /// paragraph's line ends into one mark per scalar, so a rule counting back three characters
    /// could land there; found by PropertyTests.) A bound inside moves out, to cover the whole
    /// line end; an insertion there moves before it.
    static func outsideLineEnds(_ findings: [Diagnostic], _ source: TextDocument) -> [Diagnostic] {
        let s = source.scalars
        func inside(_ i: Int) -> Bool { i > 0 && i < s.count && s[i] == "\n" && s[i - 1] == "\r" }
        func fixed(_ r: Swift.Range<Int>) -> Swift.Range<Int> {
            if r.isEmpty { return inside(r.lowerBound) ? (r.lowerBound - 1)..<(r.lowerBound - 1) : r }
            return (inside(r.lowerBound) ? r.lowerBound - 1 : r.lowerBound)..<(inside(r.upperBound) ? r.upperBound + 1 : r.upperBound)
        }
        guard findings.contains(where: { d in inside(d.range.lowerBound) || inside(d.range.upperBound)
            || d.fixes.contains { $0.edits.contains { inside($0.range.lowerBound) || inside($0.range.upperBound) } } }) else { return findings }
        return findings.map { d in
            var d = d
            d.range = fixed(d.range)
            d.fixes = d.fixes.map { fix in
                var fix = fix
                fix.edits = fix.edits.map { TextEdit(range: fixed($0.range), newText: $0.newText) }
                return fix
            }
            return d
        }
    }

    /// `relint` for a face: prepared findings from before the edit (moved by `EditTracker`) in,
    /// prepared findings of the edited text out, the edited lines of the prose re-linted. The
    /// masking is redone over the whole text, so a window never starts inside a code block it
    /// cannot see the fence of. Apply `Suppressions.apply` to the result.
    public func relint(_ view: ProseView, changed: Swift.Range<Int>, previous: [Diagnostic],
                       filter: FindingFilter) -> [Diagnostic] {
        filter.apply(Self.outsideLineEnds(view.keep(relint(view.prose, changed: changed, previous: previous, locale: filter.locale)),
                                          view.source),
                     in: view.source)
    }
}
