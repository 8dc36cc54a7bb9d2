import JiaoduiCore
import LSPProtocol

/// Hovering over a finding explains its rule: what it looks for and an example of each side.
extension LanguageServer {
    func hover(_ params: HoverParams) -> Hover? {
        guard let doc = documents[params.textDocument.uri] else { return nil }
        let offset = PositionConverter.offset(params.position, in: doc.text, encoding: encoding)
        let here = doc.findings.filter { $0.range.contains(offset) || ($0.range.isEmpty && $0.range.lowerBound == offset) }
        guard let first = here.first else { return nil }
        let locale = findingFilter(doc.uri).locale
        let markdown = client.markdownHover
        let text = here.map { explanation($0, locale: locale, markdown: markdown) }.joined(separator: markdown ? "\n\n---\n\n" : "\n\n")
        let range = here.count == 1 ? PositionConverter(doc.text, encoding).range(first.range) : nil
        return Hover(contents: MarkupContent(kind: markdown ? "markdown" : "plaintext", value: text), range: range)
    }

    private func explanation(_ finding: Finding, locale: MessageLocale, markdown: Bool) -> String {
        guard let spec = linter.pack.spec(finding.ruleID) else { return finding.message }
        let zh = locale == .zh
        func code(_ s: String) -> String {
            let line = s.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
            return markdown ? "`\(line)`" : line
        }
        var parts = [markdown ? "**\(spec.name.text(locale))** (`\(spec.id)`)" : "\(spec.name.text(locale)) (\(spec.id))",
                     finding.message]
        let description = spec.description.text(locale)
        if !description.isEmpty { parts.append(description) }
        if let bad = spec.examples.bad.first {
            var line = (zh ? "错误示例：" : "Bad: ") + code(bad.text)
            if let fixed = bad.fixed { line += (zh ? " → 修正为 " : " → fixed: ") + code(fixed) }
            parts.append(line)
        }
        if let good = spec.examples.good.first { parts.append((zh ? "正确示例：" : "Good: ") + code(good)) }
        parts.append(zh ? "详见 `jiaodui explain \(spec.id)`" : "More: `jiaodui explain \(spec.id)`")
        return parts.joined(separator: "\n\n")
    }
}
