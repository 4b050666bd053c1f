#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden temporary file behind `OutputWriter(replacing:)`: `dir/.name.PID.N.tmp`, in the
/// target's directory so that the final `rename` is atomic.
///
/// Until it is renamed or discarded, its path is registered so that it is removed when the process
/// exits (`exit`, e.g. after `--strict` stopped the run or a write failed) or is ended by SIGINT,
/// SIGTERM or SIGHUP. A crash can still leave it behind, but never under the target's name.
final class TemporaryOutput {
    let fd: Int32
    let path: String
    let target: String
    private let slot: Int

    private init(fd: Int32, path: String, target: String, slot: Int) {
        self.fd = fd; self.path = path; self.target = target; self.slot = slot
    }

    /// Creates the temporary file for `target`, or returns nil when `target` exists and is not a
    /// regular file (a device such as `/dev/null`, a FIFO), which is then written directly.
    static func create(for target: String) throws(InputError) -> TemporaryOutput? {
        var resolved = target
        var st = stat()
        if lstat(target, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(target, nil) {
            resolved = String(cString: real)   // replace the file a symlink points to, not the link
            free(real)
        }
        var mode: mode_t = 0o644
        if stat(resolved, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            mode = st.st_mode & 0o7777
        }
        let slash = resolved.lastIndex(of: "/")
        let dir = slash.map { String(resolved[...$0]) } ?? ""
        let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
        counter += 1
        let path = "\(dir).\(name).\(getpid()).\(counter).tmp"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw InputError(path: target, message: "\(String(cString: strerror(errno))) (creating \(path))")
        }
        if mode != 0o644 { _ = fchmod(fd, mode) }
        return TemporaryOutput(fd: fd, path: path, target: resolved, slot: TemporaryOutputRegistry.add(path))
    }

    /// Moves the finished file onto its target.
    func rename() throws(InputError) {
        TemporaryOutputRegistry.remove(slot)
        guard Glibc.rename(path, target) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(path)
            throw InputError(path: target, message: "cannot move the finished output into place: \(message)")
        }
    }

    /// Removes the unfinished file.
    func discard() {
        TemporaryOutputRegistry.remove(slot)
        unlink(path)
    }

    nonisolated(unsafe) private static var counter = 0
}

/// Paths of unfinished temporary outputs, as C strings in a fixed table that the exit and signal
/// handlers can read without allocating.
enum TemporaryOutputRegistry {
    static let capacity = 32
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    nonisolated(unsafe) private static var handlersInstalled = false

    static func add(_ path: String) -> Int {
        installHandlers()
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return i
        }
        return -1 // more open outputs than slots: that file is simply not cleaned up on exit
    }

    static func remove(_ slot: Int) {
        guard slot >= 0, let p = slots[slot] else { return }
        slots[slot] = nil
        free(p)
    }

    /// Unlinks every registered file (async-signal-safe: no allocation, only `unlink`).
    static func unlinkAll() {
        for i in 0..<capacity { if let p = slots[i] { unlink(p) } }
    }

    private static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        _ = slots
        atexit { TemporaryOutputRegistry.unlinkAll() }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var old = sigaction()
            sigaction(sig, nil, &old)
            // A signal the shell told us to ignore (e.g. SIGINT for a background job) stays ignored.
            if old.__sigaction_handler.sa_handler == nil {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { sig in
                    TemporaryOutputRegistry.unlinkAll()
                    signal(sig, SIG_DFL)
                    raise(sig)
                }
                sigaction(sig, &action, nil)
            }
        }
    }
}
