/// Changes a `.jiaodui.yml` the way a person would: a line added to the right block, everything
/// else — comments, order, spacing — left as written.
public enum ProjectConfigEditor {
    public struct Refused: Error, Sendable, Equatable {
        public let message: String
    }

    /// Adds `phrase` to `allow:`.
    public static func allowing(_ phrase: String, in text: String) throws(Refused) -> String {
        try insert(into: "allow", item: "- \(quoted(phrase))", in: text)
    }

    /// Sets `rules: id:` to `value` (on, off or a severity).
    public static func settingRule(_ id: String, to value: String, in text: String) throws(Refused) -> String {
        var lines = split(text)
        if let block = block("rules", in: lines) {
            let indent = childIndent(block, lines)
            for i in block.children where lines[i].hasPrefix(String(repeating: " ", count: indent) + id + ":") {
                lines[i] = String(repeating: " ", count: indent) + "\(id): \(value)"
                return lines.joined(separator: "\n")
            }
        }
        return try insert(into: "rules", item: "\(id): \(value)", in: text)
    }

    /// Adds an override turning `id` off for the file at `path`.
    public static func disablingRule(_ id: String, forFile path: String, in text: String) throws(Refused) -> String {
        try insert(into: "overrides", item: "- files: [\(quoted(path))]\n  rules:\n    \(id): off", in: text)
    }

    // MARK: -

    private struct Block {
        let keyLine: Int
        /// Lines of the block's value (blank lines and comments at its end excluded).
        let children: Swift.Range<Int>
        let inline: Bool
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func block(_ key: String, in lines: [String]) -> Block? {
        guard let k = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return nil }
        let after = lines[k].dropFirst(key.count + 1).trimmingPrefix(while: { $0 == " " })
        let inline = !after.isEmpty && !after.hasPrefix("#")
        var last = k
        var i = k + 1
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop(while: { $0 == " " })
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                if line.first != " " && !line.hasPrefix("-") { break }
                last = i
            }
            i += 1
        }
        return Block(keyLine: k, children: (k + 1)..<(last + 1), inline: inline)
    }

    private static func childIndent(_ block: Block, _ lines: [String]) -> Int {
        for i in block.children {
            let trimmed = lines[i].drop(while: { $0 == " " })
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return lines[i].count - trimmed.count }
        }
        return 2
    }

    private static func insert(into key: String, item: String, in text: String) throws(Refused) -> String {
        var lines = split(text)
        if let block = block(key, in: lines) {
            guard !block.inline else {
                throw Refused(message: "\(key): 写在一行里（flow 风格），请手动添加 / written inline; add the entry by hand")
            }
            let indent = String(repeating: " ", count: childIndent(block, lines))
            let itemLines = item.split(separator: "\n").map { indent + $0 }
            lines.insert(contentsOf: itemLines, at: block.children.upperBound)
            return lines.joined(separator: "\n")
        }
        var out = text
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        out += key + ":\n" + item.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += "\\u" + String(u.value, radix: 16).leftPad(4) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPad(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
