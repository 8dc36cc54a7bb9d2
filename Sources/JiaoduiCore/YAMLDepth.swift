/// How deeply a YAML text can nest, estimated before it is parsed: Yams builds its nodes
/// recursively, and a text of ten thousand `[` (a few kilobytes) overflowed the stack (found by
/// the bad-input tests: `ignore: [[[[…]]]]` in `.jiaodui.yml` crashed `lint`). Rule files and
/// configurations nest a few levels; anything beyond `limit` is refused with an error naming the
/// line.
///
/// The estimate never undercounts: a line's block depth is at most its indentation plus its
/// leading `- ` / `? ` / `: ` indicators, and flow depth counts `[` and `{` outside quoted
/// scalars and comments (a quote opens a scalar only where YAML lets one start).
enum YAMLDepth {
    static let limit = 256

    /// The first line (1-based) where the estimated depth passes `limit`, if any.
    static func tooDeep(_ text: String, limit: Int = limit) -> Int? {
        let bytes = Array(text.utf8)
        var i = 0, line = 1, flow = 0, indent = 0, indicators = 0
        var lineStart = true
        var last: UInt8 = 10  // the last byte that was not blank, outside quoted scalars (10: none on this line)
        var raw: UInt8 = 10   // the byte before this one
        while i < bytes.count {
            let b = bytes[i]
            defer { raw = b }
            if b == 10 {
                line += 1
                indent = 0
                indicators = 0
                lineStart = true
                last = 10
                i += 1
                continue
            }
            if lineStart && b == 32 {
                indent += 1
                i += 1
                continue
            }
            lineStart = false
            switch b {
            case 32, 9, 13:
                break
            case 35 where raw == 32 || raw == 9 || raw == 10:  // "#": a comment, to the end of the line
                while i < bytes.count && bytes[i] != 10 { i += 1 }
                continue
            case 34, 39 where [10, 91, 123, 44, 58, 45, 63].contains(last):  // a quoted scalar
                i += 1
                while i < bytes.count {
                    let c = bytes[i]
                    if c == 10 { line += 1 }
                    if b == 34 && c == 92 {  // \x
                        i += 2
                        continue
                    }
                    if c == b {
                        if b == 39 && i + 1 < bytes.count && bytes[i + 1] == 39 {  // ''
                            i += 2
                            continue
                        }
                        break
                    }
                    i += 1
                }
                last = b
            case 91, 123:
                flow += 1
                last = b
            case 93, 125:
                flow = max(0, flow - 1)
                last = b
            case 45, 63, 58 where last == 10 || last == 45 || last == 63 || last == 58:  // - ? : opening a line
                indicators += 1
                last = b
            default:
                last = b
            }
            if indent + indicators + flow > limit { return line }
            i += 1
        }
        return nil
    }
}
