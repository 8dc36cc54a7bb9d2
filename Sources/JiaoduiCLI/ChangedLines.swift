import Foundation

/// `--diff-base REV`: the lines of each input that changed since a git revision, from
/// `git diff --unified=0 REV -- FILE` (working tree against REV, staged or not). A file git does
/// not track counts as changed throughout, as does stdin. Git runs in each file's directory, so
/// inputs may live in any repository; the revision must exist in each.
struct ChangedLines: Sendable {
    /// Per input path: the changed 1-based line numbers, or nil when the whole file counts.
    private let lines: [String: Set<Int>?]

    /// Whether a finding on lines `first...last` (1-based) touches a changed line.
    func touches(path: String, first: Int, last: Int) -> Bool {
        guard let entry = lines[path] else { return true }
        guard let changed = entry else { return true }
        return (first...max(first, last)).contains { changed.contains($0) }
    }

    /// Asks git about every file among `items`; a directory outside a repository or a revision git
    /// does not know is an error (exit status 2).
    static func collect(since rev: String, items: [InputItem]) throws(InputError) -> ChangedLines {
        guard !rev.hasPrefix("-") else {           // never an option to git
            throw InputError(L10n("--diff-base：“\(rev)”不是修订版本", "--diff-base: “\(rev)” is not a revision").both)
        }
        var roots: [String: String] = [:]          // directory → top level
        var verified: Set<String> = []             // top levels where REV exists
        var lines: [String: Set<Int>?] = [:]
        for item in items {
            guard case .file(let path) = item.source else { continue }
            let (directory, name) = split(path)
            let root: String
            if let known = roots[directory] {
                root = known
            } else {
                let r = git(["rev-parse", "--show-toplevel"], in: directory)
                if r.status == 127 { throw InputError(r.err) }
                guard r.status == 0 else {
                    throw InputError(L10n("--diff-base：\(directory) 不在 git 仓库中",
                                          "--diff-base: \(directory) is not in a git repository").both)
                }
                root = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
                roots[directory] = root
            }
            if !verified.contains(root) {
                guard git(["rev-parse", "--verify", "--quiet", "\(rev)^{commit}"], in: directory).status == 0 else {
                    throw InputError(L10n("--diff-base：仓库 \(root) 中没有修订版本“\(rev)”",
                                          "--diff-base: unknown revision “\(rev)” in the repository \(root)").both)
                }
                verified.insert(root)
            }
            // Names are paths, never patterns: a[1].txt must not also mean a1.txt.
            let tracked = git(["--literal-pathspecs", "ls-files", "--error-unmatch", "--", name], in: directory).status == 0
            guard tracked else {
                lines[path] = .some(nil)
                continue
            }
            let diff = git(["--literal-pathspecs", "diff", "--no-color", "--no-ext-diff", "--unified=0", rev, "--", name],
                           in: directory)
            guard diff.status == 0 else {
                throw InputError(L10n("git diff 失败：\(diff.err)", "git diff failed: \(diff.err)").both)
            }
            // A binary diff (a .docx) has no lines to point at: a changed one counts as changed
            // throughout, an unchanged one not at all.
            if diff.out.contains("\nBinary files ") || diff.out.hasPrefix("Binary files ") || InputFiles.isWordDocument(name) {
                lines[path] = diff.out.isEmpty ? .some([]) : .some(nil)
                continue
            }
            lines[path] = .some(hunkLines(diff.out))
        }
        return ChangedLines(lines: lines)
    }

    /// The new-side lines of a zero-context diff's hunks (`@@ -a,b +c,d @@`): c…c+d-1; a pure
    /// deletion (d = 0) touches the lines on both sides of where the text was.
    static func hunkLines(_ diff: String) -> Set<Int> {
        var changed = Set<Int>()
        for line in diff.split(separator: "\n") where line.hasPrefix("@@ ") {
            guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
            let parts = plus.dropFirst().split(separator: ",")
            guard let start = Int(parts[0]) else { continue }
            let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
            if count == 0 {
                if start > 0 { changed.insert(start) }
                changed.insert(start + 1)
            } else {
                for n in start..<(start + count) { changed.insert(n) }
            }
        }
        return changed
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, String(path[path.index(after: slash)...]))
    }

    private static func git(_ arguments: [String], in directory: String) -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return (127, "", L10n("--diff-base：无法运行 git", "--diff-base: cannot run git").both)
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self),
                String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
