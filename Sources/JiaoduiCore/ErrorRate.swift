/// 差错率: weighted findings per 10,000 characters, the measure Chinese publishing grades copy by
/// (a newspaper passes at no more than 3 errors per 10,000 characters).
///
/// Weights: an error and a warning count 1 each, an info 0 (an info asks a person to look; it is
/// not known to be wrong). A half-width comma in Chinese text is a warning and counts like any
/// other. Characters are Unicode scalars other than whitespace and a byte-order mark — what a
/// publisher's 字数 counts: Han characters, punctuation, digits and Latin letters alike.
public enum ErrorRate {
    public static func weight(_ severity: Severity) -> Int {
        switch severity {
        case .error, .warning: return 1
        case .info: return 0
        }
    }

    /// The characters `document` counts for the rate: in Markdown and HTML only the prose (code,
    /// URLs, tags and styles are no 字数, and counting them would dilute the rate).
    public static func characters(in document: TextDocument, format: SourceFormat = .plain) -> Int {
        let scalars = format == .plain ? document.scalars : ProseView(document, format: format).prose.scalars
        var n = 0
        for s in scalars where !(isWhitespace(s) || s == "\u{FEFF}" || ProseMark.isMark(s)) { n += 1 }
        return n
    }

    /// `s.properties.isWhitespace` (Unicode's White_Space, a fixed list of 25) without the
    /// property lookup: this runs once per character of every input.
    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x85 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Weighted findings per 10,000 characters; 0 for a text without characters.
    public static func per10k(weighted: Int, characters: Int) -> Double {
        characters == 0 ? 0 : Double(weighted) * 10_000 / Double(characters)
    }
}
