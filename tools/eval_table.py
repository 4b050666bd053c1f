#!/usr/bin/env python3
"""Print the scorer's figures for the seed gold and the dev gold side by side (make eval).

usage: eval_table.py --seed-gold G --seed OUT.jsonl [--dev-gold G --dev OUT.jsonl]
                     [--min-seed FIELD=V ...] [--min-dev FIELD=V ...]

Each side is scored by tools/score.py (--json; the dev side with --abstract-links, since the dev
gold holds the links written in the abstract). Without --dev the dev column says it was skipped.
--min-seed / --min-dev make the exit status 1 when a field's F1 (or accuracy) is below the floor;
every figure below its floor is named on standard error.
"""
import argparse, json, os, subprocess, sys

FIELDS = ["links", "link_kinds", "numbers", "model_sizes", "orgs", "benchmarks", "sources",
          "authors_count", "published", "upvotes", "org"]
SCORER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "score.py")


def score(gold, out, abstract_links):
    cmd = [sys.executable, SCORER, "--gold", gold, out, "--json"] + (["--abstract-links"] if abstract_links else [])
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def cell(res, field):
    r = res.get(field) if res else None
    if not r:
        return "—"
    if "f1" in r:
        return f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} ({r['tp']}/{r['fp']}/{r['fn']})"
    return f"accuracy {r['accuracy']:.3f} ({r['matched']})"


def value(res, field):
    r = (res or {}).get(field) or {}
    return r.get("f1", r.get("accuracy"))


def floors(pairs):
    out = {}
    for p in pairs:
        k, _, v = p.partition("=")
        out[k] = float(v)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed-gold", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--dev-gold")
    ap.add_argument("--dev")
    ap.add_argument("--skip-reason", default="../shared is absent")
    ap.add_argument("--min-seed", action="append", default=[])
    ap.add_argument("--min-dev", action="append", default=[])
    a = ap.parse_args()
    seed = score(a.seed_gold, a.seed, False)
    dev = score(a.dev_gold, a.dev, True) if a.dev and a.dev_gold else None
    seed_floor, dev_floor = floors(a.min_seed), floors(a.min_dev)

    head = ("field", "seed gold (corpus/)", "dev gold (../shared/corpus-dev, --abstract-links)")
    rows = [(f, cell(seed, f) + (f"  ≥ {seed_floor[f]}" if f in seed_floor else ""),
             (cell(dev, f) + (f"  ≥ {dev_floor[f]}" if f in dev_floor else "")) if dev else "skipped")
            for f in FIELDS]
    w0 = max(len(r[0]) for r in rows + [head])
    w1 = max(len(r[1]) for r in rows + [head])
    print(f"{head[0]:<{w0}}  {head[1]:<{w1}}  {head[2]}")
    for f, s, d in rows:
        print(f"{f:<{w0}}  {s:<{w1}}  {d}")
    print("(tp/fp/fn) after each F1; accuracy over matched papers. Floors (≥) are the make eval-check minimums.")
    if dev is None:
        print(f"dev part skipped: {a.skip_reason}")
    rc = 0
    for name, res, fl in (("seed", seed, seed_floor), ("dev", dev, dev_floor)):
        if res is None:
            continue
        for k, v in fl.items():
            got = value(res, k)
            if got is None or got < v:
                print(f"below the floor: {name} {k} {got} < {v}", file=sys.stderr)
                rc = 1
    sys.exit(rc)


if __name__ == "__main__":
    main()
