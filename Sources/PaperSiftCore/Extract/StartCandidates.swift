/// The start filters of many rules (`starts:` words, organisation names) answered in one pass
/// over a text: for each rule, the positions where its pattern may begin.
///
/// Word-start filters are asked at the text's word starts only; `starts-at: any` filters at every
/// position that does not continue a multi-byte character (the pattern is never tried inside
/// one). For each group, a table by the first two bytes says which rules have a prefix beginning
/// with them; only those rules' filters are asked about that position. This replaces one pass
/// over the text per rule. Not thread-safe (scratch state).
final class StartCandidates {
    /// The word-start filters by member number, then the any-position ones.
    private let wordFilters: [StartFilter]
    private let anyFilters: [StartFilter]
    /// A rule's slot in `found`: word-start members first, then any-position ones.
    private let slotOf: [Int: Int]
    /// By first pair (`first << 8 | second`, second 0 at the end): bit m for word-start member m.
    private var wordMembers = [UInt32](repeating: 0, count: 65536)
    /// The same for the any-position members (fewer of them, so a smaller table).
    private var anyMembers = [UInt16](repeating: 0, count: 65536)
    private var wordStarts = WordStarts()
    /// Scratch, per slot: the candidate positions in the current text, in order.
    private var found: [[Int]]

    /// The most word-start rules one table serves; further ones scan for themselves.
    static let capacity = 32
    /// The most `starts-at: any` rules served; further ones scan for themselves.
    static let anyCapacity = 16

    /// Takes the start filters among `filters` (rule number, filter), up to the capacities.
    init(filters: [(Int, StartFilter)]) {
        let word = Array(filters.filter { $0.1.atWordStart }.prefix(StartCandidates.capacity))
        let any = Array(filters.filter { !$0.1.atWordStart }.prefix(StartCandidates.anyCapacity))
        wordFilters = word.map(\.1)
        anyFilters = any.map(\.1)
        slotOf = Dictionary(uniqueKeysWithValues: (word + any).enumerated().map { ($1.0, $0) })
        found = Array(repeating: [], count: word.count + any.count)
        for (m, filter) in wordFilters.enumerated() {
            for pair in filter.pairs { wordMembers[pair] |= 1 << UInt32(m) }
        }
        for (m, filter) in anyFilters.enumerated() {
            for pair in filter.pairs { anyMembers[pair] |= 1 << UInt16(m) }
        }
    }

    /// Whether rule `rule` is served here.
    func serves(_ rule: Int) -> Bool { slotOf[rule] != nil }

    /// Finds every member's candidates in `text`.
    func scan(_ text: UnsafeBufferPointer<UInt8>) {
        for m in found.indices where !found[m].isEmpty { found[m].removeAll(keepingCapacity: true) }
        if !wordFilters.isEmpty { scanWordStarts(text) }
        if !anyFilters.isEmpty { scanEveryPosition(text) }
    }

    private func scanWordStarts(_ text: UnsafeBufferPointer<UInt8>) {
        wordStarts.index(text)
        let count = text.count
        wordMembers.withUnsafeBufferPointer { members in
            wordFilters.withUnsafeBufferPointer { filters in
                for q in wordStarts.all {
                    let second = q + 1 < count ? Int(text[q + 1]) : 0
                    var bits = members[Int(text[q]) << 8 | second]
                    while bits != 0 {
                        let m = bits.trailingZeroBitCount
                        bits &= bits - 1
                        if filters[m].allows(text, at: q) { found[m].append(q) }
                    }
                }
            }
        }
    }

    private func scanEveryPosition(_ text: UnsafeBufferPointer<UInt8>) {
        let count = text.count
        guard count > 0 else { return }
        let firstSlot = wordFilters.count
        anyMembers.withUnsafeBufferPointer { members in
            anyFilters.withUnsafeBufferPointer { filters in
                var pair = Int(text[0])
                for q in 0..<count {
                    // pair = text[q] << 8 | text[q + 1] (0 past the end), rolled along.
                    pair = (pair << 8 | (q + 1 < count ? Int(text[q + 1]) : 0)) & 0xFFFF
                    var bits = members[pair]
                    if bits == 0 || text[q] & 0xC0 == 0x80 { continue }
                    while bits != 0 {
                        let m = bits.trailingZeroBitCount
                        bits &= bits - 1
                        if filters[m].allows(text, at: q) { found[firstSlot + m].append(q) }
                    }
                }
            }
        }
    }

    /// Calls `body` with rule `rule`'s candidates in the scanned text (nil if it is not served here).
    func withCandidates<R>(of rule: Int, _ body: (UnsafeBufferPointer<Int>?) throws(PatternMatchError) -> R) throws(PatternMatchError) -> R {
        guard let m = slotOf[rule] else { return try body(nil) }
        return try found[m].withUnsafeBufferPointer { c throws(PatternMatchError) in try body(c) }
    }
}
