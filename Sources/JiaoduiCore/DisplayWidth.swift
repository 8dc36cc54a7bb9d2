import CICUShim

/// How many terminal columns text takes: East Asian Width W and F (Han, kana, hangul, full-width
/// forms, most emoji) take two, combining marks and format characters none, the rest one
/// (Ambiguous counts as one, as most terminals draw it). Widths come from ICU.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if CharClass.isHan(scalar) { return 2 }
        switch jd_general_category(v) {
        case 6, 7, 16: return 0  // U_NON_SPACING_MARK, U_ENCLOSING_MARK, U_FORMAT_CHAR
        default: break
        }
        let width = jd_east_asian_width(v)
        return width == 3 || width == 5 ? 2 : 1  // U_EA_FULLWIDTH, U_EA_WIDE
    }

    public static func of(_ text: some Sequence<Unicode.Scalar>) -> Int { text.reduce(0) { $0 + of($1) } }

    public static func of(_ text: String) -> Int { of(text.unicodeScalars) }
}
