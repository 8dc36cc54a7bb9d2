import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The text of a Word document: the paragraphs of `word/document.xml`, one per line, so that line
/// N of what is linted is paragraph N of the document (¶N in the report). Tabs stay tabs; a
/// manual line break inside a paragraph (`w:br`) becomes a space, because a break the author typed
/// there is not extraction damage and would otherwise shift every paragraph number after it.
enum DocxReader {
    static func text(of path: String) throws(InputError) -> String {
        try text(of: Data(try InputFiles.readBytes(path)))
    }

    /// The text of a Word document held in memory (an upload to `jiaodui serve`: nothing is
    /// written to disk).
    static func text(of data: Data) throws(InputError) -> String {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw InputError(L10n("不是有效的 .docx（无法按 ZIP 打开）", "not a valid .docx (cannot open it as ZIP)").both)
        }
        guard let entry = archive["word/document.xml"] else {
            throw InputError(L10n("不是有效的 .docx（缺少 word/document.xml）", "not a valid .docx (no word/document.xml)").both)
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            throw InputError(L10n("无法解压 word/document.xml", "cannot extract word/document.xml").both)
        }
        let collector = ParagraphCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else {
            let line = parser.lineNumber
            throw InputError(L10n("word/document.xml 不是有效的 XML（第 \(line) 行）", "word/document.xml is not valid XML (line \(line))").both)
        }
        return collector.paragraphs.joined(separator: "\n")
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
