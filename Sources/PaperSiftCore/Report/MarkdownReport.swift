import Foundation

/// The run summary as Markdown: a heading per section, figures in tables.
///
/// Every figure is a plain integer, shares are `12.3%` of all papers; a list with nothing in it
/// says `_none_`. `tools/check_report.py` reads these tables back, so keep their shape.
public enum MarkdownReport {
    public static func render(_ s: RunSummary, input: String, top: Int) -> String {
        var out = "# papersift run summary\n\n"
        out += "Input: \(input) — \(s.papers) papers from \(s.occurrences) occurrences.\n"

        out += section("Records", header: ["figure", "value"], right: [1], rows: [
            ["papers", "\(s.papers)"],
            ["occurrences", "\(s.occurrences)"],
            ["papers merged from more than one occurrence", "\(s.papersWithDuplicates)"],
            ["occurrences merged into another", "\(s.occurrencesMerged)"],
            ["links", "\(s.links)"],
            ["number mentions", "\(s.numbersByUnit.reduce(0) { $0 + $1.items })"],
            ["model size mentions", "\(s.modelSizes.items)"],
            ["distinct organisations", "\(s.organisations)"],
            ["distinct benchmarks", "\(s.benchmarks)"],
            ["numbers tied to a benchmark (results)", "\(s.results)"],
            ["distinct benchmarks of results", "\(s.resultBenchmarks)"],
            ["distinct GitHub owners", "\(s.gitHubOwners)"],
        ])
        out += section("Coverage", header: ["field", "papers", "share"], right: [1, 2],
                       rows: s.coverage.map { [$0.name, "\($0.count)", percent($0.count, of: s.papers)] })
        out += section("Links by kind", header: ["kind", "links", "papers"], right: [1, 2],
                       rows: s.linksByKind.map { [$0.name, "\($0.items)", "\($0.papers)"] })
        out += section("Top organisations", header: ["organisation", "papers"], right: [1],
                       rows: s.topOrganisations.map { [$0.name, "\($0.count)"] })
        out += section("Top benchmarks", header: ["benchmark", "papers"], right: [1],
                       rows: s.topBenchmarks.map { [$0.name, "\($0.count)"] })
        out += section("Top benchmarks by results", header: ["benchmark", "benchmark_id", "results", "papers"], right: [2, 3],
                       rows: s.topResultBenchmarks.map { [$0.name, $0.id, "\($0.results)", "\($0.papers)"] })
        out += section("Top GitHub owners", header: ["owner", "papers"], right: [1],
                       rows: s.topGitHubOwners.map { [$0.name, "\($0.count)"] })
        out += section("Numbers by unit", header: ["unit", "mentions", "papers"], right: [1, 2],
                       rows: s.numbersByUnit.map { [$0.name, "\($0.items)", "\($0.papers)"] }
                           + (s.modelSizes.items > 0 ? [["model size (B)", "\(s.modelSizes.items)", "\(s.modelSizes.papers)"]] : []))
        out += section("Papers per month", header: ["month", "papers"], right: [1],
                       rows: s.papersPerMonth.map { [$0.name, "\($0.count)"] }
                           + (s.papersWithoutYear > 0 ? [["no year", "\(s.papersWithoutYear)"]] : [])
                           + (s.papersWithoutDate > 0 ? [["no date", "\(s.papersWithoutDate)"]] : []))
        out += section("Merges by key", header: ["key", "papers"], right: [1],
                       rows: s.mergedBy.map { [$0.name, "\($0.count)"] })
        out += section("Conflicts by field", header: ["field", "papers"], right: [1],
                       rows: s.conflictsByField.map { [$0.name, "\($0.count)"] })
        out += section("Occurrences by source format", header: ["format", "occurrences"], right: [1],
                       rows: s.sourcesByFormat.map { [$0.name, "\($0.count)"] })
        if top > 0 {
            out += "\nTop lists show at most \(top) entries, by count, then by name.\n"
        }
        return out
    }

    /// `12.3%` of `total` (`0.0%` when there is nothing).
    public static func percent(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "0.0%" }
        return String(format: "%.1f%%", Double(count) * 100 / Double(total))
    }

    static func section(_ title: String, header: [String], right: Set<Int>, rows: [[String]]) -> String {
        var out = "\n## \(title)\n\n"
        guard !rows.isEmpty else { return out + "_none_\n" }
        out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// A table cell: `|` escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
