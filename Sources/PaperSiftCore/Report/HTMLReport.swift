/// The run summary as one self-contained HTML page: inline CSS and SVG charts, no scripts, no
/// external assets. The page is well-formed XML as well (every element closed, no named entities
/// other than XML's), so it can be checked and its charts extracted with an XML parser.
public enum HTMLReport {
    public static func render(_ s: RunSummary, input: String, version: String, top: Int) -> String {
        var body = header(s, input: input, version: version)
        body += cards(s)
        body += panel("Coverage", note: "Share of the \(s.papers) papers that have each field.",
                      chart: SVGChart.horizontalBars(s.coverage.map {
                          SVGChart.Bar(label: $0.name, value: share($0.count, s.papers),
                                       text: "\(MarkdownReport.percent($0.count, of: s.papers)) (\($0.count))")
                      }, scale: 100, width: 760, labelWidth: 250, caption: "Coverage of each field"), wide: true)
        body += "<div class=\"grid\">"
        body += panel("Links by kind", note: "\(s.links) links; bar: links, in brackets: papers with one.",
                      chart: SVGChart.horizontalBars(s.linksByKind.map {
                          SVGChart.Bar(label: $0.name, value: Double($0.items), text: "\($0.items) (\($0.papers))")
                      }, width: 440, labelWidth: 130, color: "#0f9d8a", caption: "Links by kind"))
        body += panel("Numbers by unit", note: "Mentions; in brackets: papers with one.",
                      chart: SVGChart.horizontalBars((s.numbersByUnit + (s.modelSizes.items > 0 ? [KindTally(name: "model size (B)", items: s.modelSizes.items, papers: s.modelSizes.papers)] : [])).map {
                          SVGChart.Bar(label: $0.name, value: Double($0.items), text: "\($0.items) (\($0.papers))")
                      }, width: 440, labelWidth: 130, color: "#e07a2f", caption: "Numbers by unit"))
        body += "</div><div class=\"grid\">"
        body += ranked("Top organisations", s.topOrganisations, distinct: s.organisations, color: "#7b5ea7")
        body += ranked("Top GitHub owners", s.topGitHubOwners, distinct: s.gitHubOwners, color: "#2f3a4f")
        body += ranked("Top benchmarks", s.topBenchmarks, distinct: s.benchmarks, color: "#c2416b")
        body += panel("Top benchmarks by results",
                      note: "Numbers reported on each benchmark (by benchmark_id); in brackets: papers. \(s.results) results on \(s.resultBenchmarks) benchmarks in all.",
                      chart: SVGChart.horizontalBars(s.topResultBenchmarks.map {
                          SVGChart.Bar(label: $0.name, value: Double($0.results), text: "\($0.results) (\($0.papers))")
                      }, width: 440, labelWidth: 200, color: "#3b7dd8", caption: "Top benchmarks by results"))
        body += mergePanel(s)
        body += "</div>"
        var monthNote = "\(s.papersPerMonth.reduce(0) { $0 + $1.count }) papers with a full date"
        if s.papersWithoutYear > 0 { monthNote += ", \(s.papersWithoutYear) with a day but no year" }
        if s.papersWithoutDate > 0 { monthNote += ", \(s.papersWithoutDate) without a date" }
        body += panel("Papers per month", note: monthNote + ".",
                      chart: SVGChart.monthColumns(s.papersPerMonth, caption: "Papers per month"), wide: true)
        body += "<footer>Made by <code>sift report</code> (papersift \(SVGChart.escape(version))) from "
            + "<code>\(SVGChart.escape(input))</code>. Top lists: at most \(top) entries, by count then name.</footer>"
        return page(title: "papersift report: \(input)", body: body)
    }

    static func share(_ count: Int, _ total: Int) -> Double { total > 0 ? Double(count) * 100 / Double(total) : 0 }

    static func header(_ s: RunSummary, input: String, version: String) -> String {
        "<header><p class=\"kicker\">papersift run summary</p><h1>\(s.papers) papers</h1>"
            + "<p class=\"sub\">from \(s.occurrences) occurrences in <code>\(SVGChart.escape(input))</code></p></header>"
    }

    static func cards(_ s: RunSummary) -> String {
        let figures: [(String, Int, String)] = [
            ("papers", s.papers, "unique records"),
            ("occurrences", s.occurrences, "listings and records read"),
            ("merged", s.papersWithDuplicates, "papers; \(s.occurrencesMerged) occurrences folded in"),
            ("links", s.links, "\(s.linksByKind.count) kinds"),
            ("numbers", s.numbersByUnit.reduce(0) { $0 + $1.items }, "\(s.modelSizes.items) model sizes"),
            ("organisations", s.organisations, "distinct names"),
        ]
        var out = "<section class=\"cards\">"
        for (label, value, detail) in figures {
            out += "<div class=\"card\"><div class=\"figure\">\(value)</div><div class=\"what\">\(label)</div>"
                + "<div class=\"detail\">\(SVGChart.escape(detail))</div></div>"
        }
        return out + "</section>"
    }

    static func ranked(_ title: String, _ tallies: [Tally], distinct: Int, color: String) -> String {
        panel(title, note: "Papers per name; \(distinct) distinct in all.",
              chart: SVGChart.horizontalBars(tallies.map {
                  SVGChart.Bar(label: $0.name, value: Double($0.count), text: "\($0.count)")
              }, width: 440, labelWidth: 200, color: color, caption: title))
    }

    static func mergePanel(_ s: RunSummary) -> String {
        var rows = "<tr><th>papers merged from several occurrences</th><td>\(s.papersWithDuplicates)</td></tr>"
        rows += "<tr><th>occurrences merged into another</th><td>\(s.occurrencesMerged)</td></tr>"
        for t in s.mergedBy { rows += "<tr><th>merged by <code>\(SVGChart.escape(t.name))</code></th><td>\(t.count)</td></tr>" }
        for t in s.conflictsByField { rows += "<tr><th>conflict on <code>\(SVGChart.escape(t.name))</code></th><td>\(t.count)</td></tr>" }
        for t in s.sourcesByFormat { rows += "<tr><th>occurrences from <code>\(SVGChart.escape(t.name))</code></th><td>\(t.count)</td></tr>" }
        return "<section class=\"panel\"><h2>Duplicates and sources</h2><table>\(rows)</table></section>"
    }

    static func panel(_ title: String, note: String, chart: String, wide: Bool = false) -> String {
        "<section class=\"panel\(wide ? " wide" : "")\"><h2>\(SVGChart.escape(title))</h2>"
            + "<p class=\"note\">\(SVGChart.escape(note))</p><div class=\"chart-box\">\(chart)</div></section>"
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(SVGChart.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>\(body)</main>
        </body>
        </html>

        """
    }

    static let style = """

        :root { color-scheme: light dark; --bg: #f5f6fa; --panel: #ffffff; --ink: #2e3440; --muted: #6b7385;
          --line: #e3e6ee; --accent: #4f6bed; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 32px 20px 48px; }
        header { margin-bottom: 20px; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 700; }
        h1 { margin: 4px 0 2px; font-size: 34px; letter-spacing: -.01em; }
        .sub { margin: 0; color: var(--muted); }
        h2 { margin: 0 0 2px; font-size: 17px; }
        .note { margin: 0 0 12px; color: var(--muted); font-size: 13px; }
        code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: rgba(127,127,127,.12);
          padding: 1px 5px; border-radius: 4px; }
        .cards { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; margin-bottom: 16px; }
        .card { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; }
        .figure { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .what { font-weight: 600; }
        .detail { color: var(--muted); font-size: 12.5px; }
        .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; margin-bottom: 16px; }
        .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; min-width: 0; }
        .panel.wide { margin-bottom: 16px; }
        .chart-box { overflow-x: auto; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th { text-align: left; font-weight: 400; color: var(--muted); padding: 6px 0; border-bottom: 1px solid var(--line); }
        td { text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; border-bottom: 1px solid var(--line); }
        footer { margin-top: 24px; color: var(--muted); font-size: 12.5px; }
        @media (max-width: 900px) { .cards { grid-template-columns: repeat(3, minmax(0, 1fr)); } .grid { grid-template-columns: minmax(0, 1fr); } }
        @media (max-width: 520px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15171c; --panel: #1e2128; --ink: #e5e9f0; --muted: #9aa3b5; --line: #2c313b; --accent: #8fa2ff; }
          svg .label { fill: #c8cfdb; } svg .value { fill: #eceff4; } svg .axis { fill: #9aa3b5; }
          svg .track { fill: #2c313b; } svg .grid { stroke: #2c313b; }
        }

        """
}
