/// Finding short ASCII words (`<!--`, `-->`, `</pre`, `jiaodui-`) in a text's scalars: what the
/// markup readers and the directive parser look for.
extension Array where Element == Unicode.Scalar {
    /// Whether `word` stands at `i` and ends by `end`; ASCII letters match either case when asked.
    func has(_ word: String, at i: Int, end: Int? = nil, ignoringCase: Bool = false) -> Bool {
        let limit = Swift.min(end ?? count, count)
        var k = i
        for c in word.unicodeScalars {
            guard k < limit else { return false }
            let x = self[k]
            if x != c && !(ignoringCase && CharClass.isASCIILetter(x) && CharClass.isASCIILetter(c) && x.value | 0x20 == c.value | 0x20) { return false }
            k += 1
        }
        return i >= 0
    }

    /// Where `word` first stands wholly inside `range`.
    func find(_ word: String, in range: Range<Int>, ignoringCase: Bool = false) -> Int? {
        guard let first = word.unicodeScalars.first else { return nil }
        for k in range where self[k] == first || ignoringCase {
            if has(word, at: k, end: range.upperBound, ignoringCase: ignoringCase) { return k }
        }
        return nil
    }
}
