/// A 64-bit FNV-1a-style hash over Unicode scalars, fed one scalar at a time. The word list keys
/// its table with it and the splice finder its windows; 0 is never returned (it marks an empty
/// slot).
enum ScalarHash {
    static let seed: UInt64 = 0xcbf29ce484222325

    @inline(__always) static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 {
        var h = (h ^ UInt64(v)) &* 0x100000001b3
        h ^= h >> 29
        return h
    }

    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    static func of<C: Collection>(_ scalars: C) -> UInt64 where C.Element == Unicode.Scalar {
        var h = seed
        for s in scalars { h = mix(h, s.value) }
        return finish(h)
    }
}
