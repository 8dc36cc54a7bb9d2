// swift-tools-version:6.0
import PackageDescription

// The default rule pack and the word list live in `rules/` and are embedded into the binary by the
// CJiaoduiData target with `.incbin`. SwiftPM passes no path to assembler directives, so the
// absolute path of `rules/` is computed here and handed over as a C define.
let packageRoot = String(#filePath.dropLast("/Package.swift".count))
let rulesDir = packageRoot + "/rules"
// The page of `jiaodui serve`, embedded the same way.
let servePage = packageRoot + "/Sources/JiaoduiCLI/Resources/serve.html"

let package = Package(
    name: "jiaodui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jiaodui", targets: ["jiaodui"]),
        .library(name: "JiaoduiCore", targets: ["JiaoduiCore"]),
        // For the fuzz targets (Fuzz/, a package of its own that depends on this one by path).
        .library(name: "LSPProtocol", targets: ["LSPProtocol"]),
        .library(name: "JiaoduiLSP", targets: ["JiaoduiLSP"]),
        .library(name: "JiaoduiProject", targets: ["JiaoduiProject"]),
        .library(name: "JiaoduiDocx", targets: ["JiaoduiDocx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The only door to ICU: plain C types in the header, <unicode/...> only in the .c file.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // Embedded copies of rules/*.yml and the lexicon (see EmbeddedDataTests for the proof that
        // they equal the files).
        .target(
            name: "CJiaoduiData",
            cSettings: [.define("JD_RULES_DIR", to: "\"\(rulesDir)\""),
                        .define("JD_SERVE_PAGE", to: "\"\(servePage)\"")]
        ),
        .target(
            name: "JiaoduiCore",
            dependencies: ["CICUShim", "CJiaoduiData", .product(name: "Yams", package: "Yams")]
        ),
        // LSP 3.17 types and JSON-RPC framing, knowing nothing of jiaodui.
        .target(name: "LSPProtocol"),
        // Project configuration files (.jiaodui.yml) found on disk; shared by the faces.
        .target(name: "JiaoduiProject", dependencies: ["JiaoduiCore"]),
        // The language server: a face over the core, speaking LSPProtocol.
        .target(name: "JiaoduiLSP", dependencies: ["JiaoduiCore", "JiaoduiProject", "LSPProtocol"]),
        // The text of a .docx file (ZIP + XML), apart from the CLI so that it can be fuzzed alone.
        .target(name: "JiaoduiDocx", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The command line, and `jiaodui serve` (Serve/; its page is Resources/serve.html,
        // embedded by CJiaoduiData).
        .target(
            name: "JiaoduiCLI",
            dependencies: ["JiaoduiCore", "JiaoduiProject", "JiaoduiLSP", "JiaoduiDocx", "CJiaoduiData",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Hummingbird", package: "hummingbird")],
            exclude: ["Resources"]
        ),
        .executableTarget(name: "jiaodui", dependencies: ["JiaoduiCLI"]),
        // The in-process half of Scripts/bench (warm re-lint through the core API).
        .executableTarget(name: "jiaodui-bench", dependencies: ["JiaoduiCore"]),
        // What more than one test target needs (the seeded generator of the property tests).
        .target(name: "JiaoduiTestSupport", path: "Tests/JiaoduiTestSupport"),
        .testTarget(
            name: "JiaoduiCoreTests",
            dependencies: ["JiaoduiCore", "CJiaoduiData", "JiaoduiTestSupport"]
        ),
        .testTarget(name: "JiaoduiCLITests", dependencies: ["JiaoduiCLI", "JiaoduiCore", "CJiaoduiData", "JiaoduiTestSupport"]),
        .testTarget(name: "JiaoduiLSPTests", dependencies: ["JiaoduiLSP", "LSPProtocol", "JiaoduiCore"]),
    ]
)
