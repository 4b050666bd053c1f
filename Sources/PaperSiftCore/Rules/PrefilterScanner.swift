/// The `prefilter:` literals of many rules, found in one pass over a text: which rules may run on
/// it, and where their literals occur (the ends of a `window:` rule's windows).
///
/// Literals are indexed by their first two bytes, ASCII-lower-cased (a one-byte literal under
/// every second byte). At each position of the text, one branch-free test of two small bitsets
/// (the first two bytes of the literals of one or two bytes, a hash of the first three of the
/// others) says whether any literal may begin there; only then are the literals of that pair
/// compared, against the lower-cased text for a caseless rule and against the text as written
/// otherwise. Not thread-safe (scratch state).
final class PrefilterScanner {
    /// The literals, flattened: literal `id`'s bytes are `bytes[start[id]..<start[id + 1]]`.
    private let bytes: [UInt8]
    private let start: [Int]
    private let caseless: [Bool]
    private let owner: [Int]
    /// By lower-cased first pair (`first << 8 | second`, second 0 at the end of the text): the
    /// literals beginning with it are `bucketIDs[bucketStart[pair]..<bucketStart[pair + 1]]`.
    private let bucketStart: [Int32]
    private let bucketIDs: [Int32]
    /// Bit `pair`: some literal of one or two bytes begins with it (no third byte to check).
    private let shortPairBits: [UInt64]
    /// Bit `tripleHash` of the first three lower-cased bytes of every longer literal.
    private let tripleBits: [UInt64]
    /// Bit `pair`: some literal begins with it (the first, cheapest test at each position).
    private let startPairBits: [UInt64]
    /// Per rule: whether it has a prefilter at all.
    private let filtered: [Bool]
    /// Scratch, per rule: the positions where its literals occur in the current text, in order.
    private var found: [[Int]]
    /// Scratch: the current text ASCII-lower-cased, then two zero bytes.
    private var lowered: [UInt8] = []

    /// Indexes the prefilter literals of `rules`; rule `i` is asked about by its index.
    init(rules: [CompiledRule]) {
        var bytes: [UInt8] = [], start = [0], caseless: [Bool] = [], owner: [Int] = []
        var entries: [(pair: Int, id: Int32)] = []
        var shortPairBits = [UInt64](repeating: 0, count: 65536 / 64)
        var tripleBits = [UInt64](repeating: 0, count: 65536 / 64)
        for (i, rule) in rules.enumerated() where PrefilterScanner.needsScan(rule) {
            for literal in rule.prefilterLiterals {
                let id = Int32(owner.count)
                bytes += literal
                start.append(bytes.count)
                caseless.append(rule.caseless)
                owner.append(i)
                let first = Int(asciiLower(literal[0]))
                if literal.count == 1 {
                    for second in 0..<256 {
                        entries.append((first << 8 | second, id))
                        setBit(&shortPairBits, first << 8 | second)
                    }
                } else {
                    let pair = first << 8 | Int(asciiLower(literal[1]))
                    entries.append((pair, id))
                    if literal.count == 2 { setBit(&shortPairBits, pair) }
                    else { setBit(&tripleBits, tripleHash(asciiLower(literal[0]), asciiLower(literal[1]), asciiLower(literal[2]))) }
                }
            }
        }
        // Buckets by pair, literals in rule order within each (a stable sort by pair).
        entries.sort { $0.pair != $1.pair ? $0.pair < $1.pair : $0.id < $1.id }
        var bucketStart = [Int32](repeating: 0, count: 65537)
        for e in entries { bucketStart[e.pair + 1] += 1 }
        for pair in 0..<65536 { bucketStart[pair + 1] += bucketStart[pair] }
        let bucketIDs = entries.map(\.id)
        var startPairBits = [UInt64](repeating: 0, count: 65536 / 64)
        for e in entries { setBit(&startPairBits, e.pair) }
        self.startPairBits = startPairBits
        self.shortPairBits = shortPairBits
        self.tripleBits = tripleBits
        (self.bucketStart, self.bucketIDs) = (bucketStart, bucketIDs)
        (self.bytes, self.start, self.caseless, self.owner) = (bytes, start, caseless, owner)
        filtered = rules.map(PrefilterScanner.needsScan)
        found = Array(repeating: [], count: rules.count)
    }

    /// Whether `rule`'s prefilter is looked for. That of a rule with a start filter is not when it
    /// has a literal of one or two bytes (`x`, `%`, `On`): such a rule is tried only where its
    /// `starts:` words are anyway, and short literals, among the commonest byte pairs, would make
    /// the pass over every text dearer than the attempts they save.
    static func needsScan(_ rule: CompiledRule) -> Bool {
        !rule.prefilterLiterals.isEmpty && (rule.startFilter == nil || rule.prefilterLiterals.allSatisfy { $0.count >= 3 })
    }

    /// Scans `text` (lower-cased here into a scratch copy with two zero bytes after the end, so
    /// the loop needs no bounds tests).
    func scan(_ text: UnsafeBufferPointer<UInt8>) {
        for i in found.indices where !found[i].isEmpty { found[i].removeAll(keepingCapacity: true) }
        let count = text.count
        guard count > 0, let raw = text.baseAddress else { return }
        if lowered.count < count + 2 { lowered = [UInt8](repeating: 0, count: max(count + 2, 2 * lowered.count)) }
        lowered.withUnsafeMutableBufferPointer { low in
            for i in 0..<count { let b = raw[i]; low[i] = b &- 0x41 < 26 ? b | 0x20 : b }
            low[count] = 0
            low[count + 1] = 0
        }
        lowered.withUnsafeBufferPointer { lowered in
        startPairBits.withUnsafeBufferPointer { startPairBits in
        shortPairBits.withUnsafeBufferPointer { shortPairBits in
        tripleBits.withUnsafeBufferPointer { tripleBits in
        bucketStart.withUnsafeBufferPointer { bucketStart in
        bucketIDs.withUnsafeBufferPointer { bucketIDs in
        bytes.withUnsafeBufferPointer { bytes in
        start.withUnsafeBufferPointer { start in
        caseless.withUnsafeBufferPointer { caseless in
            let low = lowered.baseAddress!
            var pair = Int(low[0])
            for q in 0..<count {
                // pair = low[q] << 8 | low[q + 1], rolled along. Most pairs begin no literal: one
                // bit test of a small table says so; then the two-byte literals' pairs or a hash
                // of the first three bytes of the longer ones.
                pair = (pair << 8 | Int(low[q + 1])) & 0xFFFF
                if startPairBits[pair >> 6] >> UInt64(pair & 63) & 1 == 0 { continue }
                if shortPairBits[pair >> 6] >> UInt64(pair & 63) & 1 == 0 {
                    let triple = tripleHash(low[q], low[q + 1], low[q + 2])
                    if tripleBits[triple >> 6] >> UInt64(triple & 63) & 1 == 0 { continue }
                }
                var b = Int(bucketStart[pair])
                let end = Int(bucketStart[pair + 1])
                while b < end {
                    let id = Int(bucketIDs[b])
                    b += 1
                    let from = start[id], n = start[id + 1] - from
                    guard q + n <= count else { continue }
                    let subject = caseless[id] ? low : raw
                    var j = 0
                    while j < n, subject[q + j] == bytes[from + j] { j += 1 }
                    if j == n { note(owner[id], at: q) }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    @inline(__always)
    private func note(_ rule: Int, at q: Int) {
        if found[rule].last != q { found[rule].append(q) }
    }

    /// Whether rule `i` may run on the scanned text (it has no prefilter, or one of its literals occurs).
    @inline(__always)
    func passes(_ i: Int) -> Bool { !filtered[i] || !found[i].isEmpty }

    /// Where rule `i`'s literals occur in the scanned text, in order.
    func occurrences(of i: Int) -> [Int] { found[i] }
}

@inline(__always)
private func setBit(_ bits: inout [UInt64], _ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }

@inline(__always)
private func tripleHash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
    Int(((UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)) &* 2_654_435_761) >> 16)
}

@inline(__always)
private func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
