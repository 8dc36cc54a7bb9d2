import Foundation
import XCTest

/// `--format sarif` validated against the official SARIF 2.1.0 schema
/// (`Tests/Fixtures/sarif-2.1.0.json`, see the `.SOURCE.md` beside it) with Python's `jsonschema`
/// — there is no JSON-schema validator for Swift here. Without python3 or jsonschema the test
/// fails and says how to install it; `JIAODUI_SKIP_SCHEMA_TESTS=1` skips it instead.
final class SARIFSchemaTests: CLITestCase {
    static let schema = packageRoot.appendingPathComponent("Tests/Fixtures/sarif-2.1.0.json")

    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("the Python module jsonschema is missing: pip install jsonschema", file=sys.stderr)
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
        for e in errors:
            print("/".join(str(p) for p in e.path) + ": " + e.message, file=sys.stderr)
        sys.exit(1 if errors else 0)
        """

    /// Runs the validator on `document`; fails with the validator's complaints.
    private func validate(_ document: Data, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = dir.appendingPathComponent("out.sarif")
        try document.write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, Self.schema.path, path.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return XCTFail("python3 could not be started (\(error)); install Python 3 and `pip install jsonschema`, or set JIAODUI_SKIP_SCHEMA_TESTS=1", file: file, line: line)
        }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return
        case 3, 127:
            XCTFail("cannot validate SARIF: \(message.isEmpty ? "python3 not found" : message) — install it with `pip install jsonschema` (python3 -m pip install jsonschema), or set JIAODUI_SKIP_SCHEMA_TESTS=1 to skip", file: file, line: line)
        default:
            XCTFail("\(what): the SARIF output does not match the SARIF 2.1.0 schema:\n\(message)", file: file, line: line)
        }
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        if ProcessInfo.processInfo.environment["JIAODUI_SKIP_SCHEMA_TESTS"] == "1" {
            throw XCTSkip("JIAODUI_SKIP_SCHEMA_TESTS=1")
        }
    }

    func testSARIFMatchesTheSchema() throws {
        // Findings with fixes, one across a line break, a clean file and one that cannot be read
        // (a tool execution notification).
        try write("𠮷开展“我为群众办实事”“我为群众办实事”等活动,请大家参加。\n", to: "a.txt")
        try write("2024年以来，累计开展理论学习中心组、三会一课等各\n\n类学习活动20余次。\n", to: "dir/wrap 1.txt")
        try write(Fixture.clean, to: "clean.txt")
        let r = try run(["lint", "--format", "sarif", "a.txt", "dir/wrap 1.txt", "clean.txt", "missing.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("\"uri\":\"dir/wrap%201.txt\""), r.stdout)
        try validate(r.stdoutBytes, "findings, a clean file and a missing one")

        let seed = Self.packageRoot.appendingPathComponent("seeds/000_535f91e5d57b5589.txt").path
        let page = try run(["lint", "--format", "sarif", "--locale", "en", seed])
        XCTAssertEqual(page.status, 1)
        XCTAssertTrue(page.stdout.contains("\"uri\":\"file://"), "an absolute path becomes a file URI")
        try validate(page.stdoutBytes, "the seed page")
    }

    func testTheValidatorRejectsABrokenDocument() throws {
        // The check has teeth: a result without a message is not SARIF.
        let broken = #"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"jiaodui"}},"results":[{"ruleId":"x"}]}]}"#
        let path = dir.appendingPathComponent("broken.sarif")
        try Data(broken.utf8).write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, Self.schema.path, path.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, "the validator accepted a result without a message")
    }
}
