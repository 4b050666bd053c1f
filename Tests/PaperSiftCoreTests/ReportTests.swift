import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import PaperSiftCore

/// `sift report`: the figures on records built here, and the rendered pages. The figures on the
/// corpus are checked against an independent count by `make check-report` (tools/check_report.py).
@Suite struct ReportTests {
    static func paper(_ title: String, published: String? = nil, links: [Link] = [], orgs: [String] = [],
                      sources: Int = 1, benchmarks: [String] = []) -> PaperRecord {
        PaperRecord(id: "title:" + title, title: title, published: published, links: links,
                    benchmarks: benchmarks, orgs: orgs.map { OrgMention(name: $0, source: "text") },
                    sources: (1...sources).map { SourceRef(file: "f.txt", line: $0, format: "hf-text") })
    }

    static func github(_ owner: String, _ repo: String) -> Link {
        Link(raw: "github.com/\(owner)/\(repo)", url: "https://github.com/\(owner)/\(repo)", kind: "github",
             parts: [("owner", .string(owner)), ("repo", .string(repo))])
    }

    static func summary(_ records: [PaperRecord], top: Int = 10) -> RunSummary {
        let builder = RunSummaryBuilder()
        records.forEach(builder.add)
        return builder.summary(top: top)
    }

    @Test func duplicatesCountRecordsWithSeveralSourcesAndTheOccurrencesFoldedIn() {
        let s = ReportTests.summary([ReportTests.paper("a", sources: 3), ReportTests.paper("b"), ReportTests.paper("c", sources: 2)])
        #expect(s.papers == 3)
        #expect(s.occurrences == 6)
        #expect(s.papersWithDuplicates == 2)
        #expect(s.occurrencesMerged == 3)
    }

    @Test func monthsSeparateFullDatesFromDatesWithoutYearAndMissingDates() {
        let s = ReportTests.summary([
            ReportTests.paper("a", published: "2025-09-14"), ReportTests.paper("b", published: "2025-09-01"),
            ReportTests.paper("c", published: "2024-12-31"), ReportTests.paper("d", published: "--04-09"),
            ReportTests.paper("e"),
        ])
        #expect(s.papersPerMonth == [Tally(name: "2024-12", count: 1), Tally(name: "2025-09", count: 2)])
        #expect(s.papersWithoutYear == 1)
        #expect(s.papersWithoutDate == 1)
    }

    @Test func gitHubOwnersAreCountedOncePerPaperWhateverTheirCase() {
        let s = ReportTests.summary([
            ReportTests.paper("a", links: [ReportTests.github("Microsoft", "x"), ReportTests.github("microsoft", "y")]),
            ReportTests.paper("b", links: [ReportTests.github("microsoft", "z")]),
            ReportTests.paper("c", links: [ReportTests.github("zeta", "q")]),
        ])
        #expect(s.topGitHubOwners == [Tally(name: "Microsoft", count: 2), Tally(name: "zeta", count: 1)])
        #expect(s.gitHubOwners == 2)
        #expect(s.linksByKind == [KindTally(name: "github", items: 4, papers: 3)])
    }

    @Test func rankedListsBreakTiesByNameAndKeepTheTopN() {
        let s = ReportTests.summary([
            ReportTests.paper("a", orgs: ["beta", "Alpha", "gamma"]),
            ReportTests.paper("b", orgs: ["gamma", "gamma"]),
            ReportTests.paper("c", orgs: ["delta"]),
        ], top: 3)
        #expect(s.topOrganisations == [Tally(name: "gamma", count: 2), Tally(name: "Alpha", count: 1), Tally(name: "beta", count: 1)])
        #expect(s.organisations == 4)
    }

    @Test func coverageCountsPapersWithEachField() {
        let s = ReportTests.summary([
            ReportTests.paper("a", links: [ReportTests.github("o", "r")], orgs: ["X"], benchmarks: ["MMLU"]),
            ReportTests.paper("b", links: [Link(raw: "p.github.io", url: "https://p.github.io", kind: "project_page")]),
        ])
        let coverage = Dictionary(uniqueKeysWithValues: s.coverage.map { ($0.name, $0.count) })
        #expect(coverage[CoverageField.codeLink.rawValue] == 1)
        #expect(coverage[CoverageField.projectPage.rawValue] == 1)
        #expect(coverage[CoverageField.anyLink.rawValue] == 2)
        #expect(coverage[CoverageField.organisation.rawValue] == 1)
        #expect(coverage[CoverageField.benchmarks.rawValue] == 1)
        #expect(coverage[CoverageField.numbers.rawValue] == 0)
        #expect(s.coverage.count == CoverageField.allCases.count)
    }

    @Test func emptyInputGivesZerosNotAFailure() throws {
        let s = ReportTests.summary([])
        let markdown = MarkdownReport.render(s, input: "empty.jsonl", top: 10)
        #expect(markdown.contains("| papers | 0 |"))
        #expect(markdown.contains("| code link (GitHub) | 0 | 0.0% |"))
        #expect(markdown.contains("## Top organisations\n\n_none_"))
        try ReportTests.expectWellFormed(HTMLReport.render(s, input: "empty.jsonl", version: "0", top: 10))
    }

    @Test func markdownEscapesTableSeparatorsInNames() {
        let s = ReportTests.summary([ReportTests.paper("a", orgs: ["A|B Lab"])])
        #expect(MarkdownReport.render(s, input: "x", top: 10).contains("| A\\|B Lab | 1 |"))
    }

    @Test func htmlIsWellFormedSelfContainedAndEscapesNames() throws {
        let s = ReportTests.summary([
            ReportTests.paper("a", published: "2019-03-02", links: [ReportTests.github("o", "r")], orgs: ["<Lab & \"Co\">"]),
            ReportTests.paper("b", published: "2025-10-10", orgs: ["Zeta\u{1}"]),
        ])
        let html = HTMLReport.render(s, input: "a&b.jsonl", version: "0.1.0", top: 10)
        try ReportTests.expectWellFormed(html)
        #expect(html.contains("&lt;Lab &amp; &quot;Co&quot;&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        // A column per month from the first to the last (2019-03 … 2025-10), gaps included.
        #expect(SVGChart.consecutiveMonths(s.papersPerMonth).count == 80)
    }

    static func expectWellFormed(_ html: String) throws {
        let parser = XMLParser(data: Data(html.utf8))
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
    }
}
