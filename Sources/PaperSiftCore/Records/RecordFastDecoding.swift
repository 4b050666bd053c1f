/// The typed fast path of `JSONRecord.decode` for the records stages exchange: each type reads
/// its fields with `JSONRecordReader` exactly as its `init(json:)` reads them from a `JSONValue`
/// (same defaults, same member order for kept extra members); whatever `init(json:)` would refuse
/// or read differently (a key given twice) is a `Miss`, and goes to the generic path.
/// Records reached from the stages' inputs implement `JSONRecord.fastDecode` with `fastRead`.
protocol FastDecodable {
    typealias Miss = JSONRecordReader.Miss
    static func read(from r: inout JSONRecordReader) throws(Miss) -> Self
}

extension FastDecodable {
    /// The record of one whole JSON text, or nil for the generic path.
    static func fastRead(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> Self? {
        var r = JSONRecordReader(bytes)
        do {
            let record = try read(from: &r)
            try r.end()
            if r.repairedUTF8 { repairedUTF8 = true }
            return record
        } catch {
            return nil
        }
    }
}

extension ListingOrg: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> ListingOrg {
        var seen = SeenFields()
        var handle: String?, name: String?
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "handle" { try seen.mark(0); handle = try r.optionalString() }
            else if key == "name" { try seen.mark(1); name = try r.string() }
            else { try r.skipValue() }
        }
        guard let name else { throw Miss() }
        return ListingOrg(handle: handle, name: name)
    }
}

extension SourceLink: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> SourceLink {
        var seen = SeenFields()
        var rel: String?, url: String?
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "rel" { try seen.mark(0); rel = try r.string() }
            else if key == "url" { try seen.mark(1); url = try r.string() }
            else { try r.skipValue() }
        }
        guard let rel, let url else { throw Miss() }
        return SourceLink(rel: rel, url: url)
    }
}

extension CuratedLink: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> CuratedLink {
        var seen = SeenFields()
        var url: String?, origin: String?
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "url" { try seen.mark(0); url = try r.string() }
            else if key == "origin" { try seen.mark(1); origin = try r.string() }
            else { try r.skipValue() }
        }
        guard let url, let origin else { throw Miss() }
        return CuratedLink(url: url, origin: origin)
    }
}

/// The fields of an occurrence as they are read, inside an `Occurrence` or a record extending it.
struct OccurrenceFields {
    typealias Miss = JSONRecordReader.Miss

    private var seen = SeenFields()
    private var file: String?, line = 0, format: String?, title: String?, abstract: String?
    private var authorsCount: Int?, authors: [String] = [], org: ListingOrg?, date: String?, upvotes: Int?
    private var arxivID: String?, arxivVersion: Int?, doi: String?, curatedLinks: [CuratedLink] = []
    private var categories: [String] = [], sourceLinks: [SourceLink] = []

    /// Reads the value of `key` when it is an occurrence field; false (nothing read) when not.
    mutating func read(_ key: JSONKey, from r: inout JSONRecordReader) throws(Miss) -> Bool {
        if key == "file" { try seen.mark(0); file = try r.string() }
        else if key == "line" { try seen.mark(1); line = try r.int() }
        else if key == "format" { try seen.mark(2); format = try r.string() }
        else if key == "title" { try seen.mark(3); title = try r.string() }
        else if key == "abstract" { try seen.mark(4); abstract = try r.optionalString() }
        else if key == "authors_count" { try seen.mark(5); authorsCount = try r.optionalInt() }
        else if key == "authors" { try seen.mark(6); authors = try r.strings() }
        else if key == "org" { try seen.mark(7); org = try r.optional(ListingOrg.read) }
        else if key == "date" { try seen.mark(8); date = try r.optionalString() }
        else if key == "upvotes" { try seen.mark(9); upvotes = try r.optionalInt() }
        else if key == "arxiv_id" { try seen.mark(10); arxivID = try r.optionalString() }
        else if key == "arxiv_version" { try seen.mark(11); arxivVersion = try r.optionalInt() }
        else if key == "doi" { try seen.mark(12); doi = try r.optionalString() }
        else if key == "curated_links" { try seen.mark(13); curatedLinks = try r.array(CuratedLink.read) }
        else if key == "categories" { try seen.mark(14); categories = try r.strings() }
        else if key == "source_links" { try seen.mark(15); sourceLinks = try r.array(SourceLink.read) }
        else { return false }
        return true
    }

    func occurrence() throws(Miss) -> Occurrence {
        guard let file, seen.has(1), let format, let title else { throw Miss() }
        return Occurrence(file: file, line: line, format: format, title: title, abstract: abstract,
                          authorsCount: authorsCount, authors: authors, org: org, date: date, upvotes: upvotes,
                          arxivID: arxivID, arxivVersion: arxivVersion, doi: doi, curatedLinks: curatedLinks,
                          categories: categories, sourceLinks: sourceLinks)
    }
}

extension Occurrence: FastDecodable {
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> Occurrence? {
        fastRead(bytes, repairedUTF8: &repairedUTF8)
    }

    static func read(from r: inout JSONRecordReader) throws(Miss) -> Occurrence {
        var fields = OccurrenceFields()
        try r.beginObject()
        while let key = try r.nextKey() {
            if try !fields.read(key, from: &r) { try r.skipValue() }
        }
        return try fields.occurrence()
    }
}

extension CleanRecord: FastDecodable {
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> CleanRecord? {
        fastRead(bytes, repairedUTF8: &repairedUTF8)
    }

    static func read(from r: inout JSONRecordReader) throws(Miss) -> CleanRecord {
        var seen = SeenFields()
        var file: String?, line = 0, format: String?, text: String?, paper: Occurrence?
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "file" { try seen.mark(0); file = try r.string() }
            else if key == "line" { try seen.mark(1); line = try r.int() }
            else if key == "format" { try seen.mark(2); format = try r.string() }
            else if key == "text" { try seen.mark(3); text = try r.optionalString() }
            else if key == "paper" { try seen.mark(4); paper = try r.optional(Occurrence.read) }
            else { try r.skipValue() }
        }
        guard let file, seen.has(1), let format, text != nil || paper != nil else { throw Miss() }
        return CleanRecord(file: file, line: line, format: format, text: text, paper: paper)
    }
}

extension Finding: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> Finding {
        var seen = SeenFields()
        var rule: String?, raw: String?, start = 0, end = 0, groups: [(String, String)] = []
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "rule" { try seen.mark(0); rule = try r.string() }
            else if key == "raw" { try seen.mark(1); raw = try r.string() }
            else if key == "start" { try seen.mark(2); start = try r.int() }
            else if key == "end" { try seen.mark(3); end = try r.int() }
            else if key == "groups" {
                try seen.mark(4)
                if try !r.null() {
                    try r.beginObject()
                    while let name = try r.nextKey() { groups.append((name.string, try r.string())) }
                }
            } else { try r.skipValue() }
        }
        guard let rule, let raw, seen.has(2), seen.has(3) else { throw Miss() }
        return Finding(rule: rule, raw: raw, start: start, end: end, groups: groups)
    }
}

extension ExtractedOccurrence: FastDecodable {
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> ExtractedOccurrence? {
        fastRead(bytes, repairedUTF8: &repairedUTF8)
    }

    static func read(from r: inout JSONRecordReader) throws(Miss) -> ExtractedOccurrence {
        var fields = OccurrenceFields()
        var sawFound = false
        var found = Findings()
        try r.beginObject()
        while let key = try r.nextKey() {
            if try fields.read(key, from: &r) { continue }
            guard key == "found" else { try r.skipValue(); continue }
            if sawFound { throw Miss() }
            sawFound = true
            if try r.null() { continue }
            found = try readFindings(&r)
        }
        return ExtractedOccurrence(occurrence: try fields.occurrence(), found: found)
    }

    private static func readFindings(_ r: inout JSONRecordReader) throws(Miss) -> Findings {
        var seen = SeenFields()
        var found = Findings()
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "links" { try seen.mark(0); found.links = try r.array(Finding.read) }
            else if key == "numbers" { try seen.mark(1); found.numbers = try r.array(Finding.read) }
            else if key == "model_sizes" { try seen.mark(2); found.modelSizes = try r.array(Finding.read) }
            else if key == "benchmarks" { try seen.mark(3); found.benchmarks = try r.array(Finding.read) }
            else if key == "orgs" { try seen.mark(4); found.orgs = try r.array(Finding.read) }
            else if key == "number_context" { try seen.mark(5); found.numberContext = try r.array(Finding.read) }
            else { try r.skipValue() }
        }
        return found
    }
}

extension Link: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> Link {
        var seen = SeenFields()
        var raw: String?, url: String?, kind: String?, origin: String?, parts: [(String, JSONValue)] = []
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "raw" { try seen.mark(0); raw = try r.string() }
            else if key == "url" { try seen.mark(1); url = try r.string() }
            else if key == "kind" { try seen.mark(2); kind = try r.string() }
            else if key == "origin" { try seen.mark(3); origin = try r.optionalString() }
            else { parts.append((key.string, try r.value())) }
        }
        guard let raw, let url, let kind else { throw Miss() }
        return Link(raw: raw, url: url, kind: kind, parts: parts, origin: origin ?? "abstract")
    }
}

extension NumberMention: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> NumberMention {
        var seen = SeenFields()
        var raw: String?, value: Double?, unit: String?, context: [(String, String?)] = []
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "raw" { try seen.mark(0); raw = try r.string() }
            else if key == "value" { try seen.mark(1); value = try r.optionalDouble() }
            else if key == "unit" { try seen.mark(2); unit = try r.string() }
            else { context.append((key.string, try r.optionalString())) }
        }
        guard let raw, let value, let unit else { throw Miss() }
        return NumberMention(raw: raw, value: value, unit: unit, context: context)
    }
}

extension OrgMention: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> OrgMention {
        var seen = SeenFields()
        var name: String?, source: String?
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "name" { try seen.mark(0); name = try r.string() }
            else if key == "source" { try seen.mark(1); source = try r.string() }
            else { try r.skipValue() }
        }
        guard let name, let source else { throw Miss() }
        return OrgMention(name: name, source: source)
    }
}

extension SourceRef: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> SourceRef {
        var seen = SeenFields()
        var file: String?, line = 0, format: String?
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "file" { try seen.mark(0); file = try r.string() }
            else if key == "line" { try seen.mark(1); line = try r.int() }
            else if key == "format" { try seen.mark(2); format = try r.optionalString() }
            else { try r.skipValue() }
        }
        guard let file, seen.has(1) else { throw Miss() }
        return SourceRef(file: file, line: line, format: format ?? "")
    }
}

extension Conflict: FastDecodable {
    static func read(from r: inout JSONRecordReader) throws(Miss) -> Conflict {
        var seen = SeenFields()
        var field: String?, values: [JSONValue] = []
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "field" { try seen.mark(0); field = try r.string() }
            else if key == "values" { try seen.mark(1); values = try r.array { (r: inout JSONRecordReader) throws(Miss) in try r.value() } }
            else { try r.skipValue() }
        }
        guard let field else { throw Miss() }
        return Conflict(field: field, values: values)
    }
}

extension PaperRecord: FastDecodable {
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> PaperRecord? {
        fastRead(bytes, repairedUTF8: &repairedUTF8)
    }

    static func read(from r: inout JSONRecordReader) throws(Miss) -> PaperRecord {
        var seen = SeenFields()
        var id: String?, title: String?
        var p = PaperRecord(id: "", title: "")
        try r.beginObject()
        while let key = try r.nextKey() {
            if key == "id" { try seen.mark(0); id = try r.string() }
            else if key == "title" { try seen.mark(1); title = try r.string() }
            else if key == "abstract" { try seen.mark(2); p.abstract = try r.optionalString() }
            else if key == "authors_count" { try seen.mark(3); p.authorsCount = try r.optionalInt() }
            else if key == "org" { try seen.mark(4); p.org = try r.optional(ListingOrg.read) }
            else if key == "published" { try seen.mark(5); p.published = try r.optionalString() }
            else if key == "upvotes" { try seen.mark(6); p.upvotes = try r.optionalInt() }
            else if key == "links" { try seen.mark(7); p.links = try r.array(Link.read) }
            else if key == "numbers" { try seen.mark(8); p.numbers = try r.array(NumberMention.read) }
            else if key == "model_sizes" { try seen.mark(9); p.modelSizes = try r.array(NumberMention.read) }
            else if key == "benchmarks" { try seen.mark(10); p.benchmarks = try r.strings() }
            else if key == "orgs" { try seen.mark(11); p.orgs = try r.array(OrgMention.read) }
            else if key == "sources" { try seen.mark(12); p.sources = try r.array(SourceRef.read) }
            else if key == "conflicts" { try seen.mark(13); p.conflicts = try r.array(Conflict.read) }
            else if key == "arxiv_id" { try seen.mark(14); p.arxivID = try r.optionalString() }
            else if key == "arxiv_version" { try seen.mark(15); p.arxivVersion = try r.optionalInt() }
            else if key == "doi" { try seen.mark(16); p.doi = try r.optionalString() }
            else if key == "first_author" { try seen.mark(17); p.firstAuthor = try r.optionalString() }
            else if key == "merged_by" { try seen.mark(18); p.mergedBy = try r.strings() }
            else if key == "similar_to" { try seen.mark(19); p.similarTo = try r.strings() }
            else if key == "categories" { try seen.mark(20); p.categories = try r.strings() }
            else if key == "source_links" { try seen.mark(21); p.sourceLinks = try r.array(SourceLink.read) }
            else { try r.skipValue() }
        }
        guard let id, let title else { throw Miss() }
        p.id = id
        p.title = title
        return p
    }
}
