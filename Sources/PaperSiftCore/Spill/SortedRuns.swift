/// Sorted runs written by a sorter, by merge level: when a level holds `fanIn` runs they are
/// merged into one run of the next level, so few files are open at any time whatever the input
/// size. Every sort key is unique, so the order in which runs are merged never shows in the result.
struct RunLevels {
    static let fanIn = 32
    private var levels: [[SpillFile]] = []

    var isEmpty: Bool { levels.allSatisfy(\.isEmpty) }
    var count: Int { levels.reduce(0) { $0 + $1.count } }

    mutating func add(_ run: SpillFile, merge: ([SpillFile]) throws(SpillError) -> SpillFile) throws(SpillError) {
        var run = run
        var level = 0
        while true {
            if levels.count <= level { levels.append([]) }
            levels[level].append(run)
            guard levels[level].count >= RunLevels.fanIn else { return }
            run = try merge(levels[level])
            levels[level] = []
            level += 1
        }
    }

    /// All runs, taken out.
    mutating func takeAll() -> [SpillFile] {
        let all = levels.flatMap { $0 }
        levels = []
        return all
    }
}

/// A binary min-heap of merge cursors.
struct MergeHeap<C: AnyObject> {
    private(set) var items: [C] = []
    private let less: (C, C) -> Bool

    init(less: @escaping (C, C) -> Bool) { self.less = less }

    var top: C? { items.first }

    mutating func push(_ c: C) {
        items.append(c)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    /// Restores the order after the top cursor moved on.
    mutating func topChanged() { siftDown(0) }

    mutating func removeTop() {
        items.swapAt(0, items.count - 1)
        items.removeLast()
        if !items.isEmpty { siftDown(0) }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, less(items[l], items[m]) { m = l }
            if r < items.count, less(items[r], items[m]) { m = r }
            if m == i { return }
            items.swapAt(i, m)
            i = m
        }
    }
}
