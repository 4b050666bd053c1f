/// Where a match of a pattern can begin in a pure-ASCII subject, judged from its first three
/// bytes and, optionally, the byte before. A `PCRE2Pattern` with a filter tries its anchored
/// compilation only at the positions the filter allows instead of at every position, which pays
/// off for large literal alternations (the organisation names) whose first letters are common.
///
/// The filter must allow every position where a (non-empty) match can begin; it may allow more.
public struct StartFilter: Sendable {
    /// A match never begins right after an ASCII letter, digit or `_`.
    public let atWordStart: Bool
    /// Bit `first`: a match may begin with this byte whatever follows.
    private var singles = [UInt64](repeating: 0, count: 4)
    /// Bit `first << 8 | second`: a match may begin with these two bytes whatever follows.
    private var pairs = [UInt64](repeating: 0, count: 65536 / 64)
    /// Bit `tripleHash(first, second, third)`: a match may begin with these three bytes (a hash,
    /// so a few other triples are let through too).
    private var triples = [UInt64](repeating: 0, count: 65536 / 64)

    public init(atWordStart: Bool) { self.atWordStart = atWordStart }

    /// Allows matches beginning with `prefix` (one to three bytes; a shorter prefix allows any continuation).
    public mutating func allow(prefix: [UInt8]) {
        switch prefix.count {
        case 1: StartFilter.set(&singles, Int(prefix[0]))
        case 2: StartFilter.set(&pairs, Int(prefix[0]) << 8 | Int(prefix[1]))
        default: StartFilter.set(&triples, StartFilter.tripleHash(prefix[0], prefix[1], prefix[2]))
        }
    }

    /// The first position at or after `start` where a match may begin, or nil.
    func nextCandidate(in s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var q = start
        let count = s.count
        while q < count {
            defer { q += 1 }
            if atWordStart && q > 0 && isWordByte(s[q - 1]) { continue }
            let first = s[q]
            if StartFilter.test(singles, Int(first)) { return q }
            guard q + 1 < count else { continue }
            let second = s[q + 1]
            if StartFilter.test(pairs, Int(first) << 8 | Int(second)) { return q }
            if q + 2 < count, StartFilter.test(triples, StartFilter.tripleHash(first, second, s[q + 2])) { return q }
        }
        return nil
    }

    @inline(__always)
    private static func tripleHash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int(((UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)) &* 2_654_435_761) >> 16)
    }

    @inline(__always)
    private static func set(_ bits: inout [UInt64], _ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }

    @inline(__always)
    private static func test(_ bits: [UInt64], _ i: Int) -> Bool { bits[i >> 6] & (1 << UInt64(i & 63)) != 0 }
}

@inline(__always)
private func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F
}
