import JiaoduiCore

/// `--format sarif`: SARIF 2.1.0, one run, for GitHub code scanning and other SARIF viewers.
///
/// `tool.driver.rules` lists every rule of the pack (id, name, description, default level);
/// each result names its rule by id and index, and its place by the path as given (relative paths
/// stay relative, so they resolve against the repository root) and a region whose columns are
/// UTF-16 code units, 1-based, the end exclusive (`columnKind: utf16CodeUnits`). Fixes become
/// `fixes[].artifactChanges[].replacements`. `run.properties` carries the error rate.
struct SARIFReport: ReportFormat {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    let ruleIDs: [String]
    let rules: [JSONText]
    let index: [String: Int]

    init(pack: RulePack, locale: MessageLocaleOption) {
        ruleIDs = JiaoduiCLI.ruleIDs(in: pack)
        index = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        rules = ruleIDs.map { id in
            let spec = pack.specs[id]!
            let description = JSONText.object([("text", .string(spec.description.text(locale.core)))])
            return .object([
                ("id", .string(id)),
                ("name", .string(id)),
                ("shortDescription", .object([("text", .string(spec.name.text(locale.core)))])),
                ("fullDescription", description),
                ("help", description),
                ("defaultConfiguration", .object([("level", .string(Self.level(spec.severity)))])),
            ])
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The file's results, comma-separated (a piece of the run's `results` array).
    func file(_ result: LintResult) -> String {
        let map = PositionMap(result.document)
        let uri = JSONText.string(Self.uri(result.path))
        let artifact = JSONText.object([("uri", uri)])
        var out = ""
        for (i, d) in result.diagnostics.enumerated() {
            if i > 0 { out += "," }
            var members: [(String, JSONText)] = [("ruleId", .string(d.ruleID))]
            if let n = index[d.ruleID] { members.append(("ruleIndex", .int(n))) }
            members += [
                ("level", .string(Self.level(d.severity))),
                ("message", .object([("text", .string(d.message))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", artifact),
                    ("region", Self.region(d.range, map)),
                ]))])])),
            ]
            if !d.fixes.isEmpty {
                members.append(("fixes", .array(d.fixes.map { fix in
                    .object([
                        ("description", .object([("text", .string(fix.title))])),
                        ("artifactChanges", .array([.object([
                            ("artifactLocation", artifact),
                            ("replacements", .array(fix.edits.map { edit in
                                .object([
                                    ("deletedRegion", Self.region(edit.range, map)),
                                    ("insertedContent", .object([("text", .string(edit.newText))])),
                                ])
                            })),
                        ])])),
                    ])
                })))
            }
            JSONText.object(members).write(into: &out)
        }
        return out
    }

    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        var invocation: [(String, JSONText)] = [("executionSuccessful", .bool(run.failures.isEmpty))]
        if !run.failures.isEmpty {
            invocation.append(("toolExecutionNotifications", .array(run.failures.map { failure in
                .object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string("\(failure.path): \(failure.message)"))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(Self.uri(failure.path)))])),
                    ]))])])),
                ])
            })))
        }
        let results = files.map(\.text).filter { !$0.isEmpty }.joined(separator: ",")
        let run = JSONText.object([
            ("tool", .object([("driver", .object([
                ("name", .string("jiaodui")),
                ("version", .string(jiaoduiVersion)),
                ("rules", .array(rules)),
            ]))])),
            ("columnKind", .string("utf16CodeUnits")),
            ("invocations", .array([.object(invocation)])),
            ("results", .raw("[" + results + "]")),
            ("properties", .object([
                ("errorRatePer10k", .rounded(run.tally.errorRatePer10k)),
                ("characters", .int(run.tally.characters)),
            ])),
        ])
        return JSONText.object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).text + "\n"
    }

    private static func region(_ range: Range<Int>, _ map: PositionMap) -> JSONText {
        let r = OneBasedRange(range, in: map, unit: .utf16)
        return .object([
            ("startLine", .int(r.startLine)), ("startColumn", .int(r.startColumn)),
            ("endLine", .int(r.endLine)), ("endColumn", .int(r.endColumn)),
        ])
    }

    /// A path as a URI reference: relative paths stay relative, absolute ones become `file://`
    /// URIs; bytes outside the unreserved set (and `/`) are percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
