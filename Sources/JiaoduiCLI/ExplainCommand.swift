import ArgumentParser
import JiaoduiCore

/// `jiaodui explain RULE`: what a rule looks for, with its examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "说明一条规则 / explain a rule",
        discussion: "显示规则的名称、说明和示例；错误示例中的 ↓ 标出问题的起止 / shows the rule's name, description and examples; ↓ in a bad example marks where the finding starts and ends.")

    @Argument(help: ArgumentHelp("规则 id（见 jiaodui rules） / a rule id (see jiaodui rules)", valueName: "RULE"))
    var rule: String

    @OptionGroup var pack: PackOptions

    func run() throws {
        let rulePack = try pack.loadPack()
        guard ruleIDs(in: rulePack).contains(rule), let spec = rulePack.spec(rule) else {
            reportUnknownRule(rule, pack: rulePack)
            throw ExitStatus.failure
        }
        let locale = pack.locale
        let hasFix = RuleFacts.fixableRules(in: rulePack).contains(rule)
        func t(_ zh: String, _ en: String) -> String { L10n(zh, en).text(locale) }

        var out = "\(spec.id) — \(spec.name.text(locale.core))\n"
        out += t("级别：", "Severity: ") + spec.severity.rawValue
        out += hasFix ? t("；可自动修正（jiaodui fix）", "; has an automatic fix (jiaodui fix)") : t("；无自动修正", "; no automatic fix")
        out += "\n" + t("规则包：", "Pack: ") + spec.pack + " — " + RulePack.packTitle(spec.pack, locale.core)
            + (spec.kind.map { t("；类型：", "; kind: ") + $0 } ?? "") + "\n"
        let description = spec.description.text(locale.core)
        if !description.isEmpty { out += "\n\(description)\n" }

        if !spec.examples.bad.isEmpty {
            out += "\n" + t("错误示例（↓ 标出问题的起止，⏎ 表示换行）：", "Bad examples (↓ marks where a finding starts and ends, ⏎ is a line break):") + "\n"
            for example in spec.examples.bad {
                out += "  ✗ \(oneLine(example.text))\n"
                if let fixed = example.fixed {
                    out += "    " + t("修正为：", "Fixed: ") + oneLine(fixed) + "\n"
                }
            }
        }
        if !spec.examples.good.isEmpty {
            out += "\n" + t("正确示例（不报告）：", "Good examples (not reported):") + "\n"
            for example in spec.examples.good {
                out += "  ✓ \(oneLine(example))\n"
            }
        }
        Console.out(out)
    }

    /// An example on one line, its line breaks shown as ⏎.
    private func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
    }
}
