import ArgumentParser
import PaperSiftCore

/// The version every executable reports.
public let papersiftVersion = "0.1.0"

/// Options shared by every stage, declared once. Options that only some commands use are in
/// `StageOptions.swift` (`RulesOption`, `FormatOption`, `FullScanOption`), so that each command's
/// `--help` lists only the options that change what it does.
public struct CommonOptions: ParsableArguments {
    public init() {}

    @Argument(help: ArgumentHelp("Input files; standard input when none is given or for '-'.", valueName: "file"),
              completion: .file())
    public var files: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write records to this file instead of standard output.", valueName: "file"),
            completion: .file())
    public var output: String?

    @Option(help: ArgumentHelp("Write rejected records here as JSON Lines (stage, source, line, reason, raw).", valueName: "file"),
            completion: .file())
    public var rejects: String?

    @Flag(help: "Stop at the first record that cannot be handled (exit 4).")
    public var strict = false

    @Flag(name: [.short, .long], help: "Do not report rejected records on standard error (they are still counted).")
    public var quiet = false

    @Flag(help: "Print record counts (in, out, merged, rejected) on standard error at the end.")
    public var stats = false

    @Flag(inversion: .prefixedNo,
          help: "Show records, MB, MB/s and elapsed time on standard error while running (default: when standard error is a terminal).")
    public var progress: Bool?

    /// The input paths, `-` for standard input when none were given.
    public var inputs: [String] { files.isEmpty ? ["-"] : files }

    /// Loads the rules of `directory` (nil: the default one) that `scope` names, or ends the run
    /// with exit 2 and `file:line: message`.
    public static func loadRules(directory: String?, scope: RuleScope, fullScan: Bool = false) throws -> RuleSet {
        let dir = directory ?? RuleSet.defaultDirectory()
        do {
            return try RuleSet(directory: dir, scope: scope, fullScan: fullScan)
        } catch {
            throw StageFailure(code: .usage, message: "invalid rules: \(error)")
        }
    }

    /// The run context for `stage`, with the rejects stream opened.
    public func makeContext(stage: String) throws -> RunContext {
        var rejectsWriter: OutputWriter?
        if let rejects {
            do { rejectsWriter = try OutputWriter(replacing: rejects) } catch {
                throw StageFailure(code: .ioError, message: "cannot write rejects: \(error)")
            }
        }
        let context = RunContext(stage: stage, strict: strict, quiet: quiet, rejects: rejectsWriter)
        let interactive = ProgressMeter.standardErrorIsTerminal
        if progress ?? (interactive && !quiet) {
            let meter = ProgressMeter(label: stage, interactive: interactive, explicit: progress == true)
            meter.endLineAtExit()
            context.progress = meter
        }
        return context
    }

    /// The data output: `--output` (written to a temporary file, renamed when the run ends) or
    /// standard output.
    public func makeOutput() throws -> OutputWriter {
        guard let output, output != "-" else { return .standardOutput() }
        do { return try OutputWriter(replacing: output) } catch {
            throw StageFailure(code: .ioError, message: "cannot write output: \(error)")
        }
    }

    /// The run reached its end: commits the output and `--rejects`, prints `--stats`, and ends with
    /// the documented exit code.
    public func finish(_ context: RunContext, output: OutputWriter) throws {
        output.commit()
        context.close()
        context.finishProgress()
        if stats { FileHandleStderr.write(context.statsLines.joined(separator: "\n") + "\n") }
        if context.exitCode != .ok { throw StageFailure(code: context.exitCode, message: nil) }
    }
}

/// Ends a stage with an exit code and an optional message for standard error.
public struct StageFailure: Error {
    public let code: SiftExitCode
    public let message: String?
    public init(code: SiftExitCode, message: String?) { self.code = code; self.message = message }
}
