/// A fixed-size plain value that `TupleSorter` sorts.
protocol SortTuple: Comparable, BitwiseCopyable {
    init()
    /// Sorts `items` (values that compare equal being equal, any sort will do).
    static func sort(_ items: inout [Self])
}

extension SortTuple {
    static func sort(_ items: inout [Self]) { items.sort() }
}

/// An external sort of fixed-size values, in memory while the budget allows, else through sorted
/// runs on disk; reading gives the same sequence either way (values that compare equal are equal
/// in every field, so their order cannot show).
final class TupleSorter<T: SortTuple>: Spillable {
    private let directory: SpillDirectory
    private let budget: MemoryBudget
    private var items: [T] = []
    private var runs = RunLevels()
    private var reading = false
    private var memoryIndex = 0
    private var merging = false
    private var heap = MergeHeap<TupleRunCursor<T>>(less: { $0.current < $1.current })
    private var lastCursor: TupleRunCursor<T>?

    init(directory: SpillDirectory, budget: MemoryBudget) {
        self.directory = directory
        self.budget = budget
        budget.register(self)
    }

    /// The array, plus the scratch buffer that sorting it takes (as large for a radix sort).
    var memoryInUse: Int { items.capacity * MemoryLayout<T>.stride * 2 }
    var canSpill: Bool { !reading && !items.isEmpty }
    /// Runs written so far (for tests and statistics).
    private(set) var runsWritten = 0

    func add(_ value: T) throws(SpillError) {
        if items.count == items.capacity, !items.isEmpty, !budget.allows(extra: items.count * MemoryLayout<T>.stride * 2) {
            try spill()
        }
        items.append(value)
        if items.count == items.capacity { try budget.enforce() }
    }

    func spill() throws(SpillError) {
        guard !items.isEmpty else { return }
        T.sort(&items)
        let file = try directory.createFile()
        try withBytes(of: items) { (p: UnsafeRawBufferPointer) throws(SpillError) in try file.append(p) }
        try file.finishWriting()
        items = []
        runsWritten += 1
        try runs.add(file) { (files: [SpillFile]) throws(SpillError) in try self.merge(files) }
    }

    /// The next value in order, or nil at the end.
    func next() throws(SpillError) -> T? {
        if !reading { try startReading() }
        if merging {
            if let last = lastCursor {
                if try last.advance() { heap.topChanged() } else { heap.removeTop() }
            }
            lastCursor = heap.top
            return lastCursor?.current
        }
        guard memoryIndex < items.count else { items = []; return nil }
        memoryIndex += 1
        return items[memoryIndex - 1]
    }

    private func startReading() throws(SpillError) {
        if runs.isEmpty {
            T.sort(&items)
            reading = true
            return
        }
        try spill()
        reading = true
        merging = true
        for file in runs.takeAll() {
            let c = TupleRunCursor<T>(file)
            if try c.advance() { heap.push(c) }
        }
    }

    private func merge(_ files: [SpillFile]) throws(SpillError) -> SpillFile {
        var heap = MergeHeap<TupleRunCursor<T>>(less: { $0.current < $1.current })
        for f in files {
            let c = TupleRunCursor<T>(f)
            if try c.advance() { heap.push(c) }
        }
        let out = try directory.createFile()
        // Written in batches of whole array elements: a run holds values at their stride.
        var batch: [T] = []
        batch.reserveCapacity(4096)
        while let c = heap.top {
            batch.append(c.current)
            if batch.count == 4096 {
                try withBytes(of: batch) { (p: UnsafeRawBufferPointer) throws(SpillError) in try out.append(p) }
                batch.removeAll(keepingCapacity: true)
            }
            if try c.advance() { heap.topChanged() } else { heap.removeTop() }
        }
        try withBytes(of: batch) { (p: UnsafeRawBufferPointer) throws(SpillError) in try out.append(p) }
        try out.finishWriting()
        return out
    }
}

/// Reads the values of one sorted run.
final class TupleRunCursor<T: SortTuple> {
    private let reader: SpillReader
    private var pending = 0
    private(set) var current = T()

    init(_ file: SpillFile) { reader = SpillReader(file, bufferSize: 64 << 10) }

    func advance() throws(SpillError) -> Bool {
        reader.consume(pending)
        pending = 0
        let size = MemoryLayout<T>.stride
        guard let p = try reader.peek(size) else { return false }
        current = p.loadUnaligned(as: T.self)
        pending = size
        return true
    }
}
