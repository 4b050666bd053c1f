/// Fixed-size slots numbered in the order they were added, read back by number; in memory until
/// the budget asks for the memory back, then in a temporary file.
final class SlotStore: Spillable {
    let slotSize: Int
    private let directory: SpillDirectory
    private let budget: MemoryBudget
    private let arena = ChunkArena()
    private var file: SpillFile?
    private let readBuffer: UnsafeMutableRawPointer
    private var slotsPerChunk: Int { ChunkArena.chunkSize / slotSize }
    private(set) var count = 0

    init(slotSize: Int, directory: SpillDirectory, budget: MemoryBudget) {
        self.slotSize = slotSize
        self.directory = directory
        self.budget = budget
        readBuffer = .allocate(byteCount: slotSize, alignment: 16)
        budget.register(self)
    }

    deinit { readBuffer.deallocate() }

    var memoryInUse: Int { arena.bytesInUse }
    var canSpill: Bool { arena.bytesInUse > 0 }

    /// Stores a slot (exactly `slotSize` bytes) and returns its number.
    func append(_ bytes: [UInt8]) throws(SpillError) -> UInt32 {
        precondition(bytes.count == slotSize)
        if let file {
            try file.append(bytes)
        } else {
            let (_, p) = arena.allocate(slotSize)
            bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: slotSize) }
            try budget.enforce(added: slotSize)
        }
        count += 1
        return UInt32(count - 1)
    }

    func spill() throws(SpillError) {
        guard file == nil else { return }
        file = try arena.moveToFile(in: directory)
    }

    /// Frees the memory and the file (the store is empty afterwards).
    func release() {
        arena.removeAll()
        file = nil
        count = 0
    }

    /// Calls `body` with slot `number`'s bytes.
    func withSlot<R>(_ number: UInt32, _ body: (UnsafeRawPointer) -> R) throws(SpillError) -> R {
        let n = Int(number)
        if let file {
            try file.finishWriting()
            let got = try file.read(into: readBuffer, count: slotSize, at: n * slotSize)
            guard got == slotSize else { throw SpillError("a temporary file ended early") }
            return body(UnsafeRawPointer(readBuffer))
        }
        return body(UnsafeRawPointer(arena.chunks[n / slotsPerChunk] + (n % slotsPerChunk) * slotSize))
    }
}
