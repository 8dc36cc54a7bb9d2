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
        let decoded = bytes.withContiguousStorageIfAvailable { TextDocument.decode($0) }
            ?? Array(bytes).withUnsafeBufferPointer { TextDocument.decode($0) }
        switch decoded {
        case .success(let scalars): self.init(scalars: scalars)
        case .failure(let error): throw error
        }
    }

    /// Strict UTF-8 (no overlong forms, surrogates or values past U+10FFFF) straight into the
    /// scalar array: one pass, no per-scalar bookkeeping. A file is mostly 1- and 3-byte sequences.
    /// On an error, the offset of the first byte of the sequence that is not valid.
    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> Result<[Unicode.Scalar], InvalidUTF8> {
        var bad = -1
        let values = [UInt32](unsafeUninitializedCapacity: b.count) { out, written in
            let n = b.count
            var i = 0, o = 0
            @inline(__always) func continuation(_ k: Int) -> UInt32? {
                k < n && b[k] & 0xC0 == 0x80 ? UInt32(b[k] & 0x3F) : nil
            }
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    out[o] = UInt32(c); o += 1; i += 1
                    continue
                }
                var v: UInt32 = 0
                var width = 1
                switch c {
                case 0xC2...0xDF:
                    guard let c1 = continuation(i + 1) else { bad = i; break }
                    v = UInt32(c & 0x1F) << 6 | c1; width = 2
                case 0xE0...0xEF:
                    guard let c1 = continuation(i + 1), let c2 = continuation(i + 2) else { bad = i; break }
                    v = UInt32(c & 0x0F) << 12 | c1 << 6 | c2; width = 3
                    if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { bad = i }
                case 0xF0...0xF4:
                    guard let c1 = continuation(i + 1), let c2 = continuation(i + 2), let c3 = continuation(i + 3)
                    else { bad = i; break }
                    v = UInt32(c & 0x07) << 18 | c1 << 12 | c2 << 6 | c3; width = 4
                    if v < 0x10000 || v > 0x10FFFF { bad = i }
                default:
                    bad = i
                }
                if bad >= 0 { break }
                out[o] = v; o += 1; i += width
            }
            written = o
        }
        if bad >= 0 { return .failure(InvalidUTF8(byteOffset: bad)) }
        // Every value is a valid scalar: the checks above are those of Unicode.Scalar(_:).
        return .success(unsafeBitCast(values, to: [Unicode.Scalar].self))
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
