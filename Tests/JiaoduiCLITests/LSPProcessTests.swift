import Foundation
import XCTest

/// `jiaodui lsp` as an editor runs it: a child process speaking framed JSON-RPC on its pipes.
final class LSPProcessTests: CLITestCase {
    /// A running server and everything it wrote to stdout, parsed into messages.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private let lock = NSLock()
        private var raw = Data()

        init(_ binary: URL, _ arguments: [String]) throws {
            process.executableURL = binary
            process.arguments = arguments
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            // Weak: the handler may still run once the test has let go of the server.
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self else { return }
                self.lock.lock()
                self.raw.append(chunk)
                self.lock.unlock()
            }
            try process.run()
        }

        func send(_ message: [String: Any]) {
            let body = try! JSONSerialization.data(withJSONObject: message)
            input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        }

        func closeInput() { try? input.fileHandleForWriting.close() }

        /// Parses stdout strictly: every byte must belong to a framed UTF-8 JSON message.
        func messages() throws -> [[String: Any]] {
            lock.lock()
            let data = raw
            lock.unlock()
            var out: [[String: Any]] = []
            var rest = data[...]
            while !rest.isEmpty {
                guard let headerEnd = rest.range(of: Data("\r\n\r\n".utf8)) else { break }
                let header = String(decoding: rest[..<headerEnd.lowerBound], as: UTF8.self)
                guard header.hasPrefix("Content-Length: "), let n = Int(header.dropFirst("Content-Length: ".count)) else {
                    throw NSError(domain: "stdout", code: 1, userInfo: [NSLocalizedDescriptionKey: "not a header: \(header)"])
                }
                let body = rest[headerEnd.upperBound...].prefix(n)
                guard body.count == n else { break }
                out.append(try JSONSerialization.jsonObject(with: body) as! [String: Any])
                rest = rest[(headerEnd.upperBound + n)...]
            }
            return out
        }

        func wait(for predicate: ([String: Any]) -> Bool, timeout: TimeInterval = 10) throws -> [String: Any]? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let m = try messages().first(where: predicate) { return m }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        }

        func waitForExit(timeout: TimeInterval) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return process.terminationStatus
        }
    }

    func start(_ arguments: [String] = ["lsp"]) throws -> Server {
        try Server(XCTUnwrap(Self.binary, "the jiaodui executable was not found"), arguments)
    }

    func testSessionOverPipesEndsWithZeroAfterShutdownAndExit() throws {
        let server = try start(["lsp", "--stdio"])
        server.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:]]])
        let initialized = try server.wait { $0["id"] as? Int == 1 }
        XCTAssertEqual(((initialized?["result"] as? [String: Any])?["serverInfo"] as? [String: Any])?["name"] as? String, "jiaodui")
        server.send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        let uri = "file:///tmp/%E7%A8%BF%E4%BB%B6.txt"
        let text = "𠮷医院党委持续深入开展“我为群众办实事”“我为群众办实事”等活动。"
        server.send(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": text]]])
        let publish = try server.wait { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let params = try XCTUnwrap(publish?["params"] as? [String: Any])
        XCTAssertEqual(params["uri"] as? String, uri, "the URI comes back exactly as sent")
        let dup = (params["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "duplicate-phrase" }
        let start = (dup?["range"] as? [String: Any])?["start"] as? [String: Any]
        XCTAssertEqual(start?["character"] as? Int, 21, "UTF-16 columns: 𠮷 counts 2")

        server.send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        XCTAssertNotNil(try server.wait { $0["id"] as? Int == 2 })
        server.send(["jsonrpc": "2.0", "method": "exit"])
        XCTAssertEqual(server.waitForExit(timeout: 5), 0)
        XCTAssertNoThrow(try server.messages(), "stdout holds framed messages and nothing else")
    }

    func testClosedInputEndsTheServer() throws {
        let server = try start()
        server.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:]]])
        XCTAssertNotNil(try server.wait { $0["id"] as? Int == 1 })
        server.closeInput()
        XCTAssertEqual(server.waitForExit(timeout: 5), 1, "gone within the time, with 1 since there was no shutdown")
    }
}
