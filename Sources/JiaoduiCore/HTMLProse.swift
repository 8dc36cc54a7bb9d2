/// The prose of an HTML text: its text nodes, as a scalar array of the source's length (see
/// `ProseView`).
///
/// Tags, comments, doctypes, entities and the contents of script, style, pre, code, textarea,
/// template and svg elements are masked as markup. A block element's tag (p, div, h1–h6, li, br,
/// tr, …) starts a new line in the prose, so blocks on one source line are separate blocks to the
/// engine; an h1–h6 tag leaves a heading hint, li a list-item hint, pre an opaque block. Whitespace
/// inside text that holds a line break is joined (`ProseMark.join`): HTML renders it as one space.
enum HTMLProse {
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "ul",
    ]
    /// Elements whose content is not prose.
    static let hiddenContent: Set<String> = ["script", "style", "pre", "code", "textarea", "template", "svg"]

    static func mask(_ document: TextDocument) -> [Unicode.Scalar] {
        let s = document.scalars
        var out = s
        let n = s.count
        func maskRange(_ r: Range<Int>) {
            for k in r where s[k] != "\n" && s[k] != "\r" { out[k] = ProseMark.markup }
        }
        var i = 0
        while i < n {
            let c = s[i]
            if c == "<" {
                if s.has("<!--", at: i) {
                    let end = s.find("-->", in: (i + 4)..<n).map { $0 + 3 } ?? n
                    maskRange(i..<end)
                    i = end
                    continue
                }
                if i + 1 < n, s[i + 1] == "!" || s[i + 1] == "?" {
                    let end = s.find(">", in: i..<n).map { $0 + 1 } ?? n
                    maskRange(i..<end)
                    i = end
                    continue
                }
                if let tag = tag(s, at: i) {
                    maskRange(i..<tag.end)
                    if blockTags.contains(tag.name) || tag.name == "pre" {
                        out[i] = "\n"
                        if !tag.closing, i + 1 < tag.end {
                            if tag.name.count == 2, tag.name.hasPrefix("h") { out[i + 1] = ProseMark.heading }
                            if tag.name == "li" { out[i + 1] = ProseMark.listItem }
                        }
                    }
                    i = tag.end
                    if !tag.closing, !tag.selfClosing, hiddenContent.contains(tag.name) {
                        let close = s.find("</" + tag.name, in: i..<n, ignoringCase: true) ?? n
                        maskRange(i..<close)
                        if tag.name == "pre", i < close { out[i] = ProseMark.opaque }
                        i = close
                    }
                    continue
                }
            } else if c == "&", let end = entityEnd(s, i) {
                maskRange(i..<end)
                i = end
                continue
            }
            i += 1
        }
        joinWhitespace(s, &out)
        return out
    }

    /// Whitespace in text: a run that holds a line break becomes joins (one space when rendered);
    /// a run at the start of a prose line is markup (indentation means nothing in HTML).
    private static func joinWhitespace(_ s: [Unicode.Scalar], _ out: inout [Unicode.Scalar]) {
        var i = 0
        while i < s.count {
            guard isHTMLSpace(s[i]), out[i] == s[i] else {
                i += 1
                continue
            }
            var j = i
            var newline = false
            while j < s.count, isHTMLSpace(s[j]), out[j] == s[j] {
                if s[j] == "\n" || s[j] == "\r" { newline = true }
                j += 1
            }
            let lineStart = i == 0 || out[i - 1] == "\n" || ProseMark.isMark(out[i - 1]) && !newline
            if newline {
                for k in i..<j { out[k] = ProseMark.join }
            } else if lineStart {
                for k in i..<j { out[k] = ProseMark.markup }
            }
            i = j
        }
    }

    private static func isHTMLSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}"
    }

    /// A start or end tag at `i`: its lower-cased name and where it ends (after `>`).
    private static func tag(_ s: [Unicode.Scalar], at i: Int) -> (name: String, end: Int, closing: Bool, selfClosing: Bool)? {
        var k = i + 1
        let closing = k < s.count && s[k] == "/"
        if closing { k += 1 }
        let nameStart = k
        guard k < s.count, CharClass.isASCIILetter(s[k]) else { return nil }
        while k < s.count, CharClass.isASCIIAlphanumeric(s[k]) || s[k] == "-" || s[k] == ":" { k += 1 }
        let name = String(scalars: s[nameStart..<k]).lowercased()
        guard k < s.count, s[k] == ">" || s[k] == "/" || isHTMLSpace(s[k]) else { return nil }
        var quote: Unicode.Scalar?
        // A tag is looked for this far only: a text of unclosed `<a` stays linear.
        while k < min(s.count, i + 4000) {
            if let q = quote {
                if s[k] == q { quote = nil }
            } else if s[k] == "\"" || s[k] == "'" {
                quote = s[k]
            } else if s[k] == ">" {
                return (name, k + 1, closing, s[k - 1] == "/")
            }
            k += 1
        }
        return nil
    }

    private static func entityEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var k = i + 1
        while k < s.count, k - i <= 32, CharClass.isASCIIAlphanumeric(s[k]) || s[k] == "#" { k += 1 }
        return k > i + 1 && k < s.count && s[k] == ";" ? k + 1 : nil
    }
}
