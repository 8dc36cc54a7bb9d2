import Foundation
import XCTest
import JiaoduiCore
@testable import JiaoduiLSP
import LSPProtocol

/// The hand-written publish path must say exactly what the Codable types say.
final class EncodingTests: XCTestCase {
    func parsed(_ bytes: [UInt8]) throws -> NSDictionary {
        try JSONSerialization.jsonObject(with: Data(bytes)) as! NSDictionary
    }

    func testHandWrittenPublishEqualsCodable() throws {
        let tricky = "引号\"反斜杠\\换行\n制表\t控制\u{01}𠮷é"
        let diagnostics = [
            LSPDiagnostic(range: LSPRange(start: Position(line: 0, character: 3), end: Position(line: 2, character: 0)),
                          severity: 2, code: "broken-wrap", source: "jiaodui", message: tricky,
                          data: .object(["fixes": .array([.object(["title": .string(tricky), "edits": .array([.object(["newText": .string("")])])])]),
                                         "n": .int(-12), "ok": .bool(true), "none": .null])),
            LSPDiagnostic(range: LSPRange(start: Position(line: 10, character: 0), end: Position(line: 10, character: 1)),
                          severity: 3, code: "x", codeDescription: CodeDescription(href: "https://example.com/a?b=c"),
                          source: "jiaodui", message: ""),
        ]
        let params = PublishDiagnosticsParams(uri: "file:///tmp/%E7%A8%BF.txt", version: 42, diagnostics: diagnostics)
        let fast = try parsed(JSONRPC.publishDiagnostics(params))
        let codable = try parsed(JSONRPC.notification("textDocument/publishDiagnostics", params))
        XCTAssertEqual(fast, codable)
    }

    func testReusedDiagnosticJSONEqualsFreshAfterEdits() throws {
        let seed = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds/000_535f91e5d57b5589.txt"), encoding: .utf8)
        let linter = try Linter()
        var cached = EncodedDiagnostics()
        var scalars = Array(seed.unicodeScalars)
        var state: UInt64 = 7
        for round in 0..<40 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let at = Int(state >> 33) % scalars.count
            let piece = ["\n", "，", "𠮷", "", "的"][round % 5]
            scalars.replaceSubrange(at..<min(scalars.count, at + (round % 3)), with: piece.unicodeScalars)
            cached.edited(at: at)
            let document = TextDocument(scalars: scalars)
            let findings = linter.lint(document)
            for encoding in [PositionEncoding.utf16] {
                let converter = PositionConverter(document, encoding)
                var fresh = EncodedDiagnostics()
                XCTAssertEqual(cached.encode(findings, converter), fresh.encode(findings, converter), "round \(round)")
            }
        }
    }

    func testBatchPositionsEqualSinglePositions() {
        let document = TextDocument("𠮷a\r\nb\rc\n\né𠮷\n")
        for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
            let converter = PositionConverter(document, encoding)
            let offsets = Array((0...document.count).reversed())
            XCTAssertEqual(converter.positions(offsets), offsets.map { converter.position($0) }, "\(encoding)")
        }
        XCTAssertEqual(PositionConverter(document, .utf16).position(1), Position(line: 0, character: 2))
        XCTAssertEqual(PositionConverter(document, .utf8).position(1), Position(line: 0, character: 4))
        XCTAssertEqual(PositionConverter(document, .utf16).position(document.count), Position(line: 5, character: 0))
    }
}
