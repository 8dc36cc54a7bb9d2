import Foundation
import XCTest

/// `jiaodui lsp` in a real editor: headless Neovim starts it with the README's recipe
/// (`Tests/Fixtures/editors/nvim-e2e.lua`), shows its diagnostics on the seed page, applies the
/// duplicate-phrase quick fix with Neovim's own workspace-edit code and stops the server.
///
/// Needs `nvim` (0.7+) on PATH; without it the test fails, unless `JIAODUI_SKIP_EDITOR_TESTS=1`.
final class NeovimTests: CLITestCase {
    static let script = packageRoot.appendingPathComponent("Tests/Fixtures/editors/nvim-e2e.lua")
    static let seed = packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt")
    static let phrase = "“我为群众办实事”"
    /// The whole run, nvim and server together; a hung editor is killed after this.
    static let deadline: TimeInterval = 20

    func testDuplicatePhraseQuickFixInHeadlessNeovim() throws {
        guard let nvim = try Self.editor("nvim", install: "Neovim 0.7 or later, e.g. `apt-get install -y neovim`") else { return }
        let binary = try XCTUnwrap(Self.binary, "the jiaodui executable was not found next to the tests")

        // A writable copy of the seed page (the checkout's copy may be read-only).
        let page = dir.appendingPathComponent("page.txt")
        try Data(contentsOf: Self.seed).write(to: page)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: page.path)
        let reportURL = dir.appendingPathComponent("nvim-report.json")
        let xdg = dir.appendingPathComponent("xdg")

        let run = try Self.runWithDeadline(
            nvim, ["--headless", "--clean", "-n", "-i", "NONE",
                   "-c", "luafile " + Self.script.path.replacingOccurrences(of: " ", with: "\\ ")],
            in: dir,
            environment: [
                "JIAODUI_BIN": binary.path,
                "JIAODUI_FILE": page.path,
                "JIAODUI_OUT": reportURL.path,
                "JIAODUI_TIMEOUT_MS": "4000",
                // Neovim's own files (lsp.log, which holds the server's stderr) stay in the temp dir.
                "XDG_CONFIG_HOME": xdg.appendingPathComponent("config").path,
                "XDG_DATA_HOME": xdg.appendingPathComponent("data").path,
                "XDG_CACHE_HOME": xdg.appendingPathComponent("cache").path,
                "XDG_STATE_HOME": xdg.appendingPathComponent("state").path,
            ],
            deadline: Self.deadline)
        let lspLog = (try? String(contentsOf: xdg.appendingPathComponent("cache/nvim/lsp.log"), encoding: .utf8)) ?? ""
        let context = """
            nvim exit status \(run.status)\(run.timedOut ? ", killed after \(Int(Self.deadline)) s" : "")
            nvim stderr: \(run.stderr.suffix(2000))
            Neovim lsp.log (server stderr): \(lspLog.suffix(2000))
            """
        guard !run.timedOut else {
            return XCTFail("nvim did not finish within \(Int(Self.deadline)) s and was killed\n\(context)")
        }
        guard let data = FileManager.default.contents(atPath: reportURL.path) else {
            return XCTFail("nvim-e2e.lua wrote no report\n\(context)")
        }
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                   "the report is not a JSON object: \(String(decoding: data, as: UTF8.self))")
        let errors = report["errors"] as? [String] ?? []
        guard errors.isEmpty else {
            return XCTFail("nvim-e2e.lua: \(errors.joined(separator: "; "))\n\(context)")
        }
        XCTAssertEqual(run.status, 0, context)

        // The README recipe started the server as documented.
        let start = report["start_config"] as? [String: Any]
        XCTAssertEqual(start?["cmd"] as? [String], ["jiaodui", "lsp"])
        XCTAssertEqual(start?["name"] as? String, "jiaodui")
        XCTAssertEqual((start?["root_dir"] as? String).map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path },
                       dir.resolvingSymlinksInPath().path)

        // Diagnostics as Neovim holds them: 0-based lines, byte columns converted from UTF-16.
        let lines = String(decoding: try Data(contentsOf: Self.seed), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
        func lnum(_ d: [String: Any]) -> Int { d["lnum"] as? Int ?? -1 }
        let duplicate = try XCTUnwrap(diagnostics.first {
            $0["code"] as? String == "duplicate-phrase" && lines.indices.contains(lnum($0)) && lines[lnum($0)].contains("我为群众办实事")
        }, "no duplicate-phrase diagnostic on the line with 我为群众办实事; Neovim had: \(Self.summary(diagnostics))\n\(context)")
        XCTAssertEqual(lnum(duplicate), 118, "the doubled phrase is on line 119")
        XCTAssertEqual(duplicate["source"] as? String, "jiaodui")
        let line = Array(lines[lnum(duplicate)].utf8)
        let col = duplicate["col"] as? Int ?? -1, endCol = duplicate["end_col"] as? Int ?? -1
        XCTAssertEqual(duplicate["end_lnum"] as? Int, lnum(duplicate))
        XCTAssertTrue(0 <= col && col <= endCol && endCol <= line.count, "byte columns \(col)..<\(endCol) outside the line")
        if 0 <= col && col <= endCol && endCol <= line.count {
            XCTAssertEqual(String(decoding: line[col..<endCol], as: UTF8.self), Self.phrase,
                           "Neovim's byte columns \(col)..<\(endCol) do not select the phrase (raw LSP ranges: \(report["raw_duplicate_ranges"] ?? "none"))")
        }
        // The second copy is flagged, not the first.
        let firstCopy = lines[lnum(duplicate)].components(separatedBy: Self.phrase + Self.phrase)[0]
        XCTAssertEqual(col, (firstCopy + Self.phrase).utf8.count, "the diagnostic should be on the second copy")
        XCTAssertEqual(duplicate["text"] as? String, Self.phrase, "the text Neovim's buffer holds at the diagnostic")

        XCTAssertTrue(diagnostics.contains { $0["code"] as? String == "broken-wrap" && lnum($0) == 14 },
                      "no broken-wrap at 三会一课等各⏎⏎类学习活动 (line 15); Neovim had: \(Self.summary(diagnostics))")

        // The quick fix, applied by Neovim, deleted the second copy; the server then dropped the diagnostic.
        XCTAssertNotNil(report["applied_action"] as? String, "no quick fix applied; actions: \(report["code_actions"] ?? "none")")
        let fixed = report["line_after_fix"] as? String ?? ""
        XCTAssertEqual(fixed.components(separatedBy: Self.phrase).count - 1, 1, "the phrase should be there once: \(fixed)")
        XCTAssertTrue(fixed.contains("开展" + Self.phrase + "等活动"), fixed)
        XCTAssertEqual(fixed, lines[lnum(duplicate)].replacingOccurrences(of: Self.phrase + Self.phrase, with: Self.phrase))
        XCTAssertEqual(report["duplicate_cleared"] as? Bool, true, "the duplicate-phrase diagnostic stayed after the fix\n\(context)")

        // vim.lsp.stop_client: shutdown, exit, and the server process ends with 0.
        XCTAssertEqual(report["server_exited"] as? Bool, true, "the server did not exit after stop_client\n\(context)")
        XCTAssertEqual(report["exit_code"] as? Int, 0, "server exit code\n\(context)")
        XCTAssertEqual(report["exit_signal"] as? Int, 0, "server exit signal\n\(context)")
    }

    /// The README's Neovim recipe is marked tested: it must stay the block this test runs.
    func testReadmeNeovimRecipeIsTheOneTheTestRuns() throws {
        let lua = try String(contentsOf: Self.script, encoding: .utf8)
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try XCTUnwrap(lua.range(of: "-- >>> README recipe (Neovim 0.7+)\n"))
        let end = try XCTUnwrap(lua.range(of: "-- <<< README recipe\n"))
        let recipe = String(lua[begin.upperBound..<end.lowerBound])
        XCTAssertTrue(recipe.contains("vim.lsp.start_client"))
        XCTAssertTrue(readme.contains(recipe),
                      "README.md's Neovim recipe differs from the block that Tests/Fixtures/editors/nvim-e2e.lua runs:\n\(recipe)")
    }

    // MARK: - Support

    /// The editor's (or browser's) path; when it is missing, a failure telling how to install it,
    /// or a skip when the environment sets `skip` to 1.
    static func editor(_ name: String, install: String, skip: String = "JIAODUI_SKIP_EDITOR_TESTS",
                       file: StaticString = #filePath, line: UInt = #line) throws -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        if ProcessInfo.processInfo.environment[skip] == "1" {
            throw XCTSkip("\(name) is not on PATH and \(skip)=1")
        }
        XCTFail("\(name) is not on PATH: install \(install), to run the end-to-end test, "
                + "or set \(skip)=1 to skip it", file: file, line: line)
        return nil
    }

    struct EditorRun {
        let status: Int32
        let timedOut: Bool
        let stderr: String
    }

    /// Runs `executable` with output to files and no input; past `deadline` seconds it is sent
    /// SIGTERM, then SIGKILL (its language server then sees its input close and exits).
    static func runWithDeadline(_ executable: URL, _ arguments: [String], in directory: URL,
                                environment: [String: String], deadline: TimeInterval) throws -> EditorRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let outURL = directory.appendingPathComponent("editor-stdout.txt")
        let errURL = directory.appendingPathComponent("editor-stderr.txt")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let end = Date().addingTimeInterval(deadline)
        while process.isRunning && Date() < end { usleep(20_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            process.terminate()
            let grace = Date().addingTimeInterval(1)
            while process.isRunning && Date() < grace { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return EditorRun(status: process.terminationStatus, timedOut: timedOut,
                         stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }

    /// The diagnostics other than half-width punctuation, briefly, for failure messages.
    static func summary(_ diagnostics: [[String: Any]]) -> String {
        let structural = diagnostics.filter { $0["code"] as? String != "halfwidth-punctuation" }
        return "\(diagnostics.count) diagnostics; "
            + structural.map { "\($0["code"] ?? "?")@\($0["lnum"] ?? "?"):\($0["col"] ?? "?")" }.joined(separator: ", ")
    }
}
