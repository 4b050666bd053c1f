/// All five stages in one process (`sift run`), passing records as values instead of JSON.
/// Its output is byte-identical to the piped stages (checked by a test), and so is its record
/// account: each stage counts in its own `RunContext` (see `RunContext.stageContexts`).
public final class FusedPipeline {
    public let rules: RuleSet
    private let cleaner: Cleaner
    private let segmenter: Segmenter
    private let extractor: Extractor
    private let normalizer: Normalizer
    private let dedupeOptions: Deduper.Options

    /// The stage names used in the accounting and in `--rejects`, as in the piped run.
    public static let stageNames = ["sift-clean", "sift-segment", "sift-extract", "sift-normalize", "sift-dedupe"]

    public init(rules: RuleSet, dedupe: Deduper.Options = Deduper.Options()) throws(RuleError) {
        self.rules = rules
        dedupeOptions = dedupe
        cleaner = Cleaner(rules: rules)
        segmenter = Segmenter(rules: rules)
        extractor = try Extractor(rules: rules)
        normalizer = Normalizer(rules: rules)
    }

    /// Runs every input through the stages; `emit` receives the final records as JSON lines
    /// (without the newline). Throws `StrictStop` or `SpillError`. Each run has a deduper of its own.
    public func run(paths: [String], forcedFormat: InputFormat? = nil, context: RunContext,
                    emit: ([UInt8]) -> Void) throws {
        let deduper = Deduper(options: dedupeOptions)
        let stages = context.stageContexts(FusedPipeline.stageNames)
        let (clean, segment, extract, normalize, dedupe) = (stages[0], stages[1], stages[2], stages[3], stages[4])
        var stop: Error?
        func afterSegment(_ occurrence: Occurrence) {
            guard stop == nil else { return }
            do {
                try extractor.process(occurrence, context: extract) { extracted in
                    normalizer.process(extracted, context: normalize) { record in
                        do { try deduper.add(record, context: dedupe) } catch { stop = error }
                    }
                }
            } catch { stop = error }
        }
        for path in paths {
            try cleaner.clean(path: path, forcedFormat: forcedFormat, context: clean) { record in
                guard stop == nil else { return }
                do throws(StrictStop) {
                    try segmenter.process(record, context: segment, emit: afterSegment)
                } catch { stop = error }
            }
            if let stop { throw stop }
        }
        try segmenter.finish(context: segment, emit: afterSegment)
        if let stop { throw stop }
        try deduper.finish(context: dedupe, emit: emit)
    }
}
