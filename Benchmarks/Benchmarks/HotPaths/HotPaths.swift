// Micro-benchmarks of papersift's hot paths, on the seed pages of corpus/ and the rules of rules/
// (or $PAPERSIFT_RULES). Run with `make microbench` (or `swift package benchmark` in Benchmarks/).
import Benchmark
import Foundation
import PaperSiftCore

/// The repository root: three levels above this file's folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

func loadRules() -> RuleSet {
    let directory = ProcessInfo.processInfo.environment["PAPERSIFT_RULES"] ?? repositoryRoot + "/rules"
    do {
        let rules = try RuleSet(directory: directory)
        if let rule = rules.rules.first, !rule.pattern.usesJIT { print("warning: PCRE2 JIT not available, timings are the interpreter's") }
        return rules
    } catch { fatalError("rules do not load: \(error)") }
}

/// Every paper occurrence of the seed pages, as `sift-segment` writes them.
func seedOccurrences(_ rules: RuleSet) -> [Occurrence] {
    let corpus = repositoryRoot + "/corpus"
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted().map { corpus + "/" + $0 }
    let context = RunContext(stage: "bench", quiet: true, diagnostics: { _ in })
    let cleaner = Cleaner(rules: rules)
    let segmenter = Segmenter(rules: rules)
    var occurrences: [Occurrence] = []
    do {
        for file in files {
            try cleaner.clean(path: file, context: context) { record in
                try? segmenter.process(record, context: context) { occurrences.append($0) }
            }
        }
        try segmenter.finish(context: context) { occurrences.append($0) }
    } catch { fatalError("seed pages: \(error)") }
    guard !occurrences.isEmpty else { fatalError("no occurrences in \(corpus)") }
    return occurrences
}

/// The abstract of median length (a typical one).
func typicalAbstract(_ occurrences: [Occurrence]) -> [UInt8] {
    let abstracts = occurrences.compactMap(\.abstract).sorted { $0.utf8.count < $1.utf8.count }
    return Array(abstracts[abstracts.count / 2].utf8)
}

/// Everything the benchmarks work on, made once (not inside the measured closures: building and
/// dropping a rule set would be timed with them).
final class Fixtures {
    let rules = loadRules()
    lazy var extractor = try! Extractor(rules: rules)
    lazy var normalizer = Normalizer(rules: rules)
    lazy var canonicalizer = LinkCanonicalizer(rules: rules)
    lazy var occurrences = seedOccurrences(rules)
    lazy var abstracts = occurrences.compactMap(\.abstract).map { Array($0.utf8) }
    lazy var typical = typicalAbstract(occurrences)
    lazy var middle = occurrences[occurrences.count / 2]
    lazy var middleLine = middle.jsonBytes()
    lazy var middleExtracted = try! extractor.extract(middle)
}

nonisolated(unsafe) let fixtures = Fixtures()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000)

    // Rule matching: every extraction rule (links, numbers, model sizes, benchmarks, organisations).
    Benchmark("Extract: all rules over one typical abstract") { benchmark in
        let (extractor, abstract) = (fixtures.extractor, fixtures.typical)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            abstract.withUnsafeBufferPointer { blackHole(try! extractor.findings(in: $0)) }
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Extract: all rules over every seed abstract",
              configuration: .init(metrics: [.wallClock, .throughput], warmupIterations: 1)) { benchmark in
        let (extractor, abstracts) = (fixtures.extractor, fixtures.abstracts)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for abstract in abstracts {
                abstract.withUnsafeBufferPointer { blackHole(try! extractor.findings(in: $0)) }
            }
        }
        benchmark.stopMeasurement()
    }

    // JSON Lines: the record between sift-segment and sift-extract, read; sift-extract's record, written.
    Benchmark("JSON Lines: read one occurrence line") { benchmark in
        let line = fixtures.middleLine
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            line.withUnsafeBufferPointer { blackHole(try! Occurrence(json: JSONParser.parse($0))) }
        }
        benchmark.stopMeasurement()
    }

    Benchmark("JSON Lines: write one extracted occurrence line") { benchmark in
        let extracted = fixtures.middleExtracted
        var writer = JSONWriter(capacity: 1 << 16)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            writer.reset()
            extracted.write(to: &writer)
            blackHole(writer.bytes.count)
        }
        benchmark.stopMeasurement()
    }

    // Normalisation of links.
    Benchmark("Normalize: canonicalise a URL (text only)") { benchmark in
        let raw = "(https://GitHub.com/Owner/Repo-Name/tree/main/src/)."
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(LinkCanonicalizer.canonicalURL(raw)) }
        benchmark.stopMeasurement()
    }

    Benchmark("Normalize: canonicalise and classify a URL (link_kind rules)") { benchmark in
        let canonicalizer = fixtures.canonicalizer
        let raw = "(https://GitHub.com/Owner/Repo-Name/tree/main/src/)."
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(canonicalizer.canonicalize(raw: raw)) }
        benchmark.stopMeasurement()
    }

    Benchmark("Normalize: one extracted occurrence into a paper record") { benchmark in
        let (normalizer, extracted) = (fixtures.normalizer, fixtures.middleExtracted)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(normalizer.normalize(extracted)) }
        benchmark.stopMeasurement()
    }

    Benchmark("Clean: whitespace and NFC of one abstract paragraph") { benchmark in
        let abstract = fixtures.typical
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            abstract.withUnsafeBufferPointer { blackHole(TextNormalizer.clean(utf8: $0)) }
        }
        benchmark.stopMeasurement()
    }
}
