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

    deinit { jd_regex_close(handle) }

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
