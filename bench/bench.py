#!/usr/bin/env python3
"""`make bench`: throughput, peak memory and start-up of papersift on a generated corpus and on
real abstracts (the dev set's Hugging Face API files in ../shared, when present).

Generates (or reuses) a deterministic corpus with bench/gen_corpus.py, runs every stage alone on
its real input (the previous stage's output), the piped five stages, `sift run`, `cat`, the
Python baseline (bench/baseline.py with the `regex` module, the same rule files, on the same
records) and ripgrep on the same input, the figures of issue 16 against their targets, and writes a Markdown report
with the machine description and the command (default bench/results.md). Python 3.11, stdlib only.

Each command is run --repeat times with standard output to /dev/null; the table shows the run
with the median wall time. CPU time and peak RSS come from wait4(2), as with /usr/bin/time -v
(for a pipeline: CPU summed over its processes, RSS of the largest one).
"""

import argparse
import datetime
import filecmp
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import baseline  # noqa: E402  (its rule-file parser, for the ripgrep patterns)

STAGES = ["sift-clean", "sift-segment", "sift-extract", "sift-normalize", "sift-dedupe"]
STREAMING = ["sift-clean", "sift-segment", "sift-extract", "sift-normalize"]
INTERMEDIATE = {"sift-clean": "clean.jsonl", "sift-segment": "segment.jsonl",
                "sift-extract": "extract.jsonl", "sift-normalize": "normalize.jsonl",
                "sift-dedupe": "papers.jsonl"}


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Running and measuring
# --------------------------------------------------------------------------------------------


def measure(argv, stdin_path=None, stdout_path=os.devnull, env=None):
    """Runs argv once; returns wall seconds, user+sys CPU seconds, peak RSS in KiB, exit status."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=subprocess.PIPE, env=env)
        err = proc.stderr.read()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    if stdin_path:
        stdin.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "user": ru.ru_utime, "sys": ru.ru_stime,
            "rss_kb": ru.ru_maxrss, "status": proc.returncode, "stderr": err.decode("utf-8", "replace")}


def repeated(argv, repeat, **kw):
    """Median-wall run of `repeat` runs (each one is checked for exit status 0)."""
    runs = []
    for _ in range(repeat):
        r = measure(argv, **kw)
        if r["status"] != 0:
            sys.exit("bench: %s exited with %d:\n%s" % (shlex.join(argv), r["status"], r["stderr"][-2000:]))
        runs.append(r)
    runs.sort(key=lambda r: r["wall"])
    best = dict(runs[len(runs) // 2])
    best["min_wall"] = runs[0]["wall"]
    best["runs"] = len(runs)
    return best


def pipeline(commands):
    """A shell pipeline (pipefail) of argv lists."""
    return ["bash", "-c", "set -o pipefail; " + " | ".join(shlex.join(c) for c in commands)]


def count_lines(path):
    n = 0
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 20)
            if not block:
                return n
            n += block.count(b"\n")


def size(paths):
    return sum(os.path.getsize(p) for p in paths)


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


def arxiv_supported(bin_dir, work, env):
    """Whether sift-clean reads arXiv snapshot JSON Lines yet (probed on a 1 MB sample)."""
    probe = os.path.join(work, "probe")
    corpus(probe, 1, 1, 1.0)
    files = sorted(os.path.join(probe, "arxiv", f) for f in os.listdir(os.path.join(probe, "arxiv")))
    out = os.path.join(work, "probe.clean.jsonl")
    r = measure([os.path.join(bin_dir, "sift-clean"), "--quiet", files[0]], stdout_path=out, env=env)
    return r["status"] == 0 and os.path.getsize(out) > 0


def corpus(directory, mb, seed, arxiv_share):
    """Generates the corpus unless `directory` already holds one made with the same arguments."""
    manifest = os.path.join(directory, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            m = json.load(f)
        a = m.get("args", {})
        if a.get("mb") == float(mb) and a.get("seed") == seed and a.get("arxiv_share") == float(arxiv_share):
            return m
    log("generating %s MB corpus in %s" % (mb, directory))
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--out", directory, "--mb", str(mb),
                    "--seed", str(seed), "--arxiv-share", str(arxiv_share)], check=True)
    with open(manifest) as f:
        return json.load(f)


def corpus_files(directory):
    files = []
    for sub in ("pages", "arxiv"):
        d = os.path.join(directory, sub)
        if os.path.isdir(d):
            files += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith((".txt", ".jsonl")))
    return files


def prepare(bin_dir, files, work, env):
    """Writes every stage's output (the next stage's input) and checks piped == fused."""
    os.makedirs(work, exist_ok=True)
    current = files
    for stage in STAGES:
        out = os.path.join(work, INTERMEDIATE[stage])
        r = measure([os.path.join(bin_dir, stage), "--quiet"] + current, stdout_path=out, env=env)
        if r["status"] != 0:
            sys.exit("bench: %s failed (%d):\n%s" % (stage, r["status"], r["stderr"][-2000:]))
        current = [out]
    fused = os.path.join(work, "papers.fused.jsonl")
    r = measure([os.path.join(bin_dir, "sift"), "run", "--quiet"] + files, stdout_path=fused, env=env)
    if r["status"] != 0:
        sys.exit("bench: sift run failed (%d):\n%s" % (r["status"], r["stderr"][-2000:]))
    if subprocess.run(["cmp", "-s", current[0], fused]).returncode != 0:
        sys.exit("bench: sift run and the piped stages disagree on %s" % work)


# --------------------------------------------------------------------------------------------
# ripgrep patterns
# --------------------------------------------------------------------------------------------


def python_rules(rules_dir, out_dir):
    """A copy of the rules directory with only the extraction rules the Python baseline can run
    (its four fields, patterns that `re` accepts), so that sift-extract, the baseline and ripgrep
    can be timed on the same rules. Returns (rule ids kept, rule ids left out)."""
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    shutil.copytree(rules_dir, out_dir)
    kept, dropped = [], []
    for root, _, names in os.walk(out_dir):
        for name in names:
            path = os.path.join(root, name)
            if name == "aliases.txt" and os.path.basename(root) == "orgs":
                os.remove(path)  # organisation names: not part of the baseline
                continue
            if not name.endswith(".rule"):
                continue
            d = baseline.parse_rule_file(path, out_dir)
            if d["field"] not in baseline.FIELDS and d["field"] in ("orgs", "number_context"):
                os.remove(path)
                dropped.append(d["id"])
                continue
            if d["field"] not in baseline.FIELDS:
                continue  # link kinds, clean, segment: not extraction rules
            try:
                baseline.compile_rule(d)
                kept.append(d["id"])
            except Exception:  # noqa: BLE001 (whatever `re` rejects)
                os.remove(path)
                dropped.append(d["id"])
    return sorted(kept), sorted(dropped)


def ripgrep_patterns(rules_dir):
    """The extraction rules of `rules_dir` (includes expanded) as one-line PCRE2 patterns for
    `rg -P -f`. rg joins the patterns into one alternation, so group names are dropped (they
    would clash) and flags become inline options; rules that refer to groups by name, or whose
    `continue:` pattern would be lost, are left out."""
    patterns, skipped = [], []
    for root, _, names in sorted(os.walk(rules_dir)):
        for name in sorted(names):
            if not name.endswith(".rule"):
                continue
            d = baseline.parse_rule_file(os.path.join(root, name), rules_dir)
            if d["field"] not in baseline.FIELDS:
                continue
            p = d["pattern"]
            if d.get("continuation") or re.search(r"\\k[<{']|\(\?&|\(\?P[=>]|\\g\{?[A-Za-z]|\(\?\(DEFINE", p):
                skipped.append(d["id"])
                continue
            if "extended" in d["flags"]:
                p = " ".join(re.sub(r"(?<!\\)#.*$", "", line) for line in p.split("\n"))
            else:
                p = p.replace("\n", "\\n")
            p = re.sub(r"\(\?(?:P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*')", "(", p)
            inline = "".join(f for flag, f in (("caseless", "i"), ("extended", "x"), ("multiline", "m"),
                                               ("dotall", "s"), ("ungreedy", "U")) if flag in d["flags"])
            patterns.append("(?%s)%s" % (inline, p) if inline else p)
    return patterns, skipped


# --------------------------------------------------------------------------------------------
# Machine
# --------------------------------------------------------------------------------------------


def first_line(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except OSError:
        return "not installed"


def machine():
    info = {}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for key in ("Model name", "CPU(s)", "Thread(s) per core", "Core(s) per socket", "L2 cache", "L3 cache"):
            m = re.search(r"^%s:\s*(.+)$" % re.escape(key), lscpu, re.M)
            if m:
                info[key] = m.group(1).strip()
    except OSError:
        pass
    with open("/proc/meminfo") as f:
        m = re.search(r"MemTotal:\s+(\d+) kB", f.read())
        info["Memory"] = "%.1f GiB" % (int(m.group(1)) / 1024 / 1024) if m else "?"
    info["Kernel"] = platform.release()
    info["Swift"] = first_line(["swift", "--version"])
    info["Python"] = platform.python_version()
    info["ripgrep"] = first_line(["rg", "--version"])
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    info["Commit"] = commit + (" (with uncommitted changes)" if dirty else "")
    return info


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def fmt_rate(v, unit=""):
    if v >= 1e6:
        return "%.2f M%s" % (v / 1e6, unit)
    if v >= 1e3:
        return "%.0f k%s" % (v / 1e3, unit)
    return "%.0f %s" % (v, unit)


def table(rows, python_mbs):
    lines = ["| command | input MB | records | wall s | CPU s | MB/s | records/s | peak RSS MB | × Python |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        mbs = r["bytes"] / 1e6 / r["wall"]
        recs = ("%d" % r["records"]) if r.get("records") else "–"
        rps = fmt_rate(r["records"] / r["wall"]) if r.get("records") else "–"
        ratio = "%.1f×" % (mbs / python_mbs) if python_mbs else "–"
        lines.append("| %s | %.1f | %s | %.2f | %.2f | %.1f | %s | %.1f | %s |" % (
            r["name"], r["bytes"] / 1e6, recs, r["wall"], r["cpu"], mbs, rps, r["rss_kb"] / 1024, ratio))
    return "\n".join(lines)


def finding_keys(path):
    """(line number, field, rule, start, end) of every finding in an extract output."""
    keys = set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            rec = json.loads(line)
            for field, hits in (rec.get("found") or {}).items():
                for h in hits:
                    keys.add((n, field, h["rule"], h["start"], h["end"]))
    return keys


def python_peer(bin_dir, args, env, segment_in, extract_out, label):
    """sift-extract and the Python baseline (`regex` module, the same rule files) on the same
    records, median of --repeat runs each (the baseline: one run), with how many rules each ran
    and how many findings they share."""
    try:
        import regex  # noqa: F401
    except ImportError:
        log("the Python `regex` module is missing (pip install regex): no Python peer")
        return None
    records = count_lines(segment_in)
    ext = repeated([os.path.join(bin_dir, "sift-extract"), segment_in], args.repeat, env=env)
    ext.update(name="`sift-extract` on %s" % label, bytes=size([segment_in]), records=records)
    prof = measure([os.path.join(bin_dir, "sift-extract"), "--profile-rules", segment_in], env=env)["stderr"]
    sift_rules = sum(1 for l in prof.splitlines() if re.match(r"\| `[^`]+` \|", l))
    log("timing the Python baseline on %s (one run)" % label)
    py_out = segment_in + ".python.jsonl"
    r = measure([sys.executable, os.path.join(HERE, "baseline.py"), "--engine", "regex", "--rules", args.rules, segment_in],
                stdout_path=py_out, env=env)
    if r["status"] != 0:
        sys.exit("bench: baseline.py failed:\n" + r["stderr"][-2000:])
    m = re.search(r"baseline: regex, (\d+) rules \((\d+) skipped\)", r["stderr"])
    r.update(name="Python baseline (`bench/baseline.py --engine regex`) on %s" % label, bytes=size([segment_in]),
             records=records, runs=1, min_wall=r["wall"])
    a, b = finding_keys(extract_out), finding_keys(py_out)
    os.remove(py_out)
    return {"sift": ext, "python": r, "sift_rules": sift_rules, "python_rules": int(m.group(1)) if m else None,
            "python_skipped": int(m.group(2)) if m else None, "sift_findings": len(a), "python_findings": len(b),
            "common": len(a & b), "label": label}


def real_rows(bin_dir, args, env):
    """The stage, pipe and fused rows on real abstracts (the dev set's Hugging Face API files),
    each median of --repeat runs, and the Python peer on their records."""
    files = sorted(os.path.join(args.real, f) for f in os.listdir(args.real) if f.endswith(".json"))
    if not files:
        return None
    work = os.path.join(args.dir, "stages-real")
    log("real abstracts: %d files in %s" % (len(files), args.real))
    prepare(bin_dir, files, work, env)
    occurrences = count_lines(os.path.join(work, "segment.jsonl"))
    rows = []

    # Runs here take a fraction of a second: more of them for a steadier median.
    repeat = max(args.repeat, 7)

    def row(name, argv, nbytes, records):
        log("timing %s (real abstracts)" % name)
        r = repeated(argv, repeat, env=env)
        r.update(name=name, bytes=nbytes, records=records, argv=argv)
        rows.append(r)

    corpus_bytes = size(files)
    current = files
    for stage in STAGES:
        row("`%s`" % stage, [os.path.join(bin_dir, stage)] + current, size(current),
            occurrences if stage == "sift-clean" else count_lines(current[0]))
        current = [os.path.join(work, INTERMEDIATE[stage])]
    stage_argv = [[os.path.join(bin_dir, s)] for s in STAGES]
    row("piped five stages", pipeline([stage_argv[0][:1] + files] + stage_argv[1:]), corpus_bytes, occurrences)
    row("`sift run --threads 1`", [os.path.join(bin_dir, "sift"), "run", "--threads", "1"] + files, corpus_bytes, occurrences)
    row("`sift run --threads %d`" % args.threads, [os.path.join(bin_dir, "sift"), "run", "--threads", str(args.threads)]
        + files, corpus_bytes, occurrences)
    return {"files": len(files), "bytes": corpus_bytes, "occurrences": occurrences, "rows": rows, "peer": None,
            "dir": args.real, "work": work, "repeat": repeat}


def targets(rows, peer, startup):
    """Issue 16's figures from one corpus's rows: (what, measured, target, met)."""
    by = {r["name"]: r for r in rows}
    mbs = lambda r: r["bytes"] / 1e6 / r["wall"]  # noqa: E731
    out = []
    one = by.get("`sift run --threads 1`")
    two = next((r for r in rows if r["name"].startswith("`sift run --threads") and r["name"] != "`sift run --threads 1`"), None)
    if one:
        out.append(("`sift run`, one thread", "%.1f MB/s" % mbs(one), "≥ 50 MB/s", mbs(one) >= 50))
    if one and two:
        out.append((two["name"] + " over one thread (wall)", "%.2f×" % (one["wall"] / two["wall"]), "≥ 1.8×",
                    one["wall"] / two["wall"] >= 1.8))
    for stage, goal in (("sift-extract", 80), ("sift-normalize", 200), ("sift-dedupe", 200)):
        r = by.get("`%s`" % stage)
        if r:
            out.append(("`%s`" % stage, "%.1f MB/s" % mbs(r), "≥ %d MB/s" % goal, mbs(r) >= goal))
    p = by.get("piped five stages")
    if p:
        out.append(("piped five stages", "%.1f MB/s" % mbs(p), "≥ 50 MB/s", mbs(p) >= 50))
    if peer:
        ratio = mbs(peer["sift"]) / mbs(peer["python"])
        out.append(("`sift-extract` over the `regex` baseline, same records", "%.1f×" % ratio, "≥ 20×", ratio >= 20))
    if startup:
        worst = max(med for _, med, _ in startup)
        out.append(("start-up (slowest executable, median)", "%.1f ms" % (worst * 1000), "≤ 10 ms", worst <= 0.010))
    return out


def peer_lines(peer):
    s, p = peer["sift"], peer["python"]
    ratio = (s["bytes"] / s["wall"]) / (p["bytes"] / p["wall"])
    return ["On %s (%d records, %.1f MB): `sift-extract` %.1f MB/s (median of %d runs) against the Python baseline's "
            "%.2f MB/s (one run): %.1f×. `sift-extract` ran %d rules; the baseline, with the `regex` module over the "
            "same rule files, ran %s (%s skipped, organisation names built from `orgs/aliases.txt` as the extractor "
            "builds them). Findings (record, field, rule, span): %d from `sift-extract`, %d from the baseline, %d in "
            "common." % (peer["label"], s["records"], s["bytes"] / 1e6, s["bytes"] / 1e6 / s["wall"], s["runs"],
                         p["bytes"] / 1e6 / p["wall"], ratio, peer["sift_rules"], peer["python_rules"],
                         peer["python_skipped"], peer["sift_findings"], peer["python_findings"], peer["common"])]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release"), help="directory of the executables")
    ap.add_argument("--rules", default=os.path.join(REPO, "rules"))
    ap.add_argument("--dir", default=os.path.join(REPO, "out", "bench"), help="work directory (corpus cache, stage outputs)")
    ap.add_argument("--mb", type=int, default=200, help="size of the main corpus (MB)")
    ap.add_argument("--small-mb", type=int, default=20, help="size of the corpus for the RSS comparison (MB)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs per command (the median is reported)")
    ap.add_argument("--startup-runs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2, help="threads for the `sift run --threads` row")
    ap.add_argument("--no-python", action="store_true", help="skip the Python baseline")
    ap.add_argument("--python-mb", type=int, default=None,
                    help="the Python baseline runs over the segmented --small-mb corpus (default) and the real abstracts")
    ap.add_argument("--real", default=os.path.join(REPO, "..", "shared", "corpus-dev", "hf-api"),
                    help="real abstracts: a directory of Hugging Face API JSON files (default: the dev set in ../shared; "
                         "skipped when absent)")
    ap.add_argument("--results", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--command", default="", help="the command line to record in the report")
    args = ap.parse_args()

    bin_dir = os.path.abspath(args.bin)
    env = dict(os.environ, PAPERSIFT_RULES=os.path.abspath(args.rules))
    os.makedirs(args.dir, exist_ok=True)
    started = datetime.datetime.now().astimezone()
    load_before = load()
    info = machine()

    with_arxiv = arxiv_supported(bin_dir, args.dir, env)
    share = 0.5 if with_arxiv else 0.0
    log("arXiv snapshot JSON Lines %s" % ("readable: corpus is half pages, half arXiv" if with_arxiv
                                           else "not readable by sift-clean yet: corpus is Daily Papers pages only"))
    big_dir = os.path.join(args.dir, "corpus-%dmb-seed%d-arxiv%g" % (args.mb, args.seed, share))
    small_dir = os.path.join(args.dir, "corpus-%dmb-seed%d-arxiv%g" % (args.small_mb, args.seed, share))
    manifest = corpus(big_dir, args.mb, args.seed, share)
    small_manifest = corpus(small_dir, args.small_mb, args.seed, share)
    big_files, small_files = corpus_files(big_dir), corpus_files(small_dir)
    big_work, small_work = os.path.join(args.dir, "stages-%dmb" % args.mb), os.path.join(args.dir, "stages-%dmb" % args.small_mb)
    log("preparing stage inputs and checking piped == sift run")
    prepare(bin_dir, big_files, big_work, env)
    prepare(bin_dir, small_files, small_work, env)

    def stage_input(stage, files, work):
        i = STAGES.index(stage)
        return files if i == 0 else [os.path.join(work, INTERMEDIATE[STAGES[i - 1]])]

    occurrences = manifest["occurrences"]
    rows = []

    def run_row(name, argv, nbytes, records, **kw):
        log("timing %s" % name)
        r = repeated(argv, args.repeat, env=env, **kw)
        r.update(name=name, bytes=nbytes, records=records, argv=argv)
        rows.append(r)
        return r

    corpus_bytes = size(big_files)
    run_row("`cat` (corpus)", ["cat"] + big_files, corpus_bytes, None)
    for stage in STAGES:
        inputs = stage_input(stage, big_files, big_work)
        records = occurrences if stage == "sift-clean" else count_lines(inputs[0])
        run_row("`%s`" % stage, [os.path.join(bin_dir, stage)] + inputs, size(inputs), records)
    stage_argv = [[os.path.join(bin_dir, s)] for s in STAGES]
    run_row("piped five stages", pipeline([stage_argv[0][:1] + big_files] + stage_argv[1:]), corpus_bytes, occurrences)
    run_row("`sift run --threads 1`", [os.path.join(bin_dir, "sift"), "run", "--threads", "1"] + big_files, corpus_bytes, occurrences)
    run_row("`sift run --threads %d`" % args.threads, [os.path.join(bin_dir, "sift"), "run", "--threads", str(args.threads)]
            + big_files, corpus_bytes, occurrences)

    # The rules' search hints (starts:, window:) may only make extraction faster: one run without
    # them must write the same bytes as sift-extract with them (prepared above).
    extract_in = stage_input("sift-extract", big_files, big_work)
    full_out = os.path.join(big_work, "extract.full-scan.jsonl")
    log("timing sift-extract --full-scan (one run) and comparing its output")
    full_argv = [os.path.join(bin_dir, "sift-extract"), "--full-scan"] + extract_in
    r = measure(full_argv, stdout_path=full_out, env=env)
    if r["status"] != 0:
        sys.exit("bench: %s exited with %d:\n%s" % (shlex.join(full_argv), r["status"], r["stderr"][-2000:]))
    if not filecmp.cmp(full_out, os.path.join(big_work, INTERMEDIATE["sift-extract"]), shallow=False):
        sys.exit("bench: sift-extract --full-scan differs from sift-extract: a rule's starts:/window: hint is wrong")
    os.remove(full_out)
    r.update(name="`sift-extract --full-scan` (no search hints; same output)", bytes=size(extract_in),
             records=count_lines(extract_in[0]), runs=1, min_wall=r["wall"], argv=full_argv)
    rows.append(r)

    # The same extraction rules for sift-extract, the Python baseline and ripgrep: those `re` can run.
    segment_out = os.path.join(big_work, "segment.jsonl")
    segment_records = count_lines(segment_out)
    subset_dir = os.path.join(args.dir, "rules-python")
    kept, dropped = python_rules(args.rules, subset_dir)
    subset_env = dict(env, PAPERSIFT_RULES=subset_dir)
    subset = "%d rules Python's `re` can run" % len(kept)
    log("timing sift-extract on the %s" % subset)
    r = repeated([os.path.join(bin_dir, "sift-extract"), "--rules", subset_dir, segment_out], args.repeat, env=subset_env)
    r.update(name="`sift-extract`, only the %s" % subset, bytes=size([segment_out]), records=segment_records)
    rows.append(r)
    rg_note = ""
    patterns, rg_skipped = ripgrep_patterns(subset_dir)
    if shutil.which("rg") and patterns:
        pattern_file = os.path.join(args.dir, "rg-patterns.txt")
        with open(pattern_file, "w") as f:
            f.write("\n".join(patterns) + "\n")
        run_row("`rg -P -o`, %d of those patterns as one alternation" % len(patterns),
                ["rg", "--no-config", "-P", "-o", "-N", "--no-filename", "-f", pattern_file, segment_out],
                size([segment_out]), segment_records)
        rg_note = "ripgrep: the patterns of the same rules as one alternation, group names dropped%s." % (
            "; left out (named recursion or `continue:`): " + ", ".join(rg_skipped) if rg_skipped else "")
    else:
        rg_note = "ripgrep not installed (apt-get install ripgrep): no ripgrep row."
    real = real_rows(bin_dir, args, env) if os.path.isdir(args.real) else None
    if real is None:
        log("skipped real abstracts: %s absent" % args.real)

    log("per-rule profile of sift-extract")
    profile = measure([os.path.join(bin_dir, "sift-extract"), "--profile-rules", segment_out], env=env)["stderr"]
    profile = "\n".join(l for l in profile.splitlines() if l.startswith("|"))

    log("start-up times")
    startup = []
    for exe in STAGES + ["sift"]:
        argv = [os.path.join(bin_dir, exe)] + (["run"] if exe == "sift" else [])
        walls = sorted(measure(argv, env=env)["wall"] for _ in range(args.startup_runs))
        startup.append((exe + (" run" if exe == "sift" else ""), walls[len(walls) // 2], walls[0]))
    true_walls = sorted(measure(["true"])["wall"] for _ in range(args.startup_runs))

    log("peak RSS on the %d MB corpus" % args.small_mb)
    flat = []
    for stage in STAGES + ["sift run"]:
        if stage == "sift run":
            small_argv = [os.path.join(bin_dir, "sift"), "run", "--threads", "1"] + small_files
            big = next(r for r in rows if r["name"] == "`sift run --threads 1`")
        else:
            small_argv = [os.path.join(bin_dir, stage)] + stage_input(stage, small_files, small_work)
            big = next(r for r in rows if r["name"] == "`%s`" % stage)
        small = repeated(small_argv, 1, env=env)
        flat.append((stage, small["rss_kb"], big["rss_kb"], stage in STREAMING))

    # The Python peer comes last: comparing findings grows this process, and a child's peak RSS
    # (wait4) counts the forked copy of it before exec, which would inflate the rows after it.
    python_mbs = None
    peer = None
    if not args.no_python:
        small_segment = os.path.join(small_work, "segment.jsonl")
        peer = python_peer(bin_dir, args, env, small_segment, os.path.join(small_work, "extract.jsonl"),
                           "the %d MB corpus" % args.small_mb)
        if peer:
            python_mbs = peer["python"]["bytes"] / 1e6 / peer["python"]["wall"]
        if real:
            real["peer"] = python_peer(bin_dir, args, env, os.path.join(real["work"], "segment.jsonl"),
                                       os.path.join(real["work"], "extract.jsonl"), "the real abstracts")

    load_after = load()
    report = render(args, info, started, load_before, load_after, manifest, small_manifest, with_arxiv, rows,
                    python_mbs, startup, true_walls, flat, rg_note, (kept, dropped, profile), peer, real)
    with open(args.results, "w") as f:
        f.write(report)
    with open(os.path.join(args.dir, "results.json"), "w") as f:
        json.dump({"rows": [{k: v for k, v in r.items() if k != "stderr"} for r in rows],
                   "real": real and [{k: v for k, v in r.items() if k != "stderr"} for r in real["rows"]],
                   "startup": startup, "rss": flat, "machine": info}, f, indent=1)
    print(report)


def render(args, info, started, load_before, load_after, manifest, small_manifest, with_arxiv, rows,
           python_mbs, startup, true_walls, flat, rg_note, extraction, peer=None, real=None):
    by_name = {r["name"]: r for r in rows}
    cat = by_name["`cat` (corpus)"]
    out = ["# papersift benchmark results", ""]
    out.append("Generated by `%s` on %s." % (args.command or "python3 bench/bench.py " + " ".join(sys.argv[1:]),
                                             started.strftime("%Y-%m-%d %H:%M %Z")))
    out.append("")
    out.append("## Machine")
    out.append("")
    for k, v in info.items():
        out.append("- %s: %s" % (k, v))
    out.append("- Load average (1, 5, 15 min) before: %s; after: %s. The machine is shared: figures taken "
               "under load are noisy (CPU s is less affected than wall s)." % (load_before, load_after))
    out.append("")
    out.append("## Corpus")
    out.append("")
    fm = manifest["formats"]
    out.append("`bench/gen_corpus.py --mb %s --seed %s --arxiv-share %s`: %.1f MB, %d paper occurrences "
               "(%d unique papers, %d repeats); %d Daily Papers pages (%.1f MB) and %d arXiv JSON Lines files (%.1f MB)."
               % (manifest["args"]["mb"], manifest["seed"], manifest["args"]["arxiv_share"], manifest["total_bytes"] / 1e6,
                  manifest["occurrences"], manifest["unique_papers"], manifest["duplicate_occurrences"],
                  fm["hf_pages"]["files"], fm["hf_pages"]["bytes"] / 1e6, fm["arxiv_jsonl"]["files"],
                  fm["arxiv_jsonl"]["bytes"] / 1e6))
    if not with_arxiv:
        out.append("sift-clean cannot read arXiv snapshot JSON Lines in this build, so the corpus is pages only.")
    out.append("")
    out.append("## Throughput")
    out.append("")
    out.append("Each stage alone reads the previous stage's output (a file); the piped stages and `sift run` read "
               "the corpus. Output goes to /dev/null. Median of %d runs (Python: one run, over the segmented %d MB corpus). MB = 10^6 bytes of the "
               "command's input; records = paper occurrences for commands reading the corpus, else JSON Lines "
               "records read. CPU s = user + system of all the command's processes; peak RSS of the largest one. "
               "× Python = MB/s over the Python baseline's MB/s (`regex` module, the same rule files); only the "
               "`sift-extract` row does the same work." % (args.repeat, args.small_mb))
    out.append("")
    out.append(table(rows, python_mbs))
    out.append("")
    run = by_name["`sift run --threads 1`"]
    piped = by_name["piped five stages"]
    lines = ["`sift run --threads 1`: %.1f MB/s of corpus (%.1f MB per CPU second); `cat` is %.0f× faster." % (
        run["bytes"] / 1e6 / run["wall"], run["bytes"] / 1e6 / run["cpu"], run["wall"] / cat["wall"]),
             "Piped five stages: %.1f MB/s wall using %.2f CPU s per wall s." % (
        piped["bytes"] / 1e6 / piped["wall"], piped["cpu"] / piped["wall"])]
    threaded = next((r for r in rows if r["name"].startswith("`sift run --threads") and r["name"] != "`sift run --threads 1`"), None)
    if threaded:
        lines.append("%s: %.1f MB/s wall, %.2f CPU s per wall s (%.2f× the one-thread wall time)." % (
            threaded["name"], threaded["bytes"] / 1e6 / threaded["wall"], threaded["cpu"] / threaded["wall"],
            run["wall"] / threaded["wall"]))
    ext = by_name.get("`sift-extract`")
    full = next((r for r in rows if r["name"].startswith("`sift-extract --full-scan`")), None)
    if ext and full:
        lines.append("The rules' search hints (`starts:`, `window:`) make `sift-extract` %.1f× faster than `--full-scan` "
                     "(%.2f against %.2f CPU s), with byte-identical output (checked in this run)." % (
                         full["cpu"] / ext["cpu"], ext["cpu"], full["cpu"]))
    same = next((r for r in rows if r["name"].startswith("`sift-extract`, only")), None)
    rg = next((r for r in rows if r["name"].startswith("`rg")), None)
    if same and rg:
        lines.append("On the same rules and input, `sift-extract` takes %.2f× ripgrep's wall time." % (same["wall"] / rg["wall"]))
    if peer:
        lines += peer_lines(peer)
    out += ["- " + l for l in lines]
    out.append("- " + rg_note)
    kept, dropped, profile = extraction
    out.append("- The `sift-extract`, only … and ripgrep rows use the %d extraction rules Python's standard `re` can run "
               "(%s); left out: %s." % (
                   len(kept), ", ".join("`%s`" % k for k in kept), ", ".join("`%s`" % d for d in dropped) or "none"))
    out.append("")
    out.append("## Real abstracts")
    out.append("")
    if real:
        out.append("The %d Hugging Face API files of `%s` (%.1f MB, %d paper occurrences: the dev set's real "
                   "abstracts, with their links and numbers), same commands, median of %d runs:" % (
                       real["files"], os.path.relpath(real["dir"], REPO), real["bytes"] / 1e6, real["occurrences"],
                       real["repeat"]))
        out.append("")
        out.append(table(real["rows"], None))
        out.append("")
        if real["peer"]:
            out += ["- " + l for l in peer_lines(real["peer"])]
            out.append("")
    else:
        out.append("Skipped: %s absent." % args.real)
        out.append("")
    out.append("## Targets (issue 16), from this run")
    out.append("")
    out.append("| corpus | figure | measured | target | met |")
    out.append("| --- | --- | ---: | ---: | --- |")
    sets = [("generated", rows, peer)] + ([("real abstracts", real["rows"], real["peer"])] if real else [])
    for label, rs, pr in sets:
        for what, got, goal, met in targets(rs, pr, startup if label == "generated" else None):
            out.append("| %s | %s | %s | %s | %s |" % (label, what, got, goal, "yes" if met else "**no**"))
    out.append("")
    if profile:
        out.append("## Where extraction time goes")
        out.append("")
        out.append("`sift-extract --profile-rules` on the same input (one run, all rules; times include the clock "
                   "reads around each rule):")
        out.append("")
        out.append(profile)
        out.append("")
    out.append("## Start-up")
    out.append("")
    out.append("Wall time with empty standard input (reads the rules and compiles their patterns; the JIT compilation is made when a pattern is first used, so it is not in this figure: it adds about 20 ms to the first record of `sift-extract` and `sift run`), median and minimum of %d runs; "
               "`true` for reference: %.1f ms." % (args.startup_runs, true_walls[len(true_walls) // 2] * 1000))
    out.append("")
    out.append("| executable | median ms | min ms |")
    out.append("| --- | ---: | ---: |")
    for exe, med, mn in startup:
        out.append("| `%s` | %.1f | %.1f |" % (exe, med * 1000, mn * 1000))
    out.append("")
    out.append("## Peak RSS: %d MB corpus vs %d MB corpus" % (args.small_mb, args.mb))
    out.append("")
    out.append("| command | %d MB: RSS MB | %d MB: RSS MB | growth | streaming |" % (args.small_mb, args.mb))
    out.append("| --- | ---: | ---: | ---: | --- |")
    for stage, small, big, streaming in flat:
        out.append("| `%s` | %.1f | %.1f | %+.0f%% | %s |" % (stage, small / 1024, big / 1024, (big / small - 1) * 100,
                                                        "yes" if streaming else "no: papers held up to `--max-memory` (default 512 MB), then spilled"))
    out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
