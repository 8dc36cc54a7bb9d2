/// A line-based unified diff (`diff -u` / `git diff` format, 3 lines of context): patience anchors
/// with Myers' O(ND) algorithm between them.
enum UnifiedDiff {
    enum Op: Equatable {
        /// A line both sides share: (index in old, index in new).
        case equal(Int, Int)
        /// A line of old only.
        case delete(Int)
        /// A line of new only.
        case insert(Int)

        var isEqual: Bool { if case .equal = self { true } else { false } }
        var isInsert: Bool { if case .insert = self { true } else { false } }
        var isDelete: Bool { if case .delete = self { true } else { false } }
    }

    /// The diff of `old` against `new` with `--- a/PATH` and `+++ b/PATH` headers, or "" when the
    /// texts are the same.
    static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        render(old: old, new: new, oldLabel: "a/" + path, newLabel: "b/" + path, context: context)
    }

    static func render(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        if old.utf8.elementsEqual(new.utf8) { return "" }
        let a = lines(old), b = lines(new)
        // Lines compare byte for byte (String's == would equate canonically equivalent lines).
        let ops = diff(a.map { Array($0.utf8) }, b.map { Array($0.utf8) })
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        // Lines of each side before op k, for the hunk headers.
        var oldBeforeOp = [0], newBeforeOp = [0]
        for op in ops {
            oldBeforeOp.append(oldBeforeOp.last! + (op.isInsert ? 0 : 1))
            newBeforeOp.append(newBeforeOp.last! + (op.isDelete ? 0 : 1))
        }
        for hunk in hunks(ops, context: context) {
            let slice = ops[hunk]
            let oldBefore = oldBeforeOp[hunk.lowerBound]
            let newBefore = newBeforeOp[hunk.lowerBound]
            let oldCount = slice.filter { if case .insert = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .delete = $0 { false } else { true } }.count
            out += "@@ -\(range(oldBefore, oldCount)) +\(range(newBefore, newCount)) @@\n"
            for op in slice {
                switch op {
                case .equal(let i, _): out += line(" ", a[i])
                case .delete(let i): out += line("-", a[i])
                case .insert(let j): out += line("+", b[j])
                }
            }
        }
        return out
    }

    /// `start,count` as diff writes it: 1-based, the count left out when 1, and the line before
    /// the hunk as start when the side is empty.
    private static func range(_ before: Int, _ count: Int) -> String {
        let start = count == 0 ? before : before + 1
        return count == 1 ? "\(start)" : "\(start),\(count)"
    }

    private static func line(_ mark: String, _ text: Substring) -> String {
        // The last scalar, not Character: "\r\n" is one Character and does not end with "\n".
        text.unicodeScalars.last == "\n" ? mark + text : mark + text + "\n\\ No newline at end of file\n"
    }

    /// The lines of `text`, each with its terminator (`\n`, or `\r\n` kept whole).
    static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        let scalars = text.unicodeScalars
        while i < text.endIndex {
            let next = scalars.index(after: i)
            if scalars[i] == "\n" {
                result.append(text[start..<next])
                start = next
            }
            i = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Groups of ops: each change with `context` equal lines around it, changes less than
    /// 2×context apart in one hunk.
    static func hunks(_ ops: [Op], context: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < ops.count {
            if ops[i].isEqual { i += 1; continue }
            let start = max(0, i - context)
            var end = i
            var j = i
            while j < ops.count {
                if !ops[j].isEqual { j += 1; end = j; continue }
                var r = j
                while r < ops.count && ops[r].isEqual { r += 1 }
                if r == ops.count || r - j > 2 * context { break }
                j = r
            }
            let hunkEnd = min(ops.count, end + context)
            result.append(start..<hunkEnd)
            i = hunkEnd
        }
        return result
    }

    /// An edit script from `a` to `b`, in order. Common head and tail are taken off, lines that
    /// occur once on each side anchor the rest (patience diff), and Myers' search runs only on the
    /// short stretches between anchors, so a file with thousands of changed lines stays linear in
    /// time and memory. A long stretch with no anchor becomes a plain replacement.
    static func diff<T: Hashable>(_ a: [T], _ b: [T]) -> [Op] {
        var ops: [Op] = []
        ops.reserveCapacity(max(a.count, b.count))
        align(a, 0..<a.count, b, 0..<b.count, into: &ops)
        return ops
    }

    /// Stretches up to this many lines (both sides together) go to Myers, whose trace is O(D²).
    private static let myersLimit = 2_000

    private static func align<T: Hashable>(_ a: [T], _ ra: Range<Int>, _ b: [T], _ rb: Range<Int>, into ops: inout [Op]) {
        var lo = ra.lowerBound, loB = rb.lowerBound, hi = ra.upperBound, hiB = rb.upperBound
        while lo < hi, loB < hiB, a[lo] == b[loB] {
            ops.append(.equal(lo, loB))
            lo += 1
            loB += 1
        }
        var tail = 0
        while hi - tail > lo, hiB - tail > loB, a[hi - tail - 1] == b[hiB - tail - 1] { tail += 1 }
        hi -= tail
        hiB -= tail
        if lo < hi || loB < hiB {
            let anchors = uniqueAnchors(a, lo..<hi, b, loB..<hiB)
            if anchors.isEmpty {
                if (hi - lo) + (hiB - loB) <= myersLimit {
                    ops += myers(hi - lo, hiB - loB) { a[lo + $0] == b[loB + $1] }.map { op in
                        switch op {
                        case .equal(let i, let j): return .equal(lo + i, loB + j)
                        case .delete(let i): return .delete(lo + i)
                        case .insert(let j): return .insert(loB + j)
                        }
                    }
                } else {
                    ops += (lo..<hi).map { .delete($0) }
                    ops += (loB..<hiB).map { .insert($0) }
                }
            } else {
                var i0 = lo, j0 = loB
                for (i, j) in anchors {
                    align(a, i0..<i, b, j0..<j, into: &ops)
                    ops.append(.equal(i, j))
                    i0 = i + 1
                    j0 = j + 1
                }
                align(a, i0..<hi, b, j0..<hiB, into: &ops)
            }
        }
        for t in 0..<tail { ops.append(.equal(hi + t, hiB + t)) }
    }

    /// Lines that occur exactly once in each stretch, as (index in a, index in b), keeping the
    /// longest run that is in order on both sides.
    private static func uniqueAnchors<T: Hashable>(_ a: [T], _ ra: Range<Int>, _ b: [T], _ rb: Range<Int>) -> [(Int, Int)] {
        var inA: [T: Int] = [:], inB: [T: Int] = [:]
        for i in ra { inA[a[i], default: 0] += 1 }
        var positionB: [T: Int] = [:]
        for j in rb {
            inB[b[j], default: 0] += 1
            positionB[b[j]] = j
        }
        let pairs = ra.compactMap { i -> (Int, Int)? in
            inA[a[i]] == 1 && inB[a[i]] == 1 ? (i, positionB[a[i]]!) : nil
        }
        // Longest increasing subsequence of the b positions (patience sorting).
        var tops: [Int] = []          // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0, high = tops.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tops[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
            }
            previous[k] = low > 0 ? tops[low - 1] : -1
            if low == tops.count { tops.append(k) } else { tops[low] = k }
        }
        var result: [(Int, Int)] = []
        var k = tops.last ?? -1
        while k >= 0 {
            result.append(pairs[k])
            k = previous[k]
        }
        return result.reversed()
    }

    private static func myers(_ n: Int, _ m: Int, _ same: (Int, Int) -> Bool) -> [Op] {
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let maxD = n + m
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        // trace[d] holds v[-(d+1)...(d+1)] as it was before step d.
        var trace: [[Int]] = []
        var found = -1
        search: for d in 0...maxD {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && same(x, y) { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = d; break search }
            }
        }
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: found, through: 0, by: -1) {
            let snapshot = trace[d]
            func at(_ k: Int) -> Int { snapshot[k + d + 1] }
            let k = x - y
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : at(prevK)
            let prevY = d == 0 ? 0 : prevX - prevK
            while x > prevX && y > prevY {
                ops.append(.equal(x - 1, y - 1))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == prevX { ops.append(.insert(y - 1)); y -= 1 } else { ops.append(.delete(x - 1)); x -= 1 }
            }
        }
        return ops.reversed()
    }
}
