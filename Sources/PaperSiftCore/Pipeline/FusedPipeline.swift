/// All five stages in one process (`sift run`), passing records as values instead of JSON.
/// Its output is byte-identical to the piped stages (checked by a test).
public final class FusedPipeline {
    public let rules: RuleSet
    private let cleaner: Cleaner
    private let segmenter: Segmenter
    private let extractor: Extractor
    private let normalizer: Normalizer
    private let deduper = Deduper()

    public init(rules: RuleSet) throws(RuleError) {
        self.rules = rules
        cleaner = Cleaner(rules: rules)
        segmenter = Segmenter(rules: rules)
        extractor = try Extractor(rules: rules)
        normalizer = Normalizer(rules: rules)
    }

    /// Runs every input through the stages; `emit` receives the final records.
    public func run(paths: [String], forcedFormat: InputFormat? = nil, context: RunContext,
                    emit: (PaperRecord) -> Void) throws(StrictStop) {
        for path in paths {
            var stop: StrictStop?
            try cleaner.clean(path: path, forcedFormat: forcedFormat, context: context) { record in
                guard stop == nil else { return }
                do throws(StrictStop) {
                    try segmenter.process(record, context: context) { occ in self.afterSegment(occ, context: context, stop: &stop) }
                } catch { stop = error }
            }
            if let stop { throw stop }
        }
        var stop: StrictStop?
        try segmenter.finish(context: context) { occ in afterSegment(occ, context: context, stop: &stop) }
        if let stop { throw stop }
        deduper.finish(context: context, emit: emit)
    }

    private func afterSegment(_ occurrence: Occurrence, context: RunContext, stop: inout StrictStop?) {
        guard stop == nil else { return }
        do {
            let extracted = try extractor.extract(occurrence)
            deduper.add(normalizer.normalize(extracted), context: context)
        } catch {
            do throws(StrictStop) {
                try context.reject(file: occurrence.file, line: occurrence.line, reason: "extract: \(error)",
                                   raw: occurrence.jsonString())
            } catch { stop = error }
        }
    }
}
