import Foundation
import JiaoduiCore

/// Arbitrary bytes as a rule file (first byte odd) or a project configuration `.jiaodui.yml`
/// (first byte even), each taken the way the CLI takes it. Either is read, must fail with a
/// `RulePackError` or give a linter, and that linter must lint a sample text without crashing or
/// hanging.
///
/// A rule file goes the way of `--rules DIR`: loaded, its examples checked, compiled into a linter
/// of its own. A configuration is applied to a linter of the packs that cost little to compile
/// (`--rules core,punctuation,numbers`): one that names or sets a rule of another pack meets the
/// case of a user who left that pack out. Compiling every pack anew for each input (as this
/// target once did) held it to about 60 inputs a second, nearly all of it the same work; without
/// the word-list packs it runs thousands.
let ruleIDs = Set(RuleRegistry.knownIDs)
let base = try! Linter(pack: RulePack.embedded.selecting(packs: ["core", "punctuation", "numbers"]))
let sample = TextDocument("""
    本报记者　张三
    1. 第一项，内容是这样的
    他说，这是一个很长的句子，里面有逗号,也有英文的逗号，还有重复重复的字。
    𠮷野家的牛肉饭很好吃吃。\r\n　　第二段开始了，
    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
    """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0, let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    if bytes[0] & 1 == 1 {
        guard let loaded = try? RulePack.load(files: [("fuzz.yml", text)]) else { return 0 }
        _ = try? ExampleCheck.validate(loaded)
        guard let linter = try? Linter(pack: loaded) else { return 0 }
        _ = linter.lint(sample, format: .plain)
    } else {
        guard let config = try? ProjectConfig.parse(text, file: ".jiaodui.yml", ruleIDs: ruleIDs),
              let linter = try? config.linter(base: base, file: ".jiaodui.yml") else { return 0 }
        _ = config.ignores("a/b.md")
        _ = linter.lint(sample, format: .markdown, filter: FindingFilter(config: config, path: "a/b.md"))
    }
    return 0
}
