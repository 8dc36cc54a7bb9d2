#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents so that a reader sees either the old text or the new, never half:
/// a temporary file in the same directory gets the bytes and the original's permissions (and
/// owner, where allowed), is fsync'ed and renamed over the original. A symlink is followed: the
/// file it points to is replaced and the link stays.
///
/// When anything fails (a full disk, a read-only directory, a file size limit) the temporary file
/// is removed and the original is untouched. With `expecting`, the file must still hold those
/// bytes just before the rename: a file someone changed while it was being fixed is left as they
/// left it, and the fix is reported as not written.
enum AtomicWrite {
    static func replace(_ path: String, with bytes: [UInt8], expecting original: [UInt8]? = nil) throws(InputError) {
        guard let resolved = realpath(path, nil) else { throw InputError(errno: errno) }
        let target = String(cString: resolved)
        free(resolved)

        var st = stat()
        guard stat(target, &st) == 0 else { throw InputError(errno: errno) }
        let slash = target.lastIndex(of: "/")!
        let directory = slash == target.startIndex ? "/" : String(target[..<slash])
        let name = String(target[target.index(after: slash)...])

        var template = Array("\(directory == "/" ? "" : directory)/.\(name).jiaodui-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw writeError(errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }

        func fail(_ code: Int32) -> InputError {
            close(fd)
            unlink(temporary)
            return writeError(code)
        }

        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            done += n
        }
        guard fchmod(fd, st.st_mode & 0o7777) == 0 else { throw fail(errno) }
        _ = fchown(fd, st.st_uid, st.st_gid)  // keeps the owner when allowed (root); harmless otherwise
        guard fsync(fd) == 0 else { throw fail(errno) }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw writeError(code)
        }
        if let original {
            let now: [UInt8]
            do {
                now = try InputFiles.readBytes(target)
            } catch {
                unlink(temporary)
                throw error
            }
            guard now == original else {
                unlink(temporary)
                throw InputError(L10n("在修正期间被改动，未写入；请重新运行", "changed while being fixed, not written; run fix again").both)
            }
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw writeError(code)
        }
        // Make the rename itself durable.
        let dirFD = open(directory, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    private static func writeError(_ code: Int32) -> InputError {
        let reason = String(cString: strerror(code))
        return InputError(L10n("无法写入（\(reason)）", "cannot write: \(reason)").both)
    }
}
