#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input could not be read.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}

/// Reads a file descriptor (or bytes in memory) line by line through a 1 MiB buffer.
///
/// Lines are handed out as byte buffers that stay valid until the next call. A trailing `\r` (CRLF)
/// and a UTF-8 byte order mark at the start of the stream are removed; a last line without a final
/// newline is still returned. Memory is bounded by the longest line.
public final class LineReader {
    public let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var eof = false
    private var atStreamStart = true
    /// The 1-based number of the line most recently returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far (including newlines).
    public private(set) var bytesRead = 0

    public static let chunkSize = 1 << 20

    /// Opens `path`, or standard input for `-`.
    public convenience init(path: String) throws(InputError) {
        if path == "-" { self.init(fd: 0, path: "-", owns: false); return }
        var st = stat()
        guard stat(path, &st) == 0 else { throw InputError(path: path, message: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, message: "is a directory") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(path: path, message: String(cString: strerror(errno))) }
        self.init(fd: fd, path: path, owns: true)
    }

    public init(fd: Int32, path: String, owns: Bool) {
        self.fd = fd
        self.path = path
        self.ownsDescriptor = owns
        capacity = LineReader.chunkSize
        buffer = .allocate(capacity: capacity)
    }

    /// Reads `bytes` held in memory (e.g. the document of an envelope) as if it were a file whose
    /// first line is number `firstLine`.
    public init(bytes: [UInt8], path: String, firstLine: Int = 1) {
        fd = -1
        self.path = path
        ownsDescriptor = false
        capacity = max(bytes.count, 1)
        buffer = .allocate(capacity: capacity)
        buffer.initialize(from: bytes, count: bytes.count)
        end = bytes.count
        eof = true
        lineNumber = firstLine - 1
    }

    deinit {
        buffer.deallocate()
        if ownsDescriptor { close(fd) }
    }

    /// Calls `body` with the next line, or returns false at the end of input.
    @inline(__always)
    public func withNextLine<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T? {
        guard let (s, e) = try nextLineRange() else { return nil }
        return try body(UnsafeBufferPointer(start: buffer + s, count: e - s))
    }

    /// Up to `count` bytes from the current position, without consuming them (for format sniffing).
    public func peek(_ count: Int) throws(InputError) -> [UInt8] {
        while end - start < count && !eof { try fill() }
        return Array(UnsafeBufferPointer(start: buffer + start, count: min(count, end - start)))
    }

    /// The next line as an array (cold paths and tests).
    public func nextLine() throws -> [UInt8]? {
        try withNextLine { Array($0) }
    }

    private func nextLineRange() throws(InputError) -> (Int, Int)? {
        while true {
            if start < end, let nl = memchr(buffer + start, 0x0A, end - start) {
                let nlIndex = UnsafeMutableRawPointer(nl).assumingMemoryBound(to: UInt8.self) - buffer
                return finishLine(from: start, newline: nlIndex)
            }
            if eof {
                guard start < end else { return nil }
                return finishLine(from: start, newline: end)
            }
            try fill()
        }
    }

    private func finishLine(from s: Int, newline: Int) -> (Int, Int) {
        var lineStart = s
        var lineEnd = newline
        bytesRead += min(newline + 1, end) - s
        start = min(newline + 1, end)
        if newline == end { start = end }
        lineNumber += 1
        if atStreamStart {
            atStreamStart = false
            if lineEnd - lineStart >= 3, buffer[lineStart] == 0xEF, buffer[lineStart + 1] == 0xBB, buffer[lineStart + 2] == 0xBF {
                lineStart += 3
            }
        }
        if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return (lineStart, lineEnd)
    }

    private func fill() throws(InputError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            start = 0
            end = pending
        }
        if end == capacity {
            let newCapacity = capacity * 2
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity = newCapacity
        }
        while true {
            let n = read(fd, buffer + end, capacity - end)
            if n > 0 { end += n; return }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw InputError(path: path, message: String(cString: strerror(errno)))
        }
    }
}

/// Reads a whole file (or standard input for `-`) into memory; for formats that must be parsed
/// as one document (HTML, XML, a JSON array).
public func readWholeFile(_ path: String) throws(InputError) -> [UInt8] {
    let reader = try LineReader(path: path)
    return try reader.readAll()
}

extension LineReader {
    /// The rest of the input as raw bytes (no line splitting, BOM and CR kept).
    public func readAll() throws(InputError) -> [UInt8] {
        try readAll(atMost: Int.max)!
    }

    /// The rest of the input as raw bytes, or nil as soon as it exceeds `limit` bytes.
    public func readAll(atMost limit: Int) throws(InputError) -> [UInt8]? {
        var out: [UInt8] = []
        while true {
            if start < end { out.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: end - start)) }
            bytesRead += end - start
            start = 0; end = 0
            if out.count > limit { return nil }
            if eof { return out }
            try fill()
        }
    }
}
