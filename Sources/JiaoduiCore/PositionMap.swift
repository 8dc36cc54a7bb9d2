/// Converts scalar offsets (the core's one index space) to the units the edges speak.
///
/// Keeps cumulative UTF-16 and UTF-8 counts every `stride` scalars, so a conversion costs at most
/// `stride` steps however long the line or the text is.
public struct PositionMap: Sendable {
    public let document: TextDocument
    private let utf16Marks: [Int]
    private let utf8Marks: [Int]
    /// No scalar past the BMP: a UTF-16 offset is the scalar offset (the usual Chinese text).
    private let allBMP: Bool
    private static let stride = 128

    public init(_ document: TextDocument) {
        self.document = document
        var u16: [Int] = [0], u8: [Int] = [0]
        var a = 0, b = 0
        for (i, s) in document.scalars.enumerated() {
            a += UTF16.width(s)
            b += UTF8.width(s)
            if (i + 1) % Self.stride == 0 {
                u16.append(a)
                u8.append(b)
            }
        }
        utf16Marks = u16
        utf8Marks = u8
        allBMP = a == document.count
    }

    /// UTF-16 code units before `offset` in the whole text.
    public func utf16Offset(_ offset: Int) -> Int {
        allBMP ? min(max(0, offset), document.count) : count(offset, marks: utf16Marks, width: UTF16.width)
    }

    /// Bytes before `offset` in the UTF-8 encoding of the whole text.
    public func utf8Offset(_ offset: Int) -> Int { count(offset, marks: utf8Marks, width: UTF8.width) }

    private func count(_ offset: Int, marks: [Int], width: (Unicode.Scalar) -> Int) -> Int {
        let offset = min(max(0, offset), document.count)
        let mark = offset / Self.stride
        var total = marks[mark]
        for i in (mark * Self.stride)..<offset { total += width(document.scalars[i]) }
        return total
    }

    /// (line, column) with the column counted in UTF-16 code units, as LSP and the JSON output want.
    public func utf16Position(_ offset: Int) -> LinePosition {
        let line = document.lineIndex(containing: offset)
        let start = document.columnZero(line)
        return LinePosition(line: line, character: utf16Offset(max(offset, start)) - utf16Offset(start))
    }


    /// (line, column) with the column counted in UTF-8 bytes (reviewdog, Neovim's byte columns).
    public func utf8Position(_ offset: Int) -> LinePosition {
        let line = document.lineIndex(containing: offset)
        let start = document.columnZero(line)
        return LinePosition(line: line, character: utf8Offset(max(offset, start)) - utf8Offset(start))
    }

    /// (line, column) with the column counted in Unicode scalars.
    public func scalarPosition(_ offset: Int) -> LinePosition {
        let line = document.lineIndex(containing: offset)
        return LinePosition(line: line, character: max(0, offset - document.columnZero(line)))
    }

    /// The scalar offset at a (line, UTF-16 column) position; a column inside a surrogate pair or
    /// past the line's end is clamped, as LSP asks.
    public func offset(utf16 position: LinePosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < document.lines.count else { return document.count }
        let line = document.lines[position.line]
        var units = 0
        var i = document.columnZero(position.line)
        while i < line.end {
            let w = UTF16.width(document.scalars[i])
            if units + w > position.character { break }
            units += w
            i += 1
        }
        return i
    }

    /// `utf16Position(offset)` for offsets visited mostly in order (a report's findings): the line
    /// is looked for at `line` and the next one before a binary search; `line` is left at the answer.
    public func utf16Position(_ offset: Int, near line: inout Int) -> LinePosition {
        let lines = document.lines
        if !(line < lines.count && lines[line].start <= offset && (line + 1 == lines.count || offset < lines[line + 1].start)) {
            if line + 2 < lines.count, lines[line + 1].start <= offset, offset < lines[line + 2].start {
                line += 1
            } else {
                line = document.lineIndex(containing: offset)
            }
        }
        let start = document.columnZero(line)
        return LinePosition(line: line, character: utf16Offset(max(offset, start)) - utf16Offset(start))
    }

    public func utf16Range(_ range: Range<Int>, near line: inout Int) -> LineRange {
        let start = utf16Position(range.lowerBound, near: &line)
        return LineRange(start: start, end: utf16Position(range.upperBound, near: &line))
    }

    public func utf16Range(_ range: Range<Int>) -> LineRange {
        LineRange(start: utf16Position(range.lowerBound), end: utf16Position(range.upperBound))
    }
}

public struct LinePosition: Sendable, Equatable, Hashable, Codable, Comparable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }
}

public struct LineRange: Sendable, Equatable, Hashable, Codable {
    public var start: LinePosition
    public var end: LinePosition
    public init(start: LinePosition, end: LinePosition) {
        self.start = start
        self.end = end
    }
}
