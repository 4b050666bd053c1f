import Testing
import PaperSiftCore

/// What the repository's rules make of real-looking sentences, through the extractor and the
/// normaliser (the same code path as `sift-extract | sift-normalize`).
@Suite struct ExtractionTests {
    /// The normalised record of one abstract.
    func record(_ abstract: String) throws -> PaperRecord {
        let rules = Fixtures.rules
        let occurrence = Occurrence(file: "t.txt", line: 1, format: "hf-text", title: "T", abstract: abstract)
        let extracted = try Extractor(rules: rules).extract(occurrence)
        return Normalizer(rules: rules).normalize(extracted)
    }

    @Test func benchmarksKeepTheParenthesisedFormAndDropRepeatsAndGenericWords() throws {
        let r = try record("Orca beats Vicuna-13B on benchmarks like Big-Bench Hard (BBH) and 42% on AGIEval. "
            + "It reaches parity on the BBH benchmark. We evaluate on MuJoCo and the Mujoco suite, "
            + "and report results on the MultiWOZ dataset.")
        #expect(r.benchmarks == ["Big-Bench Hard (BBH)", "AGIEval", "MuJoCo", "MultiWOZ"])
    }

    @Test func benchmarksAreNotModelsTaskKindsOrTrainingData() throws {
        let r = try record("We fine-tune Llama-3-8B on GPT-4 outputs, pretrained on ImageNet, and report "
            + "gains on STEM tasks and results on LLMs with RLHF benchmarks.")
        #expect(r.benchmarks == [])
    }

    @Test func listsAfterACueGiveOneNamePerItem() throws {
        let r = try record("Our experiments on various environments like Cartpole, Pong, Freeway and Mountain Car show "
            + "robustness. On WebArena-Lite, WebRL improves the success rate.")
        #expect(r.benchmarks == ["Cartpole", "Pong", "Freeway", "Mountain Car", "WebArena-Lite"])
    }

    @Test func modelSizesAreParameterCountsInBillions() throws {
        let r = try record("TinyCLIP ViT-8M/16, trained on YFCC-15M and LAION-5B, beats Qwen-3-32B and Llama2-7b; "
            + "a 13-billion parameter model, 3 to 30B base models, 2T tokens and 9 million images.")
        #expect(r.modelSizes.map(\.raw) == ["8M", "32B", "7b", "13-billion", "3 to 30B", "3 to 30B"])
        #expect(r.modelSizes.map(\.value) == [0.008, 32, 7, 13, 3, 30])
    }

    /// A number of hundreds of digits is no Double: it would be written as `null`, which the
    /// next stage refuses. It is left out of the typed numbers; the numbers beside it stay.
    @Test func numbersTooLargeForADoubleAreNotTyped() throws {
        let huge = String(repeating: "9", count: 400)
        let r = try record("Accuracy rises by \(huge)% and by 12% on MMLU with a \(huge)B and a 7B model.")
        #expect(r.numbers.map(\.value) == [12])
        #expect(r.modelSizes.map(\.value) == [7])
        var w = JSONWriter()
        r.write(to: &w)
        #expect(!String(decoding: w.bytes, as: UTF8.self).contains("\"value\":null"))
    }

    @Test func numbersGetTheMetricBenchmarkAndBaselineTheSentenceNames() throws {
        let r = try record("Our method achieves a 2.04x speedup on the Alpaca dataset (an additional 7.2% improvement "
            + "over the baseline speculative decoding), and it outperforms DAC by 20%.")
        let byRaw = Dictionary(uniqueKeysWithValues: r.numbers.map { n in
            (n.raw, Dictionary(uniqueKeysWithValues: n.context.compactMap { k, v in v.map { (k, $0) } }))
        })
        #expect(byRaw["2.04x"] == ["metric": "speedup", "benchmark": "Alpaca", "benchmark_id": "alpaca", "kind": "change"])
        // The sentence's one benchmark is also what the other two numbers are reported on.
        #expect(byRaw["7.2%"] == ["metric": "improvement", "benchmark": "Alpaca", "benchmark_id": "alpaca",
                                  "baseline": "baseline", "kind": "change"])
        #expect(byRaw["20%"] == ["benchmark": "Alpaca", "benchmark_id": "alpaca", "baseline": "DAC", "kind": "change"])
    }

    @Test func changesRangesAndMultipliersGiveOneEntryPerValue() throws {
        let r = try record("Accuracy rises from 54.8% to 81.0%, by 10%-30% and 12-15% overall, ~3x faster, "
            + "a 100-fold gain; 10-fold cross-validation, repeated 5 times.")
        #expect(r.numbers.map(\.value) == [54.8, 81, 10, 30, 12, 15, 3, 100])
        #expect(r.numbers.map(\.unit) == ["%", "%", "%", "%", "%", "%", "x", "x"])
        #expect(r.numbers[0].context.first { $0.0 == "direction" }?.1 == "from")
        #expect(r.numbers[1].context.first { $0.0 == "direction" }?.1 == "to")
        #expect(r.numbers[6].raw == "~3x")
    }

    @Test func linksOfEveryKindAreCanonical() throws {
        let r = try record("See arXiv:2401.12345v2, https://arxiv.org/pdf/2310.06825.pdf and doi:10.1145/3442188.3445922. "
            + "Paper page huggingface.co/papers/2401.00001, code https://github.com/ microsoft/Orca and "
            + "https://github.com/foo/bar.git/tree/main/src, data https://hf.co/datasets/squad.")
        #expect(r.links.map(\.url) == [
            "https://arxiv.org/abs/2401.12345v2", "https://arxiv.org/abs/2310.06825",
            "https://doi.org/10.1145/3442188.3445922", "https://huggingface.co/papers/2401.00001",
            "https://github.com/microsoft/Orca", "https://github.com/foo/bar", "https://huggingface.co/datasets/squad"])
        #expect(r.links.map(\.kind) == ["arxiv", "arxiv", "other", "hf_paper", "github", "github", "hf_dataset"])
        #expect(r.links[0].part("id") == .string("2401.12345"))
        #expect(r.links[0].part("version") == .int(2))
        #expect(r.links[1].part("version") == .null)
        #expect(r.links[2].part("doi") == .string("10.1145/3442188.3445922"))
        #expect(r.links[5].part("path") == .string("/tree/main/src"))
    }

    @Test func organisationsComeFromTextLinksAndTheAliasTable() throws {
        let r = try record("Unlike ChatGPT and Llama, our model from Google DeepMind uses the DeepMind Control Suite; "
            + "code at https://github.com/microsoft/foo and https://aka.ms/bar.")
        #expect(r.orgs.map(\.name) == ["Microsoft", "Google DeepMind", "DeepMind"])
        #expect(r.orgs.map(\.source) == ["link", "text", "text"])
    }
}

/// Organisations from account handles, names before a hyphen, and which links may credit one.
@Suite struct OrganisationEvidenceTests {
    @Test func labShapedHandlesAndNamesBeforeAHyphenAreOrganisationsPersonalAccountsAreNot() throws {
        let rules = Fixtures.rules
        var occurrence = Occurrence(file: "t.txt", line: 1, format: "hf-api", title: "T",
            abstract: "Unlike OpenAI-o1, our agent is open. Code: https://github.com/acme-lab/tool, "
                + "https://github.com/JaneDoe-AI/tool and https://huggingface.co/thu-foo/model.")
        occurrence.curatedLinks = [CuratedLink(url: "https://github.com/microsoft/tool", origin: "githubRepo")]
        let r = Normalizer(rules: rules).normalize(try Extractor(rules: rules).extract(occurrence))
        #expect(r.orgs.map(\.name) == ["acme-lab", "thu-foo", "OpenAI"])
        #expect(r.orgs.map(\.source) == ["link", "link", "text"])
        // The curated link is kept, but credits no organisation (Microsoft is in the alias table).
        #expect(r.links.contains { $0.url == "https://github.com/microsoft/tool" && $0.origin == "githubRepo" })
    }
}
