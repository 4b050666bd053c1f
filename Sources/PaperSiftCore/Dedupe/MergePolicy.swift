/// How occurrences of one paper are merged into one record.
///
/// - Scalars (`abstract`, `authors_count`, `org`, `published`, `upvotes`, `arxiv_id`, `doi`, …)
///   come from the first occurrence that has them; a later non-null value that differs is listed
///   in `conflicts` (`{"field", "values"}`, values in order of first appearance).
/// - Lists (`links`, `numbers`, `model_sizes`, `benchmarks`, `orgs`) are unioned without duplicates.
/// - `sources` keeps every occurrence.
public enum MergePolicy {
    /// Merges `other` into `base` (which came first), recording how they were matched.
    public static func merge(_ base: inout PaperRecord, _ other: PaperRecord, matchedBy: String) {
        if !base.mergedBy.contains(matchedBy) { base.mergedBy.append(matchedBy) }
        mergeScalar(&base, "abstract", \.abstract, other.abstract.map { .string($0) }, other.abstract)
        mergeScalar(&base, "authors_count", \.authorsCount, other.authorsCount.map { .int($0) }, other.authorsCount)
        mergeOrg(&base, other.org)
        mergeScalar(&base, "published", \.published, other.published.map { .string($0) }, other.published)
        mergeScalar(&base, "upvotes", \.upvotes, other.upvotes.map { .int($0) }, other.upvotes)
        mergeScalar(&base, "doi", \.doi, other.doi.map { .string($0) }, other.doi)
        if base.arxivID == nil, let id = other.arxivID { base.arxivID = id; base.id = other.id }
        if base.arxivVersion == nil || (other.arxivVersion ?? 0) > (base.arxivVersion ?? 0) {
            if other.arxivID == base.arxivID, other.arxivVersion != nil { base.arxivVersion = other.arxivVersion }
        }
        if base.firstAuthor == nil { base.firstAuthor = other.firstAuthor }
        for l in other.links where !base.links.contains(where: { $0.url == l.url }) { base.links.append(l) }
        for n in other.numbers where !base.numbers.contains(n) { base.numbers.append(n) }
        for n in other.modelSizes where !base.modelSizes.contains(n) { base.modelSizes.append(n) }
        for b in other.benchmarks where !base.benchmarks.contains(b) { base.benchmarks.append(b) }
        var orgs = OrgMentionSet()
        for o in base.orgs + other.orgs { orgs.add(o) }
        base.orgs = orgs.mentions
        for s in other.sources where !base.sources.contains(s) { base.sources.append(s) }
        for m in other.mergedBy where !base.mergedBy.contains(m) { base.mergedBy.append(m) }
        for c in other.conflicts { addConflict(&base, c.field, c.values) }
    }

    private static func mergeScalar<T: Equatable>(_ base: inout PaperRecord, _ field: String,
                                                  _ path: WritableKeyPath<PaperRecord, T?>,
                                                  _ json: JSONValue?, _ value: T?) {
        guard let value else { return }
        guard let existing = base[keyPath: path] else { base[keyPath: path] = value; return }
        if existing != value, let json, let existingJSON = jsonOf(existing) {
            addConflict(&base, field, [existingJSON, json])
        }
    }

    private static func jsonOf<T>(_ v: T) -> JSONValue? {
        switch v {
        case let s as String: return .string(s)
        case let i as Int: return .int(i)
        default: return nil
        }
    }

    private static func mergeOrg(_ base: inout PaperRecord, _ org: ListingOrg?) {
        guard let org else { return }
        guard let existing = base.org else { base.org = org; return }
        if existing != org {
            addConflict(&base, "org", [orgJSON(existing), orgJSON(org)])
        }
    }

    private static func orgJSON(_ o: ListingOrg) -> JSONValue {
        .object([("handle", o.handle.map { .string($0) } ?? .null), ("name", .string(o.name))])
    }

    private static func addConflict(_ base: inout PaperRecord, _ field: String, _ values: [JSONValue]) {
        if let i = base.conflicts.firstIndex(where: { $0.field == field }) {
            for v in values where !base.conflicts[i].values.contains(v) { base.conflicts[i].values.append(v) }
        } else {
            var unique: [JSONValue] = []
            for v in values where !unique.contains(v) { unique.append(v) }
            base.conflicts.append(Conflict(field: field, values: unique))
        }
    }
}
