import ArgumentParser
import PaperSiftCore

/// `sift report`: a summary of a run's final records, as Markdown and, with `--html`, one HTML page.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a run's papers.jsonl: coverage, links, organisations, numbers, months.",
        discussion: """
        Reads final records (the output of sift-dedupe or sift run) and writes Markdown to standard \
        output: records and duplicates merged, the share of papers with a code link, a project page, \
        an organisation, numbers, model sizes, benchmarks; links by kind; the top organisations, \
        benchmarks and GitHub owners; numbers by unit; papers per month. With --html, the same as one \
        self-contained HTML page with charts (inline SVG, no scripts, no external files).

        Examples:
          sift report out/papers.jsonl
          sift report out/papers.jsonl --html out/report.html > out/report.md
          sift run corpus/*.txt | sift report --top 20 -

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @Argument(help: ArgumentHelp("Final records (JSON Lines); standard input when none is given or for '-'.", valueName: "file"),
              completion: .file())
    public var files: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write the Markdown to this file instead of standard output.", valueName: "file"),
            completion: .file())
    public var output: String?

    @Option(help: ArgumentHelp("Also write the report as one self-contained HTML page.", valueName: "file"),
            completion: .file(extensions: ["html"]))
    public var html: String?

    @Option(help: ArgumentHelp("Entries in each top list.", valueName: "n"))
    public var top = 10

    @Flag(help: "Stop at the first line that is not a final record (exit 4).")
    public var strict = false

    @Flag(name: [.short, .long], help: "Do not report unreadable lines on standard error (they are still counted).")
    public var quiet = false

    public init() {}

    public func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    public func run() throws {
        let context = RunContext(stage: "sift report", strict: strict, quiet: quiet)
        let builder = RunSummaryBuilder()
        let paths = files.isEmpty ? ["-"] : files
        try JSONLinesInput.read(PaperRecord.self, paths: paths, context: context) { record in
            context.countIn()
            builder.add(record)
        }
        let summary = builder.summary(top: top)
        let input = paths.map { $0 == "-" ? "standard input" : $0 }.joined(separator: ", ")
        if let html {
            try write(HTMLReport.render(summary, input: input, version: papersiftVersion, top: top), to: html)
        }
        let markdown = MarkdownReport.render(summary, input: input, top: top)
        if let output, output != "-" {
            try write(markdown, to: output)
        } else {
            let stdout = OutputWriter.standardOutput()
            stdout.write(markdown)
            stdout.flush()
        }
        if context.exitCode != .ok { throw StageFailure(code: context.exitCode, message: nil) }
    }

    private func write(_ text: String, to path: String) throws {
        let writer: OutputWriter
        do { writer = try OutputWriter(path: path) } catch {
            throw StageFailure(code: .ioError, message: "cannot write \(path): \(error)")
        }
        writer.write(text)
        writer.flush()
    }
}
