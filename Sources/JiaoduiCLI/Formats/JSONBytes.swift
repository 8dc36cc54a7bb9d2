import JiaoduiCore

/// JSON written straight into UTF-8 bytes: what a format with hundreds of thousands of findings
/// uses instead of appending to a `String` (which re-checks its storage on every append).
/// Strings are escaped as `JSONString` escapes them; runs that need no escape are copied whole.
/// The bytes go into the result string 64 KB at a time, so a large report is never held twice.
struct JSONBytes {
    private var bytes: [UInt8] = []
    private var done = ""
    /// Full chunks go to stdout instead of into `done`.
    private let toStdout: Bool

    init(capacity: Int) {
        toStdout = false
        bytes.reserveCapacity(1 << 16 + 4096)
        done.reserveCapacity(capacity)
    }

    /// Writes each chunk to stdout as soon as it is full; `finish()` writes the rest.
    init(streamingToStdout: Void) {
        toStdout = true
        bytes.reserveCapacity(1 << 16 + 4096)
    }

    mutating func finish() { flush() }

    /// Everything written. (Pieces are only ever flushed between whole values, so a chunk never
    /// ends inside a character.)
    var text: String {
        mutating get {
            flush()
            return done
        }
    }

    private mutating func flush() {
        if toStdout {
            Console.out(bytes)
        } else {
            done += String(decoding: bytes, as: UTF8.self)
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Called between values: moves the bytes written so far into the result once there are many.
    @inline(__always) mutating func checkpoint() {
        if bytes.count >= 1 << 16 { flush() }
    }

    /// Markup (keys, brackets) given as a literal.
    @inline(__always) mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A non-negative or negative integer in decimal.
    mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            int(0 - value)
            return
        }
        if value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value, count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 {
                buffer[19 - count] = 0x30 + UInt8(n % 10)
                n /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A JSON string literal.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                switch b {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    raw("\\u00")
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0xF)])
                }
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(0x22)
    }

    /// An LSP range: `{"end":{"character":C,"line":L},"start":{…}}`.
    mutating func range(_ r: LineRange) {
        raw("{\"end\":{\"character\":")
        int(r.end.character)
        raw(",\"line\":")
        int(r.end.line)
        raw("},\"start\":{\"character\":")
        int(r.start.character)
        raw(",\"line\":")
        int(r.start.line)
        raw("}}")
    }
}
