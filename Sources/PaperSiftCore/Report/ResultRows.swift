import Foundation

/// One reported number as a row of a results table (`sift results`): the paper, what the number
/// measures and where it is written.
public struct ResultRow: Equatable, Sendable {
    public var id: String
    public var arxivID: String?
    public var title: String
    public var benchmark: String?
    public var benchmarkID: String?
    public var metric: String?
    public var value: Double
    public var unit: String
    public var kind: String?
    public var baseline: String?
    /// The number as written (`+4.5%`, `80.3% to 82.1%`).
    public var raw: String
    /// The sentence of the abstract the number is written in (nil when it cannot be found).
    public var span: String?

    public init(id: String, arxivID: String?, title: String, benchmark: String?, benchmarkID: String?, metric: String?,
                value: Double, unit: String, kind: String?, baseline: String?, raw: String, span: String?) {
        self.id = id; self.arxivID = arxivID; self.title = title; self.benchmark = benchmark; self.benchmarkID = benchmarkID
        self.metric = metric; self.value = value; self.unit = unit; self.kind = kind; self.baseline = baseline
        self.raw = raw; self.span = span
    }

    /// Column names, in output order (JSON keys and the CSV/TSV header).
    public static let columns = ["id", "arxiv_id", "title", "benchmark", "benchmark_id", "metric", "value", "unit",
                                 "kind", "baseline", "raw", "span"]

    /// The columns' values as text; nil for null (`value` written as in JSON: `81`, `4.5`).
    public var fields: [String?] {
        [id, arxivID, title, benchmark, benchmarkID, metric, ResultRow.number(value), unit, kind, baseline, raw, span]
    }

    static func number(_ v: Double) -> String {
        var w = JSONWriter(capacity: 16)
        w.number(v)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// Results rows of final records: one row per entry of `numbers`.
public enum ResultRows {
    /// The rows of one paper, in text order; `withBenchmark` keeps only numbers tied to a benchmark.
    public static func rows(of paper: PaperRecord, withBenchmark: Bool = false) -> [ResultRow] {
        let text = Array((paper.abstract ?? "").utf8)
        let sentences = SentenceBounds.sentences(text)
        var cursor = 0
        var previous: (raw: String, at: Int?)?
        var out: [ResultRow] = []
        for n in paper.numbers {
            // Entries of one written group (36/37/38%, from A to B) share their place.
            let at: Int?
            if let p = previous, p.raw == n.raw, NumberInterpreter.decimals(in: n.raw).count > 1 {
                at = p.at
            } else {
                at = find(Array(n.raw.utf8), in: text, from: cursor) ?? find(Array(n.raw.utf8), in: text, from: 0)
                if let at { cursor = at + n.raw.utf8.count }
            }
            previous = (n.raw, at)
            func field(_ key: String) -> String? { n.context.first { $0.0 == key }?.1 ?? nil }
            let benchmark = field("benchmark")
            if withBenchmark && benchmark == nil { continue }
            var span: String?
            if let at, !sentences.isEmpty {
                let range = sentences[SentenceBounds.index(of: at, in: sentences)]
                span = String(decoding: text[range], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            out.append(ResultRow(id: paper.id, arxivID: paper.arxivID, title: paper.title, benchmark: benchmark,
                                 benchmarkID: field("benchmark_id"), metric: field("metric"), value: n.value, unit: n.unit,
                                 kind: field("kind"), baseline: field("baseline"), raw: n.raw, span: span))
        }
        return out
    }

    /// The first byte offset ≥ `from` where `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var i = max(0, from)
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// Writes results rows as JSON Lines, CSV (RFC 4180: a header, fields with `,`, `"`, CR or LF
/// quoted, quotes doubled, CRLF line ends, null as an empty field) or TSV (a header, tabs and
/// line breaks inside fields written as spaces, null as an empty field, LF line ends).
public enum ResultFormat: String, CaseIterable, Sendable {
    case jsonl, csv, tsv

    /// The header line (empty for JSON Lines).
    public var header: String {
        switch self {
        case .jsonl: return ""
        case .csv: return ResultRow.columns.map(ResultFormat.csvField).joined(separator: ",") + "\r\n"
        case .tsv: return ResultRow.columns.joined(separator: "\t") + "\n"
        }
    }

    /// One row, with its line end.
    public func line(_ row: ResultRow) -> String {
        switch self {
        case .jsonl:
            var w = JSONWriter(capacity: 512)
            w.beginObject()
            for (k, v) in zip(ResultRow.columns, row.fields) {
                w.key(k)
                if k == "value" { w.number(row.value) } else { w.string(v) }
            }
            w.endObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        case .csv:
            return row.fields.map { ResultFormat.csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
        case .tsv:
            return row.fields.map { ($0 ?? "").map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : String($0) }.joined() }
                .joined(separator: "\t") + "\n"
        }
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
