#!/usr/bin/env bash
# The map side of papersift on Spark (RDD.pipe) or Hadoop Streaming.
#   usage: sift-map.sh BIN_DIR RULES_DIR  < envelopes.jsonl  > keyed.tsv
# Standard input: envelopes {"file","line","text"} (dist/spark/papersift_envelope.py).
# Standard output: "key<TAB>record" lines from sift-normalize --emit-key, then one
# "!reject<TAB>{...}" line per record a stage rejected (the --rejects JSON), so that nothing is
# dropped silently and a bad record does not fail the whole job.
# Exit status: 0 (also when records were rejected: they are on standard output), or the first
# stage status above 1 (usage/rules error 2, I/O error 3), which fails the task.
set -uo pipefail
if [ $# -ne 2 ]; then echo "usage: sift-map.sh BIN_DIR RULES_DIR" >&2; exit 2; fi
bin=$1 rules=$2
# Shared libraries shipped next to the binaries (make spark-bundle) come before the system's.
if [ -d "$bin/../lib" ]; then export LD_LIBRARY_PATH="$bin/../lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
rejects=$(mktemp -d "${TMPDIR:-/tmp}/sift-map.XXXXXX") || exit 3
trap 'rm -rf "$rejects"' EXIT

"$bin/sift-clean" --rules "$rules" --format envelope --rejects "$rejects/1-clean" \
  | "$bin/sift-segment" --rules "$rules" --rejects "$rejects/2-segment" \
  | "$bin/sift-extract" --rules "$rules" --rejects "$rejects/3-extract" \
  | "$bin/sift-normalize" --rules "$rules" --emit-key --rejects "$rejects/4-normalize"
statuses=("${PIPESTATUS[@]}")

# The first failure that is not a broken pipe (141: a later stage had already stopped).
failed=0
for status in "${statuses[@]}"; do
  if [ "$status" -gt 1 ] && { [ "$failed" = 0 ] || [ "$failed" = 141 ]; }; then failed=$status; fi
done
if [ "$failed" != 0 ]; then exit "$failed"; fi
cat "$rejects"/* 2>/dev/null | sed 's/^/!reject\t/'
exit 0
