/// An arXiv API response (Atom XML), parsed strictly by libxml2. Each `<entry>` gives a paper:
/// `id` (arXiv id and version), `title`, `summary`, `author/name`, `published`, `arxiv:doi`,
/// the entry's `<link>`s as `source_links` (`abs`, `pdf`, `doi`) and its categories
/// (`arxiv:primary_category` first, then the other `<category>` terms).
/// An entry's line is the line of its `<entry>` tag.
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
            occurrence.sourceLinks = links(entry)
            occurrence.categories = categories(entry)
            sink.paper(occurrence)
        }
    }

    /// The entry's `<link>`s, one per URL: `rel="alternate"` is the abstract page (`abs`), a
    /// `title` (`pdf`, `doi`) names the others, else their `rel`. In the order `abs`, `pdf`,
    /// `doi`, then any other in document order.
    static func links(_ entry: MarkupNode) -> [SourceLink] {
        var out: [SourceLink] = []
        for link in entry.children(named: "link", namespace: atom) {
            let url = TextNormalizer.clean(link.attribute("href") ?? "")
            guard !url.isEmpty, !out.contains(where: { $0.url == url }) else { continue }
            let rel = TextNormalizer.clean(link.attribute("rel") ?? "alternate")
            let title = TextNormalizer.clean(link.attribute("title") ?? "")
            out.append(SourceLink(rel: rel == "alternate" ? "abs" : (title.isEmpty ? rel : title), url: url))
        }
        let rank = ["abs": 0, "pdf": 1, "doi": 2]
        return out.enumerated().sorted { (rank[$0.element.rel] ?? 3, $0.offset) < (rank[$1.element.rel] ?? 3, $1.offset) }.map(\.element)
    }

    /// `arxiv:primary_category` first, then every `<category term>` not yet listed.
    static func categories(_ entry: MarkupNode) -> [String] {
        var out: [String] = []
        let primary = entry.firstChild(named: "primary_category", namespace: arxiv)?.attribute("term")
        for term in [primary] + entry.children(named: "category", namespace: atom).map({ $0.attribute("term") }) {
            let t = TextNormalizer.clean(term ?? "")
            if !t.isEmpty, !out.contains(t) { out.append(t) }
        }
        return out
    }

    private static func text(_ entry: MarkupNode, _ name: String, namespace: String = atom) -> String {
        entry.firstChild(named: name, namespace: namespace)?.text ?? ""
    }
}
