#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file could not be created, written or read (disk full, bad `--temp-dir`).
public struct SpillError: Error, CustomStringConvertible, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Where temporary files go: `--temp-dir`, else `$TMPDIR`, else `/tmp`.
public struct SpillDirectory: Sendable {
    public let path: String

    public init(_ path: String? = nil) {
        if let path, !path.isEmpty { self.path = path; return }
        if let tmp = getenv("TMPDIR"), let s = Optional(String(cString: tmp)), !s.isEmpty { self.path = s; return }
        self.path = "/tmp"
    }

    func createFile() throws(SpillError) -> SpillFile { try SpillFile(directory: path) }
}

/// A temporary file, unlinked as soon as it is created, so nothing is left behind even when the
/// process is killed. Written by appending through a buffer, read with `pread`.
final class SpillFile {
    private let fd: Int32
    /// Bytes appended so far.
    private(set) var size = 0
    private var buffer: UnsafeMutableRawPointer?
    private var buffered = 0
    static let writeBufferSize = 1 << 20

    init(directory: String) throws(SpillError) {
        var template = Array((directory + "/papersift-dedupe-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SpillError("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit {
        buffer?.deallocate()
        close(fd)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(SpillError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if buffer == nil { buffer = .allocate(byteCount: SpillFile.writeBufferSize, alignment: 16) }
        if buffered + bytes.count > SpillFile.writeBufferSize { try flush() }
        if bytes.count >= SpillFile.writeBufferSize {
            try writeAll(base, bytes.count)
        } else {
            (buffer! + buffered).copyMemory(from: base, byteCount: bytes.count)
            buffered += bytes.count
        }
        size += bytes.count
    }

    func append(_ bytes: [UInt8]) throws(SpillError) {
        try withBytes(of: bytes) { (p: UnsafeRawBufferPointer) throws(SpillError) in try append(p) }
    }

    /// Writes what is buffered and frees the write buffer (appending later allocates it again).
    func finishWriting() throws(SpillError) {
        try flush()
        buffer?.deallocate()
        buffer = nil
    }

    private func flush() throws(SpillError) {
        guard buffered > 0, let buffer else { return }
        try writeAll(buffer, buffered)
        buffered = 0
    }

    private func writeAll(_ p: UnsafeRawPointer, _ count: Int) throws(SpillError) {
        var done = 0
        while done < count {
            let n = write(fd, p + done, count - done)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            throw SpillError("cannot write a temporary file: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads up to `count` bytes at `offset` (fewer only at the end of the file).
    func read(into p: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(SpillError) -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, p + done, count - done, off_t(offset + done))
            if n > 0 { done += n; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw SpillError("cannot read a temporary file: \(String(cString: strerror(errno)))")
        }
        return done
    }
}

/// Reads a spill file front to back through a buffer; `peek(n)` makes the next `n` bytes
/// contiguous. A pointer it returns stays valid until the next `peek`.
final class SpillReader {
    private let file: SpillFile
    private var fileOffset = 0
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0

    init(_ file: SpillFile, bufferSize: Int = 256 << 10) {
        self.file = file
        capacity = bufferSize
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next `count` bytes, or nil when the file ends before them.
    func peek(_ count: Int) throws(SpillError) -> UnsafeRawPointer? {
        if end - start >= count { return UnsafeRawPointer(buffer + start) }
        if count > capacity {
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
            bigger.copyMemory(from: buffer + start, byteCount: end - start)
            buffer.deallocate()
            buffer = bigger
            capacity = count
            end -= start
            start = 0
        } else if start > 0 {
            memmove(buffer, buffer + start, end - start)
            end -= start
            start = 0
        }
        while end < count {
            let n = try file.read(into: buffer + end, count: capacity - end, at: fileOffset)
            if n == 0 { return nil }
            fileOffset += n
            end += n
        }
        return UnsafeRawPointer(buffer + start)
    }

    func consume(_ count: Int) { start += count }
}

/// `withUnsafeBytes` over an array's elements, with typed throws.
@inline(__always)
func withBytes<T, R>(of array: [T], _ body: (UnsafeRawBufferPointer) throws(SpillError) -> R) throws(SpillError) -> R {
    var result: Result<R, SpillError>?
    array.withUnsafeBytes { p in result = Result { () throws(SpillError) -> R in try body(p) } }
    return try result!.get()
}
