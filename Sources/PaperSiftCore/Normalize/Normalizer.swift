/// Stage 4: an extracted occurrence → a `PaperRecord` in final shape: canonical links and kinds,
/// typed numbers and model sizes, canonical organisation names, ISO date, stable id.
public struct Normalizer {
    private let links: LinkCanonicalizer
    private let numbers: NumberInterpreter
    private let results: ResultResolver
    private let orgs: OrgDirectory

    /// What normalisation reads of the rules: the `link_kind` and `org_handle` rules compiled, the
    /// attributes of the `links`, `numbers`, `model_sizes` and `number_context` rules, and every table.
    public static let ruleScope = RuleScope(fields: ["link_kind", "org_handle"], tables: .all)

    /// Needs a rule set of at least `ruleScope`.
    public init(rules: RuleSet) {
        links = LinkCanonicalizer(rules: rules)
        numbers = NumberInterpreter(rules: rules)
        results = ResultResolver(rules: rules)
        orgs = rules.orgs
    }

    public func normalize(_ extracted: ExtractedOccurrence) -> PaperRecord {
        let o = extracted.occurrence
        let found = extracted.found
        var orgMentions = OrgMentionSet()
        if let org = o.org {
            // A text dump's organisation line is `listing`; structured sources carry it in their `organization` field.
            orgMentions.add(org.name, source: o.format == InputFormat.hfText.rawValue ? "listing" : "organization")
        }

        var linkList: [Link] = []
        var seenURLs = Set<String>()
        // Organisations come from the abstract's own links only: a source's curated
        // githubRepo/projectPage is kept as a link but credits no organisation.
        func add(_ canonical: (Link, OrgEntry?)?, creditsOwner: Bool = true) {
            guard let (link, owner) = canonical else { return }
            if let owner, creditsOwner { orgMentions.add(owner.name, source: "link") }
            guard seenURLs.insert(link.url).inserted else { return }
            linkList.append(link)
        }
        for f in found.links { add(links.canonicalize(f)) }
        for c in o.curatedLinks { add(links.canonicalize(raw: c.url, origin: c.origin), creditsOwner: false) }

        for f in found.orgs {
            let name = orgs.forTextName(f.raw)?.name ?? f.raw
            orgMentions.add(name, source: "text")
        }

        return PaperRecord(
            id: PaperKey.id(arxivID: o.arxivID, title: o.title),
            title: o.title,
            abstract: o.abstract,
            authorsCount: o.authorsCount ?? (o.authors.isEmpty ? nil : o.authors.count),
            org: o.org,
            published: o.date.flatMap(DateNormalizer.iso),
            upvotes: o.upvotes,
            links: linkList,
            numbers: results.describe(found.numbers.map { ($0, numbers.numbers($0)) }, abstract: o.abstract,
                                      title: o.title, context: found.numberContext, benchmarks: found.benchmarks),
            modelSizes: found.modelSizes.flatMap(numbers.modelSizes),
            benchmarks: BenchmarkNames.names(found.benchmarks),
            orgs: orgMentions.mentions,
            sources: [SourceRef(file: o.file, line: o.line, format: o.format)],
            conflicts: [],
            arxivID: o.arxivID,
            arxivVersion: o.arxivVersion,
            doi: o.doi?.lowercased(),
            firstAuthor: o.authors.first,
            mergedBy: [],
            categories: o.categories,
            sourceLinks: o.sourceLinks)
    }
}

/// Organisations of one paper, one per name; the strongest evidence wins:
/// `listing` > source metadata > `link` > `text`.
struct OrgMentionSet {
    private(set) var mentions: [OrgMention] = []

    static func rank(_ source: String) -> Int {
        switch source {
        case "listing": return 3
        case "link": return 1
        case "text": return 0
        default: return 2
        }
    }

    mutating func add(_ name: String, source: String) {
        if let i = mentions.firstIndex(where: { $0.name == name }) {
            if OrgMentionSet.rank(source) > OrgMentionSet.rank(mentions[i].source) { mentions[i].source = source }
            return
        }
        mentions.append(OrgMention(name: name, source: source))
    }

    mutating func add(_ other: OrgMention) { add(other.name, source: other.source) }
}
