/// Finds text repeated right next to itself (S S) within a line, in about linear time: every
/// two-character gram remembers where it was last seen; a gram seen again at distance L proposes
/// the period L, which is then checked by extending the match both ways. Each proposal that
/// succeeds skips past its repeat, so no stretch of text is verified twice for the same period.
struct TandemRepeats {
    struct Repeat: Equatable {
        /// The first copy; the second copy follows it directly.
        let first: Range<Int>
        var second: Range<Int> { first.upperBound..<(first.upperBound + first.count) }
        /// How far the copy may be rotated and still be a repeat (for choosing a natural start).
        let slack: Int
    }

    var minPeriod = 2
    var maxPeriod = 400
    private var table = [Int32](repeating: -1, count: 1 << 12)

    mutating func find(in s: [Unicode.Scalar], _ range: Range<Int>) -> [Repeat] {
        var out: [Repeat] = []
        let mask = table.count - 1
        var i = range.lowerBound
        let end = range.upperBound
        var failedPeriod = 0, failedUntil = 0
        while i + 1 < end {
            let h = Int(truncatingIfNeeded: (s[i].value &* 0x9E3779B1) ^ (s[i + 1].value &* 0x85EBCA77)) & mask
            let j = Int(table[h])
            table[h] = Int32(truncatingIfNeeded: i)
            let period = i - j
            guard j >= range.lowerBound, period >= minPeriod, period <= maxPeriod,
                  s[j] == s[i], s[j + 1] == s[i + 1] else {
                i += 1
                continue
            }
            // The stretch around a failed proposal was already compared for this period.
            if period == failedPeriod, i < failedUntil {
                i += 1
                continue
            }
            var back = 0
            while back < period, j - back - 1 >= range.lowerBound, s[j - back - 1] == s[i - back - 1] { back += 1 }
            var forward = 0
            while forward < 2 * period, i + forward < end, s[j + forward] == s[i + forward] { forward += 1 }
            guard back + forward >= period else {
                failedPeriod = period
                failedUntil = i + forward
                i += 1
                continue
            }
            let start = j - back
            // A repeat overlapping the last one is the same repeat seen again (检察院检察院检察长).
            if let previous = out.last, start < previous.second.upperBound {
                i += 1
                continue
            }
            out.append(Repeat(first: start..<(start + period), slack: back + forward - period))
            i = start + 2 * period
        }
        return out
    }
}
