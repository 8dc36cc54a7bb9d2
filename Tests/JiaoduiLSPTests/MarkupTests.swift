import Foundation
import XCTest
@testable import JiaoduiLSP

/// The server reads Markdown and HTML by the document's language id and applies the text's
/// suppression directives, after full lints and after windowed re-lints alike.
final class MarkupServerTests: XCTestCase {
    let wrapped = "# 标题\n\n本单位持续推进理论学习教育常态化、系统化、规范\n化，累计开展理论学习中心组、三会一课等各类学习\n活动二十余次，详见[报道](https://x.cn/a,b)。\n"

    func testLanguageIDChoosesTheFormat() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, wrapped, language: "markdown")
        XCTAssertEqual(codes(client.diagnostics(uri)), [])
        let plain = "file:///tmp/plain.txt"
        client.open(plain, wrapped, language: "plaintext")
        XCTAssertTrue(codes(client.diagnostics(plain)).contains("broken-wrap"))
    }

    func testDirectivesHoldAfterWindowedRelints() {
        let client = LSPTestClient.windowed()
        let filler = LSPTestClient.filler
        let text = "<!-- jiaodui-disable halfwidth-punctuation -->\n\n" + filler.joined(separator: "\n\n") + "\n\n```\n代码\n```\n"
        var doc = ClientText(text: text)
        client.open(uri, doc.text, language: "markdown")
        XCTAssertEqual(codes(client.diagnostics(uri, timeout: 5)), [])
        // A half-width comma in paragraph 30 (silenced by the directive far above), one inside the
        // code block (not prose) and a doubled phrase (reported).
        var version = 1
        for (needle, insert) in [("第30段", ","), ("代码", ","), ("第35段", "“我为群众办实事”“我为群众办实事”")] {
            version += 1
            let at = doc.position(of: needle)
            client.change(uri, version: version, [["range": ["start": at, "end": at], "text": insert]])
            doc.apply([["range": ["start": at, "end": at], "newText": insert]])
        }
        let last = client.publishes(uri).last!
        XCTAssertEqual(last["version"] as? Int, version)
        XCTAssertEqual(codes(last["diagnostics"] as! [JSON]), ["duplicate-phrase"])
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(codes(client.diagnostics(uri)), ["duplicate-phrase"], "the full lint agrees")
        // Break the directive: the comma it silenced 30 paragraphs below is back at once.
        version += 1
        let at = doc.position(of: "disable")
        client.change(uri, version: version, [["range": ["start": at, "end": at], "text": "x"]])
        let after = client.publishes(uri).last!
        XCTAssertEqual(after["version"] as? Int, version)
        XCTAssertEqual(Set(codes(after["diagnostics"] as! [JSON])), ["duplicate-phrase", "halfwidth-punctuation"])
    }
}

extension MarkupServerTests {
    func testReportsOnDirectivesOfferNoConfigurationCommands() {
        let client = LSPTestClient()
        _ = client.initialize()
        client.open(uri, "<!-- jiaodui-disable-next-line no-such-rule -->\n干净的一句话。\n", language: "markdown")
        let found = client.diagnostics(uri)
        XCTAssertEqual(codes(found), ["invalid-suppression"])
        let actions = client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": found[0]["range"]!,
                                                                 "context": ["diagnostics": found]])["result"] as? [JSON] ?? []
        XCTAssertEqual(actions.count, 0, "\(actions)")
    }
}
