import Testing
import PaperSiftCore

@Suite struct LiteralTrieTests {
    func matches(_ literals: [String], in text: String) throws -> [String] {
        let pattern = try PCRE2Pattern("(?<![\\p{L}\\p{N}_])(?:" + LiteralTrie.alternation(of: literals) + ")(?![\\p{L}\\p{N}_])")
        let bytes = Array(text.utf8)
        return try pattern.allMatches(in: text).map { String(decoding: bytes[$0.span.start..<$0.span.end], as: UTF8.self) }
    }

    @Test func longestLiteralWinsAndPrefixesStillMatch() throws {
        let names = ["Google", "Google Research", "Google DeepMind", "Goldman Sachs", "A*STAR", "01.AI"]
        #expect(try matches(names, in: "Google Research and Google DeepMind, not Googlers; Google alone") ==
                ["Google Research", "Google DeepMind", "Google"])
        #expect(try matches(names, in: "Google Researchers at Goldman Sachs") == ["Google", "Goldman Sachs"])
        #expect(try matches(names, in: "A*STAR and 01.AI but not 01xAI") == ["A*STAR", "01.AI"])
    }

    @Test func spaceMatchesAnyWhitespaceRun() throws {
        #expect(try matches(["Hugging Face"], in: "Hugging  Face") == ["Hugging  Face"])
    }
}
