/// All five stages in one process (`sift run`), passing records as values instead of JSON.
/// Its output is byte-identical to the piped stages (checked by a test).
///
/// With `threads` > 1, extraction and normalisation (most of the work) run on that many worker
/// threads, each with its own compiled rules, in batches; cleaning, segmentation and dedupe stay
/// on the calling thread and take the results in input order, so the output is the same.
public final class FusedPipeline {
    public let rules: RuleSet
    private let cleaner: Cleaner
    private let segmenter: Segmenter
    private let extractor: Extractor
    private let normalizer: Normalizer
    private let deduper: Deduper
    private let workers: OrderedWorkers<[Occurrence], [Outcome]>?
    private var batch: [Occurrence] = []
    static let batchSize = 32

    /// What a worker made of one occurrence.
    enum Outcome {
        case record(PaperRecord)
        case failed(Occurrence, String)
    }

    public init(rules: RuleSet, dedupe: Deduper.Options = Deduper.Options(), threads: Int = 1) throws(RuleError) {
        self.rules = rules
        deduper = Deduper(options: dedupe)
        cleaner = Cleaner(rules: rules)
        segmenter = Segmenter(rules: rules)
        extractor = try Extractor(rules: rules)
        normalizer = Normalizer(rules: rules)
        guard threads > 1 else { workers = nil; return }
        var work: [([Occurrence]) -> [Outcome]] = []
        for _ in 0..<threads {
            let own = try RuleSet(directory: rules.directory)
            let (extractor, normalizer) = (try Extractor(rules: own), Normalizer(rules: own))
            work.append { batch in batch.map { FusedPipeline.process($0, extractor, normalizer) } }
        }
        workers = OrderedWorkers(work: work)
    }

    deinit { workers?.stop() }

    static func process(_ occurrence: Occurrence, _ extractor: Extractor, _ normalizer: Normalizer) -> Outcome {
        do { return .record(normalizer.normalize(try extractor.extract(occurrence))) } catch {
            return .failed(occurrence, "extract: \(error)")
        }
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
        if let workers {
            if !batch.isEmpty { try workers.submit(batch) { outcomes in try apply(outcomes, context) } }
            batch = []
            try workers.finish { outcomes in try apply(outcomes, context) }
        }
        try deduper.finish(context: context, emit: emit)
    }

    private func afterSegment(_ occurrence: Occurrence, context: RunContext, stop: inout Error?) {
        guard stop == nil else { return }
        do {
            guard let workers else { return try apply([FusedPipeline.process(occurrence, extractor, normalizer)], context) }
            batch.append(occurrence)
            guard batch.count >= FusedPipeline.batchSize else { return }
            let full = batch
            batch = []
            try workers.submit(full) { outcomes in try apply(outcomes, context) }
        } catch { stop = error }
    }

    /// Dedupes the records and reports the failures, in input order. Throws `StrictStop` or `SpillError`.
    private func apply(_ outcomes: [Outcome], _ context: RunContext) throws {
        for outcome in outcomes {
            switch outcome {
            case .record(let record): try deduper.add(record, context: context)
            case .failed(let occurrence, let reason):
                try context.reject(file: occurrence.file, line: occurrence.line, reason: reason, raw: occurrence.jsonString())
            }
        }
    }
}
