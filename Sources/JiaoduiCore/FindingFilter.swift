/// What a project or an editor asks of the findings after linting: rules turned off, severities
/// changed, words and phrases that are never flagged (the allowlist), the message language.
public struct FindingFilter: Sendable, Equatable {
    public var locale: MessageLocale = .zh
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    public var allow: [String] = []

    public init() {}

    /// The filter a project configuration sets for the file at `path` (relative to the config).
    public init(config: ProjectConfig, path: String) {
        locale = config.locale ?? .zh
        set(config.rules(for: path))
        allow = config.allow
    }

    public mutating func set(_ rules: [String: ProjectConfig.RuleSetting]) {
        for (id, setting) in rules {
            switch setting {
            case .off: disabled.insert(id)
            case .on:
                disabled.remove(id)
                severities[id] = nil
            case .severity(let s):
                disabled.remove(id)
                severities[id] = s
            }
        }
    }

    public func apply(_ findings: [Diagnostic], in document: TextDocument) -> [Diagnostic] {
        guard !disabled.isEmpty || !severities.isEmpty || !allow.isEmpty else { return findings }
        let phrases = allow.map { Array($0.unicodeScalars) }
        return findings.compactMap { f in
            guard !disabled.contains(f.ruleID) else { return nil }
            guard !phrases.contains(where: { Self.covers($0, f.range, document) }) else { return nil }
            var f = f
            if let s = severities[f.ruleID] { f.severity = s }
            return f
        }
    }

    /// Whether `phrase` is what the finding flags (line breaks and spaces aside) or an occurrence
    /// of it contains the finding.
    static func covers(_ phrase: [Unicode.Scalar], _ range: Range<Int>, _ document: TextDocument) -> Bool {
        guard !phrase.isEmpty else { return false }
        let s = document.scalars
        var flagged = s[range].filter { !CharClass.isSpace($0) && $0 != "\n" && $0 != "\r" }[...]
        if flagged.elementsEqual(phrase) { return true }
        // “我为群众办实事” is the allowed 我为群众办实事 in its quotes.
        while let f = flagged.first, isMark(f), f != phrase.first { flagged.removeFirst() }
        while let l = flagged.last, isMark(l), l != phrase.last { flagged.removeLast() }
        if flagged.elementsEqual(phrase) { return true }
        let lo = max(0, range.upperBound - phrase.count)
        let hi = min(range.lowerBound, s.count - phrase.count)
        guard lo <= hi else { return false }
        for start in lo...hi where s[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
        return false
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
