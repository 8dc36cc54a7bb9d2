/// One line of a word-list rule (`swap:` of a substitution rule, `words:` of an existence rule):
///
///     己经 => 已经 | ex: 他己经走了。
///     截止 => 截至 | only: 截止目前, 截止到 | ex: 截止目前，已有三百人报名。
///     做客 => 作客 | unless: 做客厅 | note: 依 GF 1001
///
/// Lists are plain text so that a list of hundreds of pairs reads like a dictionary page and loads
/// without building a YAML node per word.
public struct WordListEntry: Sendable, Equatable {
    public let wrong: [Unicode.Scalar]
    public let rights: [String]
    /// A sentence holding `wrong` that the rule must flag (the tests and the loader run it).
    public let example: String?
    /// Phrases holding `wrong` in which it is correct.
    public let unless: [Context]
    /// When set, `wrong` is flagged only inside one of these phrases.
    public let only: [Context]
    public let note: String?
    /// The line of the rule file the entry was written on.
    public let line: Int

    /// A phrase around the word: the word stands at `offset` in `scalars`.
    public struct Context: Sendable, Equatable {
        public let scalars: [Unicode.Scalar]
        public let offset: Int

        /// Whether the text around a match at `start` reads as this phrase.
        func matches(_ s: [Unicode.Scalar], at start: Int) -> Bool {
            let from = start - offset
            guard from >= 0, from + scalars.count <= s.count else { return false }
            for k in 0..<scalars.count where s[from + k] != scalars[k] { return false }
            return true
        }
    }

    /// Whether a match at `start` is to be reported, given its surroundings.
    func applies(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        if unless.contains(where: { $0.matches(s, at: start) }) { return false }
        return only.isEmpty || only.contains { $0.matches(s, at: start) }
    }
}

/// Reads the entry lines of one list; errors name the file, the line and what is wrong. Works on
/// scalars throughout: a pack of thousands of lines is read at every start, and String's
/// Character segmentation (and its canonical equivalence: 丹 U+F95E equals 丹 U+4E39) has no
/// place here.
enum WordListParser {
    typealias Scalars = ArraySlice<Unicode.Scalar>

    static func parse(_ text: String, key: String, firstLine: Int, withReplacement: Bool,
                      file: String) throws(RulePackError) -> [WordListEntry] {
        var entries: [WordListEntry] = []
        // Entries by the hash of their word (an array key would be hashed scalar by scalar with
        // SipHash): the line of the first entry with it.
        var seen: [UInt64: Int] = [:]
        let all = Array(text.unicodeScalars)
        for (k, raw) in split(all[...], by: ["\n"]).enumerated() {
            let line = firstLine + k
            let trimmed = trim(raw)
            guard let first = trimmed.first, first != "#" else { continue }
            func fail(_ message: String) -> RulePackError {
                RulePackError(file: file, line: line, column: 1, key: key, message: message)
            }
            let fields = trimmed.contains("|") ? split(trimmed, by: [" ", "|", " "]) : [trimmed]
            let head = fields[0]
            var wrong = head
            var rights: [String] = []
            if withReplacement {
                let parts = split(head, by: ["=", ">"])
                guard parts.count == 2 else { throw fail("须写成“错误 => 正确” / expected “wrong => right”: \(string(head))") }
                wrong = trim(parts[0])
                rights = split(parts[1], by: [","]).map(trim).filter { !$0.isEmpty }.map(string)
                guard !rights.isEmpty else { throw fail("缺少正确写法 / missing the right form: \(string(head))") }
                if rights.contains(where: { $0.unicodeScalars.elementsEqual(wrong) }) {
                    throw fail("正确写法与错误写法相同 / the right form equals the wrong one: \(string(head))")
                }
            } else if split(head, by: ["=", ">"]).count > 1 {
                throw fail("existence 规则只列错误写法，不写 => / an existence rule lists words without =>")
            }
            guard !wrong.isEmpty, !wrong.contains(" ") else {
                throw fail("错误写法须为不含空格的词 / the wrong form must be one word without spaces: \(string(head))")
            }
            let word = Array(wrong)
            let hash = ScalarHash.of(word)
            if let other = seen[hash], entries[other].wrong == word {
                throw fail("“\(string(wrong))”已在第 \(entries[other].line) 行列出 / “\(string(wrong))” is already listed on line \(entries[other].line)")
            }
            // Two different words with one 64-bit hash: only the duplicate check could miss one.
            seen[hash] = entries.count
            var example: String?, note: String?
            var unless: [WordListEntry.Context] = [], only: [WordListEntry.Context] = []
            for field in fields.dropFirst() {
                guard let colon = field.firstIndex(of: ":") else {
                    throw fail("字段须为 ex:、unless:、only: 或 note: / a field must be ex:, unless:, only: or note:")
                }
                let name = string(trim(field[..<colon]))
                let value = trim(field[(colon + 1)...])
                switch name {
                case "ex":
                    guard value.firstRange(of: word) != nil else { throw fail("例句须含“\(string(wrong))” / the example must contain “\(string(wrong))”") }
                    example = string(value)
                case "note": note = string(value)
                case "unless", "only":
                    var contexts: [WordListEntry.Context] = []
                    for phrase in split(value, by: [","]).map(trim) {
                        guard let at = phrase.firstRange(of: word) else {
                            throw fail("“\(string(phrase))”须含“\(string(wrong))” / the phrase must contain “\(string(wrong))”")
                        }
                        contexts.append(.init(scalars: Array(phrase), offset: at.lowerBound - phrase.startIndex))
                    }
                    if name == "unless" { unless = contexts } else { only = contexts }
                default:
                    throw fail("未知字段“\(name)”；可用：ex、unless、only、note / unknown field")
                }
            }
            entries.append(WordListEntry(wrong: word, rights: rights, example: example, unless: unless, only: only,
                                         note: note, line: line))
        }
        return entries
    }

    /// The pieces of `text` between occurrences of `separator`.
    static func split(_ text: Scalars, by separator: [Unicode.Scalar]) -> [Scalars] {
        var out: [Scalars] = []
        var start = text.startIndex
        var i = text.startIndex
        while i + separator.count <= text.endIndex {
            if text[i] == separator[0], text[i..<(i + separator.count)].elementsEqual(separator) {
                out.append(text[start..<i])
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(text[start..<text.endIndex])
        return out
    }

    /// Without leading and trailing ASCII spaces, tabs and carriage returns (a full-width space is
    /// text).
    static func trim(_ text: Scalars) -> Scalars {
        var t = text
        while let f = t.first, f == " " || f == "\t" || f == "\r" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\r" { t = t.dropLast() }
        return t
    }

    static func string(_ text: Scalars) -> String { String(scalars: text) }
}

/// Finds the entries of a word list in a text: one pass, a bit test per character, and a walk of
/// a trie only where a listed word can start. Longest match wins; matches do not overlap. The
/// trie's edges live in one open-addressing table keyed by (node, character): no dictionary per
/// node to build at start, no SipHash per step.
public struct WordListMatcher: Sendable {
    private var keys: [UInt64]
    private var targets: [Int32]
    private let shift: UInt64
    private let mask: Int
    /// The entry ending at each node (-1: none).
    private var entryAt: [Int32] = [-1]
    /// The characters a listed word can start with.
    private var starts = ScalarSet([])

    init(_ words: [[Unicode.Scalar]]) {
        var capacity = 64
        let edges = words.reduce(0) { $0 + $1.count }
        while capacity < 2 * edges { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        targets = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (index, word) in words.enumerated() {
            var node = 0
            for s in word {
                if let next = child(node, s) {
                    node = next
                } else {
                    entryAt.append(-1)
                    add(node, s, entryAt.count - 1)
                    node = entryAt.count - 1
                }
            }
            entryAt[node] = Int32(index)
            if let first = word.first { starts.insert(first) }
        }
    }

    @inline(__always) private static func key(_ node: Int, _ s: Unicode.Scalar) -> UInt64 {
        (UInt64(node) << 21 | UInt64(s.value)) &+ 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always) private func child(_ node: Int, _ s: Unicode.Scalar) -> Int? {
        let key = Self.key(node, s)
        var i = slot(key)
        while keys[i] != 0 {
            if keys[i] == key { return Int(targets[i]) }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func add(_ node: Int, _ s: Unicode.Scalar, _ target: Int) {
        let key = Self.key(node, s)
        var i = slot(key)
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        targets[i] = Int32(target)
    }

    /// Whether any listed word occurs in `range` of `s`.
    func occurs(in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if starts.contains(s[i]) {
                var node = 0
                var j = i
                while j < range.upperBound, let n = child(node, s[j]) {
                    node = n
                    j += 1
                    if entryAt[node] >= 0 { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Every (entry index, range) in `range` of `s`, in order.
    func matches(in s: [Unicode.Scalar], _ range: Range<Int>) -> [(entry: Int, range: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard starts.contains(s[i]) else {
                i += 1
                continue
            }
            var node = 0
            var best: (Int, Int)?
            var j = i
            while j < range.upperBound, let n = child(node, s[j]) {
                node = n
                j += 1
                if entryAt[node] >= 0 { best = (Int(entryAt[node]), j) }
            }
            if let (entry, end) = best {
                out.append((entry, i..<end))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }
}
