import JiaoduiCore
import LSPProtocol

/// How the client counts a position's `character`: UTF-16 code units unless UTF-8 bytes or
/// scalars were negotiated. 𠮷 is 2 UTF-16 units, 4 UTF-8 bytes, 1 scalar.
enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8", utf16 = "utf-16", utf32 = "utf-32"

    /// The server's choice among the client's offers: UTF-8 when offered (no conversion cost for
    /// byte-based editors), else UTF-16, the protocol's default; UTF-32 only when it is all the
    /// client offered.
    static func negotiate(_ offered: [String]?) -> PositionEncoding {
        guard let offered, !offered.isEmpty else { return .utf16 }
        if offered.contains(utf8.rawValue) { return .utf8 }
        if offered.contains(utf16.rawValue) { return .utf16 }
        if offered.contains(utf32.rawValue) { return .utf32 }
        return .utf16
    }

    func width(_ s: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return UTF8.width(s)
        case .utf16: return UTF16.width(s)
        case .utf32: return 1
        }
    }
}

/// Scalar offsets of a text ↔ LSP positions in one encoding. A line's column 0 is its first
/// scalar as the client has it (a byte-order mark the client sent counts as a character).
struct PositionConverter {
    let document: TextDocument
    let encoding: PositionEncoding

    init(_ document: TextDocument, _ encoding: PositionEncoding) {
        self.document = document
        self.encoding = encoding
    }

    /// One position: its line found by binary search, its column counted from the line's start.
    func position(_ offset: Int) -> Position {
        let offset = min(max(0, offset), document.count)
        let line = document.lineIndex(containing: offset)
        var column = 0
        for i in document.lines[line].start..<offset { column += encoding.width(document.scalars[i]) }
        return Position(line: line, character: column)
    }

    func range(_ r: Swift.Range<Int>) -> LSPRange {
        LSPRange(start: position(r.lowerBound), end: position(r.upperBound))
    }

    /// The positions of many offsets in one sweep over the text (a publish converts thousands).
    func positions(_ offsets: [Int]) -> [Position] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var out = [Position](repeating: Position(line: 0, character: 0), count: offsets.count)
        let lines = document.lines
        let scalars = document.scalars
        var line = 0
        var cursor = lines[0].start
        var column = 0
        for index in order {
            let offset = min(max(0, offsets[index]), document.count)
            while line + 1 < lines.count && lines[line + 1].start <= offset {
                line += 1
                cursor = lines[line].start
                column = 0
            }
            while cursor < offset {
                column += encoding.width(scalars[cursor])
                cursor += 1
            }
            out[index] = Position(line: line, character: column)
        }
        return out
    }

    /// The scalar offset at `position`. A line past the end means the end of the text; a column past
    /// the line's end means the line's end (as the spec asks); a column inside a character (half of
    /// a surrogate pair) means that character's start.
    static func offset(_ position: Position, in document: TextDocument, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < document.lines.count else { return document.count }
        let line = document.lines[position.line]
        var units = 0
        var i = line.start
        while i < line.end {
            let w = encoding.width(document.scalars[i])
            if units + w > position.character { break }
            units += w
            i += 1
        }
        return i
    }
}
