import ArgumentParser
import PaperSiftCore

/// `sift-clean`: raw documents → cleaned paragraphs and structured papers (JSON Lines).
public struct CleanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift-clean",
        abstract: "Clean raw paper listings and abstracts into JSON Lines records.",
        discussion: """
        Reads Hugging Face Daily Papers text dumps, HTML pages, the Hugging Face daily_papers API \
        JSON, arXiv API Atom XML and arXiv metadata snapshot JSON Lines (the format is sniffed from \
        the content; --format forces it). Envelope lines {"file","line","text"} carry documents of \
        these formats (--format then applies to the documents). Page boilerplate is removed, \
        Unicode is normalised to NFC, whitespace is collapsed, and every record keeps its file name \
        and line number.

        Examples:
          sift-clean corpus/*.txt > clean.jsonl
          sift-clean corpus/*.txt | sift-segment | sift-extract | sift-normalize \\
            | sift-dedupe > papers.jsonl
          curl -s "$URL" | sift-clean --format arxiv-atom -

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var rules: RulesOption
    @OptionGroup public var format: FormatOption
    public init() {}

    public func run() throws {
        let rules = try self.rules.load(Cleaner.ruleScope)
        let context = try common.makeContext(stage: "sift-clean")
        let output = try common.makeOutput()
        let cleaner = Cleaner(rules: rules)
        for path in common.inputs {
            try cleaner.clean(path: path, forcedFormat: format.forcedFormat, context: context) { output.writeLine(record: $0) }
        }
        try common.finish(context, output: output)
    }
}

/// `sift-segment`: cleaned records → one record per paper occurrence.
public struct SegmentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift-segment",
        abstract: "Split cleaned documents into one record per paper occurrence.",
        discussion: """
        Reads the JSON Lines of sift-clean and writes one occurrence per paper: title, abstract, \
        authors count or organisation line, date, upvotes, source file and title line.

        Examples:
          sift-clean corpus/*.txt | sift-segment > occurrences.jsonl
          sift-segment clean.jsonl | head -1
          sift-segment --rejects rejects.jsonl --stats clean.jsonl > occurrences.jsonl

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var rules: RulesOption
    public init() {}

    public func run() throws {
        let rules = try self.rules.load(Segmenter.ruleScope)
        let context = try common.makeContext(stage: "sift-segment")
        let output = try common.makeOutput()
        let segmenter = Segmenter(rules: rules)
        try JSONLinesInput.read(CleanRecord.self, paths: common.inputs, context: context) { record in
            try segmenter.process(record, context: context) { output.writeLine(record: $0) }
        }
        try segmenter.finish(context: context) { output.writeLine(record: $0) }
        try common.finish(context, output: output)
    }
}

/// `sift-extract`: occurrences → occurrences plus every rule hit (`found`) with byte spans.
public struct ExtractCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift-extract",
        abstract: "Find links, numbers, model sizes, benchmarks and organisations with the PCRE2 rules.",
        discussion: """
        The rules of the text fields (links, numbers, model_sizes, benchmarks, orgs, \
        number_context) are compiled once with the PCRE2 JIT before input is read; an invalid rule \
        stops the run (exit 2) with file:line and the PCRE2 error. --check-rules checks every rule. Each \
        occurrence is written back with "found": the hits by field, with byte offsets into the abstract.

        Examples:
          sift-segment clean.jsonl | sift-extract > extracted.jsonl
          sift-extract --check-rules
          sift-extract --rules my-rules/ occurrences.jsonl > extracted.jsonl

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var rules: RulesOption
    @OptionGroup public var scan: FullScanOption

    @Flag(help: "Run every rule's match/no-match examples and report; no input is read.")
    public var checkRules = false

    @Flag(help: "At the end, print on standard error the time each rule took (a Markdown table).")
    public var profileRules = false

    public init() {}

    public func run() throws {
        // --check-rules checks every rule; extraction needs the text fields' rules and the organisations.
        let rules = try self.rules.load(checkRules ? .everything : Extractor.ruleScope, fullScan: scan.fullScan)
        if checkRules {
            let (count, failures) = RuleChecker.check(rules.rules)
            for f in failures { FileHandleStderr.write(f.description + "\n") }
            print("\(rules.rules.count) rules, \(count) examples: \(count - failures.count) passed, \(failures.count) failed")
            if !failures.isEmpty { throw StageFailure(code: .usage, message: nil) }
            return
        }
        let context = try common.makeContext(stage: "sift-extract")
        let output = try common.makeOutput()
        let extractor: Extractor
        do { extractor = try Extractor(rules: rules) } catch {
            throw StageFailure(code: .usage, message: "invalid rules: \(error)")
        }
        if profileRules { extractor.profile = RuleProfile() }
        try JSONLinesInput.read(Occurrence.self, paths: common.inputs, context: context) { occurrence in
            try extractor.process(occurrence, context: context) { output.writeLine(record: $0) }
        }
        if let profile = extractor.profile { FileHandleStderr.write(profile.table() + "\n") }
        try common.finish(context, output: output)
    }
}

/// `sift-normalize`: extracted occurrences → final-shape records (one per occurrence).
public struct NormalizeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift-normalize",
        abstract: "Canonicalise links, numbers, model sizes, organisations and dates; assign the paper key.",
        discussion: """
        Writes one record per occurrence in the final record shape (docs/papers.md). With \
        --emit-key each line is "key<TAB>json", for a sort or shuffle by key before \
        sift-dedupe --keyed (Spark RDD.pipe, Hadoop Streaming).

        Examples:
          sift-normalize extracted.jsonl > normalized.jsonl
          sift-extract occurrences.jsonl | sift-normalize | sift-dedupe > papers.jsonl
          sift-normalize --emit-key *.extract.jsonl | LC_ALL=C sort -t$'\\t' -k1,1 -s \\
            | sift-dedupe --keyed

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var rules: RulesOption

    @Flag(help: "Prefix every line with the dedupe key and a TAB.")
    public var emitKey = false

    public init() {}

    public func run() throws {
        let rules = try self.rules.load(Normalizer.ruleScope)
        let context = try common.makeContext(stage: "sift-normalize")
        let output = try common.makeOutput()
        let normalizer = Normalizer(rules: rules)
        try JSONLinesInput.read(ExtractedOccurrence.self, paths: common.inputs, context: context) { extracted in
            normalizer.process(extracted, context: context) { record in
                if emitKey {
                    output.write(Array(Deduper.groupKey(of: record).utf8))
                    output.write([0x09])
                }
                output.writeLine(record: record)
            }
        }
        try common.finish(context, output: output)
    }
}

/// `sift-dedupe`: merges the occurrences of each paper into one record.
public struct DedupeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sift-dedupe",
        abstract: "Merge every occurrence of a paper into one record, recording conflicts.",
        discussion: """
        Occurrences with the same title key (case, punctuation, spacing, hyphenation, dashes, \
        LaTeX residue and diacritics ignored) are one paper unless their arXiv ids, DOIs, first \
        authors or years disagree; papers are also joined by arXiv id, DOI, and near-duplicate \
        title + abstract when the titles are near-duplicates too (MinHash, --similarity, off with \
        --no-similar); near-duplicates with unrelated titles stay two papers, each naming the \
        other's id in similar_to. Output is in order of first occurrence; the same input always gives the same bytes. Memory stays within \
        --max-memory: past it, sorted runs spill to --temp-dir. See docs/DEDUPE.md.

        With --keyed, input is "key<TAB>json" lines sorted by key (sift-normalize --emit-key, \
        then a sort): each group is merged alone, as a reducer of Hadoop Streaming or Spark \
        RDD.pipe.

        Examples:
          sift-normalize extracted.jsonl | sift-dedupe > papers.jsonl
          sift-dedupe --max-memory 2GB --temp-dir /scratch *.normalized.jsonl -o papers.jsonl --stats
          sift-normalize --emit-key x.jsonl | LC_ALL=C sort -t$'\\t' -k1,1 -s | sift-dedupe --keyed

        """ + StageHelp.exitStatus,
        version: papersiftVersion)

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var dedupe: DedupeOptions

    @Flag(help: "Read 'key<TAB>json' lines grouped by key (sorted), as from sift-normalize --emit-key.")
    public var keyed = false

    public init() {}

    public func run() throws {
        // Dedupe uses no rules: it does not load them, which keeps its start-up short.
        let context = try common.makeContext(stage: "sift-dedupe")
        let output = try common.makeOutput()
        do {
            if keyed {
                let deduper = KeyedDeduper()
                try JSONLinesInput.readKeyed(PaperRecord.self, paths: common.inputs, context: context) { key, record, file, line in
                    try deduper.add(key: key, record: record, file: file, line: line, context: context) { output.writeLine($0) }
                }
                try deduper.finish(context: context) { output.writeLine($0) }
            } else {
                let deduper = Deduper(options: dedupe.options)
                try JSONLinesInput.read(PaperRecord.self, paths: common.inputs, context: context,
                                        takeLine: { line in try deduper.add(canonicalLine: line, context: context) }) { record in
                    try deduper.add(record, context: context)
                }
                try deduper.finish(context: context, output: output)
                if common.stats {
                    FileHandleStderr.write("sift-dedupe: \(deduper.crossGroupJoins) papers joined across title keys, \(deduper.spilledRuns) sorted runs spilled\n")
                }
            }
        } catch let e as SpillError {
            throw StageFailure(code: .ioError, message: e.description)
        }
        try common.finish(context, output: output)
    }
}
