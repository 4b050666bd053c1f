/// All five stages in one process (`sift run`), passing records as values instead of JSON.
/// Its output is byte-identical to the piped stages (checked by a test), and so is its record
/// account: each stage counts in its own `RunContext` (see `RunContext.stageContexts`).
///
/// Extraction, normalisation and each record's dedupe entry (canonical JSON, keys, near-duplicate
/// signature) run in batches of `batchSize`; with `threads` > 1, on `threads - 1` worker threads,
/// each with its own compiled rules (copies of the calling thread's), and on the calling thread whenever it
/// would otherwise wait for them; cleaning, segmentation and filing the entries in the deduper
/// stay on the calling thread and take the results in input order, so output and account are
/// the same. So `threads` is the number of threads that work, and `--threads 2` on two cores
/// runs two, not three.
public final class FusedPipeline {
    public let rules: RuleSet
    private let cleaner: Cleaner
    private let segmenter: Segmenter
    /// Extraction and normalisation on the calling thread: all of it with one thread, else its
    /// share of the batches.
    private let local: (extractor: Extractor, normalizer: Normalizer)
    private let dedupeOptions: Deduper.Options
    private let threads: Int
    /// Made on the first full batch (so a small input starts no thread), when `threads` > 1.
    private var workers: OrderedWorkers<[Occurrence], [Outcome]>?
    static let batchSize = 32

    /// The stage names used in the accounting and in `--rejects`, as in the piped run.
    public static let stageNames = ["sift-clean", "sift-segment", "sift-extract", "sift-normalize", "sift-dedupe"]

    /// What a worker made of one occurrence.
    enum Outcome {
        case record(Deduper.Entry)
        case failed(Occurrence, String)
    }

    /// Every stage's rules: every rule compiled and every table read.
    public static let ruleScope = RuleScope.everything

    /// Needs a rule set of at least `ruleScope`.
    public init(rules: RuleSet, dedupe: Deduper.Options = Deduper.Options(), threads: Int = 1) throws(RuleError) {
        self.rules = rules
        dedupeOptions = dedupe
        cleaner = Cleaner(rules: rules)
        segmenter = Segmenter(rules: rules)
        self.threads = max(threads, 1)
        // The extractor compiles the alias table's rule, so its errors are reported here and
        // the workers' copies of the rules have it.
        local = (try Extractor(rules: rules), Normalizer(rules: rules))
    }

    /// The worker threads, started on first use. Each gets its own copy of the compiled rules,
    /// made here before it runs (this thread has used them only itself); the worker sets up its
    /// extractor on its thread. The same rules compiled on this thread, so a failure there is a
    /// broken invariant, not bad input. The calling thread's share is `caller` (its batch work
    /// over `local`).
    private func startedWorkers(caller: @escaping ([Occurrence]) -> [Outcome]) -> OrderedWorkers<[Occurrence], [Outcome]> {
        if let workers { return workers }
        let similarity = dedupeOptions.similarity != nil
        let makers = (1..<threads).map { _ in
            let own = RuleSet(copying: rules)
            return { () -> ([Occurrence]) -> [Outcome] in
                let extractor: Extractor, normalizer: Normalizer
                do {
                    (extractor, normalizer) = (try Extractor(rules: own), Normalizer(rules: own))
                } catch { preconditionFailure("rules that compiled on the main thread failed on a worker: \(error)") }
                FusedPipeline.prepareAhead(own, extractor)
                return FusedPipeline.batchWork(extractor, normalizer, similarity: similarity)
            }
        }
        let made = OrderedWorkers(makers: makers, caller: caller)
        workers = made
        return made
    }

    /// A worker's first task: JIT-compile the patterns of normalisation and extraction for ASCII
    /// text, last first, while the calling thread compiles them in the order it first matches
    /// them. The compiled code is shared (`PCRE2Pattern`), so the two threads meet in the middle
    /// instead of taking turns at the same patterns; output does not change.
    static func prepareAhead(_ rules: RuleSet, _ extractor: Extractor) {
        for field in (Normalizer.ruleScope.fields ?? []).sorted() {
            for rule in rules.rules(for: field).reversed() { rule.prepareMatching(asciiSubject: true) }
        }
        extractor.prepareMatchingLastFirst(asciiSubject: true)
    }

    /// What one thread does with a batch: `process` on each occurrence, with a JSON writer of
    /// its own for the dedupe entries.
    static func batchWork(_ extractor: Extractor, _ normalizer: Normalizer, similarity: Bool) -> ([Occurrence]) -> [Outcome] {
        var writer = JSONWriter(capacity: 1 << 16)
        return { batch in batch.map { process($0, extractor, normalizer, similarity: similarity, writer: &writer) } }
    }

    deinit { workers?.stop() }

    /// Extract and normalise one occurrence and make its dedupe entry, on a worker; a failure
    /// carries the same reason as `Extractor.process` gives in the serial path.
    static func process(_ occurrence: Occurrence, _ extractor: Extractor, _ normalizer: Normalizer,
                        similarity: Bool, writer: inout JSONWriter) -> Outcome {
        do {
            let record = normalizer.normalize(try extractor.extract(occurrence))
            return .record(Deduper.entry(for: record, similarity: similarity, writer: &writer))
        } catch {
            return .failed(occurrence, error.description)
        }
    }

    /// Runs every input through the stages; `emit` receives the final records as JSON lines
    /// (without the newline). Throws `StrictStop` or `SpillError`. Each run has a deduper of its own.
    public func run(paths: [String], forcedFormat: InputFormat? = nil, context: RunContext,
                    emit: ([UInt8]) -> Void) throws {
        let deduper = Deduper(options: dedupeOptions)
        let stages = context.stageContexts(FusedPipeline.stageNames)
        let (clean, segment, extract, normalize, dedupe) = (stages[0], stages[1], stages[2], stages[3], stages[4])
        var stop: Error?
        var batch: [Occurrence] = []

        /// Takes the workers' results in input order, counting them as the serial path does.
        func apply(_ outcomes: [Outcome]) throws {
            for outcome in outcomes {
                extract.countIn()
                switch outcome {
                case .record(let entry):
                    extract.countOut()
                    normalize.countIn()
                    normalize.countOut()
                    try deduper.add(entry, context: dedupe)
                case .failed(let occurrence, let reason):
                    try extract.reject(file: occurrence.file, line: occurrence.line, reason: reason, raw: occurrence.jsonString())
                }
            }
        }
        // This thread's batch work, with workers or without: one thread works in batches too
        // (extraction and normalisation of 32 records, then their dedupe entries filed, keeps
        // each part's code and data in cache: about 4 % less CPU than record by record).
        let ownWork = FusedPipeline.batchWork(local.extractor, local.normalizer, similarity: dedupeOptions.similarity != nil)
        func afterSegment(_ occurrence: Occurrence) {
            guard stop == nil else { return }
            do {
                batch.append(occurrence)
                guard batch.count >= FusedPipeline.batchSize else { return }
                let full = batch
                batch = []
                if threads == 1 { try apply(ownWork(full)); return }
                try startedWorkers(caller: ownWork).submit(full) { outcomes in try apply(outcomes) }
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
        if let workers {
            if !batch.isEmpty { try workers.submit(batch) { outcomes in try apply(outcomes) } }
            try workers.finish { outcomes in try apply(outcomes) }
        } else if !batch.isEmpty {
            // One thread, or fewer records than one batch: this thread makes the rest.
            try apply(ownWork(batch))
        }
        batch = []
        try deduper.finish(context: dedupe, emit: emit)
    }
}
