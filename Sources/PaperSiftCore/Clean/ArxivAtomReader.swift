/// An arXiv API response (Atom XML), parsed strictly by libxml2. Each `<entry>` gives a paper:
/// `id` (arXiv id and version), `title`, `summary`, `author/name`, `published`, `arxiv:doi`.
/// An entry's line is the line of its `<entry>` tag. The entry links (abstract page, PDF, DOI
/// resolver) are derived from the id and DOI, so they are not repeated as curated links.
enum ArxivAtomReader {
    static let atom = "http://www.w3.org/2005/Atom"
    static let arxiv = "http://arxiv.org/schemas/atom"
    /// The id prefix of the entry the arXiv API returns instead of results for a bad query.
    static let errorIDPrefix = "http://arxiv.org/api/errors"

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, into sink: RecordSink) throws {
        let shift = firstLine - 1
        let document: MarkupDocument
        do { document = try MarkupDocument.xml(bytes) } catch {
            throw DocumentError(line: error.line.map { $0 + shift }, message: error.message)
        }
        guard let feed = document.root, feed.isElement("feed", namespace: atom) else {
            let root = document.root
            throw DocumentError(line: root.map { $0.line + shift }, message: "not an Atom feed (root element <\(root?.name ?? "")>)")
        }
        for entry in feed.children(named: "entry", namespace: atom) {
            sink.context.countIn()
            let line = entry.line + shift
            let id = text(entry, "id")
            if id.hasPrefix(errorIDPrefix) {
                try sink.reject(line: line, reason: "arXiv API error: \(TextNormalizer.clean(text(entry, "summary")))", raw: entry.markup)
                continue
            }
            let title = TextNormalizer.clean(text(entry, "title"))
            guard !title.isEmpty else {
                try sink.reject(line: line, reason: "Atom entry has no title", raw: entry.markup)
                continue
            }
            var occurrence = Occurrence(file: sink.file, line: line, format: sink.format.rawValue, title: title)
            let summary = TextNormalizer.clean(text(entry, "summary"))
            occurrence.abstract = summary.isEmpty ? nil : summary
            occurrence.authors = entry.children(named: "author", namespace: atom).compactMap { author in
                let name = TextNormalizer.clean(author.firstChild(named: "name", namespace: atom)?.text ?? "")
                return name.isEmpty ? nil : name
            }
            occurrence.authorsCount = occurrence.authors.isEmpty ? nil : occurrence.authors.count
            let published = TextNormalizer.clean(text(entry, "published"))
            occurrence.date = published.isEmpty ? nil : published
            if let arxivID = ArxivID(id) {
                occurrence.arxivID = arxivID.id
                occurrence.arxivVersion = arxivID.version
            }
            let doi = TextNormalizer.clean(text(entry, "doi", namespace: arxiv))
            occurrence.doi = doi.isEmpty ? nil : doi
            sink.paper(occurrence)
        }
    }

    private static func text(_ entry: MarkupNode, _ name: String, namespace: String = atom) -> String {
        entry.firstChild(named: name, namespace: namespace)?.text ?? ""
    }
}
