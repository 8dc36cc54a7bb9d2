/// A set of characters asked about once per character of a document: a bit per BMP code point
/// (one load and a mask), a hash set beyond it.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var astral: Set<UInt32> = []
    private(set) var isEmpty = true

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    mutating func insert(_ s: Unicode.Scalar) {
        isEmpty = false
        if s.value < 0x10000 { bits[Int(s.value >> 6)] |= 1 << (s.value & 63) } else { astral.insert(s.value) }
    }

    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x10000 ? bits[Int(v >> 6)] & (1 << (v & 63)) != 0 : astral.contains(v)
    }
}

/// A document as UTF-16 for ICU, made once per lint and shared by the rules that search it, with
/// the way between UTF-16 offsets and scalar offsets (the identity unless a character lies
/// beyond the BMP).
public struct DocumentUTF16: Sendable {
    public let units: [UInt16]
    private let unitOfScalar: [Int]?
    private let scalarOfUnit: [Int]?

    init(_ document: TextDocument) {
        var units: [UInt16] = []
        units.reserveCapacity(document.count)
        var astral = false
        for s in document.scalars {
            if s.value < 0x10000 { units.append(UInt16(s.value)) } else {
                astral = true
                UTF16.encode(s) { units.append($0) }
            }
        }
        self.units = units
        guard astral else {
            unitOfScalar = nil
            scalarOfUnit = nil
            return
        }
        var unitOf = [Int](repeating: 0, count: document.count + 1)
        var scalarOf = [Int](repeating: 0, count: units.count + 1)
        var u = 0
        for (i, s) in document.scalars.enumerated() {
            unitOf[i] = u
            scalarOf[u] = i
            if s.value >= 0x10000 {
                scalarOf[u + 1] = i
                u += 2
            } else {
                u += 1
            }
        }
        unitOf[document.count] = u
        scalarOf[u] = document.count
        unitOfScalar = unitOf
        scalarOfUnit = scalarOf
    }

    public func units(of scalars: Range<Int>) -> Range<Int> {
        guard let unitOfScalar else { return scalars }
        return unitOfScalar[scalars.lowerBound]..<unitOfScalar[scalars.upperBound]
    }

    public func scalars(of units: Range<Int>) -> Range<Int> {
        guard let scalarOfUnit else { return units }
        return scalarOfUnit[units.lowerBound]..<scalarOfUnit[units.upperBound]
    }
}
