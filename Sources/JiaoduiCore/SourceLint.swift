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
        filter.apply(view.keep(lint(view.prose, locale: filter.locale)), in: view.source)
    }

    /// `relint` for a face: prepared findings from before the edit (moved by `EditTracker`) in,
    /// prepared findings of the edited text out, the edited lines of the prose re-linted. The
    /// masking is redone over the whole text, so a window never starts inside a code block it
    /// cannot see the fence of. Apply `Suppressions.apply` to the result.
    public func relint(_ view: ProseView, changed: Swift.Range<Int>, previous: [Diagnostic],
                       filter: FindingFilter) -> [Diagnostic] {
        filter.apply(view.keep(relint(view.prose, changed: changed, previous: previous, locale: filter.locale)),
                     in: view.source)
    }
}
