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

    @Test func prefilterScannerFindsEveryLiteralOfEveryRuleInOnePass() throws {
        func rule(_ id: String, _ prefilter: String, caseless: Bool = false) throws -> CompiledRule {
            try CompiledRule(try RuleFileParser.parse(text: "id: \(id)\nfield: numbers\ndescription: d\nprefilter: \(prefilter)\n"
                + (caseless ? "flags: caseless\n" : "") + "pattern: a\nmatch: [[a]]\nno-match: b\n", file: "x.rule"))
        }
        let sizes = (0...9).flatMap { ["\($0)B", "\($0)b"] }.joined(separator: " | ") + " | x"
        let rules = [try rule("sizes", sizes), try rule("arxiv", "arXiv:"), try rule("any", "ArXiv: | %", caseless: true),
                     try CompiledRule(try RuleFileParser.parse(text: "id: none\nfield: numbers\ndescription: d\npattern: a\nmatch: [[a]]\nno-match: b\n", file: "x.rule"))]
        let scanner = PrefilterScanner(rules: rules)
        func scan(_ s: String) -> [[Int]] {
            var c = s
            c.withUTF8 { text in scanner.scan(text) }
            return rules.indices.map { scanner.occurrences(of: $0) }
        }
        #expect(scan("a 7B model, ends with 9b") == [[2, 22], [], [], []])
        #expect(scan("just an x") == [[8], [], [], []])
        #expect(scan("see arXiv:2401.1 and ARXIV: 50%") == [[], [4], [4, 21, 30], []])
        #expect(scan("7 B and B7") == [[], [], [], []])
        #expect(scan("") == [[], [], [], []])
        #expect(scanner.passes(3))
        _ = scan("no literal here")
        #expect(!scanner.passes(0) && !scanner.passes(1) && !scanner.passes(2))
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
        // Without search hints every rule's prefilter is looked for (a `starts:` rule's is not otherwise).
        let rules = try RuleSet(directory: Fixtures.rulesDirectory, fullScan: true)
        #expect(rules.rules.allSatisfy { PrefilterScanner.needsScan($0) == !$0.prefilterLiterals.isEmpty })
        let paths = Fixtures.corpus + Fixtures.documentSamples
        let abstracts = try runPipeline(paths, throughJSON: false)
            .compactMap { try PaperRecord(json: JSONParser.parse($0)).abstract }
        #expect(abstracts.count > 150)
        let textRules = rules.rules.filter { RuleChecker.textFields.contains($0.field) }
        let scanner = PrefilterScanner(rules: textRules)
        var checked = 0
        for abstract in abstracts {
            var a = abstract
            try a.withUTF8Bytes { text throws in
                scanner.scan(text)
                for (i, rule) in textRules.enumerated() {
                    guard try !rule.findings(in: text).isEmpty else { continue }
                    checked += 1
                    #expect(scanner.passes(i), "\(rule.id) finds something in an abstract its prefilter rejects: \(abstract.prefix(80))")
                }
            }
        }
        #expect(checked > 250, "rules that found something (corpus and format samples alone: 276)")
    }
}
