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
    }

    deinit { jd_regex_close(handle) }

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
