import Foundation
import Testing
import PaperSiftCore

/// Runs the built executables (`sift`, `sift-clean`, …) as real processes: they sit next to the
/// test binary in the build directory (`swift build --build-tests` builds them).
enum Tools {
    static let directory: String = {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
    }()

    static let stages = ["sift-clean", "sift-segment", "sift-extract", "sift-normalize", "sift-dedupe"]

    struct Result {
        var status: Int32
        /// The process was ended by a signal (`status` is then the signal number).
        var signaled: Bool
        var stdout: [UInt8]
        var stderr: String
        var stdoutLines: [String] { String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init) }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// Runs `tool` with `arguments`, standard input from `stdin` (a path) or empty, standard output
    /// collected or sent to `stdoutFD`, and collects standard error.
    static func run(_ tool: String, _ arguments: [String], stdin: String? = nil, stdoutFD: Int32? = nil) throws -> Result {
        let executable = directory + "/" + tool
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw ToolMissing(path: executable) }
        return try collect(executable, arguments, stdin: stdin, stdoutFD: stdoutFD)
    }

    /// Runs a shell command line with the executables' directory first on PATH.
    static func shell(_ script: String, shell: String = "/bin/sh") throws -> Result {
        try collect(shell, ["-c", script])
    }

    private static func collect(_ executable: String, _ arguments: [String], stdin: String? = nil,
                                stdoutFD: Int32? = nil) throws -> Result {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outPath = dir + "/stdout", errPath = dir + "/stderr"
        let inFD = open(stdin ?? "/dev/null", O_RDONLY | O_CLOEXEC)
        let outFD = stdoutFD ?? open(outPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let errFD = open(errPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let pid = try spawn(executable, arguments, stdin: inFD, stdout: outFD, stderr: errFD)
        close(inFD); close(errFD)
        if stdoutFD == nil { close(outFD) }
        let (status, signaled) = wait(pid)
        return Result(status: status, signaled: signaled,
                      stdout: stdoutFD == nil ? Fixtures.bytes(outPath) : [],
                      stderr: String(decoding: Fixtures.bytes(errPath), as: UTF8.self))
    }

    /// Starts a process the way a shell does: no signal blocked, SIGPIPE/SIGINT/SIGTERM/SIGHUP at
    /// their defaults (the test runner's own signal state must not leak into it), the executables'
    /// directory first on PATH and the repository's rules in PAPERSIFT_RULES.
    static func spawn(_ executable: String, _ arguments: [String], stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["PAPERSIFT_RULES"] = Fixtures.rulesDirectory
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SpawnFailed(executable: executable, code: rc) }
        return pid
    }

    /// Waits for a process: its exit status, or the signal that ended it.
    static func wait(_ pid: pid_t) -> (status: Int32, signaled: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? ((status >> 8) & 0xFF, false) : (status & 0x7F, true)
    }

    /// A pipe whose ends are closed on exec (other tests' children must not hold them open).
    static func pipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        precondition(Glibc.pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    struct SpawnFailed: Error { let executable: String; let code: Int32 }

    struct ToolMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is not built (run swift build --build-tests)" }
    }
}

/// One `--stats` line parsed: `stage: in I = out O + merged M + skipped S + rejected R; …`.
struct StatsLine: Equatable, CustomStringConvertible {
    var stage: String
    var recordsIn = 0, out = 0, merged = 0, skipped = 0, rejected = 0
    var balanced: Bool

    /// The stats lines in a stage's standard error.
    static func all(in stderr: String) -> [StatsLine] {
        stderr.split(separator: "\n").compactMap { StatsLine(String($0)) }
    }

    init?(_ line: String) {
        let trimmed = line.drop(while: { $0 == " " })
        guard let colon = trimmed.firstIndex(of: ":"), trimmed.contains(" in "), trimmed.contains("rejected") else { return nil }
        stage = String(trimmed[..<colon])
        balanced = !trimmed.contains("!=") && !trimmed.contains("unaccounted")
        let words = trimmed[trimmed.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," })
        func number(after label: String) -> Int? {
            guard let i = words.firstIndex(where: { $0 == label }), i + 1 < words.count else { return nil }
            return Int(words[i + 1])
        }
        guard let i = number(after: "in"), let o = number(after: "out"), let m = number(after: "merged"),
              let s = number(after: "skipped"), let r = number(after: "rejected") else { return nil }
        recordsIn = i; out = o; merged = m; skipped = s; rejected = r
    }

    /// The printed identity holds for the printed numbers.
    var identityHolds: Bool { balanced && recordsIn == out + merged + skipped + rejected }

    var description: String { "\(stage): in \(recordsIn) = out \(out) + merged \(merged) + skipped \(skipped) + rejected \(rejected)" }
}

/// Expects that every `--stats` line in `stderr` states a balanced account whose numbers add up,
/// and returns them.
@discardableResult
func expectBalancedStats(_ stderr: String, _ comment: Comment? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) -> [StatsLine] {
    let lines = StatsLine.all(in: stderr)
    #expect(!lines.isEmpty, "no --stats line in: \(stderr.prefix(500))", sourceLocation: sourceLocation)
    for line in lines {
        #expect(line.identityHolds, "\(comment.map { "\($0): " } ?? "")unbalanced: \(line)", sourceLocation: sourceLocation)
    }
    return lines
}

extension Fixtures {
    /// A new empty temporary directory.
    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "papersift-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The corpus as each JSON Lines stage reads it (the output of the stage before), one file per
    /// stage, made once with the library: `stageInput["sift-extract"]` holds the corpus occurrences.
    static let stageInput: [String: String] = {
        let rules = Fixtures.rules
        let (context, _) = Fixtures.context()
        let dir = temporaryDirectory()
        var cleaned: [CleanRecord] = [], occurrences: [Occurrence] = []
        let cleaner = Cleaner(rules: rules)
        for p in corpus { try! cleaner.clean(path: p, context: context) { cleaned.append($0) } }
        let segmenter = Segmenter(rules: rules)
        for c in cleaned { try! segmenter.process(c, context: context) { occurrences.append($0) } }
        try! segmenter.finish(context: context) { occurrences.append($0) }
        let extractor = try! Extractor(rules: rules)
        let normalizer = Normalizer(rules: rules)
        let extracted = occurrences.map { try! extractor.extract($0) }
        let normalized = extracted.map { normalizer.normalize($0) }
        func write(_ name: String, _ lines: [String]) -> String {
            let path = dir + "/" + name
            _ = FileManager.default.createFile(atPath: path, contents: Data(lines.map { $0 + "\n" }.joined().utf8))
            return path
        }
        return [
            "sift-segment": write("corpus.clean.jsonl", cleaned.map { $0.jsonString() }),
            "sift-extract": write("corpus.segment.jsonl", occurrences.map { $0.jsonString() }),
            "sift-normalize": write("corpus.extract.jsonl", extracted.map { $0.jsonString() }),
            "sift-dedupe": write("corpus.normalize.jsonl", normalized.map { $0.jsonString() }),
        ]
    }()

    /// The non-empty lines of a file.
    static func textLines(_ path: String) -> [String] {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    static func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }
}

/// Expects two outputs to be byte-identical; on a difference, reports the first differing line
/// (not the whole output).
func expectSameOutput(_ actual: [UInt8], _ expected: [UInt8], _ comment: String = "",
                      sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let a = actual.split(separator: 0x0A, omittingEmptySubsequences: false)
    let e = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
    let i = (0..<min(a.count, e.count)).first(where: { a[$0] != e[$0] }) ?? min(a.count, e.count)
    func show(_ lines: [ArraySlice<UInt8>]) -> String {
        i < lines.count ? String(decoding: lines[i].prefix(300), as: UTF8.self) : "<no line>"
    }
    Issue.record("\(comment) outputs differ (\(a.count) vs \(e.count) lines), first at line \(i + 1):\n  actual:   \(show(a))\n  expected: \(show(e))",
                 sourceLocation: sourceLocation)
}
