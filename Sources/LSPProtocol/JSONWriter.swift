/// A byte-level JSON writer for the one message sent on every keystroke, publishDiagnostics,
/// whose thousands of diagnostics Foundation's JSONEncoder takes far longer to write than the
/// server takes to find them. Everything else goes through Codable.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Bytes that are JSON already.
    public mutating func append(_ json: [UInt8]) { bytes.append(contentsOf: json) }

    public mutating func int(_ i: Int) {
        if i < 0 {
            bytes.append(UInt8(ascii: "-"))
            int(-i)
            return
        }
        if i >= 10 { int(i / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(i % 10))
    }

    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): b ? raw("true") : raw("false")
        case .int(let i): int(i)
        case .double(let d): bytes.append(contentsOf: Array("\(d)".utf8))
        case .string(let s): string(s)
        case .array(let a):
            raw("[")
            for (i, e) in a.enumerated() {
                if i > 0 { raw(",") }
                value(e)
            }
            raw("]")
        case .object(let o):
            raw("{")
            for (i, key) in o.keys.sorted().enumerated() {
                if i > 0 { raw(",") }
                string(key)
                raw(":")
                value(o[key]!)
            }
            raw("}")
        }
    }

    public mutating func position(_ p: Position) {
        raw("{\"line\":")
        int(p.line)
        raw(",\"character\":")
        int(p.character)
        raw("}")
    }

    public mutating func range(_ r: Range) {
        raw("{\"start\":")
        position(r.start)
        raw(",\"end\":")
        position(r.end)
        raw("}")
    }

    public mutating func diagnostic(_ d: Diagnostic) {
        raw("{\"range\":")
        range(d.range)
        raw(",\"severity\":")
        int(d.severity)
        raw(",\"code\":")
        string(d.code)
        if let description = d.codeDescription {
            raw(",\"codeDescription\":{\"href\":")
            string(description.href)
            raw("}")
        }
        raw(",\"source\":")
        string(d.source)
        raw(",\"message\":")
        string(d.message)
        if let data = d.data {
            raw(",\"data\":")
            value(data)
        }
        raw("}")
    }
}

extension JSONRPC {
    /// The `textDocument/publishDiagnostics` notification, written by hand (see JSONWriter).
    public static func publishDiagnostics(_ params: PublishDiagnosticsParams) -> [UInt8] {
        publishDiagnostics(uri: params.uri, version: params.version, encoded: params.diagnostics.map { d in
            var w = JSONWriter(capacity: 320)
            w.diagnostic(d)
            return w.bytes
        })
    }

    /// The same, from diagnostics already written as JSON.
    public static func publishDiagnostics(uri: String, version: Int?, encoded: [[UInt8]]) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + encoded.reduce(0) { $0 + $1.count + 1 })
        w.raw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":")
        w.string(uri)
        if let version {
            w.raw(",\"version\":")
            w.int(version)
        }
        w.raw(",\"diagnostics\":[")
        for (i, d) in encoded.enumerated() {
            if i > 0 { w.raw(",") }
            w.append(d)
        }
        w.raw("]}}")
        return w.bytes
    }
}
