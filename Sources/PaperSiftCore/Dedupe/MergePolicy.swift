/// How the occurrences of one paper are folded into one record, in order (docs/DEDUPE.md).
///
/// - `title` and `id` come from the first occurrence (`id` becomes `arxiv:<id>` once an
///   occurrence knows the arXiv id); a title with a different title key is a `title` conflict.
/// - Scalars (`abstract`, `authors_count`, `org`, `published`, `upvotes`, `doi`) come from the first
///   occurrence that has them, unless a more authoritative source has them (`authority`): then
///   its value wins. Every disagreement is listed in `conflicts` as `{"field", "values"}`, the
///   distinct values in order of occurrence. `first_author` follows the same rule without
///   conflicts (name spellings differ between sources); `arxiv_version` is the highest seen.
/// - Lists are unioned without duplicates: `links` by URL, `benchmarks` and `orgs` by name (the
///   strongest org evidence wins), `numbers` and `model_sizes` as multisets (a value repeated in
///   one abstract stays repeated, a copy of the same abstract adds nothing).
/// - `categories` (first occurrence's order, so its primary category stays first) and
///   `source_links` (by URL) are unioned too.
/// - `sources` keeps every occurrence; `merged_by` lists the ways occurrences were matched.
public struct PaperMerger {
    public private(set) var record: PaperRecord
    private var authority: [Field: Int] = [:]
    private var kinds: MatchKinds
    private var titleKey: String?

    private enum Field: Hashable { case abstract, authorsCount, org, published, upvotes, doi, firstAuthor }

    /// The authority of a source format: curated metadata (HTML pages, the Hugging Face API, arXiv
    /// Atom and OAI) over text dumps.
    public static func authority(ofFormat format: String) -> Int {
        switch format {
        case "html", "hf-api", "arxiv-atom", "arxiv-oai": return 1
        default: return 0
        }
    }

    static func authority(of r: PaperRecord) -> Int {
        r.sources.reduce(0) { max($0, authority(ofFormat: $1.format)) }
    }

    public init(_ first: PaperRecord) {
        record = first
        kinds = MatchKinds(names: first.mergedBy)
        let a = PaperMerger.authority(of: first)
        for f in [Field.abstract, .authorsCount, .org, .published, .upvotes, .doi, .firstAuthor] { authority[f] = a }
    }

    /// Folds in the next occurrence, matched to the others by `matchedBy`.
    public mutating func add(_ other: PaperRecord, matchedBy: MatchKinds) {
        kinds.formUnion(matchedBy)
        kinds.formUnion(MatchKinds(names: other.mergedBy))
        let a = PaperMerger.authority(of: other)
        mergeTitle(other.title)
        scalar(.abstract, "abstract", \.abstract, other.abstract, a) { .string($0) }
        scalar(.authorsCount, "authors_count", \.authorsCount, other.authorsCount, a) { .int($0) }
        scalar(.org, "org", \.org, other.org, a) { $0.jsonValue }
        scalar(.published, "published", \.published, other.published, a) { .string($0) }
        scalar(.upvotes, "upvotes", \.upvotes, other.upvotes, a) { .int($0) }
        let sameDOI = other.doi.map(PaperIdentity.bareDOI) == record.doi.map(PaperIdentity.bareDOI)
        scalar(.doi, "doi", \.doi, sameDOI ? nil : other.doi, a) { .string($0) }
        scalar(.firstAuthor, nil, \.firstAuthor, other.firstAuthor, a) { .string($0) }
        if record.arxivID == nil, let id = other.arxivID {
            record.arxivID = id
            record.arxivVersion = other.arxivVersion
            record.id = PaperKey.id(arxivID: id, title: record.title)
        } else if let id = other.arxivID, PaperIdentity.versionless(id) == PaperIdentity.versionless(record.arxivID ?? ""),
                  let v = other.arxivVersion, v > (record.arxivVersion ?? 0) {
            record.arxivVersion = v
        }
        for l in other.links where !record.links.contains(where: { $0.url == l.url }) { record.links.append(l) }
        multisetUnion(&record.numbers, other.numbers)
        multisetUnion(&record.modelSizes, other.modelSizes)
        for b in other.benchmarks where !record.benchmarks.contains(b) { record.benchmarks.append(b) }
        var orgs = OrgMentionSet()
        for o in record.orgs + other.orgs { orgs.add(o) }
        record.orgs = orgs.mentions
        for s in other.sources where !record.sources.contains(s) { record.sources.append(s) }
        for c in other.categories where !record.categories.contains(c) { record.categories.append(c) }
        for l in other.sourceLinks where !record.sourceLinks.contains(where: { $0.url == l.url }) { record.sourceLinks.append(l) }
        for c in other.conflicts { addConflict(c.field, c.values) }
        for id in other.similarTo where !record.similarTo.contains(id) { record.similarTo.append(id) }
    }

    /// Adds match kinds found outside the records (how groups of occurrences were joined).
    public mutating func add(kinds more: MatchKinds) { kinds.formUnion(more) }

    /// The merged record. `collisionRank` > 0 marks the paper as the rank-th other paper sharing
    /// its title key (a title collision split by arXiv id, DOI, first author or year): without an
    /// arXiv id its id gets `-<rank + 1>`, so ids stay unique.
    public func result(collisionRank: Int = 0) -> PaperRecord {
        var r = record
        var names = kinds.names
        for m in r.mergedBy where !names.contains(m) { names.append(m) }
        r.mergedBy = names
        if collisionRank > 0, r.arxivID == nil {
            r.id = PaperKey.id(arxivID: nil, title: r.title) + "-\(collisionRank + 1)"
        }
        return r
    }

    // MARK: fields

    private mutating func mergeTitle(_ other: String) {
        guard other != record.title else { return }
        if titleKey == nil { titleKey = PaperKey.normalizedTitle(record.title) }
        if PaperKey.normalizedTitle(other) != titleKey { addConflict("title", [.string(record.title), .string(other)]) }
    }

    private mutating func scalar<T: Equatable>(_ field: Field, _ name: String?, _ path: WritableKeyPath<PaperRecord, T?>,
                                               _ value: T?, _ a: Int, _ json: (T) -> JSONValue) {
        guard let value else { return }
        guard let existing = record[keyPath: path] else {
            record[keyPath: path] = value
            authority[field] = a
            return
        }
        if existing != value, let name { addConflict(name, [json(existing), json(value)]) }
        if a > authority[field] ?? 0 {
            record[keyPath: path] = value
            authority[field] = a
        }
    }

    private func multisetUnion(_ base: inout [NumberMention], _ other: [NumberMention]) {
        for (i, n) in other.enumerated() {
            let countInOther = other[..<i].reduce(0) { $1 == n ? $0 + 1 : $0 } + 1
            let countInBase = base.reduce(0) { $1 == n ? $0 + 1 : $0 }
            if countInOther > countInBase { base.append(n) }
        }
    }

    private mutating func addConflict(_ field: String, _ values: [JSONValue]) {
        if let i = record.conflicts.firstIndex(where: { $0.field == field }) {
            for v in values where !record.conflicts[i].values.contains(v) { record.conflicts[i].values.append(v) }
        } else {
            var unique: [JSONValue] = []
            for v in values where !unique.contains(v) { unique.append(v) }
            record.conflicts.append(Conflict(field: field, values: unique))
        }
    }
}

extension ListingOrg {
    var jsonValue: JSONValue { .object([("handle", handle.map { .string($0) } ?? .null), ("name", .string(name))]) }
}
