import Foundation
import Testing
import PaperSiftCore

/// The `envelope` format: `{"file","line","text"}` per line, each read as if it were the file.
@Suite struct EnvelopeTests {
    /// One envelope line.
    func envelope(file: String, line: Int, text: String) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("file"); w.string(file)
        w.key("line"); w.int(line)
        w.key("text"); w.string(text)
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func wholeDocumentsInEnvelopesGiveTheRecordsOfTheFiles() throws {
        let files = ["hf-html/daily-papers-2031-02-14.html", "hf-html/paper-page-3102.06008.html",
                     "hf-api/2031-02-15.json", "arxiv-atom/2031-02-12.atom.xml"].map(Fixtures.format)
            + [Fixtures.corpus[0]]
        let lines = try files.map { envelope(file: "hdfs://cluster/in/" + ($0 as NSString).lastPathComponent, line: 1, text: try contents($0)) }
        let path = Fixtures.temporaryFile(lines.joined(separator: "\n") + "\n", name: "part-00000")
        let direct = try Fixtures.clean(files).0
        let (enveloped, context, diagnostics) = try Fixtures.clean([path])
        #expect(!direct.isEmpty)
        #expect(enveloped == direct)
        #expect(context.recordsRejected == 0, "\(diagnostics.lines)")
        #expect(try runPipeline([path], throughJSON: false) == runPipeline(files, throughJSON: false))
    }

    @Test func jsonLinesRecordsInEnvelopesKeepTheirSourceLine() throws {
        let source = Fixtures.format("arxiv-oai/2031-02-13.snapshot.jsonl")
        let all = try Fixtures.lines(source)
        let picked = [1, 3, 4]
        let lines = picked.map { envelope(file: "arxiv-metadata-oai-snapshot.json", line: $0, text: all[$0 - 1]) }
        let path = Fixtures.temporaryFile(lines.joined(separator: "\n"), name: "part-00001")
        let (records, _, _) = try Fixtures.clean([path])
        let direct = try Fixtures.clean([source]).0
        #expect(records.map(\.line) == picked)
        #expect(records.allSatisfy { $0.file == "arxiv-metadata-oai-snapshot.json" && $0.format == "arxiv-oai" })
        #expect(records.map { $0.paper?.title } == picked.map { direct[$0 - 1].paper?.title })
    }

    @Test func forcedFormatAppliesToTheContents() throws {
        // A text dump that starts with `<` would be sniffed as HTML; --format hf-text forces it.
        let text = "<Title with an angle bracket\n\nAn abstract.\n"
        let path = Fixtures.temporaryFile(envelope(file: "page.txt", line: 1, text: text) + "\n", name: "part-00002")
        let sniffed = try Fixtures.clean([path]).0
        let forced = try Fixtures.clean([path], format: .hfText).0
        #expect(sniffed.allSatisfy { $0.format == "html" })
        #expect(forced.map(\.format) == ["hf-text", "hf-text"])
        #expect(forced.map(\.text) == ["<Title with an angle bracket", "An abstract."])
        #expect(try Fixtures.clean([path], format: .envelope).0 == sniffed)
    }

    @Test func badEnvelopesAreRejectedAndTheOthersGoThrough() throws {
        let good = try contents(Fixtures.format("arxiv-atom/2031-02-12.atom.xml"))
        let lines = [
            envelope(file: "a.xml", line: 1, text: good),
            "not json",
            "{\"file\": \"b.xml\", \"line\": 0, \"text\": \"\"}",
            envelope(file: "dir/broken.xml", line: 1, text: String(good.prefix(900))),
            envelope(file: "c.xml", line: 1, text: good),
        ]
        let path = Fixtures.temporaryFile(lines.joined(separator: "\n") + "\n", name: "part-00003")
        let (records, context, diagnostics) = try Fixtures.clean([path])
        let entries = try Fixtures.clean([Fixtures.format("arxiv-atom/2031-02-12.atom.xml")]).0.count
        #expect(entries == 3)
        #expect(records.map(\.file) == Array(repeating: "a.xml", count: entries) + Array(repeating: "c.xml", count: entries))
        #expect(context.recordsRejected == 3)
        #expect(diagnostics.lines.count == 3)
        #expect(diagnostics.lines[0].contains("part-00003:2: envelope: invalid JSON"))
        #expect(diagnostics.lines[1].contains("part-00003:3: envelope: needs"))
        #expect(diagnostics.lines[2].contains("broken.xml:") && diagnostics.lines[2].contains("invalid XML")
                && diagnostics.lines[2].contains("(envelope part-00003:4)"), "\(diagnostics.lines[2])")
    }

    @Test func sniffingTellsEnvelopesFromSnapshotLines() {
        #expect(InputFormat.sniff(Array("{\"file\":\"x\",\"line\":1,\"text\":\"…\"}\n".utf8)) == .envelope)
        #expect(InputFormat.sniff(Array(" { \"text\": \"{\\\"id\\\":1}\", \"file\": \"x\", \"line\": 3}".utf8)) == .envelope)
        #expect(InputFormat.sniff(Array("{\"id\":\"0704.0001\",\"submitter\":\"x\"}\n".utf8)) == .arxivOAI)
        #expect(InputFormat.sniff(Array("[{\"paper\":{}}]".utf8)) == .hfAPI)
        #expect(InputFormat.sniff(Array("<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)) == .arxivAtom)
        #expect(InputFormat.sniff(Array("<!doctype html><html>".utf8)) == .html)
    }
}
