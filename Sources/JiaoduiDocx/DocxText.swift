import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation  // its inflate (`Data.decompress`); the directory is read by ZipDirectory

/// The text of a Word document: the paragraphs of `word/document.xml`, one per line, so that line
/// N of what is linted is paragraph N of the document (¶N in the report). Tabs stay tabs; a
/// manual line break inside a paragraph (`w:br`) becomes a space, because a break the author typed
/// there is not extraction damage and would otherwise shift every paragraph number after it.
///
/// A library of its own (the CLI and `jiaodui serve` read through it, and so does the fuzz target
/// that feeds it arbitrary bytes); the faces turn `Failure` into their messages.
public enum DocxText {
    public enum Failure: Error, Sendable, Equatable {
        /// Not a ZIP archive.
        case notZip
        /// A ZIP archive without `word/document.xml`.
        case noDocument
        /// `word/document.xml` could not be extracted (damaged, or a CRC mismatch).
        case cannotExtract
        /// `word/document.xml` is not well-formed XML; the parser's line.
        case badXML(line: Int)
        /// The file could not be read.
        case unreadable
    }

    /// The text of the Word document held in `data` (an upload to `jiaodui serve`).
    public static func text(of data: Data) throws(Failure) -> String {
        let bytes = [UInt8](data)
        let entry: ZipDirectory.Entry
        do {
            entry = try ZipDirectory(bytes).entry(named: "word/document.xml")
        } catch {
            switch error {
            case .notZip: throw .notZip
            case .noEntry: throw .noDocument
            case .badEntry: throw .cannotExtract
            }
        }
        let xml = try contents(of: entry, in: bytes)
        // FoundationXML traps on an element name that is not UTF-8 (found by fuzzing); Word
        // writes UTF-8 only, so anything else is damage, reported at its line.
        if let bad = firstInvalidUTF8(xml) { throw .badXML(line: 1 + xml.prefix(bad).count { $0 == 10 }) }
        let collector = ParagraphCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else { throw .badXML(line: parser.lineNumber) }
        return collector.paragraphs.joined(separator: "\n")
    }

    /// The text of the Word document at `url`.
    public static func text(at url: URL) throws(Failure) -> String {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable }
        return try text(of: data)
    }

    /// The most `word/document.xml` may inflate to (a novel is a few megabytes; a "zip bomb" is
    /// refused before it fills the memory).
    public static let maxXMLSize = 256 << 20

    /// The uncompressed bytes of `entry`, inflated here rather than by `Archive.extract`: that
    /// one loops for ever on a deflate stream that is cut short (it keeps asking for more input
    /// past the end of the file; found by fuzzing), and lets zlib read past a short last chunk.
    /// Here the input ends where the entry's compressed size says, the output where `maxXMLSize`
    /// does, and the checksum must match.
    static func contents(of entry: ZipDirectory.Entry, in bytes: [UInt8]) throws(Failure) -> Data {
        let start = entry.dataStart, end = entry.dataStart + entry.compressedSize
        switch entry.method {
        case 0:
            guard end - start <= maxXMLSize else { throw .cannotExtract }
            return Data(bytes[start..<end])
        case 8: break
        default: throw .cannotExtract
        }
        var out = Data()
        do {
            let crc = try Data.decompress(size: Int64(end - start), bufferSize: 1 << 16, skipCRC32: false, provider: { position, size in
                let from = start + Int(position)
                guard position >= 0, from < end else { throw Failure.cannotExtract }  // the stream did not end in time
                // Always a whole buffer: ZIPFoundation tells zlib the buffer is full whatever it
                // holds, so a short last chunk let zlib read past it (found by fuzzing). The zeros
                // after the entry's end are never part of a good stream, which ends before them.
                var chunk = Data(bytes[from..<min(end, from + size)])
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return chunk
            }, consumer: { chunk in
                guard out.count + chunk.count <= maxXMLSize else { throw Failure.cannotExtract }
                out.append(chunk)
            })
            guard crc == entry.checksum else { throw Failure.cannotExtract }
        } catch {
            throw .cannotExtract
        }
        return out
    }

    /// The offset of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: Data) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Collects the text runs (`w:t`) of each paragraph (`w:p`) of the body.
    private final class ParagraphCollector: NSObject, XMLParserDelegate {
        var paragraphs: [String] = []
        private var current: String?
        private var inText = false
        /// Paragraphs inside a table cell or a text box nest in others; each is its own line.
        private var open: [String] = []
        /// Inside content that is not the document's text: the VML copy of a text box
        /// (`mc:Fallback`, a second copy of `mc:Choice`), text moved away or deleted with tracked
        /// changes (`w:moveFrom`, `w:del`).
        private var skipped = 0
        private static let skippedElements: Set<String> = ["mc:Fallback", "w:moveFrom", "w:del"]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if Self.skippedElements.contains(name) { skipped += 1 }
            guard skipped == 0 else { return }
            switch name {
            case "w:p":
                if let current { open.append(current) }
                current = ""
            case "w:t": inText = true
            case "w:tab": current? += "\t"
            case "w:br", "w:cr": current? += " "
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if Self.skippedElements.contains(name) {
                skipped -= 1
                return
            }
            guard skipped == 0 else { return }
            switch name {
            case "w:p":
                if let current { paragraphs.append(current) }
                current = open.popLast()
            case "w:t": inText = false
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && skipped == 0 { current? += string }
        }
    }
}
