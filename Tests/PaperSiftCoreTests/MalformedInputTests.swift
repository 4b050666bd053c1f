import Foundation
import Testing
import PaperSiftCore
import PaperSiftCLI

/// Broken documents: a clear error naming the file and line, and the other inputs still go through.
@Suite struct MalformedInputTests {
    /// The first `count` bytes of a format sample, written to a temporary file of the same name.
    func truncated(_ sample: String, to count: Int) throws -> String {
        let bytes = try #require(FileManager.default.contents(atPath: Fixtures.format(sample)))
        return Fixtures.temporaryFile(bytes: Array(bytes.prefix(count)), name: (sample as NSString).lastPathComponent)
    }

    @Test func truncatedDocumentsAreReportedWithFileAndLineAndTheOtherInputsGoThrough() throws {
        let listing = "hf-html/daily-papers-2031-02-14.html"
        let listingLines = try Fixtures.lines(Fixtures.format(listing))
        let componentLine = try #require(listingLines.firstIndex { $0.contains("data-target=\"DailyPapers\"") }) + 1
        // Cut inside the data-props attribute of the DailyPapers element.
        let cut = listingLines.prefix(componentLine - 1).reduce(0) { $0 + $1.utf8.count + 1 } + 1_000
        let json = try truncated("hf-api/2031-02-14.json", to: 2_000)
        let xml = try truncated("arxiv-atom/2031-02-12.atom.xml", to: 2_500)
        let html = try truncated(listing, to: cut)
        let good = Fixtures.format("hf-api/2031-02-15.json")
        let (records, context, diagnostics) = try Fixtures.clean([json, xml, html, good])

        #expect(records.count == 3, "only the intact input gives records")
        #expect(records.allSatisfy { $0.file == "2031-02-15.json" })
        #expect(context.inputsFailed == 3)
        let lines = diagnostics.lines
        #expect(lines.count == 3)
        // The line numbers are where the documents end, computed independently here.
        func lastLine(_ path: String) throws -> Int {
            try #require(FileManager.default.contents(atPath: path)).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        #expect(lines[0].contains("\(json):\(try lastLine(json)): invalid JSON"), "\(lines[0])")
        #expect(lines[1].contains("\(xml):") && lines[1].contains("invalid XML"), "\(lines[1])")
        #expect(lines[1].contains(":\(try lastLine(xml)):"), "\(lines[1])")
        #expect(lines[2].contains("\(html):\(componentLine): data-props of <div data-target=\"DailyPapers\">: invalid JSON"), "\(lines[2])")
    }

    @Test func badSnapshotLinesAreRejectedWithTheirLineAndTheRestGoesThrough() throws {
        let good = try Fixtures.lines(Fixtures.format("arxiv-oai/2031-02-13.snapshot.jsonl"))
        let text = [good[0], "{\"id\":\"0704.9999\",\"title\":", good[1], "{\"id\":\"0704.9998\",\"abstract\":\"no title\"}", good[2]]
            .joined(separator: "\n") + "\n"
        let path = Fixtures.temporaryFile(text, name: "snapshot.jsonl")
        let (records, context, diagnostics) = try Fixtures.clean([path])
        #expect(records.map(\.line) == [1, 3, 5])
        #expect(context.recordsRejected == 2)
        #expect(diagnostics.lines.count == 2)
        #expect(diagnostics.lines[0].contains("snapshot.jsonl:2: invalid JSON"))
        #expect(diagnostics.lines[1].contains("snapshot.jsonl:4: arXiv snapshot record has no title"))
    }

    @Test func apiEntryWithoutTitleIsRejectedWithItsLine() throws {
        let text = "[\n  {\"paper\": {\"id\": \"2401.00001\", \"title\": \"A\", \"summary\": \"x\"}},\n  {\"paper\": {\"id\": \"2401.00002\"}}\n]\n"
        let path = Fixtures.temporaryFile(text, name: "day.json")
        let (records, context, diagnostics) = try Fixtures.clean([path])
        #expect(records.count == 1 && records[0].line == 2)
        #expect(context.recordsRejected == 1)
        #expect(diagnostics.lines.first?.contains("day.json:3: paper entry has no title") == true)
    }

    @Test func arxivAPIErrorEntryIsRejected() throws {
        let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <entry>
            <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
            <title>Error</title>
            <summary>incorrect id format for 1234.12345</summary>
          </entry>
        </feed>
        """
        let (records, context, diagnostics) = try Fixtures.clean([Fixtures.temporaryFile(feed, name: "error.xml")])
        #expect(records.isEmpty)
        #expect(context.recordsRejected == 1)
        #expect(diagnostics.lines.first?.contains("error.xml:3: arXiv API error: incorrect id format for 1234.12345") == true)
    }

    @Test func exitCodesOfSiftClean() throws {
        let output = Fixtures.temporaryFile("", name: "out.jsonl")
        let good = Fixtures.format("hf-api/2031-02-15.json")
        func exitCode(_ inputs: [String]) throws -> Int32 {
            do {
                var command = try CleanCommand.parse(["--quiet", "-o", output] + inputs)
                try command.run()
                return 0
            } catch let failure as StageFailure {
                return failure.code.rawValue
            }
        }
        let badRecord = Fixtures.temporaryFile("{\"id\":\"0704.0001\",\"title\":\n", name: "bad.jsonl")
        let badDocument = try truncated("arxiv-atom/2031-02-12.atom.xml", to: 1000)
        #expect(try exitCode([good]) == 0)
        #expect(try exitCode([badRecord, good]) == 1)
        #expect(try Fixtures.lines(output).count == 3, "the good input still went through")
        #expect(try exitCode([badDocument, good]) == 3)
        #expect(try Fixtures.lines(output).count == 3)
    }
}
