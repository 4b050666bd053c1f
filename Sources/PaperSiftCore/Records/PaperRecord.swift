/// A canonical link: `{"raw","url","kind",…}` as in the spec, plus where it came from.
public struct Link: JSONRecord, Equatable, Sendable {
    /// As written in the abstract (or the curated value).
    public var raw: String
    /// Canonical URL.
    public var url: String
    /// `github`, `hf_model`, `hf_dataset`, `hf_space`, `hf_paper`, `arxiv`, `project_page`, `shortlink`, `other`.
    public var kind: String
    /// Kind-specific parts in a fixed order: `owner`, `repo`, `path` (github), `owner`, `name` (Hugging Face), `id`, `version` (arXiv), `doi`.
    public var parts: [(String, JSONValue)]
    /// `abstract` for links found in the text, else the source field (`githubRepo`, `projectPage`, …).
    public var origin: String

    public init(raw: String, url: String, kind: String, parts: [(String, JSONValue)] = [], origin: String = "abstract") {
        self.raw = raw; self.url = url; self.kind = kind; self.parts = parts; self.origin = origin
    }

    public static func == (a: Link, b: Link) -> Bool {
        a.raw == b.raw && a.url == b.url && a.kind == b.kind && a.origin == b.origin
            && a.parts.count == b.parts.count && zip(a.parts, b.parts).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public func part(_ name: String) -> JSONValue? {
        for (k, v) in parts where k == name { return v }
        return nil
    }

    static let fixedKeys: Set<String> = ["raw", "url", "kind", "origin"]

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "link")
        raw = try r.string("raw")
        url = try r.string("url")
        kind = try r.string("kind")
        origin = try r.optionalString("origin") ?? "abstract"
        parts = []
        if case .object(let members) = json {
            for (k, v) in members where !Link.fixedKeys.contains(k) { parts.append((k, v)) }
        }
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("raw"); w.string(raw)
        w.key("url"); w.string(url)
        w.key("kind"); w.string(kind)
        for (k, v) in parts { w.key(k); w.value(v) }
        w.key("origin"); w.string(origin)
        w.endObject()
    }
}

/// A typed number: a percentage (`%`) or a multiplier (`x`), with optional context.
public struct NumberMention: JSONRecord, Equatable, Sendable {
    public var raw: String
    public var value: Double
    public var unit: String
    /// Context in a fixed order, e.g. `direction` (`from`/`to`), `comparator`, `metric`, `benchmark`,
    /// `benchmark_id`, `baseline`, `kind`; a nil value is written as JSON `null`.
    public var context: [(String, String?)]

    public init(raw: String, value: Double, unit: String, context: [(String, String?)] = []) {
        self.raw = raw; self.value = value; self.unit = unit; self.context = context
    }

    /// The value of a context field, or nil (absent or null).
    public func field(_ key: String) -> String? {
        for (k, v) in context where k == key { return v }
        return nil
    }

    public static func == (a: NumberMention, b: NumberMention) -> Bool {
        a.raw == b.raw && a.value == b.value && a.unit == b.unit
            && a.context.count == b.context.count && zip(a.context, b.context).allSatisfy { $0 == $1 }
    }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "number")
        raw = try r.string("raw")
        guard let v = try r.optionalDouble("value") else { throw RecordShapeError("number: field 'value' must be a number") }
        value = v
        unit = try r.string("unit")
        context = []
        if case .object(let members) = json {
            for (k, v) in members where k != "raw" && k != "value" && k != "unit" {
                if case .null = v { context.append((k, nil)); continue }
                guard let s = v.stringValue else { throw RecordShapeError("number: field '\(k)' must be a string or null") }
                context.append((k, s))
            }
        }
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("raw"); w.string(raw)
        w.key("value"); w.number(value)
        w.key("unit"); w.string(unit)
        for (k, v) in context { w.key(k); w.string(v) }
        w.endObject()
    }
}

/// An organisation credited to a paper, and the kind of evidence: `listing`, `link`, `text`, or a source field.
public struct OrgMention: JSONRecord, Equatable, Hashable, Sendable {
    public var name: String
    public var source: String
    public init(name: String, source: String) { self.name = name; self.source = source }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "org")
        name = try r.string("name")
        source = try r.string("source")
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(name)
        w.key("source"); w.string(source)
        w.endObject()
    }
}

/// Where one occurrence of the paper was read.
public struct SourceRef: JSONRecord, Equatable, Hashable, Sendable {
    public var file: String
    public var line: Int
    public var format: String
    public init(file: String, line: Int, format: String) { self.file = file; self.line = line; self.format = format }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "source")
        file = try r.string("file")
        line = try r.int("line")
        format = try r.optionalString("format") ?? ""
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("file"); w.string(file)
        w.key("line"); w.int(line)
        w.key("format"); w.string(format)
        w.endObject()
    }
}

/// Occurrences that disagreed on a scalar field.
public struct Conflict: JSONRecord, Equatable, Sendable {
    public var field: String
    public var values: [JSONValue]
    public init(field: String, values: [JSONValue]) { self.field = field; self.values = values }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "conflict")
        field = try r.string("field")
        values = try r.array("values")
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("field"); w.string(field)
        w.key("values"); w.value(.array(values))
        w.endObject()
    }
}

/// The final paper record of `../docs/papers.md`: output of `sift-normalize` (one per
/// occurrence) and of `sift-dedupe` (one per paper).
public struct PaperRecord: JSONRecord, Equatable, Sendable {
    public var id: String
    public var title: String
    public var abstract: String?
    public var authorsCount: Int?
    public var org: ListingOrg?
    public var published: String?
    public var upvotes: Int?
    public var links: [Link]
    public var numbers: [NumberMention]
    public var modelSizes: [NumberMention]
    public var benchmarks: [String]
    public var orgs: [OrgMention]
    public var sources: [SourceRef]
    public var conflicts: [Conflict]
    // Extra fields (allowed by the spec) that dedupe uses.
    public var arxivID: String?
    public var arxivVersion: Int?
    public var doi: String?
    public var firstAuthor: String?
    /// How occurrences were merged into this record: `arxiv_id`, `doi`, `title`, `similar`.
    public var mergedBy: [String]
    /// Ids of other papers of the same output whose title + abstract are near-duplicates of this
    /// one's while the titles are not: kept apart, each naming the other (docs/DEDUPE.md).
    public var similarTo: [String]
    /// Subject categories of the sources (arXiv), the primary one first.
    public var categories: [String]
    /// The sources' own links to the paper (arXiv Atom: abstract page, PDF, DOI), as given.
    public var sourceLinks: [SourceLink]

    public init(id: String, title: String, abstract: String? = nil, authorsCount: Int? = nil,
                org: ListingOrg? = nil, published: String? = nil, upvotes: Int? = nil,
                links: [Link] = [], numbers: [NumberMention] = [], modelSizes: [NumberMention] = [],
                benchmarks: [String] = [], orgs: [OrgMention] = [], sources: [SourceRef] = [],
                conflicts: [Conflict] = [], arxivID: String? = nil, arxivVersion: Int? = nil,
                doi: String? = nil, firstAuthor: String? = nil, mergedBy: [String] = [], similarTo: [String] = [],
                categories: [String] = [], sourceLinks: [SourceLink] = []) {
        self.id = id; self.title = title; self.abstract = abstract; self.authorsCount = authorsCount
        self.org = org; self.published = published; self.upvotes = upvotes; self.links = links
        self.numbers = numbers; self.modelSizes = modelSizes; self.benchmarks = benchmarks
        self.orgs = orgs; self.sources = sources; self.conflicts = conflicts; self.arxivID = arxivID
        self.arxivVersion = arxivVersion; self.doi = doi; self.firstAuthor = firstAuthor; self.mergedBy = mergedBy
        self.similarTo = similarTo
        self.categories = categories; self.sourceLinks = sourceLinks
    }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "paper record")
        id = try r.string("id")
        title = try r.string("title")
        abstract = try r.optionalString("abstract")
        authorsCount = try r.optionalInt("authors_count")
        org = try r.optionalObject("org").map { v throws(RecordShapeError) in try ListingOrg(json: v) }
        published = try r.optionalString("published")
        upvotes = try r.optionalInt("upvotes")
        links = try r.records("links", as: Link.self)
        numbers = try r.records("numbers", as: NumberMention.self)
        modelSizes = try r.records("model_sizes", as: NumberMention.self)
        benchmarks = try r.strings("benchmarks")
        orgs = try r.records("orgs", as: OrgMention.self)
        sources = try r.records("sources", as: SourceRef.self)
        conflicts = try r.records("conflicts", as: Conflict.self)
        arxivID = try r.optionalString("arxiv_id")
        arxivVersion = try r.optionalInt("arxiv_version")
        doi = try r.optionalString("doi")
        firstAuthor = try r.optionalString("first_author")
        mergedBy = try r.strings("merged_by")
        similarTo = try r.strings("similar_to")
        categories = try r.strings("categories")
        sourceLinks = try r.records("source_links", as: SourceLink.self)
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("title"); w.string(title)
        w.key("abstract"); w.string(abstract)
        w.key("authors_count"); w.int(authorsCount)
        w.key("org"); if let org { org.write(to: &w) } else { w.null() }
        w.key("published"); w.string(published)
        w.key("upvotes"); w.int(upvotes)
        w.key("links"); w.records(links)
        w.key("numbers"); w.records(numbers)
        w.key("model_sizes"); w.records(modelSizes)
        w.key("benchmarks"); w.strings(benchmarks)
        w.key("orgs"); w.records(orgs)
        w.key("sources"); w.records(sources)
        w.key("conflicts"); w.records(conflicts)
        w.key("arxiv_id"); w.string(arxivID)
        w.key("arxiv_version"); w.int(arxivVersion)
        w.key("doi"); w.string(doi)
        w.key("first_author"); w.string(firstAuthor)
        w.key("merged_by"); w.strings(mergedBy)
        w.key("similar_to"); w.strings(similarTo)
        w.key("categories"); w.strings(categories)
        w.key("source_links"); w.records(sourceLinks)
        w.endObject()
    }
}
