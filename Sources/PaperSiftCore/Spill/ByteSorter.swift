#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An external sort of (key, value) byte entries by key (bytewise, shorter first on a tie), with
/// unique keys. Entries stay in memory while the budget allows, else go to sorted runs on disk;
/// reading gives the same sequence either way.
///
/// Entry layout, in memory and in runs: key length and value length (UInt32 little-endian), key,
/// value.
final class ByteSorter: Spillable {
    private struct Slot { var prefix: UInt64; var location: UInt64 }

    private let directory: SpillDirectory
    private let budget: MemoryBudget
    private let arena = ChunkArena()
    private var slots: [Slot] = []
    private var runs = RunLevels()
    private var reading = false
    // Reading state.
    private var memoryIndex = 0
    private var merging = false
    private var heap = MergeHeap<ByteRunCursor>(less: ByteRunCursor.less)
    private var lastCursor: ByteRunCursor?

    init(directory: SpillDirectory, budget: MemoryBudget) {
        self.directory = directory
        self.budget = budget
        budget.register(self)
    }

    /// The entries and their index, plus the half-size scratch buffer that sorting the index takes.
    var memoryInUse: Int { arena.bytesInUse + slots.capacity * MemoryLayout<Slot>.stride * 3 / 2 }
    var canSpill: Bool { !reading && !slots.isEmpty }
    /// Runs written so far (for tests and statistics).
    private(set) var runsWritten = 0

    func add(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws(SpillError) {
        if slots.count == slots.capacity, !slots.isEmpty,
           !budget.allows(extra: slots.count * MemoryLayout<Slot>.stride * 3 / 2) {
            try spill()
        }
        let size = 8 + key.count + value.count
        let (location, p) = arena.allocate(size)
        p.storeBytes(of: UInt32(key.count).littleEndian, as: UInt32.self)
        p.storeBytes(of: UInt32(value.count).littleEndian, toByteOffset: 4, as: UInt32.self)
        if key.count > 0 { (p + 8).copyMemory(from: key.baseAddress!, byteCount: key.count) }
        if value.count > 0 { (p + 8 + key.count).copyMemory(from: value.baseAddress!, byteCount: value.count) }
        slots.append(Slot(prefix: ByteSorter.prefix(key), location: location))
        try budget.enforce(added: size + MemoryLayout<Slot>.stride)
    }

    func add(key: [UInt8], value: [UInt8]) throws(SpillError) {
        try withBytes(of: key) { (k: UnsafeRawBufferPointer) throws(SpillError) in
            try withBytes(of: value) { (v: UnsafeRawBufferPointer) throws(SpillError) in try add(key: k, value: v) }
        }
    }

    func spill() throws(SpillError) {
        guard !slots.isEmpty else { return }
        sortSlots()
        let file = try directory.createFile()
        for s in slots {
            let p = arena.pointer(s.location)
            let size = 8 + Int(p.loadUnaligned(as: UInt32.self).littleEndian)
                + Int(p.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
            try file.append(UnsafeRawBufferPointer(start: p, count: size))
        }
        try file.finishWriting()
        slots = []
        arena.removeAll()
        runsWritten += 1
        try runs.add(file) { (files: [SpillFile]) throws(SpillError) in try ByteSorter.merge(files, into: self.directory) }
    }

    // MARK: reading

    /// The next entry in key order, or nil at the end. Its buffers stay valid until the next call.
    func next() throws(SpillError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        if !reading { try startReading() }
        if merging {
            if let last = lastCursor {
                if try last.advance() { heap.topChanged() } else { heap.removeTop() }
            }
            lastCursor = heap.top
            guard let c = lastCursor else { finishReading(); return nil }
            return (c.key, c.value)
        }
        guard memoryIndex < slots.count else { finishReading(); return nil }
        let p = arena.pointer(slots[memoryIndex].location)
        memoryIndex += 1
        return ByteSorter.entry(at: UnsafeRawPointer(p))
    }

    private func startReading() throws(SpillError) {
        reading = true
        if runs.isEmpty {
            sortSlots()
            return
        }
        reading = false
        try spill()
        reading = true
        merging = true
        for file in runs.takeAll() {
            let c = ByteRunCursor(file)
            if try c.advance() { heap.push(c) }
        }
    }

    private func finishReading() {
        slots = []
        arena.removeAll()
        heap = MergeHeap<ByteRunCursor>(less: ByteRunCursor.less)
        lastCursor = nil
    }

    // MARK: helpers

    private func sortSlots() {
        let arena = self.arena
        slots.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let ea = ByteSorter.entry(at: UnsafeRawPointer(arena.pointer(a.location)))
            let eb = ByteSorter.entry(at: UnsafeRawPointer(arena.pointer(b.location)))
            return ByteSorter.compare(ea.key, eb.key) < 0
        }
    }

    @inline(__always) static func entry(at p: UnsafeRawPointer) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        let k = Int(p.loadUnaligned(as: UInt32.self).littleEndian)
        let v = Int(p.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
        return (UnsafeRawBufferPointer(start: p + 8, count: k), UnsafeRawBufferPointer(start: p + 8 + k, count: v))
    }

    /// The first 8 key bytes as a big-endian number (zero-padded), for fast comparisons.
    @inline(__always) static func prefix(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v = v << 8 | UInt64(i < key.count ? key[i] : 0) }
        return v
    }

    @inline(__always) static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    static func merge(_ files: [SpillFile], into directory: SpillDirectory) throws(SpillError) -> SpillFile {
        var heap = MergeHeap<ByteRunCursor>(less: ByteRunCursor.less)
        for f in files {
            let c = ByteRunCursor(f)
            if try c.advance() { heap.push(c) }
        }
        let out = try directory.createFile()
        while let c = heap.top {
            try out.append(c.raw)
            if try c.advance() { heap.topChanged() } else { heap.removeTop() }
        }
        try out.finishWriting()
        return out
    }
}

/// Reads the entries of one sorted run.
final class ByteRunCursor {
    private let reader: SpillReader
    private var pending = 0
    private(set) var key = UnsafeRawBufferPointer(start: nil, count: 0)
    private(set) var value = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The whole current entry as stored.
    private(set) var raw = UnsafeRawBufferPointer(start: nil, count: 0)

    init(_ file: SpillFile) { reader = SpillReader(file) }

    func advance() throws(SpillError) -> Bool {
        reader.consume(pending)
        pending = 0
        guard let h = try reader.peek(8) else { return false }
        let size = 8 + Int(h.loadUnaligned(as: UInt32.self).littleEndian)
            + Int(h.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
        guard let p = try reader.peek(size) else { throw SpillError("a temporary file ended early") }
        (key, value) = ByteSorter.entry(at: p)
        raw = UnsafeRawBufferPointer(start: p, count: size)
        pending = size
        return true
    }

    static func less(_ a: ByteRunCursor, _ b: ByteRunCursor) -> Bool { ByteSorter.compare(a.key, b.key) < 0 }
}
