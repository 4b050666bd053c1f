/// One paper of the Hugging Face papers JSON, as the `daily_papers` API and the hydration JSON
/// of its HTML pages give it: `{"paper": {…}, "title", "summary", "publishedAt", …}` (a day's
/// entry) or the `paper` object itself (a paper page). Both API schemas are read: the older one
/// without, and the newer one with `githubRepo`, `projectPage` and `organization`.
enum HFPaperEntry {
    /// Source fields that carry a curated link, in output order; the field name is the origin.
    static let linkFields = ["githubRepo", "projectPage"]

    /// The occurrence of `entry`; `fallbackOrg` is used when the entry names no organisation
    /// (a paper page gives it next to the paper, as `submitterOrganization`).
    static func occurrence(_ entry: JSONValue, file: String, line: Int, format: InputFormat,
                           fallbackOrg: JSONValue? = nil) throws(RecordShapeError) -> Occurrence {
        guard case .object = entry else { throw RecordShapeError("paper entry is not a JSON object") }
        let paper = entry["paper"].flatMap { v -> JSONValue? in if case .object = v { return v } else { return nil } } ?? entry
        func field(_ key: String) throws(RecordShapeError) -> String? {
            for source in [paper, entry] {
                guard let v = source[key], !v.isNull else { continue }
                guard let s = v.stringValue else { throw RecordShapeError("paper entry: field '\(key)' must be a string") }
                return s
            }
            return nil
        }
        guard let rawTitle = try field("title"), case let title = TextNormalizer.clean(rawTitle), !title.isEmpty else {
            throw RecordShapeError("paper entry has no title")
        }
        var occurrence = Occurrence(file: file, line: line, format: format.rawValue, title: title)
        occurrence.abstract = try field("summary").map(TextNormalizer.clean).flatMap { $0.isEmpty ? nil : $0 }
        occurrence.authors = authors(paper["authors"] ?? entry["authors"])
        if paper["authors"] != nil || entry["authors"] != nil { occurrence.authorsCount = occurrence.authors.count }
        occurrence.date = try field("publishedAt")
        occurrence.upvotes = (paper["upvotes"] ?? entry["upvotes"])?.intValue
        if let id = try field("id").flatMap(ArxivID.init) {
            occurrence.arxivID = id.id
            occurrence.arxivVersion = id.version
        }
        occurrence.org = organisation(paper["organization"] ?? entry["organization"] ?? fallbackOrg)
        for key in linkFields {
            if let url = try field(key).map(TextNormalizer.clean), !url.isEmpty {
                occurrence.curatedLinks.append(CuratedLink(url: url, origin: key))
            }
        }
        return occurrence
    }

    /// Author names: each author's `name` (or its user's `fullname`).
    static func authors(_ value: JSONValue?) -> [String] {
        guard let list = value?.arrayValue else { return [] }
        return list.compactMap { author in
            let name = author["name"]?.stringValue ?? author["user"]?["fullname"]?.stringValue
            return name.map(TextNormalizer.clean).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// `{"name": handle, "fullname": display name}` → `{"handle", "name"}`.
    static func organisation(_ value: JSONValue?) -> ListingOrg? {
        guard let value, let handle = value["name"]?.stringValue.map(TextNormalizer.clean), !handle.isEmpty else { return nil }
        let name = value["fullname"]?.stringValue.map(TextNormalizer.clean).flatMap { $0.isEmpty ? nil : $0 } ?? handle
        return ListingOrg(handle: handle, name: name)
    }
}
