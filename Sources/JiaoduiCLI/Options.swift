import ArgumentParser
import Foundation
import JiaoduiCore
import JiaoduiProject

/// `--locale zh|en`.
enum MessageLocaleOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case zh, en
    var core: MessageLocale { self == .zh ? .zh : .en }
}

/// `--format`: text for people, json for programs, the rest for CI systems (see `Formats/`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, sarif, github, rdjson, checkstyle, junit
}

/// `--input-format plain|markdown|html`.
enum InputFormatOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case plain, markdown, html
    var core: SourceFormat { SourceFormat(rawValue: rawValue)! }
}

/// `--fail-on error|warning|info|never`: the lowest severity that makes the exit status 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable, Sendable {
    case error, warning, info, never

    /// Whether a finding of `severity` reaches the threshold.
    func trips(_ severity: Severity) -> Bool {
        switch self {
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .info: return true
        case .never: return false
        }
    }
}

/// Which rule pack and which language: shared by every command that reads rules.
struct PackOptions: ParsableArguments {
    // Unconditional: `--rules -script` hands "-script" to us, not to the option parser.
    @Option(name: .customLong("rules"), parsing: .unconditional, help: ArgumentHelp(
        "规则包选择，逗号分隔：包名只运行这些包（core,punctuation），-包名 关闭一个包（-script），目录则从中读取规则文件（其中所有 *.yml，含子目录）代替内置规则 / pack selection, comma-separated: pack names run only those packs (core,punctuation), -NAME turns one off (-script), a directory loads its rule files (every *.yml, subdirectories included) instead of the built-in ones",
        valueName: "PACKS|DIR"))
    var rulesOption: String?

    @Option(name: .customLong("locale"), help: "提示语言（默认取 .jiaodui.yml 的 locale，否则 zh） / message language (default: the locale of .jiaodui.yml, else zh)")
    var localeOption: MessageLocaleOption?

    /// The language of the command's own output.
    var locale: MessageLocaleOption { localeOption ?? .zh }

    /// The built-in pack or the one in a `--rules` directory, limited to the packs `--rules`
    /// names. Errors are printed and become exit status 2.
    func loadPack() throws(ExitCode) -> RulePack {
        var pack = RulePack.embedded
        var only: Set<String> = []
        var off: Set<String> = []
        for item in (rulesOption ?? "").split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) })
        where !item.isEmpty {
            if item.hasPrefix("-") || item.hasPrefix("+") {
                (item.hasPrefix("-") ? { off.insert(String(item.dropFirst())) } : { only.insert(String(item.dropFirst())) })()
            } else if !RulePack.embedded.packs.contains(where: { $0.name == item }) && (item.contains("/") || InputFiles.isDirectory(item)) {
                pack = try Self.loadDirectory(item)
            } else {
                only.insert(item)
            }
        }
        let known = pack.packs.map(\.name)
        for name in only.union(off) where !known.contains(name) {
            Console.error(L10n("没有名为“\(name)”的规则包；可用：\(known.joined(separator: ", "))",
                               "unknown rule pack “\(name)”; valid packs: \(known.joined(separator: ", "))").both)
            throw ExitStatus.failure
        }
        return pack.selecting(packs: only.isEmpty ? nil : only, excluding: off)
    }

    /// Reads every *.yml under `dir` and checks each rule against its own examples, as the
    /// built-in pack is checked by the tests.
    static func loadDirectory(_ dir: String) throws(ExitCode) -> RulePack {
        let names: [String]
        do {
            names = try InputFiles.listRecursively(dir).filter { $0.hasSuffix(".yml") }.sorted()
        } catch {
            Console.error("\(dir): \(error.message)")
            throw ExitStatus.failure
        }
        guard !names.isEmpty else {
            Console.error("\(dir): " + L10n("目录中没有规则文件（*.yml）", "no rule files (*.yml) in the directory").both)
            throw ExitStatus.failure
        }
        var files: [(name: String, text: String)] = []
        for name in names {
            let path = InputFiles.join(dir, name)
            do {
                files.append((path, try InputFiles.readDocument(path).text))
            } catch {
                Console.error("\(path): \(error.message)")
                throw ExitStatus.failure
            }
        }
        do {
            let pack = try RulePack.load(files: files)
            try ExampleCheck.validate(pack)
            return pack
        } catch {
            Console.error(error.description)
            throw ExitStatus.failure
        }
    }
}

/// The inputs and the exit threshold, shared by `lint` and `fix` (for `fix`, the threshold
/// applies to what is left after fixing; `-` writes the fixed text to stdout).
struct Inputs: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "文件、目录（递归查找 .txt、.md、.markdown、.docx，跳过隐藏目录、.gitignore 与 .jiaodui-ignore 排除的文件和二进制文件）或 -（标准输入） / files, directories (searched for .txt, .md, .markdown and .docx; hidden directories, what .gitignore and .jiaodui-ignore exclude, and binary files skipped) or - for stdin",
        valueName: "PATH"))
    var paths: [String] = []

    @Option(name: .customLong("fail-on"), help: "达到此级别的问题使退出码为 1 / findings at or above this severity make the exit status 1")
    var failOn: FailOn = .warning

    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "按此格式读所有输入（默认按扩展名：.md/.markdown 为 markdown，.html/.htm 为 html，其余及标准输入为 plain） / read every input as this (default by extension: .md/.markdown markdown, .html/.htm html, anything else and stdin plain)",
        valueName: "FORMAT"))
    var inputFormat: InputFormatOption?

    /// How to read `item`: `--input-format`, else by its extension (stdin: plain).
    func format(of item: InputItem) -> SourceFormat {
        if let inputFormat { return inputFormat.core }
        if case .file(let path) = item.source { return SourceFormat(path: path) }
        return .plain
    }

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(L10n("没有给出文件；用 - 读标准输入", "no input given: name files or directories, or - for stdin").both)
        }
    }
}

/// `--rule ID`, repeatable.
struct RuleSelection: ParsableArguments {
    @Option(name: .customLong("rule"), help: ArgumentHelp(
        "只运行这条规则（可重复） / run only this rule (repeatable)", valueName: "ID"))
    var only: [String] = []
}

/// The rule ids `pack` holds that the engine can run, in the engine's order.
func ruleIDs(in pack: RulePack) -> [String] {
    pack.ruleIDs
}

/// Prints the error for an unknown rule id, listing the valid ones.
func reportUnknownRule(_ id: String, pack: RulePack) {
    let valid = ruleIDs(in: pack).joined(separator: ", ")
    Console.error(L10n("没有名为“\(id)”的规则；可用的规则：\(valid)", "unknown rule “\(id)”; valid ids: \(valid)").both)
}

/// Loads the pack and compiles a linter for it, limited to `--rule` when given. Every failure is
/// printed and becomes exit status 2.
func makeLinter(pack options: PackOptions, selection: RuleSelection) throws(ExitCode) -> Linter {
    let pack = try options.loadPack()
    var enabled: Set<String>?
    if !selection.only.isEmpty {
        let valid = Set(ruleIDs(in: pack))
        for id in selection.only where !valid.contains(id) {
            reportUnknownRule(id, pack: pack)
            throw ExitStatus.failure
        }
        enabled = Set(selection.only)
    }
    do {
        return try Linter(pack: pack, enabled: enabled)
    } catch {
        Console.error(error.description)
        throw ExitStatus.failure
    }
}

/// `--jobs N`.
struct JobsOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "同时处理的文件数（默认：处理器数） / files to process at once (default: the number of processors)",
        valueName: "N"))
    var jobs: Int?

    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(L10n("--jobs 须至少为 1", "--jobs must be at least 1").both) }
    }
}

/// What the project configuration governing each input asks (rules off, severities, allowed
/// phrases, locale), with the command line taking precedence: `--locale` over `locale:`, and a
/// rule named with `--rule` runs even if the configuration turns it off.
struct ProjectSettings: Sendable {
    let store = ProjectConfigStore(root: nil)
    let locale: MessageLocaleOption?
    let selected: Set<String>

    init(pack: PackOptions, selection: RuleSelection) {
        locale = pack.localeOption
        selected = Set(selection.only)
    }

    /// The language of the command's own lines (summary, notes): `--locale`, else the locale of
    /// the working directory's project, else Chinese.
    var outputLocale: MessageLocaleOption {
        if let locale { return locale }
        let here = store.config(for: FileManager.default.currentDirectoryPath + "/-")?.config.locale
        return here == .en ? .en : .zh
    }

    /// The path the configuration is looked up for: text on stdin belongs to the project of the
    /// working directory.
    private func path(_ item: InputItem) -> String {
        if case .file(let p) = item.source { return p }
        return FileManager.default.currentDirectoryPath + "/-"
    }

    func filter(for item: InputItem) -> FindingFilter {
        var filter = store.filter(for: path(item))
        if let locale { filter.locale = locale.core }
        filter.disabled.subtract(selected)
        return filter
    }

    /// The linter for `item`: `base` with the parameters its project sets.
    func linter(for item: InputItem, base: Linter) -> Linter { store.linter(for: path(item), base: base) }

    /// `items` without those the project's `ignore:` excludes; a file named on the command line
    /// that is ignored gets a note, so that nobody wonders why it was not checked.
    func included(_ items: [InputItem], named: [String]) -> [InputItem] {
        items.filter { item in
            guard case .file(let p) = item.source, store.ignores(p) else { return true }
            if named.contains(p) {
                Console.err(L10n("\(p)：被 .jiaodui.yml 的 ignore 排除，未检查", "\(p): excluded by ignore in .jiaodui.yml; not checked").text(outputLocale) + "\n")
            }
            return false
        }
    }

    /// Prints every broken configuration file met; true when there was one (exit status 2).
    func reportProblems() -> Bool {
        let problems = store.takeProblems()
        for p in problems { Console.error(p.description) }
        return !problems.isEmpty
    }
}
