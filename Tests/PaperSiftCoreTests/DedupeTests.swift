import Foundation
import Testing
import PaperSiftCore

/// Constructed dedupe cases (docs/DEDUPE.md): the key cascade, near-duplicates, the merge policy.
@Suite struct DedupeTests {
    static let abstractA = "We present a method for learning dense visual representations from unlabeled video by predicting the motion of tracked points, and show that the learned features transfer to detection, segmentation and depth estimation benchmarks with large gains over prior self-supervised approaches."
    static let abstractC = "We introduce a benchmark of program synthesis tasks drawn from competitive programming archives, evaluate twelve code generation systems on it, and find that their accuracy collapses on problems that require reasoning about integer overflow and recursion depth limits."
    static let abstractB = "This paper studies the sample complexity of offline reinforcement learning with linear function approximation and proves matching upper and lower bounds under a new coverage condition that is weaker than the concentrability assumptions used in earlier analyses of the problem."

    @Test func samePaperWithDifferentUpvotesIsOneRecordWithAConflict() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Tracking Points to Learn Features", abstract: Self.abstractA, file: "a.txt", line: 3, upvotes: 3),
            Dedupe.paper("Other paper", abstract: Self.abstractB, file: "a.txt", line: 9),
            Dedupe.paper("Tracking Points to Learn Features", abstract: Self.abstractA, file: "b.txt", line: 20, upvotes: 7),
        ]))
        #expect(out.map(\.title) == ["Tracking Points to Learn Features", "Other paper"])
        let r = out[0]
        #expect(r.upvotes == 3)
        #expect(r.conflicts == [Conflict(field: "upvotes", values: [.int(3), .int(7)])])
        #expect(r.sources.map { "\($0.file):\($0.line)" } == ["a.txt:3", "b.txt:20"])
        #expect(r.mergedBy == ["title"])
    }

    @Test func curatedSourceOutranksATextDumpButBothValuesAreKept() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Tracking Points to Learn Features", abstract: Self.abstractA, file: "dump.txt", upvotes: 3),
            Dedupe.paper("Tracking points to learn features", abstract: Self.abstractA, file: "2024-08-01.json", line: 1,
                         format: "hf-api", upvotes: 12, published: "2024-08-01", arxiv: "2408.00001", version: 1, author: "Ada Lovelace"),
        ]))
        #expect(out.count == 1)
        let r = out[0]
        #expect(r.title == "Tracking Points to Learn Features")
        #expect(r.upvotes == 12)
        #expect(r.published == "2024-08-01")
        #expect(r.id == "arxiv:2408.00001")
        #expect(r.firstAuthor == "Ada Lovelace")
        #expect(r.conflicts == [Conflict(field: "upvotes", values: [.int(3), .int(12)])])
    }

    @Test func arxivVersionsAreOnePaperEvenWhenTheTitleWasEdited() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Tracking Points to Learn Features", abstract: Self.abstractA, file: "feed.xml", line: 10,
                         format: "arxiv-atom", arxiv: "2401.00001", version: 1),
            Dedupe.paper("Other paper", abstract: Self.abstractB),
            Dedupe.paper("Point Tracking as a Pretext Task for Dense Features", abstract: Self.abstractB, file: "feed.xml",
                         line: 50, format: "arxiv-atom", arxiv: "2401.00001", version: 2),
        ], options: Deduper.Options(similarity: nil)))
        #expect(out.count == 2)
        let r = out[0]
        #expect(r.id == "arxiv:2401.00001")
        #expect(r.arxivVersion == 2)
        #expect(r.title == "Tracking Points to Learn Features")
        #expect(r.mergedBy == ["arxiv_id"])
        #expect(r.conflicts.map(\.field) == ["title", "abstract"])
        #expect(r.sources.count == 2)
    }

    @Test func doiMatchesWhateverItsCase() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Tracking Points to Learn Features", file: "a.json", format: "arxiv-oai", doi: "10.1000/ABC.123"),
            Dedupe.paper("Tracking Points: Learning Features", file: "b.json", format: "arxiv-oai", doi: "10.1000/abc.123"),
            Dedupe.paper("Tracking Points to Learn Features", file: "c.json", format: "arxiv-oai", doi: "https://doi.org/10.1000/Abc.123"),
        ], options: Deduper.Options(similarity: nil)))
        #expect(out.count == 1)
        #expect(out[0].mergedBy == ["doi"])
        #expect(out[0].conflicts.map(\.field) == ["title"])
        #expect(out[0].sources.map(\.file) == ["a.json", "b.json", "c.json"])
    }

    @Test func titleVariantsShareOneKey() {
        let groups: [[String]] = [
            ["Self-Supervised Learning of Pretext-Invariant Representations",
             "Self Supervised Learning of Pretext Invariant Representations",
             "self-supervised learning of pretext-invariant representations.",
             "Self\u{2010}Supervised  Learning \u{2014} of Pretext\u{2013}Invariant Representations",
             "SELF-SUPERVISED LEARNING OF PRETEXT-INVARIANT REPRESENTATIONS",
             "Self-Super- vised Learning of Pretext-Invariant Representations"],
            ["From Imitation to Refinement -- Residual RL", "From Imitation to Refinement – Residual RL", "From Imitation to Refinement: Residual RL"],
            ["$\\alpha$-Net: Adaptive Attention", "α-Net: Adaptive Attention", "alpha-Net: Adaptive Attention", "Α-Net: adaptive attention"],
            ["$\\varepsilon$-Greedy Exploration Revisited", "ε-Greedy Exploration Revisited", "ϵ-greedy exploration revisited"],
            ["Na\\\"ive Bayes for Text", "Naïve Bayes for Text", "Naive Bayes for Text", "Nai\u{0308}ve Bayes for Text"],
            ["\\textbf{BERT}: Pre-training of Deep Bidirectional Transformers", "BERT: Pre-training of Deep Bi-directional Transformers",
             "{BERT}: {P}re-training of deep bidirectional transformers"],
            ["Eﬃcient ﬁne-tuning", "Efficient fine-tuning", "Ｅｆｆｉｃｉｅｎｔ fine tuning"],
            ["Schrödinger Bridges", "Schrodinger Bridges", "Schr\\\"{o}dinger Bridges"],
        ]
        for variants in groups {
            let keys = Set(variants.map(PaperKey.normalizedTitle))
            #expect(keys.count == 1, "\(variants) → \(keys)")
            #expect(!keys.first!.isEmpty)
        }
        #expect(PaperKey.normalizedTitle("Learning to Rank") != PaperKey.normalizedTitle("Learning to Rank 2"))
    }

    @Test func titleVariantsAreMergedByTitle() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("BERT: Pre-training of Deep Bidirectional Transformers", file: "a.txt", line: 1),
            Dedupe.paper("\\textbf{BERT} -- Pre-Training of Deep Bi-directional Transformers", file: "b.txt", line: 5),
        ]))
        #expect(out.count == 1)
        #expect(out[0].title == "BERT: Pre-training of Deep Bidirectional Transformers")
        #expect(out[0].conflicts.isEmpty)
        #expect(out[0].mergedBy == ["title"])
    }

    @Test func differentPapersWithNearIdenticalTitlesStayApart() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Scaling Laws for Neural Language Models", abstract: Self.abstractA, line: 1),
            Dedupe.paper("Scaling Laws for Neural Language Model", abstract: Self.abstractB, line: 5),
            Dedupe.paper("Scaling Laws for Neural Language Models of Code", abstract: Self.abstractC, line: 9),
        ]))
        #expect(out.count == 3)
        #expect(out.allSatisfy { $0.mergedBy.isEmpty && $0.sources.count == 1 })
    }

    @Test func sameTitleDifferentPapersAreSplitByArxivIDAuthorAndYear() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Attention Is All You Need", file: "a.json", format: "hf-api", arxiv: "1706.03762", author: "Ashish Vaswani"),
            Dedupe.paper("Attention Is All You Need", file: "b.json", format: "hf-api", arxiv: "2301.99999", author: "Jane Doe"),
            Dedupe.paper("Attention is all you need", file: "c.txt"),
            Dedupe.paper("Attention Is All You Need", file: "d.json", format: "arxiv-oai", author: "Vaswani, A."),
            Dedupe.paper("Attention Is All You Need", file: "e.json", format: "arxiv-oai", author: "Zhang Wei"),
        ]))
        #expect(out.count == 3)
        #expect(out.map(\.id) == ["arxiv:1706.03762", "arxiv:2301.99999", PaperKey.id(arxivID: nil, title: "Attention Is All You Need") + "-3"])
        #expect(out[0].sources.map(\.file) == ["a.json", "c.txt", "d.json"])

        let years = try Dedupe.records(Dedupe.run([
            Dedupe.paper("Introduction", line: 1, published: "2015-03-01"),
            Dedupe.paper("Introduction", line: 2, published: "2016-01-02"),
            Dedupe.paper("Introduction", line: 3, published: "2023-05-05"),
            Dedupe.paper("Introduction", line: 4),
        ]))
        #expect(years.map { $0.sources.count } == [3, 1])
        #expect(Set(years.map(\.id)).count == 2)
    }

    @Test func nearDuplicatesAreMergedAsSimilarAndTheFlagTurnsThatOff() throws {
        let records = [
            Dedupe.paper("Contrastive Prefence Learning: Learning from Human Feedback without RL", abstract: Self.abstractA, file: "a.txt"),
            Dedupe.paper("Unrelated", abstract: Self.abstractB, file: "a.txt", line: 7),
            Dedupe.paper("Contrastive Preference Learning: Learning from Human Feedback without RL", abstract: Self.abstractA, file: "b.txt"),
        ]
        let merged = try Dedupe.records(Dedupe.run(records))
        #expect(merged.count == 2)
        #expect(merged[0].mergedBy == ["similar"])
        #expect(merged[0].conflicts.map(\.field) == ["title"])
        #expect(try Dedupe.run(records, options: Deduper.Options(similarity: nil)).count == 3)
    }

    @Test func sameAbstractUnderUnrelatedTitlesStaysTwoPapersNamingEachOther() throws {
        // A real abstract is long next to its title, so title + abstract are near-duplicates.
        let long = Self.abstractA + " " + Self.abstractB
        let records = [
            Dedupe.paper("Contrastive Preference Learning", abstract: long, file: "a.txt"),
            Dedupe.paper("Unrelated", abstract: Self.abstractB, file: "a.txt", line: 7),
            Dedupe.paper("Scaling Sparse Mixtures for Protein Folding", abstract: long, file: "b.txt"),
        ]
        let out = try Dedupe.records(Dedupe.run(records))
        #expect(out.count == 3)
        #expect(out.allSatisfy { $0.mergedBy.isEmpty })
        #expect(out[0].similarTo == [out[2].id])
        #expect(out[2].similarTo == [out[0].id])
        #expect(out[1].similarTo.isEmpty)
        // The same bytes when everything goes through temporary files.
        let (inMemory, _) = try Dedupe.runWithDeduper(records)
        let (spilled, run) = try Dedupe.runWithDeduper(records, options: Deduper.Options(maxMemory: 4 << 10))
        #expect(run.spilledRuns > 0)
        #expect(spilled == inMemory)
        // Without the near-duplicate check nobody is similar.
        let off = try Dedupe.records(Dedupe.run(records, options: Deduper.Options(similarity: nil)))
        #expect(off.allSatisfy { $0.similarTo.isEmpty })
    }

    @Test func titleSketchSeparatesEditedTitlesFromUnrelatedOnes() {
        func near(_ a: String, _ b: String) -> Bool {
            TitleSketch.nearDuplicates(TitleSketch.encode(Array(PaperKey.normalizedTitle(a).utf8)),
                                       TitleSketch.encode(Array(PaperKey.normalizedTitle(b).utf8)))
        }
        #expect(near("Contrastive Prefence Learning", "Contrastive Preference Learning"))
        #expect(near("Deep Residual Learning", "Deep Residual Learning for Image Recognition"))
        #expect(!near("Contrastive Preference Learning", "Scaling Sparse Mixtures for Protein Folding"))
        #expect(!near("Attention Is All You Need", "Diffusion Models Beat GANs on Image Synthesis"))
        #expect(TitleSketch.nearDuplicates(TitleSketch.encode([]), TitleSketch.encode([])))
    }

    @Test func nearDuplicatesWithDifferentArxivIDsStayApart() throws {
        let out = try Dedupe.run([
            Dedupe.paper("Contrastive Prefence Learning", abstract: Self.abstractA, arxiv: "2310.00001"),
            Dedupe.paper("Contrastive Preference Learning", abstract: Self.abstractA, arxiv: "2310.00002"),
        ])
        #expect(out.count == 2)
    }

    @Test func similarityEstimateSeparatesTypoFixesFromOtherPapers() throws {
        let a = try #require(MinHash.signature(title: "Contrastive Prefence Learning", abstract: Self.abstractA))
        let typo = try #require(MinHash.signature(title: "Contrastive Preference Learning", abstract: Self.abstractA))
        let other = try #require(MinHash.signature(title: "Contrastive Prefence Learning", abstract: Self.abstractB))
        #expect(MinHash.similarity(a, a) == 1)
        #expect(MinHash.similarity(a, typo) >= Deduper.defaultSimilarity)
        #expect(MinHash.similarity(a, other) < 0.3)
        #expect(MinHash.signature(title: "Short", abstract: "Too few words to compare.") == nil)
    }

    @Test func listsAreUnionedWithoutDuplicates() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("A Paper", links: ["https://github.com/a/b", "https://a.github.io/"], numbers: [5, 5, 7]),
            Dedupe.paper("A Paper", file: "b.txt", links: ["https://a.github.io/", "https://github.com/c/d"], numbers: [5, 7, 9]),
        ]))
        #expect(out[0].links.map(\.url) == ["https://github.com/a/b", "https://a.github.io/", "https://github.com/c/d"])
        #expect(out[0].numbers.map(\.value) == [5, 5, 7, 9])
    }

    @Test func outputIsInOrderOfFirstOccurrence() throws {
        let out = try Dedupe.records(Dedupe.run([
            Dedupe.paper("B", line: 1), Dedupe.paper("A", line: 2), Dedupe.paper("C", line: 3),
            Dedupe.paper("A", line: 4), Dedupe.paper("B", line: 5),
        ]))
        #expect(out.map(\.title) == ["B", "A", "C"])
        #expect(out.map { $0.sources.map(\.line) } == [[1, 5], [2, 4], [3]])
    }
}
