/// A name and how many times it was counted (papers, links or mentions, as the list says).
public struct Tally: Equatable, Sendable {
    public let name: String
    public let count: Int
    public init(name: String, count: Int) { self.name = name; self.count = count }
}

/// A kind of item counted twice: how many items, and how many papers have at least one.
public struct KindTally: Equatable, Sendable {
    public let name: String
    public let items: Int
    public let papers: Int
    public init(name: String, items: Int, papers: Int) { self.name = name; self.items = items; self.papers = papers }
}

/// A benchmark of the results table: its `benchmark_id`, the spelling first seen, how many
/// numbers are reported on it and in how many papers.
public struct ResultTally: Equatable, Sendable {
    public let id: String
    public let name: String
    public let results: Int
    public let papers: Int
    public init(id: String, name: String, results: Int, papers: Int) {
        self.id = id; self.name = name; self.results = results; self.papers = papers
    }
}

/// The figures of one run of the pipeline, computed from its final records (`sift report`).
public struct RunSummary: Sendable {
    /// Final records read.
    public var papers = 0
    /// Occurrences behind them (the sum of every record's `sources`).
    public var occurrences = 0
    /// Papers merged from more than one occurrence.
    public var papersWithDuplicates = 0
    /// Occurrences merged into another one (`occurrences - papers`).
    public var occurrencesMerged = 0
    /// Papers per merge key kind (`merged_by`: `arxiv_id`, `doi`, `title`, …).
    public var mergedBy: [Tally] = []
    /// Papers with a conflict, per field.
    public var conflictsByField: [Tally] = []
    /// Occurrences per source format.
    public var sourcesByFormat: [Tally] = []
    /// Papers that have each field, in `CoverageField` order.
    public var coverage: [Tally] = []
    public var links = 0
    public var linksByKind: [KindTally] = []
    /// Papers per organisation (top N), and how many distinct organisations there are.
    public var topOrganisations: [Tally] = []
    public var organisations = 0
    public var topBenchmarks: [Tally] = []
    public var benchmarks = 0
    /// Papers per GitHub owner (owners compared case-insensitively, shown as first seen).
    public var topGitHubOwners: [Tally] = []
    public var gitHubOwners = 0
    /// Number mentions per unit (`%`, `x`), and papers with one.
    public var numbersByUnit: [KindTally] = []
    /// Numbers tied to a benchmark (`sift results --with-benchmark` rows), and distinct `benchmark_id`s.
    public var results = 0
    public var resultBenchmarks = 0
    /// Benchmarks by results (top N): ranked by results, then papers, then id.
    public var topResultBenchmarks: [ResultTally] = []
    /// Model size mentions, and papers with one.
    public var modelSizes = KindTally(name: "model sizes", items: 0, papers: 0)
    /// Papers per `YYYY-MM`, in calendar order.
    public var papersPerMonth: [Tally] = []
    /// Papers whose date has no year (`--MM-DD`), and papers without a date.
    public var papersWithoutYear = 0
    public var papersWithoutDate = 0
}

/// The fields whose coverage the report shows: the share of papers that have them.
public enum CoverageField: String, CaseIterable, Sendable {
    case codeLink = "code link (GitHub)"
    case projectPage = "project page"
    case organisation = "organisation (any evidence)"
    case numbers = "numbers (% and x)"
    case modelSizes = "model sizes"
    case benchmarks = "benchmarks"
    case huggingFace = "HF model, dataset or space"
    case anyLink = "any link"
    case listingOrg = "organisation line of a listing"
    case abstract = "abstract"
    case authorsCount = "authors count"
    case published = "publication date"
    case upvotes = "upvotes"
    case arxivID = "arXiv id"

    func isPresent(in r: PaperRecord) -> Bool {
        switch self {
        case .codeLink: return r.links.contains { $0.kind == "github" }
        case .projectPage: return r.links.contains { $0.kind == "project_page" }
        case .organisation: return !r.orgs.isEmpty
        case .numbers: return !r.numbers.isEmpty
        case .modelSizes: return !r.modelSizes.isEmpty
        case .benchmarks: return !r.benchmarks.isEmpty
        case .huggingFace: return r.links.contains { $0.kind == "hf_model" || $0.kind == "hf_dataset" || $0.kind == "hf_space" }
        case .anyLink: return !r.links.isEmpty
        case .listingOrg: return r.org != nil
        case .abstract: return !(r.abstract ?? "").isEmpty
        case .authorsCount: return r.authorsCount != nil
        case .published: return r.published != nil
        case .upvotes: return r.upvotes != nil
        case .arxivID: return r.arxivID != nil
        }
    }
}

/// Accumulates a `RunSummary` one record at a time; memory grows with the number of distinct
/// organisations, benchmarks, owners and months, not with the number of records.
public final class RunSummaryBuilder {
    private var s = RunSummary()
    private var coverage = [Int](repeating: 0, count: CoverageField.allCases.count)
    private var mergedBy = Counter()
    private var conflicts = Counter()
    private var formats = Counter()
    private var linkItems = Counter()
    private var linkPapers = Counter()
    private var orgs = Counter()
    private var benchmarks = Counter()
    private var owners = Counter()
    /// The spelling each owner was first seen in, by lower-cased owner.
    private var ownerSpelling: [String: String] = [:]
    private var unitItems = Counter()
    private var unitPapers = Counter()
    private var months = Counter()
    private var resultItems = Counter()
    private var resultPapers = Counter()
    /// The spelling each benchmark id was first seen in.
    private var resultSpelling: [String: String] = [:]

    public init() {}

    public func add(_ r: PaperRecord) {
        s.papers += 1
        s.occurrences += r.sources.count
        if r.sources.count > 1 {
            s.papersWithDuplicates += 1
            s.occurrencesMerged += r.sources.count - 1
        }
        for (i, field) in CoverageField.allCases.enumerated() where field.isPresent(in: r) { coverage[i] += 1 }
        mergedBy.addOncePerPaper(r.mergedBy)
        conflicts.addOncePerPaper(r.conflicts.map(\.field))
        for source in r.sources { formats.add(source.format.isEmpty ? "unknown" : source.format) }

        s.links += r.links.count
        for link in r.links { linkItems.add(link.kind) }
        linkPapers.addOncePerPaper(r.links.map(\.kind))

        orgs.addOncePerPaper(r.orgs.map(\.name))
        benchmarks.addOncePerPaper(r.benchmarks)
        var paperOwners: [String] = []
        for link in r.links where link.kind == "github" {
            guard let owner = RunSummaryBuilder.gitHubOwner(of: link) else { continue }
            let key = owner.lowercased()
            if ownerSpelling[key] == nil { ownerSpelling[key] = owner }
            paperOwners.append(key)
        }
        owners.addOncePerPaper(paperOwners)

        for n in r.numbers { unitItems.add(n.unit) }
        unitPapers.addOncePerPaper(r.numbers.map(\.unit))
        var paperResults: [String] = []
        for n in r.numbers {
            guard let id = n.field("benchmark_id"), let name = n.field("benchmark") else { continue }
            s.results += 1
            resultItems.add(id)
            if resultSpelling[id] == nil { resultSpelling[id] = name }
            paperResults.append(id)
        }
        resultPapers.addOncePerPaper(paperResults)
        if !r.modelSizes.isEmpty {
            s.modelSizes = KindTally(name: s.modelSizes.name, items: s.modelSizes.items + r.modelSizes.count,
                                     papers: s.modelSizes.papers + 1)
        }

        switch RunSummaryBuilder.month(of: r.published) {
        case .month(let m): months.add(m)
        case .noYear: s.papersWithoutYear += 1
        case .noDate: s.papersWithoutDate += 1
        }
    }

    /// The figures so far, with the top `top` entries of the ranked lists.
    public func summary(top: Int) -> RunSummary {
        var out = s
        out.coverage = zip(CoverageField.allCases, coverage).map { Tally(name: $0.rawValue, count: $1) }
        out.mergedBy = mergedBy.ranked()
        out.conflictsByField = conflicts.ranked()
        out.sourcesByFormat = formats.ranked()
        out.linksByKind = linkItems.ranked().map { KindTally(name: $0.name, items: $0.count, papers: linkPapers[$0.name]) }
        out.topOrganisations = Array(orgs.ranked().prefix(top))
        out.organisations = orgs.distinct
        out.topBenchmarks = Array(benchmarks.ranked().prefix(top))
        out.benchmarks = benchmarks.distinct
        out.topGitHubOwners = owners.ranked().prefix(top).map { Tally(name: ownerSpelling[$0.name] ?? $0.name, count: $0.count) }
        out.gitHubOwners = owners.distinct
        out.numbersByUnit = unitItems.ranked().map { KindTally(name: $0.name, items: $0.count, papers: unitPapers[$0.name]) }
        out.papersPerMonth = months.inNameOrder()
        out.resultBenchmarks = resultItems.distinct
        var results: [ResultTally] = []
        for t in resultItems.ranked() {
            results.append(ResultTally(id: t.name, name: resultSpelling[t.name] ?? t.name, results: t.count, papers: resultPapers[t.name]))
        }
        results.sort(by: RunSummaryBuilder.byResults)
        out.topResultBenchmarks = Array(results.prefix(top))
        return out
    }

    /// Results descending, then papers descending, then id (code point order).
    static func byResults(_ a: ResultTally, _ b: ResultTally) -> Bool {
        if a.results != b.results { return a.results > b.results }
        if a.papers != b.papers { return a.papers > b.papers }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }

    /// The owner of a GitHub link: its `owner` part, else the first path component of its URL.
    static func gitHubOwner(of link: Link) -> String? {
        if let owner = link.part("owner")?.stringValue, !owner.isEmpty { return owner }
        let pieces = link.url.split(separator: "/", omittingEmptySubsequences: true)
        return pieces.count >= 3 ? String(pieces[2]) : nil
    }

    enum Month: Equatable { case month(String), noYear, noDate }

    /// `2025-09-14` → `2025-09`; `--04-09` (no year) and nil are counted apart.
    static func month(of published: String?) -> Month {
        guard let published else { return .noDate }
        let bytes = Array(published.utf8)
        func digit(_ i: Int) -> Bool { bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if bytes.count >= 7, (0..<4).allSatisfy(digit), bytes[4] == 0x2D, digit(5), digit(6) {
            return .month(String(decoding: bytes[0..<7], as: UTF8.self))
        }
        return .noYear
    }
}

/// Counts of names, ranked by count, then by lower-cased name, then by name (code point order).
struct Counter {
    private var counts: [String: Int] = [:]

    subscript(name: String) -> Int { counts[name] ?? 0 }
    var distinct: Int { counts.count }

    mutating func add(_ name: String) { counts[name, default: 0] += 1 }

    /// Counts each distinct name of one paper once.
    mutating func addOncePerPaper(_ names: [String]) {
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted { add(name) }
    }

    func ranked() -> [Tally] {
        counts.map { (Tally(name: $0.key, count: $0.value), $0.key.lowercased()) }.sorted { a, b in
            if a.0.count != b.0.count { return a.0.count > b.0.count }
            if a.1 != b.1 { return a.1.utf8.lexicographicallyPrecedes(b.1.utf8) }
            return a.0.name.utf8.lexicographicallyPrecedes(b.0.name.utf8)
        }.map(\.0)
    }

    func inNameOrder() -> [Tally] {
        counts.map { Tally(name: $0.key, count: $0.value) }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }
}
