#!/usr/bin/env python3
"""Independent check of a corpus written by gen_corpus.py (or of the real seed pages).

    bench/check_corpus.py DIR            # DIR/pages/*.txt, DIR/arxiv/*.jsonl, DIR/manifest.json
    bench/check_corpus.py FILE.txt ...   # just parse Daily Papers dumps (e.g. corpus/*.txt)
    bench/check_corpus.py --occurrences OUT.jsonl DIR|FILE...
                                         # also write every occurrence as one JSON line
                                         # {file, line, format, title, abstract} (baseline input)

Parses the Daily Papers layout strictly (header, title / blank / abstract / blank, optional
three-line metadata block) and the arXiv JSON Lines, groups occurrences by normalised title and
verifies: every repeat has the same abstract (whitespace-normalised), the arXiv lines are the
compact key-ordered JSON of the real snapshot, and the counts agree with manifest.json.
Exit status 1 on any problem. Python 3.11, stdlib only.
"""

import glob
import json
import os
import re
import sys

HEADER_A = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", ""]
HEADER_B = ["byAK and the research community", ""]
PAGE_DATE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$")
AUTHORS = re.compile(r"^  \u2022 \d+ authors$")
ORG = re.compile(r"^\S+ \S.*$")
DATE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?( \d+)?$")
ARXIV_KEYS = ["id", "submitter", "authors", "title", "comments", "journal-ref", "doi", "report-no",
              "categories", "license", "abstract", "versions", "update_date", "authors_parsed"]
WS = re.compile(r"\s+")


def norm(s):
    return WS.sub(" ", s).strip()


def parse_page(path, problems):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    if lines[:6] != HEADER_A:
        problems.append("%s: bad header" % path)
        return []
    i = 6
    if lines[i] == "Daily Papers":
        i += 2
    if lines[i:i + 2] != HEADER_B or not PAGE_DATE.match(lines[i + 2]) or lines[i + 3] != "":
        problems.append("%s:%d: bad header tail" % (path, i + 1))
        return []
    i += 4
    out = []
    n = len(lines)
    while i < n:
        title = lines[i]
        if not title or title[0].isspace() or i + 2 >= n or lines[i + 1] != "" or not lines[i + 2]:
            problems.append("%s:%d: expected title, blank, abstract" % (path, i + 1))
            return out
        abstract = lines[i + 2]
        meta = None
        j = i + 3
        if j < n and lines[j] != "":
            problems.append("%s:%d: expected blank after abstract" % (path, j + 1))
            return out
        j += 1
        if j + 2 < n and lines[j + 1] == "\u00b7":
            if not (AUTHORS.match(lines[j]) or ORG.match(lines[j])) or not DATE.match(lines[j + 2]):
                problems.append("%s:%d: bad metadata block" % (path, j + 1))
            meta = (lines[j], lines[j + 2])
            j += 3
            if j < n and lines[j] != "":
                problems.append("%s:%d: expected blank after metadata" % (path, j + 1))
            j += 1
        out.append({"file": path, "line": i + 1, "title": title, "abstract": abstract, "meta": meta})
        i = j
    return out


def parse_arxiv(path, problems):
    out = []
    with open(path, encoding="ascii") as fh:
        for ln, line in enumerate(fh, 1):
            rec = json.loads(line)
            if list(rec) != ARXIV_KEYS:
                problems.append("%s:%d: key order" % (path, ln))
            if json.dumps(rec, separators=(",", ":")) + "\n" != line:
                problems.append("%s:%d: not compact ASCII JSON" % (path, ln))
            a = rec["abstract"]
            if not (a.startswith("  ") and a.endswith("\n")):
                problems.append("%s:%d: abstract not wrapped like the snapshot" % (path, ln))
            if max(len(x) for x in a.split("\n")) > 79 and " " in a.strip():
                long_ok = all(" " not in x.strip() for x in a.split("\n") if len(x) > 79)
                if not long_ok:
                    problems.append("%s:%d: abstract line over 79 chars" % (path, ln))
            out.append({"file": path, "line": ln, "title": rec["title"], "abstract": a,
                        "id": rec["id"]})
    return out


def main(argv):
    emit = None
    if len(argv) >= 2 and argv[0] == "--occurrences":
        emit, argv = argv[1], argv[2:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    problems = []
    occ = []
    manifest = None
    if len(argv) == 1 and os.path.isdir(argv[0]):
        d = argv[0]
        pages = sorted(glob.glob(os.path.join(d, "pages", "*.txt")))
        axs = sorted(glob.glob(os.path.join(d, "arxiv", "*.jsonl")))
        mp = os.path.join(d, "manifest.json")
        if os.path.exists(mp):
            manifest = json.load(open(mp))
    else:
        pages = [a for a in argv if not a.endswith(".jsonl")]
        axs = [a for a in argv if a.endswith(".jsonl")]
    n_hf = 0
    for p in pages:
        o = parse_page(p, problems)
        n_hf += len(o)
        occ.extend(o)
    n_ax = 0
    for p in axs:
        o = parse_arxiv(p, problems)
        n_ax += len(o)
        occ.extend(o)
    if emit:
        with open(emit, "w", encoding="utf-8") as fh:
            for o in occ:
                fh.write(json.dumps({"file": os.path.basename(o["file"]), "line": o["line"],
                                     "format": "arxiv_jsonl" if "id" in o else "hf_page",
                                     "title": o["title"], "abstract": o["abstract"]},
                                    ensure_ascii=False) + "\n")
    by_title = {}
    ids = {}
    for o in occ:
        t = norm(o["title"])
        a = norm(o["abstract"])
        if t in by_title:
            if by_title[t] != a:
                problems.append("%s:%d: repeat of %r with a different abstract" % (o["file"], o["line"], t[:60]))
        else:
            by_title[t] = a
        if "id" in o:
            if o["id"] in ids and ids[o["id"]] != t:
                problems.append("%s:%d: arXiv id %s reused for another title" % (o["file"], o["line"], o["id"]))
            ids[o["id"]] = t
    keyset = {}
    for t in by_title:
        k = re.sub(r"[^a-z0-9]+", "", t.lower())
        if k in keyset:
            problems.append("titles differ only in case/punctuation: %r / %r" % (keyset[k], t))
        keyset[k] = t
    with_meta = sum(1 for o in occ if o.get("meta"))
    print("pages: %d files, %d occurrences (%d with metadata); arxiv: %d files, %d records; "
          "occurrences %d, unique titles %d" % (len(pages), n_hf, with_meta, len(axs), n_ax, len(occ), len(by_title)))
    if manifest is not None:
        checks = [("occurrences", manifest["occurrences"], len(occ)),
                  ("unique_papers", manifest["unique_papers"], len(by_title)),
                  ("hf occurrences", manifest["formats"]["hf_pages"]["occurrences"], n_hf),
                  ("arxiv occurrences", manifest["formats"]["arxiv_jsonl"]["occurrences"], n_ax),
                  ("hf bytes", manifest["formats"]["hf_pages"]["bytes"], sum(os.path.getsize(p) for p in pages)),
                  ("arxiv bytes", manifest["formats"]["arxiv_jsonl"]["bytes"], sum(os.path.getsize(p) for p in axs))]
        for what, want, got in checks:
            if want != got:
                problems.append("manifest %s = %d, found %d" % (what, want, got))
    for p in problems[:50]:
        print("PROBLEM:", p)
    if len(problems) > 50:
        print("... %d problems in all" % len(problems))
    print("OK" if not problems else "FAILED")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
