// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, a package of their own so that a plain `swift build` / `swift test` of
// jiaodui never needs the fuzzer runtime. Build and run them with `Scripts/fuzz` (which passes
// `-sanitize=fuzzer,address`). Each executable's top-level code hands its test function to
// libFuzzer's driver (`LLVMFuzzerRunDriver`): SwiftPM renames an executable's `main`, so the one
// libFuzzer brings would never be called.
let fuzzTarget: (String, [Target.Dependency]) -> Target = { name, dependencies in
    .executableTarget(name: name, dependencies: ["CFuzzDriver"] + dependencies)
}

let package = Package(
    name: "jiaodui-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "jiaodui", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        // The core's lint entry point (and fix, and the position maps) on arbitrary bytes.
        fuzzTarget("FuzzLint", [.product(name: "JiaoduiCore", package: "jiaodui")]),
        // JSON-RPC framing and message dispatch of the language server.
        fuzzTarget("FuzzLSP", [.product(name: "LSPProtocol", package: "jiaodui"),
                               .product(name: "JiaoduiLSP", package: "jiaodui"),
                               .product(name: "JiaoduiCore", package: "jiaodui")]),
        // A rule file and a project configuration (.jiaodui.yml) as the loader reads them.
        fuzzTarget("FuzzConfig", [.product(name: "JiaoduiCore", package: "jiaodui")]),
        // The .docx reader.
        fuzzTarget("FuzzDocx", [.product(name: "JiaoduiDocx", package: "jiaodui")]),
    ],
    swiftLanguageModes: [.v5]
)
