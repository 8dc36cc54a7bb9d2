/// `kind: pattern` — an ICU regular expression run over each line, reporting one capture group
/// (`report`, default the whole match) and, with `replace`, fixing it (`$1`…`$9` name groups).
///
/// Every search runs under ICU's time limit (`time_limit`, in ICU's match steps), so no pattern can
/// hang the linter: a line whose search runs out of time is skipped with a warning on that line,
/// and after three such lines the rule stops for the rest of the document.
public struct PatternRule: DeclarativeRule {
    public static let kind = "pattern"
    public static let keys: Set<String> = ["pattern", "report", "replace", "triggers", "time_limit"]
    public static func fixable(_ spec: RuleSpec) -> Bool { spec.body.values["replace"] != nil }
    public var ruleID: String { spec.id }

    let spec: RuleSpec
    let regex: ICURegex
    let report: Int
    let replace: String?
    /// Lines holding none of these strings are not searched (nil: every line). A string is one
    /// character per trigger; a list names longer ones ("。。", "”、“"), so that ICU runs only
    /// where a match can be.
    let triggers: WordListMatcher?
    static let maxTimeouts = 3

    public init(spec: RuleSpec, lexicon: Lexicon) throws(RulePackError) {
        self.spec = spec
        let pattern = try spec.body.required("pattern", at: spec)
        let limit = try spec.body.int("time_limit", default: 100)
        let (line, column) = spec.body.place("pattern")
        guard (1...10_000).contains(limit) else {
            throw RulePackError(file: spec.source, line: spec.body.place("time_limit").line, column: 1, key: "time_limit",
                                message: "须在 1 到 10000 之间 / must be between 1 and 10000")
        }
        do {
            regex = try ICURegex(pattern, timeLimit: Int32(limit))
        } catch {
            throw RulePackError(file: spec.source, line: line, column: column, key: "pattern", message: error.description)
        }
        report = try spec.body.int("report", default: 0)
        guard (0...regex.groupCount).contains(report) else {
            throw RulePackError(file: spec.source, line: spec.body.place("report").line, column: 1, key: "report",
                                message: "正则只有 \(regex.groupCount) 个捕获组 / the pattern has \(regex.groupCount) capture groups")
        }
        replace = spec.body.values["replace"] == nil ? nil : try spec.body.string("replace", default: "")
        triggers = try Self.triggers(spec)
    }

    /// `triggers: "…"` (each character) or `triggers: ["。。", …]` (each string).
    private static func triggers(_ spec: RuleSpec) throws(RulePackError) -> WordListMatcher? {
        guard let value = spec.body.values["triggers"] else { return nil }
        let words: [[Unicode.Scalar]]
        switch value.value {
        case .string(let chars): words = chars.unicodeScalars.map { [$0] }
        case .strings(let list): words = list.map { Array($0.unicodeScalars) }
        default:
            throw RulePackError(file: spec.source, line: value.line, column: value.column, key: "triggers",
                                message: "须为字符串或字符串列表 / must be a string or a list of strings")
        }
        guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else {
            throw RulePackError(file: spec.source, line: value.line, column: value.column, key: "triggers",
                                message: "不能为空 / must not be empty")
        }
        return WordListMatcher(words)
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let document = context.document
        let s = document.scalars
        guard let matcher = regex.clone() else { return [] }
        let text = context.utf16
        var out: [Diagnostic] = []
        var stops = 0
        text.units.withUnsafeBufferPointer { buffer in
            guard matcher.begin(buffer) else { return }
            for (index, line) in document.lines.enumerated() where line.end > line.start {
                if let triggers, !triggers.occurs(in: s, line.start..<line.end) { continue }
                for piece in Self.pieces(s, line.start..<line.end) {
                    let found = matcher.matches(in: text.units(of: piece))
                    for groups in found.groups {
                        guard let reported = groups[report] else { continue }
                        out.append(diagnostic(text.scalars(of: reported), groups, text, document, context.locale))
                    }
                    guard let stop = found.stopped else { continue }
                    stops += 1
                    out.append(stopWarning(stop, line: index, at: piece.lowerBound, final: stops == Self.maxTimeouts, context.locale))
                    if stops == Self.maxTimeouts { return }
                    break
                }
            }
        }
        return out
    }

    /// A long line in pieces of at most `pieceLength` characters, cut after a sentence end where
    /// there is one: a rule's pattern describes something inside a sentence, and a bounded piece
    /// bounds what any pattern can cost, even where ICU's time limit is not consulted (a plain
    /// `.*` scan).
    static let pieceLength = 2048

    static func pieces(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        guard range.count > pieceLength else { return [range] }
        var out: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > pieceLength {
            var cut = start + pieceLength
            var k = cut
            while k > start + pieceLength / 2 {
                if "。！？；!?\n".unicodeScalars.contains(s[k - 1]) { cut = k; break }
                k -= 1
            }
            // Never between the halves of a pair of UTF-16 units: cuts fall between scalars.
            out.append(start..<cut)
            start = cut
        }
        out.append(start..<range.upperBound)
        return out
    }

    private func diagnostic(_ range: Range<Int>, _ groups: [Range<Int>?], _ text: DocumentUTF16, _ document: TextDocument,
                            _ locale: MessageLocale) -> Diagnostic {
        var values = ["match": document.string(range)]
        for (g, r) in groups.enumerated() where g > 0 {
            values[String(g)] = r.map { document.string(text.scalars(of: $0)) } ?? ""
        }
        var fixes: [Fix] = []
        if let replace {
            let replacement = Self.expand(replace, values, whole: groups[0].map { document.string(text.scalars(of: $0)) } ?? "")
            values["replacement"] = replacement
            fixes = [Fix(title: spec.message("fix", locale, values), edits: [TextEdit(range: range, newText: replacement)])]
        }
        return Diagnostic(ruleID: spec.id, severity: spec.severity, message: spec.message("message", locale, values),
                          range: range, fixes: fixes)
    }

    /// `$0`…`$9` in a replacement become the groups' text; `$$` is a dollar sign.
    static func expand(_ template: String, _ values: [String: String], whole: String) -> String {
        var out = ""
        var it = template.makeIterator()
        while let c = it.next() {
            guard c == "$" else { out.append(c); continue }
            guard let d = it.next() else { out.append("$"); break }
            if d == "$" { out.append("$") } else if d == "0" { out += whole } else if let digit = d.wholeNumberValue {
                out += values[String(digit)] ?? ""
            } else { out.append("$"); out.append(d) }
        }
        return out
    }

    private func stopWarning(_ stop: ICURegex.Stop, line: Int, at start: Int, final: Bool, _ locale: MessageLocale) -> Diagnostic {
        let zh = "规则 \(spec.id) 的正则表达式在第 \(line + 1) 行" + (stop == .timeLimit ? "超出时间限制" : "匹配失败（回溯过深）")
            + "，此行未检查完" + (final ? "，本文其余部分也不再用它检查" : "") + "；请简化该规则的 pattern（\(spec.source)）。"
        let en = "The pattern of rule \(spec.id) " + (stop == .timeLimit ? "ran out of time" : "failed (backtracking too deep)")
            + " on line \(line + 1); the line was not fully checked" + (final ? ", nor is the rest of the document" : "")
            + ". Simplify the rule's pattern (\(spec.source))."
        return Diagnostic(ruleID: spec.id, severity: .warning, message: locale == .zh ? zh : en, range: start..<(start + 1))
    }

}
