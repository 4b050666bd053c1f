import Foundation
import Testing
import PaperSiftCore

/// The third-party samples of `../shared` (CI has it; they are never copied into the
/// repository): `corpus-real/` (real documents of every format) and `corpus-dev/` (real API days).
/// Their golden outputs are derived data, so they are pinned as record counts and digests in
/// `Tests/Fixtures/golden/shared-samples.tsv` (`make golden` rewrites it), and checked by
/// properties computed from the samples at test time. Without `../shared` every test here is
/// reported as skipped, with the reason.
@Suite(.enabled(if: Fixtures.hasSharedReal, Fixtures.sharedAbsent))
struct SharedSampleTests {
    static let digestsPath = Fixtures.root + "/Tests/Fixtures/golden/shared-samples.tsv"

    /// `name → (records, digest)` from the digests file (`name<TAB>records<TAB>fnv1a64`).
    static func pinned() throws -> [String: (Int, String)] {
        var out: [String: (Int, String)] = [:]
        for line in try Fixtures.lines(digestsPath) where !line.hasPrefix("#") {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 3, let n = Int(f[1]) else { Issue.record("bad line in \(digestsPath): \(line)"); continue }
            out[f[0]] = (n, f[2])
        }
        return out
    }

    func expectPinned(_ name: String, _ lines: [String]) throws {
        let (count, digest) = linesDigest(lines)
        let pinned = try #require(try SharedSampleTests.pinned()[name], "\(name) is not in \(SharedSampleTests.digestsPath): run make golden")
        #expect(count == pinned.0, "\(name): record count")
        #expect(digest == pinned.1, "\(name): output differs from its pinned digest (make golden, then review the diff of the format samples)")
    }

    @Test(arguments: Fixtures.realSamples)
    func realSampleGivesItsPinnedCleanRecords(_ sample: String) throws {
        let (records, context, diagnostics) = try Fixtures.clean([Fixtures.real(sample)])
        #expect(!records.isEmpty)
        #expect(records.allSatisfy { $0.paper != nil }, "every sample holds paper data")
        #expect(context.recordsRejected == 0 && context.inputsFailed == 0, "\(diagnostics.lines)")
        try expectPinned("corpus-real/" + sample + ".clean", records.map { $0.jsonString() })
    }

    @Test func allRealSamplesThroughThePipelineGiveThePinnedRecords() throws {
        try expectPinned("corpus-real/*.papers", try runPipeline(Fixtures.realSamples.map(Fixtures.real), throughJSON: false))
    }

    @Test func fusedRunEqualsTheStagesThroughJSONOnTheRealSamples() throws {
        let paths = Fixtures.realSamples.map(Fixtures.real)
        #expect(try runPipeline(paths, throughJSON: false) == runPipeline(paths, throughJSON: true))
    }

    @Test func realListingAndAPIOfOneDayMergeTheirSharedPapers() throws {
        let (listed, fromAPI) = try SampleChecks.listingAndAPIMerge(html: Fixtures.real("hf-html/hf_daily_papers_listing_2024-08-01.html"),
                                                                   api: Fixtures.real("hf-api/2024-08-01.json"))
        #expect(listed == 13 && fromAPI == 11)
    }

    @Test func realSnapshotLinesGiveOnePaperEach() throws {
        try SampleChecks.snapshot(Fixtures.real("arxiv-oai/arxiv-metadata-oai-snapshot_first200.jsonl"))
    }

    @Test(arguments: Fixtures.realSamples.filter { $0.hasPrefix("arxiv-atom/") })
    func realAtomEntriesGiveOnePaperEachWithLinksAndCategories(_ sample: String) throws {
        try SampleChecks.atom(Fixtures.real(sample))
    }

    @Test(arguments: Fixtures.realSamples.filter { $0.hasPrefix("hf-api/") })
    func realAPIArrayElementsKeepTheLineWhereTheyStart(_ sample: String) throws {
        try SampleChecks.apiLines(Fixtures.real(sample))
    }

    @Test func realCuratedLinksAndOrganisationsKeepTheirOrigin() throws {
        let records = try SampleChecks.curatedLinks(Fixtures.real("hf-api/2025-11-03.json"))
        #expect(records.contains { r in r.links.contains { $0.origin == "githubRepo" } })
        #expect(records.contains { r in r.links.contains { $0.origin == "projectPage" } })
    }

    @Test func realPaperPageGivesItsHydratedPaper() throws {
        let (records, _, _) = try Fixtures.clean([Fixtures.real("hf-html/hf_paper_page_2509.24002.html")])
        let paper = try #require(records.first?.paper)
        #expect(records.count == 1)
        #expect(paper.arxivID == "2509.24002")
        #expect(paper.curatedLinks.map(\.origin) == ["githubRepo", "projectPage"])
        #expect(paper.upvotes != nil && paper.org != nil && paper.authorsCount == paper.authors.count)
        #expect(paper.abstract?.contains("\\%") == true, "LaTeX residue is kept as written")
    }

    /// The development days: every paper of every file is read, none rejected.
    @Test(.enabled(if: Fixtures.hasSharedDev, Fixtures.sharedAbsent))
    func devDaysGiveEveryPaperOfTheirFiles() throws {
        let files = Fixtures.devFiles
        var expected = 0
        for f in files { expected += try SampleChecks.apiIDs(f).count }
        let (records, context, diagnostics) = try Fixtures.clean(files)
        #expect(files.count > 50 && expected > 1000)
        #expect(records.count == expected)
        #expect(context.recordsRejected == 0 && context.inputsFailed == 0, "\(diagnostics.lines.prefix(3))")
        #expect(records.allSatisfy { $0.paper?.arxivID != nil && $0.paper?.abstract != nil })
    }
}
