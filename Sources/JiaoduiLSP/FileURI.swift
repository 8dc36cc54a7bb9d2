import Foundation

/// `file://` URIs ↔ paths. Clients percent-encode non-ASCII and spaces; the URI a document was
/// opened with is always echoed back byte for byte, so this is only used to find files on disk.
enum FileURI {
    static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file:") else { return nil }
        var rest = uri.dropFirst("file:".count)
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }  // file://host/path
        }
        guard rest.hasPrefix("/") else { return nil }
        return String(rest).removingPercentEncoding
    }

    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
    }
}
