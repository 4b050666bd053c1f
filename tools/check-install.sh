#!/usr/bin/env bash
# `make install` into a temporary PREFIX, then use the installed files from outside the repository
# and without PAPERSIFT_RULES: the binaries find the installed rules, give make run's output, and
# every command has --version, --help with examples, a usage error (exit 2, with a hint) for an
# unknown option, a man page that renders, and shell completions that load and complete.
#   tools/check-install.sh [MAKE]      (run from the repository root, after make run)
set -euo pipefail
make=${1:-make}
root=$PWD
prefix=$(mktemp -d "${TMPDIR:-/tmp}/papersift-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

"$make" --no-print-directory install PREFIX="$prefix" > /dev/null
unset PAPERSIFT_RULES
cd "$prefix"
bin=$prefix/bin
commands=(sift sift-clean sift-segment sift-extract sift-normalize sift-dedupe)
version=$("$bin/sift" --version)

# The installed rules are found next to the executables.
test -f "$prefix/share/papersift/rules/orgs/aliases.txt" || fail "rules not installed"
"$bin/sift" check-rules > /dev/null || fail "sift check-rules fails with the installed rules"
"$bin/sift" run "$root"/corpus/*.txt | cmp -s - "$root/out/papers.jsonl" \
  || fail "installed 'sift run' differs from out/papers.jsonl"
"$bin/sift-clean" "$root"/corpus/*.txt | "$bin/sift-segment" | "$bin/sift-extract" | "$bin/sift-normalize" \
  | "$bin/sift-dedupe" | cmp -s - "$root/out/papers.jsonl" || fail "installed piped stages differ from out/papers.jsonl"

for c in "${commands[@]}"; do
  [[ $("$bin/$c" --version) == "$version" ]] || fail "$c --version"
  "$bin/$c" --help | grep -q '^Examples:' || fail "$c --help has no examples"
  rc=0; "$bin/$c" --no-such-option > out.txt 2> err.txt || rc=$?
  [[ $rc == 2 ]] || fail "$c --no-such-option: exit $rc, expected 2"
  [[ ! -s out.txt ]] || fail "$c --no-such-option wrote to standard output"
  grep -q "Unknown option '--no-such-option'" err.txt || fail "$c: no usage error message"
  grep -q -- "--help' for more information" err.txt || fail "$c: no hint to --help"
  page=$prefix/share/man/man1/$c.1
  MANWIDTH=80 man -l "$page" 2> man-err.txt | grep -q 'EXIT STATUS' || fail "$c.1 does not render"
  grep -q 'stopped the run' "$page" || fail "$c.1 lacks the exit codes"
  bash -n "$prefix/share/bash-completion/completions/$c" || fail "bash completion for $c"
  test -s "$prefix/share/zsh/site-functions/_$c" || fail "zsh completion for $c"
  test -s "$prefix/share/fish/vendor_completions.d/$c.fish" || fail "fish completion for $c"
done
for sub in run report check-rules; do
  "$bin/sift" "$sub" --help | grep -q '^Examples:' || fail "sift $sub --help has no examples"
  [[ $("$bin/sift" "$sub" --version) == "$version" ]] || fail "sift $sub --version"
done

# An unreadable input: the others are still processed, and the exit status is 3.
rc=0; "$bin/sift-clean" "$root/corpus/no-such-file.txt" "$root"/corpus/*.txt > out.txt 2> err.txt || rc=$?
[[ $rc == 3 ]] || fail "sift-clean with a missing input: exit $rc, expected 3"
grep -q 'no-such-file.txt: No such file or directory' err.txt || fail "sift-clean: missing input not reported"
cmp -s out.txt <("$bin/sift-clean" "$root"/corpus/*.txt) || fail "sift-clean: a missing input changed the other inputs' output"

# Progress: silent unless asked for (standard error is not a terminal here); with --progress, a
# final line with the records and bytes read.
"$bin/sift-clean" "$root"/corpus/*.txt 2> err.txt > /dev/null
[[ ! -s err.txt ]] || fail "sift-clean wrote to standard error without --progress: $(head -1 err.txt)"
"$bin/sift-clean" --progress "$root"/corpus/*.txt 2> err.txt > /dev/null
bytes=$(cat "$root"/corpus/*.txt | wc -c)
lines=0; for f in "$root"/corpus/*.txt; do lines=$((lines + $(awk 'END { print NR }' "$f"))); done
grep -Eq "^sift-clean: [0-9,]+ records, [0-9]+\.[0-9] MB, [0-9]+\.[0-9] MB/s, [0-9]+:[0-9]{2}$" err.txt \
  || fail "sift-clean --progress: unexpected line: $(tail -1 err.txt)"
got=$(tail -1 err.txt | sed -E 's/^sift-clean: ([0-9,]+) records.*/\1/; s/,//g')
[[ $got == "$lines" ]] || fail "sift-clean --progress counted $got records, the corpus has $lines lines"
mb=$(tail -1 err.txt | sed -E 's/.* records, ([0-9.]+) MB,.*/\1/')
[[ $mb == $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') ]] || fail "sift-clean --progress: $mb MB for $bytes bytes"

# Bash completion offers the options and the values of --format.
# shellcheck disable=SC1091
source "$prefix/share/bash-completion/completions/sift-clean"
COMPREPLY=(); COMP_WORDS=(sift-clean --form); COMP_CWORD=1; COMP_LINE="sift-clean --form"; COMP_POINT=${#COMP_LINE}
_sift-clean sift-clean --form sift-clean
[[ " ${COMPREPLY[*]} " == *" --format "* ]] || fail "bash completion of --form: ${COMPREPLY[*]}"
COMPREPLY=(); COMP_WORDS=(sift-clean --format ""); COMP_CWORD=2; COMP_LINE="sift-clean --format "; COMP_POINT=${#COMP_LINE}
_sift-clean sift-clean "" --format
[[ " ${COMPREPLY[*]} " == *" hf-text "* ]] || fail "bash completion of --format values: ${COMPREPLY[*]}"

echo "installed under a temporary PREFIX: ${#commands[@]} commands run without PAPERSIFT_RULES and match make run;" \
  "--version, --help examples, usage errors (exit 2), --progress, man pages and completions checked"
