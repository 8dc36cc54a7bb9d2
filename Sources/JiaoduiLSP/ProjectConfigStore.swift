import Foundation
import JiaoduiCore

/// Finds, reads and caches `.jiaodui.yml` files for the server: the nearest one above a document,
/// as the CLI does. A broken file is reported once and then ignored until it changes.
public final class ProjectConfigStore: @unchecked Sendable {
    public static let fileName = ".jiaodui.yml"
    /// The workspace root: where a new configuration is created.
    let root: String?
    private var cache: [String: Loaded?] = [:]
    /// Problems found since the last call of `takeProblems`.
    private var problems: [String] = []

    struct Loaded {
        let path: String
        let config: ProjectConfig
    }

    public init(root: String?) {
        self.root = root
    }

    func invalidate() { cache.removeAll() }

    func takeProblems() -> [String] {
        defer { problems.removeAll() }
        return problems
    }

    /// The configuration that governs the file at `path`, if any.
    func config(for path: String) -> (path: String, config: ProjectConfig)? {
        var dir = (path as NSString).deletingLastPathComponent
        while true {
            if let loaded = load(dir) { return (loaded.path, loaded.config) }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || dir.isEmpty { return nil }
            dir = parent
        }
    }

    /// Where a command that changes the project's settings writes: the governing file if there
    /// is one, else a new file at the workspace root (or beside the document).
    func writableConfigPath(for path: String) -> String {
        if let found = config(for: path) { return found.path }
        let dir = root ?? (path as NSString).deletingLastPathComponent
        return (dir as NSString).appendingPathComponent(Self.fileName)
    }

    func filter(for path: String?) -> FindingFilter {
        guard let path, let found = config(for: path) else { return FindingFilter() }
        let base = (found.path as NSString).deletingLastPathComponent
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        return FindingFilter(config: found.config, path: relative)
    }

    private func load(_ dir: String) -> Loaded? {
        if let cached = cache[dir] { return cached }
        let file = (dir as NSString).appendingPathComponent(Self.fileName)
        var loaded: Loaded?
        if let data = FileManager.default.contents(atPath: file) {
            do {
                let config = try ProjectConfig.parse(String(decoding: data, as: UTF8.self), file: file,
                                                     ruleIDs: Set(RuleRegistry.types.map { $0.id }))
                loaded = Loaded(path: file, config: config)
            } catch {
                problems.append(error.description)
            }
        }
        cache[dir] = .some(loaded)
        return loaded
    }
}
