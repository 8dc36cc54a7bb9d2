/// Inline suppression: comments in the text that silence findings, with no configuration.
///
/// A directive stands alone on its line (spaces around it allowed) and has one of three verbs,
/// optionally followed by rule ids separated by spaces or commas (none: every rule):
///
///     jiaodui-disable-next-line [RULE…]   findings starting on the next line that is neither
///                                         blank nor another directive
///     jiaodui-disable [RULE…]             findings starting after it, up to a matching
///     jiaodui-enable [RULE…]              enable (or the end of the text); an enable without
///                                         rules ends every disable, one with rules ends those
///
/// Accepted forms of the line:
/// - Markdown and HTML: `<!-- jiaodui-disable … -->` only (an HTML comment, which renders as
///   nothing); inside a code block it is code, not a directive.
/// - Plain text: the bare directive, or the directive wrapped in `<!-- … -->`, or prefixed by `//`
///   or `#` (`# jiaodui-disable-next-line broken-wrap`).
///
/// A directive's line reads as a blank line to the engine, so it never makes the break between two
/// paragraphs look broken and never gets a finding itself. A finding belongs to the line where it
/// starts (a broken wrap starts at the last character before the break). An unknown rule id is
/// reported as `invalid-suppression` (warning, at the id) and ignored; the directive's other ids
/// work. With `reportUnused`, a disable or disable-next-line that silenced nothing is reported as
/// `unused-suppression` (warning, at the directive). Both run after the project's filter: a
/// directive that only names a rule the configuration turns off silences nothing.
public struct SuppressionDirective: Sendable, Equatable {
    public enum Verb: String, Sendable {
        case disableNextLine = "jiaodui-disable-next-line"
        case disable = "jiaodui-disable"
        case enable = "jiaodui-enable"
    }

    public let verb: Verb
    /// The rule ids named; nil for every rule. Unknown ids are left out (and in `invalid`).
    public let rules: Set<String>?
    /// The source line.
    public let line: Int
    /// The directive's text (for reporting it).
    public let range: Range<Int>
    /// Ids that name no rule, with where they stand.
    public let invalid: [(id: String, range: Range<Int>)]

    public static func == (a: Self, b: Self) -> Bool {
        a.verb == b.verb && a.rules == b.rules && a.line == b.line && a.range == b.range
            && a.invalid.map(\.id) == b.invalid.map(\.id) && a.invalid.map(\.range) == b.invalid.map(\.range)
    }

    /// Rule ids a directive may name: every rule the engine has.
    static let knownRules = Set(RuleRegistry.knownIDs)

    /// The directive lines of `source`. `prose` is the masked text: in Markdown and HTML a
    /// directive is an HTML comment the masking turned into markup; a comment inside a code
    /// block is masked as opaque and does not count.
    static func find(in source: TextDocument, prose: [Unicode.Scalar], format: SourceFormat) -> [SuppressionDirective] {
        let s = source.scalars
        var out: [SuppressionDirective] = []
        for (index, line) in source.lines.enumerated() {
            var lo = line.start, hi = line.end
            while lo < hi, CharClass.isSpace(s[lo]) { lo += 1 }
            while hi > lo, CharClass.isSpace(s[hi - 1]) { hi -= 1 }
            // Cheap test first: every directive line holds "jiaodui-".
            guard hi - lo >= 14, s.find("jiaodui-", in: lo..<hi) != nil else { continue }
            // The whole line: a code line's opaque mark sits on its first character, indent included.
            if format != .plain, prose[line.start..<line.end].contains(where: { $0 != ProseMark.markup }) { continue }
            if let d = parse(s, lo, hi, line: index, format: format) { out.append(d) }
        }
        return out
    }

    private static func parse(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int, line: Int, format: SourceFormat) -> SuppressionDirective? {
        var lo = lo, hi = hi
        if hi - lo >= 7 && s.has("<!--", at: lo, end: hi) && s.has("-->", at: hi - 3, end: hi) {
            lo += 4
            hi -= 3
        } else if format != .plain {
            return nil
        } else if s.has("//", at: lo, end: hi) {
            lo += 2
        } else if s.has("#", at: lo, end: hi) {
            lo += 1
        }
        while lo < hi, CharClass.isSpace(s[lo]) { lo += 1 }
        while hi > lo, CharClass.isSpace(s[hi - 1]) { hi -= 1 }
        var end = lo
        while end < hi, !CharClass.isSpace(s[end]) && s[end] != "," { end += 1 }
        guard let verb = Verb(rawValue: String(scalars: s[lo..<end])) else { return nil }
        var rules: Set<String> = []
        var invalid: [(String, Range<Int>)] = []
        var i = end
        while i < hi {
            if CharClass.isSpace(s[i]) || s[i] == "," {
                i += 1
                continue
            }
            var j = i
            while j < hi, !CharClass.isSpace(s[j]) && s[j] != "," { j += 1 }
            let id = String(scalars: s[i..<j])
            if knownRules.contains(id) { rules.insert(id) } else { invalid.append((id, i..<j)) }
            i = j
        }
        let named = rules.isEmpty && invalid.isEmpty ? nil : rules
        return SuppressionDirective(verb: verb, rules: named, line: line, range: lo..<hi, invalid: invalid)
    }
}

/// Applies a text's directives to its findings.
public enum Suppressions {
    public static let invalidID = "invalid-suppression"
    public static let unusedID = "unused-suppression"

    /// `findings` (in document order, all of the whole text) without those the directives silence,
    /// plus the reports on the directives themselves, in document order. Idempotent on its own
    /// output: earlier reports on directives are replaced, not repeated.
    public static func apply(_ findings: [Diagnostic], view: ProseView, locale: MessageLocale,
                             reportUnused: Bool = false) -> [Diagnostic] {
        let directives = view.directives
        guard !directives.isEmpty else { return findings }
        let source = view.source
        let regions = Self.regions(directives, in: source)
        var used = [Bool](repeating: false, count: directives.count)
        var out: [Diagnostic] = []
        out.reserveCapacity(findings.count)
        for f in findings where f.ruleID != invalidID && f.ruleID != unusedID {
            let line = source.lineIndex(containing: f.range.lowerBound)
            if let hit = regions.first(where: { $0.covers(line, f.ruleID) }) {
                used[hit.directive] = true
            } else {
                out.append(f)
            }
        }
        for (k, d) in directives.enumerated() {
            for bad in d.invalid {
                out.append(Diagnostic(ruleID: invalidID, severity: .warning,
                                      message: locale == .zh ? "没有名为“\(bad.id)”的规则，此项不起作用；可用：\(known)"
                                                             : "no rule named “\(bad.id)”; it has no effect. Valid ids: \(known)",
                                      range: bad.range))
            }
            if reportUnused, d.verb != .enable, !used[k] {
                out.append(Diagnostic(ruleID: unusedID, severity: .warning,
                                      message: locale == .zh ? "这条抑制指令没有抑制任何问题，可以删去。"
                                                             : "this suppression directive silences nothing; it can be removed.",
                                      range: d.range))
            }
        }
        out.sort(by: Diagnostic.documentOrder)
        return out
    }

    private static let known = RuleRegistry.knownIDs.joined(separator: ", ")

    /// Lines a directive silences, and which rules there.
    struct Region {
        let directive: Int
        let lines: ClosedRange<Int>
        /// nil: every rule.
        let rules: Set<String>?
        /// Rules an `enable` with ids took back out of an all-rules disable.
        let except: Set<String>

        func covers(_ line: Int, _ rule: String) -> Bool {
            lines.contains(line) && (rules?.contains(rule) ?? true) && !except.contains(rule)
        }
    }

    static func regions(_ directives: [SuppressionDirective], in source: TextDocument) -> [Region] {
        let directiveLines = Set(directives.map(\.line))
        let last = source.lines.count - 1
        var regions: [Region] = []
        // Disables still open: the directive, the line it starts at, its rules and exceptions.
        var open: [(directive: Int, from: Int, rules: Set<String>?, except: Set<String>)] = []
        func close(_ k: Int, at line: Int) {
            let o = open[k]
            if o.from <= line { regions.append(Region(directive: o.directive, lines: o.from...line, rules: o.rules, except: o.except)) }
        }
        for (k, d) in directives.enumerated() where d.rules?.isEmpty != true {
            switch d.verb {
            case .disableNextLine:
                var next = d.line + 1
                while next <= last, directiveLines.contains(next) || isBlank(source, next) { next += 1 }
                if next <= last { regions.append(Region(directive: k, lines: next...next, rules: d.rules, except: [])) }
            case .disable:
                open.append((k, d.line + 1, d.rules, []))
            case .enable:
                var still: [(directive: Int, from: Int, rules: Set<String>?, except: Set<String>)] = []
                for (j, o) in open.enumerated() {
                    close(j, at: d.line - 1)
                    guard let ids = d.rules else { continue }  // enable everything
                    if let r = o.rules {
                        let left = r.subtracting(ids)
                        if !left.isEmpty { still.append((o.directive, d.line + 1, left, [])) }
                    } else {
                        still.append((o.directive, d.line + 1, nil, o.except.union(ids)))
                    }
                }
                open = still
            }
        }
        for j in open.indices { close(j, at: last) }
        return regions
    }

    private static func isBlank(_ source: TextDocument, _ line: Int) -> Bool {
        let l = source.lines[line]
        return !source.scalars[l.start..<l.end].contains { !CharClass.isSpace($0) }
    }
}
