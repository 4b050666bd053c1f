#!/usr/bin/env bash
# The reduce side of papersift on Spark (RDD.pipe) or Hadoop Streaming.
#   usage: sift-reduce.sh BIN_DIR RULES_DIR  < keyed.tsv  > papers.jsonl
# Standard input: "key<TAB>record" lines grouped (sorted) by key, as sift-map.sh writes them
# after the shuffle. Standard output: one merged paper record per line (sift-dedupe --keyed),
# then the "!reject<TAB>{...}" lines of the input (a map side's rejects, when the shuffle
# brought them here, as Hadoop Streaming does) and one per input line sift-dedupe rejected.
# Exit status: 0 (also with rejects, which are on standard output), or the status of awk or
# sift-dedupe when above 1 (usage/rules error 2, I/O error 3), which fails the task.
set -uo pipefail
if [ $# -ne 2 ]; then echo "usage: sift-reduce.sh BIN_DIR RULES_DIR" >&2; exit 2; fi
bin=$1   # RULES_DIR ($2) is accepted for symmetry with sift-map.sh; sift-dedupe uses no rules
# Shared libraries shipped next to the binaries (make spark-bundle) come before the system's.
if [ -d "$bin/../lib" ]; then export LD_LIBRARY_PATH="$bin/../lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
rejects=$(mktemp -d "${TMPDIR:-/tmp}/sift-reduce.XXXXXX") || exit 3
trap 'rm -rf "$rejects"' EXIT

awk -v passed="$rejects/0-map" '/^!reject\t/ { print > passed; next } { print }' \
  | "$bin/sift-dedupe" --keyed --rejects "$rejects/5-dedupe"
statuses=("${PIPESTATUS[@]}")
status=$(( statuses[1] > 1 ? statuses[1] : statuses[0] ))   # sift-dedupe's failure first (awk then gets 141)
if [ "$status" -gt 1 ]; then exit "$status"; fi
cat "$rejects/0-map" 2>/dev/null
cat "$rejects/5-dedupe" 2>/dev/null | sed 's/^/!reject\t/'
exit 0
