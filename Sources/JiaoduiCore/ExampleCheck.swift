/// Runs every rule on its own examples: the bad ones must be flagged where `↓` marks them (and
/// fixed as stated), the good ones must not be, and each listed word's `ex:` sentence must be
/// flagged on that word. A rule that silently matches nothing, or flags what it promises to
/// leave alone, is a load error naming the file and line of the example.
public enum ExampleCheck {
    public static func validate(_ pack: RulePack, lexicon: Lexicon? = nil) throws(RulePackError) {
        for id in pack.ruleIDs {
            let spec = pack.specs[id]!
            let linter = try Linter(pack: pack, enabled: [id], lexicon: lexicon)
            func fail(_ line: Int, _ message: String) -> RulePackError {
                RulePackError(file: spec.source, line: line, column: 1, key: "examples", message: message)
            }
            func findings(_ text: String) -> [Diagnostic] { linter.lint(TextDocument(text)).filter { $0.ruleID == id } }
            for example in spec.examples.bad {
                let (text, marks) = stripMarks(example.text)
                let found = findings(text)
                guard !found.isEmpty else { throw fail(example.line, "规则没有标出这个反例 / the rule does not flag this bad example: \(example.text)") }
                if marks.count == 1, !found.contains(where: { $0.range.lowerBound == marks[0] }) {
                    throw fail(example.line, "没有问题从 ↓ 处开始 / no finding starts at ↓: \(example.text)")
                }
                if marks.count == 2, !found.contains(where: { $0.range == marks[0]..<marks[1] }) {
                    throw fail(example.line, "没有问题恰好覆盖 ↓…↓ / no finding spans ↓…↓: \(example.text)")
                }
                if let fixed = example.fixed {
                    let result = FixApplier.fixAll(TextDocument(text), linter: linter).text
                    guard result == fixed else { throw fail(example.line, "修正结果是“\(result)”，不是“\(fixed)” / the fix gives “\(result)”, not “\(fixed)”") }
                }
            }
            for (k, text) in spec.examples.good.enumerated() {
                if let f = findings(text).first {
                    let line = k < spec.examples.goodLines.count ? spec.examples.goodLines[k] : 0
                    throw fail(line, "规则标出了正例 / the rule flags this good example: \(text) — \(f.message)")
                }
            }
            for rule in linter.rules {
                guard let entries = (rule as? SubstitutionRule)?.entries ?? (rule as? ExistenceRule)?.entries else { continue }
                for entry in entries {
                    guard let example = entry.example else { continue }
                    let scalars = Array(example.unicodeScalars)
                    guard let at = scalars.firstRange(of: entry.wrong),
                          let hit = findings(example).first(where: { $0.range == at }) else {
                        throw RulePackError(file: spec.source, line: entry.line, column: 1, key: "ex",
                                            message: "例句中的“\(String(scalars: entry.wrong))”没有被标出 / the example is not flagged: \(example)")
                    }
                    if let right = entry.rights.first, hit.fixes.first?.edits.first?.newText != right {
                        throw RulePackError(file: spec.source, line: entry.line, column: 1, key: "ex",
                                            message: "例句的修正不是“\(right)” / the example's fix is not “\(right)”")
                    }
                }
            }
        }
    }

    /// Removes SwiftLint-style `↓` marks, returning the text and the scalar offsets where they stood.
    public static func stripMarks(_ marked: String) -> (text: String, marks: [Int]) {
        var text = String.UnicodeScalarView()
        var marks: [Int] = []
        for s in marked.unicodeScalars {
            if s == "↓" { marks.append(text.count) } else { text.append(s) }
        }
        return (String(text), marks)
    }
}
