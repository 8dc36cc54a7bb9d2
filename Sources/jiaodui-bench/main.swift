// `jiaodui-bench relint FILE [ITERATIONS]`: the in-process half of Scripts/bench. Lints one file
// ITERATIONS times in a warm process through the core API (UTF-8 bytes → TextDocument → the
// default rules, the same path `jiaodui lint` takes per file) and prints one JSON line:
// per-iteration min/median in ms, the finding count, and the floor measured in the same process —
// reading every byte once and counting the characters (what `wc -m` does).
import Foundation
import JiaoduiCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let args = CommandLine.arguments
guard args.count >= 3, args[1] == "relint" else { fail("usage: jiaodui-bench relint FILE [ITERATIONS]") }
guard let data = FileManager.default.contents(atPath: args[2]) else { fail("cannot read \(args[2])") }
let iterations = args.count > 3 ? max(1, Int(args[3]) ?? 1000) : 1000
let bytes = [UInt8](data)
let linter: Linter
// JIAODUI_BENCH_PACKS=core,punctuation limits the rules to those packs (to see what each costs).
let packs = ProcessInfo.processInfo.environment["JIAODUI_BENCH_PACKS"].flatMap { $0.isEmpty ? nil : Set($0.split(separator: ",").map(String.init)) }
do { linter = try Linter(pack: RulePack.embedded.selecting(packs: packs)) } catch { fail("\(error)") }

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func stats(_ samples: [Double]) -> (min: Double, median: Double) {
    let sorted = samples.sorted()
    return (sorted[0] * 1000, sorted[sorted.count / 2] * 1000)
}

func run() {
    var findings = 0
    func lintOnce() {
        guard let document = try? TextDocument(utf8: bytes) else { fail("not UTF-8") }
        findings = linter.lint(document, format: .plain).count
    }
    // The floor: count the characters (UTF-8 lead bytes), reading every byte once.
    var characters = 0
    func countOnce() {
        var n = 0
        bytes.withUnsafeBufferPointer { for b in $0 where b & 0xC0 != 0x80 { n += 1 } }
        characters = n
    }
    for _ in 0..<min(20, iterations) { lintOnce() }    // warm-up: the lexicon, the caches
    let lint = stats((0..<iterations).map { _ in seconds(lintOnce) })
    let floor = stats((0..<iterations).map { _ in seconds(countOnce) })
    print("{\"bytes\":\(bytes.count),\"characters\":\(characters),\"findings\":\(findings),\"iterations\":\(iterations),"
          + "\"min_ms\":\(lint.min),\"median_ms\":\(lint.median),\"floor_min_ms\":\(floor.min),\"floor_median_ms\":\(floor.median)}")
}
run()
