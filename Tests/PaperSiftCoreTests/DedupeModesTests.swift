import Foundation
import Testing
import PaperSiftCore

/// The three ways dedupe can run must agree: in memory, spilling to temporary files, and keyed
/// (reducer) mode on key-sorted input.
@Suite struct DedupeModesTests {
    /// Occurrences of 400 papers, about 30 % of them repeated (title variants, other sources with
    /// arXiv ids, different upvotes), some near-duplicates and same-title different papers. One
    /// file with rising line numbers, so input order and (file, line) order agree.
    static func syntheticOccurrences(papers: Int = 400) -> [PaperRecord] {
        var rng = SplitMix(seed: 42)
        var out: [PaperRecord] = []
        var line = 1
        for i in 0..<papers {
            let title = "Paper \(i) on " + syntheticAbstract(&rng, words: 4)
            let abstract = syntheticAbstract(&rng)
            out.append(Dedupe.paper(title, abstract: abstract, file: "all.jsonl", line: line, upvotes: i % 5))
            line += 3
            if i % 3 == 0 {
                out.append(Dedupe.paper(title.uppercased() + ".", abstract: abstract, file: "all.jsonl", line: line,
                                        upvotes: i % 4))
                line += 3
            }
            if i % 10 == 0 {
                out.append(Dedupe.paper(title, abstract: abstract, file: "all.jsonl", line: line, format: "hf-api",
                                        upvotes: 50, arxiv: "2401.\(10000 + i)", version: 1 + i % 2))
                line += 1
            }
            if i % 25 == 0 {
                out.append(Dedupe.paper(title + " (typo fixd)", abstract: abstract, file: "all.jsonl", line: line))
                line += 3
            }
            if i % 40 == 0 {
                out.append(Dedupe.paper(title, abstract: syntheticAbstract(&rng), file: "all.jsonl", line: line, format: "hf-api",
                                        arxiv: "2402.\(10000 + i)"))
                line += 1
            }
        }
        return out
    }

    @Test func spillingGivesByteIdenticalOutputToTheInMemoryRun() throws {
        let records = DedupeModesTests.syntheticOccurrences()
        let (inMemory, memoryRun) = try Dedupe.runWithDeduper(records)
        #expect(memoryRun.spilledRuns == 0)
        for budget in [6 << 10, 64 << 10, 200 << 10] {
            let (spilled, spillRun) = try Dedupe.runWithDeduper(records, options: Deduper.Options(maxMemory: budget))
            #expect(spillRun.spilledRuns > 0, "budget \(budget) should spill")
            #expect(spilled == inMemory, "budget \(budget)")
        }
        let merged = try Dedupe.records(inMemory)
        #expect(merged.count == 400 + 10)
        #expect(merged.filter { $0.mergedBy.contains("similar") }.count == 16)
        #expect(memoryRun.crossGroupJoins == 16)
    }

    @Test func spillingOnTheSeedCorpusGivesTheSameBytes() throws {
        let records = try Dedupe.normalized(Fixtures.corpus)
        let inMemory = try Dedupe.run(records)
        let (spilled, run) = try Dedupe.runWithDeduper(records, options: Deduper.Options(maxMemory: 64 << 10))
        #expect(run.spilledRuns > 0)
        #expect(spilled == inMemory)
        #expect(inMemory.count == 148)
    }

    @Test func keyedModeOnSortedInputGivesTheSameRecordsAsTheDefaultMode() throws {
        let corpus = try Dedupe.normalized(Fixtures.corpus)
        let real = try Dedupe.normalized(Fixtures.documentSamples)
        let constructed = DedupeModesTests.syntheticOccurrences().filter { !$0.title.hasSuffix("(typo fixd)") }
        #expect(try Dedupe.run(real).count < real.count, "the format (and real) samples hold duplicates")
        for records in [corpus, real, constructed] {
            let expected = try Dedupe.run(records).sorted()
            for seed: UInt64 in [1, 2, 3] {
                #expect(try Dedupe.runKeyed(records, seed: seed).sorted() == expected, "seed \(seed)")
            }
        }
    }

    @Test func keyedModeCannotJoinAcrossKeysAndSaysSoInTheDocs() throws {
        let records = [
            Dedupe.paper("Contrastive Prefence Learning", abstract: DedupeTests.abstractA),
            Dedupe.paper("Contrastive Preference Learning", abstract: DedupeTests.abstractA, file: "b.txt"),
        ]
        #expect(try Dedupe.run(records).count == 1)
        #expect(try Dedupe.runKeyed(records).count == 2)
        let doc = try String(contentsOfFile: Fixtures.root + "/docs/DEDUPE.md", encoding: .utf8)
        #expect(doc.contains("cannot join"))
    }

    @Test func keyedModeWarnsAboutUnsortedKeys() throws {
        let (context, diagnostics) = Fixtures.context("sift-dedupe")
        let keyed = KeyedDeduper()
        var out: [[UInt8]] = []
        for (key, title) in [("t:b", "B"), ("t:a", "A"), ("t:b", "B")] {
            try Array(key.utf8).withUnsafeBufferPointer { k in
                try keyed.add(key: k, record: Dedupe.paper(title), file: "in.tsv", line: 1, context: context) { out.append($0) }
            }
        }
        try keyed.finish(context: context) { out.append($0) }
        #expect(out.count == 3)
        #expect(keyed.keysOutOfOrder == 1)
        #expect(diagnostics.lines.contains { $0.contains("in.tsv:1: warning: key sorts before the previous key") })
    }

    @Test func dedupingTheOutputAgainChangesNothing() throws {
        let once = try Dedupe.run(DedupeModesTests.syntheticOccurrences())
        let twice = try Dedupe.run(Dedupe.records(once))
        #expect(twice == once)
    }
}
