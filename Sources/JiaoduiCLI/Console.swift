import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout and stderr (so the two keep their order on a terminal), and the
/// one format of an error line: `jiaodui: error: …`.
enum Console {
    static func out(_ text: String) {
        var text = text
        text.withUTF8 { emit(1, $0) }     // no copy of a report that may be hundreds of megabytes
    }
    static func err(_ text: String) { emit(2, Array(text.utf8)) }
    static func out(_ bytes: [UInt8]) { emit(1, bytes) }

    /// `jiaodui: error: MESSAGE` on stderr.
    static func error(_ message: String) { err("jiaodui: error: \(message)\n") }

    /// Whether stdout gets colour: a terminal, NO_COLOR unset and TERM not dumb.
    static var stdoutWantsColour: Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(1) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    private static func emit(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { emit(fd, $0) }
    }

    private static func emit(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
        var done = 0
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            done += n
        }
    }
}

/// A text in the two languages of the interface.
struct L10n {
    let zh: String
    let en: String

    init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    func text(_ locale: MessageLocaleOption) -> String { locale == .zh ? zh : en }

    /// Both, for errors: `中文 / English` as the core's own error messages are (no space after a
    /// full-width closing bracket: `（第 3 字节）/ not valid UTF-8 at byte 3`).
    var both: String { zh.hasSuffix("）") ? "\(zh)/ \(en)" : "\(zh) / \(en)" }
}

/// `n` and an English noun, singular or plural.
func plural(_ n: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : (pluralForm ?? singular + "s"))"
}
