import Testing
import PaperSiftCore

/// The segmenter on the variations of real Daily Papers dumps.
@Suite struct SegmenterTests {
    static let header = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nJan 1\n\n"

    func occurrences(_ text: String) throws -> [Occurrence] {
        let path = Fixtures.temporaryFile(text, name: "page.txt")
        let (context, _) = Fixtures.context()
        var cleaned: [CleanRecord] = []
        try Cleaner(rules: Fixtures.rules).clean(path: path, context: context) { cleaned.append($0) }
        let segmenter = Segmenter(rules: Fixtures.rules)
        var out: [Occurrence] = []
        for c in cleaned { try segmenter.process(c, context: context) { out.append($0) } }
        try segmenter.finish(context: context) { out.append($0) }
        return out
    }

    @Test func authorsCountAndFullDate() throws {
        let o = try occurrences(Self.header + "Title A\n\nAbstract A.\n\n  • 3 authors\n·\nSep 10, 2019\n")
        #expect(o.count == 1)
        #expect(o[0].title == "Title A")
        #expect(o[0].line == 13)
        #expect(o[0].abstract == "Abstract A.")
        #expect(o[0].authorsCount == 3)
        #expect(o[0].date == "Sep 10, 2019")
        #expect(o[0].upvotes == 0)
        #expect(o[0].org == nil)
    }

    @Test func organisationLineAndUpvotes() throws {
        let o = try occurrences(Self.header + "Title B\n\nAbstract B.\n\namazon Amazon\n·\nOct 10, 2025 2\n")
        #expect(o.count == 1)
        #expect(o[0].org == ListingOrg(handle: "amazon", name: "Amazon"))
        #expect(o[0].authorsCount == nil)
        #expect(o[0].upvotes == 2)
    }

    @Test func dateWithoutYearKeepsUpvotes() throws {
        let o = try occurrences(Self.header + "Title C\n\nAbstract C.\n\n  • 5 authors\n·\nApr 9 2\n")
        #expect(o[0].date == "Apr 9")
        #expect(o[0].upvotes == 2)
    }

    @Test func missingMetadataAndNoDailyPapersLine() throws {
        let page = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 12\n\n"
            + "Title D\n\nAbstract D.\n\nTitle E\n\nAbstract E.\n\n  • 2 authors\n·\nMar 1, 2024\n\nTitle F\n\nAbstract F."
        let o = try occurrences(page)
        #expect(o.map(\.title) == ["Title D", "Title E", "Title F"])
        #expect(o.map(\.line) == [11, 15, 23])
        #expect(o[0].date == nil && o[0].upvotes == nil && o[0].authorsCount == nil)
        #expect(o[1].authorsCount == 2)
        #expect(o[2].abstract == "Abstract F.")
    }

    @Test func crlfAndByteOrderMarkDoNotChangeTheRecords() throws {
        let plain = Self.header + "Title G\n\nAbstract G.\n\n  • 4 authors\n·\nJan 2, 2024 7\n"
        let crlf = "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try occurrences(plain) == occurrences(crlf))
    }

    @Test func metadataWithoutAPaperIsRejectedNotDropped() throws {
        let path = Fixtures.temporaryFile("  • 3 authors\n·\nSep 10, 2019\n", name: "orphan.txt")
        let (context, diagnostics) = Fixtures.context()
        var cleaned: [CleanRecord] = []
        try Cleaner(rules: Fixtures.rules).clean(path: path, context: context) { cleaned.append($0) }
        let segmenter = Segmenter(rules: Fixtures.rules)
        var out: [Occurrence] = []
        for c in cleaned { try segmenter.process(c, context: context) { out.append($0) } }
        #expect(out.isEmpty)
        #expect(context.recordsRejected == 1)
        #expect(diagnostics.lines.first?.contains("orphan.txt:1:") == true)
    }
}
