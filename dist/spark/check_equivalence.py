#!/usr/bin/env python3
"""Checks a scale-out run against `make run`: the same records, byte for byte, after sorting by id.

    check_equivalence.py --reference out/papers.jsonl --placement placement.tsv \\
        --min-crossing 1 spark.jsonl [streaming.jsonl ...]

Every candidate file must hold exactly the reference's records (each line compared byte for
byte, both sides sorted by id, then by the whole line). With --placement (the TSV the Spark
driver writes: partition, kind, file, line of every input unit), it also counts the merged
papers whose occurrences came from different input partitions, and fails below --min-crossing:
the proof that the keyed shuffle, not one partition's local dedupe, brought them together.
Exit status: 0 all equal; 1 a difference or too few crossing merges; 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys


def sorted_records(path):
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    return sorted(lines, key=lambda line: (json.loads(line)["id"], line))


def first_difference(reference, candidate):
    """A description of the first difference between two sorted record lists, or None."""
    ref_ids = [json.loads(r)["id"] for r in reference]
    cand_ids = [json.loads(c)["id"] for c in candidate]
    missing = sorted(set(ref_ids) - set(cand_ids))
    extra = sorted(set(cand_ids) - set(ref_ids))
    if missing or extra:
        return f"ids only in the reference: {missing[:5]} ({len(missing)}); only here: {extra[:5]} ({len(extra)})"
    if len(reference) != len(candidate):
        return f"{len(reference)} records in the reference, {len(candidate)} here (repeated ids)"
    for r, c in zip(reference, candidate):
        if r != c:
            rj, cj = json.loads(r), json.loads(c)
            fields = [k for k in dict.fromkeys(list(rj) + list(cj)) if rj.get(k) != cj.get(k)]
            detail = "; ".join(f"{k}: reference {json.dumps(rj.get(k))[:200]} / here {json.dumps(cj.get(k))[:200]}"
                               for k in fields[:3])
            return f"record {rj['id']} differs in {fields}: {detail}"
    return None


def load_placement(path):
    """(kind, file, line) → partition; whole documents are keyed by (file, None)."""
    where = {}
    with open(path, encoding="utf-8") as f:
        for row in f:
            partition, kind, name, line = row.rstrip("\n").split("\t")
            where[(name, None if kind == "whole" else int(line))] = int(partition)
    return where


def partitions_of(record, where):
    found = set()
    for source in record["sources"]:
        key = (source["file"], source["line"])
        if key not in where:
            key = (source["file"], None)
        if key not in where:
            raise KeyError(f"source {source['file']}:{source['line']} of {record['id']} is in no input unit")
        found.add(where[key])
    return found


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reference", required=True, help="make run's papers.jsonl")
    p.add_argument("--placement", help="the Spark driver's --placement TSV (for the first candidate)")
    p.add_argument("--min-crossing", type=int, default=1,
                   help="fewest merged papers whose occurrences came from different input partitions")
    p.add_argument("candidates", nargs="+", help="outputs to compare with the reference")
    args = p.parse_args(argv)

    reference = sorted_records(args.reference)
    ok = True
    for path in args.candidates:
        candidate = sorted_records(path)
        difference = first_difference(reference, candidate)
        if difference:
            print(f"FAIL {path}: {difference}")
            ok = False
        else:
            print(f"ok   {path}: {len(candidate)} records identical to the reference after sorting by id")

    if args.placement:
        where = load_placement(args.placement)
        records = [json.loads(line) for line in sorted_records(args.candidates[0])]
        merged = [r for r in records if len(r["sources"]) > 1]
        crossing = [r for r in merged if len(partitions_of(r, where)) > 1]
        partitions = len(set(where.values()))
        print(f"{'ok  ' if len(crossing) >= args.min_crossing else 'FAIL'} {len(merged)} merged papers, "
              f"{len(crossing)} of them from different input partitions ({partitions} input partitions)")
        for r in crossing[:3]:
            spots = ", ".join(f"{s['file']}:{s['line']}" for s in r["sources"])
            print(f"     e.g. {r['id']}: {spots}")
        ok = ok and len(crossing) >= args.min_crossing
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
