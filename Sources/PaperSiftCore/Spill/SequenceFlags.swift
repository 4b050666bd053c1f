/// One flag per sequence number (one bit each), in memory: counted in the budget, never spilled.
final class SequenceFlags: Spillable {
    private var words: [UInt64]

    init(count: UInt64, budget: MemoryBudget) {
        words = [UInt64](repeating: 0, count: Int((count + 63) / 64))
        budget.register(self)
    }

    var memoryInUse: Int { words.count * MemoryLayout<UInt64>.stride }
    var canSpill: Bool { false }
    func spill() {}

    subscript(_ i: UInt64) -> Bool {
        get { words[Int(i >> 6)] & (1 << (i & 63)) != 0 }
        set {
            if newValue { words[Int(i >> 6)] |= 1 << (i & 63) } else { words[Int(i >> 6)] &= ~(1 << (i & 63)) }
        }
    }
}
