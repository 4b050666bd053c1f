import ArgumentParser
import PaperSiftCore

extension ResultFormat: ExpressibleByArgument {}

/// `sift results`: one row per reported number of a run's papers.jsonl, as JSON Lines, CSV or TSV.
public struct ResultsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Write one row per reported number of a run's papers.jsonl: paper, benchmark, metric, value, kind, baseline.",
        discussion: """
        Reads final records (the output of sift-dedupe or sift run) and writes, for every entry of \
        each paper's `numbers`, a row with the columns id, arxiv_id, title, benchmark, benchmark_id, \
        metric, value, unit, kind, baseline, raw (the number as written) and span (the sentence it \
        is written in). JSON Lines by default (schema/result.schema.json); CSV (RFC 4180 quoting, a \
        header, CRLF line ends) or TSV (a header, tabs in fields as spaces) with --format. Null is \
        null in JSON Lines and an empty field in CSV and TSV. Rows follow the input order.

        Examples:
          sift results out/papers.jsonl > results.jsonl
          sift results --format csv -o results.csv out/papers.jsonl
          sift run corpus/*.txt | sift results --format tsv --with-benchmark -

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @Argument(help: ArgumentHelp("Final records (JSON Lines); standard input when none is given or for '-'.", valueName: "file"),
              completion: .file())
    public var files: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write the rows to this file instead of standard output.", valueName: "file"),
            completion: .file())
    public var output: String?

    @Option(help: ArgumentHelp("Output format: jsonl, csv or tsv.", valueName: "format"))
    public var format: ResultFormat = .jsonl

    @Flag(help: "Only numbers tied to a benchmark.")
    public var withBenchmark = false

    @Flag(help: "Stop at the first line that is not a final record (exit 4).")
    public var strict = false

    @Flag(name: [.short, .long], help: "Do not report unreadable lines on standard error (they are still counted).")
    public var quiet = false

    public init() {}

    public func run() throws {
        let context = RunContext(stage: "sift results", strict: strict, quiet: quiet)
        let writer: OutputWriter
        if let output, output != "-" {
            // Like every stage's -o: a temporary file renamed when the run ends, never a partial file.
            do { writer = try OutputWriter(replacing: output) } catch {
                throw StageFailure(code: .ioError, message: "cannot write \(output): \(error)")
            }
        } else {
            writer = OutputWriter.standardOutput()
        }
        writer.write(format.header)
        let paths = files.isEmpty ? ["-"] : files
        try JSONLinesInput.read(PaperRecord.self, paths: paths, context: context) { record in
            context.countIn()
            for row in ResultRows.rows(of: record, withBenchmark: withBenchmark) { writer.write(format.line(row)) }
        }
        writer.commit()
        if context.exitCode != .ok { throw StageFailure(code: context.exitCode, message: nil) }
    }
}
