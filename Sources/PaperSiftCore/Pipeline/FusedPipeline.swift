/// All five stages in one process (`sift run`), passing records as values instead of JSON.
/// Its output is byte-identical to the piped stages (checked by a test).
public final class FusedPipeline {
    public let rules: RuleSet
    private let cleaner: Cleaner
    private let segmenter: Segmenter
    private let extractor: Extractor
    private let normalizer: Normalizer
    private let deduper: Deduper

    public init(rules: RuleSet, dedupe: Deduper.Options = Deduper.Options()) throws(RuleError) {
        self.rules = rules
        deduper = Deduper(options: dedupe)
        cleaner = Cleaner(rules: rules)
        segmenter = Segmenter(rules: rules)
        extractor = try Extractor(rules: rules)
        normalizer = Normalizer(rules: rules)
    }

    /// Runs every input through the stages; `emit` receives the final records as JSON lines
    /// (without the newline). Throws `StrictStop` or `SpillError`.
    public func run(paths: [String], forcedFormat: InputFormat? = nil, context: RunContext,
                    emit: ([UInt8]) -> Void) throws {
        for path in paths {
            var stop: Error?
            try cleaner.clean(path: path, forcedFormat: forcedFormat, context: context) { record in
                guard stop == nil else { return }
                do throws(StrictStop) {
                    try segmenter.process(record, context: context) { occ in self.afterSegment(occ, context: context, stop: &stop) }
                } catch { stop = error }
            }
            if let stop { throw stop }
        }
        var stop: Error?
        try segmenter.finish(context: context) { occ in afterSegment(occ, context: context, stop: &stop) }
        if let stop { throw stop }
        try deduper.finish(context: context, emit: emit)
    }

    private func afterSegment(_ occurrence: Occurrence, context: RunContext, stop: inout Error?) {
        guard stop == nil else { return }
        let extracted: ExtractedOccurrence
        do {
            extracted = try extractor.extract(occurrence)
        } catch {
            do throws(StrictStop) {
                try context.reject(file: occurrence.file, line: occurrence.line, reason: "extract: \(error)",
                                   raw: occurrence.jsonString())
            } catch { stop = error }
            return
        }
        do { try deduper.add(normalizer.normalize(extracted), context: context) } catch { stop = error }
    }
}
