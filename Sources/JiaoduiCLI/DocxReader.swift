import Foundation
import JiaoduiDocx

/// `.docx` input for the CLI and `jiaodui serve`: `DocxText` (the JiaoduiDocx library) with its
/// failures said in both languages.
enum DocxReader {
    static func text(of path: String) throws(InputError) -> String {
        // Opened first as any input is, so that a missing or unreadable file says so.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(errno: errno) }
        close(fd)
        return try explain { () throws(DocxText.Failure) in try DocxText.text(at: URL(fileURLWithPath: path)) }
    }

    /// The text of a Word document held in memory (an upload to `jiaodui serve`).
    static func text(of data: Data) throws(InputError) -> String {
        try explain { () throws(DocxText.Failure) in try DocxText.text(of: data) }
    }

    private static func explain(_ read: () throws(DocxText.Failure) -> String) throws(InputError) -> String {
        do {
            return try read()
        } catch {
            switch error {
            case .notZip:
                throw InputError(L10n("不是有效的 .docx（无法按 ZIP 打开）", "not a valid .docx (cannot open it as ZIP)").both)
            case .noDocument:
                throw InputError(L10n("不是有效的 .docx（缺少 word/document.xml）", "not a valid .docx (no word/document.xml)").both)
            case .cannotExtract:
                throw InputError(L10n("无法解压 word/document.xml", "cannot extract word/document.xml").both)
            case .badXML(let line):
                throw InputError(L10n("word/document.xml 不是有效的 XML（第 \(line) 行）", "word/document.xml is not valid XML (line \(line))").both)
            case .unreadable:
                throw InputError(L10n("无法读取", "cannot read the file").both)
            }
        }
    }
}
