import JiaoduiCore

/// JSON written straight to a string: the one escaping routine of every JSON face (`json`,
/// `sarif`, `rdjson`, the baseline file), and a small value tree for the shapes that are easier
/// to build than to spell out. Object keys keep the order given, so output is deterministic.
indirect enum JSONText: Sendable {
    case string(String)
    case int(Int)
    /// A number rounded to two decimals (the error rate).
    case rounded(Double)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])
    /// Already-written JSON (a file's piece rendered in a worker).
    case raw(String)

    func write(into out: inout String) {
        switch self {
        case .string(let s): Self.string(s, into: &out)
        case .int(let n): out += String(n)
        case .rounded(let x): out += Self.number(x)
        case .bool(let b): out += b ? "true" : "false"
        case .raw(let text): out += text
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                Self.string(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// `x` rounded to two decimals, as a JSON number (`2.4`, `0.0`).
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        return String((x * 100).rounded() / 100)
    }

    /// A JSON string literal (the core's `JSONString`).
    static func string(_ s: String, into out: inout String) { JSONString.append(s, to: &out) }
}
