import ArgumentParser
import Foundation
import JiaoduiCore
import JiaoduiProject

/// `jiaodui config --print [PATH]`: the settings in effect for a file and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "显示某文件生效的设置及其来源 / show the settings in effect for a file and where each came from")

    @Flag(name: .customLong("print"), help: "打印合并后的设置 / print the merged settings")
    var printSettings = false

    @Argument(help: "文件（默认：当前目录下的文件）/ the file (default: a file in the current directory)")
    var path: String?

    @OptionGroup var pack: PackOptions

    func validate() throws {
        guard printSettings else { throw ValidationError("jiaodui config 需要 --print / jiaodui config needs --print") }
    }

    func run() throws {
        let rulePack = try pack.loadPack()
        let target = path ?? "-"
        let store = ProjectConfigStore(root: nil)
        let found = store.config(for: target)
        let problems = store.takeProblems()
        for problem in problems { Console.error(problem.description) }
        guard problems.isEmpty else { throw ExitStatus.failure }
        Console.out(Self.render(target: target, found: found, pack: rulePack, locale: pack.localeOption))
    }

    static func render(target: String, found: ProjectConfigStore.Loaded?, pack: RulePack, locale: MessageLocaleOption?) -> String {
        let fallback = "默认 / default"
        func at(_ key: String) -> String {
            guard let found, let line = found.config.lines[key] else { return fallback }
            return "\(found.path):\(line)"
        }
        var out = "# \(target) 的设置 / settings for \(target)\n"
        out += found.map { "# 来源 / from: \($0.path)\n" } ?? "# 没有 .jiaodui.yml：全部为默认 / no .jiaodui.yml: all defaults\n"
        let config = found?.config ?? ProjectConfig()
        let relative = found.map { ProjectConfigStore.relative(target, to: $0.path) } ?? target
        if found != nil, config.ignores(relative) { out += "# 此文件被 ignore 排除，不检查 / this file is excluded by ignore: not linted\n" }

        let localeSource = locale != nil ? "--locale" : config.locale != nil ? at("locale") : fallback
        out += "locale: \((locale?.core ?? config.locale ?? .zh).rawValue)  # \(localeSource)\n"

        out += "rules:\n"
        let overrides = config.matchingOverrides(relative)
        for id in ruleIDs(in: pack) {
            var value = pack.spec(id)!.severity.rawValue
            var source = "\(fallback) (\(pack.spec(id)!.source))"
            if let setting = config.rules[id] {
                value = describe(setting, default: value)
                source = at("rules.\(id)")
            }
            for i in overrides {
                if let setting = config.overrides[i].rules[id] {
                    value = describe(setting, default: pack.spec(id)!.severity.rawValue)
                    source = at("overrides[\(i)].rules.\(id)") + " (overrides[\(i)])"
                }
            }
            out += "  \(id): \(value)  # \(source)\n"
        }
        let parameters = config.parameterSettings
        if !parameters.isEmpty, let found {
            out += "parameters:\n"
            for p in parameters { out += "  \(p.rule).\(p.name): \(p.value)  # \(found.path):\(p.line)\n" }
        }
        for (key, list) in [("allow", config.allow), ("ignore", config.ignore)] where !list.isEmpty {
            out += "\(key):  # \(at(key))\n"
            for item in list { out += "  - \(ProjectConfigEditor.quotedForDisplay(item))\n" }
        }
        return out
    }

    private static func describe(_ setting: ProjectConfig.RuleSetting, default severity: String) -> String {
        switch setting {
        case .off: return "off"
        case .on: return severity
        case .severity(let s): return s.rawValue
        }
    }
}
