/// Something that holds data in memory and can move it to temporary files on request.
protocol Spillable: AnyObject {
    /// Bytes of memory it holds now.
    var memoryInUse: Int { get }
    /// False while it is being read (its memory cannot be given back then).
    var canSpill: Bool { get }
    func spill() throws(SpillError)
}

/// The memory that dedupe's in-memory data may use (`--max-memory`), shared by its sorters and
/// logs: when an addition takes the total over the limit, the largest holder that can spill does.
/// The result never depends on when spills happen (every sort is by a unique key), only the speed.
final class MemoryBudget {
    let limit: Int
    private var members: [WeakSpillable] = []
    /// Below this a holder is not worth spilling.
    static let smallestSpill = 4 << 10

    init(limit: Int) { self.limit = limit }

    func register(_ s: Spillable) { members.append(WeakSpillable(value: s)) }

    var used: Int { members.reduce(0) { $0 + ($1.value?.memoryInUse ?? 0) } }

    /// Whether `extra` more bytes fit (used before a holder doubles an array).
    func allows(extra: Int) -> Bool { used + extra <= limit }

    /// Bytes added since the holders' memory was last summed up.
    private var unchecked = 0

    /// `enforce` after `added` more bytes, summing up the holders' memory only once a 256th of
    /// the limit was added since the last time (so the limit may be passed by that much).
    func enforce(added: Int) throws(SpillError) {
        unchecked += added
        guard unchecked >= max(limit >> 8, 1) else { return }
        try enforce()
    }

    /// Spills the largest holders until the total is within the limit (or nothing can spill).
    func enforce() throws(SpillError) {
        unchecked = 0
        var total = used
        while total > limit {
            var victim: Spillable?
            for m in members {
                guard let s = m.value, s.canSpill, s.memoryInUse >= MemoryBudget.smallestSpill else { continue }
                if victim == nil || s.memoryInUse > victim!.memoryInUse { victim = s }
            }
            guard let victim else { return }
            try victim.spill()
            total = used
        }
    }
}

private struct WeakSpillable { weak var value: Spillable? }
