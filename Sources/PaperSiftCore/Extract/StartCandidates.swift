/// The word-start filters of many rules (`starts:` words, organisation names) answered in one
/// pass over a text's word starts: for each rule, the positions where its pattern may begin.
///
/// One table says, for the first two bytes at a word start, which of up to 32 rules have a
/// prefix beginning with them; only those rules' filters are asked about that position. This
/// replaces one pass over the text per rule. Not thread-safe (scratch state).
final class StartCandidates {
    /// The filters, by member number; `memberOf[rule]` is a rule's member number or nil.
    private let filters: [StartFilter]
    private let memberOf: [Int: Int]
    /// By first pair (`first << 8 | second`, second 0 at the end): bit m for member m.
    private var members = [UInt32](repeating: 0, count: 65536)
    private var wordStarts = WordStarts()
    /// Scratch, per member: the candidate positions in the current text, in order.
    private var found: [[Int]]

    /// The most rules one table serves; further word-start rules scan for themselves.
    static let capacity = 32

    /// Takes the word-start filters among `filters` (rule number, filter), up to `capacity`.
    init(filters: [(Int, StartFilter)]) {
        let taken = Array(filters.filter { $0.1.atWordStart }.prefix(StartCandidates.capacity))
        self.filters = taken.map(\.1)
        memberOf = Dictionary(uniqueKeysWithValues: taken.enumerated().map { ($1.0, $0) })
        found = Array(repeating: [], count: taken.count)
        for (m, filter) in self.filters.enumerated() {
            for pair in filter.pairs { members[pair] |= 1 << UInt32(m) }
        }
    }

    /// Whether rule `rule` is served here.
    func serves(_ rule: Int) -> Bool { memberOf[rule] != nil }

    /// Finds every member's candidates in `text`.
    func scan(_ text: UnsafeBufferPointer<UInt8>) {
        for m in found.indices where !found[m].isEmpty { found[m].removeAll(keepingCapacity: true) }
        guard !filters.isEmpty else { return }
        wordStarts.index(text)
        let count = text.count
        members.withUnsafeBufferPointer { members in
            filters.withUnsafeBufferPointer { filters in
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

    /// Calls `body` with rule `rule`'s candidates in the scanned text (nil if it is not served here).
    func withCandidates<R>(of rule: Int, _ body: (UnsafeBufferPointer<Int>?) throws(PatternMatchError) -> R) throws(PatternMatchError) -> R {
        guard let m = memberOf[rule] else { return try body(nil) }
        return try found[m].withUnsafeBufferPointer { c throws(PatternMatchError) in try body(c) }
    }
}
