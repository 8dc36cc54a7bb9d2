import CICUShim
import Foundation

/// An ICU regular expression with a time limit, so that no pattern from a rule file can hang the
/// linter. Matching is serialised per instance (ICU's matcher keeps state).
///
/// The limit bounds one match; a pattern that backtracks catastrophically would still spend it on
/// every line of a long text. So a pattern that has timed out `maxTimeouts` times is given up:
/// from then on it matches nothing (for the rest of the run, since a linter's patterns are shared).
public final class ICURegex: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = NSLock()
    private var timeouts = 0
    public static let maxTimeouts = 3

    /// Whether the pattern has timed out too often and is no longer matched.
    public var givenUp: Bool {
        lock.lock()
        defer { lock.unlock() }
        return timeouts >= Self.maxTimeouts
    }

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
        groupCount = Int(jd_regex_group_count(h))
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
        groupCount = Int(jd_regex_group_count(handle))
    }

    deinit { jd_regex_close(handle) }

    /// A matcher of its own over the same compiled pattern, for one document's matching without
    /// the lock (parallel workers then never wait on each other).
    public func clone() -> ICURegex? { jd_regex_clone(handle).map { ICURegex(handle: $0) } }

    /// How many capture groups the pattern has.
    public let groupCount: Int

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

    /// Sets the text that `matches(in:)` searches regions of. ICU keeps the pointer: the buffer
    /// must stay alive and unchanged until the last search.
    public func begin(_ text: UnsafeBufferPointer<UInt16>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return jd_regex_set_text(handle, text.baseAddress, Int32(text.count)) == 0
    }

    /// Every match inside `region` of the text given to `begin` (offsets into that text), as if
    /// the region were the whole text: `^`, `$` and look-around stop at its bounds.
    public func matches(in region: Range<Int>) -> Matches {
        lock.lock()
        defer { lock.unlock() }
        var result = Matches()
        let groups = max(0, groupCount)
        guard jd_regex_set_region(handle, Int32(region.lowerBound), Int32(region.upperBound)) == 0 else { return result }
        var s: Int32 = 0, e: Int32 = 0, stop: Int32 = 0
        while true {
            let found = jd_regex_find(handle, -1, 0, &s, &e, &stop)
            if stop != 0 { result.stopped = stop == 1 ? .timeLimit : .failure }
            guard found == 1 else { break }
            var ranges: [Range<Int>?] = []
            ranges.reserveCapacity(groups + 1)
            for g in 0...groups {
                var gs: Int32 = -1, ge: Int32 = -1
                ranges.append(jd_regex_group(handle, Int32(g), &gs, &ge) == 0 && gs >= 0 ? Int(gs)..<Int(ge) : nil)
            }
            result.groups.append(ranges)
        }
        return result
    }

    /// The UTF-16 range of the first match of capture `group` in `text`, if any. A time-out counts
    /// as no match.
    public func firstMatch(in text: [UInt16], group: Int32 = 0) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard timeouts < Self.maxTimeouts else { return nil }
        return text.withUnsafeBufferPointer { buf -> Range<Int>? in
            guard jd_regex_set_text(handle, buf.baseAddress, Int32(buf.count)) == 0 else { return nil }
            var s: Int32 = 0, e: Int32 = 0, timedOut: Int32 = 0
            let found = jd_regex_find(handle, 0, group, &s, &e, &timedOut)
            if timedOut != 0 { timeouts += 1 }
            guard found == 1 else { return nil }
            return Int(s)..<Int(e)
        }
    }

    public func matches(_ text: String) -> Bool { firstMatch(in: Array(text.utf16)) != nil }
}
