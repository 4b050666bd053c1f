#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long run on standard error: records read, megabytes read, throughput, elapsed time.
///
/// The hot path only bumps counters in `RunContext`; every `checkInterval` records it calls `tick`,
/// which reads the clock and redraws at most four times a second on a terminal (in place) and once
/// a second otherwise (one line per update, for logs).
public final class ProgressMeter {
    /// `RunContext` calls `tick` once every this many records (a power of two).
    public static let checkInterval = 256

    private let label: String
    private let interactive: Bool
    private let explicit: Bool
    private let minInterval: UInt64
    private let clock: () -> UInt64
    private let write: (String) -> Void
    private let start: UInt64
    private var lastDraw: UInt64
    private var lineShown = false
    /// How many times the progress line was drawn (the final line included).
    public private(set) var draws = 0

    /// - Parameters:
    ///   - label: the stage name printed first on the line.
    ///   - interactive: standard error is a terminal: redraw one line in place, up to 4 times a second.
    ///   - explicit: asked for with `--progress`: the final figures are printed even for a short run.
    ///   - clock: monotonic nanoseconds.
    ///   - write: where the text goes (standard error).
    public init(label: String, interactive: Bool, explicit: Bool,
                clock: @escaping () -> UInt64 = ProgressMeter.monotonicNanoseconds,
                write: @escaping (String) -> Void = FileHandleStderr.write) {
        self.label = label
        self.interactive = interactive
        self.explicit = explicit
        self.minInterval = interactive ? 250_000_000 : 1_000_000_000
        self.clock = clock
        self.write = write
        start = clock()
        lastDraw = start
    }

    /// Makes this the meter of the process, so that a line still showing when the process exits
    /// (an error, `| head` closing the pipe) gets its newline. For the command-line tools only.
    public func endLineAtExit() {
        _ = ProgressMeter.registerExitHook
        ProgressMeter.active = self
    }

    /// Redraws the line if enough time has passed since the last update.
    public func tick(records: Int, bytes: Int) {
        let now = clock()
        guard now &- lastDraw >= minInterval else { return }
        lastDraw = now
        draw(records: records, bytes: bytes, now: now)
    }

    /// Prints the final figures (when asked for, or when a line is already showing) and ends the line.
    public func finish(records: Int, bytes: Int) {
        if explicit || lineShown { draw(records: records, bytes: bytes, now: clock()) }
        endLine()
        if ProgressMeter.active === self { ProgressMeter.active = nil }
    }

    /// Wipes the line on a terminal so a diagnostic can be printed; the next update redraws it.
    public func clearLine() {
        guard interactive, lineShown else { return }
        write("\r\u{1B}[K")
        lineShown = false
    }

    /// Ends a line left showing on a terminal, so what follows starts on a line of its own.
    func endLine() {
        guard interactive, lineShown else { return }
        write("\n")
        lineShown = false
    }

    private func draw(records: Int, bytes: Int, now: UInt64) {
        let text = ProgressMeter.line(label: label, records: records, bytes: bytes, elapsedNanoseconds: now &- start)
        draws += 1
        if interactive {
            write("\r" + text + "\u{1B}[K")
            lineShown = true
        } else {
            write(text + "\n")
        }
    }

    /// `sift-clean: 1,234,567 records, 512.3 MB, 85.2 MB/s, 0:06` (MB = 10^6 bytes).
    public static func line(label: String, records: Int, bytes: Int, elapsedNanoseconds: UInt64) -> String {
        let seconds = Double(elapsedNanoseconds) / 1e9
        let megabytes = Double(bytes) / 1e6
        let rate = seconds > 0 ? megabytes / seconds : 0
        return "\(label): \(groupedThousands(records)) records, \(oneDecimal(megabytes)) MB, "
            + "\(oneDecimal(rate)) MB/s, \(clockTime(seconds))"
    }

    /// `1234567` → `1,234,567`.
    public static func groupedThousands(_ n: Int) -> String {
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One decimal, rounded half up: `12.34` → `12.3`.
    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clockTime(_ seconds: Double) -> String {
        let s = Int(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }

    public static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// The meter of this process (`endLineAtExit`), set once by the single-threaded command line.
    nonisolated(unsafe) private static var active: ProgressMeter?
    private static let registerExitHook: Void = { atexit { ProgressMeter.active?.endLine() } }()
}
