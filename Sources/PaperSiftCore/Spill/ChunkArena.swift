#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Append-only memory in chunks mapped straight from the OS, so that memory given back after a
/// spill leaves the process. Only the bytes handed out count as in use (untouched pages of a
/// chunk are not resident).
final class ChunkArena {
    static let chunkSize = 4 << 20
    private(set) var chunks: [UnsafeMutableRawPointer] = []
    private var chunkSizes: [Int] = []
    /// Bytes handed out in each chunk.
    private(set) var chunkUsed: [Int] = []
    private(set) var bytesInUse = 0

    deinit { removeAll() }

    /// `count` bytes that never cross a chunk boundary, with their location (chunk << 32 | offset).
    func allocate(_ count: Int) -> (location: UInt64, pointer: UnsafeMutableRawPointer) {
        if chunks.isEmpty || chunkSizes[chunks.count - 1] - chunkUsed[chunks.count - 1] < count {
            let size = max(ChunkArena.chunkSize, (count + 4095) & ~4095)
            guard let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  p != UnsafeMutableRawPointer(bitPattern: -1) else {
                fatalError("out of memory: mmap of \(size) bytes failed")
            }
            chunks.append(p)
            chunkSizes.append(size)
            chunkUsed.append(0)
        }
        let c = chunks.count - 1
        let offset = chunkUsed[c]
        chunkUsed[c] += count
        bytesInUse += count
        return (UInt64(c) << 32 | UInt64(offset), chunks[c] + offset)
    }

    @inline(__always) func pointer(_ location: UInt64) -> UnsafeMutableRawPointer {
        chunks[Int(location >> 32)] + Int(location & 0xFFFF_FFFF)
    }

    /// Gives one chunk back to the OS (it must not be used again).
    func release(chunk c: Int) {
        guard chunkSizes[c] > 0 else { return }
        munmap(chunks[c], chunkSizes[c])
        bytesInUse -= chunkUsed[c]
        chunkSizes[c] = 0
        chunkUsed[c] = 0
    }

    func removeAll() {
        for c in chunks.indices { release(chunk: c) }
        chunks.removeAll()
        chunkSizes.removeAll()
        chunkUsed.removeAll()
        bytesInUse = 0
    }

    /// Writes every used byte, chunk by chunk, to a new file in `directory`, then frees the
    /// chunks; the file is returned for further appends.
    func moveToFile(in directory: SpillDirectory) throws(SpillError) -> SpillFile {
        let file = try directory.createFile()
        for c in chunks.indices {
            try file.append(UnsafeRawBufferPointer(start: chunks[c], count: chunkUsed[c]))
        }
        removeAll()
        return file
    }
}
