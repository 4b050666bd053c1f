#!/usr/bin/env bash
# Packs what the executors of a cluster need into one archive for spark-submit --archives (or
# Hadoop Streaming -archives):
#   papersift/bin/sift-*       the five stages from BUILD_DIR, stripped (build them with
#                              swift build -c release --static-swift-stdlib: no Swift on executors)
#   papersift/lib/*.so*        the shared libraries they load beyond the C/C++ runtime
#                              (libpcre2-8, libxml2 and its ICU, zlib, lzma), found with ldd;
#                              sift-map.sh and sift-reduce.sh put bin/../lib on LD_LIBRARY_PATH
#   papersift/rules/           the rules directory
#   papersift/sift-map.sh, papersift/sift-reduce.sh
# usage: make-bundle.sh BUILD_DIR RULES_DIR ARCHIVE.tar.gz
set -euo pipefail
if [ $# -ne 3 ]; then echo "usage: make-bundle.sh BUILD_DIR RULES_DIR ARCHIVE.tar.gz" >&2; exit 2; fi
build=$1 rules=$2 archive=$3
here=$(cd "$(dirname "$0")" && pwd)
stages="sift-clean sift-segment sift-extract sift-normalize sift-dedupe"
staging=$(mktemp -d); trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/papersift/bin" "$staging/papersift/lib"

for s in $stages; do cp "$build/$s" "$staging/papersift/bin/"; done
if command -v strip >/dev/null; then strip "$staging/papersift/bin/"*; fi   # symbols: a fifth of the size
cp -R "$rules" "$staging/papersift/rules"
cp "$here/sift-map.sh" "$here/sift-reduce.sh" "$staging/papersift/"

# Every resolved library except the C and C++ runtime every Linux host has.
for s in $stages; do ldd "$build/$s"; done \
  | awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' | sort -u \
  | grep -vE '^(libc|libm|libdl|librt|libpthread|libstdc\+\+|libgcc_s|ld-linux[-.a-z0-9_]*)\.so' \
  | while read -r soname path; do cp -L "$path" "$staging/papersift/lib/$soname"; done
if ls "$staging/papersift/lib" | grep -q '^libswift'; then
  echo "warning: the binaries load the Swift runtime (build with --static-swift-stdlib); it is shipped in lib/" >&2
fi

mkdir -p "$(dirname "$archive")"
tar -C "$staging" -czf "$archive" papersift
echo "wrote $archive: $(ls "$staging/papersift/lib" | tr '\n' ' ')"
