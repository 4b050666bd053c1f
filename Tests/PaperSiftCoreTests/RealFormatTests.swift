import Foundation
import Testing
import PaperSiftCore

/// The real samples of `Tests/Fixtures/real/` (see its README) through `sift-clean` and the pipeline.
@Suite struct RealFormatTests {
    static let goldenDirectory = Fixtures.root + "/Tests/Fixtures/golden/real/"

    /// Compares records with a golden file, reporting the first difference.
    func expectGolden(_ actual: [String], _ goldenPath: String) throws {
        let expected = try Fixtures.lines(goldenPath)
        #expect(actual.count == expected.count, "record count of \(goldenPath)")
        for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
            Issue.record("record \(i + 1) differs from \(goldenPath):\n  expected: \(e.prefix(400))\n  actual:   \(a.prefix(400))")
            break
        }
    }

    @Test(arguments: Fixtures.realSamples)
    func sampleGivesItsGoldenCleanRecords(_ sample: String) throws {
        let (records, context, diagnostics) = try Fixtures.clean([Fixtures.real(sample)])
        #expect(!records.isEmpty)
        #expect(records.allSatisfy { $0.paper != nil }, "every sample holds paper data")
        #expect(context.recordsRejected == 0 && context.inputsFailed == 0, "\(diagnostics.lines)")
        try expectGolden(records.map { $0.jsonString() }, RealFormatTests.goldenDirectory + sample + ".clean.jsonl")
    }

    @Test func allSamplesThroughThePipelineMatchTheGoldenFile() throws {
        let paths = Fixtures.realSamples.map(Fixtures.real)
        try expectGolden(try runPipeline(paths, throughJSON: false), RealFormatTests.goldenDirectory + "all.papers.jsonl")
    }

    @Test func fusedRunEqualsTheStagesThroughJSONOnTheRealSamples() throws {
        let paths = Fixtures.realSamples.map(Fixtures.real)
        #expect(try runPipeline(paths, throughJSON: false) == runPipeline(paths, throughJSON: true))
    }

    /// The arXiv ids of the papers of an API response, read straight from the JSON.
    func apiIDs(_ sample: String) throws -> [String] {
        let json = try JSONParser.parse(try String(contentsOfFile: Fixtures.real(sample), encoding: .utf8))
        return (json.arrayValue ?? []).compactMap { $0["paper"]?["id"]?.stringValue }
    }

    @Test func listingAndAPIOfOneDayMergeTheirSharedPapers() throws {
        let html = Fixtures.real("hf-html/hf_daily_papers_listing_2024-08-01.html")
        let api = Fixtures.real("hf-api/2024-08-01.json")
        let listed = try Fixtures.clean([html]).0.compactMap { $0.paper?.arxivID }
        let fromAPI = Set(try apiIDs("hf-api/2024-08-01.json"))
        #expect(listed.count == 13)
        #expect(fromAPI.count == 11 && fromAPI.isSubset(of: Set(listed)))

        let records = try runPipeline([html, api], throughJSON: false).map { try PaperRecord(json: JSONParser.parse($0)) }
        #expect(records.count == 13)
        #expect(records.map { $0.arxivID ?? "" } == listed, "one record per paper, in listing order")
        for r in records {
            let formats = r.sources.map(\.format)
            if fromAPI.contains(r.arxivID ?? "") {
                #expect(formats == ["html", "hf-api"], "\(r.title)")
                #expect(r.sources.map(\.file) == ["hf_daily_papers_listing_2024-08-01.html", "2024-08-01.json"])
                #expect(r.mergedBy == ["arxiv_id"])
            } else {
                #expect(formats == ["html"], "\(r.title)")
            }
            // Both sources are cleaned alike: only the upvote count (taken at different times) may differ.
            #expect(r.conflicts.allSatisfy { $0.field == "upvotes" }, "\(r.title): \(r.conflicts)")
            #expect(r.id == "arxiv:" + (r.arxivID ?? ""))
        }
    }

    @Test func snapshotSampleGivesTwoHundredPapersWithIdsTitlesAbstractsAndAuthors() throws {
        let path = Fixtures.real("arxiv-oai/arxiv-metadata-oai-snapshot_first200.jsonl")
        let raw = try Fixtures.lines(path).map { try JSONParser.parse($0) }
        let (records, _, _) = try Fixtures.clean([path])
        #expect(raw.count == 200)
        #expect(records.count == 200)
        for (i, (record, source)) in zip(records, raw).enumerated() {
            let paper = try #require(record.paper)
            #expect(record.line == i + 1 && paper.line == i + 1)
            #expect(paper.format == "arxiv-oai")
            #expect(paper.arxivID == source["id"]?.stringValue)
            #expect(paper.arxivVersion == source["versions"]?.arrayValue?.count)
            #expect(!paper.title.isEmpty && !paper.title.contains("\n"))
            #expect(paper.abstract.map { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.contains("\n") } == true)
            #expect(paper.authorsCount == source["authors_parsed"]?.arrayValue?.count)
            #expect(paper.doi == source["doi"]?.stringValue)
        }
    }

    @Test func atomResponseGivesOneHundredPapers() throws {
        let path = Fixtures.real("arxiv-atom/arxiv_api_query_testing_s0_m100.atom.xml")
        let (records, _, _) = try Fixtures.clean([path])
        let entryLines = try Fixtures.lines(path).enumerated().filter { $0.element.trimmingCharacters(in: .whitespaces) == "<entry>" }.map { $0.offset + 1 }
        #expect(records.count == 100)
        #expect(records.map(\.line) == entryLines, "each paper keeps the line of its <entry>")
        #expect(Set(records.compactMap { $0.paper?.arxivID }).count == 100)
        #expect(records.allSatisfy { ($0.paper?.authorsCount ?? 0) > 0 && $0.paper?.arxivVersion != nil })
        let papers = try runPipeline([path], throughJSON: false).map { try PaperRecord(json: JSONParser.parse($0)) }
        #expect(papers.count == 100)
        #expect(papers.allSatisfy { $0.published?.count == 10 })
    }

    @Test func apiArrayElementsKeepTheLineWhereTheyStart() throws {
        let path = Fixtures.real("hf-api/2025-11-03.json")
        let lines = try Fixtures.lines(path)
        let (records, _, _) = try Fixtures.clean([path])
        #expect(records.count == 15)
        for r in records {
            // The element's `{` opens the line; its paper id follows a few lines below.
            #expect(lines[r.line - 1].trimmingCharacters(in: .whitespaces) == "{")
            let window = lines[r.line..<min(lines.count, r.line + 4)].joined()
            #expect(window.contains("\"\(r.paper?.arxivID ?? "?")\""))
        }
    }

    @Test func curatedLinksAndOrganisationsKeepTheirOrigin() throws {
        let path = Fixtures.real("hf-api/2025-11-03.json")
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
                #expect(r.org == ListingOrg(handle: org["name"]?.stringValue, name: org["fullname"]?.stringValue ?? ""))
                #expect(r.orgs.contains(OrgMention(name: r.org?.name ?? "", source: "organization")))
            } else {
                #expect(r.org == nil)
            }
        }
        // A curated link that the abstract does not mention keeps its field as origin.
        #expect(records.contains { r in r.links.contains { $0.origin == "githubRepo" } })
        #expect(records.contains { r in r.links.contains { $0.origin == "projectPage" } })
    }

    @Test func paperPageGivesItsHydratedPaper() throws {
        let (records, _, _) = try Fixtures.clean([Fixtures.real("hf-html/hf_paper_page_2509.24002.html")])
        let paper = try #require(records.first?.paper)
        #expect(records.count == 1)
        #expect(paper.arxivID == "2509.24002")
        #expect(paper.title.hasPrefix("MCPMark: A Benchmark"))
        #expect(paper.curatedLinks.map(\.origin) == ["githubRepo", "projectPage"])
        #expect(paper.upvotes != nil && paper.org != nil && paper.authorsCount == paper.authors.count)
        // LaTeX residue of the source is kept as written (as in the text dumps): `52.56\%`.
        #expect(paper.abstract?.contains("52.56\\%") == true)
    }
}
