import Foundation
import JiaoduiTestSupport
import XCTest

/// The language server after any sequence of edits: its text is the client's (each edit applied
/// the way LSP defines it: UTF-16 columns, lines ended by LF, CRLF or CR), and what it publishes
/// equals what `jiaodui lint --format json` says about that text. Random edits from a seeded
/// generator (JIAODUI_RANDOM_SEED=N explores others); a failure names the seed and the text.
final class LSPPropertyTests: CLITestCase {
    static let seed = ProcessInfo.processInfo.environment["JIAODUI_RANDOM_SEED"].flatMap(UInt64.init) ?? 20261201

    /// What edits insert: Han, punctuation of both widths, Latin, digits, 𠮷, line ends of every
    /// kind, blank lines, full-width indents, the shapes the rules look for.
    static let inserts = ["工作", "作风", "的", "了", "医院", "记者", "学习", "𠮷", "𧿹", "a", "Z3", "10:30", ",", "，", "。", ".",
                          "“", "”", "（", "）", ":", "!", "\n", "\r\n", "\r", "\n\n", "\u{3000}\u{3000}", "“我为群众办实事”",
                          "研究研究", "今天天气很好,我们去公园散步", "相关工作进展顺利", "□本报记者 张三", "",
                          "...", "--", "部份", "學", "１２", "「", "《", "2020-2021年"]

    /// The client's text as UTF-16 units, lines as LSP counts them.
    struct Buffer {
        var units: [UInt16]

        /// Start offsets of the lines and their lengths (without the terminator).
        var lines: [(start: Int, length: Int)] {
            var out: [(Int, Int)] = []
            var start = 0, i = 0
            while i < units.count {
                if units[i] == 10 || units[i] == 13 {
                    out.append((start, i - start))
                    i += units[i] == 13 && i + 1 < units.count && units[i + 1] == 10 ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            out.append((start, units.count - start))
            return out
        }

        /// A random position on a character boundary: (line, character, offset).
        func position(_ rng: inout SplitMix) -> (Int, Int, Int) {
            let lines = self.lines
            let line = Int.random(in: 0..<lines.count, using: &rng)
            var character = Int.random(in: 0...lines[line].length, using: &rng)
            if character > 0 && character < lines[line].length && UTF16.isTrailSurrogate(units[lines[line].start + character]) {
                character -= 1
            }
            return (line, character, lines[line].start + character)
        }
    }

    /// `rule 0:3-0:4 message`, from either output.
    static func describe(_ d: [String: Any], rule: String) -> String {
        func at(_ key: String) -> String {
            let p = (d["range"] as? [String: Any])?[key] as? [String: Any]
            return "\(p?["line"] as? Int ?? -1):\(p?["character"] as? Int ?? -1)"
        }
        return "\(d[rule] as? String ?? "?") \(at("start"))-\(at("end")) \(d["message"] as? String ?? "?")"
    }

    func testIncrementalEditsKeepTheServersTextAndItsDiagnosticsEqualTheCLIs() throws {
        var rng = SplitMix(seed: Self.seed)
        let server = try LSPProcessTests.Server(XCTUnwrap(Self.binary), ["lsp"])
        server.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:] as [String: Any]]])
        server.send(["jsonrpc": "2.0", "method": "initialized", "params": [:] as [String: Any]])
        let uri = "file:///tmp/jiaodui-lsp-property.txt"
        var text = (0..<40).map { _ in Self.inserts.randomElement(using: &rng)! }.joined()
        server.send(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": text]]])
        var version = 1
        for round in 0..<12 {
            // A few edits, some batched in one notification (each relative to the text before it).
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                var changes: [[String: Any]] = []
                var buffer = Buffer(units: Array(text.utf16))
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    var a = buffer.position(&rng), b = buffer.position(&rng)
                    if a.2 > b.2 { swap(&a, &b) }
                    let insert = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.inserts.randomElement(using: &rng)! }.joined()
                    changes.append(["range": ["start": ["line": a.0, "character": a.1], "end": ["line": b.0, "character": b.1]], "text": insert])
                    buffer.units.replaceSubrange(a.2..<b.2, with: Array(insert.utf16))
                }
                version += 1
                text = String(decoding: buffer.units, as: UTF16.self)
                server.send(["jsonrpc": "2.0", "method": "textDocument/didChange",
                             "params": ["textDocument": ["uri": uri, "version": version], "contentChanges": changes]])
            }
            let what = "seed \(Self.seed) round \(round): \(text.debugDescription)"
            let published = try XCTUnwrap(server.wait(for: { m in
                m["method"] as? String == "textDocument/publishDiagnostics"
                    && (m["params"] as? [String: Any])?["version"] as? Int == version
            }), "no publish for version \(version)")
            let fromServer = ((published["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? [])
                .map { Self.describe($0, rule: "code") }

            try write(text, to: "same.txt")
            let cli = try run(["lint", "--format", "json", "same.txt"])
            let fromCLI = ((try json(cli)["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? [])
                .map { Self.describe($0, rule: "rule") }
            XCTAssertEqual(fromServer, fromCLI, what)
        }
        server.closeInput()
        XCTAssertNotNil(server.waitForExit(timeout: 10))
    }
}
