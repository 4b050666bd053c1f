import Foundation
import Testing
import PaperSiftCore

/// What each number measures (issue 15): the repository's rules and `ResultResolver` on sentences
/// written for these tests, the alias table, `sift results` rows and formats, and the floors on
/// the dev gold (read from ../shared at test time).
@Suite struct ResultTests {
    func record(_ abstract: String, title: String = "T") throws -> PaperRecord {
        let rules = Fixtures.rules
        let occurrence = Occurrence(file: "t.txt", line: 1, format: "hf-text", title: title, abstract: abstract)
        return Normalizer(rules: rules).normalize(try Extractor(rules: rules).extract(occurrence))
    }

    /// `[field: value]` of each number (null fields left out), in text order.
    func described(_ r: PaperRecord) -> [[String: String]] {
        r.numbers.map { n in
            var d: [String: String] = [:]
            for (k, v) in n.context { if let v { d[k] = v } }
            return d
        }
    }

    @Test func everyNumberCarriesTheFourFieldsEvenWhenNull() throws {
        let r = try record("Our method reduces memory by 40%.")
        let keys = r.numbers[0].context.map(\.0)
        #expect(keys == ["metric", "benchmark", "benchmark_id", "baseline", "kind"])
        #expect(r.numbers[0].field("benchmark") == nil)
        #expect(r.numbers[0].field("kind") == "change")
        #expect(r.numbers[0].jsonString().contains("\"benchmark\":null"))
    }

    @Test func aScoreOnANamedBenchmark() throws {
        let d = described(try record("The model achieves 73.3% on AIME 2025 without tools."))
        #expect(d[0]["benchmark"] == "AIME 2025")
        #expect(d[0]["benchmark_id"] == "aime2025")
        #expect(d[0]["kind"] == "score")
    }

    @Test func respectivelyListsPairBenchmarksAndNumbersInOrder() throws {
        let d = described(try record("On MMLU, GSM8K and HumanEval it reaches 71.2%, 80.5% and 64.0%, respectively, "
            + "about 5% above the baseline."))
        #expect(d.map { $0["benchmark"] } == ["MMLU", "GSM8K", "HumanEval", nil])
    }

    @Test func aChangeOverABaselineWithItsMetric() throws {
        let d = described(try record("It improves accuracy by 4.5% over GRPO on MATH-500."))
        #expect(d[0]["metric"] == "accuracy")
        #expect(d[0]["baseline"] == "GRPO")
        #expect(d[0]["benchmark"] == "MATH-500")
        #expect(d[0]["kind"] == "change")
    }

    @Test func fromAToBOnABenchmarkAreTwoScores() throws {
        let d = described(try record("Accuracy rises from 54.8% to 81.0% on GSM8K."))
        #expect(d.count == 2)
        #expect(d.allSatisfy { $0["benchmark"] == "GSM8K" && $0["kind"] == "score" && $0["metric"] == "Accuracy" })
    }

    @Test func aNumberInParenthesesAfterItsBenchmark() throws {
        let d = described(try record("It sets a new state of the art on MMLU (73.3%) and GSM8K (80.1%)."))
        #expect(d.map { $0["benchmark"] } == ["MMLU", "GSM8K"])
    }

    @Test func aBenchmarkNamedInTheSentenceBefore() throws {
        let d = described(try record("We evaluate on GSM8K. Our model reaches 85.2% accuracy while using 40% less memory."))
        #expect(d[0]["benchmark"] == "GSM8K")
        #expect(d[0]["metric"] == "accuracy")
        // Memory is the model's own figure: no benchmark from another sentence.
        #expect(d[1]["benchmark"] == nil)
    }

    @Test func numbersOfNoOneBenchmark() throws {
        let d = described(try record("We evaluate on MMLU and GSM8K. It gains an average 8% improvement across various "
            + "benchmarks and uses 5% of the training data."))
        #expect(d[0]["benchmark"] == nil)
        #expect(d[1]["benchmark"] == nil)
        #expect(d[1]["kind"] == "other")
        #expect(d[1]["metric"] == "training data")
    }

    @Test func aNumberLinkedToSomethingElseTakesNoBenchmarkOfItsSentence() throws {
        let d = described(try record("It speeds up sampling by 4.5x in ImageNet and 2.5x in Img64cond."))
        #expect(d[0]["benchmark"] == "ImageNet")
        #expect(d[1]["benchmark"] == nil)
    }

    @Test func coordinatedNumbersShareTheBaseline() throws {
        let d = described(try record("It gives a 3.2% improvement and 2.96x speedup over Qwen2-VL."))
        #expect(d.map { $0["baseline"] } == ["Qwen2-VL", "Qwen2-VL"])
        #expect(d[1]["metric"] == "speedup")
    }

    @Test func theTitleNamesTheWholeBenchmark() throws {
        let abstract = "We introduce Open FooArena, a new benchmark of puzzles. The best agent reaches only 40.0% accuracy."
        #expect(described(try record(abstract, title: "Open FooArena: A Benchmark for Agents"))[0]["benchmark"] == "Open FooArena")
        #expect(described(try record(abstract, title: "Puzzles for Agents"))[0]["benchmark"] == "FooArena")
    }

    @Test func aRespectivelyListThatCannotBePairedGivesNoBenchmark() throws {
        // `Wan 2.1` is no benchmark the rules find: two numbers, one benchmark.
        let d = described(try record("It reaches up to 2.30x and 1.89x speedup on HunyuanVideo and Wan 2.1, respectively."))
        #expect(d.map { $0["benchmark"] } == [nil, nil])
        let after = described(try record("It scores 88.6% and 66.6% on the benchmarks Spider and BIRD, respectively."))
        #expect(after.map { $0["benchmark"] } == ["Spider", "BIRD"])
    }

    @Test func aBenchmarkBeforeAColonAndABaselineOverAList() throws {
        let d = described(try record("It matches the subset (MATH500: 73.6%). It outperforms GRPO by 99% on AIME, 41% on AMC, "
            + "and 17% on Minerva Math."))
        #expect(d[0]["benchmark"] == "MATH500")
        #expect(d[0]["benchmark_id"] == "math500")
        #expect(d[1...].map { $0["baseline"] } == ["GRPO", "GRPO", "GRPO"])
        #expect(d[1...].map { $0["benchmark"] } == ["AIME", "AMC", "Minerva Math"])
    }

    @Test func sharesAndBareFiguresTakeNoBenchmarkFromTheSentenceBefore() throws {
        let d = described(try record("We evaluate on GSM8K. Training on the 80% lowest-entropy tokens hurts. "
            + "Some 40% are long. It reaches 71.0% accuracy."))
        #expect(d.map { $0["benchmark"] } == [nil, nil, "GSM8K"])
        #expect(d[0]["kind"] == "other")
    }

    @Test func aParenthesisedNumberIsNotReportedOnTheNextParenthesisBenchmark() throws {
        let d = described(try record("It does well on paper review (58% success), safety (100% on a JailbreakBench subset) "
            + "and gains +5.6% on MMVet, but also +50% in legged robot tasks."))
        #expect(d.map { $0["benchmark"] } == [nil, "JailbreakBench", "MMVet", nil])
    }

    @Test func theFirstNameOfAListOrANumberOverManyBenchmarksIsNoBenchmark() throws {
        let d = described(try record("It outperforms baselines by up to 18% on benchmarks such as MMLU, CLIP Score and GenEval. "
            + "On MATH-500 it rises from 36.0% to 73.6%, and the average across six reasoning benchmarks from 17.6% to 35.7%."))
        #expect(d.map { $0["benchmark"] } == [nil, "MATH-500", "MATH-500", nil, nil])
    }

    @Test func aliasesGiveOneIDPerBenchmark() throws {
        let aliases = Fixtures.rules.benchmarkAliases
        #expect(aliases.id("MMLU-Pro") == aliases.id("MMLU Pro"))
        #expect(aliases.id("SWE-bench Verified") == aliases.id("SWE-Bench-Verified"))
        #expect(aliases.id("AIME24") == "aime2024")
        #expect(aliases.id("HumanEval+") == "humanevalplus")
        #expect(aliases.id("HumanEval+") != aliases.id("HumanEval"))
        #expect(aliases.canonicalName("BBH") == "BIG-Bench Hard")
    }

    @Test func theAliasTableRefusesASpellingListedTwice() {
        #expect(throws: RuleError.self) {
            _ = try BenchmarkAliases.parse(text: "name: MMLU-Pro\naliases: MMLU Pro\n", file: "a.txt")
        }
        #expect(throws: RuleError.self) {
            _ = try BenchmarkAliases.parse(text: "aliases: X\n", file: "a.txt")
        }
        let ok = try? BenchmarkAliases.parse(text: "# c\nname: A-1\naliases: Alpha One | A1x\n\nname: B\n", file: "a.txt")
        #expect(ok?.entries.count == 2)
        #expect(ok?.id("alpha one") == "a1")
    }

    @Test func sentencesDoNotEndAtAbbreviationsOrDecimals() {
        let text = Array("It works, e.g. GPT-4o gets 3.5% vs. 2.1%. Next one! Last".utf8)
        let s = SentenceBounds.sentences(text)
        #expect(s.count == 3)
        #expect(String(decoding: text[s[0]], as: UTF8.self) == "It works, e.g. GPT-4o gets 3.5% vs. 2.1%. ")
    }

    @Test func clausesAreCutAtSemicolonsWhileButAndANewSubject() {
        let text = Array("A reaches 5%; B gets 6%, while C gets 7%, but D fails, and we see E, and F, respectively, G.".utf8)
        let parts = SentenceBounds.clauses(text, in: 0..<text.count).map { String(decoding: text[$0], as: UTF8.self) }
        #expect(parts == ["A reaches 5%;", " B gets 6%", ", while C gets 7%", ", but D fails", ", and we see E, and F, respectively, ", "G."])
    }

    @Test func resultRowsCarryTheSentenceOfEachNumber() throws {
        var r = try record("Scores of 36/37/38% hold. It also reaches 5% and 5% again.")
        r.arxivID = "2501.00001"
        let rows = ResultRows.rows(of: r)
        #expect(rows.map(\.value) == [36, 37, 38, 5, 5])
        #expect(rows[0].span == "Scores of 36/37/38% hold.")
        #expect(rows[4].span == "It also reaches 5% and 5% again.")
        #expect(rows[0].arxivID == "2501.00001")
        #expect(ResultRows.rows(of: r, withBenchmark: true).isEmpty)
    }

    @Test func csvQuotesLikeRFC4180AndTSVHasNoTabsInFields() {
        let row = ResultRow(id: "title:1", arxivID: nil, title: "A, \"B\"", benchmark: "X", benchmarkID: "x", metric: nil,
                            value: 81, unit: "%", kind: "score", baseline: nil, raw: "81.0%", span: "a\tb\nc")
        #expect(ResultFormat.csv.header == "id,arxiv_id,title,benchmark,benchmark_id,metric,value,unit,kind,baseline,raw,span\r\n")
        #expect(ResultFormat.csv.line(row) == "title:1,,\"A, \"\"B\"\"\",X,x,,81,%,score,,81.0%,\"a\tb\nc\"\r\n")
        #expect(ResultFormat.tsv.line(row) == "title:1\t\tA, \"B\"\tX\tx\t\t81\t%\tscore\t\t81.0%\ta b c\n")
        let json = ResultFormat.jsonl.line(row)
        #expect(json.hasPrefix("{\"id\":\"title:1\",\"arxiv_id\":null,\"title\":\"A, \\\"B\\\"\""))
        #expect(json.contains("\"value\":81,"))
    }

    @Test func aBenchmarkThatIsTheClauseSubjectIsNotWhatTheNumberIsOn() throws {
        let subject = described(try record("Additionally, FooQA Fast improves inference speed 7x while keeping accuracy."))
        #expect(subject[0]["benchmark"] == nil)
        let object = described(try record("We introduce FooQA, a new suite, and find that current models reach only 31% accuracy."))
        #expect(object[0]["benchmark"] == "FooQA")
    }

    @Test func aNumberInAnotherClauseWithATargetOfItsOwnTakesNoBenchmark() throws {
        let d = described(try record("Compared to the base model, it gains 5% on MMLU, but also excels in robot control tasks with 40% average gains."))
        #expect(d.map { $0["benchmark"] } == ["MMLU", nil])
        let inherited = described(try record("On MMLU, the base model reaches 60% accuracy, while the tuned model reaches 70%."))
        #expect(inherited.map { $0["benchmark"] } == ["MMLU", "MMLU"])
    }

    @Test func aNumberOnAListOfBenchmarksTakesNone() throws {
        let d = described(try record("It outperforms most baselines by about 10% on both MMLU and Wiki."))
        #expect(d[0]["benchmark"] == nil)
        let undetected = described(try record("The model reaches 80% accuracy on GSM8K and Wiki."))
        #expect(undetected[0]["benchmark"] == nil)
        let newClause = described(try record("It achieves a 79.8% gain on GSM8K, and FooModel outperforms baselines in color."))
        #expect(newClause[0]["benchmark"] == "GSM8K")
    }

    @Test func carryOverNeedsAResultAndNoOtherTarget() throws {
        let carried = described(try record("We evaluate on GSM8K. The model reaches 80% accuracy."))
        #expect(carried[0]["benchmark"] == "GSM8K")
        let across = described(try record("We evaluate on GSM8K. It improves accuracy by 3% on average across five reasoning benchmarks."))
        #expect(across[0]["benchmark"] == nil)
        let named = described(try record("We evaluate on GSM8K. In Foo-World, it raises the success rate from 50% to 60%."))
        #expect(named.allSatisfy { $0["benchmark"] == nil })
        let multiplier = described(try record("We evaluate on GSM8K. It improves training efficiency by up to 2.5x."))
        #expect(multiplier[0]["benchmark"] == nil)
    }

    @Test func numbersAfterARespectivelyListAndSpaceVersions() throws {
        let r = try record("It reaches 68.6% and 72.9% pass@1 on HumanEval v2 and RTLLM v1.1, respectively, surpassing prior work by 12%.")
        #expect(described(r).map { $0["benchmark"] } == ["HumanEval v2", "RTLLM v1.1", nil])
    }

    @Test func aKnownNameTakesNoGluedLaTeXResidue() throws {
        let r = try record("On the ImageNet-64times 64 generation benchmark, the model reaches a low FID and 2x speed.")
        #expect(!r.benchmarks.contains { $0.hasSuffix("times") })
        #expect(described(r).allSatisfy { $0["benchmark"] == nil })
    }

    /// The floors, on the dev set of real abstracts (skipped when ../shared is absent).
    @Test func theDevGoldFloors() throws {
        let shared = Fixtures.root + "/../shared"
        let scorer = shared + "/tools/score_results.py", gold = shared + "/gold/dev.gold.jsonl"
        let corpus = shared + "/corpus-dev/hf-api"
        guard FileManager.default.fileExists(atPath: scorer), FileManager.default.fileExists(atPath: gold),
              Fixtures.isDirectory(corpus) else {
            print("ResultTests.theDevGoldFloors: skipped: ../shared absent")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".json") }.sorted()
        let out = Fixtures.temporaryDirectory() + "/dev.papers.jsonl"
        let lines = try runPipeline(files.map { corpus + "/" + $0 }, throughJSON: false)
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        let result = try Tools.shell("python3 '\(scorer)' --gold '\(gold)' '\(out)' --min benchmark_agreement=0.90 "
            + "--min benchmark_recall=0.85 --min benchmark_precision=0.90 --min baseline_recall=0.75 "
            + "--min baseline_precision=0.85 --min metric_recall=0.75")
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))\(result.stderr)")
    }
}
