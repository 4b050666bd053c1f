#!/usr/bin/env bash
# Builds the libFuzzer targets (-sanitize=fuzzer,address) and runs each for SECONDS, seeded from
# the repository's samples. Usage: Fuzz/run-fuzzers.sh SECONDS WORKDIR [TARGET...]
# Per target: WORKDIR/TARGET-corpus (inputs found), WORKDIR/TARGET.log, and WORKDIR/TARGET-crash-*
# etc. for anything that failed. Exits 1 when a target found a crash, a leak, a timeout or a
# broken invariant (the input is saved: replay it with `Fuzz/.build/release/TARGET FILE`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?seconds}
work=${2:?work directory}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-jsonlines fuzz-text fuzz-documents)
export PAPERSIFT_RULES="$PWD/rules"

# Document seeds: the format samples of Tests/Fixtures/formats/, and the real samples of
# ../shared/corpus-real (third-party, never copied into the repository) when it is there.
formats=Tests/Fixtures/formats
real=${PAPERSIFT_SHARED:-../shared}/corpus-real
[ -d "$real" ] || { echo "fuzz: seeds without the real samples: $real absent"; real=; }
seeds() {
  case $1 in
    fuzz-jsonlines) echo "$work/seeds-jsonlines $formats/arxiv-oai $formats/envelope ${real:+$real/arxiv-oai}" ;;
    fuzz-text) echo "corpus $formats/hf-text" ;;
    fuzz-documents) echo "$formats/hf-html $formats/arxiv-atom $formats/hf-api $formats/arxiv-oai $formats/envelope" \
      "${real:+$real/hf-html $real/arxiv-atom $real/hf-api $real/arxiv-oai}" ;;
  esac
}
# Input size limits: the instrumented pipeline runs at about 1 MB/s, so small inputs mean many more
# executions (seeds are cut to this size; libFuzzer grows inputs up to it).
max_len() { case $1 in fuzz-jsonlines) echo 4096 ;; fuzz-text) echo 8192 ;; *) echo 32768 ;; esac; }

mkdir -p "$work"
for t in "${targets[@]}"; do
  swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product "$t" \
    2>&1 | grep -v "Cannot export local symbol" | grep -E "error|Compiling|Build complete" || true
  [ -x "Fuzz/.build/release/$t" ] || { echo "fuzz: $t did not build" >&2; exit 2; }
done

# The JSON Lines target is seeded with every stage's output on the seed pages.
if [[ " ${targets[*]} " == *" fuzz-jsonlines "* ]]; then
  mkdir -p "$work/seeds-jsonlines"
  bin=.build/release
  [ -x $bin/sift-clean ] || swift build -c release
  for f in corpus/*.txt; do
    n=$(basename "$f" .txt)
    $bin/sift-clean "$f" | tee "$work/seeds-jsonlines/$n.clean.jsonl" | $bin/sift-segment \
      | tee "$work/seeds-jsonlines/$n.segment.jsonl" | $bin/sift-extract | tee "$work/seeds-jsonlines/$n.extract.jsonl" \
      | $bin/sift-normalize > "$work/seeds-jsonlines/$n.normalize.jsonl"
  done
fi

status=0
printf '%-16s %12s %8s %8s %10s  %s\n' target executions seconds exec/s "corpus" result
for t in "${targets[@]}"; do
  mkdir -p "$work/$t-corpus"
  log="$work/$t.log"
  set +e
  # shellcheck disable=SC2046
  "Fuzz/.build/release/$t" "$work/$t-corpus" $(seeds "$t") -max_total_time="$seconds" -max_len="$(max_len "$t")" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$t-" > "$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  units=$(find "$work/$t-corpus" -type f | wc -l)
  if [ $rc -eq 0 ]; then result=ok; else result="FAILED (exit $rc): $(ls "$work/$t-"{crash,leak,timeout,oom}-* 2>/dev/null | tr '\n' ' ')"; status=1; fi
  printf '%-16s %12s %8s %8s %10s  %s\n' "$t" "${runs:-?}" "${time:-?}" "${rate:-?}" "$units" "$result"
  if [ $rc -ne 0 ]; then grep -E "invariant broken|ERROR: |SUMMARY|Fatal error|==[0-9]+==" "$log" | head -20 >&2 || true; fi
done
exit $status
