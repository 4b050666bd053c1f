#!/usr/bin/env bash
# Dedupe benchmark (not a test): generate RECORDS normalised records with about 30 % duplicates
# (bench/gen_dedupe.py, deterministic), dedupe them with sift-dedupe under --max-memory BUDGET,
# and report records/s and peak RSS (/usr/bin/time -v). Fails when the unique count differs from
# the generator's, or when peak RSS reaches 2 x BUDGET.
#
#   bench/dedupe-bench.sh                       # 2,000,000 records, 256MB
#   RECORDS=200000 BUDGET=64MB bench/dedupe-bench.sh
#
# Environment: RECORDS, BUDGET (a size: 256MB, 1GB), DIR (work directory, default
# out/bench-dedupe; the input is kept there and reused while RECORDS is unchanged), BIN (default
# .build/release), EXTRA (more sift-dedupe options, e.g. --no-similar).
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-2000000}
BUDGET=${BUDGET:-256MB}
DIR=${DIR:-out/bench-dedupe}
BIN=${BIN:-.build/release}
EXTRA=${EXTRA:-}
TIME=/usr/bin/time

if [ ! -x "$TIME" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "dedupe-bench: /usr/bin/time is missing: sudo apt-get install -y time" >&2; exit 2
  fi
fi

mkdir -p "$DIR/tmp"
input="$DIR/input-$RECORDS.jsonl"
manifest="$DIR/input-$RECORDS.manifest.json"
if [ ! -s "$input" ] || [ ! -s "$manifest" ]; then
  echo "generating $RECORDS records into $input"
  python3 bench/gen_dedupe.py --records "$RECORDS" --out "$input.tmp" > "$manifest.tmp"
  mv "$input.tmp" "$input"; mv "$manifest.tmp" "$manifest"
fi
expected=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["papers"])' "$manifest")
budget_bytes=$(python3 -c '
import re, sys
m = re.fullmatch(r"(\d+)\s*([KMG]?)(I?B)?", sys.argv[1].upper())
print(int(m.group(1)) << {"": 0, "K": 10, "M": 20, "G": 30}[m.group(2)])' "$BUDGET")

cmd=("$BIN/sift-dedupe" --max-memory "$BUDGET" --temp-dir "$DIR/tmp" --stats $EXTRA "$input" -o "$DIR/papers.jsonl")
echo "+ ${cmd[*]}"
"$TIME" -v "${cmd[@]}" 2> "$DIR/time.txt" || { cat "$DIR/time.txt" >&2; exit 1; }
grep '^sift-dedupe' "$DIR/time.txt" || true

python3 - "$DIR/time.txt" "$DIR/papers.jsonl" "$RECORDS" "$expected" "$budget_bytes" "$(du -b "$input" | cut -f1)" <<'EOF'
import sys
time_file, out_file, records, expected, budget, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
info = {}
for line in open(time_file):
    if ":" in line:
        k, _, v = line.strip().rpartition(": ")
        info[k] = v
def seconds(t):
    parts = [float(p) for p in t.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
wall = seconds(info["Elapsed (wall clock) time (h:mm:ss or m:ss)"])
user, system = float(info["User time (seconds)"]), float(info["System time (seconds)"])
rss = int(info["Maximum resident set size (kbytes)"]) * 1024
unique = sum(1 for _ in open(out_file, "rb"))
mib = 1 << 20
print(f"input        {records} records, {size / mib:.0f} MiB, {records - expected} duplicates ({(records - expected) / records:.1%})")
print(f"unique       {unique} (expected {expected})")
print(f"time         {wall:.1f} s wall, {user:.1f} s user, {system:.1f} s system")
print(f"throughput   {records / wall:,.0f} records/s wall, {records / (user + system):,.0f} records/s of CPU, {size / mib / wall:.1f} MiB/s")
print(f"peak RSS     {rss / mib:.0f} MiB for a budget of {budget / mib:.0f} MiB ({rss / budget:.2f} x)")
ok = True
if unique != expected:
    print("FAIL: the unique count differs from the generator's"); ok = False
if rss >= 2 * budget:
    print("FAIL: peak RSS is not under 2 x the budget"); ok = False
sys.exit(0 if ok else 1)
EOF
