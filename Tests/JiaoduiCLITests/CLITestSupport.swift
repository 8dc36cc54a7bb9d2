import Foundation
import XCTest

/// What a run of the `jiaodui` binary printed and how it exited.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
    let stdoutBytes: Data
}

/// Runs the real `jiaodui` executable (built next to the test bundle) on temporary files.
class CLITestCase: XCTestCase {
    /// A fresh directory per test, removed afterwards.
    private(set) var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("jiaodui-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    /// The package root (for the seed page).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `jiaodui`: in the products directory that holds the test bundle (the bundle's
    /// parent on macOS, the bundle directory itself on Linux), else in a `.build*/debug` of the
    /// package.
    static let binary: URL? = {
        var candidates: [URL] = []
        let own = Bundle(for: CLITestCase.self).bundleURL
        candidates += [own.deletingLastPathComponent(), own]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        let builds = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.path)) ?? []
        for name in builds.sorted() where name.hasPrefix(".build") {
            candidates.append(packageRoot.appendingPathComponent(name).appendingPathComponent("debug"))
        }
        for candidate in candidates {
            let url = candidate.appendingPathComponent("jiaodui")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: url.path) {
                return url
            }
        }
        return nil
    }()

    /// Runs `jiaodui ARGS` in the test's directory; stdout and stderr go through files, so a
    /// large output cannot block the child.
    /// `unprivileged`: as root, the run is made as user `nobody` (through setpriv), so that
    /// permissions apply as they do to everyone else (root reads and writes everything).
    /// `shell`: the arguments are /bin/sh's (to set a limit before running jiaodui).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], unprivileged: Bool = false,
             shell: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let binary = try XCTUnwrap(Self.binary, "the jiaodui executable was not found next to the tests", file: file, line: line)
        let process = Process()
        if shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = arguments
        } else if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env

        let id = UUID().uuidString
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-out-\(id)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-err-\(id)")
        let inURL = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-in-\(id)")
        defer { for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) } }
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try Data((stdin ?? "").utf8).write(to: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try input.close()
        let stdoutData = try Data(contentsOf: outURL)
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: stdoutData, as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                         stdoutBytes: stdoutData)
    }

    /// Writes `text` (UTF-8) to `name` under the test's directory and returns the path relative
    /// to it (the runs' working directory).
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return name
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
    }

    func attributes(_ name: String) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)
    }

    /// The parsed `--format json` output.
    func json(_ result: RunResult, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes)
        return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(result.stdout)", file: file, line: line)
    }
}

/// Short texts the tests lint.
enum Fixture {
    static let clean = "这是一段干净的文字，没有任何问题。\n"
    /// One half-width comma: a warning with a fix.
    static let comma = "今天天气很好,我们去公园散步。\n"
    static let commaFixed = "今天天气很好，我们去公园散步。\n"
    /// A quoted item printed twice after a character outside the BMP: an error with a fix; the
    /// second copy starts at scalar 12, UTF-16 unit 13.
    static let duplicate = "𠮷开展“我为群众办实事”“我为群众办实事”等活动。"
    /// A text that stops mid-sentence: a warning no fix can repair.
    static let truncated = "记者从有关部门获悉，今年全市将新建公园二十个，改造老旧小区一百二十个"
}
