import Testing
import PaperSiftCore

/// Every rule's own examples, under every variant (plain, multibyte prefix, CRLF, NFD).
@Suite struct RuleTests {
    @Test func everyRuleExamplePasses() {
        let (count, failures) = RuleChecker.check(Fixtures.rules.rules)
        #expect(count > 0)
        for f in failures { Issue.record(Comment(rawValue: f.description)) }
    }

    @Test func everyRuleHasMatchAndNoMatchExamples() {
        for rule in Fixtures.rules.rules {
            #expect(!rule.definition.matchExamples.isEmpty, "\(rule.id)")
            #expect(!rule.definition.noMatchExamples.isEmpty, "\(rule.id)")
        }
    }

    @Test func invalidPatternNamesFileLineAndPCRE2Error() {
        let text = "id: bad.rule\nfield: numbers\ndescription: broken\npattern: (?<raw>\\d+(\nmatch: [[1]]\nno-match: x\n"
        do {
            let def = try RuleFileParser.parse(text: text, file: "rules/bad.rule")
            _ = try CompiledRule(def)
            Issue.record("an invalid pattern compiled")
        } catch {
            #expect(error.description.hasPrefix("rules/bad.rule:4: PCRE2 error at offset"))
            #expect(error.description.contains("missing closing parenthesis"))
        }
    }

    @Test func ruleWithoutExamplesIsRefused() {
        #expect(throws: RuleError.self) {
            try RuleFileParser.parse(text: "id: a.b\nfield: numbers\ndescription: d\npattern: x\n", file: "r.rule")
        }
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimitInsteadOfHanging() throws {
        let pattern = try PCRE2Pattern("(a+)+$")
        let hostile = String(repeating: "a", count: 100_000) + "!"
        #expect(throws: PatternMatchError.self) { try pattern.allMatches(in: hostile) }
    }

    @Test func matchOffsetsAreBytesIntoUTF8() throws {
        let pattern = try PCRE2Pattern("(?<raw>\\d+%)")
        let text = "é🚀 gain 12%"
        let m = try pattern.allMatches(in: text)
        #expect(m.count == 1)
        #expect(m[0].span == ByteSpan(start: 12, end: 15))
        #expect(Array(text.utf8)[12..<15] == Array("12%".utf8)[...])
    }
}
