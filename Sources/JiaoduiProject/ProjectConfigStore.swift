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
    private var cache: [String: Entry] = [:]

    /// What a directory held when it was last looked at: the file's identity and what it said.
    private struct Entry {
        let stamp: Stamp?
        let loaded: Loaded?
    }

    /// Enough of `stat` to notice an edit, a replacement or a removal made by anyone.
    private struct Stamp: Equatable {
        let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

        init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            #if canImport(Darwin)
            seconds = st.st_mtimespec.tv_sec
            nanoseconds = st.st_mtimespec.tv_nsec
            #else
            seconds = st.st_mtim.tv_sec
            nanoseconds = st.st_mtim.tv_nsec
            #endif
        }
    }
    private var problems: [RulePackError] = []
    /// Linters with a configuration's rule parameters, by configuration file.
    private var linters: [String: Linter] = [:]

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
        linters.removeAll()
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

    /// The configuration a command that changes the project's settings edits: the governing file
    /// if there is one, else a new file at the workspace root when the document lies under it,
    /// else beside the document. (Write through `resolved`, so that a symbolic link stays one.)
    public func configPathToEdit(for path: String) -> String {
        if let found = config(for: path) { return found.path }
        let dir = (path as NSString).deletingLastPathComponent
        if let root, Self.resolved(dir) == Self.resolved(root) || Self.resolved(dir).hasPrefix(Self.resolved(root) + "/") {
            return (root as NSString).appendingPathComponent(Self.fileName)
        }
        return (dir as NSString).appendingPathComponent(Self.fileName)
    }

    /// `path` with symbolic links resolved (itself when it does not exist).
    public static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// What the governing configuration asks of the findings in the file at `path`.
    public func filter(for path: String?) -> FindingFilter {
        guard let path, let found = config(for: path) else { return FindingFilter() }
        return FindingFilter(config: found.config, path: Self.relative(path, to: found.path))
    }

    /// Whether the governing configuration's `ignore:` excludes the file at `path`.
    public func ignores(_ path: String) -> Bool {
        guard let found = config(for: path) else { return false }
        return found.config.ignores(Self.relative(path, to: found.path))
    }

    /// The linter for the file at `path`: `base`, or `base` with the rule parameters the governing
    /// configuration sets. A wrong parameter is reported (`takeProblems`) and `base` used.
    public func linter(for path: String?, base: Linter) -> Linter {
        guard let path, let found = config(for: path), found.config.hasParameters else { return base }
        lock.lock()
        if let cached = linters[found.path] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let result: Linter
        var problem: RulePackError?
        do {
            result = try found.config.linter(base: base, file: found.path)
        } catch {
            problem = error
            result = base
        }
        lock.lock()
        defer { lock.unlock() }
        if let problem, linters[found.path] == nil { problems.append(problem) }
        linters[found.path] = result
        return result
    }

    /// `path` relative to the directory of the configuration file at `configPath`.
    public static func relative(_ path: String, to configPath: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let base = (configPath as NSString).deletingLastPathComponent
        return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
    }

    /// The configuration in `dir`, read again whenever the file changed on disk (an editor, git,
    /// a colleague), so that no restart is needed.
    private func load(_ dir: String) -> Loaded? {
        let file = (dir as NSString).appendingPathComponent(Self.fileName)
        let stamp = Stamp(file)
        lock.lock()
        if let cached = cache[dir], cached.stamp == stamp {
            lock.unlock()
            return cached.loaded
        }
        lock.unlock()
        var loaded: Loaded?
        var problem: RulePackError?
        if stamp != nil, let data = FileManager.default.contents(atPath: file) {
            do {
                let config = try ProjectConfig.parse(String(decoding: data, as: UTF8.self), file: file,
                                                     ruleIDs: Set(RuleRegistry.knownIDs))
                loaded = Loaded(path: file, config: config)
            } catch {
                problem = error
            }
        }
        lock.lock()
        defer { lock.unlock() }
        if let problem { problems.append(problem) }
        cache[dir] = Entry(stamp: stamp, loaded: loaded)
        linters[file] = nil  // the file changed: its parameters may have too
        return loaded
    }
}
