/// Finds the end of a line that repeats, verbatim, text from shortly before it: a fragment of
/// another column spliced in at a damaged break (…开展优秀共产党员、优秀党务工⏎⏎整，…).
///
/// Breaks are visited in document order. The finder hashes every `n`-character window once, and
/// only within `maxDistance` of a break it is asked about, keeping the latest position of each
/// hash; so the work over a whole document stays linear however many breaks it has.
struct SpliceFinder {
    private let n: Int
    private let minHan: Int
    private let maxDistance: Int
    private var latest: [UInt64: Int] = [:]
    /// The next window start not yet hashed.
    private var next = 0

    init(settings: BreakAnalysis.Settings) {
        n = settings.fragmentMinLength
        minHan = settings.fragmentMinHan
        maxDistance = settings.fragmentMaxDistance
    }

    mutating func fragment(endingAt a: Block, in s: [Unicode.Scalar]) -> (copy: Range<Int>, original: Range<Int>)? {
        let end = a.range.upperBound
        let start = end - n
        guard n > 0, start >= a.range.lowerBound,
              s[start..<end].filter(CharClass.isHan).count >= minHan else { return nil }
        forget(before: start - maxDistance)
        index(upTo: start - n + 1, from: max(next, start - maxDistance), s)
        guard let p = latest[ScalarHash.of(s[start..<end])], start - p <= maxDistance,
              s[p..<(p + n)].elementsEqual(s[start..<end]) else { return nil }
        var back = 0
        while p - back - 1 >= 0, start - back - 1 >= a.range.lowerBound, s[p - back - 1] == s[start - back - 1],
              !CharClass.isSpace(s[start - back - 1]) {
            back += 1
        }
        // Start the fragment at a character, not at the punctuation before it.
        while back > 0, !CharClass.isLetterOrDigit(s[start - back]) { back -= 1 }
        return ((start - back)..<end, (p - back)..<(p + n))
    }

    /// Drops the windows that start before `position`: the breaks come in document order, so no
    /// later one can use them (`start - p <= maxDistance`). Without this the table would hold a
    /// window for every character of a long document.
    private mutating func forget(before position: Int) {
        guard latest.count > 4 * max(maxDistance, 1024) else { return }
        latest = latest.filter { $0.value >= position }
    }

    /// Hashes the windows starting in `from..<limit`.
    private mutating func index(upTo limit: Int, from: Int, _ s: [Unicode.Scalar]) {
        var p = max(0, from)
        while p < limit {
            latest[ScalarHash.of(s[p..<(p + n)])] = p
            p += 1
        }
        next = max(next, limit)
    }
}
