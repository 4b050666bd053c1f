import Foundation
import Testing
import PaperSiftCore

/// Builders and runners for the dedupe tests.
enum Dedupe {
    /// A normalised occurrence as `sift-normalize` would write it.
    static func paper(_ title: String, abstract: String? = nil, file: String = "a.txt", line: Int = 1,
                      format: String = "hf-text", upvotes: Int? = nil, published: String? = nil,
                      arxiv: String? = nil, version: Int? = nil, doi: String? = nil, author: String? = nil,
                      links: [String] = [], numbers: [Double] = []) -> PaperRecord {
        PaperRecord(id: PaperKey.id(arxivID: arxiv, title: title), title: title, abstract: abstract,
                    published: published, upvotes: upvotes,
                    links: links.map { Link(raw: $0, url: $0, kind: "other") },
                    numbers: numbers.map { NumberMention(raw: "\($0)%", value: $0, unit: "%") },
                    sources: [SourceRef(file: file, line: line, format: format)],
                    arxivID: arxiv, arxivVersion: version, doi: doi, firstAuthor: author)
    }

    /// The default mode over `records` in this order.
    static func run(_ records: [PaperRecord], options: Deduper.Options = Deduper.Options()) throws -> [String] {
        try runWithDeduper(records, options: options).lines
    }

    static func runWithDeduper(_ records: [PaperRecord], options: Deduper.Options = Deduper.Options()) throws
        -> (lines: [String], deduper: Deduper) {
        let (context, _) = Fixtures.context("sift-dedupe")
        let deduper = Deduper(options: options)
        for r in records { try deduper.add(try roundTrip(r), context: context) }
        var lines: [String] = []
        try deduper.finish(context: context) { lines.append(String(decoding: $0, as: UTF8.self)) }
        expectAccounting(context)
        return (lines, deduper)
    }

    /// The keyed mode: `key<TAB>json` lines, shuffled by `seed`, sorted by key (bytes, stable), reduced.
    static func runKeyed(_ records: [PaperRecord], seed: UInt64 = 1) throws -> [String] {
        var rng = SplitMix(seed: seed)
        var lines = records.map { Deduper.groupKey(of: $0) + "\t" + $0.jsonString() }
        lines.shuffle(using: &rng)
        lines = lines.enumerated().sorted { a, b in
            let ka = Array(a.element.prefix { $0 != "\t" }.utf8), kb = Array(b.element.prefix { $0 != "\t" }.utf8)
            return ka == kb ? a.offset < b.offset : ka.lexicographicallyPrecedes(kb)
        }.map(\.element)
        let (context, _) = Fixtures.context("sift-dedupe")
        let keyed = KeyedDeduper()
        var out: [String] = []
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Array(parts[0].utf8)
            let record = try PaperRecord(json: JSONParser.parse(String(parts[1])))
            try key.withUnsafeBufferPointer { k in
                try keyed.add(key: k, record: record, file: "-", line: 0, context: context) { out.append(String(decoding: $0, as: UTF8.self)) }
            }
        }
        try keyed.finish(context: context) { out.append(String(decoding: $0, as: UTF8.self)) }
        expectAccounting(context)
        return out
    }

    static func records(_ lines: [String]) throws -> [PaperRecord] {
        try lines.map { try PaperRecord(json: JSONParser.parse($0)) }
    }

    static func roundTrip(_ r: PaperRecord) throws -> PaperRecord { try PaperRecord(json: JSONParser.parse(r.jsonString())) }

    /// The normalised occurrences of some inputs, through the stages as the executables run them.
    static func normalized(_ paths: [String]) throws -> [PaperRecord] {
        let rules = Fixtures.rules
        let (context, _) = Fixtures.context()
        let cleaner = Cleaner(rules: rules)
        let segmenter = Segmenter(rules: rules)
        let extractor = try Extractor(rules: rules)
        let normalizer = Normalizer(rules: rules)
        var out: [PaperRecord] = []
        var cleaned: [CleanRecord] = []
        for p in paths { try cleaner.clean(path: p, context: context) { cleaned.append($0) } }
        var occurrences: [Occurrence] = []
        for c in cleaned { try segmenter.process(c, context: context) { occurrences.append($0) } }
        try segmenter.finish(context: context) { occurrences.append($0) }
        for o in occurrences { out.append(normalizer.normalize(try extractor.extract(o))) }
        return out
    }
}

/// Every record read is written or merged.
func expectAccounting(_ context: RunContext, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(context.recordsIn == context.recordsOut + context.recordsMerged, sourceLocation: sourceLocation)
}

/// A small deterministic generator (tests must give the same data on every run).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Synthetic abstracts: `words` random words from a large vocabulary, so two of them share
/// (almost) no 3-shingles.
func syntheticAbstract(_ rng: inout SplitMix, words: Int = 60) -> String {
    (0..<words).map { _ in
        let n = rng.next()
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "zu", "qua", "dro", "fen", "gir"]
        return (0..<3).map { i in syllables[Int((n >> (8 * UInt64(i))) % UInt64(syllables.count))] }.joined() + String(n % 97)
    }.joined(separator: " ")
}
