#!/usr/bin/env python3
"""Check `sift report` against figures computed here, independently, from the same JSON Lines.

usage: check_report.py PAPERS.jsonl REPORT.md [REPORT.html] [--top N]

Reads the final records, counts everything the report shows (records, duplicates merged, coverage
of each field, links by kind, top organisations / benchmarks / GitHub owners, top benchmarks by
results (numbers with a benchmark_id), numbers by unit,
papers per month, merges, conflicts, source formats) straight from the JSON, then parses the
Markdown tables and compares them, cell by cell. With REPORT.html it also checks that the page
is well-formed XML, self-contained (no scripts, no external references) and shows the same key
figures and coverage. Exit status 1 on the first section that differs. Python 3, stdlib only.
"""
import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

# The coverage rows, in report order: label and test on one record (docs/papers.md field names).
COVERAGE = [
    ("code link (GitHub)", lambda r: any(l["kind"] == "github" for l in r["links"])),
    ("project page", lambda r: any(l["kind"] == "project_page" for l in r["links"])),
    ("organisation (any evidence)", lambda r: len(r["orgs"]) > 0),
    ("numbers (% and x)", lambda r: len(r["numbers"]) > 0),
    ("model sizes", lambda r: len(r["model_sizes"]) > 0),
    ("benchmarks", lambda r: len(r["benchmarks"]) > 0),
    ("HF model, dataset or space", lambda r: any(l["kind"] in ("hf_model", "hf_dataset", "hf_space") for l in r["links"])),
    ("any link", lambda r: len(r["links"]) > 0),
    ("organisation line of a listing", lambda r: r["org"] is not None),
    ("abstract", lambda r: bool(r["abstract"])),
    ("authors count", lambda r: r["authors_count"] is not None),
    ("publication date", lambda r: r["published"] is not None),
    ("upvotes", lambda r: r["upvotes"] is not None),
    ("arXiv id", lambda r: r.get("arxiv_id") is not None),
]


def ranked(counter):
    """Count descending, then lower-cased name, then name."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower(), kv[0]))


def pct(n, total):
    return f"{100 * n / total:.1f}%" if total else "0.0%"


def expected_sections(records, top):
    n = len(records)
    occurrences = sum(len(r["sources"]) for r in records)
    dup_papers = sum(1 for r in records if len(r["sources"]) > 1)
    link_items, link_papers = Counter(), Counter()
    orgs, benchmarks, owners, owner_spelling = Counter(), Counter(), Counter(), {}
    unit_items, unit_papers = Counter(), Counter()
    months, no_year, no_date = Counter(), 0, 0
    merged_by, conflicts, formats = Counter(), Counter(), Counter()
    result_items, result_papers, result_spelling = Counter(), Counter(), {}
    for r in records:
        paper_results = set()
        for x in r["numbers"]:
            if x.get("benchmark_id") is not None and x.get("benchmark") is not None:
                result_items[x["benchmark_id"]] += 1
                result_spelling.setdefault(x["benchmark_id"], x["benchmark"])
                paper_results.add(x["benchmark_id"])
        result_papers.update(paper_results)
        for l in r["links"]:
            link_items[l["kind"]] += 1
        link_papers.update(set(l["kind"] for l in r["links"]))
        orgs.update(set(o["name"] for o in r["orgs"]))
        benchmarks.update(set(r["benchmarks"]))
        paper_owners = set()
        for l in r["links"]:
            if l["kind"] != "github":
                continue
            owner = l.get("owner") or (l["url"].split("/")[3] if len(l["url"].split("/")) > 3 else None)
            if owner:
                owner_spelling.setdefault(owner.lower(), owner)
                paper_owners.add(owner.lower())
        owners.update(paper_owners)
        for x in r["numbers"]:
            unit_items[x["unit"]] += 1
        unit_papers.update(set(x["unit"] for x in r["numbers"]))
        p = r["published"]
        if p is None:
            no_date += 1
        elif re.match(r"^[0-9]{4}-[0-9]{2}", p):
            months[p[:7]] += 1
        else:
            no_year += 1
        merged_by.update(set(r.get("merged_by", [])))
        conflicts.update(set(c["field"] for c in r["conflicts"]))
        for s in r["sources"]:
            formats[s.get("format") or "unknown"] += 1

    model_items = sum(len(r["model_sizes"]) for r in records)
    model_papers = sum(1 for r in records if r["model_sizes"])
    units = [[u, str(c), str(unit_papers[u])] for u, c in ranked(unit_items)]
    if model_items:
        units.append(["model size (B)", str(model_items), str(model_papers)])
    per_month = [[m, str(c)] for m, c in sorted(months.items())]
    if no_year:
        per_month.append(["no year", str(no_year)])
    if no_date:
        per_month.append(["no date", str(no_date)])
    return {
        "Records": [
            ["papers", str(n)],
            ["occurrences", str(occurrences)],
            ["papers merged from more than one occurrence", str(dup_papers)],
            ["occurrences merged into another", str(occurrences - n)],
            ["links", str(sum(link_items.values()))],
            ["number mentions", str(sum(unit_items.values()))],
            ["model size mentions", str(model_items)],
            ["distinct organisations", str(len(orgs))],
            ["distinct benchmarks", str(len(benchmarks))],
            ["numbers tied to a benchmark (results)", str(sum(result_items.values()))],
            ["distinct benchmarks of results", str(len(result_items))],
            ["distinct GitHub owners", str(len(owners))],
        ],
        "Coverage": [[label, str(c), pct(c, n)] for label, c in
                     ((label, sum(1 for r in records if test(r))) for label, test in COVERAGE)],
        "Links by kind": [[k, str(c), str(link_papers[k])] for k, c in ranked(link_items)],
        "Top organisations": [[k, str(c)] for k, c in ranked(orgs)[:top]],
        "Top benchmarks": [[k, str(c)] for k, c in ranked(benchmarks)[:top]],
        "Top benchmarks by results": [[result_spelling[k], k, str(c), str(result_papers[k])] for k, c in
                                      sorted(result_items.items(), key=lambda kv: (-kv[1], -result_papers[kv[0]], kv[0]))[:top]],
        "Top GitHub owners": [[owner_spelling[k], str(c)] for k, c in ranked(owners)[:top]],
        "Numbers by unit": units,
        "Papers per month": per_month,
        "Merges by key": [[k, str(c)] for k, c in ranked(merged_by)],
        "Conflicts by field": [[k, str(c)] for k, c in ranked(conflicts)],
        "Occurrences by source format": [[k, str(c)] for k, c in ranked(formats)],
    }


def parse_markdown(text):
    """Section title -> table body rows (header and rule dropped); `_none_` -> []."""
    sections, title, rows = {}, None, None
    for line in text.splitlines():
        if line.startswith("## "):
            title, rows = line[3:].strip(), []
            sections[title] = rows
        elif title and line.startswith("|"):
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            rows.append(cells)
    for title, rows in sections.items():
        sections[title] = rows[2:]  # header, alignment rule
    return sections


def check_html(path, expected):
    text = open(path, encoding="utf-8").read()
    root = ET.fromstring(text)  # raises on anything that is not well-formed
    ns = "{http://www.w3.org/2000/svg}"
    problems = []
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            problems.append(f"element <{tag}> (the page must be self-contained)")
        for attr, value in el.attrib.items():
            if attr.split("}")[-1] in ("src", "href") and not value.startswith("#"):
                problems.append(f"external reference {attr}={value!r}")
            if attr.startswith("on"):
                problems.append(f"script attribute {attr}")
    style = "".join(s.text or "" for s in root.iter("style"))
    if "url(" in style or "@import" in style:
        problems.append("external resource in the style sheet")
    charts = list(root.iter(ns + "svg"))
    if len(charts) < 7:
        problems.append(f"expected at least 7 inline SVG charts, found {len(charts)}")
    # Key figures on the cards.
    cards = {}
    for card in root.iter("div"):
        if card.get("class") == "card":
            figure = next(d.text for d in card if d.get("class") == "figure")
            what = next(d.text for d in card if d.get("class") == "what")
            cards[what] = figure
    records = dict(expected["Records"])
    want = {"papers": records["papers"], "occurrences": records["occurrences"],
            "merged": records["papers merged from more than one occurrence"],
            "links": records["links"], "numbers": records["number mentions"],
            "organisations": records["distinct organisations"]}
    if cards != want:
        problems.append(f"cards show {cards}, expected {want}")
    # Coverage bars carry "label: share (count)" in their <title>.
    titles = [t.text for t in root.iter(ns + "title")]
    for label, count, share in expected["Coverage"]:
        if f"{label}: {share} ({count})" not in titles:
            problems.append(f"coverage bar '{label}: {share} ({count})' missing")
    return problems, len(charts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("papers")
    ap.add_argument("markdown")
    ap.add_argument("html", nargs="?")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    with open(args.papers, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    expected = expected_sections(records, args.top)
    actual = parse_markdown(open(args.markdown, encoding="utf-8").read())
    failed = False
    for title, rows in expected.items():
        if title not in actual:
            print(f"check_report: section '{title}' missing from {args.markdown}", file=sys.stderr)
            failed = True
        elif actual[title] != rows:
            print(f"check_report: section '{title}' differs\n  report:   {actual[title]}\n  expected: {rows}", file=sys.stderr)
            failed = True
    extra = set(actual) - set(expected)
    if extra:
        print(f"check_report: sections not checked here: {sorted(extra)}", file=sys.stderr)
        failed = True
    charts = 0
    if args.html:
        problems, charts = check_html(args.html, expected)
        for p in problems:
            print(f"check_report: {args.html}: {p}", file=sys.stderr)
        failed = failed or bool(problems)
    if failed:
        sys.exit(1)
    rows = sum(len(r) for r in expected.values())
    print(f"report figures match an independent count: {len(records)} papers, {len(expected)} sections, "
          f"{rows} rows" + (f"; HTML well-formed, self-contained, {charts} charts" if args.html else ""))


if __name__ == "__main__":
    main()
