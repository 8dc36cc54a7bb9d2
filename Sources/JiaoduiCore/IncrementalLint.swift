/// Re-linting after an edit without re-reading the whole text.
///
/// Every check of the core judges a line break from the lines around it, a repeat from the text
/// beside it, a mark from its neighbours. So after an edit only the findings that start in the
/// edited lines and a few non-blank lines on each side can change; those are recomputed from a
/// window with more context lines around it (reaching back as far as a spliced fragment's original
/// may lie), and all others are kept. What an edit changes far away — a spliced fragment whose
/// original was edited — is caught up by a full lint, which the editor face runs when typing pauses.
extension Linter {
    /// Lines on each side of the edit whose findings are recomputed.
    public static let relintLines = 2
    /// Further lines on each side that the window reads for context only.
    public static let contextLines = 4

    /// Findings of `document` after an edit that touched `changed` (offsets in `document`),
    /// given the findings from before the edit already moved to the new offsets.
    public func relint(_ document: TextDocument, changed: Swift.Range<Int>, previous: [Diagnostic],
                       locale: MessageLocale = .zh) -> [Diagnostic] {
        let lines = document.lines
        let first = document.lineIndex(containing: changed.lowerBound)
        let last = document.lineIndex(containing: changed.upperBound)
        let innerFirst = Self.step(document, from: first, by: -Self.relintLines)
        let innerLast = Self.step(document, from: last, by: Self.relintLines)
        let outerFirst = Self.step(document, from: innerFirst, by: -Self.contextLines)
        let outerLast = Self.step(document, from: innerLast, by: Self.contextLines)
        let innerStart = lines[innerFirst].start
        let innerEnd = lines[innerLast].next
        if outerLast == lines.count - 1 && innerStart <= engine.breaks.fragmentMaxDistance {
            return lint(document, locale: locale)
        }
        // A break after a spliced fragment is judged with the fragment's original, which may lie
        // up to `fragmentMaxDistance` characters back: the window reaches that far.
        let reach = document.lineIndex(containing: max(0, innerStart - engine.breaks.fragmentMaxDistance))
        let windowStart = lines[min(outerFirst, reach)].start
        let window = TextDocument(scalars: Array(document.scalars[windowStart..<lines[outerLast].next]))
        // `previous` is in document order: the findings before the re-linted lines, the new ones
        // (in order), then the findings after them is the whole list in order, without a sort.
        var fresh: [Diagnostic] = []
        for var d in lint(window, locale: locale) {
            d.shift(by: windowStart)
            if d.range.lowerBound >= innerStart && d.range.lowerBound < innerEnd { fresh.append(d) }
        }
        let before = previous.partitioningIndex(where: { $0.range.lowerBound >= innerStart })
        let after = previous[before...].partitioningIndex(where: { $0.range.lowerBound >= innerEnd })
        var merged = Array(previous[..<before])
        merged.reserveCapacity(previous.count + fresh.count)
        merged += fresh
        merged += previous[after...]
        return merged
    }

    /// The line `count` non-blank lines away from `line` (negative: upwards), or the first or
    /// last line of the text.
    static func step(_ document: TextDocument, from line: Int, by count: Int) -> Int {
        let direction = count < 0 ? -1 : 1
        var remaining = abs(count)
        var i = line
        while remaining > 0 {
            let next = i + direction
            guard next >= 0 && next < document.lines.count else { return i }
            i = next
            let l = document.lines[i]
            if document.scalars[l.start..<l.end].contains(where: { !CharClass.isSpace($0) }) { remaining -= 1 }
        }
        return i
    }
}

extension Diagnostic {
    /// Order of the findings in every output: by start, then end, then rule.
    public static func documentOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.range.lowerBound, a.range.upperBound, a.ruleID) < (b.range.lowerBound, b.range.upperBound, b.ruleID)
    }

    /// Moves the finding and its fixes by `delta` scalars.
    public mutating func shift(by delta: Int) {
        guard delta != 0 else { return }
        range = (range.lowerBound + delta)..<(range.upperBound + delta)
        for f in fixes.indices {
            for e in fixes[f].edits.indices {
                let r = fixes[f].edits[e].range
                fixes[f].edits[e].range = (r.lowerBound + delta)..<(r.upperBound + delta)
            }
        }
    }
}

/// Follows a text through a series of edits: which findings from before still stand (moved to
/// their new offsets) and which span of the new text the edits touched.
public struct EditTracker: Sendable {
    public private(set) var diagnostics: [Diagnostic]
    /// The edited span in the current text; nil until the first edit.
    public private(set) var changed: Swift.Range<Int>?

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Records that `range` (offsets before this edit) was replaced by `count` scalars. Findings
    /// that overlap it are dropped; the re-lint of the edited lines finds them again if they stand.
    public mutating func replace(_ range: Swift.Range<Int>, count: Int) {
        let delta = count - range.count
        diagnostics = diagnostics.compactMap { d in
            if d.range.upperBound <= range.lowerBound { return d }
            if d.range.lowerBound >= range.upperBound {
                var moved = d
                moved.shift(by: delta)
                return moved
            }
            return nil
        }
        func map(_ p: Int) -> Int { p < range.lowerBound ? p : p >= range.upperBound ? p + delta : range.lowerBound + count }
        let edited = range.lowerBound..<(range.lowerBound + count)
        if let c = changed {
            changed = min(map(c.lowerBound), edited.lowerBound)..<max(map(c.upperBound), edited.upperBound)
        } else {
            changed = edited
        }
    }
}

extension Collection {
    /// The first index whose element satisfies `predicate`, which must be false for a prefix of
    /// the collection and true for the rest (binary search).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var lo = startIndex
        var n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if predicate(self[mid]) {
                n = half
            } else {
                lo = index(after: mid)
                n -= half + 1
            }
        }
        return lo
    }
}
