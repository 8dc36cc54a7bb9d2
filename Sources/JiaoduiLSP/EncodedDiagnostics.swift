import JiaoduiCore
import LSPProtocol

/// The JSON of a document's diagnostics as last published, kept per diagnostic. A keystroke
/// changes a few findings and moves some columns, but a publish must carry them all: every
/// diagnostic whose place and content are unchanged is copied from here instead of written again.
struct EncodedDiagnostics: Sendable {
    private var cache: [Key: [UInt8]] = [:]

    /// Where a diagnostic is and a 64-bit digest of what it says. Hashing the texts as Strings
    /// would normalize them on every publish; a digest of their UTF-8 bytes costs a fraction, and
    /// two different findings at the same place with the same digest are not a practical concern.
    private struct Key: Hashable {
        let range: LSPRange
        let digest: UInt64

        init(_ f: Finding, _ range: LSPRange) {
            self.range = range
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            func mix(_ s: String) {
                for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
                h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3  // field separator
            }
            mix(f.ruleID)
            mix(f.severity.rawValue)
            mix(f.message)
            // Offsets inside fixes move with every edit before them; only their texts matter,
            // since cached entries have every edit on the finding's own range.
            for fix in f.fixes {
                mix(fix.title)
                for e in fix.edits { mix(e.newText) }
            }
            digest = h
        }
    }

    /// The findings last encoded, their JSON, and the first offset edited since.
    private var previous: [Finding] = []
    private var previousBytes: [[UInt8]] = []
    private var editedFrom = Int.max

    /// Notes an edit at `offset` (in the text as it was last encoded or later): findings before it
    /// keep their positions.
    mutating func edited(at offset: Int) { editedFrom = min(editedFrom, offset) }

    /// The diagnostics array of a publish, each element as JSON bytes.
    mutating func encode(_ findings: [Finding], _ converter: PositionConverter) -> [[UInt8]] {
        // Unchanged findings that end before the first edit sit where they sat: copied as they are.
        var prefix = 0
        let limit = min(findings.count, previous.count)
        while prefix < limit, findings[prefix].range.upperBound <= editedFrom, findings[prefix] == previous[prefix] {
            prefix += 1
        }
        var out = Array(previousBytes[..<prefix])
        out.reserveCapacity(findings.count)
        let rest = Array(findings[prefix...])
        let placed = DiagnosticMapping.ranges(rest, converter)
        var next: [Key: [UInt8]] = [:]
        next.reserveCapacity(rest.count)
        for i in rest.indices {
            let key = placed[i].editsOnOwnRange ? Key(rest[i], placed[i].range) : nil
            if let key, let bytes = cache[key] {
                next[key] = bytes
                out.append(bytes)
                continue
            }
            var writer = JSONWriter(capacity: 320)
            writer.diagnostic(DiagnosticMapping.make(rest[i], placed[i]))
            if let key { next[key] = writer.bytes }
            out.append(writer.bytes)
        }
        cache = next
        previous = findings
        previousBytes = out
        editedFrom = Int.max
        return out
    }
}
