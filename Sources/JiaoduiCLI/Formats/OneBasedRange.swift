import JiaoduiCore

/// A finding's place as the CI formats give it: 1-based lines, 1-based columns in one unit, the
/// end being the position just after the last character (exclusive), as SARIF and rdjson want.
struct OneBasedRange: Equatable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int

    /// What a column counts.
    enum Unit {
        /// UTF-16 code units (SARIF with `columnKind: utf16CodeUnits`, GitHub annotations).
        case utf16
        /// UTF-8 bytes (reviewdog).
        case utf8
        /// Characters, i.e. Unicode scalars (checkstyle, JUnit, the text format).
        case scalar
    }

    init(_ range: Range<Int>, in map: PositionMap, unit: Unit) {
        let start = Self.position(range.lowerBound, map, unit)
        let end = Self.position(range.upperBound, map, unit)
        startLine = start.line + 1
        startColumn = start.character + 1
        endLine = end.line + 1
        endColumn = end.character + 1
    }

    private static func position(_ offset: Int, _ map: PositionMap, _ unit: Unit) -> LinePosition {
        switch unit {
        case .utf16: map.utf16Position(offset)
        case .utf8: map.utf8Position(offset)
        case .scalar: map.scalarPosition(offset)
        }
    }
}
