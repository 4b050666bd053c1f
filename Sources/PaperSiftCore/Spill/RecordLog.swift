/// Byte records in the order they were added, in memory until the budget asks for the memory back,
/// then in a temporary file; read front to back, once or (`startReading(keeping: true)`) twice
/// (memory is given back as the last reading passes it).
///
/// Layout: length (UInt32 little-endian), bytes.
final class RecordLog: Spillable {
    private let directory: SpillDirectory
    private let budget: MemoryBudget
    private let arena = ChunkArena()
    private var file: SpillFile?
    private var reading = false
    // Reading state.
    private var reader: SpillReader?
    private var chunk = 0
    private var offset = 0
    private var pending = 0
    /// Whether this reading keeps the records for another one.
    private var keeping = false

    init(directory: SpillDirectory, budget: MemoryBudget) {
        self.directory = directory
        self.budget = budget
        budget.register(self)
    }

    var memoryInUse: Int { arena.bytesInUse }
    var canSpill: Bool { !reading && arena.bytesInUse > 0 }

    func append(_ bytes: UnsafeRawBufferPointer) throws(SpillError) {
        if let file {
            var length: [UInt8] = []
            appendLE(UInt32(bytes.count), to: &length)
            try file.append(length)
            try file.append(bytes)
            return
        }
        let (_, p) = arena.allocate(4 + bytes.count)
        p.storeBytes(of: UInt32(bytes.count).littleEndian, as: UInt32.self)
        if bytes.count > 0 { (p + 4).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        try budget.enforce(added: 4 + bytes.count)
    }

    /// Moves everything to a temporary file; later records are appended there.
    func spill() throws(SpillError) {
        guard file == nil else { return }
        file = try arena.moveToFile(in: directory)
    }

    /// Starts reading from the first record; `keeping` keeps every record for one more reading
    /// (else memory is given back as reading passes it). Adding ends with the first reading.
    func startReading(keeping: Bool) throws(SpillError) {
        reading = true
        self.keeping = keeping
        chunk = 0
        offset = 0
        pending = 0
        if let file {
            try file.finishWriting()
            reader = SpillReader(file)
        }
    }

    /// The next record, or nil at the end. The buffer stays valid until the next call.
    func next() throws(SpillError) -> UnsafeRawBufferPointer? {
        if !reading { try startReading(keeping: false) }
        if let reader {
            reader.consume(pending)
            pending = 0
            guard let h = try reader.peek(4) else {
                self.reader = nil
                if !keeping { file = nil }
                return nil
            }
            let n = Int(h.loadUnaligned(as: UInt32.self).littleEndian)
            guard let p = try reader.peek(4 + n) else { throw SpillError("a temporary file ended early") }
            pending = 4 + n
            return UnsafeRawBufferPointer(start: p + 4, count: n)
        }
        while chunk < arena.chunks.count, offset >= arena.chunkUsed[chunk] {
            if !keeping { arena.release(chunk: chunk) }
            chunk += 1
            offset = 0
        }
        guard chunk < arena.chunks.count else { return nil }
        let p = arena.chunks[chunk] + offset
        let n = Int(p.loadUnaligned(as: UInt32.self).littleEndian)
        offset += 4 + n
        return UnsafeRawBufferPointer(start: p + 4, count: n)
    }
}
