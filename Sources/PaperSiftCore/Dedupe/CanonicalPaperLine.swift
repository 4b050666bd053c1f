/// An input line of `sift-dedupe` that is exactly what `PaperRecord.write` writes (what
/// `sift-normalize` and `sift-dedupe` output): it is its own canonical JSON, so dedupe keeps the
/// line as it is and reads only the fields it decides on, without building a `PaperRecord`.
/// Any other line (other key order, white space, other escapes or number forms, unknown members)
/// is not one, and is decoded and re-serialised as before.
struct CanonicalPaperLine {
    typealias Text = CanonicalScanner.Text

    private let scanner: CanonicalScanner
    let title: Text
    let abstract: Text?
    let published: Text?
    let arxivID: Text?
    let doi: Text?
    let firstAuthor: Text?

    init?(_ line: UnsafeBufferPointer<UInt8>) {
        var s = CanonicalScanner(line)
        guard s.literal("{\"id\":"), s.string() != nil,
              s.literal(",\"title\":"), let title = s.string(),
              s.literal(",\"abstract\":"), let abstract = s.optionalString(),
              s.literal(",\"authors_count\":"), s.optionalInt(),
              s.literal(",\"org\":"), s.literal("null") || CanonicalPaperLine.listingOrg(&s),
              s.literal(",\"published\":"), let published = s.optionalString(),
              s.literal(",\"upvotes\":"), s.optionalInt(),
              s.literal(",\"links\":"), s.array(CanonicalPaperLine.link),
              s.literal(",\"numbers\":"), s.array(CanonicalPaperLine.number),
              s.literal(",\"model_sizes\":"), s.array(CanonicalPaperLine.number),
              s.literal(",\"benchmarks\":"), s.strings(),
              s.literal(",\"orgs\":"), s.array(CanonicalPaperLine.orgMention),
              s.literal(",\"sources\":"), s.array(CanonicalPaperLine.source),
              s.literal(",\"conflicts\":"), s.array(CanonicalPaperLine.conflict),
              s.literal(",\"arxiv_id\":"), let arxivID = s.optionalString(),
              s.literal(",\"arxiv_version\":"), s.optionalInt(),
              s.literal(",\"doi\":"), let doi = s.optionalString(),
              s.literal(",\"first_author\":"), let firstAuthor = s.optionalString(),
              s.literal(",\"merged_by\":"), s.strings(),
              s.literal(",\"similar_to\":"), s.strings(),
              s.literal(",\"categories\":"), s.strings(),
              s.literal(",\"source_links\":"), s.array(CanonicalPaperLine.sourceLink),
              s.literal("}"), s.atEnd
        else { return nil }
        scanner = s
        self.title = title
        self.abstract = abstract
        self.published = published
        self.arxivID = arxivID
        self.doi = doi
        self.firstAuthor = firstAuthor
    }

    /// A string field's value.
    func string(_ t: Text) -> String { scanner.string(t) }

    /// A string field's value, when present (not `null`).
    func string(_ t: Text?) -> String? { t.map { scanner.string($0) } }

    /// Calls `body` with a string field's decoded bytes (`scratch` holds them when escaped).
    func withBytes<R>(_ t: Text, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !t.escaped { return body(UnsafeBufferPointer(rebasing: scanner.bytes[t.start..<t.end])) }
        scratch.removeAll(keepingCapacity: true)
        scanner.decode(t, into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    // MARK: the nested records, as their `write(to:)` writes them

    private static func listingOrg(_ s: inout CanonicalScanner) -> Bool {
        s.literal("{\"handle\":") && s.optionalString() != nil && s.literal(",\"name\":") && s.string() != nil && s.literal("}")
    }

    /// `Link`: `raw`, `url`, `kind`, its parts (other names, any values), `origin`.
    private static func link(_ s: inout CanonicalScanner) -> Bool {
        guard s.literal("{\"raw\":"), s.string() != nil, s.literal(",\"url\":"), s.string() != nil,
              s.literal(",\"kind\":"), s.string() != nil else { return false }
        while !s.literal(",\"origin\":") {
            guard s.byte(UInt8(ascii: ",")), let key = s.plainKey(),
                  !s.text(key, is: "raw"), !s.text(key, is: "url"), !s.text(key, is: "kind"), !s.text(key, is: "origin"),
                  s.value() else { return false }
        }
        return s.string() != nil && s.literal("}")
    }

    /// `NumberMention`: `raw`, `value`, `unit`, then context members (string or `null`).
    private static func number(_ s: inout CanonicalScanner) -> Bool {
        guard s.literal("{\"raw\":"), s.string() != nil, s.literal(",\"value\":"), s.double(),
              s.literal(",\"unit\":"), s.string() != nil else { return false }
        while !s.literal("}") {
            guard s.byte(UInt8(ascii: ",")), let key = s.plainKey(),
                  !s.text(key, is: "raw"), !s.text(key, is: "value"), !s.text(key, is: "unit"),
                  s.optionalString() != nil else { return false }
        }
        return true
    }

    private static func orgMention(_ s: inout CanonicalScanner) -> Bool {
        s.literal("{\"name\":") && s.string() != nil && s.literal(",\"source\":") && s.string() != nil && s.literal("}")
    }

    private static func source(_ s: inout CanonicalScanner) -> Bool {
        s.literal("{\"file\":") && s.string() != nil && s.literal(",\"line\":") && s.int()
            && s.literal(",\"format\":") && s.string() != nil && s.literal("}")
    }

    private static func conflict(_ s: inout CanonicalScanner) -> Bool {
        s.literal("{\"field\":") && s.string() != nil && s.literal(",\"values\":") && s.array { $0.value() } && s.literal("}")
    }

    private static func sourceLink(_ s: inout CanonicalScanner) -> Bool {
        s.literal("{\"rel\":") && s.string() != nil && s.literal(",\"url\":") && s.string() != nil && s.literal("}")
    }
}
