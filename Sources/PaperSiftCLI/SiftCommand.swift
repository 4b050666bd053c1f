import ArgumentParser
import PaperSiftCore
#if canImport(Glibc)
import Glibc
#endif

/// `sift`: the umbrella executable.
public struct SiftCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift",
        abstract: "papersift: research-paper listings and abstracts into clean, deduplicated JSON Lines.",
        discussion: """
        The five stages are also separate filters: sift-clean | sift-segment | sift-extract | \
        sift-normalize | sift-dedupe. 'sift run' is the same pipeline in one process.

        Examples:
          sift run corpus/*.txt > papers.jsonl
          sift report papers.jsonl --html report.html
          sift results --format csv papers.jsonl > results.csv
          sift check-rules --rules rules/

        """ + StageHelp.exitStatus,
        version: papersiftVersion,
        subcommands: [RunCommand.self, CheckRulesCommand.self, ReportCommand.self, ResultsCommand.self])
    public init() {}
}

/// `sift run`: all five stages in one process.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run clean, segment, extract, normalize and dedupe in one process.",
        discussion: """
        Gives byte-identical output to the piped stages, without JSON between them.

        Examples:
          sift run corpus/*.txt > papers.jsonl
          sift run --stats -o papers.jsonl corpus/*
          sift run --progress --rejects rejects.jsonl big/*.txt > papers.jsonl

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var rules: RulesOption
    @OptionGroup public var format: FormatOption
    @OptionGroup public var scan: FullScanOption
    @OptionGroup public var dedupe: DedupeOptions

    @Option(help: ArgumentHelp("Threads for extraction, normalisation and dedupe entries, the main thread included (default 0: one per CPU; 1: no worker threads). The output does not depend on it.",
                               valueName: "n"))
    public var threads = 0

    public init() {}

    public func validate() throws {
        if threads < 0 { throw ValidationError("--threads must be 0 or more") }
    }

    public func run() throws {
        let rules = try self.rules.load(FusedPipeline.ruleScope, fullScan: scan.fullScan)
        let context = try common.makeContext(stage: "sift run")
        let output = try common.makeOutput()
        let pipeline: FusedPipeline
        let cpus = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        do { pipeline = try FusedPipeline(rules: rules, dedupe: dedupe.options, threads: threads == 0 ? cpus : threads) } catch {
            throw StageFailure(code: .usage, message: "invalid rules: \(error)")
        }
        do {
            try pipeline.run(paths: common.inputs, forcedFormat: format.forcedFormat, context: context) {
                output.writeLine($0)
            }
        } catch let e as SpillError {
            throw StageFailure(code: .ioError, message: e.description)
        }
        try common.finish(context, output: output)
    }
}

/// `sift check-rules`: runs every rule's examples.
public struct CheckRulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check-rules", abstract: "Run every rule's match/no-match examples.",
        discussion: """
        Compiles every rule of the rules directory and checks each of its examples; prints a \
        summary line, and each failing example as file:line on standard error (exit 2).

        Examples:
          sift check-rules
          sift check-rules --rules my-rules/
          PAPERSIFT_RULES=/opt/papersift/rules sift check-rules

        """ + StageHelp.exitStatus,
        version: papersiftVersion)
    @Option(help: ArgumentHelp("Rules directory (default: $PAPERSIFT_RULES, else the installed rules/).", valueName: "dir"),
            completion: .directory)
    public var rules: String?
    public init() {}

    public func run() throws {
        let set = try CommonOptions.loadRules(directory: rules, scope: .everything)
        let (count, failures) = RuleChecker.check(set.rules)
        for f in failures { FileHandleStderr.write(f.description + "\n") }
        print("\(set.rules.count) rules, \(count) examples: \(count - failures.count) passed, \(failures.count) failed")
        if !failures.isEmpty { throw StageFailure(code: .usage, message: nil) }
    }
}
