import CICUShim
import Foundation

/// An ICU regular expression with a time limit, so that no pattern from a rule file can hang the
/// linter. Matching is serialised per instance (ICU's matcher keeps state).
public final class ICURegex: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = NSLock()

    public struct CompileError: Error, CustomStringConvertible {
        public let pattern: String
        public let reason: String
        public var description: String { "正则表达式无效 / invalid regular expression “\(pattern)”: \(reason)" }
    }

    public init(_ pattern: String, timeLimit: Int32 = 200) throws(CompileError) {
        let units = Array(pattern.utf16)
        var error = [CChar](repeating: 0, count: 256)
        guard let h = jd_regex_open(units, Int32(units.count), timeLimit, &error, 256) else {
            throw CompileError(pattern: pattern, reason: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        handle = h
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { jd_regex_close(handle) }

    /// A matcher of its own over the same compiled pattern, for one document's matching without
    /// the lock (parallel workers then never wait on each other).
    public func clone() -> ICURegex? { jd_regex_clone(handle).map { ICURegex(handle: $0) } }

    /// How many capture groups the pattern has.
    public var groupCount: Int { Int(jd_regex_group_count(handle)) }

    /// The outcome of matching one text: each match's capture ranges (nil for a group that did
    /// not take part), and what cut the search short, if anything.
    public struct Matches {
        public var groups: [[Range<Int>?]] = []
        public var stopped: Stop?
    }

    public enum Stop: Sendable {
        /// The pattern ran past its time limit.
        case timeLimit
        /// ICU gave up otherwise (its backtracking stack ran out).
        case failure
    }

    /// Every match in `text` (UTF-16), with the ranges of groups 0…`groupCount`. Stops at the time
    /// limit, keeping what was found before it.
    public func allMatches(in text: [UInt16]) -> Matches {
        lock.lock()
        defer { lock.unlock() }
        var result = Matches()
        let groups = max(0, groupCount)
        text.withUnsafeBufferPointer { buf in
            guard jd_regex_set_text(handle, buf.baseAddress, Int32(buf.count)) == 0 else { return }
            var s: Int32 = 0, e: Int32 = 0, timedOut: Int32 = 0
            var start: Int32 = 0
            while true {
                let found = jd_regex_find(handle, start, 0, &s, &e, &timedOut)
                if timedOut != 0 { result.stopped = timedOut == 1 ? .timeLimit : .failure }
                guard found == 1 else { break }
                var ranges: [Range<Int>?] = []
                for g in 0...groups {
                    var gs: Int32 = -1, ge: Int32 = -1
                    ranges.append(jd_regex_group(handle, Int32(g), &gs, &ge) == 0 && gs >= 0 ? Int(gs)..<Int(ge) : nil)
                }
                result.groups.append(ranges)
                // An empty match moves on by one unit, or the search would stand still.
                start = e > s ? e : e + 1
                if start > Int32(buf.count) { break }
            }
        }
        return result
    }

    /// The UTF-16 range of the first match of capture `group` in `text`, if any. A time-out counts
    /// as no match.
    public func firstMatch(in text: [UInt16], group: Int32 = 0) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        return text.withUnsafeBufferPointer { buf -> Range<Int>? in
            guard jd_regex_set_text(handle, buf.baseAddress, Int32(buf.count)) == 0 else { return nil }
            var s: Int32 = 0, e: Int32 = 0, timedOut: Int32 = 0
            guard jd_regex_find(handle, 0, group, &s, &e, &timedOut) == 1 else { return nil }
            return Int(s)..<Int(e)
        }
    }

    public func matches(_ text: String) -> Bool { firstMatch(in: Array(text.utf16)) != nil }
}
