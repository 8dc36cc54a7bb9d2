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
    /// Lines without one of these characters are not searched (empty: every line).
    let triggers: Set<Unicode.Scalar>
    /// `triggers` as asked per character (no hashing).
    let triggerMembership: ScalarMembership
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
        triggers = Set(try spec.body.string("triggers", default: "").unicodeScalars)
        triggerMembership = ScalarMembership(triggers)
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let document = context.document
        let s = document.scalars
        guard let matcher = regex.clone() else { return [] }
        var out: [Diagnostic] = []
        var stops = 0
        for (index, line) in document.lines.enumerated() where line.end > line.start {
            if !triggers.isEmpty, !s[line.start..<line.end].contains(where: triggerMembership.contains) { continue }
            for piece in Self.pieces(s, line.start..<line.end) {
                let units = LineUnits(s, piece)
                let found = matcher.allMatches(in: units.utf16)
                for groups in found.groups {
                    guard let reported = groups[report] else { continue }
                    out.append(diagnostic(units.scalarRange(reported), groups, units, document, context.locale))
                }
                guard let stop = found.stopped else { continue }
                stops += 1
                out.append(stopWarning(stop, line: index, at: piece.lowerBound, final: stops == Self.maxTimeouts, context.locale))
                if stops == Self.maxTimeouts { return out }
                break
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

    private func diagnostic(_ range: Range<Int>, _ groups: [Range<Int>?], _ units: LineUnits, _ document: TextDocument,
                            _ locale: MessageLocale) -> Diagnostic {
        var values = ["match": document.string(range)]
        for (g, r) in groups.enumerated() where g > 0 {
            values[String(g)] = r.map { document.string(units.scalarRange($0)) } ?? ""
        }
        var fixes: [Fix] = []
        if let replace {
            let replacement = Self.expand(replace, values, whole: groups[0].map { document.string(units.scalarRange($0)) } ?? "")
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

/// A piece of a line as UTF-16 for ICU, and the way back to scalar offsets.
struct LineUnits {
    let utf16: [UInt16]
    let start: Int
    /// Scalar index (from the line start) of each UTF-16 unit; nil when every scalar is one unit.
    let scalarAt: [Int]?

    init(_ s: [Unicode.Scalar], _ range: Range<Int>) {
        let base = range.lowerBound
        start = base
        var units: [UInt16] = []
        units.reserveCapacity(range.count)
        var map: [Int]?
        for i in range {
            let v = s[i].value
            if v < 0x10000 {
                units.append(UInt16(v))
                map?.append(i - base)
            } else {
                if map == nil { map = Array(0..<units.count) }
                UTF16.encode(s[i]) { units.append($0); map!.append(i - base) }
            }
        }
        map?.append(range.count)
        utf16 = units
        scalarAt = map
    }

    func scalarRange(_ r: Range<Int>) -> Range<Int> {
        guard let scalarAt else { return (start + r.lowerBound)..<(start + r.upperBound) }
        return (start + scalarAt[r.lowerBound])..<(start + scalarAt[r.upperBound])
    }
}
