#!/usr/bin/env python3
"""Generates an arXiv-snapshot-sized input for `make bench-arxiv` from a real snapshot sample.

    bench/gen_arxiv.py --sample FILE --out FILE --records N [--seed S] [--files K]

FILE is JSON Lines in the `arxiv-oai` format (arxiv-metadata-oai-snapshot.json); the 200-line
sample in ../shared/corpus-real is what `make bench-arxiv` uses. Every output record takes one
sample record as its template (round robin) and gets a new id (YYMM.NNNNN, unique), the
template's title words reshuffled, an abstract made of sentences drawn from all the sample's
abstracts (reshuffled across records, so numbers, links and names stay real text), no DOI (a
template's DOI would merge all its copies) and the template's other fields. With --files K > 1,
the output is K files OUT.1 … OUT.K of about the same size. Deterministic for a given seed.
Python 3.11, stdlib only; prints the record and byte counts on stderr.
"""

import argparse
import json
import random
import re
import sys
import time

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\\$])")


def load(sample):
    templates, sentences = [], []
    with open(sample, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("abstract"), str) or not rec.get("title"):
                continue
            parts = [s for s in SENTENCE_END.split(" ".join(rec["abstract"].split())) if s]
            templates.append((rec, rec["title"].split(), len(parts)))
            sentences += parts
    if not templates:
        sys.exit("gen_arxiv: no usable records in %s" % sample)
    return templates, sentences


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", required=True, help="arxiv-oai JSON Lines sample")
    ap.add_argument("--out", required=True, help="output file (with --files K: OUT.1 … OUT.K)")
    ap.add_argument("--records", type=int, default=2_500_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files", type=int, default=1)
    args = ap.parse_args()

    t0 = time.time()
    rng = random.Random(args.seed)
    templates, sentences = load(args.sample)
    names = [args.out] if args.files <= 1 else ["%s.%d" % (args.out, i + 1) for i in range(args.files)]
    per_file = -(-args.records // len(names))
    total = 0
    n = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for name in names:
        with open(name, "w", encoding="utf-8", buffering=1 << 20) as out:
            lines = []
            for _ in range(min(per_file, args.records - n)):
                rec, title_words, n_sentences = templates[n % len(templates)]
                words = title_words[:]
                rng.shuffle(words)
                new = dict(rec)
                # New ids: YYMM.NNNNN, months from 0704 on, 99,999 papers a month.
                month = n // 99_999
                new["id"] = "%02d%02d.%05d" % (7 + month // 12, 1 + month % 12, 1 + n % 99_999)
                new["title"] = " ".join(words)
                new["abstract"] = " ".join(rng.sample(sentences, max(1, n_sentences)))
                new["doi"] = None
                lines.append(dumps(new))
                n += 1
                if len(lines) == 4096:
                    block = "\n".join(lines) + "\n"
                    out.write(block)
                    total += len(block.encode("utf-8"))
                    lines = []
            if lines:
                block = "\n".join(lines) + "\n"
                out.write(block)
                total += len(block.encode("utf-8"))
    print("gen_arxiv: %d records, %d bytes in %d file(s) from %d templates, %d sentences; %.0fs"
          % (n, total, len(names), len(templates), len(sentences), time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
