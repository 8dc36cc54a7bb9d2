import Foundation

/// A one-line progress count on stderr (`检查中 120/1000`), for long runs in a terminal only:
/// never when stderr is a pipe or a file, never for a few files, redrawn at most ten times a
/// second, and erased when done so that it leaves nothing behind.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A progress line for `total` files, or nil when there should be none.
    static func forFiles(_ total: Int, locale: MessageLocaleOption) -> Progress? {
        guard total >= 50, isatty(2) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return Progress(total: total, label: locale == .zh ? "检查中" : "checking")
    }

    private init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func tick() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
        lastDraw = now
        drawn = true
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
