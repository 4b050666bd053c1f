/// `sift-dedupe --keyed`: the reducer of a distributed run (Hadoop Streaming, Spark `RDD.pipe`).
///
/// Input is `key<TAB>json` lines, as `sift-normalize --emit-key` writes them, sorted (or at least
/// grouped) by key. Each group is merged alone, holding one group in memory: its occurrences are
/// put in a fixed order (first source's file, then line, then the record's bytes) so the result
/// does not depend on how the engine shuffled them, split into papers by `BlockClusterer` and
/// folded by `PaperMerger`, exactly as the default mode does. Papers are written group by group.
///
/// What keyed mode cannot do: join papers across keys (same arXiv id or DOI under different
/// titles, near-duplicates); the default mode does (docs/DEDUPE.md).
public final class KeyedDeduper {
    private var key: [UInt8]?
    private var members: [(record: PaperRecord, bytes: [UInt8])] = []
    private var clusterer = BlockClusterer()
    /// Lines whose key sorts before the previous group's key (bytewise).
    public private(set) var keysOutOfOrder = 0

    public init() {}

    /// Takes the next line's key and record; `file` and `line` name it in warnings.
    public func add(key: UnsafeBufferPointer<UInt8>, record: PaperRecord, file: String, line: Int,
                    context: RunContext, emit: ([UInt8]) -> Void) throws(SpillError) {
        context.countIn()
        if let current = self.key, !key.elementsEqual(current) {
            if key.lexicographicallyPrecedes(current) {
                if keysOutOfOrder == 0 {
                    context.warn(file: file, line: line, message: "key sorts before the previous key: input is not sorted by key (use LC_ALL=C sort); a paper may come out split")
                }
                keysOutOfOrder += 1
            }
            try flush(context: context, emit: emit)
        }
        if self.key == nil || members.isEmpty { self.key = Array(key) }
        members.append((record, record.jsonBytes()))
    }

    /// Writes the last group.
    public func finish(context: RunContext, emit: ([UInt8]) -> Void) throws(SpillError) {
        try flush(context: context, emit: emit)
        if keysOutOfOrder > 1 {
            context.warn(file: "-", line: 0, message: "\(keysOutOfOrder) keys were out of order in all")
        }
    }

    private func flush(context: RunContext, emit: ([UInt8]) -> Void) throws(SpillError) {
        guard !members.isEmpty else { return }
        members.sort(by: KeyedDeduper.precedes)
        clusterer.reset()
        var papers: [[StoredOccurrence]] = []
        for m in members {
            let (paper, kind) = clusterer.assign(PaperIdentity(m.record))
            if paper == papers.count { papers.append([]) }
            papers[paper].append(StoredOccurrence(bytes: m.bytes, matchedBy: kind))
        }
        for (rank, occurrences) in papers.enumerated() {
            emit(try ClusterOutput.line(occurrences, collisionRank: rank))
            context.countOut()
            context.countMerged(occurrences.count - 1)
        }
        members.removeAll(keepingCapacity: true)
        key = nil
    }

    /// The order of occurrences within a group: first source's file, then line, then bytes.
    static func precedes(_ a: (record: PaperRecord, bytes: [UInt8]), _ b: (record: PaperRecord, bytes: [UInt8])) -> Bool {
        let fa = a.record.sources.first?.file ?? "", fb = b.record.sources.first?.file ?? ""
        if fa != fb { return fa.utf8.lexicographicallyPrecedes(fb.utf8) }
        let la = a.record.sources.first?.line ?? 0, lb = b.record.sources.first?.line ?? 0
        if la != lb { return la < lb }
        return a.bytes.lexicographicallyPrecedes(b.bytes)
    }
}
