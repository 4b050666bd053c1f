#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line numbers of byte offsets in an in-memory document, counted forward with `memchr`.
struct LineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line: Int

    /// `firstLine` is the number of the document's first line.
    init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        self.bytes = bytes
        line = firstLine
    }

    /// The line holding the byte at `target`; targets before the last one asked restart the count.
    mutating func line(at target: Int) -> Int {
        let target = min(max(target, 0), bytes.count)
        if target < offset { line -= newlines(from: target, to: offset); offset = target; return line }
        line += newlines(from: offset, to: target)
        offset = target
        return line
    }

    private func newlines(from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress, start < end else { return 0 }
        var count = 0
        var p = base + start
        let stop = base + end
        while p < stop, let hit = memchr(p, 0x0A, stop - p) {
            count += 1
            p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }
}
