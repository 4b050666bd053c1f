import Foundation
import Testing
import PaperSiftCore

/// Corpus in, expected JSON Lines out, diffed. Regenerate with `make golden` after an intended change.
@Suite struct GoldenTests {
    static let goldenPath = Fixtures.root + "/Tests/Fixtures/golden/seeds.papers.jsonl"

    @Test func seedCorpusMatchesGoldenOutput() throws {
        let expected = try String(contentsOfFile: GoldenTests.goldenPath, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let actual = try runPipeline(Fixtures.corpus, throughJSON: false)
        #expect(actual.count == expected.count, "record count")
        for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
            Issue.record("record \(i + 1) differs from the golden file:\n  expected: \(e.prefix(400))\n  actual:   \(a.prefix(400))")
            break
        }
    }

    @Test func fusedRunIsByteIdenticalToStagesThroughJSON() throws {
        let fused = try runPipeline(Fixtures.corpus, throughJSON: false)
        let piped = try runPipeline(Fixtures.corpus, throughJSON: true)
        #expect(fused.count == 148)
        #expect(fused == piped)
    }

    @Test func seedCorpusGivesOneRecordPerGoldPaperWithItsSources() throws {
        let gold = try String(contentsOfFile: Fixtures.root + "/Tests/Fixtures/gold/seeds.gold.jsonl", encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let records = try runPipeline(Fixtures.corpus, throughJSON: false).map { try PaperRecord(json: JSONParser.parse($0)) }
        #expect(records.count == gold.count)
        for (g, r) in zip(gold, records) {
            #expect(r.title == g["title"]?.stringValue)
            let goldSources = (g["occurrences"]?.arrayValue ?? []).map { "\($0["file"]!.stringValue!):\($0["line"]!.intValue!)" }
            #expect(r.sources.map { "\($0.file):\($0.line)" } == goldSources, "\(r.title)")
            #expect(r.authorsCount == g["authors_count"]?.intValue, "\(r.title)")
            #expect(r.published == g["published"]?.stringValue, "\(r.title)")
            #expect(r.upvotes == g["upvotes"]?.intValue, "\(r.title)")
            #expect(r.org?.name == g["org"]?["name"]?.stringValue, "\(r.title)")
        }
    }
}
