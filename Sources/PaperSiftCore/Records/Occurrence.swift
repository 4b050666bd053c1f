/// An organisation line of a listing (`amazon Amazon`) or a source's curated organisation.
public struct ListingOrg: JSONRecord, Equatable, Hashable, Sendable {
    public var handle: String?
    public var name: String
    public init(handle: String?, name: String) { self.handle = handle; self.name = name }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "org")
        handle = try r.optionalString("handle")
        name = try r.string("name")
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("handle"); w.string(handle)
        w.key("name"); w.string(name)
        w.endObject()
    }
}

/// A link a source carries as metadata (e.g. the API's `githubRepo`), with the field it came from.
public struct CuratedLink: JSONRecord, Equatable, Hashable, Sendable {
    public var url: String
    public var origin: String
    public init(url: String, origin: String) { self.url = url; self.origin = origin }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "curated link")
        url = try r.string("url")
        origin = try r.string("origin")
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("url"); w.string(url)
        w.key("origin"); w.string(origin)
        w.endObject()
    }
}

/// A link a source gives for the paper itself rather than in its text: an arXiv Atom entry's
/// abstract page (`abs`), PDF (`pdf`) and DOI resolver (`doi`), as the source writes them.
public struct SourceLink: JSONRecord, Equatable, Hashable, Sendable {
    /// What the link is: `abs`, `pdf`, `doi`, or the source's own name for another link.
    public var rel: String
    public var url: String
    public init(rel: String, url: String) { self.rel = rel; self.url = url }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "source link")
        rel = try r.string("rel")
        url = try r.string("url")
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("rel"); w.string(rel)
        w.key("url"); w.string(url)
        w.endObject()
    }
}

/// Output of `sift-segment`: one occurrence of a paper on a page or in a source file.
public struct Occurrence: JSONRecord, Equatable, Sendable {
    public var file: String
    /// 1-based line of the title (of the record, for JSON Lines sources).
    public var line: Int
    public var format: String
    public var title: String
    public var abstract: String?
    public var authorsCount: Int?
    /// Author names where the source lists them.
    public var authors: [String]
    /// The listing's organisation line.
    public var org: ListingOrg?
    /// The date as the source writes it (`Sep 10, 2019`, `Apr 9`, `2024-07-31T…`); normalised later.
    public var date: String?
    public var upvotes: Int?
    /// Versionless arXiv id, and the version when the source gives one.
    public var arxivID: String?
    public var arxivVersion: Int?
    public var doi: String?
    public var curatedLinks: [CuratedLink]
    /// Subject categories where the source gives them (arXiv), the primary one first.
    public var categories: [String]
    /// The source's own links to the paper (arXiv Atom: abstract page, PDF, DOI).
    public var sourceLinks: [SourceLink]

    public init(file: String, line: Int, format: String, title: String, abstract: String? = nil,
                authorsCount: Int? = nil, authors: [String] = [], org: ListingOrg? = nil,
                date: String? = nil, upvotes: Int? = nil, arxivID: String? = nil,
                arxivVersion: Int? = nil, doi: String? = nil, curatedLinks: [CuratedLink] = [],
                categories: [String] = [], sourceLinks: [SourceLink] = []) {
        self.file = file; self.line = line; self.format = format; self.title = title
        self.abstract = abstract; self.authorsCount = authorsCount; self.authors = authors
        self.org = org; self.date = date; self.upvotes = upvotes; self.arxivID = arxivID
        self.arxivVersion = arxivVersion; self.doi = doi; self.curatedLinks = curatedLinks
        self.categories = categories; self.sourceLinks = sourceLinks
    }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "occurrence")
        file = try r.string("file")
        line = try r.int("line")
        format = try r.string("format")
        title = try r.string("title")
        abstract = try r.optionalString("abstract")
        authorsCount = try r.optionalInt("authors_count")
        authors = try r.strings("authors")
        org = try r.optionalObject("org").map { v throws(RecordShapeError) in try ListingOrg(json: v) }
        date = try r.optionalString("date")
        upvotes = try r.optionalInt("upvotes")
        arxivID = try r.optionalString("arxiv_id")
        arxivVersion = try r.optionalInt("arxiv_version")
        doi = try r.optionalString("doi")
        curatedLinks = try r.records("curated_links", as: CuratedLink.self)
        categories = try r.strings("categories")
        sourceLinks = try r.records("source_links", as: SourceLink.self)
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        writeFields(to: &w)
        w.endObject()
    }

    /// The members without the enclosing braces, so that `ExtractedOccurrence` can extend them.
    func writeFields(to w: inout JSONWriter) {
        w.key("file"); w.string(file)
        w.key("line"); w.int(line)
        w.key("format"); w.string(format)
        w.key("title"); w.string(title)
        w.key("abstract"); w.string(abstract)
        w.key("authors_count"); w.int(authorsCount)
        w.key("authors"); w.strings(authors)
        w.key("org"); if let org { org.write(to: &w) } else { w.null() }
        w.key("date"); w.string(date)
        w.key("upvotes"); w.int(upvotes)
        w.key("arxiv_id"); w.string(arxivID)
        w.key("arxiv_version"); w.int(arxivVersion)
        w.key("doi"); w.string(doi)
        w.key("curated_links"); w.records(curatedLinks)
        w.key("categories"); w.strings(categories)
        w.key("source_links"); w.records(sourceLinks)
    }
}
