import Foundation
import JiaoduiCore

/// The findings a project has accepted for now (`--write-baseline FILE`, `--baseline FILE`). The
/// file is JSON, entries sorted by path, rule, context and occurrence, one per line:
///
///     {"findings":[
///     {"context":"…群众办实事”⟦“我为群众办实事”⟧等活动。","occurrence":0,"path":"a.txt","rule":"duplicate-phrase"}
///     ],"tool":"jiaodui","version":1}
///
/// An entry is a `FindingFingerprint` (rule, the finding's text and 8 characters each side with
/// whitespace removed, occurrence index among identical contexts) and the path as given on the
/// command line (`./` dropped). No line numbers: adding or removing paragraphs elsewhere keeps
/// every entry valid; editing the text around a finding makes it new.
struct Baseline: Sendable {
    struct Entry: Hashable, Comparable, Sendable {
        let path: String
        let fingerprint: FindingFingerprint

        init(path: String, fingerprint: FindingFingerprint) {
            self.path = Baseline.normalize(path)
            self.fingerprint = fingerprint
        }

        static func < (a: Entry, b: Entry) -> Bool { (a.path, a.fingerprint) < (b.path, b.fingerprint) }
    }

    let entries: Set<Entry>

    func contains(_ entry: Entry) -> Bool { entries.contains(entry) }

    static func normalize(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2).drop { $0 == "/" } }
        return String(p)
    }

    /// The file's text for `entries`.
    static func render(_ entries: [Entry]) -> String {
        let lines = entries.sorted().map { e in
            JSONText.object([
                ("context", .string(e.fingerprint.context)),
                ("occurrence", .int(e.fingerprint.occurrence)),
                ("path", .string(e.path)),
                ("rule", .string(e.fingerprint.rule)),
            ]).text
        }
        return "{\"findings\":[\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n")
            + "],\"tool\":\"jiaodui\",\"version\":1}\n"
    }

    /// Reads a baseline file; the error says what is wrong with it (the caller adds the path).
    static func read(_ path: String) throws(InputError) -> Baseline {
        let bytes = try InputFiles.readBytes(path)
        func bad(_ zh: String, _ en: String) -> InputError {
            InputError(L10n("不是有效的基线文件：\(zh)", "not a valid baseline file: \(en)").both)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) else {
            throw bad("不是 JSON", "not JSON")
        }
        guard let root = object as? [String: Any] else { throw bad("顶层应是对象", "the top level must be an object") }
        guard (root["version"] as? NSNumber)?.intValue == 1 else {
            throw bad("version 应为 1", "version must be 1")
        }
        guard let findings = root["findings"] as? [Any] else {
            throw bad("缺少 findings 数组", "no findings array")
        }
        var entries = Set<Entry>()
        for (i, item) in findings.enumerated() {
            guard let f = item as? [String: Any],
                  let rule = f["rule"] as? String, let filePath = f["path"] as? String,
                  let context = f["context"] as? String,
                  let occurrence = f["occurrence"] as? NSNumber,
                  occurrence.intValue >= 0, Double(occurrence.intValue) == occurrence.doubleValue else {
                throw bad("findings 第 \(i + 1) 项须有 rule、path、context（字符串）和 occurrence（非负整数）",
                          "findings[\(i)] needs rule, path, context (strings) and occurrence (an integer ≥ 0)")
            }
            entries.insert(Entry(path: filePath, fingerprint: FindingFingerprint(
                rule: rule, context: context, occurrence: occurrence.intValue)))
        }
        return Baseline(entries: entries)
    }

    /// Writes `entries` to `path` (replaced whole, never half-written).
    static func write(_ entries: [Entry], to path: String) throws(InputError) {
        do {
            try Data(render(entries).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedDescription
            throw InputError(L10n("无法写入（\(reason)）", "cannot write: \(reason)").both)
        }
    }
}
