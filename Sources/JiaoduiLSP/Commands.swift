import Foundation
import JiaoduiCore
import JiaoduiProject
import LSPProtocol

/// Commands the server carries out itself (never left to the client, which Neovim or Emacs would
/// not know): each writes the project's `.jiaodui.yml` and re-lints every open document.
enum ServerCommand: String, CaseIterable {
    /// Arguments: document URI, phrase.
    case allow = "jiaodui.allow"
    /// Arguments: document URI, rule id.
    case disableRuleInFile = "jiaodui.disableRuleInFile"
    /// Arguments: document URI, rule id.
    case disableRuleInProject = "jiaodui.disableRuleInProject"
}

extension LanguageServer {
    func executeCommand(_ params: ExecuteCommandParams) throws(ResponseError) -> JSONValue? {
        guard let command = ServerCommand(rawValue: params.command) else {
            throw ResponseError(code: ErrorCode.invalidParams,
                                message: "unknown command \(params.command); known: \(ServerCommand.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let args = params.arguments ?? []
        guard args.count == 2, let uri = args[0].stringValue, let value = args[1].stringValue, !value.isEmpty else {
            throw ResponseError(code: ErrorCode.invalidParams, message: "\(command.rawValue) takes two strings: a document URI and a \(command == .allow ? "phrase" : "rule id")")
        }
        guard let path = FileURI.path(uri) else {
            throw ResponseError(code: ErrorCode.invalidParams, message: "\(uri) is not a file: URI; the setting has no project file to go to")
        }
        if command != .allow, RuleRegistry.type(value) == nil {
            throw ResponseError(code: ErrorCode.invalidParams, message: "no rule named \(value)")
        }
        let configPath = projectConfig.configPathToEdit(for: path)
        let target = ProjectConfigStore.resolved(configPath)
        let existing = FileManager.default.contents(atPath: target).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let updated: String
        do {
            switch command {
            case .allow:
                updated = try ProjectConfigEditor.allowing(value, in: existing)
            case .disableRuleInProject:
                updated = try ProjectConfigEditor.settingRule(value, to: "off", in: existing)
            case .disableRuleInFile:
                updated = try ProjectConfigEditor.disablingRule(value, forFile: ProjectConfigStore.relative(path, to: configPath),
                                                                in: existing)
            }
            // Never write a file the CLI would then refuse.
            _ = try ProjectConfig.parse(updated, file: configPath, ruleIDs: Set(RuleRegistry.knownIDs))
            try Data(updated.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch let e as ProjectConfigEditor.Refused {
            throw ResponseError(code: ErrorCode.requestFailed, message: "\(configPath): \(e.message)")
        } catch {
            throw ResponseError(code: ErrorCode.requestFailed, message: "\(configPath): \(error)")
        }
        projectConfig.invalidate()
        guard projectConfig.config(for: path)?.path == configPath else {
            throw ResponseError(code: ErrorCode.requestFailed,
                                message: "\(configPath) was written but does not govern \(path); move the setting by hand")
        }
        showMessage(MessageType.info, "jiaodui: \(configPath) ← \(command.rawValue) \(value)")
        relintAll()
        return nil
    }

    /// Shows each broken `.jiaodui.yml` (once per change of the file).
    func reportProjectProblems() {
        for problem in projectConfig.takeProblems() {
            log(problem.description)
            showMessage(MessageType.error, "jiaodui: \(problem.description)")
        }
    }

    /// The linter for a document: the rule parameters its project's configuration sets.
    func documentLinter(_ uri: String) -> Linter {
        projectConfig.linter(for: FileURI.path(uri), base: linter)
    }

    /// The filter for a document: its project's configuration, then the editor's settings. A file
    /// the project ignores gets no findings.
    func findingFilter(_ uri: String) -> FindingFilter {
        let path = FileURI.path(uri)
        var filter = projectConfig.filter(for: path)
        if let path, projectConfig.ignores(path) { filter.disabled = Set(RuleRegistry.knownIDs) }
        reportProjectProblems()
        if let locale = settings.locale { filter.locale = locale }
        filter.set(settings.rules)
        return filter
    }
}
