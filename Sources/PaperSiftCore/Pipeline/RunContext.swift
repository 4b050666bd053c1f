/// `--strict` stopped the run at the first rejected record.
public struct StrictStop: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Record accounting and the rejects stream shared by every stage of one run.
///
/// Every record a stage reads is written (`out`), merged into another record (`merged`: lines
/// joined into a paragraph, paragraphs into a paper, occurrences of one paper), skipped on purpose
/// by a rule (`skipped`: page boilerplate) or rejected; so `in = out + merged + skipped + rejected`
/// (`isBalanced`). A rejected record is reported on stderr as `file:line: reason` and, with
/// `--rejects FILE`, written there as JSON Lines.
///
/// The fused `sift run` splits its accounting by stage (`stageContexts`): each stage counts its own
/// records, and the run as a whole reads the first stage's `in` and writes the last stage's `out`.
public final class RunContext {
    public let stage: String
    public let strict: Bool
    public let quiet: Bool
    private let shared: Shared
    /// The per-stage contexts of a fused run (empty for a single stage).
    public private(set) var stages: [RunContext] = []
    private var own = Counts()

    /// What the stages of one run share: the rejects stream, the diagnostics, the progress meter
    /// and the warning budget.
    private final class Shared {
        let rejectsWriter: OutputWriter?
        let diagnostics: (String) -> Void
        var progress: ProgressMeter?
        var warningsShown = 0
        init(rejectsWriter: OutputWriter?, diagnostics: @escaping (String) -> Void) {
            self.rejectsWriter = rejectsWriter
            self.diagnostics = diagnostics
        }
    }

    private struct Counts {
        var recordsIn = 0, recordsOut = 0, merged = 0, skipped = 0, rejected = 0
        var bytesIn = 0, recordsRead = 0, warnings = 0, inputsFailed = 0
    }

    /// Warnings printed on stderr per run; further ones are only counted (`--stats`).
    public static let maxWarningsShown = 50

    public init(stage: String, strict: Bool = false, quiet: Bool = false, rejects: OutputWriter? = nil,
                diagnostics: @escaping (String) -> Void = { FileHandleStderr.write($0 + "\n") }) {
        self.stage = stage
        self.strict = strict
        self.quiet = quiet
        self.shared = Shared(rejectsWriter: rejects, diagnostics: diagnostics)
    }

    private init(stage: String, sharingWith parent: RunContext) {
        self.stage = stage
        self.strict = parent.strict
        self.quiet = parent.quiet
        self.shared = parent.shared
    }

    /// Splits the accounting of this run into one context per stage, in pipeline order (the fused
    /// run). The stage contexts share this context's rejects stream, diagnostics and `--strict`.
    public func stageContexts(_ names: [String]) -> [RunContext] {
        precondition(stages.isEmpty, "stage contexts are made once per run")
        stages = names.map { RunContext(stage: $0, sharingWith: self) }
        return stages
    }

    public func countIn(_ n: Int = 1) { own.recordsIn += n }
    public func countOut(_ n: Int = 1) { own.recordsOut += n }
    public func countMerged(_ n: Int = 1) { own.merged += n }
    /// A record removed on purpose by a rule (page boilerplate), not lost.
    public func countSkipped(_ n: Int = 1) { own.skipped += n }
    /// Counts one input line or record of `n` bytes (newline included).
    @inline(__always)
    public func countBytes(_ n: Int) {
        own.bytesIn += n
        own.recordsRead += 1
        if own.recordsRead & (ProgressMeter.checkInterval - 1) == 0, let progress = shared.progress {
            progress.tick(records: own.recordsRead, bytes: own.bytesIn)
        }
    }

    /// Progress on standard error (`--progress`, or a terminal), looked at every
    /// `ProgressMeter.checkInterval` records; shared by the stages of a fused run.
    public var progress: ProgressMeter? {
        get { shared.progress }
        set { shared.progress = newValue }
    }

    /// Ends the progress line with the final figures.
    public func finishProgress() {
        progress?.finish(records: recordsRead, bytes: bytesIn)
    }

    /// Records read: the first stage's input in a fused run.
    public var recordsIn: Int { stages.first?.recordsIn ?? own.recordsIn }
    /// Records written: the last stage's output in a fused run.
    public var recordsOut: Int { stages.last?.recordsOut ?? own.recordsOut }
    public var recordsMerged: Int { total(\.merged) }
    public var recordsSkipped: Int { total(\.skipped) }
    public var recordsRejected: Int { total(\.rejected) }
    public var bytesIn: Int { stages.first?.bytesIn ?? own.bytesIn }
    /// Input lines or records read (one per `countBytes` call): what `--progress` shows.
    public var recordsRead: Int { stages.first?.recordsRead ?? own.recordsRead }
    /// Inputs that could not be read at all (missing, a directory, unreadable, malformed document).
    public var inputsFailed: Int { total(\.inputsFailed) }
    /// Problems that were repaired rather than rejected (e.g. invalid UTF-8 replaced).
    public var warnings: Int { total(\.warnings) }

    private func total(_ field: KeyPath<Counts, Int>) -> Int {
        stages.isEmpty ? own[keyPath: field] : stages.reduce(0) { $0 + $1.total(field) }
    }

    /// Records neither written, merged, skipped nor rejected: always 0 unless a stage has a bug.
    public var unaccounted: Int { recordsIn - recordsOut - recordsMerged - recordsSkipped - recordsRejected }
    /// Whether every record read is accounted for: `in = out + merged + skipped + rejected`.
    public var isBalanced: Bool { unaccounted == 0 && stages.allSatisfy(\.isBalanced) }

    /// Reports a record that could not be handled. Throws `StrictStop` under `--strict` (after the
    /// record was written to `--rejects`, which is then committed).
    public func reject(file: String, line: Int, reason: String, raw: String) throws(StrictStop) {
        own.rejected += 1
        let message = "\(file):\(line): \(reason)"
        if !quiet || strict { report("\(stage): \(message)") }
        if let writer = shared.rejectsWriter {
            var w = JSONWriter()
            w.beginObject()
            w.key("stage"); w.string(stage)
            w.key("source"); w.string(file)
            w.key("line"); w.int(line)
            w.key("reason"); w.string(reason)
            w.key("raw"); w.string(raw)
            w.endObject()
            writer.writeLine(w.bytes)
        }
        if strict {
            close()
            throw StrictStop(message: message)
        }
    }

    /// Reports a repaired problem (the record still goes through). Only the first
    /// `maxWarningsShown` warnings of a run are printed; all are counted.
    public func warn(file: String, line: Int, message: String) {
        own.warnings += 1
        guard !quiet else { return }
        shared.warningsShown += 1
        if shared.warningsShown <= RunContext.maxWarningsShown {
            report("\(stage): \(file):\(line): warning: \(message)")
        } else if shared.warningsShown == RunContext.maxWarningsShown + 1 {
            report("\(stage): further warnings are not shown (--stats counts them)")
        }
    }

    /// Reports a problem with a whole input (unreadable file): not a record, but it counts.
    public func inputFailed(_ message: String) throws(StrictStop) {
        own.inputsFailed += 1
        report("\(stage): \(message)")
        if strict {
            close()
            throw StrictStop(message: message)
        }
    }

    /// Writes out the rejects stream (and commits `--rejects FILE`).
    public func close() {
        shared.rejectsWriter?.commit()
    }

    /// A diagnostic line, on a line of its own even while progress is showing.
    private func report(_ message: String) {
        shared.progress?.clearLine()
        shared.diagnostics(message)
    }

    /// How the run ends: 3 when an input could not be read, else 1 when records were rejected, else 0.
    public var exitCode: SiftExitCode {
        inputsFailed > 0 ? .ioError : recordsRejected > 0 ? .rejected : .ok
    }

    /// The `--stats` lines: the run's account, then one per stage of a fused run.
    public var statsLines: [String] {
        [statsLine] + stages.map { "  " + $0.statsLine }
    }

    /// One stage's (or the run's) account, stating the identity it satisfies.
    public var statsLine: String {
        let parts = "out \(recordsOut) + merged \(recordsMerged) + skipped \(recordsSkipped) + rejected \(recordsRejected)"
        let identity = unaccounted == 0 ? "in \(recordsIn) = \(parts)" : "in \(recordsIn) != \(parts) (\(unaccounted) unaccounted)"
        return "\(stage): \(identity); warnings \(warnings), inputs failed \(inputsFailed)"
    }
}
