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
    private var latest: WindowTable
    /// The next window start not yet hashed.
    private var next = 0

    init(settings: BreakAnalysis.Settings, documentLength: Int) {
        n = settings.fragmentMinLength
        minHan = settings.fragmentMinHan
        maxDistance = settings.fragmentMaxDistance
        // A page shorter than the reach needs no table sized for the reach (the editor re-lints
        // short texts on every keystroke).
        latest = WindowTable(reach: max(0, min(maxDistance, documentLength)))
    }

    mutating func fragment(endingAt a: Block, in s: [Unicode.Scalar]) -> (copy: Range<Int>, original: Range<Int>)? {
        let end = a.range.upperBound
        let start = end - n
        guard n > 0, start >= a.range.lowerBound,
              s[start..<end].filter(CharClass.isHan).count >= minHan else { return nil }
        index(upTo: start - n + 1, from: max(next, start - maxDistance), s, keepingFrom: start - maxDistance)
        guard let p = latest[WindowTable.hash(s, start, n)], start - p <= maxDistance,
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

    /// Hashes the windows starting in `from..<limit` (rolling: one step a window). Windows that
    /// start before `keepingFrom` may be forgotten: the breaks come in document order, so no later
    /// one can use them (`start - p <= maxDistance`).
    private mutating func index(upTo limit: Int, from: Int, _ s: [Unicode.Scalar], keepingFrom: Int) {
        var p = max(0, from)
        if p < limit {
            var h = WindowTable.hash(s, p, n)
            let top = WindowTable.power(n - 1)
            while true {
                latest.insert(h, p, keepingFrom: keepingFrom)
                p += 1
                guard p < limit else { break }
                h = (h &- UInt64(s[p - 1].value) &* top) &* WindowTable.base &+ UInt64(s[p + n - 1].value)
            }
        }
        next = max(next, limit)
    }
}

/// The latest start of each window hash, for windows within reach of the break being judged: an
/// open-addressing table that is rebuilt without the windows out of reach when it fills up, so it
/// stays small however long the document. (A `[UInt64: Int]` did the same at several times the
/// cost, and kept a window for every character.)
struct WindowTable {
    static let base: UInt64 = 0x100000001b3
    private var keys: [UInt64]
    private var starts: [Int]
    private var used = 0
    private var shift: UInt64

    init(reach: Int) {
        var capacity = 1024
        while capacity < 4 * (reach + 1) { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        starts = Array(repeating: -1, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The polynomial hash of `s[p..<p+n]` (what `index` rolls).
    static func hash(_ s: [Unicode.Scalar], _ p: Int, _ n: Int) -> UInt64 {
        var h: UInt64 = 0
        for i in p..<(p + n) { h = h &* base &+ UInt64(s[i].value) }
        return h
    }

    static func power(_ k: Int) -> UInt64 {
        var x: UInt64 = 1
        for _ in 0..<max(0, k) { x = x &* base }
        return x
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: UInt64) -> Int? {
        var i = slot(key)
        let mask = keys.count - 1
        while starts[i] >= 0 {
            if keys[i] == key { return starts[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func insert(_ key: UInt64, _ start: Int, keepingFrom: Int) {
        if used * 2 >= keys.count { rebuild(keepingFrom: keepingFrom) }
        var i = slot(key)
        let mask = keys.count - 1
        while starts[i] >= 0 {
            if keys[i] == key {
                starts[i] = start
                return
            }
            i = (i + 1) & mask
        }
        keys[i] = key
        starts[i] = start
        used += 1
    }

    /// Keeps the windows starting at or after `keepingFrom`; grows if they alone fill half.
    private mutating func rebuild(keepingFrom: Int) {
        let old = zip(keys, starts).filter { $0.1 >= keepingFrom }
        var capacity = keys.count
        while old.count * 4 >= capacity { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        starts = Array(repeating: -1, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        used = 0
        for (key, start) in old { insert(key, start, keepingFrom: keepingFrom) }
    }
}
