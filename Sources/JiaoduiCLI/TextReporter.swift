import Foundation
import JiaoduiCore

/// Counts for the summary line.
struct Tally: Sendable {
    var files = 0
    var unreadable = 0
    var errors = 0
    var warnings = 0
    var infos = 0
    /// Characters of the linted files, as `ErrorRate` counts them.
    var characters = 0

    var total: Int { errors + warnings + infos }

    /// Findings weighted as `ErrorRate` weighs them.
    var weighted: Int {
        errors * ErrorRate.weight(.error) + warnings * ErrorRate.weight(.warning) + infos * ErrorRate.weight(.info)
    }

    /// 差错率: weighted findings per 10,000 characters.
    var errorRatePer10k: Double { ErrorRate.per10k(weighted: weighted, characters: characters) }

    mutating func add(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }
}

/// The human format, after rustc and ripgrep:
///
///     path:9:6: warning[halfwidth-punctuation] 中文里用了半角“,”，应改为全角“，”。
///      9 | 2024年以来,玛纳斯县司法局依托…
///        |           ^ 改为“，”
///
/// Lines and columns are 1-based; the column counts characters (Unicode scalars). The caret line
/// is laid out in display columns (Han and other wide characters take two). A line too long for
/// a terminal is shown as a window around the finding, cut with `...`.
struct TextReporter {
    let locale: MessageLocaleOption
    let colour: Bool
    /// Display columns of source text shown on a snippet line.
    var snippetWidth = 76
    /// Columns kept before the finding when a long line is cut.
    var leftContext = 24

    /// Every finding of one file, each followed by a blank line.
    func report(path: String, document: TextDocument, diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            out += header(path: path, document: document, diagnostic: d) + "\n"
            out += snippet(document: document, diagnostic: d)
            out += "\n"
        }
        return out
    }

    /// `path:line:col: severity[rule] message`.
    func header(path: String, document: TextDocument, diagnostic d: Diagnostic) -> String {
        let line = document.lineIndex(containing: d.range.lowerBound)
        let column = max(0, d.range.lowerBound - document.columnZero(line)) + 1
        // A Word document's lines are its paragraphs: ¶N says so.
        let place = path.lowercased().hasSuffix(".docx") ? "¶\(line + 1)" : "\(line + 1)"
        return paint("\(path):\(place):\(column):", "1") + " "
            + paint("\(d.severity.rawValue)[\(d.ruleID)]", Self.severityStyle(d.severity)) + " " + d.message
    }

    /// The source line holding the start of the finding and a caret line under it, labelled with
    /// the fix when there is one. A finding that runs onto a later line (a broken wrap, a doubled
    /// character at a break) also shows that line with carets up to the finding's end, so the
    /// reader sees both sides of the break.
    func snippet(document: TextDocument, diagnostic d: Diagnostic) -> String {
        let first = document.lineIndex(containing: d.range.lowerBound)
        let lastScalar = max(d.range.lowerBound, d.range.upperBound - 1)
        let last = document.lineIndex(containing: lastScalar)
        let gutter = String(last + 1).count
        var out = sourceLine(document, first, span: d.range, label: d.fixes.first?.title, severity: d.severity, gutter: gutter)
        if last > first, lastScalar >= document.lines[last].start {
            out += sourceLine(document, last, span: d.range, label: nil, severity: d.severity, gutter: gutter)
        }
        return out
    }

    /// One numbered source line (a window of it when long) and carets under the part of `span`
    /// that lies on it.
    private func sourceLine(_ document: TextDocument, _ lineIndex: Int, span: Range<Int>, label: String?,
                            severity: Severity, gutter gutterWidth: Int) -> String {
        let line = document.lines[lineIndex]
        let spanStart = min(max(span.lowerBound, line.start), line.end)
        let spanEnd = min(max(span.upperBound, spanStart), line.end)
        // Only the part of the line a window can show is measured (a line may be a whole book).
        let reach = snippetWidth + 8
        let lo = max(line.start, spanStart - reach)
        let hi = min(line.end, spanStart + reach)
        let widths = (lo..<hi).map { Self.cellWidth(document.scalars[$0]) }
        func w(_ i: Int) -> Int { widths[i - lo] }
        func width(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + w($1) } }

        var windowStart = lo
        var windowEnd = hi
        if lo > line.start || hi < line.end || width(lo..<hi) > snippetWidth {
            // Some context before the finding, as much after it as fits, and what is left over
            // before it again when the line ends early; room is kept for the two `...`.
            windowStart = spanStart
            windowEnd = spanStart
            var used = 0
            while windowStart > lo && used + w(windowStart - 1) <= leftContext {
                windowStart -= 1
                used += w(windowStart)
            }
            while windowEnd < hi && used + w(windowEnd) <= snippetWidth - 6 {
                used += w(windowEnd)
                windowEnd += 1
            }
            if hi == line.end && windowEnd < hi && used + width(windowEnd..<hi) <= snippetWidth - 3 {
                used += width(windowEnd..<hi)
                windowEnd = hi
            }
            if windowEnd == line.end {
                while windowStart > lo && used + w(windowStart - 1) <= snippetWidth - 3 {
                    windowStart -= 1
                    used += w(windowStart)
                }
            }
        }
        let prefix = windowStart > line.start ? "..." : ""
        let suffix = windowEnd < line.end ? "..." : ""
        var text = prefix
        for i in windowStart..<windowEnd { Self.appendCell(document.scalars[i], to: &text) }
        text += suffix

        let pad = prefix.count + width(windowStart..<spanStart)
        var carets = String(repeating: "^", count: max(1, width(spanStart..<min(spanEnd, windowEnd))))
        if let label { carets += " " + label }

        let digits = String(lineIndex + 1)
        let number = String(repeating: " ", count: max(0, gutterWidth - digits.count)) + digits
        let gutter = String(repeating: " ", count: number.count)
        return paint(number + " |", "1;34") + " " + text + "\n"
            + paint(gutter + " |", "1;34") + " " + String(repeating: " ", count: pad)
            + paint(carets, Self.severityStyle(severity)) + "\n"
    }

    /// `N 个问题（E 错误，W 警告，I 提示），共 F 个文件；差错率 R/万字（按 error=1、warning=1、info=0 计）`.
    func summary(_ tally: Tally) -> String {
        var text: String
        let rate = String(format: "%.1f", tally.errorRatePer10k)
        let weights = "error=\(ErrorRate.weight(.error)), warning=\(ErrorRate.weight(.warning)), info=\(ErrorRate.weight(.info))"
        switch locale {
        case .zh:
            text = "\(tally.total) 个问题（\(tally.errors) 错误，\(tally.warnings) 警告，\(tally.infos) 提示），共 \(tally.files) 个文件"
            if tally.unreadable > 0 { text += "；\(tally.unreadable) 个文件无法读取" }
            text += "；差错率 \(rate)/万字（按 \(weights.replacingOccurrences(of: ", ", with: "、")) 计）"
        case .en:
            text = "\(plural(tally.total, "problem")) (\(plural(tally.errors, "error")), "
                + "\(plural(tally.warnings, "warning")), \(tally.infos) info) in \(plural(tally.files, "file"))"
            if tally.unreadable > 0 { text += "; \(plural(tally.unreadable, "file")) could not be read" }
            text += "; error rate \(rate) per 10,000 characters (\(weights))"
        }
        return paint(text, "1") + "\n"
    }

    private func paint(_ text: String, _ style: String) -> String {
        colour ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }

    static func severityStyle(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;36"
        }
    }

    /// How one scalar of a source line is drawn: a tab as four spaces, other control characters
    /// as `?`, format characters (a BOM, zero-width spaces) not at all.
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0x09 { return 4 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }
        return DisplayWidth.of(scalar)
    }

    static func appendCell(_ scalar: Unicode.Scalar, to text: inout String) {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { text.unicodeScalars.append(scalar); return }
        if v == 0x09 { text += "    "; return }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { text += "?"; return }
        if DisplayWidth.of(scalar) == 0 && scalar.properties.generalCategory == .format { return }
        text.unicodeScalars.append(scalar)
    }
}
