/// What kind of file a text is; it decides which parts of it are prose.
public enum SourceFormat: String, Sendable, CaseIterable {
    case plain, markdown, html

    /// By file extension: .md/.markdown → markdown, .html/.htm → html, anything else plain.
    public init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .plain
            return
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: self = .plain
        }
    }

    /// By an editor's language id (LSP `languageId`): markdown, html, anything else plain.
    public init(languageId: String) {
        switch languageId.lowercased() {
        case "markdown": self = .markdown
        case "html": self = .html
        default: self = .plain
        }
    }
}

/// Scalars the prose view puts where the source has markup. They are Unicode noncharacters
/// (U+FDD0…U+FDEF, reserved for a program's internal use), so they never clash with real text.
/// Every engine check treats them as neither Chinese nor a letter; `Layout` strips them like
/// spaces and reads the hints among them.
public enum ProseMark {
    /// Markup that is not prose (a tag, a URL, a code span, an emphasis marker, a list marker's
    /// tail). A finding that touches it is dropped: the engine never judged the source there.
    public static let markup: Unicode.Scalar = Unicode.Scalar(0xFDD0 as UInt32)!
    /// In place of an ATX heading's first `#` (or an HTML h1–h6 tag): the line is a heading.
    public static let heading: Unicode.Scalar = Unicode.Scalar(0xFDD1 as UInt32)!
    /// In place of a list marker's first character: the line is a list item.
    public static let listItem: Unicode.Scalar = Unicode.Scalar(0xFDD2 as UInt32)!
    /// In place of a soft line break inside a Markdown paragraph or HTML text: the renderer joins
    /// the lines, so the engine reads one line and judges no break there.
    public static let join: Unicode.Scalar = Unicode.Scalar(0xFDD3 as UInt32)!
    /// On a line of a code block, table or front matter: a block the engine does not read as
    /// prose; no break next to it is judged.
    public static let opaque: Unicode.Scalar = Unicode.Scalar(0xFDD4 as UInt32)!
    /// A suppression directive's line: read as a blank line. A finding across it still stands,
    /// but a fix that would delete the directive is not offered.
    public static let directive: Unicode.Scalar = Unicode.Scalar(0xFDD5 as UInt32)!

    @inline(__always) public static func isMark(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0xFDD0 && s.value <= 0xFDEF
    }

    /// Marks whose source a finding must not touch.
    @inline(__always) static func isMarkup(_ s: Unicode.Scalar) -> Bool {
        s == markup || s == heading || s == listItem || s == opaque
    }
}

/// A source text and its prose: the same number of scalars, markup replaced by `ProseMark`s, so
/// every offset the engine reports is an offset into the source and needs no mapping. The engine
/// lints `prose`; `keep` then drops what touches markup.
public struct ProseView: Sendable {
    public let source: TextDocument
    public let format: SourceFormat
    /// What the engine reads. For plain text without directives, the source itself.
    public let prose: TextDocument
    /// The suppression directives found in the source (their lines are blank in `prose`).
    public let directives: [SuppressionDirective]

    public init(_ source: TextDocument, format: SourceFormat) {
        self.source = source
        self.format = format
        var scalars: [Unicode.Scalar]
        switch format {
        case .plain: scalars = source.scalars
        case .markdown: scalars = MarkdownProse.mask(source)
        case .html: scalars = HTMLProse.mask(source)
        }
        let directives = SuppressionDirective.find(in: source, prose: scalars, format: format)
        for d in directives {
            let line = source.lines[d.line]
            for i in line.start..<line.end { scalars[i] = ProseMark.directive }
        }
        self.directives = directives
        prose = format == .plain && directives.isEmpty ? source : TextDocument(scalars: scalars)
    }

    /// Findings of the engine on `prose`, made findings of the source: one that starts or ends on
    /// markup is dropped (the engine never judged the source there); a fix that would edit markup
    /// or a directive line is withheld, so a break across an HTML tag or a comment line is still
    /// reported but joined by a person; the prose marks a message quotes (a joined soft break) are
    /// taken out.
    public func keep(_ findings: [Diagnostic]) -> [Diagnostic] {
        guard format != .plain || !directives.isEmpty else { return findings }
        let p = prose.scalars
        func touches(_ r: Range<Int>, _ test: (Unicode.Scalar) -> Bool) -> Bool {
            // An insertion touches the scalars on both sides of it.
            let lo = max(0, r.lowerBound - (r.isEmpty ? 1 : 0)), hi = min(p.count, r.upperBound + (r.isEmpty ? 1 : 0))
            return p[lo..<hi].contains(where: test)
        }
        return findings.compactMap { d in
            let ends = d.range.isEmpty ? d.range : d.range.lowerBound..<d.range.lowerBound + 1
            let last = d.range.isEmpty ? d.range : d.range.upperBound - 1..<d.range.upperBound
            guard !touches(ends, ProseMark.isMarkup), !touches(last, ProseMark.isMarkup) else { return nil }
            var d = d
            d.fixes.removeAll { fix in fix.edits.contains { touches($0.range, ProseMark.isMark) && !Self.onlyJoins($0, p) } }
            d.message = Self.unmarked(d.message)
            for i in d.fixes.indices { d.fixes[i].title = Self.unmarked(d.fixes[i].title) }
            return d
        }
    }

    /// `text` (a message or a fix title quoting the prose view) without the view's marks.
    static func unmarked(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: ProseMark.isMark) else { return text }
        return String(scalars: text.unicodeScalars.filter { !ProseMark.isMark($0) })
    }

    /// An edit whose range holds prose marks only where the source had a soft break that the
    /// renderer joins anyway (deleting a doubled phrase across two lines of one paragraph).
    private static func onlyJoins(_ edit: TextEdit, _ p: [Unicode.Scalar]) -> Bool {
        !edit.range.isEmpty && p[edit.range].allSatisfy { !ProseMark.isMark($0) || $0 == ProseMark.join }
    }
}
