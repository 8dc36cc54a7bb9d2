import Foundation

/// The word list (jieba's dict.txt format: `word frequency tag` per line) keyed by 64-bit hashes of
/// each word's scalars. jieba's 349k words are read in place from a table built ahead of time
/// (`rules/lexicon/jieba-dict.bin`, `CompactWords`), so a run starts without building anything
/// large; other lists are small and go into an open-addressing table built from their bytes at first
/// use (no String per entry; 14 bytes a slot, at most half full), which is looked up first.
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

    /// jieba's list, precomputed (nil: every list is in the table below).
    private let base: CompactWords?
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
        let all = EmbeddedFiles.all
        let files = all.filter { $0.name.hasPrefix("lexicon/") && $0.name.hasSuffix(".txt") }
        precondition(!files.isEmpty, "lexicon not embedded")
        // jieba's list comes first (a later list wins): its precomputed table stands for it, unless
        // the table is missing or was built from another version of the list.
        if let jieba = files.first, jieba.name == CompactWords.sourceName,
           let table = all.first(where: { $0.name == CompactWords.tableName }),
           let words = CompactWords(table.bytes, sourceLength: jieba.bytes.count) {
            return Lexicon(base: words, dictionaries: files.dropFirst().map(\.bytes))
        }
        return Lexicon(dictionaries: files.map(\.bytes))
    }()

    /// Builds one table from several word lists; a later list's entry for a word wins.
    public convenience init(dictionaries: [UnsafeBufferPointer<UInt8>]) {
        self.init(base: nil, dictionaries: dictionaries)
    }

    /// `base`'s words, then the lists (which win over it).
    init(base: CompactWords?, dictionaries: [UnsafeBufferPointer<UInt8>]) {
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
        if let base {
            for key in keys where key != 0 {
                guard let old = base.find(key) else { continue }
                count -= 1
                total -= Double(old.frequency)
            }
            count += base.count
            total += Double(base.total)
            maxLen = max(maxLen, base.longest)
        }
        self.base = base
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
        find(ScalarHash.of(scalars)).map { Entry(frequency: $0.frequency, rawTag: Lexicon.tagString($0.tag)) }
    }

    /// The word with this key, if any: the table first, then jieba's. Segmentation calls this in its
    /// inner loop, so it allocates nothing.
    @inline(__always) private func find(_ key: UInt64) -> (frequency: UInt32, tag: UInt16)? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return (frequencies[slot], tags[slot]) }
            slot = (slot + 1) & mask
        }
        return base?.find(key)
    }

    public func contains(_ word: String) -> Bool { lookup(word.unicodeScalars) != nil }

    /// log P(word) as jieba scores it; an unknown single character gets a frequency of 1.
    public func logProbability<C: Collection>(_ scalars: C) -> Double? where C.Element == Unicode.Scalar {
        if let found = find(ScalarHash.of(scalars)) { return log(Double(found.frequency)) - logTotal }
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

/// jieba's word list as `Scripts/lexicon-table.py` lays it out (see there): keys sorted and bucketed
/// by their top 16 bits, read in place from the binary's read-only data — nothing is built or copied
/// at start, and only the pages a lookup touches are ever read.
struct CompactWords: @unchecked Sendable {
    static let sourceName = "lexicon/jieba-dict.txt"
    static let tableName = "lexicon/jieba-dict.bin"
    private static let bucketBits = 16

    let count: Int
    let longest: Int
    let total: UInt64
    private let starts: UnsafePointer<UInt32>
    private let keys: UnsafePointer<UInt64>
    private let frequencies: UnsafePointer<UInt32>
    private let tags: UnsafePointer<UInt16>

    /// nil when the bytes are not such a table, or one built from a list of another length.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, sourceLength: Int) {
        guard bytes.count >= 32, let base = bytes.baseAddress,
              Array(UnsafeBufferPointer(start: base, count: 8)) == Array("JDLX0001".utf8) else { return nil }
        let raw = UnsafeRawPointer(base)
        count = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
        longest = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
        total = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
        guard raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian == UInt64(sourceLength),
              1.littleEndian == 1 else { return nil }
        var offset = 32 + ((1 << Self.bucketBits) + 1) * 4
        offset += (8 - offset % 8) % 8
        guard bytes.count >= offset + count * 14, Int(bitPattern: raw + offset) % 8 == 0 else { return nil }
        starts = (raw + 32).assumingMemoryBound(to: UInt32.self)
        keys = (raw + offset).assumingMemoryBound(to: UInt64.self)
        frequencies = (raw + offset + count * 8).assumingMemoryBound(to: UInt32.self)
        tags = (raw + offset + count * 12).assumingMemoryBound(to: UInt16.self)
    }

    @inline(__always) func find(_ key: UInt64) -> (frequency: UInt32, tag: UInt16)? {
        let bucket = Int(truncatingIfNeeded: key >> UInt64(64 - Self.bucketBits))
        var i = Int(starts[bucket])
        let end = Int(starts[bucket + 1])
        while i < end {
            let k = keys[i]
            if k == key { return (frequencies[i], tags[i]) }
            if k > key { return nil }
            i += 1
        }
        return nil
    }
}
