/// Changes a `.jiaodui.yml` the way a person would: a line added to the right block, everything
/// else — comments, order, spacing, line endings — left as written.
public enum ProjectConfigEditor {
    public struct Refused: Error, Sendable, Equatable {
        public let message: String
    }

    /// Adds `phrase` to `allow:`.
    public static func allowing(_ phrase: String, in text: String) throws(Refused) -> String {
        var file = Lines(text)
        try file.insert(into: "allow", item: ["- \(quoted(phrase))"])
        return file.text
    }

    /// Sets `rules: id:` to `value` (on, off or a severity); a comment after the old value stays.
    public static func settingRule(_ id: String, to value: String, in text: String) throws(Refused) -> String {
        var file = Lines(text)
        if let block = file.block("rules") {
            let indent = String(repeating: " ", count: file.childIndent(block))
            for i in block.children where file.lines[i].content.hasPrefix(indent + id + ":") {
                let old = file.lines[i].content
                var comment = ""
                if var start = old.range(of: " #")?.lowerBound {
                    while start > old.startIndex, old[old.index(before: start)] == " " { start = old.index(before: start) }
                    comment = String(old[start...])
                }
                file.lines[i].content = indent + "\(id): \(value)" + comment
                return file.text
            }
        }
        try file.insert(into: "rules", item: ["\(id): \(value)"])
        return file.text
    }

    /// Adds an override turning `id` off for the file at `path` (relative to the configuration,
    /// anchored with a leading `/` so that a same-named file elsewhere keeps the rule).
    public static func disablingRule(_ id: String, forFile path: String, in text: String) throws(Refused) -> String {
        var file = Lines(text)
        try file.insert(into: "overrides", item: ["- files: [\(quoted("/" + Glob.escaped(path)))]", "  rules:", "    \(id): off"])
        return file.text
    }

    /// A string as a YAML value that reads back as exactly it.
    public static func quotedForDisplay(_ s: String) -> String { quoted(s) }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quoted(_ s: String) -> String {
        var out = ""
        JSONString.append(s, to: &out)
        return out
    }

    /// The file as lines, each with its own line ending, so that a CRLF file stays CRLF.
    private struct Lines {
        struct Line {
            var content: String
            var ending: String
        }

        var lines: [Line] = []
        /// The ending new lines get: the file's first one, else `\n`.
        let newline: String

        init(_ text: String) {
            var current = String.UnicodeScalarView()
            var scalars = text.unicodeScalars[...]
            while let s = scalars.popFirst() {
                if s == "\n" {
                    lines.append(Line(content: String(current), ending: "\n"))
                    current = String.UnicodeScalarView()
                } else if s == "\r" {
                    let crlf = scalars.first == "\n"
                    if crlf { scalars.removeFirst() }
                    lines.append(Line(content: String(current), ending: crlf ? "\r\n" : "\r"))
                    current = String.UnicodeScalarView()
                } else {
                    current.append(s)
                }
            }
            if !current.isEmpty { lines.append(Line(content: String(current), ending: "")) }
            newline = lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
        }

        var text: String { lines.map { $0.content + $0.ending }.joined() }

        struct Block {
            /// Lines of the block's value (blank lines and comments at its end excluded).
            let children: Swift.Range<Int>
            let inline: Bool
        }

        /// The top-level `key:` (also written `"key":` or `'key':`) and the lines of its value.
        func block(_ key: String) -> Block? {
            var rest: Substring?
            var k = 0
            for (i, line) in lines.enumerated() {
                for spelling in [key, "\"\(key)\"", "'\(key)'"] {
                    let c = line.content
                    guard c.hasPrefix(spelling) else { continue }
                    let after = c.dropFirst(spelling.count).drop { $0 == " " }
                    if after.first == ":" {
                        rest = after.dropFirst()
                        k = i
                        break
                    }
                }
                if rest != nil { break }
            }
            guard let rest else { return nil }
            let value = rest.drop { $0 == " " }
            let inline = !value.isEmpty && !value.hasPrefix("#")
            var last = k
            for i in (k + 1)..<lines.count {
                let line = lines[i].content
                let trimmed = line.drop { $0 == " " }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if line.first != " " && !line.hasPrefix("-") { break }
                last = i
            }
            return Block(children: (k + 1)..<(last + 1), inline: inline)
        }

        func childIndent(_ block: Block) -> Int {
            for i in block.children {
                let c = lines[i].content
                let trimmed = c.drop { $0 == " " }
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return c.count - trimmed.count }
            }
            return 2
        }

        mutating func insert(into key: String, item: [String]) throws(Refused) {
            if let block = block(key) {
                guard !block.inline else {
                    throw Refused(message: "\(key): 写在一行里（flow 风格），请手动添加 / written inline; add the entry by hand")
                }
                let indent = String(repeating: " ", count: childIndent(block))
                let at = block.children.upperBound
                // The line before the new ones must end; the new ones end as the file does.
                if lines[at - 1].ending.isEmpty { lines[at - 1].ending = newline }
                lines.insert(contentsOf: item.map { Line(content: indent + $0, ending: newline) }, at: at)
                return
            }
            if let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = newline }
            lines.append(Line(content: key + ":", ending: newline))
            lines += item.map { Line(content: "  " + $0, ending: newline) }
        }
    }
}
