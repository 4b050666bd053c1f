#!/usr/bin/env bash
# arXiv-scale benchmark (not a test): generate RECORDS records (default 2,500,000, about the size of
# the arXiv metadata snapshot) in the `arxiv-oai` format from the real 200-line snapshot sample in
# ../shared/corpus-real (bench/gen_arxiv.py: new ids, reshuffled words), run
# `sift run --threads THREADS` over them and report MB/s, records/s and peak RSS (/usr/bin/time -v).
# Fails when peak RSS reaches LIMIT (default 1 GiB) or a record is lost; skips when ../shared is
# absent. The input goes to a temporary directory (removed at the end unless KEEP=1); nothing of it
# is committed.
#
#   bench/arxiv-bench.sh                             # 2,500,000 records, one thread per CPU
#   RECORDS=200000 THREADS=1 bench/arxiv-bench.sh
#
# Environment: RECORDS, THREADS (0: one per CPU), FILES (input files, default 4), LIMIT (bytes),
# BIN (default .build/release), TMPDIR, KEEP, SAMPLE (the snapshot sample).
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-2500000}
THREADS=${THREADS:-0}
FILES=${FILES:-4}
LIMIT=${LIMIT:-$((1 << 30))}
BIN=${BIN:-.build/release}
SAMPLE=${SAMPLE:-../shared/corpus-real/arxiv-oai/arxiv-metadata-oai-snapshot_first200.jsonl}
TIME=/usr/bin/time

if [ ! -f "$SAMPLE" ]; then
  echo "bench-arxiv: skipped: ../shared absent ($SAMPLE not found)"; exit 0
fi
if [ ! -x "$TIME" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "bench-arxiv: /usr/bin/time is missing: sudo apt-get install -y time" >&2; exit 2
  fi
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/papersift-arxiv.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
echo "generating $RECORDS arxiv-oai records into $dir"
python3 bench/gen_arxiv.py --sample "$SAMPLE" --out "$dir/snapshot.jsonl" --records "$RECORDS" --files "$FILES"
inputs=("$dir"/snapshot.jsonl*)
bytes=$(cat "${inputs[@]}" | wc -c)

cmd=("$BIN/sift" run --threads "$THREADS" --stats --temp-dir "$dir" "${inputs[@]}")
# The papers are counted, not kept: 3.5 GB more on disk would time the disk.
echo "+ ${cmd[*]} | wc -l"
out=$("$TIME" -v "${cmd[@]}" 2> "$dir/time.txt" | wc -l) || { cat "$dir/time.txt" >&2; exit 1; }
grep '^sift run:' "$dir/time.txt" || true

python3 - "$dir/time.txt" "$RECORDS" "$bytes" "$out" "$LIMIT" "$THREADS" "$(nproc)" <<'PY'
import re, sys
time_file, records, size, out, limit, threads, cpus = sys.argv[1], *map(int, sys.argv[2:])
info = {}
text = open(time_file).read()
for line in text.splitlines():
    if ":" in line:
        k, _, v = line.strip().rpartition(": ")
        info[k] = v
def seconds(t):
    return sum(float(p) * 60 ** i for i, p in enumerate(reversed(t.split(":"))))
wall = seconds(info["Elapsed (wall clock) time (h:mm:ss or m:ss)"])
user, system = float(info["User time (seconds)"]), float(info["System time (seconds)"])
rss = int(info["Maximum resident set size (kbytes)"]) * 1024
m = re.search(r"^sift run: in (\d+) = out (\d+) \+ merged (\d+) \+ skipped (\d+) \+ rejected (\d+)", text, re.M)
mib = 1 << 20
print(f"input        {records} records, {size / 1e6:.0f} MB in arxiv-oai JSON Lines")
print(f"output       {out} papers" + (f" (in {m.group(1)} = out {m.group(2)} + merged {m.group(3)} + skipped {m.group(4)} + rejected {m.group(5)})" if m else ""))
print(f"threads      {threads or cpus} ({'one per CPU, ' if threads == 0 else ''}{cpus} CPUs)")
print(f"time         {wall:.1f} s wall, {user:.1f} s user, {system:.1f} s system ({(user + system) / wall:.2f} CPU s per wall s)")
print(f"throughput   {size / 1e6 / wall:.1f} MB/s, {records / wall:,.0f} records/s wall")
print(f"peak RSS     {rss / mib:.0f} MiB (limit {limit / mib:.0f} MiB)")
ok = True
if not m or int(m.group(1)) != records or int(m.group(2)) != out or int(m.group(5)) != 0:
    print("FAIL: the record account does not add up to the generated records"); ok = False
if rss >= limit:
    print("FAIL: peak RSS is not under the limit"); ok = False
sys.exit(0 if ok else 1)
PY
