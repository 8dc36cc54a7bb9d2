import Foundation
import JiaoduiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input could not be read; `message` is bilingual and does not repeat the path.
struct InputError: Error, Sendable {
    let message: String

    init(_ message: String) { self.message = message }

    init(errno code: Int32) {
        switch code {
        case ENOENT: message = L10n("没有这个文件或目录", "no such file or directory").both
        case EACCES, EPERM: message = L10n("没有权限", "permission denied").both
        case ENOTDIR: message = L10n("不是目录", "not a directory").both
        case EISDIR: message = L10n("是目录", "is a directory").both
        default:
            let reason = String(cString: strerror(code))
            message = L10n("无法读取（\(reason)）", "cannot read: \(reason)").both
        }
    }

    static func invalidUTF8(at byte: Int) -> InputError {
        InputError(L10n("不是有效的 UTF-8（第 \(byte) 字节）", "not valid UTF-8 at byte \(byte)").both)
    }
}

/// One input, in command-line order: a file (named or found in a directory), stdin, or a path that
/// could not be expanded.
struct InputItem: Sendable {
    enum Source: Sendable {
        case file(String)
        case stdin
        case failed(InputError)
    }
    /// The path as reported (`<stdin>` for `-`).
    let path: String
    let source: Source
}

/// Turns the command line's paths into inputs and reads them.
enum InputFiles {
    static let stdinName = "<stdin>"
    /// What a directory walk picks up.
    static let extensions: Set<String> = ["txt", "md", "markdown", "docx"]

    /// Files as given (whatever their extension), directories walked recursively for `.txt`, `.md`,
    /// `.markdown` and `.docx` files (hidden files and directories, `.build` among them, what the
    /// ignore files exclude and binary files skipped), `-` for stdin.
    static func expand(_ arguments: [String]) -> [InputItem] {
        var items: [InputItem] = []
        for argument in arguments {
            if argument == "-" {
                items.append(InputItem(path: stdinName, source: .stdin))
                continue
            }
            switch fileKind(argument, followLinks: true) {
            case .failure(let error):
                items.append(InputItem(path: argument, source: .failed(error)))
            case .success(.directory):
                var ignore = IgnoreFiles.above(argument)
                walk(argument, ignore: &ignore, into: &items)
            case .success:
                if isBinary(argument) {
                    noteSkipped(argument)
                } else {
                    items.append(InputItem(path: argument, source: .file(argument)))
                }
            }
        }
        return items
    }

    /// Walks `directory` in name order, honouring the ignore files on the way.
    private static func walk(_ directory: String, ignore: inout IgnoreFiles, into items: inout [InputItem]) {
        let names: [String]
        do {
            names = try list(directory)
        } catch {
            items.append(InputItem(path: directory, source: .failed(error)))
            return
        }
        let outer = ignore
        ignore.read(directory)
        defer { ignore = outer }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = join(directory, name)
            switch fileKind(path, followLinks: false) {
            case .success(.directory):
                if !ignore.ignores(path, isDirectory: true) { walk(path, ignore: &ignore, into: &items) }
            case .success(.symlink), .success(.regular):
                // A link to a file counts; links to directories are not followed (no cycles).
                guard case .success(.regular) = fileKind(path, followLinks: true), wanted(name),
                      !ignore.ignores(path, isDirectory: false) else { continue }
                if isBinary(path) {
                    noteSkipped(path)
                } else {
                    items.append(InputItem(path: path, source: .file(path)))
                }
            case .success(.other), .failure:
                continue
            }
        }
    }

    /// A NUL byte in the first 8 KB: a binary file (an image, a PDF) that happens to be named
    /// like text. (Git decides the same way.)
    static func isBinary(_ path: String) -> Bool {
        guard !isWordDocument(path) else { return false }
        // Plain read(2) into an array: a directory walk asks this of every file before any is
        // linted, so it is serial time (Data's byte-by-byte iteration showed in profiles).
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8192)
        var count = 0
        while count < head.count {
            let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            count += n
        }
        let bytes = head[..<count]
        // UTF-16 text (Notepad's "Unicode") is full of NULs but is text: reading it reports the
        // encoding instead of skipping it unseen.
        return bytes.contains(0) && !isUTF16(bytes.prefix(2))
    }

    /// A UTF-16 byte-order mark, either order.
    static func isUTF16<C: Collection>(_ head: C) -> Bool where C.Element == UInt8 {
        let b = Array(head)
        return b.count == 2 && (b == [0xFF, 0xFE] || b == [0xFE, 0xFF])
    }

    private static func noteSkipped(_ path: String) {
        Console.err(L10n("\(path)：二进制文件，已跳过", "\(path): binary file, skipped").both + "\n")
    }

    private static func wanted(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// `dir/name` without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    enum Kind { case regular, directory, symlink, other }

    static func fileKind(_ path: String, followLinks: Bool) -> Result<Kind, InputError> {
        var st = stat()
        let rc = followLinks ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return .failure(InputError(errno: errno)) }
        switch UInt32(st.st_mode) & 0o170000 {
        case 0o040000: return .success(.directory)
        case 0o100000: return .success(.regular)
        case 0o120000: return .success(.symlink)
        default: return .success(.other)
        }
    }

    /// The names in a directory, `.` and `..` left out.
    static func list(_ directory: String) throws(InputError) -> [String] {
        guard let dir = opendir(directory) else { throw InputError(errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The paths (relative to `directory`) of the regular files below it, hidden entries left out;
    /// symbolic links are not followed, so a loop cannot trap the walk.
    static func listRecursively(_ directory: String, prefix: String = "") throws(InputError) -> [String] {
        var out: [String] = []
        for name in try list(join(directory, prefix)).sorted() where !name.hasPrefix(".") {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            switch fileKind(join(directory, relative), followLinks: false) {
            case .success(.directory): out += try listRecursively(directory, prefix: relative)
            case .success(.regular): out.append(relative)
            default: continue
            }
        }
        return out
    }

    static func isDirectory(_ path: String) -> Bool {
        if case .success(.directory) = fileKind(path, followLinks: true) { return true }
        return false
    }

    /// The bytes of a file.
    static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return try readAll(fd) }
        if UInt32(st.st_mode) & 0o170000 == 0o040000 { throw InputError(errno: EISDIR) }
        return try readAll(fd, expected: Int(st.st_size))
    }

    /// Everything on stdin.
    static func readStdin() throws(InputError) -> [UInt8] { try readAll(0) }

    /// `expected`: the size the file has now (storage for it is taken at once, not grown by copies).
    private static func readAll(_ fd: Int32, expected: Int = 0) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, expected) + 1)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(errno: errno)
            }
            bytes.append(contentsOf: buffer[0..<n])
        }
    }

    /// Strict UTF-8 decoding, the error naming the byte offset of the first bad byte.
    static func decode(_ bytes: [UInt8]) throws(InputError) -> TextDocument {
        if isUTF16(bytes.prefix(2)) {
            throw InputError(L10n("是 UTF-16 编码的文本；请另存为 UTF-8", "is UTF-16 text; save it as UTF-8").both)
        }
        do {
            return try TextDocument(utf8: bytes)
        } catch {
            throw InputError.invalidUTF8(at: error.byteOffset)
        }
    }

    static func readDocument(_ path: String) throws(InputError) -> TextDocument {
        if isWordDocument(path) { return TextDocument(try DocxReader.text(of: path)) }
        return try decode(try readBytes(path))
    }

    /// A `.docx` file: read through `DocxReader`, never written.
    static func isWordDocument(_ path: String) -> Bool { path.lowercased().hasSuffix(".docx") }
}

/// An input read and decoded, or why it could not be.
struct LoadedInput: Sendable {
    let item: InputItem
    let document: Result<TextDocument, InputError>

    var path: String { item.path }

    /// Reads `item`. Stdin is read once by the caller (`readStdinIfNeeded`) and passed in.
    static func load(_ item: InputItem, stdin: Result<[UInt8], InputError>?) -> LoadedInput {
        let result: Result<TextDocument, InputError>
        switch item.source {
        case .failed(let error):
            result = .failure(error)
        case .stdin:
            result = (stdin ?? .success([])).flatMap { bytes in
                Result { () throws(InputError) -> TextDocument in try InputFiles.decode(bytes) }
            }
        case .file(let path):
            result = Result { () throws(InputError) -> TextDocument in try InputFiles.readDocument(path) }
        }
        return LoadedInput(item: item, document: result)
    }

    /// Stdin's bytes when one of `items` is `-`.
    static func readStdinIfNeeded(_ items: [InputItem]) -> Result<[UInt8], InputError>? {
        guard items.contains(where: { if case .stdin = $0.source { true } else { false } }) else { return nil }
        return Result { () throws(InputError) -> [UInt8] in try InputFiles.readStdin() }
    }
}
