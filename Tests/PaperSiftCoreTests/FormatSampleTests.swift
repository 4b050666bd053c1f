import Foundation
import Testing
import PaperSiftCore

/// The format samples of `Tests/Fixtures/formats/` (made for this project, see its README)
/// through `sift-clean` and the pipeline, against golden files; the same structural checks run
/// on the real samples of `../shared` in `SharedSampleTests`.
@Suite struct FormatSampleTests {
    static let goldenDirectory = Fixtures.root + "/Tests/Fixtures/golden/formats/"

    /// Compares records with a golden file, reporting the first difference.
    func expectGolden(_ actual: [String], _ goldenPath: String) throws {
        let expected = try Fixtures.lines(goldenPath)
        #expect(actual.count == expected.count, "record count of \(goldenPath)")
        for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
            Issue.record("record \(i + 1) differs from \(goldenPath):\n  expected: \(e.prefix(400))\n  actual:   \(a.prefix(400))")
            break
        }
    }

    @Test func everyInputFormatHasASample() {
        let folders = Set(Fixtures.formatSamples.map { String($0.prefix { $0 != "/" }) })
        #expect(folders == ["hf-text", "hf-html", "hf-api", "arxiv-atom", "arxiv-oai", "envelope"])
    }

    @Test(arguments: Fixtures.formatSamples)
    func sampleGivesItsGoldenCleanRecords(_ sample: String) throws {
        let (records, context, diagnostics) = try Fixtures.clean([Fixtures.format(sample)])
        #expect(!records.isEmpty)
        #expect(context.recordsRejected == 0 && context.inputsFailed == 0, "\(diagnostics.lines)")
        try expectGolden(records.map { $0.jsonString() }, FormatSampleTests.goldenDirectory + sample + ".clean.jsonl")
    }

    @Test func allSamplesThroughThePipelineMatchTheGoldenFile() throws {
        let paths = Fixtures.formatSamples.map(Fixtures.format)
        try expectGolden(try runPipeline(paths, throughJSON: false), FormatSampleTests.goldenDirectory + "all.papers.jsonl")
    }

    @Test func fusedRunEqualsTheStagesThroughJSONOnTheSamples() throws {
        let paths = Fixtures.formatSamples.map(Fixtures.format)
        #expect(try runPipeline(paths, throughJSON: false) == runPipeline(paths, throughJSON: true))
    }

    @Test func listingAndAPIOfOneDayMergeTheirSharedPapers() throws {
        let html = Fixtures.format("hf-html/daily-papers-2031-02-14.html")
        let api = Fixtures.format("hf-api/2031-02-14.json")
        let (listed, fromAPI) = try SampleChecks.listingAndAPIMerge(html: html, api: api)
        #expect(listed == 3 && fromAPI == 3, "two papers of the listing are in the API day, which has one more")
    }

    @Test func snapshotLinesGiveOnePaperEach() throws {
        try SampleChecks.snapshot(Fixtures.format("arxiv-oai/2031-02-13.snapshot.jsonl"))
    }

    @Test func atomEntriesGiveOnePaperEachWithLinksAndCategories() throws {
        try SampleChecks.atom(Fixtures.format("arxiv-atom/2031-02-12.atom.xml"))
    }

    @Test(arguments: ["hf-api/2031-02-14.json", "hf-api/2031-02-15.json"])
    func apiArrayElementsKeepTheLineWhereTheyStart(_ sample: String) throws {
        try SampleChecks.apiLines(Fixtures.format(sample))
    }

    @Test func curatedLinksAndOrganisationsKeepTheirOrigin() throws {
        let records = try SampleChecks.curatedLinks(Fixtures.format("hf-api/2031-02-15.json"))
        // A curated link that the abstract does not mention keeps its field as origin.
        #expect(records.contains { r in r.links.contains { $0.origin == "githubRepo" } })
        #expect(records.contains { r in r.links.contains { $0.origin == "projectPage" } })
        // An organisation without a full name is named by its handle; a null githubRepo is no link.
        #expect(records.map { $0.org?.name } == ["Coral Bench Team", nil, "weatherlab"])
        #expect(records[1].links.map(\.origin) == ["abstract"])
        #expect(records[2].authorsCount == nil, "no author list, no count")
    }

    @Test func paperPageGivesItsHydratedPaper() throws {
        let (records, _, _) = try Fixtures.clean([Fixtures.format("hf-html/paper-page-3102.06008.html")])
        let paper = try #require(records.first?.paper)
        #expect(records.count == 1)
        #expect(paper.arxivID == "3102.06008")
        #expect(paper.title == "Ledger: Verifiable Accounting Tasks for Language Agents")
        #expect(paper.curatedLinks.map(\.origin) == ["githubRepo", "projectPage"])
        #expect(paper.upvotes == 118 && paper.authorsCount == 4 && paper.authors.count == 4)
        // The organisation comes from submitterOrganization; entities of the attribute are decoded.
        #expect(paper.org == ListingOrg(handle: "ledger-eval", name: "Ledger Evaluation Group"))
        #expect(paper.abstract?.contains("Tasks & code: https://github.com/ledger-eval/ledger.") == true)
        // LaTeX residue of the source is kept as written (as in the text dumps): `52.56\%`.
        #expect(paper.abstract?.contains("52.56\\% accuracy") == true)
    }

    @Test func listingDecodesTheEscapedJSONOfItsAttribute() throws {
        let (records, _, _) = try Fixtures.clean([Fixtures.format("hf-html/daily-papers-2031-02-14.html")])
        let papers = records.compactMap(\.paper)
        #expect(records.allSatisfy { $0.line == 17 }, "every paper has the line of the DailyPapers element")
        #expect(papers.map(\.title) == ["Sparse Lattice Adapters for Low-Resource Speech Translation",
                                        "Tidal: Streaming Retrieval for Million-Token Contexts",
                                        "On the Stability of <Mixture> Routers"])
        #expect(papers[0].abstract?.contains("sparse-lattice-adapters & weights") == true)
        // Missing fields stay missing: no summary, no upvotes.
        #expect(papers[2].abstract == nil && papers[2].upvotes == nil && papers[2].authorsCount == 1)
    }

    @Test func atomAndSnapshotOfOnePaperMergeLinksAndCategories() throws {
        let atom = Fixtures.format("arxiv-atom/2031-02-12.atom.xml")
        let snapshot = Fixtures.format("arxiv-oai/2031-02-13.snapshot.jsonl")
        let records = try runPipeline([atom, snapshot], throughJSON: true).map { try PaperRecord(json: JSONParser.parse($0)) }
        let spin = try #require(records.first { $0.arxivID == "3102.05555" })
        #expect(spin.sources.map(\.format) == ["arxiv-atom", "arxiv-oai"])
        #expect(spin.categories == ["quant-ph", "cond-mat.str-el", "hep-lat"], "primary first, then the others once")
        #expect(spin.sourceLinks == [SourceLink(rel: "abs", url: "http://arxiv.org/abs/3102.05555v2"),
                                     SourceLink(rel: "pdf", url: "http://arxiv.org/pdf/3102.05555v2"),
                                     SourceLink(rel: "doi", url: "http://dx.doi.org/10.5555/fixture.2031.0042")])
        let branes = try #require(records.first { $0.arxivID == "hep-th/0601002" })
        #expect(branes.categories == ["hep-th"] && branes.sourceLinks.isEmpty)
        #expect(branes.authorsCount == 2, "the authors string when there is no authors_parsed")
    }
}

/// Checks that hold for any sample of a format, computed from the sample itself.
enum SampleChecks {
    /// The arXiv ids of the papers of an API response, read straight from the JSON.
    static func apiIDs(_ path: String) throws -> [String] {
        let json = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8))
        return (json.arrayValue ?? []).compactMap { $0["paper"]?["id"]?.stringValue }
    }

    /// A listing and the API response of the same day: one record per paper of the listing, in
    /// its order; the papers in both are merged by arXiv id. Returns (papers listed, papers in the API).
    static func listingAndAPIMerge(html: String, api: String) throws -> (Int, Int) {
        let listed = try Fixtures.clean([html]).0.compactMap { $0.paper?.arxivID }
        let fromAPI = Set(try apiIDs(api).compactMap { ArxivID($0)?.id })
        let both = fromAPI.intersection(listed)
        #expect(!both.isEmpty)
        let records = try runPipeline([html, api], throughJSON: false).map { try PaperRecord(json: JSONParser.parse($0)) }
        #expect(records.count == Set(listed).union(fromAPI).count)
        #expect(Array(records.map { $0.arxivID ?? "" }.prefix(listed.count)) == listed, "listing order first")
        for r in records {
            let formats = r.sources.map(\.format)
            if both.contains(r.arxivID ?? "") {
                #expect(formats == ["html", "hf-api"], "\(r.title)")
                #expect(r.sources.map(\.file) == [(html as NSString).lastPathComponent, (api as NSString).lastPathComponent])
                #expect(r.mergedBy == ["arxiv_id"])
            } else {
                #expect(formats.count == 1, "\(r.title)")
            }
            // Both sources are cleaned alike: only the upvote count (taken at different times) may differ.
            #expect(r.conflicts.allSatisfy { $0.field == "upvotes" }, "\(r.title): \(r.conflicts)")
            #expect(r.id == "arxiv:" + (r.arxivID ?? ""))
        }
        return (listed.count, fromAPI.count)
    }

    /// Every line of a snapshot file gives its paper: id, version, title, abstract, authors, DOI and
    /// categories as the line has them.
    static func snapshot(_ path: String) throws {
        let raw = try Fixtures.lines(path).map { try JSONParser.parse($0) }
        let (records, context, _) = try Fixtures.clean([path])
        #expect(records.count == raw.count && context.recordsRejected == 0)
        for (i, (record, source)) in zip(records, raw).enumerated() {
            let paper = try #require(record.paper)
            #expect(record.line == i + 1 && paper.line == i + 1)
            #expect(paper.format == "arxiv-oai")
            #expect(paper.arxivID == source["id"]?.stringValue)
            let versions = source["versions"]?.arrayValue?.count ?? 0
            #expect(paper.arxivVersion == (versions > 0 ? versions : nil))
            #expect(!paper.title.isEmpty && !paper.title.contains("\n"))
            #expect(paper.abstract.map { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.contains("\n") } ?? true)
            if let parsed = source["authors_parsed"]?.arrayValue, !parsed.isEmpty { #expect(paper.authorsCount == parsed.count) }
            #expect(paper.doi == source["doi"]?.stringValue)
            let categories = (source["categories"]?.stringValue ?? "").split(separator: " ").map(String.init)
            #expect(paper.categories == categories, "categories in the order given, the primary first")
        }
    }

    /// Every `<entry>` of an Atom feed gives a paper with the line of its `<entry>`, a distinct id,
    /// authors, a version, its `<link>`s (abs, pdf, doi) and its categories, primary first.
    static func atom(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (records, _, _) = try Fixtures.clean([path])
        let entryLines = try Fixtures.lines(path).enumerated().filter { $0.element.trimmingCharacters(in: .whitespaces) == "<entry>" }.map { $0.offset + 1 }
        #expect(records.count == entryLines.count)
        #expect(records.map(\.line) == entryLines, "each paper keeps the line of its <entry>")
        let papers = records.compactMap(\.paper)
        #expect(Set(papers.compactMap(\.arxivID)).count == entryLines.count)
        #expect(papers.allSatisfy { ($0.authorsCount ?? 0) > 0 && $0.arxivVersion != nil })
        // Links and categories, counted in the XML text independently of the parser.
        let entries = text.components(separatedBy: "<entry>").dropFirst()
        for (paper, entry) in zip(papers, entries) {
            let links = entry.components(separatedBy: "<link ").count - 1
            #expect(paper.sourceLinks.count == links, "\(paper.title): one source link per <link>")
            #expect(paper.sourceLinks.first?.rel == "abs" && paper.sourceLinks.first?.url.contains("/abs/") == true)
            #expect(paper.sourceLinks.contains { $0.rel == "pdf" && $0.url.contains("/pdf/") })
            #expect(paper.sourceLinks.contains { $0.rel == "doi" } == (paper.doi != nil), "\(paper.title)")
            let primary = entry.components(separatedBy: "primary_category").dropFirst().first?
                .components(separatedBy: "term=\"").dropFirst().first?.prefix { $0 != "\"" }
            #expect(paper.categories.first == primary.map(String.init), "\(paper.title): primary category first")
            let terms = Set(entry.components(separatedBy: "<category term=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            #expect(Set(paper.categories) == terms.union(primary.map { [String($0)] } ?? []))
        }
        let final = try runPipeline([path], throughJSON: false).map { try PaperRecord(json: JSONParser.parse($0)) }
        #expect(final.count == entryLines.count)
        #expect(final.allSatisfy { $0.published?.count == 10 && !$0.categories.isEmpty && !$0.sourceLinks.isEmpty })
    }

    /// Each element of a pretty-printed API array keeps the line of its opening `{`.
    static func apiLines(_ path: String) throws {
        let lines = try Fixtures.lines(path)
        let (records, _, _) = try Fixtures.clean([path])
        #expect(records.count == (try apiIDs(path)).count)
        for r in records {
            // The element's `{` opens the line; its paper id follows a few lines below.
            #expect(lines[r.line - 1].trimmingCharacters(in: .whitespaces) == "{")
            let window = lines[r.line..<min(lines.count, r.line + 4)].joined()
            #expect(window.contains("\"\(ArxivID(r.paper?.arxivID ?? "")?.id ?? "?")"))
        }
    }

    /// `githubRepo` and `projectPage` are links of the record, once each, with their field as
    /// origin unless the abstract gives them; `organization` is the record's `org`.
    static func curatedLinks(_ path: String) throws -> [PaperRecord] {
        let api = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8)).arrayValue ?? []
        let records = try runPipeline([path], throughJSON: false).map { try PaperRecord(json: JSONParser.parse($0)) }
        let canonicalizer = LinkCanonicalizer(rules: Fixtures.rules)
        #expect(records.count == api.count)
        for (r, entry) in zip(records, api) {
            let paper = try #require(entry["paper"])
            for field in ["githubRepo", "projectPage"] {
                guard let url = paper[field]?.stringValue else { continue }
                let canonical = try #require(canonicalizer.canonicalize(raw: url)?.0.url)
                let matching = r.links.filter { $0.url == canonical }
                #expect(matching.count == 1, "\(r.title): \(field) \(canonical) once")
                #expect(matching.first.map { $0.origin == field || $0.origin == "abstract" } == true)
            }
            #expect(Set(r.links.map(\.url)).count == r.links.count, "no duplicate URLs")
            if let org = paper["organization"] {
                let handle = org["name"]?.stringValue
                #expect(r.org == ListingOrg(handle: handle, name: org["fullname"]?.stringValue ?? handle ?? ""))
                #expect(r.orgs.contains(OrgMention(name: r.org?.name ?? "", source: "organization")))
            } else {
                #expect(r.org == nil)
            }
        }
        return records
    }
}
