/// Where a match of a pattern can begin, judged from its first three bytes and the byte before.
/// A `PCRE2Pattern` with a filter tries its anchored compilation only at the positions the filter
/// allows instead of at every position, which pays off for literal alternations (organisation
/// names, a rule's `starts:` words) whose first letters are common.
///
/// A prefix is allowed either at a word start only (not right after an ASCII letter, digit or
/// `_`) or anywhere, inside words too. The filter must allow every position where a (non-empty)
/// match can begin; it may allow more.
public struct StartFilter: Sendable {
    /// Prefixes allowed at a word start, and those allowed anywhere.
    private var atWord = PrefixTable()
    private var anywhere = PrefixTable()

    /// A filter that allows nothing yet.
    public init() {}

    /// True when every allowed prefix needs a word start: positions inside words never need asking.
    public var atWordStart: Bool { anywhere.isEmpty }

    /// Allows matches beginning with `prefix` (one to three bytes; a shorter prefix allows any
    /// continuation) at a word start, or anywhere (inside a word too).
    public mutating func allow(prefix: [UInt8], atWordStart: Bool) {
        if atWordStart { atWord.allow(prefix) } else { anywhere.allow(prefix) }
    }

    /// The first position at or after `start` where a match may begin, or nil.
    func nextCandidate(in s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = s.baseAddress, start < s.count else { return nil }
        let count = s.count
        let wordOnly = atWordStart
        var q = wordOnly ? StartFilter.wordStart(base, count, from: start) : start
        while q < count {
            if allows(s, at: q) { return q }
            q = wordOnly ? StartFilter.wordStart(base, count, from: q + 1) : q + 1
        }
        return nil
    }

    /// Whether a match may begin at `q` (`q` < `s.count`). For a filter that is `atWordStart`,
    /// the caller has checked that `q` is a word start; otherwise the word-start prefixes are
    /// checked here against the byte before.
    @inline(__always)
    func allows(_ s: UnsafeBufferPointer<UInt8>, at q: Int) -> Bool {
        if anywhere.isEmpty { return atWord.allows(s, at: q) }
        if anywhere.allows(s, at: q) { return true }
        return (q == 0 || !isWordByte(s[q - 1])) && atWord.allows(s, at: q)
    }

    /// Every pair (`first << 8 | second`) some allowed prefix begins with, ascending.
    var pairs: [Int] { PrefixTable.pairs(of: [atWord, anywhere]) }

    /// The first position at or after `q` that does not follow an ASCII word byte.
    @inline(__always)
    private static func wordStart(_ base: UnsafePointer<UInt8>, _ count: Int, from q: Int) -> Int {
        var q = q
        while q > 0, q < count, isWordByte(base[q - 1]) { q += 1 }
        return q
    }
}

/// Prefixes of one to three bytes as bitsets: pairs that allow any continuation, pairs that need
/// their third byte checked, and a hash of those third bytes (a few other triples get through).
private struct PrefixTable: Sendable {
    /// Bit `first << 8 | second` (second 0 at the end of the subject): a match may begin here.
    private var anyPairs: [UInt64] = []
    /// Bit `first << 8 | second`: a match may begin here if the third byte fits too (`triples`).
    private var triplePairs: [UInt64] = []
    /// Bit `tripleHash(first, second, third)`: a match may begin with these three bytes.
    private var triples: [UInt64] = []

    /// Nothing allowed (the bitsets are made on the first `allow`).
    var isEmpty: Bool { anyPairs.isEmpty }

    mutating func allow(_ prefix: [UInt8]) {
        guard !prefix.isEmpty else { return }
        if anyPairs.isEmpty {
            anyPairs = [UInt64](repeating: 0, count: 65536 / 64)
            triplePairs = anyPairs
            triples = anyPairs
        }
        switch prefix.count {
        case 1:
            for second in 0..<256 { PrefixTable.set(&anyPairs, Int(prefix[0]) << 8 | second) }
        case 2:
            PrefixTable.set(&anyPairs, Int(prefix[0]) << 8 | Int(prefix[1]))
        default:
            PrefixTable.set(&triplePairs, Int(prefix[0]) << 8 | Int(prefix[1]))
            PrefixTable.set(&triples, PrefixTable.tripleHash(prefix[0], prefix[1], prefix[2]))
        }
    }

    /// Whether an allowed prefix begins at `q` (`q` < `s.count`; false when empty).
    @inline(__always)
    func allows(_ s: UnsafeBufferPointer<UInt8>, at q: Int) -> Bool {
        guard !anyPairs.isEmpty else { return false }
        let count = s.count
        let second = q + 1 < count ? s[q + 1] : 0
        let pair = Int(s[q]) << 8 | Int(second)
        return anyPairs.withUnsafeBufferPointer { any in
            if PrefixTable.test(any, pair) { return true }
            guard q + 2 < count else { return false }
            return triplePairs.withUnsafeBufferPointer { needsThird in
                guard PrefixTable.test(needsThird, pair) else { return false }
                return triples.withUnsafeBufferPointer { PrefixTable.test($0, PrefixTable.tripleHash(s[q], second, s[q + 2])) }
            }
        }
    }

    /// Every pair some prefix of one of `tables` begins with, ascending, each once.
    static func pairs(of tables: [PrefixTable]) -> [Int] {
        var out: [Int] = []
        for w in 0..<(65536 / 64) {
            var bits: UInt64 = 0
            for t in tables where !t.isEmpty { bits |= t.anyPairs[w] | t.triplePairs[w] }
            while bits != 0 {
                out.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return out
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
struct WordStarts {
    /// The positions are `storage[0..<count]`; the storage is reused from text to text.
    private var storage: [Int] = []
    private var count = 0

    /// Forgets the previous text and indexes `text`.
    mutating func index(_ text: UnsafeBufferPointer<UInt8>) {
        if storage.count < text.count { storage = [Int](repeating: 0, count: max(text.count, 2 * storage.count)) }
        count = storage.withUnsafeMutableBufferPointer { out in
            var n = 0
            guard let base = text.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            // A position counts unless the byte before is a word byte or it is a continuation
            // byte. Eight bytes at a time: bit 7 of each byte of a mask answers for that byte.
            var previousIsWord = false
            var i = 0
            while i + 8 <= text.count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let word = wordByteMask(x)
                let continuation = x & ~(x << 1) & highBits
                let before = word << 8 | (previousIsWord ? 0x80 : 0)
                var starts = ~before & ~continuation & highBits
                while starts != 0 {
                    out[n] = i + starts.trailingZeroBitCount >> 3
                    n += 1
                    starts &= starts - 1
                }
                previousIsWord = word >> 63 != 0
                i += 8
            }
            while i < text.count {
                let b = text[i]
                if !previousIsWord && b & 0xC0 != 0x80 { out[n] = i; n += 1 }
                previousIsWord = isWordByte(b)
                i += 1
            }
            return n
        }
    }

    /// The positions, in order.
    var all: ArraySlice<Int> { storage[0..<count] }
}

private let highBits: UInt64 = 0x8080_8080_8080_8080

/// Bit 7 of each byte set where that byte of `x` is an ASCII letter, digit or `_`.
@inline(__always)
private func wordByteMask(_ x: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7 = x & 0x7F7F_7F7F_7F7F_7F7F
    // Bit 7 of a byte of `v &+ (0x80 - lo) * ones` is set when that byte (below 0x80) is ≥ lo; no carries.
    @inline(__always) func atLeast(_ v: UInt64, _ lo: UInt64) -> UInt64 { v &+ (0x80 - lo) &* ones }
    @inline(__always) func within(_ v: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 { atLeast(v, lo) & ~atLeast(v, hi + 1) }
    let folded = low7 | 0x2020_2020_2020_2020
    let word = within(folded, 0x61, 0x7A) | within(low7, 0x30, 0x39) | within(low7, 0x5F, 0x5F)
    return word & ~x & highBits
}

@inline(__always)
private func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F
}
