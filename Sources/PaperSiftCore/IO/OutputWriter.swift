#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file descriptor. When the reader of a pipe has gone away (EPIPE, as in
/// `sift-clean … | head -1`), the process ends quietly with status 0, as Unix filters do.
public final class OutputWriter {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Records are written straight into `buffer` through this writer (see `writeLine(record:)`).
    private var recordWriter = JSONWriter(capacity: 0)
    private let flushThreshold: Int
    /// For `init(replacing:)`: the temporary file that `commit()` renames onto the target.
    private var pendingReplacement: TemporaryOutput?
    public private(set) var bytesWritten = 0

    /// Standard output. Into a pipe, writes go out in smaller pieces and the pipe's buffer is
    /// enlarged (Linux), so the stage downstream works while this one goes on instead of the two
    /// taking turns on 1 MiB blocks.
    public static func standardOutput() -> OutputWriter {
        guard OutputWriter.enlargePipeBuffer(1) else { return OutputWriter(fd: 1, owns: false) }
        return OutputWriter(fd: 1, owns: false, flushThreshold: OutputWriter.pipeFlushThreshold)
    }

    /// The flush threshold into a pipe: a quarter of the enlarged pipe buffer.
    static let pipeFlushThreshold = 1 << 18

    /// Whether `fd` is a pipe; on Linux its buffer is then raised to 1 MiB where the system allows.
    static func enlargePipeBuffer(_ fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return false }
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ
        _ = fcntl(fd, setPipeSize, Int32(1 << 20))  // may fail above /proc/sys/fs/pipe-max-size: keep the default then
        #endif
        return true
    }
    public static func standardError() -> OutputWriter { OutputWriter(fd: 2, owns: false, flushThreshold: 0) }

    public init(fd: Int32, owns: Bool, flushThreshold: Int = 1 << 20) {
        self.fd = fd
        self.ownsDescriptor = owns
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold + 4096)
        ignoreSIGPIPE()
    }

    /// Creates (truncates) `path` for writing.
    public convenience init(path: String) throws(InputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw InputError(path: path, message: String(cString: strerror(errno))) }
        self.init(fd: fd, owns: true)
    }

    /// Writes to a temporary file next to `path` that `commit()` renames onto `path`, so the file
    /// only ever appears complete. Until then (a `--strict` stop, a write error, SIGINT/SIGTERM/SIGHUP)
    /// the temporary file is removed when the process ends. Paths that are not regular files
    /// (`/dev/null`, a FIFO) are written directly.
    public convenience init(replacing path: String) throws(InputError) {
        guard let temporary = try TemporaryOutput.create(for: path) else {
            try self.init(path: path)
            return
        }
        self.init(fd: temporary.fd, owns: true)
        pendingReplacement = temporary
    }

    deinit {
        if let pendingReplacement {
            // Never committed: the run did not reach its end, so the target is left untouched.
            close(fd)
            pendingReplacement.discard()
            return
        }
        flush()
        if ownsDescriptor { close(fd) }
    }

    /// Flushes, and for `init(replacing:)` moves the finished file into place.
    public func commit() {
        flush()
        guard let temporary = pendingReplacement else { return }
        pendingReplacement = nil
        do { try temporary.rename() } catch {
            FileHandleStderr.write("papersift: \(error)\n")
            exit(SiftExitCode.ioError.rawValue)
        }
    }

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    public func write(_ text: String) { write(Array(text.utf8)) }

    /// Writes a record's bytes followed by a newline.
    public func writeLine(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Writes a record's bytes followed by a newline.
    public func writeLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Writes a record as one JSON line, without an intermediate byte array.
    public func writeLine<R: JSONRecord>(record: R) {
        swap(&buffer, &recordWriter.bytes)
        record.write(to: &recordWriter)
        recordWriter.bytes.append(0x0A)
        swap(&buffer, &recordWriter.bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n >= 0 { offset += n; continue }
            if errno == EINTR { continue }
            if errno == EPIPE { exit(0) }
            let message = String(cString: strerror(errno))
            buffer.removeAll()
            FileHandleStderr.write("papersift: write error: \(message)\n")
            exit(SiftExitCode.ioError.rawValue)
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

private func ignoreSIGPIPE() { signal(SIGPIPE, SIG_IGN) }

/// Unbuffered diagnostics to standard error.
public enum FileHandleStderr {
    public static func write(_ text: String) {
        var t = text
        t.withUTF8 { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(2, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}

/// The exit codes of every papersift executable (documented in the README).
public enum SiftExitCode: Int32, Sendable {
    /// Every record went through.
    case ok = 0
    /// The run finished, but some records were rejected (reported on stderr / `--rejects`).
    case rejected = 1
    /// Usage or configuration error: a bad option, an invalid rule or alias file.
    case usage = 2
    /// An input could not be read or an output could not be written.
    case ioError = 3
    /// `--strict` stopped the run at the first bad record.
    case strictStop = 4
}
