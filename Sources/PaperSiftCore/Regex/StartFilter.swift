/// Where a match of a pattern can begin, judged from its first three bytes and, optionally, the
/// byte before. A `PCRE2Pattern` with a filter tries its anchored compilation only at the
/// positions the filter allows instead of at every position, which pays off for literal
/// alternations (organisation names, a rule's `starts:` words) whose first letters are common.
///
/// The filter must allow every position where a (non-empty) match can begin; it may allow more.
public struct StartFilter: Sendable {
    /// A match never begins right after an ASCII letter, digit or `_`.
    public let atWordStart: Bool
    /// Bit `first << 8 | second` (second 0 at the end of the subject): a match may begin here.
    private var anyPairs = [UInt64](repeating: 0, count: 65536 / 64)
    /// Bit `first << 8 | second`: a match may begin here if the third byte fits too (`triples`).
    private var triplePairs = [UInt64](repeating: 0, count: 65536 / 64)
    /// Bit `tripleHash(first, second, third)`: a match may begin with these three bytes (a hash,
    /// so a few other triples are let through too).
    private var triples = [UInt64](repeating: 0, count: 65536 / 64)

    public init(atWordStart: Bool) { self.atWordStart = atWordStart }

    /// Allows matches beginning with `prefix` (one to three bytes; a shorter prefix allows any continuation).
    public mutating func allow(prefix: [UInt8]) {
        switch prefix.count {
        case 0: return
        case 1:
            for second in 0..<256 { StartFilter.set(&anyPairs, Int(prefix[0]) << 8 | second) }
        case 2:
            StartFilter.set(&anyPairs, Int(prefix[0]) << 8 | Int(prefix[1]))
        default:
            StartFilter.set(&triplePairs, Int(prefix[0]) << 8 | Int(prefix[1]))
            StartFilter.set(&triples, StartFilter.tripleHash(prefix[0], prefix[1], prefix[2]))
        }
    }

    /// The first position at or after `start` where a match may begin, or nil. `wordStarts`, when
    /// given, lists the subject's word starts in order (see `WordStarts`) for a filter `atWordStart`.
    func nextCandidate(in s: UnsafeBufferPointer<UInt8>, from start: Int,
                       wordStarts: UnsafeBufferPointer<Int>? = nil) -> Int? {
        guard let base = s.baseAddress, start < s.count else { return nil }
        let count = s.count
        return anyPairs.withUnsafeBufferPointer { any in
            triplePairs.withUnsafeBufferPointer { needsThird in
                triples.withUnsafeBufferPointer { triples in
                    @inline(__always) func allowed(_ q: Int) -> Bool {
                        let second = q + 1 < count ? Int(base[q + 1]) : 0
                        let pair = Int(base[q]) << 8 | second
                        if StartFilter.test(any, pair) { return true }
                        guard q + 2 < count, StartFilter.test(needsThird, pair) else { return false }
                        return StartFilter.test(triples, StartFilter.tripleHash(base[q], UInt8(second), base[q + 2]))
                    }
                    if atWordStart, let wordStarts {
                        var i = WordStarts.firstIndex(in: wordStarts, notBefore: start)
                        while i < wordStarts.count {
                            let q = wordStarts[i]
                            if allowed(q) { return q }
                            i += 1
                        }
                        return nil
                    }
                    var q = start
                    if atWordStart { q = StartFilter.wordStart(base, count, from: q) }
                    while q < count {
                        if allowed(q) { return q }
                        q = atWordStart ? StartFilter.wordStart(base, count, from: q + 1) : q + 1
                    }
                    return nil
                }
            }
        }
    }

    /// The first position at or after `q` that does not follow an ASCII word byte.
    @inline(__always)
    private static func wordStart(_ base: UnsafePointer<UInt8>, _ count: Int, from q: Int) -> Int {
        var q = q
        while q > 0, q < count, isWordByte(base[q - 1]) { q += 1 }
        return q
    }

    @inline(__always)
    private static func set(_ bits: inout [UInt64], _ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }

    @inline(__always)
    private static func test(_ bits: UnsafeBufferPointer<UInt64>, _ i: Int) -> Bool { bits[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    @inline(__always)
    private static func tripleHash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int(((UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)) &* 2_654_435_761) >> 16)
    }
}

/// The word starts of a text (positions not right after an ASCII letter, digit or `_`, and not
/// inside a multi-byte character), found once and shared by every start filter run over it.
public struct WordStarts {
    private var positions: [Int] = []

    public init() {}

    /// Forgets the previous text and indexes `text`.
    public mutating func index(_ text: UnsafeBufferPointer<UInt8>) {
        positions = [Int](unsafeUninitializedCapacity: text.count) { out, n in
            n = 0
            var previousIsWord = false
            for i in 0..<text.count {
                let b = text[i]
                if !previousIsWord && b & 0xC0 != 0x80 { out[n] = i; n += 1 }
                previousIsWord = isWordByte(b)
            }
        }
    }

    /// Calls `body` with the positions, in order.
    public func withPositions<R>(_ body: (UnsafeBufferPointer<Int>) throws(PatternMatchError) -> R) throws(PatternMatchError) -> R {
        try positions.withUnsafeBufferPointer { p throws(PatternMatchError) in try body(p) }
    }

    /// The index of the first position ≥ `start` (binary search).
    @inline(__always)
    static func firstIndex(in positions: UnsafeBufferPointer<Int>, notBefore start: Int) -> Int {
        var low = 0, high = positions.count
        while low < high {
            let mid = (low + high) >> 1
            if positions[mid] < start { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

@inline(__always)
private func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F
}
