import ArgumentParser
import Foundation
import JiaoduiCore
import JiaoduiProject

/// `jiaodui init`: writes a commented starter `.jiaodui.yml` into the current directory.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "在当前目录写一份带注释的 .jiaodui.yml / write a commented starter .jiaodui.yml here")

    @Flag(help: "覆盖已有的文件 / replace an existing file")
    var force = false

    @OptionGroup var pack: PackOptions

    func run() throws {
        let path = ProjectConfigStore.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            Console.error(L10n("\(path) 已存在；要覆盖请加 --force", "\(path) exists; add --force to replace it").text(pack.locale))
            throw ExitStatus.failure
        }
        let text = Self.starter(pack: try pack.loadPack())
        do {
            if FileManager.default.fileExists(atPath: path) {
                try AtomicWrite.replace(path, with: Array(text.utf8))
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            }
        } catch let error as InputError {
            Console.error("\(path): \(error.message)")
            throw ExitStatus.failure
        } catch {
            Console.error("\(path): \(error.localizedDescription)")
            throw ExitStatus.failure
        }
        Console.err(L10n("已写入 \(path)", "wrote \(path)").text(pack.locale) + "\n")
    }

    /// Every setting, commented out, with the rules of `pack` and their default severities.
    static func starter(pack: RulePack) -> String {
        var out = """
            # jiaodui 项目设置 / project settings. 离文件最近的 .jiaodui.yml 生效（逐级向上查找）。
            # The nearest .jiaodui.yml above a file applies. Uncomment what you need.

            # 提示语言 / message language: zh | en
            # locale: zh

            # 规则包：整包开关或改级别 / rule packs: on | off | error | warning | info for all their rules
            # packs:

            """
        for group in pack.packs {
            out += "#   \(group.name): on    # \(RulePack.packTitle(group.name, .zh))\n"
        }
        out += """

            # 规则：on | off | error | warning | info，或写成 severity + parameters
            # Rules: on | off | error | warning | info, or the long form with parameters
            # (参数名见 jiaodui explain RULE / parameter names: jiaodui explain RULE)
            # rules:

            """
        for id in ruleIDs(in: pack) {
            out += "#   \(id): \(pack.spec(id)!.severity.rawValue)\n"
        }
        out += """
            #   duplicate-phrase:
            #     severity: warning
            #     parameters:
            #       min_han: 4

            # 永不报告的词语 / words and phrases never flagged
            # allow:
            #   - 我为群众办实事

            # 不检查的文件（相对本文件的 glob：* ? **）/ files never linted (globs relative to this file)
            # ignore:
            #   - "archive/**"

            # 部分文件的规则设置 / rule settings for some files
            # overrides:
            #   - files: ["drafts/**", "*.md"]
            #     rules:
            #       truncated-sentence: off

            """
        return out
    }
}
