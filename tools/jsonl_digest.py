#!/usr/bin/env python3
"""Print `NAME<TAB>records<TAB>digest` for JSON Lines on standard input.

    sift-clean SAMPLE | tools/jsonl_digest.py NAME

The digest is the 64-bit FNV-1a of the bytes, as 16 hex digits (`PaperKey.fnv1a` in the Swift
code). `make golden` pins the outputs of third-party samples this way, in
`Tests/Fixtures/golden/shared-samples.tsv`, without copying any of their records.
"""
import sys


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xffffffffffffffff
    return "%016x" % h


def main(argv):
    if len(argv) != 1:
        sys.exit("usage: jsonl_digest.py NAME < records.jsonl")
    data = sys.stdin.buffer.read()
    print("%s\t%d\t%s" % (argv[0], data.count(b"\n"), fnv1a64(data)))


if __name__ == "__main__":
    main(sys.argv[1:])
