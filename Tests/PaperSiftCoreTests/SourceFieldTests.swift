import Testing
import PaperSiftCore

/// Field-level pieces of the structured readers: arXiv ids, source dates, curated links.
@Suite struct SourceFieldTests {
    @Test(arguments: [
        ("2407.21783", "2407.21783", nil), ("0704.0001v2", "0704.0001", 2), ("http://arxiv.org/abs/2202.12139v1", "2202.12139", 1),
        ("https://arxiv.org/pdf/2509.24002", "2509.24002", nil), ("arXiv:2401.00001v12", "2401.00001", 12),
        ("http://arxiv.org/abs/cond-mat/0412498v1", "cond-mat/0412498", 1), ("math.GT/0309136", "math.GT/0309136", nil),
    ] as [(String, String, Int?)])
    func arxivIDs(_ text: String, _ id: String, _ version: Int?) {
        #expect(ArxivID(text) == ArxivID(id + (version.map { "v\($0)" } ?? "")))
        #expect(ArxivID(text)?.id == id)
        #expect(ArxivID(text)?.version == version)
    }

    @Test(arguments: ["", "1234.5678", "2413.00001", "12345.6789", "http://arxiv.org/api/errors#x", "Cond-Mat/0412498", "hep-th/123"])
    func notArxivIDs(_ text: String) {
        #expect(ArxivID(text) == nil)
    }

    @Test(arguments: [("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02"), ("Sat, 31 Mar 2007 02:26:18 GMT", "2007-03-31"),
                      ("2 Apr 2007", "2007-04-02")])
    func snapshotDates(_ text: String, _ expected: String) {
        #expect(DateNormalizer.iso(text) == expected)
    }

    @Test func curatedLinkThatTheAbstractAlsoGivesIsListedOnce() throws {
        let rules = Fixtures.rules
        var occurrence = Occurrence(file: "x.json", line: 2, format: "hf-api", title: "T",
                                    abstract: "Code: https://github.com/Owner/Repo. Demo at https://owner.github.io/demo/.")
        occurrence.curatedLinks = [CuratedLink(url: "https://github.com/Owner/Repo", origin: "githubRepo"),
                                   CuratedLink(url: "https://owner.github.io/other", origin: "projectPage"),
                                   CuratedLink(url: "https://owner.github.io/demo", origin: "projectPage")]
        let record = Normalizer(rules: rules).normalize(try Extractor(rules: rules).extract(occurrence))
        #expect(record.links.map(\.url) == ["https://github.com/Owner/Repo", "https://owner.github.io/demo", "https://owner.github.io/other"])
        #expect(record.links.map(\.origin) == ["abstract", "abstract", "projectPage"])
        #expect(record.links.map(\.kind) == ["github", "project_page", "project_page"])
    }
}
