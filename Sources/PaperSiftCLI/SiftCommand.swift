import ArgumentParser
import PaperSiftCore

/// `sift`: the umbrella executable.
public struct SiftCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift",
        abstract: "papersift: research-paper listings and abstracts → clean, deduplicated JSON Lines.",
        version: papersiftVersion,
        subcommands: [RunCommand.self, CheckRulesCommand.self])
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
          sift run corpus/*.txt > out/papers.jsonl
          sift run --stats -o out/papers.jsonl corpus/*
        """,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    public init() {}

    public func run() throws {
        let rules = try common.loadRules()
        let context = try common.makeContext(stage: "sift run")
        let output = try common.makeOutput()
        let pipeline: FusedPipeline
        do { pipeline = try FusedPipeline(rules: rules) } catch {
            throw StageFailure(code: .usage, message: "invalid rules: \(error)")
        }
        try pipeline.run(paths: common.inputs, forcedFormat: common.forcedFormat, context: context) {
            output.writeLine($0.jsonBytes())
        }
        try common.finish(context, output: output)
    }
}

/// `sift check-rules`: runs every rule's examples.
public struct CheckRulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check-rules", abstract: "Run every rule's match/no-match examples.")
    @Option(help: "Rules directory.") public var rules: String?
    public init() {}

    public func run() throws {
        var common = CommonOptions()
        common.rules = rules
        let set = try common.loadRules()
        let (count, failures) = RuleChecker.check(set.rules)
        for f in failures { FileHandleStderr.write(f.description + "\n") }
        print("\(set.rules.count) rules, \(count) examples: \(count - failures.count) passed, \(failures.count) failed")
        if !failures.isEmpty { throw StageFailure(code: .usage, message: nil) }
    }
}
