/// A set of scalars asked about once per character of a text: a bit per BMP scalar (8 KB), a
/// `Set` only for the rest. `Set<Unicode.Scalar>.contains` hashes with SipHash on every call, which
/// was most of the cost of the rules that test every character.
struct ScalarMembership: Sendable {
    private let bits: [UInt64]
    private let astral: Set<Unicode.Scalar>
    let isEmpty: Bool

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var bits = [UInt64](repeating: 0, count: 1024)
        var astral: Set<Unicode.Scalar> = []
        var any = false
        for s in scalars {
            any = true
            if s.value < 0x10000 { bits[Int(s.value >> 6)] |= 1 << UInt64(s.value & 63) } else { astral.insert(s) }
        }
        self.bits = bits
        self.astral = astral
        isEmpty = !any
    }

    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return !astral.isEmpty && astral.contains(s)
    }
}
