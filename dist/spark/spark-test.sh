#!/usr/bin/env bash
# The scale-out test (make spark-test): over the same inputs,
#   1. make run                                         → OUT/make-run/papers.jsonl (the reference)
#   2. Spark, local[2], 4 map and 3 reduce partitions   → OUT/spark/papers/, OUT/spark.sorted.jsonl
#   3. the Hadoop Streaming data flow with sort(1) as the shuffle → OUT/streaming.jsonl
# then check_equivalence.py: 2 and 3 hold exactly the records of 1 (sorted by id), and at least
# one merged paper has occurrences that were in different Spark input partitions.
# Prints the wall time of make run and of the Spark run.
# usage: dist/spark/spark-test.sh OUT_DIR INPUT...   (run from the repository root; needs the
# release build and .venv/ with PySpark: make spark-test sees to both)
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: spark-test.sh OUT_DIR INPUT..." >&2; exit 2; fi
out=$1; shift
bin=$PWD/.build/release rules=$PWD/rules venv=$PWD/.venv spark=$PWD/dist/spark
rm -rf "$out"; mkdir -p "$out"
# make run merges in input order, sift-dedupe --keyed in (file name, line) order: give make run
# the inputs in file-name order, so that "first occurrence" means the same on both sides.
mapfile -t inputs < <(for f in "$@"; do printf '%s\t%s\n' "${f##*/}" "$f"; done | LC_ALL=C sort | cut -f2)
set -- "${inputs[@]}"

now() { date +%s%N; }
seconds() { echo "$(( ($2 - $1) / 1000000000 )).$(( ($2 - $1) / 100000000 % 10 ))"; }

echo "== make run over $# inputs"
t0=$(now)
make --no-print-directory run OUT="$out/make-run" CORPUS="$*" > "$out/make-run.log"
t1=$(now)
tail -1 "$out/make-run.log"

echo "== Spark (local[2], --map-partitions 4, --reduce-partitions 3)"
t2=$(now)
SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
  --conf spark.ui.showConsoleProgress=false --driver-java-options "-Dlog4j2.configurationFile=file:$spark/log4j2.properties" \
  "$spark/papersift_spark.py" --bin "$bin" --rules "$rules" --output "$out/spark" \
  --map-partitions 4 --reduce-partitions 3 --placement "$out/placement.tsv" --sorted "$out/spark.sorted.jsonl" \
  "$@" > "$out/spark.log" 2>&1 || {
    echo "FAIL the Spark run (full log: $out/spark.log):" >&2
    grep -E '^(sift-|papersift)|PIPE_FUNCTION_EXITED|^[A-Za-z.]*Error' "$out/spark.log" | sort -u | head -20 >&2
    exit 1; }
t3=$(now)
grep '^papersift_spark:' "$out/spark.log"

echo "== Hadoop Streaming data flow (envelopes | sift-map.sh | sort | sift-reduce.sh)"
python3 "$spark/papersift_envelope.py" "$@" \
  | bash "$spark/sift-map.sh" "$bin" "$rules" \
  | LC_ALL=C sort -t $'\t' -k1,1 -s \
  | bash "$spark/sift-reduce.sh" "$bin" "$rules" > "$out/streaming.jsonl"
if grep -q '^!reject' "$out/streaming.jsonl"; then
  echo "FAIL rejected records in the streaming flow:" >&2; grep '^!reject' "$out/streaming.jsonl" | head -5 >&2; exit 1
fi

echo "== equivalence"
python3 "$spark/check_equivalence.py" --reference "$out/make-run/papers.jsonl" --placement "$out/placement.tsv" \
  "$out/spark.sorted.jsonl" "$out/streaming.jsonl"
echo "wall time: make run $(seconds "$t0" "$t1") s, Spark local[2] $(seconds "$t2" "$t3") s (spark-submit, JVM start included)"
