import Foundation
import JiaoduiCore

/// `.gitignore` and `.jiaodui-ignore` files met on a directory walk (and above its start, up to the
/// repository root), with git's rules: blank lines and `#` comments skipped, `!` re-includes, a
/// trailing `/` matches directories only, a pattern with a `/` elsewhere is anchored to the file's
/// directory, one without matches a name at any depth; the last matching line decides.
struct IgnoreFiles {
    static let names = [".gitignore", ".jiaodui-ignore"]

    private struct Pattern {
        let base: String
        let glob: String
        let negated: Bool
        let directoryOnly: Bool
    }

    private var patterns: [Pattern] = []

    /// The rules that apply at `directory` from the directories above it: up to the one holding
    /// `.git`, or to the root when there is none.
    static func above(_ directory: String) -> IgnoreFiles {
        var chain: [String] = []
        var dir = absolute(directory)
        while true {
            let parent = (dir as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) || parent == dir { break }
            dir = parent
            chain.append(dir)
        }
        var rules = IgnoreFiles()
        for d in chain.reversed() { rules.read(d) }
        return rules
    }

    /// Adds the ignore files in `directory`, which apply below it.
    mutating func read(_ directory: String) {
        let base = Self.absolute(directory)
        for name in Self.names {
            guard let data = FileManager.default.contents(atPath: (base as NSString).appendingPathComponent(name)) else { continue }
            for raw in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
                var line = Substring(raw)
                while line.last == " " && !line.hasSuffix("\\ ") { line.removeLast() }
                guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                let negated = line.hasPrefix("!")
                if negated { line.removeFirst() }
                if line.hasPrefix("\\") { line.removeFirst() }  // \# and \! are literal
                let directoryOnly = line.hasSuffix("/")
                if directoryOnly { line.removeLast() }
                guard !line.isEmpty else { continue }
                // Anchored when a slash is left anywhere; else a name at any depth.
                let glob = line.contains("/") ? "/" + line.drop { $0 == "/" } : String(line)
                patterns.append(Pattern(base: base, glob: glob, negated: negated, directoryOnly: directoryOnly))
            }
        }
    }

    func ignores(_ path: String, isDirectory: Bool) -> Bool {
        // Most trees have no ignore file: then no path is resolved (a walk asks this of every file).
        guard !patterns.isEmpty else { return false }
        let full = Self.absolute(path)
        var ignored = false
        for p in patterns where !p.directoryOnly || isDirectory {
            guard full.hasPrefix(p.base == "/" ? "/" : p.base + "/") else { continue }
            let relative = String(full.dropFirst(p.base == "/" ? 1 : p.base.count + 1))
            if Glob.matches(p.glob, relative) { ignored = !p.negated }
        }
        return ignored
    }

    private static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (joined as NSString).standardizingPath
    }
}
