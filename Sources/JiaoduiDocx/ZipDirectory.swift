/// Where one file lies inside a ZIP archive, read from the archive's central directory with every
/// offset and size checked against the bytes at hand.
///
/// Why not ZIPFoundation's `Archive`: it trusts the archive's 64-bit offsets and traps converting
/// one past `Int64.max` to a file offset (a damaged ZIP64 record; found by FuzzDocx), and it reads
/// the directory only from a file. A Word document is small; all of it is in memory already.
struct ZipDirectory {
    /// An entry's data: compressed size and method, checksum, and where the data starts.
    struct Entry: Equatable {
        var method: UInt16
        var checksum: UInt32
        var compressedSize: Int
        var dataStart: Int
    }

    enum Damage: Error { case notZip, noEntry, badEntry }

    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The entry named `name` (exact bytes, as Word writes them).
    func entry(named name: String) throws(Damage) -> Entry {
        let (directoryStart, directoryEnd, count) = try centralDirectory()
        let wanted = Array(name.utf8)
        var at = directoryStart
        for _ in 0..<count {
            guard at + 46 <= directoryEnd, signature(at, 1, 2) else { throw .notZip }
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw .notZip }
            if bytes[(at + 46)..<(at + 46 + nameLength)].elementsEqual(wanted) {
                return try located(header: at, extra: (at + 46 + nameLength)..<(at + 46 + nameLength + extraLength))
            }
            at = next
        }
        throw .noEntry
    }

    /// The central directory's bounds and entry count, from the end record (or its ZIP64 form).
    private func centralDirectory() throws(Damage) -> (start: Int, end: Int, count: Int) {
        // The end record is 22 bytes and may be followed by a comment of up to 65,535; the last
        // signature wins, as in every reader.
        guard bytes.count >= 22 else { throw .notZip }
        var end = bytes.count - 22
        let lowest = max(0, end - 65_535)
        while !signature(end, 5, 6) {
            guard end > lowest else { throw .notZip }
            end -= 1
        }
        var count = UInt64(u16(end + 10)), size = UInt64(u32(end + 12)), offset = UInt64(u32(end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            let locator = end - 20
            guard locator >= 0, signature(locator, 6, 7) else { throw .notZip }
            let record64 = u64(locator + 8)
            guard record64 <= UInt64(locator), Int(record64) + 56 <= locator, signature(Int(record64), 6, 6) else { throw .notZip }
            count = u64(Int(record64) + 32)
            size = u64(Int(record64) + 40)
            offset = u64(Int(record64) + 48)
        }
        // Each entry takes at least 46 bytes, so the count is bounded by the directory's size.
        guard offset <= UInt64(end), size <= UInt64(end) - offset, count <= size / 46 else { throw .notZip }
        return (Int(offset), Int(offset + size), Int(count))
    }

    /// The entry whose directory header is at `header`, with its ZIP64 extra field (if any).
    private func located(header: Int, extra: Range<Int>) throws(Damage) -> Entry {
        var compressed = UInt64(u32(header + 20))
        let uncompressed = UInt64(u32(header + 24))
        var local = UInt64(u32(header + 42))
        if compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
            // The ZIP64 extra field (id 1) holds, in this order, those of the uncompressed size,
            // the compressed size and the local header's offset that did not fit.
            var at = extra.lowerBound
            var field: Range<Int>?
            while at + 4 <= extra.upperBound {
                let id = u16(at), length = u16(at + 2)
                guard at + 4 + length <= extra.upperBound else { break }
                if id == 1 { field = (at + 4)..<(at + 4 + length) }
                at += 4 + length
            }
            guard var next = field?.lowerBound, let field else { throw .badEntry }
            func take() throws(Damage) -> UInt64 {
                guard next + 8 <= field.upperBound else { throw .badEntry }
                defer { next += 8 }
                return u64(next)
            }
            if uncompressed == 0xFFFF_FFFF { _ = try take() }
            if compressed == 0xFFFF_FFFF { compressed = try take() }
            if local == 0xFFFF_FFFF { local = try take() }
        }
        let count = UInt64(bytes.count)
        guard local <= count, Int(local) + 30 <= bytes.count, signature(Int(local), 3, 4) else { throw .badEntry }
        let start = Int(local) + 30 + u16(Int(local) + 26) + u16(Int(local) + 28)
        guard start <= bytes.count, compressed <= count - UInt64(start) else { throw .badEntry }
        return Entry(method: UInt16(u16(header + 10)), checksum: u32(header + 16), compressedSize: Int(compressed), dataStart: start)
    }

    /// "PK" followed by the two bytes of a record's kind.
    private func signature(_ at: Int, _ a: UInt8, _ b: UInt8) -> Bool {
        at >= 0 && at + 4 <= bytes.count && bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == a && bytes[at + 3] == b
    }

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
    private func u64(_ at: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
}
