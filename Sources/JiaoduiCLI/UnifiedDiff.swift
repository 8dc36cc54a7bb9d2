/// A line-based unified diff (`diff -u` / `git diff` format, 3 lines of context) from Myers'
/// O(ND) algorithm.
enum UnifiedDiff {
    enum Op: Equatable {
        /// A line both sides share: (index in old, index in new).
        case equal(Int, Int)
        /// A line of old only.
        case delete(Int)
        /// A line of new only.
        case insert(Int)

        var isEqual: Bool { if case .equal = self { true } else { false } }
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
        for hunk in hunks(ops, context: context) {
            let slice = ops[hunk]
            let oldBefore = ops[..<hunk.lowerBound].filter { if case .insert = $0 { false } else { true } }.count
            let newBefore = ops[..<hunk.lowerBound].filter { if case .delete = $0 { false } else { true } }.count
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

    /// The shortest edit script from `a` to `b`, in order. Common head and tail are taken off
    /// first; Myers' greedy search runs on the rest, keeping only the diagonals each step reached.
    static func diff<T: Hashable>(_ a: [T], _ b: [T]) -> [Op] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }

        var ops: [Op] = (0..<prefix).map { .equal($0, $0) }
        let x0 = prefix, y0 = prefix
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        ops += myers(n, m) { a[x0 + $0] == b[y0 + $1] }.map { op in
            switch op {
            case .equal(let i, let j): return .equal(x0 + i, y0 + j)
            case .delete(let i): return .delete(x0 + i)
            case .insert(let j): return .insert(y0 + j)
            }
        }
        ops += (0..<suffix).map { .equal(a.count - suffix + $0, b.count - suffix + $0) }
        return ops
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
