import Foundation
import Testing
@testable import PaperSiftCore

/// Includes, `continue:` lists, prefilters and benchmark-name merging, on small made-up rules.
@Suite struct RuleMechanicsTests {
    /// A temporary rules directory holding `files` (path → text).
    func rulesDirectory(_ files: [String: String]) -> String {
        let dir = NSTemporaryDirectory() + "papersift-rules-" + UUID().uuidString
        for (path, text) in files {
            let full = dir + "/" + path
            try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        return dir
    }

    func raws(_ rule: CompiledRule, _ text: String) throws -> [String] {
        var copy = text
        return try copy.withUTF8Bytes { buf throws(PatternMatchError) in try rule.findings(in: buf) }.map(\.raw)
    }

    @Test func listAndPatternIncludesAreExpandedFromTheRulesDirectory() throws {
        let dir = rulesDirectory([
            "x/names.txt": "# known\nMMLU\nMMLU-Pro\n\nGSM8K\n",
            "x/edge.pcre": "# a word edge\n(?<![\\w-])\n",
            "x/a.rule": "id: x.a\nfield: benchmarks\ndescription: d\npattern: {{pattern:x/edge.pcre}}(?<raw>{{list:x/names.txt}})(?![\\w-])\nmatch: on [[MMLU-Pro]] and [[GSM8K]]\nno-match: MMLUX\n",
        ])
        let rules = try RuleSet(directory: dir)
        let rule = try #require(rules.rule(id: "x.a"))
        #expect(try raws(rule, "MMLU, MMLU-Pro and GSM8K but not XMMLU") == ["MMLU", "MMLU-Pro", "GSM8K"])
        #expect(RuleChecker.check(rules.rules).failures.isEmpty)
    }

    @Test func aMissingIncludeNamesTheRuleFileAndPatternLine() {
        let dir = rulesDirectory(["x/a.rule": "id: x.a\nfield: benchmarks\ndescription: d\npattern: {{list:x/none.txt}}\nmatch: [[a]]\nno-match: b\n"])
        #expect {
            _ = try RuleSet(directory: dir)
        } throws: { error in
            "\(error)".hasPrefix(dir + "/x/a.rule:4: include 'x/none.txt'")
        }
    }

    @Test func continuationPatternsTakeTheRestOfAListAnchoredAtEachEnd() throws {
        let text = "id: x.list\nfield: benchmarks\ndescription: d\nflags: extended\n"
            + "pattern: such \\s as \\s (?<raw>[A-Z]\\w+)\n"
            + "continue: (?: ,\\s | \\s and \\s ) (?<raw>[A-Z]\\w+)\n"
            + "match: such as [[Alpha]], [[Beta]] and [[Gamma]]. Delta, Epsilon\nno-match: such as alpha\n"
        let rule = try CompiledRule(try RuleFileParser.parse(text: text, file: "x.rule"))
        #expect(try raws(rule, "such as Alpha, Beta and Gamma. Delta, Epsilon; such as Zeta and Eta") ==
                ["Alpha", "Beta", "Gamma", "Zeta", "Eta"])
    }

    @Test func prefilterFindsAnyOfManyLiteralsThroughTheBytePairIndex() {
        let filter = LiteralPrefilter((0...9).flatMap { ["\($0)B", "\($0)b"] }.map { Array($0.utf8) } + [Array("x".utf8)])
        func test(_ s: String, _ f: LiteralPrefilter? = nil) -> Bool {
            var c = s
            return c.withUTF8 { text in
                var index = BytePairIndex()
                index.index(text)
                return (f ?? filter).matches(text, index: index)
            }
        }
        #expect(test("a 7B model"))
        #expect(test("ends with 9b"))
        #expect(test("just an x"))
        #expect(test("no sizes here") == false)
        #expect(test("7 B and 9 b") == false)
        #expect(test("B7 and b9") == false)
        #expect(test("") == false)
        let long = LiteralPrefilter([Array("arxiv:".utf8)])
        #expect(test("an array of arxiv links", long) == false)
        #expect(test("see arxiv:2401.00001", long))
    }

    @Test func benchmarkNamesDropRepeatsAndHalvesOfParenthesisedForms() {
        func f(_ raw: String) -> Finding { Finding(rule: "r", raw: raw, start: 0, end: 0, groups: []) }
        let names = BenchmarkNames.names([f("Big-Bench Hard (BBH)"), f("BBH"), f("MuJoCo"), f("Mujoco"),
                                          f("Big-Bench Hard"), f("GRUE (General Evaluation)"), f("GRUE"), f("MATH-500")])
        #expect(names == ["Big-Bench Hard (BBH)", "MuJoCo", "GRUE (General Evaluation)", "MATH-500"])
    }
}

/// Prefilters are a speed-up only: on every abstract of the seed corpus and the real samples, a
/// rule that finds something also passes its prefilter.
@Suite struct PrefilterSoundnessTests {
    @Test func everyRuleThatFindsSomethingPassesItsPrefilter() throws {
        let rules = Fixtures.rules
        let paths = Fixtures.corpus + Fixtures.realSamples.map(Fixtures.real)
        let abstracts = try runPipeline(paths, throughJSON: false)
            .compactMap { try PaperRecord(json: JSONParser.parse($0)).abstract }
        #expect(abstracts.count > 400)
        var textIndex = BytePairIndex(), loweredIndex = BytePairIndex()
        var checked = 0
        for abstract in abstracts {
            let lowered = asciiLowercased(abstract)
            var a = abstract, l = lowered
            try a.withUTF8Bytes { text throws in
                try l.withUTF8Bytes { low throws in
                    textIndex.index(text)
                    loweredIndex.index(low)
                    for rule in rules.rules where RuleChecker.textFields.contains(rule.field) {
                        guard try !rule.findings(in: text).isEmpty else { continue }
                        checked += 1
                        #expect(rule.passesPrefilter(text: text, lowered: low, textIndex: textIndex, loweredIndex: loweredIndex),
                                "\(rule.id) finds something in an abstract its prefilter rejects: \(abstract.prefix(80))")
                    }
                }
            }
        }
        #expect(checked > 300)
    }
}
