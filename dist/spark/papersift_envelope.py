#!/usr/bin/env python3
"""papersift envelopes: input files as JSON Lines units for `sift-clean --format envelope`.

An envelope is one line `{"file": NAME, "line": N, "text": CONTENT}`. A JSON Lines input (its
first non-blank byte is `{`, the same test as `sift-clean`'s format sniffing) gives one envelope
per non-blank line, with that line's 1-based number; every other input (text dump, HTML, XML,
a JSON array) gives one envelope with line 1 holding the whole document. NAME is the last path
component, as `sift-clean` names its inputs, so provenance survives the pipe.

The Spark driver imports this module (and ships it to the executors). Run as a program it
writes the envelopes of the files named on its command line to standard output: the input of
a Hadoop Streaming job, or of the local emulation
`papersift_envelope.py FILES | sift-map.sh BIN RULES | sort -t$'\\t' -k1,1 -s | sift-reduce.sh BIN RULES`.
"""

import json
import sys

SNIFF_BYTES = 4096
BOM = "\ufeff"


def is_json_lines(head: bytes) -> bool:
    """True when a document starting with `head` is JSON Lines (first non-blank byte `{`)."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head[:SNIFF_BYTES].lstrip(b" \t\r\n")
    return stripped.startswith(b"{")


def file_name(path: str) -> str:
    """The name records carry: the last path component (of a path or a URI)."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def decode(data: bytes) -> str:
    """UTF-8 text; invalid bytes become U+FFFD (as in `sift-clean`)."""
    return data.decode("utf-8", errors="replace")


def envelope(name: str, line: int, text: str) -> str:
    """One envelope line (no newline); keys in the order file, line, text."""
    return json.dumps({"file": name, "line": line, "text": text}, ensure_ascii=False)


def whole_document(name: str, data: bytes) -> str:
    """The envelope of a whole document (a leading byte order mark goes, as in `sift-clean`)."""
    text = decode(data)
    return envelope(name, 1, text[1:] if text.startswith(BOM) else text)


def json_lines_record(name: str, number: int, text: str) -> str | None:
    """The envelope of line `number` (1-based) of a JSON Lines file; None for a blank line."""
    if number == 1 and text.startswith(BOM):
        text = text[1:]
    text = text.rstrip("\r")
    if not text.strip(" \t\r"):
        return None
    return envelope(name, number, text)


def envelopes_of_file(path: str):
    """Every envelope of one local file, in order."""
    with open(path, "rb") as f:
        if not is_json_lines(f.read(SNIFF_BYTES)):
            f.seek(0)
            yield whole_document(file_name(path), f.read())
            return
        f.seek(0)
        for number, raw in enumerate(f, start=1):
            unit = json_lines_record(file_name(path), number, decode(raw.rstrip(b"\n")))
            if unit is not None:
                yield unit


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: papersift_envelope.py FILE... > envelopes.jsonl", file=sys.stderr)
        return 2
    out = sys.stdout
    try:
        for path in argv:
            for unit in envelopes_of_file(path):
                out.write(unit)
                out.write("\n")
        out.flush()
    except BrokenPipeError:
        return 0
    except OSError as e:
        print(f"papersift_envelope.py: {e}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
