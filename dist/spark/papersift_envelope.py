#!/usr/bin/env python3
"""papersift envelopes: input files as JSON Lines units for `sift-clean --format envelope`.

An envelope is one line `{"file": NAME, "line": N, "text": CONTENT}`. Inputs are told apart as
`sift-clean` sniffs them (first non-blank byte, after a byte order mark):
  - `{` and a first key `file`, `line` or `text`: already envelopes, passed on line by line;
  - `{` otherwise: JSON Lines (the arXiv snapshot), one envelope per non-blank line, with that
    line's 1-based number;
  - anything else (text dump, HTML, XML, a JSON array): one envelope, line 1, the whole document.
NAME is the last path component, as `sift-clean` names its inputs, so provenance survives the pipe.

The Spark driver imports this module (and ships it to the executors). Run as a program it
writes the envelopes of the files named on its command line to standard output: the input of
a Hadoop Streaming job, or of the local emulation
`papersift_envelope.py FILES | sift-map.sh BIN RULES | sort -t$'\\t' -k1,1 -s | sift-reduce.sh BIN RULES`.
"""

from __future__ import annotations

import json
import re
import sys

SNIFF_BYTES = 4096
BOM = "\ufeff"
WHOLE, JSON_LINES, ENVELOPES = "whole", "json-lines", "envelopes"
ENVELOPE_START = re.compile(rb'\{[ \t\r\n]*"(file|line|text)"')


def kind_of(head: bytes) -> str:
    """How a document starting with `head` (its first SNIFF_BYTES bytes) is cut into envelopes."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head[:SNIFF_BYTES].lstrip(b" \t\r\n")
    if not stripped.startswith(b"{"):
        return WHOLE
    return ENVELOPES if ENVELOPE_START.match(stripped) else JSON_LINES


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


def line_text(number: int, text: str) -> str | None:
    """Line `number` (1-based) of a JSON Lines file as `sift-clean` reads it; None when blank."""
    if number == 1 and text.startswith(BOM):
        text = text[1:]
    text = text.rstrip("\r")
    return text if text.strip(" \t\r") else None


def json_lines_record(name: str, number: int, text: str) -> str | None:
    """The envelope of line `number` of a JSON Lines file; None for a blank line."""
    text = line_text(number, text)
    return None if text is None else envelope(name, number, text)


def unit_of_envelope(text: str) -> tuple[str, int]:
    """(file, line) an envelope names; ("", 0) when it does not parse (sift-clean rejects it)."""
    try:
        value = json.loads(text)
        return file_name(str(value["file"])), int(value["line"])
    except (ValueError, KeyError, TypeError):
        return "", 0


def envelopes_of_file(path: str):
    """Every envelope of one local file, in order."""
    with open(path, "rb") as f:
        kind = kind_of(f.read(SNIFF_BYTES))
        f.seek(0)
        if kind == WHOLE:
            yield whole_document(file_name(path), f.read())
            return
        for number, raw in enumerate(f, start=1):
            text = line_text(number, decode(raw.rstrip(b"\n")))
            if text is not None:
                yield text if kind == ENVELOPES else envelope(file_name(path), number, text)


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
