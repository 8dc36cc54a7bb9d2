import JiaoduiCore

/// `--format junit`: JUnit XML, for CI systems that show test reports. One `<testsuite>` per
/// linted file; one failing `<testcase>` per finding (named by rule and `line:column`, columns
/// counting characters as the text format does), or a single passing `<testcase>` for a clean
/// file.
struct JUnitReport: ReportFormat {
    func file(_ result: LintResult) -> String {
        let map = PositionMap(result.document)
        let path = XMLText.escape(result.path)
        let count = result.diagnostics.count
        var out = "<testsuite name=\"\(path)\" tests=\"\(max(1, count))\" failures=\"\(count)\" errors=\"0\">\n"
        if result.diagnostics.isEmpty {
            out += "<testcase classname=\"\(path)\" name=\"jiaodui\"/>\n"
        }
        for d in result.diagnostics {
            let r = OneBasedRange(d.range, in: map, unit: .scalar)
            let place = "\(r.startLine):\(r.startColumn)"
            let message = XMLText.escape(d.message)
            out += "<testcase classname=\"\(path)\" name=\"\(XMLText.escape(d.ruleID)) \(place)\">"
                + "<failure message=\"\(message)\" type=\"\(d.severity.rawValue)\">"
                + "\(path):\(place): \(d.severity.rawValue)[\(XMLText.escape(d.ruleID))] \(message)</failure></testcase>\n"
        }
        return out + "</testsuite>\n"
    }

    func document(_ files: [RenderedFile], run: RunSummary) -> String {
        let tests = files.reduce(0) { $0 + max(1, $1.findings) }
        return XMLText.declaration
            + "<testsuites name=\"jiaodui\" tests=\"\(tests)\" failures=\"\(run.tally.total)\" errors=\"0\">\n"
            + files.map(\.text).joined() + "</testsuites>\n"
    }
}
