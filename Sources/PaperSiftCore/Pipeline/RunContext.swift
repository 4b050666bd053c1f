/// `--strict` stopped the run at the first rejected record.
public struct StrictStop: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Record accounting and the rejects stream shared by every stage of one run.
///
/// Every record a stage reads is either written, merged (dedupe) or rejected; a rejected record is
/// reported on stderr as `file:line: reason` and, with `--rejects FILE`, written there as JSON Lines.
public final class RunContext {
    public let stage: String
    public let strict: Bool
    public let quiet: Bool
    private let rejectsWriter: OutputWriter?
    private let diagnostics: (String) -> Void
    public private(set) var recordsIn = 0
    public private(set) var recordsOut = 0
    public private(set) var recordsRejected = 0
    public private(set) var recordsMerged = 0
    public private(set) var bytesIn = 0
    /// Inputs that could not be read at all (missing, a directory, unreadable, malformed document).
    public private(set) var inputsFailed = 0
    /// Input lines or records read (one per `countBytes` call): what `--progress` shows.
    public private(set) var recordsRead = 0
    /// Progress on standard error (`--progress`, or a terminal), looked at every `ProgressMeter.checkInterval` records.
    public var progress: ProgressMeter?
    /// Problems that were repaired rather than rejected (e.g. invalid UTF-8 replaced).
    public private(set) var warnings = 0

    public init(stage: String, strict: Bool = false, quiet: Bool = false, rejects: OutputWriter? = nil,
                diagnostics: @escaping (String) -> Void = { FileHandleStderr.write($0 + "\n") }) {
        self.stage = stage
        self.strict = strict
        self.quiet = quiet
        self.rejectsWriter = rejects
        self.diagnostics = diagnostics
    }

    public func countIn(_ n: Int = 1) { recordsIn += n }
    public func countOut(_ n: Int = 1) { recordsOut += n }
    public func countMerged(_ n: Int = 1) { recordsMerged += n }
    /// Counts one input line or record of `n` bytes (newline included).
    @inline(__always)
    public func countBytes(_ n: Int) {
        bytesIn += n
        recordsRead += 1
        if recordsRead & (ProgressMeter.checkInterval - 1) == 0, let progress {
            progress.tick(records: recordsRead, bytes: bytesIn)
        }
    }

    /// Ends the progress line with the final figures.
    public func finishProgress() {
        progress?.finish(records: recordsRead, bytes: bytesIn)
    }

    /// Reports a record that could not be handled. Throws `StrictStop` under `--strict`.
    public func reject(file: String, line: Int, reason: String, raw: String) throws(StrictStop) {
        recordsRejected += 1
        let message = "\(file):\(line): \(reason)"
        if !quiet || strict { report("\(stage): \(message)") }
        if let rejectsWriter {
            var w = JSONWriter()
            w.beginObject()
            w.key("stage"); w.string(stage)
            w.key("source"); w.string(file)
            w.key("line"); w.int(line)
            w.key("reason"); w.string(reason)
            w.key("raw"); w.string(raw)
            w.endObject()
            rejectsWriter.writeLine(w.bytes)
        }
        if strict { throw StrictStop(message: message) }
    }

    /// Reports a repaired problem (the record still goes through).
    public func warn(file: String, line: Int, message: String) {
        warnings += 1
        if !quiet { report("\(stage): \(file):\(line): warning: \(message)") }
    }

    /// Reports a problem with a whole input (unreadable file): not a record, but it counts.
    public func inputFailed(_ message: String) throws(StrictStop) {
        inputsFailed += 1
        report("\(stage): \(message)")
        if strict { throw StrictStop(message: message) }
    }

    public func flush() { rejectsWriter?.flush() }

    /// A diagnostic line, on a line of its own even while progress is showing.
    private func report(_ message: String) {
        progress?.clearLine()
        diagnostics(message)
    }

    /// How the run ends: 3 when an input could not be read, else 1 when records were rejected, else 0.
    public var exitCode: SiftExitCode {
        inputsFailed > 0 ? .ioError : recordsRejected > 0 ? .rejected : .ok
    }

    /// The `--stats` line.
    public var statsLine: String {
        "\(stage): in \(recordsIn), out \(recordsOut), merged \(recordsMerged), rejected \(recordsRejected), warnings \(warnings), inputs failed \(inputsFailed)"
    }
}
