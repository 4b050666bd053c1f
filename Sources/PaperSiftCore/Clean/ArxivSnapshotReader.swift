/// The arXiv metadata snapshot (`arxiv-metadata-oai-snapshot.json`): JSON Lines, one paper per
/// line, streamed line by line (the real file is several GB). A paper's line is its record's line.
///
/// Fields: `id`, `title`, `abstract`, `authors_parsed` (`[last, first, suffix]`; the `authors`
/// string when absent), `doi`, `versions` (the first one's `created` is the date, the last one
/// the version), `categories` (space-separated, the primary one first). A line that is not a
/// JSON object with a title is rejected; the reader goes on.
enum ArxivSnapshotReader {
    private enum Outcome {
        case blank
        case paper(Occurrence)
        case failure(reason: String, raw: String)
    }

    static func read(_ reader: LineReader, into sink: RecordSink) throws {
        while let outcome = try reader.withNextLine({ line -> Outcome in
            sink.context.countBytes(line.count + 1)
            if isBlank(line) { return .blank }
            do {
                let value = try JSONParser.parse(line)
                return .paper(try occurrence(value, file: sink.file, line: reader.lineNumber, format: sink.format))
            } catch {
                return .failure(reason: "\(error)", raw: String(decoding: line, as: UTF8.self))
            }
        }) {
            switch outcome {
            case .blank: continue
            case .paper(let paper):
                sink.context.countIn()
                if paper.arxivID == nil { sink.warn(line: paper.line, "'id' is not an arXiv identifier") }
                sink.paper(paper)
            case .failure(let reason, let raw):
                sink.context.countIn()
                try sink.reject(line: reader.lineNumber, reason: reason, raw: raw)
            }
        }
    }

    static func occurrence(_ record: JSONValue, file: String, line: Int, format: InputFormat) throws(RecordShapeError) -> Occurrence {
        let r = try FieldReader(record, what: "arXiv snapshot record")
        let title = TextNormalizer.clean(try r.optionalString("title") ?? "")
        guard !title.isEmpty else { throw RecordShapeError("arXiv snapshot record has no title") }
        var occurrence = Occurrence(file: file, line: line, format: format.rawValue, title: title)
        let abstract = TextNormalizer.clean(try r.optionalString("abstract") ?? "")
        occurrence.abstract = abstract.isEmpty ? nil : abstract
        occurrence.authors = try authors(record, r)
        occurrence.authorsCount = occurrence.authors.isEmpty ? nil : occurrence.authors.count
        if let id = try r.optionalString("id").flatMap(ArxivID.init) {
            occurrence.arxivID = id.id
            occurrence.arxivVersion = id.version
        }
        let versions = try r.array("versions")
        occurrence.date = versions.first?["created"]?.stringValue.map(TextNormalizer.clean)
        if let last = versions.last?["version"]?.stringValue, last.hasPrefix("v"), let n = Int(last.dropFirst()) {
            occurrence.arxivVersion = n
        }
        let doi = TextNormalizer.clean(try r.optionalString("doi") ?? "")
        occurrence.doi = doi.isEmpty ? nil : doi
        // `categories` is one space-separated string, the primary category first.
        var categories: [String] = []
        for c in (try r.optionalString("categories") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        where !categories.contains(String(c)) { categories.append(String(c)) }
        occurrence.categories = categories
        return occurrence
    }

    /// `authors_parsed` entries `[last, first, suffix]` → `first last suffix`; else the `authors`
    /// string split at commas and ` and `.
    static func authors(_ record: JSONValue, _ r: FieldReader) throws(RecordShapeError) -> [String] {
        let parsed = try r.array("authors_parsed")
        if !parsed.isEmpty {
            return parsed.compactMap { entry in
                guard let parts = entry.arrayValue?.compactMap(\.stringValue), let last = parts.first else { return nil }
                let name = TextNormalizer.clean(([parts.count > 1 ? parts[1] : ""] + [last] + parts.dropFirst(2)).joined(separator: " "))
                return name.isEmpty ? nil : name
            }
        }
        guard let list = try r.optionalString("authors") else { return [] }
        var names: [String] = []
        for part in list.split(separator: ",") {
            for name in part.split(separator: " and ") {
                let cleaned = TextNormalizer.clean(String(name))
                if !cleaned.isEmpty { names.append(cleaned) }
            }
        }
        return names
    }
}
