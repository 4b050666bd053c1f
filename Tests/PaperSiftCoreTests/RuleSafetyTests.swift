import Foundation
import Testing
import PaperSiftCore

/// A rule with catastrophic backtracking meets a hostile 100 KB line: PCRE2's match limit turns
/// it into one rejected record with a reason naming the rule, never a hang; the other records
/// are untouched.
@Suite struct RuleSafetyTests {
    /// A copy of the repository's rules plus a rule with nested quantifiers, `x(a+)+` before a
    /// space or the end, which backtracks exponentially on a long run of `a` followed by `!`.
    static func hostileRulesDirectory() throws -> String {
        let dir = Fixtures.temporaryDirectory() + "/rules"
        try FileManager.default.copyItem(atPath: Fixtures.rulesDirectory, toPath: dir)
        let rule = """
        id: numbers.hostile
        field: numbers
        description: A deliberately catastrophic pattern (nested quantifiers) for the robustness tests.
        pattern: (?<raw>x(a+)+(?=\\s|$))
        match: ends in [[xaaa]]
        no-match: xaaa!

        """
        _ = FileManager.default.createFile(atPath: dir + "/numbers/zz-hostile.rule", contents: Data(rule.utf8))
        return dir
    }

    static let hostileAbstract = "x" + String(repeating: "a", count: 100_000) + "!"

    @Test func theHostileRuleIsValidAndItsExamplesPass() throws {
        let r = try Tools.run("sift-extract", ["--check-rules", "--rules", try Self.hostileRulesDirectory()])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func extractRejectsTheHostileRecordAndKeepsTheOthers() throws {
        let rules = try Self.hostileRulesDirectory()
        var lines = Fixtures.textLines(Fixtures.stageInput["sift-extract"]!)
        let good = lines.count
        let hostile = Occurrence(file: "hostile.txt", line: 17, format: "hf-text", title: "Hostile", abstract: Self.hostileAbstract)
        lines.insert(hostile.jsonString(), at: 5)
        let input = Fixtures.temporaryFile(lines.map { $0 + "\n" }.joined(), name: "occurrences.jsonl")
        let rejects = Fixtures.temporaryDirectory() + "/rejects.jsonl"
        let r = try Tools.run("sift-extract", ["--rules", rules, "--stats", "--rejects", rejects, input])
        #expect(r.status == 1)
        #expect(r.stdoutLines.count == good)
        #expect(r.stderr.contains("sift-extract: hostile.txt:17: PCRE2 match error"))
        #expect(r.stderr.contains("match limit exceeded (rule numbers.hostile, \(rules)/numbers/zz-hostile.rule)"))
        let rejected = Fixtures.textLines(rejects)
        #expect(rejected.count == 1)
        let raw = try JSONParser.parse(rejected[0])["raw"]?.stringValue ?? ""
        #expect(try Occurrence(json: JSONParser.parse(raw)) == hostile)
        expectBalancedStats(r.stderr)
    }

    @Test func theFusedRunRejectsItTooWithTheSameAccount() throws {
        let rules = try Self.hostileRulesDirectory()
        let text = "Hostile Title\n\n" + Self.hostileAbstract + "\n\n  • 2 authors\n·\nSep 10, 2019\n"
        let path = Fixtures.temporaryFile(text, name: "hostile.txt")
        let fused = try Tools.run("sift", ["run", "--rules", rules, "--stats", path, Fixtures.corpus[0]])
        #expect(fused.status == 1)
        #expect(fused.stderr.contains("sift-extract: hostile.txt:1: PCRE2 match error"))
        let expected = try Tools.run("sift", ["run", Fixtures.corpus[0]])
        expectSameOutput(fused.stdout, expected.stdout)
        let stats = expectBalancedStats(fused.stderr)
        #expect(stats.first(where: { $0.stage == "sift-extract" })?.rejected == 1)
    }
}
