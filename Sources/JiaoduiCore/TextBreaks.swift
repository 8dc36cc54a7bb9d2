import CICUShim

/// ICU's break iteration over a piece of text, returned as scalar offsets. The break rules use the
/// shipped word list for decisions at a join (ICU's dictionary splits news words such as 党建 and
/// 全覆盖); this is the general-purpose door for rules that need ICU's own word or sentence
/// boundaries. Call it on a local window, never on a whole document (~8 MB/s). Offsets count
/// scalars from the start of the slice.
public enum TextBreaks {
    public enum Kind { case word, sentence, character }

    public static func boundaries(_ kind: Kind, in scalars: ArraySlice<Unicode.Scalar>) -> [Int] {
        var units: [UInt16] = []
        var scalarAtUnit: [Int] = []
        units.reserveCapacity(scalars.count)
        for (i, s) in scalars.enumerated() {
            UTF16.encode(s) { unit in
                units.append(unit)
                scalarAtUnit.append(i)
            }
        }
        scalarAtUnit.append(scalars.count)
        let code: Int32 = kind == .word ? Int32(JD_BREAK_WORD) : kind == .sentence ? Int32(JD_BREAK_SENTENCE) : Int32(JD_BREAK_CHARACTER)
        var out = [Int32](repeating: 0, count: units.count + 2)
        let n = units.withUnsafeBufferPointer { jd_breaks(code, $0.baseAddress, Int32($0.count), &out, Int32(out.count)) }
        guard n >= 0 else { return [] }
        return out.prefix(Int(n)).map { scalarAtUnit[Int($0)] }
    }

    public static func words(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let b = boundaries(.word, in: scalars[...])
        return zip(b, b.dropFirst()).map { String(scalars: scalars[$0..<$1]) }
    }
}
