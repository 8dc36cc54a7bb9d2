import ArgumentParser
import Foundation
import JiaoduiCore
import JiaoduiProject

/// `jiaodui serve`: a local web page to paste or drop text into and see the findings in place.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动本地网页校对界面 / start the local web page",
        discussion: """
            在本机启动网页界面（默认只监听 127.0.0.1），打印网址。粘贴或拖入 .txt、.md、.docx，问题就地标出。\
            文本只在内存中处理，不写盘、不记日志。--port 0 自动选空闲端口。按 Ctrl-C 停止。
            API：POST /api/lint、POST /api/fix（JSON {"text", "format", "locale"}，或 ?format=docx 的 .docx），\
            GET /api/rules；请求体上限 8 MB（超出返回 413）。

            Starts the web page on this machine (127.0.0.1 only unless --host says otherwise) and \
            prints its URL. Paste or drop .txt, .md or .docx; the findings are marked in place. Text \
            stays in memory: nothing is written to disk or logged. --port 0 picks a free port. \
            Ctrl-C stops it. API: POST /api/lint, POST /api/fix (JSON {"text", "format", \
            "locale"}, or a .docx with ?format=docx), GET /api/rules; bodies over 8 MB get a 413.
            """)

    @Option(help: "端口（0 为任一空闲端口） / port (0: any free port)")
    var port: Int = 8080

    @Option(help: "监听地址（默认只监听本机） / address to listen on (default: this machine only)")
    var host: String = "127.0.0.1"

    @OptionGroup var pack: PackOptions

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(L10n("端口应在 0 到 65535 之间", "the port must be between 0 and 65535").both)
        }
    }

    func run() throws {
        let rulePack = try pack.loadPack()
        let linter: Linter
        do {
            linter = try Linter(pack: rulePack, enabled: nil)
        } catch {
            Console.error(error.description)
            throw ExitStatus.failure
        }
        // The page checks text as `jiaodui lint` would in the directory the server was started in:
        // that project's .jiaodui.yml (rules, severities, parameters, allowed phrases) applies.
        let store = ProjectConfigStore(root: nil)
        let here = FileManager.default.currentDirectoryPath + "/-"
        let projectLinter = store.linter(for: here, base: linter)
        let filter = store.filter(for: here)
        let problems = store.takeProblems()
        for problem in problems { Console.error(problem.description) }
        guard problems.isEmpty else { throw ExitStatus.failure }
        let server = WebServer(service: ProofreadService(linter: projectLinter, pack: rulePack, project: filter))
        let host = host
        let locale = pack.locale
        let app = server.application(host: host, port: port) { bound in
            let shown = host.contains(":") ? "[\(host)]" : host
            Console.out(L10n("jiaodui serve：http://\(shown):\(bound)/ （Ctrl-C 停止）\n",
                             "jiaodui serve: http://\(shown):\(bound)/ (Ctrl-C stops)\n").text(locale))
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await app.runService()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            Console.error(L10n("无法在 \(host):\(port) 上启动：\(error)", "cannot listen on \(host):\(port): \(error)").both)
            throw ExitStatus.failure
        }
    }

    /// The server task's error, handed to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }
}
