import CICUShim

/// Character classes the rules decide on. Fast paths for the common ranges; ICU for the rest.
enum CharClass {
    /// A Han ideograph (any CJK Unified Ideographs block, compatibility ideographs, 〇).
    @inline(__always) static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x2E80 { return false }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x3400 && v <= 0x4DBF { return true }
        if v == 0x3007 { return true }
        if v >= 0xF900 && v <= 0xFAFF { return true }
        if v >= 0x20000 && v <= 0x323AF { return true }
        if v >= 0x3000 && v <= 0x303F { return false }
        if v >= 0xFF00 && v <= 0xFFEF { return false }
        return jd_script(v) == 17  // USCRIPT_HAN
    }

    /// Punctuation and symbols of Chinese typesetting: full-width forms, CJK symbols, curly quotes,
    /// 《》, 【】, ……, ——, ·.
    @inline(__always) static func isCJKPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0x3001...0x303F: return true
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        case 0x2018...0x201F, 0x2026, 0x2014, 0x2015, 0x00B7, 0x2E3A: return true
        case 0xFE10...0xFE1F, 0xFE30...0xFE4F: return true
        default: return false
        }
    }

    /// A character that marks Chinese running text around an ASCII mark.
    @inline(__always) static func isChineseContext(_ s: Unicode.Scalar) -> Bool {
        isHan(s) || isCJKPunctuation(s) || (s.value >= 0x3040 && s.value <= 0x30FF)
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // 0x0C: pdftotext's page break.
        s.value == 0x20 || s.value == 0x09 || s.value == 0x0C || s.value == 0x0B || s.value == 0x3000 || s.value == 0xA0
            || s.value == 0xFEFF
    }

    @inline(__always) static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    @inline(__always) static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// Letters and digits of any script (ICU general category L* or N*).
    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIIAlphanumeric(s) }
        if isHan(s) { return true }
        let category = jd_general_category(s.value)
        return (1...5).contains(category) || (9...11).contains(category)  // U_UPPERCASE_LETTER…U_OTHER_LETTER, U_*_NUMBER
    }
}
