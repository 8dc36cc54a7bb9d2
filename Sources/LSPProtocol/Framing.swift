/// The base protocol's framing: `Content-Length: N\r\n` (and optional other headers), a blank
/// line, then N bytes of UTF-8 JSON. Bytes arrive in arbitrary pieces; `feed` returns every body
/// completed so far and keeps the rest.
///
/// Hostile or broken input costs bounded memory and linear time: a header block longer than
/// `maxHeader` bytes or a claimed length above `maxBody` is reported as `badHeader` and skipped
/// (the bytes that follow are read as the next header), and the search for a header's end never
/// scans the same bytes twice. After garbage, the next `Content-Length` header found at the end of
/// a header block starts the next message, so one broken message does not take the rest with it.
public struct MessageFramer: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the end of the current header block resumes.
    private var scanned = 0
    public let maxHeader: Int
    public let maxBody: Int

    /// `maxBody`: the largest body accepted (64 MiB by default, thirty times the largest document
    /// the editors send in practice).
    public init(maxHeader: Int = 64 << 10, maxBody: Int = 64 << 20) {
        self.maxHeader = maxHeader
        self.maxBody = maxBody
    }

    public enum Piece: Sendable, Equatable {
        case body([UInt8])
        /// A header block without a usable Content-Length (missing, not a number, negative, above
        /// `maxBody`), or one longer than `maxHeader`; the bytes up to its end were dropped.
        case badHeader(String)
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Piece] {
        buffer.append(contentsOf: bytes)
        var out: [Piece] = []
        while let piece = next() { out.append(piece) }
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        return out
    }

    private mutating func next() -> Piece? {
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > maxHeader {
                // No blank line in sight: drop all but the last three bytes (a blank line may be
                // arriving across the cut) and say so once.
                let dropped = buffer.count - 3 - start
                let shown = String(decoding: buffer[start..<(start + min(dropped, 80))], as: UTF8.self)
                start = buffer.count - 3
                scanned = start
                return .badHeader("a header of more than \(maxHeader) bytes: \(shown.debugDescription)…")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        let length = Self.contentLength(header)
        guard let n = length, n >= 0, n <= maxBody else {
            start = bodyStart
            scanned = start
            return .badHeader(length.map { $0 < 0 ? "a negative Content-Length (\($0))" : "a Content-Length of \($0) bytes, above the limit of \(maxBody)" }
                              ?? "no Content-Length: \(header.debugDescription)")
        }
        guard buffer.count - bodyStart >= n else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + n)])
        start = bodyStart + n
        scanned = start
        return .body(body)
    }

    /// The value of the header block's Content-Length: its last line of that name. The name may
    /// have garbage in front of it (the rest of a broken message before this one); the value must
    /// be digits.
    static func contentLength(_ header: String) -> Int? {
        let name = Array("content-length".utf8)
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }
        var length: Int?
        for line in header.utf8.split(separator: 10) {
            let bytes = Array(line)
            // The last colon with the name before it (one pass back over the line's colons).
            var colon = bytes.lastIndex(of: 58)
            while let c = colon {
                var end = c
                while end > 0 && isBlank(bytes[end - 1]) { end -= 1 }
                if end >= name.count && zip(bytes[(end - name.count)..<end], name).allSatisfy({ lower($0) == $1 }) { break }
                colon = bytes[..<c].lastIndex(of: 58)
            }
            guard let c = colon else { continue }
            var value = bytes[(c + 1)...].drop(while: isBlank)
            while let last = value.last, isBlank(last) { value = value.dropLast() }
            let negative = value.first == 45  // "-": kept, so that the error can say so
            let digits = negative ? value.dropFirst() : value
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                length = nil
                continue
            }
            let n = Int(String(decoding: digits, as: UTF8.self)) ?? Int.max
            length = negative ? -n : n
        }
        return length
    }

    private mutating func findHeaderEnd() -> Int? {
        var i = max(start, scanned)
        let n = buffer.count
        while i + 3 < n {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        scanned = i
        return nil
    }

    /// One framed message around `body`.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
