import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

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
        /// The bytes could not be put where the archive reader can read them (no room for the
        /// temporary copy).
        case unreadable
    }

    /// The text of the Word document held in `data` (an upload to `jiaodui serve`).
    ///
    /// ZIPFoundation reads the archive's directory from a file, never from memory: its in-memory
    /// archive traps (reads a negative count) when a damaged archive points past its end. The
    /// file is in /dev/shm (memory, not disk) where there is one, readable by the owner only, and
    /// removed before this returns.
    public static func text(of data: Data) throws(Failure) -> String {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array("\(directory.hasSuffix("/") ? String(directory.dropLast()) : directory)/jiaodui-docx-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .unreadable }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        let written = data.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard close(fd) == 0, written else { throw .unreadable }
        return try text(of: data, directoryFrom: URL(fileURLWithPath: path))
    }

    /// The text of the Word document at `url`.
    public static func text(at url: URL) throws(Failure) -> String {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable }
        return try text(of: data, directoryFrom: url)
    }

    /// The archive's directory from `file`, the entry's bytes from `data` (the same bytes).
    private static func text(of data: Data, directoryFrom file: URL) throws(Failure) -> String {
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw .notZip
        }
        guard let entry = archive["word/document.xml"] else { throw .noDocument }
        let xml = try contents(of: entry, in: data)
        // FoundationXML traps on an element name that is not UTF-8 (found by fuzzing); Word
        // writes UTF-8 only, so anything else is damage, reported at its line.
        if let bad = firstInvalidUTF8(xml) { throw .badXML(line: 1 + xml.prefix(bad).count { $0 == 10 }) }
        let collector = ParagraphCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else { throw .badXML(line: parser.lineNumber) }
        return collector.paragraphs.joined(separator: "\n")
    }

    /// The most `word/document.xml` may inflate to (a novel is a few megabytes; a "zip bomb" is
    /// refused before it fills the memory).
    public static let maxXMLSize = 256 << 20

    /// The uncompressed bytes of `entry`, read from `data` and inflated here rather than by
    /// `Archive.extract`: that one loops for ever on a deflate stream that is cut short (it keeps
    /// asking for more input past the end of the file; found by fuzzing), and lets zlib read past
    /// a short last chunk. Here the input ends
    /// where the entry's compressed size says, the output where `maxXMLSize` does, and the
    /// checksum must match.
    static func contents(of entry: Entry, in data: Data) throws(Failure) -> Data {
        let bytes = [UInt8](data)
        let name = Array(entry.path.utf8)
        // The entry's local header: "PK\3\4", 26 bytes of fields, the name, the extra field.
        var start: Int?
        var i = 0
        while i + 30 + name.count <= bytes.count {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4,
               Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8 == name.count,
               bytes[(i + 30)..<(i + 30 + name.count)].elementsEqual(name) {
                start = i + 30 + name.count + (Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8)
                break
            }
            i += 1
        }
        guard let start, entry.compressedSize <= UInt64(bytes.count), start + Int(entry.compressedSize) <= bytes.count else {
            throw .cannotExtract
        }
        let end = start + Int(entry.compressedSize)
        guard entry.isCompressed else {
            guard end - start <= maxXMLSize else { throw .cannotExtract }
            return Data(bytes[start..<end])
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
