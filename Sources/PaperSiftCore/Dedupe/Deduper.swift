/// Stage 5: merges every occurrence of one paper into one record, in order of first occurrence.
///
/// Key cascade: versionless arXiv id, then DOI (case-insensitive), then normalised title. A
/// record joins the group of the first of its keys already seen, and all its keys then point to
/// that group.
public final class Deduper {
    private var records: [PaperRecord] = []
    private var groupByKey: [String: Int] = [:]

    public init() {}

    /// The dedupe keys of a record, strongest first, each with the name of its kind.
    public static func keys(of r: PaperRecord) -> [(String, String)] {
        var keys: [(String, String)] = []
        if let a = r.arxivID, !a.isEmpty { keys.append(("arxiv_id", "a:" + a)) }
        if let d = r.doi, !d.isEmpty { keys.append(("doi", "d:" + d.lowercased())) }
        let t = PaperKey.normalizedTitle(r.title)
        if !t.isEmpty { keys.append(("title", "t:" + t)) }
        return keys
    }

    public func add(_ record: PaperRecord, context: RunContext) {
        context.countIn()
        let keys = Deduper.keys(of: record)
        if let (kind, key) = keys.first(where: { groupByKey[$0.1] != nil }), let index = groupByKey[key] {
            MergePolicy.merge(&records[index], record, matchedBy: kind)
            context.countMerged()
            for (_, k) in keys where groupByKey[k] == nil { groupByKey[k] = index }
            return
        }
        records.append(record)
        for (_, k) in keys { groupByKey[k] = records.count - 1 }
    }

    /// Emits the merged records in order of first occurrence.
    public func finish(context: RunContext, emit: (PaperRecord) -> Void) {
        for r in records { context.countOut(); emit(r) }
        records.removeAll()
        groupByKey.removeAll()
    }
}

extension Deduper {
    /// The key `sift-normalize --emit-key` writes: the record's strongest dedupe key, so that
    /// every occurrence of one paper lands in one group (when its occurrences share that key).
    public static func groupKey(of r: PaperRecord) -> String {
        keys(of: r).first?.1 ?? "id:" + r.id
    }
}
