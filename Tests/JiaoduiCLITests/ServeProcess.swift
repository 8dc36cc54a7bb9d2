import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// A `jiaodui serve --port 0` child for the serve tests: started, its printed URL read, stopped
/// (SIGTERM, then SIGKILL) at the end. Requests go through URLSession, synchronously.
final class ServeProcess {
    let process = Process()
    /// `http://127.0.0.1:PORT/`.
    private(set) var url: URL!

    init(binary: URL, directory: URL? = nil) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"]
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line of stdout names the URL; read it off the main thread, with a deadline.
        let line = LineBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var bytes = Data()
            while !bytes.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                bytes += chunk
            }
            line.set(String(decoding: bytes, as: UTF8.self))
            done.signal()
        }
        guard done.wait(timeout: .now() + 30) == .success,
              let range = line.value.range(of: #"http://[^ /]+/"#, options: .regularExpression),
              let url = URL(string: String(line.value[range])) else {
            stop()
            throw StartFailure(output: line.value)
        }
        self.url = url
    }

    deinit { stop() }

    struct StartFailure: Error, CustomStringConvertible {
        let output: String
        var description: String { "jiaodui serve printed no URL within 30 s; stdout: \(output)" }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let grace = Date().addingTimeInterval(2)
        while process.isRunning && Date() < grace { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// A response: status, body and the body as JSON (when it is).
    struct Reply {
        let status: Int
        let body: Data
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func get(_ path: String) throws -> Reply { try send(path, method: "GET", body: nil, contentType: nil) }

    func post(_ path: String, json: [String: Any]) throws -> Reply {
        try send(path, method: "POST", body: try JSONSerialization.data(withJSONObject: json), contentType: "application/json")
    }

    func post(_ path: String, bytes: Data, contentType: String = "application/octet-stream") throws -> Reply {
        try send(path, method: "POST", body: bytes, contentType: contentType)
    }

    private func send(_ path: String, method: String, body: Data?, contentType: String?) throws -> Reply {
        var request = URLRequest(url: URL(string: url.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let box = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data, (response as? HTTPURLResponse)?.statusCode, error)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 90) == .success else { throw URLError(.timedOut) }
        return try box.reply()
    }

    private final class LineBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = ""
        var value: String { lock.withLock { stored } }
        func set(_ s: String) { lock.withLock { stored = s } }
    }

    private final class ReplyBox: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?, status: Int?, error: (any Error)?
        func set(_ d: Data?, _ s: Int?, _ e: (any Error)?) { lock.withLock { (data, status, error) = (d, s, e) } }
        func reply() throws -> Reply {
            try lock.withLock {
                if let error { throw error }
                return Reply(status: status ?? 0, body: data ?? Data())
            }
        }
    }
}
