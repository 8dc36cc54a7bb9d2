/// Word knowledge at a line break: does the break fall inside a word, and is a character printed
/// on both sides of it a slip or a real boundary (工作|作风, 幸福村|村委会)?
struct WordJoin {
    let lexicon: Lexicon
    /// How many Han characters on each side of the break the decision looks at.
    var window = 6

    /// The Han run that ends at `end` (at most `window` long) and the one that starts at `start`.
    func runs(_ s: [Unicode.Scalar], leftEnd end: Int, rightStart start: Int, rightEnd: Int)
        -> (left: [Unicode.Scalar], right: [Unicode.Scalar]) {
        var a = end
        while a > 0, end - a < window, CharClass.isHan(s[a - 1]) { a -= 1 }
        var b = start
        while b < rightEnd, b - start < window, CharClass.isHan(s[b]) { b += 1 }
        return (Array(s[a..<end]), Array(s[start..<b]))
    }

    /// The word that the most probable segmentation puts across the join, if any.
    func crossingWord(left: [Unicode.Scalar], right: [Unicode.Scalar]) -> String? {
        crossing(left: left, right: right)?.word
    }

    /// The word across the join and how many of its characters come from the left side.
    func crossing(left: [Unicode.Scalar], right: [Unicode.Scalar]) -> (word: String, fromLeft: Int)? {
        guard !left.isEmpty, !right.isEmpty else { return nil }
        let all = left + right
        var start = 0
        for end in lexicon.segment(all).ends {
            if start < left.count && end > left.count {
                return (String(scalars: all[start..<end]), left.count - start)
            }
            start = end
        }
        return nil
    }

    enum Doubling: Equatable {
        /// One character printed twice: drop one copy (司法行政|政系统).
        case slip
        /// The two copies make one word split by the break (纷|纷, 妹|妹).
        case splitWord
        /// Two words that merely meet on the same character (工作|作风, 中国|国际).
        case boundary
    }

    /// Decides a break with the same Han character on both sides. `left` ends with it, `right`
    /// starts with it.
    func doubling(left: [Unicode.Scalar], right: [Unicode.Scalar], margin: Double,
                  boundarySuffixes: Set<Unicode.Scalar>) -> Doubling {
        let both = left + right
        let (ends, bothScore) = lexicon.segment(both)
        let leftX = left.count - 1, rightX = left.count
        var start = 0
        var leftSegment = 0..<0, rightSegment = 0..<0
        for end in ends {
            if (start..<end).contains(leftX) { leftSegment = start..<end }
            if (start..<end).contains(rightX) { rightSegment = start..<end }
            start = end
        }
        let (_, dedupScore) = lexicon.segment(left + right.dropFirst())
        let readsBetterOnce = bothScore < dedupScore - margin
        // 纷|纷 is one word split; 幸福村|村， reads better once: a slip.
        if leftSegment == rightSegment { return readsBetterOnce ? .slip : .splitWord }
        guard leftSegment.count >= 2, rightSegment.count >= 2 else { return .slip }
        if boundarySuffixes.contains(right[0]) { return .boundary }
        return readsBetterOnce ? .slip : .boundary
    }

    /// Whether the line after the break, read alone, begins with a character that is no word by
    /// itself joined to what follows (政|系统 in 政系统转变…): a stray copy. A line beginning with
    /// a word (网格员, 来到) may just happen to repeat the heading's last character.
    /// `after` is what follows the right run: a lone character before punctuation (村，) is a
    /// stray too, one before a space (组  长：) is padding in a label.
    func startsWithLoneCharacter(_ right: [Unicode.Scalar], then after: Unicode.Scalar?) -> Bool {
        if right.count == 1 { return after.map(CharClass.isCJKPunctuation) ?? true }
        return lexicon.segment(right).ends.first == 1
    }

    /// Whether dropping the copy on the right mends a word that started before the break
    /// (教育经|经费 → 教育经费), rather than merely letting the right side's own word begin one
    /// character early (防灾网|网格员).
    func droppingCopyMendsWord(left: [Unicode.Scalar], right: [Unicode.Scalar]) -> Bool {
        (crossing(left: left, right: Array(right.dropFirst()))?.fromLeft ?? 0) >= 2
    }
}
