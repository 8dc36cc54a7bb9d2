import ArgumentParser
import JiaoduiCore

/// `jiaodui rules`: the rules of the pack with their default severity, name and whether they fix.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "列出规则 / list the rules",
        discussion: "每条规则的 id、默认级别、能否自动修正和名称 / each rule's id, default severity, whether it has an automatic fix, and name.")

    @OptionGroup var pack: PackOptions

    func run() throws {
        let rulePack = try pack.loadPack()
        let locale = pack.locale
        let fixable = RuleFacts.fixableRules(in: rulePack)
        let header = locale == .zh ? ["规则", "级别", "自动修正", "名称"] : ["RULE", "SEVERITY", "FIX", "NAME"]
        // One table, so the columns line up across packs; each pack opens with its own heading row.
        var rows = [header]
        var headings: [Int: String] = [:]
        for group in rulePack.packs {
            headings[rows.count] = "\n[\(group.name)] " + RulePack.packTitle(group.name, locale.core)
                + (locale == .zh ? "（\(group.rules.count) 条）" : " (\(group.rules.count))")
            for id in group.rules {
                let spec = rulePack.specs[id]!
                let fix = fixable.contains(id) ? (locale == .zh ? "有" : "yes") : (locale == .zh ? "无" : "no")
                rows.append([id, spec.severity.rawValue, fix, spec.name.text(locale.core)])
            }
        }
        let lines = table(rows)
        var out = ""
        for (k, line) in lines.enumerated() {
            if let heading = headings[k] { out += heading + "\n" }
            out += (k == 0 ? "" : "  ") + line + "\n"
        }
        out += locale == .zh
            ? "\n用 --rules 选择规则包（如 --rules -script），或在 .jiaodui.yml 中写 packs: {script: off}。\n"
            : "\nPick packs with --rules (e.g. --rules -script) or in .jiaodui.yml: packs: {script: off}.\n"
        Console.out(out)
    }

    /// Columns padded to a common display width, two spaces apart.
    private func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<rows[0].count).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell) + 2)
            }.joined()
        }
    }
}
/// What the CLI knows about rules beyond their specs.
enum RuleFacts {
    /// The ids of the pack's rules whose findings carry an automatic fix.
    static func fixableRules(in pack: RulePack) -> Set<String> {
        Set(pack.ruleIDs.filter(pack.isFixable))
    }
}
