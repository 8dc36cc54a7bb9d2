import Foundation
import XCTest

/// `jiaodui serve` in a real browser: headless Chromium opens the page with the seed page in the
/// URL's fragment; the page's test hook (`#e2e=`, see serve.html) pastes it, finds the
/// duplicate-phrase mark, clicks it, applies its fix and writes what it saw into the DOM, which
/// `--dump-dom` prints. A second run takes a screenshot (`#shot=`), kept in the test's temporary
/// directory (its path is printed).
///
/// Needs `chromium` on PATH; without it the test fails, unless `JIAODUI_SKIP_BROWSER_TESTS=1`.
final class ServeBrowserTests: CLITestCase {
    /// Each Chromium run is killed after this.
    static let deadline: TimeInterval = 60

    func testPasteHighlightAndApplyTheDuplicatePhraseFixInHeadlessChromium() throws {
        guard let chromium = try NeovimTests.editor("chromium", install: "Chromium, e.g. `apt-get install -y chromium`",
                                                    skip: "JIAODUI_SKIP_BROWSER_TESTS") else { return }
        let server = try ServeProcess(binary: try XCTUnwrap(Self.binary, "the jiaodui executable was not found next to the tests"))
        defer { server.stop() }
        let seed = try String(contentsOf: ServeAPITests.seed, encoding: .utf8)
        let fragment = seed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

        let dom = try browse(chromium, ["--dump-dom", server.url.absoluteString + "#e2e=" + fragment])
        let marker = "<pre id=\"e2e-result\" class=\"hidden\">"
        guard let start = dom.range(of: marker), let end = dom[start.upperBound...].range(of: "</pre>") else {
            return XCTFail("the page wrote no e2e result; DOM tail: \(dom.suffix(1500))")
        }
        let encoded = String(dom[start.upperBound..<end.lowerBound])
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data((encoded.removingPercentEncoding ?? "").utf8)) as? [String: Any])
        XCTAssertNil(result["error"], "\(result)")
        XCTAssertEqual(result["highlighted"] as? Bool, true, "\(result)")
        XCTAssertEqual(result["markText"] as? String, "“我为群众办实事”")
        XCTAssertEqual(result["markClass"] as? String, "error")
        XCTAssertTrue((result["detail"] as? String ?? "").contains("请删去后一处"), "\(result)")
        let after = try XCTUnwrap(result["after"] as? String)
        XCTAssertFalse(after.contains(ServeAPITests.doubled))
        XCTAssertTrue(after.contains("深入开展“我为群众办实事”等活动"))
        XCTAssertEqual(result["duplicateLeft"] as? Bool, false)
        XCTAssertEqual(after.count, seed.count - "“我为群众办实事”".count)

        let screenshot = dir.deletingLastPathComponent().appendingPathComponent("jiaodui-serve-\(UUID().uuidString).png")
        _ = try browse(chromium, ["--window-size=1280,900", "--screenshot=\(screenshot.path)",
                                  server.url.absoluteString + "#shot=" + fragment])
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(png.prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))
        print("serve screenshot: \(screenshot.path)")
    }

    /// Runs headless Chromium on a page and returns its stdout.
    private func browse(_ chromium: URL, _ arguments: [String]) throws -> String {
        let profile = dir.appendingPathComponent("chromium-profile")
        let run = try NeovimTests.runWithDeadline(
            chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--user-data-dir=\(profile.path)", "--virtual-time-budget=30000"] + arguments,
            in: dir, environment: [:], deadline: Self.deadline)
        XCTAssertFalse(run.timedOut, "chromium did not finish within \(Int(Self.deadline)) s; stderr: \(run.stderr.suffix(2000))")
        return String(decoding: (try? Data(contentsOf: dir.appendingPathComponent("editor-stdout.txt"))) ?? Data(), as: UTF8.self)
    }
}
