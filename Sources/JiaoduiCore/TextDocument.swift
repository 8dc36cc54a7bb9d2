/// A text as the core sees it: an array of Unicode scalars and the lines they form.
///
/// One index space inside: every offset in the core is an index into `scalars`. Conversion to
/// UTF-16 columns (LSP, JSON), UTF-8 byte columns and byte offsets happens at the edges through
/// `PositionMap`. The text is kept exactly as given (a BOM, CR/LF mix and U+3000 indents stay),
/// so that a fix never touches what it did not report.
public struct TextDocument: Sendable {
    public let scalars: [Unicode.Scalar]
    /// Lines in order; a line's `end` excludes its terminator, `next` is where the next one starts.
    public let lines: [Line]

    public struct Line: Sendable, Equatable {
        public let start: Int
        public let end: Int
        public let next: Int
    }

    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        self.lines = TextDocument.splitLines(scalars)
    }

    /// Decodes UTF-8 strictly; a leading BOM is kept as a scalar (positions stay those of the file).
    public init(utf8 bytes: some Collection<UInt8>) throws(InvalidUTF8) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        var lastGood = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                offset += UTF8.width(s)
                lastGood = offset
            case .emptyInput:
                break loop
            case .error:
                throw InvalidUTF8(byteOffset: lastGood)
            }
        }
        self.init(scalars: scalars)
    }

    public var count: Int { scalars.count }

    public var text: String { String(scalars: scalars) }

    public func string(_ range: Range<Int>) -> String { String(scalars: scalars[range]) }

    /// Where column 0 of a line is. A byte-order mark opening the text is not part of the first
    /// line as editors show it (and as LSP clients count it).
    public func columnZero(_ line: Int) -> Int {
        let start = lines[line].start
        return line == 0 && start < count && scalars[start] == "\u{FEFF}" ? start + 1 : start
    }

    /// The index of the line holding `offset` (the last line for the end of the text).
    public func lineIndex(containing offset: Int) -> Int {
        var lo = 0, hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private static func splitLines(_ s: [Unicode.Scalar]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var i = 0
        let n = s.count
        while i < n {
            let v = s[i].value
            if v == 0x0A || v == 0x0D {
                let next = (v == 0x0D && i + 1 < n && s[i + 1].value == 0x0A) ? i + 2 : i + 1
                lines.append(Line(start: start, end: i, next: next))
                start = next
                i = next
            } else {
                i += 1
            }
        }
        lines.append(Line(start: start, end: n, next: n))
        return lines
    }
}

extension String {
    /// A string of exactly these scalars (no normalization).
    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}

public struct InvalidUTF8: Error, Equatable, Sendable {
    public let byteOffset: Int
}
