/// The one path from a file's text to what a face shows, shared by `lint`, `fix` and the language
/// server: mask the markup (`ProseView`), run the engine on the prose, drop what touches markup,
/// apply the project's filter, then the text's own suppression directives. Suppressions come last
/// and see the whole text's findings, since a disable … enable pair spans the document.
extension Linter {
    public func lint(_ source: TextDocument, format: SourceFormat, filter: FindingFilter = FindingFilter(),
                     reportUnusedSuppressions: Bool = false) -> [Diagnostic] {
        let view = ProseView(source, format: format)
        return finish(lint(view.prose, locale: filter.locale), view: view, filter: filter,
                      reportUnusedSuppressions: reportUnusedSuppressions)
    }

    /// Findings of the engine on `view.prose`, as a face shows them.
    public func finish(_ findings: [Diagnostic], view: ProseView, filter: FindingFilter,
                       reportUnusedSuppressions: Bool = false) -> [Diagnostic] {
        Suppressions.apply(filter.apply(view.keep(findings), in: view.source), view: view, locale: filter.locale,
                           reportUnused: reportUnusedSuppressions)
    }

    /// `relint` for a face: the edited lines of the prose re-linted, merged with `previous` (what
    /// this function or `lint(_:format:filter:)` returned before the edit, moved by `EditTracker`),
    /// then filtered and suppressed as a whole. The masking is redone over the whole text, so a
    /// window never starts inside a code block it cannot see the fence of.
    public func relint(_ view: ProseView, changed: Swift.Range<Int>, previous: [Diagnostic],
                       filter: FindingFilter) -> [Diagnostic] {
        let engineFindings = previous.filter { $0.ruleID != Suppressions.invalidID && $0.ruleID != Suppressions.unusedID }
        return finish(relint(view.prose, changed: changed, previous: engineFindings, locale: filter.locale),
                      view: view, filter: filter)
    }
}
