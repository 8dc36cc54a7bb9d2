import ArgumentParser
import JiaoduiCore

/// The CI gate of `lint`: a baseline of accepted findings, only lines changed since a revision,
/// and a ceiling on the error rate.
struct GateOptions: ParsableArguments {
    @Option(name: .customLong("baseline"), help: ArgumentHelp(
        "不报告 FILE 中记录的问题，只有新问题才使退出码为 1 / leave out the findings recorded in FILE; only new ones count",
        valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "把现有问题写入基线 FILE（JSON），退出码 0 / write the current findings to the baseline FILE (JSON) and exit 0",
        valueName: "FILE"))
    var writeBaseline: String?

    @Option(name: .customLong("diff-base"), help: ArgumentHelp(
        "只报告涉及自 git 修订版本 REV 以来改动过的行的问题（未跟踪的文件算全部改动） / report only findings on lines changed since the git revision REV (untracked files count as changed throughout)",
        valueName: "REV"))
    var diffBase: String?

    @Option(name: .customLong("max-error-rate"), help: ArgumentHelp(
        "差错率（每万字 error+warning 数）超过 N 时退出码为 1 / exit status 1 when the error rate (errors and warnings per 10,000 characters) exceeds N",
        valueName: "N"))
    var maxErrorRate: Double?

    func validate() throws {
        if let n = maxErrorRate, !(n >= 0) || !n.isFinite {
            throw ValidationError(L10n("--max-error-rate 须为非负数", "--max-error-rate must be a number ≥ 0").both)
        }
    }

    /// Reads the baseline and asks git about the inputs; errors are printed and become exit status 2.
    func load(_ items: [InputItem]) throws(ExitCode) -> Gate {
        var recorded: Baseline?
        if let path = baseline {
            do {
                recorded = try Baseline.read(path)
            } catch {
                Console.error("\(path): \(error.message)")
                throw ExitStatus.failure
            }
        }
        var changed: ChangedLines?
        if let rev = diffBase {
            do {
                changed = try ChangedLines.collect(since: rev, items: items)
            } catch {
                Console.error(error.message)
                throw ExitStatus.failure
            }
        }
        return Gate(baseline: recorded, changed: changed, writeTo: writeBaseline, maxErrorRate: maxErrorRate)
    }
}

/// The gate, loaded.
struct Gate: Sendable {
    let baseline: Baseline?
    let changed: ChangedLines?
    let writeTo: String?
    let maxErrorRate: Double?

    var writing: Bool { writeTo != nil }

    /// The findings to report: not in the baseline (fingerprints are taken over all of the file's
    /// findings, so occurrence numbers do not depend on the other filter) and touching a changed line.
    func select(_ diagnostics: [Diagnostic], path: String, document: TextDocument) -> [Diagnostic] {
        var kept = diagnostics
        if let baseline {
            let prints = FindingFingerprint.of(diagnostics, in: document)
            kept = zip(diagnostics, prints).filter { !baseline.contains(Baseline.Entry(path: path, fingerprint: $0.1)) }.map(\.0)
        }
        if let changed {
            kept = kept.filter { d in
                let first = document.lineIndex(containing: d.range.lowerBound)
                let last = document.lineIndex(containing: max(d.range.lowerBound, d.range.upperBound - 1))
                return changed.touches(path: path, first: first + 1, last: last + 1)
            }
        }
        return kept
    }
}
