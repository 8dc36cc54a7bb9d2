/// The prose of a Markdown text (CommonMark and GFM tables, the parts that matter to a proofreader),
/// as a scalar array of the source's length: see `ProseView`.
///
/// Masked as markup: fenced and indented code blocks, code spans, autolinks and bare URLs, link
/// and image destinations and titles (link text stays; an image, alt text included, goes), raw
/// HTML tags and comments, front matter (`---` YAML or `+++` TOML at the top), link reference definitions,
/// thematic breaks and setext underlines, table pipes and delimiter rows, emphasis markers,
/// backslash escapes, entities, and container prefixes (indentation, `>`, list markers). Headings
/// and list markers leave a hint for `Layout`; code, front matter and table rows are opaque blocks.
///
/// A soft line break between two lines of one paragraph becomes `ProseMark.join` (Markdown joins
/// them when it renders, so it is no broken wrap); a blank line stays a blank line (a paragraph
/// break in the rendered text, which is a broken wrap when it cuts a sentence); a hard break (two
/// trailing spaces or a backslash) stays a line break.
enum MarkdownProse {
    static func mask(_ document: TextDocument) -> [Unicode.Scalar] {
        var masker = MarkdownMasker(document)
        masker.run()
        return masker.out
    }
}

private struct MarkdownMasker {
    let s: [Unicode.Scalar]
    let lines: [TextDocument.Line]
    var out: [Unicode.Scalar]

    enum LineKind: Equatable {
        case blank
        /// Paragraph text; `startsBlock` when it cannot continue the paragraph above (a list item,
        /// a new block quote).
        case text(startsBlock: Bool)
        /// A heading, table row or code line: never joined to a neighbour.
        case other
    }
    var kinds: [LineKind]
    var hardBreak: [Bool]
    var quoteDepth: [Int]

    init(_ document: TextDocument) {
        s = document.scalars
        lines = document.lines
        out = document.scalars
        kinds = Array(repeating: .blank, count: document.lines.count)
        hardBreak = Array(repeating: false, count: document.lines.count)
        quoteDepth = Array(repeating: 0, count: document.lines.count)
    }

    static let M = ProseMark.markup
    /// How far a code span, link or tag is looked for from where it opens. Real ones are far
    /// shorter; the bound keeps a line of a thousand unmatched `[` or backticks linear.
    static let reach = 2000

    mutating func run() {
        var i = frontMatter()
        var fence: (char: Unicode.Scalar, length: Int)?
        var inComment = false
        var inList = false
        var table = false
        while i < lines.count {
            defer { i += 1 }
            let line = lines[i]
            if inComment {
                maskRange(line.start..<line.end)
                if s.find("-->", in: line.start..<line.end) != nil { inComment = false }
                continue
            }
            let first = skipBlankPrefix(line.start, line.end)
            if let f = fence {
                opaque(line)
                kinds[i] = .other
                var p = first
                while p < line.end, s[p] == ">" || s[p] == " " { p += 1 }
                let run = count(f.char, p, line.end)
                if run >= f.length, s[(p + run)..<line.end].allSatisfy({ CharClass.isSpace($0) }) { fence = nil }
                continue
            }
            if first == line.end {
                kinds[i] = .blank
                table = false
                continue
            }
            let previousBlank = i == 0 || kinds[i - 1] == .blank
            let indent = columns(line.start, first)
            // Four columns of indent after a blank line open a code block, except where an indented
            // line continues a list item or a quotation.
            if indent >= 4 && previousBlank && !inList && quoteDepth[max(0, i - 1)] == 0 {
                opaque(line)
                kinds[i] = .other
                continue
            }
            // Container prefixes: indentation, block quote markers, one list marker.
            var p = line.start
            var depth = 0
            var listMarker = false
            while true {
                // A byte-order mark stays (the layout reads it as a space); indentation is markup.
                while p < line.end, s[p] == " " || s[p] == "\t" || s[p] == "\u{FEFF}" {
                    if s[p] != "\u{FEFF}" { out[p] = Self.M }
                    p += 1
                }
                guard p < line.end, s[p] == ">" else { break }
                out[p] = Self.M
                p += 1
                depth += 1
            }
            quoteDepth[i] = depth
            if thematicOrUnderline(p, line.end) {
                maskRange(p..<line.end)
                kinds[i] = .blank
                table = false
                continue
            }
            if let after = listMarkerEnd(p, line.end) {
                out[p] = ProseMark.listItem
                maskRange((p + 1)..<after)
                p = after
                listMarker = true
                inList = true
            } else if indent == 0 && depth == 0 && previousBlank {
                inList = false
            }
            // Fenced code.
            if p < line.end, s[p] == "`" || s[p] == "~" {
                let run = count(s[p], p, line.end)
                if run >= 3, s[p] == "~" || !s[(p + run)..<line.end].contains("`") {
                    fence = (s[p], run)
                    opaque(line)
                    kinds[i] = .other
                    continue
                }
            }
            // ATX heading.
            if p < line.end, s[p] == "#" {
                let run = count("#", p, line.end)
                if run <= 6, p + run == line.end || CharClass.isSpace(s[p + run]) {
                    out[p] = ProseMark.heading
                    maskRange((p + 1)..<(p + run))
                    var end = line.end
                    while end > p + run, CharClass.isSpace(s[end - 1]) { end -= 1 }
                    var close = end
                    while close > p + run, s[close - 1] == "#" { close -= 1 }
                    if close < end, close > p + run, CharClass.isSpace(s[close - 1]) { maskRange(close..<end); end = close }
                    inline(p + run, end)
                    kinds[i] = .other
                    inList = false
                    continue
                }
            }
            // GFM table: a row with pipes over a delimiter row, and the rows after it.
            if !table, contains("|", p, line.end), i + 1 < lines.count, delimiterRow(lines[i + 1]) {
                table = true
            }
            if table {
                if !contains("|", p, line.end) {
                    table = false
                } else {
                    row(i, from: p)
                    continue
                }
            }
            // A link reference definition: [label]: destination "title". It cannot interrupt a
            // paragraph, and a footnote's ([^1]: …) text is prose.
            if previousBlank, p < line.end, s[p] == "[", p + 1 < line.end, s[p + 1] != "^",
               let close = s.find("]", in: p..<line.end), close > p + 1, close + 1 < line.end, s[close + 1] == ":" {
                maskRange(p..<line.end)
                kinds[i] = .blank
                continue
            }
            // A footnote definition's label ([^1]:) is markup; its text is prose.
            if p < line.end, s[p] == "[", p + 1 < line.end, s[p + 1] == "^",
               let close = s.find("]", in: p..<line.end), close + 1 < line.end, s[close + 1] == ":" {
                maskRange(p..<(close + 2))
                p = close + 2
            }
            inComment = inline(p, line.end)
            // A backslash or two spaces at the end: a hard break, which stays a line break.
            var end = line.end
            if end > p, s[end - 1] == "\\" {
                out[end - 1] = Self.M
                hardBreak[i] = true
            } else {
                var spaces = 0
                while end > p, s[end - 1] == " " { spaces += 1; end -= 1 }
                hardBreak[i] = spaces >= 2
            }
            let hasProse = out[p..<line.end].contains { !ProseMark.isMark($0) && !CharClass.isSpace($0) }
            if !hasProse {
                kinds[i] = .blank
            } else {
                let newQuote = depth > 0 && (i == 0 || quoteDepth[i - 1] < depth)
                kinds[i] = .text(startsBlock: listMarker || newQuote)
            }
        }
        joinSoftBreaks()
    }

    /// Soft breaks between two text lines of one paragraph become joins.
    mutating func joinSoftBreaks() {
        guard lines.count > 1 else { return }
        for i in 0..<(lines.count - 1) {
            guard case .text = kinds[i], !hardBreak[i], kinds[i + 1] == .text(startsBlock: false) else { continue }
            for k in lines[i].end..<lines[i].next { out[k] = ProseMark.join }
        }
    }

    /// Front matter: YAML between `---` and `---` (or `...`), or TOML between `+++` lines (Hugo),
    /// from the first line. Returns the first line after it.
    mutating func frontMatter() -> Int {
        guard lines.count > 1 else { return 0 }
        let toml = trimmedEquals(lines[0], "+++")
        guard toml || trimmedEquals(lines[0], "---") else { return 0 }
        for j in 1..<lines.count where toml ? trimmedEquals(lines[j], "+++")
                                            : trimmedEquals(lines[j], "---") || trimmedEquals(lines[j], "...") {
            for k in 0...j {
                opaque(lines[k])
                kinds[k] = .other
            }
            return j + 1
        }
        return 0
    }

    /// One table row (or the delimiter row): pipes masked, cells read as prose, the row opaque to
    /// the break analysis.
    mutating func row(_ i: Int, from p: Int) {
        let line = lines[i]
        kinds[i] = .other
        if delimiterRow(line) {
            opaque(line)
            return
        }
        var firstPipe = true
        var cell = p
        var k = p
        while k <= line.end {
            if k == line.end || s[k] == "|" && (k == 0 || s[k - 1] != "\\") {
                _ = inline(cell, k)
                if k < line.end {
                    out[k] = firstPipe ? ProseMark.opaque : Self.M
                    firstPipe = false
                }
                cell = k + 1
            }
            k += 1
        }
    }

    /// Masks the inline markup in `lo..<hi` (one line, or a part of one). Returns true when an
    /// HTML comment opens and does not close on this line.
    @discardableResult
    mutating func inline(_ lo: Int, _ hi: Int, links: Bool = true) -> Bool {
        var i = lo
        while i < hi {
            let c = s[i]
            switch c {
            case "\\":
                // Before ASCII punctuation a backslash is an escape; the mark after it is text.
                if i + 1 < hi, s[i + 1].isASCII, s[i + 1].value > 0x20, s[i + 1].value < 0x7F, !CharClass.isASCIIAlphanumeric(s[i + 1]) {
                    out[i] = Self.M
                    i += 2
                    continue
                }
            case "`":
                let run = count("`", i, hi)
                var j = i + run
                var closed = false
                while j < min(hi, i + Self.reach) {
                    if s[j] == "`" {
                        let r = count("`", j, hi)
                        if r == run {
                            maskRange(i..<(j + r))
                            i = j + r
                            closed = true
                            break
                        }
                        j += r
                    } else {
                        j += 1
                    }
                }
                if closed { continue }
                i += run
                continue
            case "<":
                if s.has("<!--", at: i, end: hi) {
                    if let close = s.find("-->", in: i + 4..<hi) {
                        maskRange(i..<(close + 3))
                        i = close + 3
                        continue
                    }
                    maskRange(i..<hi)
                    return true
                }
                if let end = angleEnd(i, hi) {
                    maskRange(i..<end)
                    i = end
                    continue
                }
            case "!":
                if i + 1 < hi, s[i + 1] == "[", let end = linkEnd(i + 1, hi)?.end {
                    maskRange(i..<end)
                    i = end
                    continue
                }
            case "[":
                // Links do not nest: inside link text a bracket is text.
                if links, let link = linkEnd(i, hi) {
                    out[i] = Self.M
                    inline(i + 1, link.textEnd, links: false)
                    maskRange(link.textEnd..<link.end)
                    i = link.end
                    continue
                }
            case "*":
                let run = count("*", i, hi)
                maskRange(i..<(i + run))
                i += run
                continue
            case "~":
                let run = count("~", i, hi)
                if run >= 2 { maskRange(i..<(i + run)) }
                i += run
                continue
            case "_":
                let run = count("_", i, hi)
                let inWord = i > lo && CharClass.isASCIIAlphanumeric(s[i - 1]) && i + run < hi && CharClass.isASCIIAlphanumeric(s[i + run])
                if !inWord { maskRange(i..<(i + run)) }
                i += run
                continue
            case "&":
                if let end = entityEnd(i, hi) {
                    maskRange(i..<end)
                    i = end
                    continue
                }
            case "h", "w", "f", "H", "W":
                if i == lo || !CharClass.isASCIIAlphanumeric(s[i - 1]), let end = bareURLEnd(i, hi) {
                    maskRange(i..<end)
                    i = end
                    continue
                }
            default:
                break
            }
            i += 1
        }
        return false
    }

    /// `[text](destination "title")`, `[text][label]` or `[text][]`: where the text ends (its `]`)
    /// and where the link ends.
    func linkEnd(_ open: Int, _ end: Int) -> (textEnd: Int, end: Int)? {
        let hi = min(end, open + Self.reach)
        var depth = 0
        var k = open
        var close = -1
        while k < hi {
            if s[k] == "\\" { k += 2; continue }
            if s[k] == "`" {
                // A code span inside link text may hold brackets.
                let run = count("`", k, hi)
                k += run
                while k < hi, s[k] != "`" { k += 1 }
                k += count("`", k, hi)
                continue
            }
            if s[k] == "[" { depth += 1 }
            if s[k] == "]" {
                depth -= 1
                if depth == 0 { close = k; break }
            }
            k += 1
        }
        guard close > open, close + 1 < hi else { return nil }
        if s[close + 1] == "(" {
            var d = 0
            var j = close + 1
            var inAngle = false
            while j < hi {
                if s[j] == "\\" { j += 2; continue }
                if s[j] == "<" { inAngle = true } else if s[j] == ">" { inAngle = false }
                if !inAngle {
                    if s[j] == "(" { d += 1 }
                    if s[j] == ")" {
                        d -= 1
                        if d == 0 { return (close, j + 1) }
                    }
                }
                j += 1
            }
            return nil
        }
        if s[close + 1] == "[", let end = s.find("]", in: close + 2..<hi) { return (close, end + 1) }
        return nil
    }

    /// An autolink `<scheme:…>` / `<a@b.c>` or an HTML tag `<name …>` / `</name>`: where it ends.
    func angleEnd(_ i: Int, _ end: Int) -> Int? {
        let hi = min(end, i + Self.reach)
        var k = i + 1
        if k < hi, s[k] == "/" { k += 1 }
        guard k < hi, CharClass.isASCIILetter(s[k]) else { return nil }
        while k < hi, CharClass.isASCIIAlphanumeric(s[k]) || s[k] == "-" { k += 1 }
        guard k < hi else { return nil }
        if s[k] == ":" || s[k] == "@" || s[k] == "." || s[k] == "+" {
            // An autolink: no space and no `<` before its `>`.
            while k < hi, s[k] != ">" {
                if CharClass.isSpace(s[k]) || s[k] == "<" { return nil }
                k += 1
            }
            return k < hi ? k + 1 : nil
        }
        guard s[k] == ">" || s[k] == "/" || CharClass.isSpace(s[k]) else { return nil }
        var quote: Unicode.Scalar?
        while k < hi {
            if let q = quote {
                if s[k] == q { quote = nil }
            } else if s[k] == "\"" || s[k] == "'" {
                quote = s[k]
            } else if s[k] == ">" {
                return k + 1
            } else if s[k] == "<" {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// `&amp;`, `&#12;`, `&#x1F;`.
    func entityEnd(_ i: Int, _ hi: Int) -> Int? {
        var k = i + 1
        guard k < hi else { return nil }
        if s[k] == "#" {
            k += 1
            let hex = k < hi && (s[k] == "x" || s[k] == "X")
            if hex { k += 1 }
            let start = k
            while k < hi, k - start < 7, hex ? s[k].properties.isASCIIHexDigit : ("0"..."9").contains(s[k]) { k += 1 }
            return k > start && k < hi && s[k] == ";" ? k + 1 : nil
        }
        let start = k
        while k < hi, k - start < 32, CharClass.isASCIIAlphanumeric(s[k]) { k += 1 }
        return k > start && CharClass.isASCIILetter(s[start]) && k < hi && s[k] == ";" ? k + 1 : nil
    }

    /// A bare URL (GFM autolink extension: http://, https://, ftp://, www.), up to a space, a
    /// non-ASCII character or `<`, without the punctuation that ends the sentence after it.
    func bareURLEnd(_ i: Int, _ hi: Int) -> Int? {
        let prefixes = ["http://", "https://", "ftp://", "www."]
        guard prefixes.contains(where: { s.has($0, at: i, end: hi, ignoringCase: true) }) else { return nil }
        var k = i
        while k < hi, s[k].isASCII, !CharClass.isSpace(s[k]), s[k] != "<", s[k].value > 0x20 { k += 1 }
        while k > i {
            let last = s[k - 1]
            if "?!.,:*_~;'\"".unicodeScalars.contains(last) {
                k -= 1
            } else if last == ")", s[i..<k].filter({ $0 == ")" }).count > s[i..<k].filter({ $0 == "(" }).count {
                k -= 1
            } else {
                break
            }
        }
        return k > i + 4 ? k : nil
    }

    // MARK: line shapes

    func delimiterRow(_ line: TextDocument.Line) -> Bool {
        var sawDash = false, sawPipe = false
        for k in line.start..<line.end {
            switch s[k] {
            case "-": sawDash = true
            case "|": sawPipe = true
            case ":", " ", "\t", ">": continue
            default: return false
            }
        }
        return sawDash && sawPipe
    }

    /// `***`, `- - -`, `___` (a thematic break) or `===` / `---` under a paragraph (a setext
    /// heading's underline).
    func thematicOrUnderline(_ p: Int, _ hi: Int) -> Bool {
        var char: Unicode.Scalar?
        var n = 0
        for k in p..<hi {
            if CharClass.isSpace(s[k]) { continue }
            guard "-*_=".unicodeScalars.contains(s[k]), char == nil || char == s[k] else { return false }
            char = s[k]
            n += 1
        }
        guard let char else { return false }
        return char == "=" ? n >= 1 : n >= 3
    }

    /// After a list marker (`-`, `*`, `+`, `1.`, `1)`) and the space after it.
    func listMarkerEnd(_ p: Int, _ hi: Int) -> Int? {
        guard p < hi else { return nil }
        var k = p
        if "-*+".unicodeScalars.contains(s[p]) {
            k = p + 1
        } else {
            while k < hi, k - p < 9, ("0"..."9").contains(s[k]) { k += 1 }
            guard k > p, k < hi, s[k] == "." || s[k] == ")" else { return nil }
            k += 1
        }
        if k == hi { return k }
        guard s[k] == " " || s[k] == "\t" else { return nil }
        return k + 1
    }

    // MARK: helpers

    mutating func maskRange(_ r: Range<Int>) {
        for k in r where s[k] != "\n" && s[k] != "\r" { out[k] = Self.M }
    }

    /// A line the engine does not read: opaque at its first character, markup after.
    mutating func opaque(_ line: TextDocument.Line) {
        guard line.start < line.end else { return }
        maskRange(line.start..<line.end)
        out[line.start] = ProseMark.opaque
    }

    func skipBlankPrefix(_ lo: Int, _ hi: Int) -> Int {
        var k = lo
        while k < hi, CharClass.isSpace(s[k]) { k += 1 }
        return k
    }

    /// Indentation width (a tab to the next multiple of 4).
    func columns(_ lo: Int, _ hi: Int) -> Int {
        var w = 0
        for k in lo..<hi { w = s[k] == "\t" ? (w / 4 + 1) * 4 : w + 1 }
        return w
    }

    func count(_ c: Unicode.Scalar, _ lo: Int, _ hi: Int) -> Int {
        var k = lo
        while k < hi, s[k] == c { k += 1 }
        return k - lo
    }

    func contains(_ c: Unicode.Scalar, _ lo: Int, _ hi: Int) -> Bool { lo < hi && s[lo..<hi].contains(c) }

    func trimmedEquals(_ line: TextDocument.Line, _ word: String) -> Bool {
        var lo = line.start, hi = line.end
        while lo < hi, CharClass.isSpace(s[lo]) { lo += 1 }
        while hi > lo, CharClass.isSpace(s[hi - 1]) { hi -= 1 }
        return s[lo..<hi].elementsEqual(word.unicodeScalars)
    }
}
