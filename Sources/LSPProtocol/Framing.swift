/// The base protocol's framing: `Content-Length: N\r\n` (and optional other headers), a blank
/// line, then N bytes of UTF-8 JSON. Bytes arrive in arbitrary pieces; `feed` returns every body
/// completed so far and keeps the rest.
public struct MessageFramer: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    public enum Piece: Sendable, Equatable {
        case body([UInt8])
        /// A header block without a usable Content-Length; the bytes up to its end were dropped.
        case badHeader(String)
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Piece] {
        buffer.append(contentsOf: bytes)
        var out: [Piece] = []
        while let piece = next() { out.append(piece) }
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return out
    }

    private mutating func next() -> Piece? {
        guard let headerEnd = findHeaderEnd() else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingSpaces.lowercased()
            if name == "content-length" {
                length = Int(line[line.index(after: colon)...].trimmingSpaces)
            }
        }
        guard let n = length, n >= 0 else {
            start = bodyStart
            return .badHeader(header)
        }
        guard buffer.count - bodyStart >= n else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + n)])
        start = bodyStart + n
        return .body(body)
    }

    private func findHeaderEnd() -> Int? {
        var i = start
        let n = buffer.count
        while i + 3 < n {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// One framed message around `body`.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
