import Foundation

/// The word list (jieba's dict.txt format: `word frequency tag` per line) as a compact open-addressing
/// table of 64-bit hashes of each word's scalars. Built once, lazily, straight from the embedded bytes:
/// no String per entry; 14 bytes a slot at most half full (about 15 MB for jieba's 349k words).
public final class Lexicon: Sendable {
    public struct Entry: Sendable, Equatable {
        public let frequency: UInt32
        /// jieba's part-of-speech tag as written in the list (n, nr, v, vn, …).
        public let rawTag: String
        public var tag: WordTag { Lexicon.tag(rawTag) }
    }

    /// The coarse part of speech the rules care about.
    public enum WordTag: UInt8, Sendable {
        case other = 0, noun, verb, verbalNoun, adjective, numeral, adverb, idiom, phrase, pronoun, interjection
    }

    private let keys: [UInt64]
    private let frequencies: [UInt32]
    /// The tag's first two ASCII letters, packed.
    private let tags: [UInt16]
    private let mask: Int
    public let maxWordLength: Int
    /// log of the sum of all frequencies: the denominator of a word's probability.
    public let logTotal: Double
    public let wordCount: Int

    /// The lexicon shipped in `rules/lexicon/`: jieba's list and the newsroom supplement.
    public static let embedded: Lexicon = {
        let files = EmbeddedFiles.all.filter { $0.name.hasPrefix("lexicon/") && $0.name.hasSuffix(".txt") }
        precondition(!files.isEmpty, "lexicon not embedded")
        return Lexicon(dictionaries: files.map(\.bytes))
    }()

    /// Builds one table from several word lists; a later list's entry for a word wins.
    public init(dictionaries: [UnsafeBufferPointer<UInt8>]) {
        var lineCount = 0
        for bytes in dictionaries { for b in bytes where b == 0x0A { lineCount += 1 } }
        var capacity = 1024
        while capacity < (lineCount + 1) * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var freqs = [UInt32](repeating: 0, count: capacity)
        var tags = [UInt16](repeating: 0, count: capacity)
        let mask = capacity - 1
        var total: Double = 0
        var maxLen = 1
        var count = 0

        for bytes in dictionaries {
        var i = 0
        let n = bytes.count
        while i < n {
            // word: UTF-8 up to the first space
            var hash = ScalarHash.seed
            var length = 0
            while i < n, bytes[i] != 0x20, bytes[i] != 0x0A {
                let (scalar, width) = Lexicon.decode(bytes, i)
                hash = ScalarHash.mix(hash, scalar)
                length += 1
                i += width
            }
            var freq: UInt32 = 0
            if i < n, bytes[i] == 0x20 {
                i += 1
                while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    freq = freq &* 10 &+ UInt32(bytes[i] - 0x30)
                    i += 1
                }
            }
            var tag: UInt16 = 0
            if i < n, bytes[i] == 0x20 {
                i += 1
                let first = i < n && bytes[i] > 0x20 ? bytes[i] : 0
                let second = first != 0 && i + 1 < n && bytes[i + 1] > 0x20 ? bytes[i + 1] : 0
                tag = UInt16(first) | UInt16(second) << 8
            }
            while i < n, bytes[i] != 0x0A { i += 1 }
            i += 1
            guard length > 0 else { continue }
            let key = ScalarHash.finish(hash)
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == 0 { count += 1 } else { total -= Double(freqs[slot]) }  // a later list overrides
            keys[slot] = key
            freqs[slot] = max(freq, 1)
            tags[slot] = tag
            total += Double(max(freq, 1))
            maxLen = max(maxLen, length)
        }
        }
        self.keys = keys
        self.frequencies = freqs
        self.tags = tags
        self.mask = mask
        self.maxWordLength = min(maxLen, 16)
        self.logTotal = log(max(total, 1))
        self.wordCount = count
    }

    /// The entry for the word made of `scalars`, if the list has it.
    public func lookup<C: Collection>(_ scalars: C) -> Entry? where C.Element == Unicode.Scalar {
        slot(of: scalars).map { Entry(frequency: frequencies[$0], rawTag: Lexicon.tagString(tags[$0])) }
    }

    /// The table slot holding the word, if any. Segmentation calls this in its inner loop, so it
    /// allocates nothing.
    private func slot<C: Collection>(of scalars: C) -> Int? where C.Element == Unicode.Scalar {
        let key = ScalarHash.of(scalars)
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    public func contains(_ word: String) -> Bool { lookup(word.unicodeScalars) != nil }

    /// log P(word) as jieba scores it; an unknown single character gets a frequency of 1.
    public func logProbability<C: Collection>(_ scalars: C) -> Double? where C.Element == Unicode.Scalar {
        if let slot = slot(of: scalars) { return log(Double(frequencies[slot])) - logTotal }
        return scalars.count == 1 ? -logTotal : nil
    }

    /// The most probable segmentation of `text` (jieba's DAG + dynamic programming).
    /// Returns the segment boundaries (end offsets) and the total log probability.
    ///
    /// `extra` is one more candidate word at a given range with a given log probability: a word
    /// the list does not have (a misspelling, scored as its correct form) competing fairly with the
    /// words around it.
    public func segment(_ text: [Unicode.Scalar], extra: (range: Range<Int>, logProbability: Double)? = nil)
        -> (ends: [Int], score: Double) {
        let n = text.count
        guard n > 0 else { return ([], 0) }
        var best = [Double](repeating: -Double.infinity, count: n + 1)
        var next = [Int](repeating: 0, count: n + 1)
        best[n] = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)...min(n, i + maxWordLength) {
                var candidate = logProbability(text[i..<j])
                if let extra, extra.range == i..<j { candidate = max(candidate ?? -.infinity, extra.logProbability) }
                guard let lp = candidate else { continue }
                let score = lp + best[j]
                if score > best[i] {
                    best[i] = score
                    next[i] = j
                }
            }
        }
        var ends: [Int] = []
        var i = 0
        while i < n {
            i = next[i]
            ends.append(i)
        }
        return (ends, best[0])
    }

    /// The words of the most probable segmentation with their tags, for tools that explain.
    public func words(_ text: String) -> [(word: String, tag: WordTag?)] {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        return segment(scalars).ends.map { end in
            defer { start = end }
            return (String(scalars: scalars[start..<end]), lookup(scalars[start..<end])?.tag)
        }
    }

    @inline(__always) private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c < 0xE0, i + 1 < b.count { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0, i + 2 < b.count {
            return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        }
        if i + 3 < b.count {
            return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                    | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (UInt32(c), 1)
    }

    private static func tagString(_ packed: UInt16) -> String {
        let bytes = [UInt8(packed & 0xFF), UInt8(packed >> 8)].filter { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func tag(_ raw: String) -> WordTag {
        switch raw.first {
        case "n", "j": return .noun
        case "v": return raw == "vn" ? .verbalNoun : .verb
        case "a", "z": return .adjective
        case "m", "q": return .numeral
        case "d": return .adverb
        case "i": return .idiom
        case "l": return .phrase
        case "r": return .pronoun
        case "e", "y", "o": return .interjection
        default: return .other
        }
    }
}
