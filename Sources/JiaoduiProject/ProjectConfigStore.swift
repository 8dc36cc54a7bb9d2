import Foundation
import JiaoduiCore

/// Finds, reads and caches `.jiaodui.yml` files: the nearest one in the file's directory or
/// above it governs the file (as `.editorconfig` and `.swiftlint.yml` do). Shared by the CLI and
/// the language server so that both see the same settings. Safe to use from several threads.
public final class ProjectConfigStore: @unchecked Sendable {
    public static let fileName = ".jiaodui.yml"
    /// The workspace root: where a new configuration is created when none governs a file.
    public let root: String?
    private let lock = NSLock()
    private var cache: [String: Loaded?] = [:]
    private var problems: [RulePackError] = []

    public struct Loaded: Sendable {
        public let path: String
        public let config: ProjectConfig
    }

    public init(root: String?) {
        self.root = root
    }

    /// Forgets what was read, after a configuration file changed.
    public func invalidate() {
        lock.lock()
        defer { lock.unlock() }
        cache.removeAll()
    }

    /// Broken configuration files met since the last call. A broken file is reported once and then
    /// treated as absent until `invalidate`.
    public func takeProblems() -> [RulePackError] {
        lock.lock()
        defer { lock.unlock() }
        defer { problems.removeAll() }
        return problems
    }

    /// The configuration that governs the file at `path`, if any.
    public func config(for path: String) -> Loaded? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var dir = (absolute as NSString).deletingLastPathComponent
        while true {
            if let loaded = load(dir) { return loaded }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || dir.isEmpty { return nil }
            dir = parent
        }
    }

    /// Where a command that changes the project's settings writes: the governing file if there is
    /// one, else a new file at the workspace root (or beside the document).
    public func writableConfigPath(for path: String) -> String {
        if let found = config(for: path) { return found.path }
        let dir = root ?? (path as NSString).deletingLastPathComponent
        return (dir as NSString).appendingPathComponent(Self.fileName)
    }

    /// What the governing configuration asks of the findings in the file at `path`.
    public func filter(for path: String?) -> FindingFilter {
        guard let path, let found = config(for: path) else { return FindingFilter() }
        return FindingFilter(config: found.config, path: Self.relative(path, to: found.path))
    }

    /// `path` relative to the directory of the configuration file at `configPath`.
    public static func relative(_ path: String, to configPath: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let base = (configPath as NSString).deletingLastPathComponent
        return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
    }

    private func load(_ dir: String) -> Loaded? {
        lock.lock()
        if let cached = cache[dir] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let file = (dir as NSString).appendingPathComponent(Self.fileName)
        var loaded: Loaded?
        var problem: RulePackError?
        if let data = FileManager.default.contents(atPath: file) {
            do {
                let config = try ProjectConfig.parse(String(decoding: data, as: UTF8.self), file: file,
                                                     ruleIDs: Set(RuleRegistry.types.map { $0.id }))
                loaded = Loaded(path: file, config: config)
            } catch {
                problem = error
            }
        }
        lock.lock()
        defer { lock.unlock() }
        if cache[dir] == nil, let problem { problems.append(problem) }
        cache[dir] = .some(loaded)
        return loaded
    }
}
