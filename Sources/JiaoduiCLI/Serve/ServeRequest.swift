import Foundation
import JiaoduiCore

/// The body of `POST /api/lint` and `/api/fix` turned into a `ProofreadService.Input`:
/// JSON `{"text":…,"format":"plain|markdown|html","locale":"zh|en"}`, or the bytes of a .docx
/// (`Content-Type: application/octet-stream` with `?format=docx` or `X-Jiaodui-Format: docx`;
/// `?locale=en` for English messages). A .docx is read from memory, never saved.
enum ServeRequest {
    /// What is wrong with a request, in both languages; `status` is the HTTP status to answer.
    struct Failure: Error {
        let status: Int
        let message: L10n

        /// `{"error":"中文","errorEn":"English"}`.
        var json: String {
            var out = "{\"error\":"
            JSONText.string(message.zh, into: &out)
            out += ",\"errorEn\":"
            JSONText.string(message.en, into: &out)
            return out + "}\n"
        }
    }

    private struct Body: Decodable {
        let text: String
        let format: String?
        let locale: String?
    }

    /// `formatHint` is the query's or header's `format`, `localeHint` the query's `locale`.
    static func input(_ bytes: Data, contentType: String?, formatHint: String?, localeHint: String?) throws(Failure) -> ProofreadService.Input {
        if formatHint?.lowercased() == "docx" || (contentType ?? "").hasPrefix("application/vnd.openxmlformats") {
            let text: String
            do {
                text = try DocxReader.text(of: bytes)
            } catch {
                throw Failure(status: 400, message: L10n("无法读取 .docx：\(error.message)", "cannot read the .docx: \(error.message)"))
            }
            return .init(text: TextDocument(text), format: .plain, locale: try locale(localeHint))
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: bytes)
        } catch {
            throw Failure(status: 400, message: L10n(
                "请求体应为 JSON：{\"text\": …, \"format\": \"plain|markdown|html\", \"locale\": \"zh|en\"}，或带 ?format=docx 的 .docx 文件",
                "the body must be JSON {\"text\": …, \"format\": \"plain|markdown|html\", \"locale\": \"zh|en\"}, or a .docx with ?format=docx"))
        }
        let format: SourceFormat
        if let name = body.format ?? formatHint {
            guard let known = SourceFormat(rawValue: name.lowercased()) else {
                throw Failure(status: 400, message: L10n("未知格式“\(name)”：应为 plain、markdown 或 html",
                                                         "unknown format “\(name)”: use plain, markdown or html"))
            }
            format = known
        } else {
            format = .plain
        }
        return .init(text: TextDocument(body.text), format: format, locale: try locale(body.locale ?? localeHint))
    }

    private static func locale(_ name: String?) throws(Failure) -> MessageLocaleOption {
        guard let name else { return .zh }
        guard let locale = MessageLocaleOption(rawValue: name.lowercased()) else {
            throw Failure(status: 400, message: L10n("未知语言“\(name)”：应为 zh 或 en", "unknown locale “\(name)”: use zh or en"))
        }
        return locale
    }
}
