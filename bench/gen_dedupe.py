#!/usr/bin/env python3
"""Deterministic dedupe benchmark input: normalised paper records (sift-normalize output, JSON Lines).

    bench/gen_dedupe.py --records N [--duplicates 0.3] [--seed 1] --out FILE

Writes N records of which about --duplicates are repeats of an earlier paper, and prints a JSON
manifest on stdout: {"records": N, "papers": unique papers, "duplicates": repeats, by kind}.
A repeat is one of:
  copy      the same listing on another page (text dump), other upvotes (a conflict)
  variant   the title re-typed: case, punctuation, "--" for ":" , en dash, hyphens dropped
  api       the Hugging Face API record of the paper (curated, with its arXiv id)
  version   an arXiv Atom record of a later version (same arXiv id)
  typo      the title with a typo (a near-duplicate: only the similarity check can merge it)
Every paper has its own title and a random 70-word abstract, so distinct papers never look alike.
Same arguments -> byte-identical file. Python 3, stdlib only.
"""

import argparse
import json
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "zu", "qua", "dro", "fen", "gir",
             "bel", "cor", "dan", "eth", "for", "gul", "han", "isk", "jor", "kel", "lum", "mor"]


def word_pool(rng, n):
    pool = set()
    while len(pool) < n:
        pool.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(pool)


def record(title, abstract, file, line, fmt, upvotes, arxiv=None, version=None, published=None):
    ident = ("arxiv:" + arxiv) if arxiv else "title:0000000000000000"
    return ('{"id":"%s","title":"%s","abstract":"%s","authors_count":null,"org":null,"published":%s,'
            '"upvotes":%s,"links":[],"numbers":[],"model_sizes":[],"benchmarks":[],"orgs":[],'
            '"sources":[{"file":"%s","line":%d,"format":"%s"}],"conflicts":[],"arxiv_id":%s,'
            '"arxiv_version":%s,"doi":null,"first_author":null,"merged_by":[]}\n') % (
        ident, title, abstract, json.dumps(published), json.dumps(upvotes), file, line, fmt,
        json.dumps(arxiv), json.dumps(version))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, required=True)
    ap.add_argument("--duplicates", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = word_pool(rng, 30000)
    kinds = ["copy"] * 10 + ["variant"] * 4 + ["api"] * 4 + ["version"] * 1 + ["typo"] * 1
    papers = []  # (title, abstract, arxiv id)
    counts = {k: 0 for k in set(kinds)}
    repeat_share = a.duplicates
    with open(a.out, "w", encoding="utf-8") as out:
        n = 0
        while n < a.records:
            if papers and rng.random() < repeat_share:
                i = rng.randrange(len(papers))
                title, abstract, arxiv = papers[i]
                kind = rng.choice(kinds)
                counts[kind] += 1
                page, line = n // 40, 3 * (n % 40) + 10
                if kind == "copy":
                    out.write(record(title, abstract, "page_%06d.txt" % page, line, "hf-text", rng.randrange(50)))
                elif kind == "variant":
                    v = title.upper() if rng.random() < 0.5 else title.replace(": ", " -- ").replace("-", " ")
                    out.write(record(v + ".", abstract, "page_%06d.txt" % page, line, "hf-text", None))
                elif kind == "api":
                    out.write(record(title, abstract, "api_%06d.json" % page, n % 40 + 1, "hf-api",
                                     rng.randrange(200), arxiv, 1, "2024-08-01"))
                elif kind == "version":
                    out.write(record(title, abstract, "atom_%06d.xml" % page, n % 40 + 1, "arxiv-atom",
                                     None, arxiv, 2, "2024-07-30"))
                else:
                    words = title.split(" ")
                    k = rng.randrange(1, len(words))
                    words[k] = words[k][:2] + "x" + words[k][2:]
                    out.write(record(" ".join(words), abstract, "page_%06d.txt" % page, line, "hf-text", 0))
            else:
                i = len(papers)
                title = "%s%x: %s" % (rng.choice(pool).capitalize(), i, " ".join(rng.choice(pool) for _ in range(6)))
                abstract = " ".join(rng.choices(pool, k=70)) + "."
                arxiv = "%04d.%05d" % (2300 + i // 100000, i % 100000)
                papers.append((title, abstract, arxiv))
                out.write(record(title, abstract, "page_%06d.txt" % (n // 40), 3 * (n % 40) + 10, "hf-text",
                                 rng.randrange(30)))
            n += 1
    manifest = {"records": a.records, "papers": len(papers), "duplicates": a.records - len(papers),
                "by_kind": dict(sorted(counts.items())), "seed": a.seed}
    json.dump(manifest, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
