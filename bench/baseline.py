#!/usr/bin/env python3
"""Python baseline for papersift's extraction stage (`sift-extract`).

    bench/baseline.py [--rules DIR] [--raw-matches] [FILE ...]   (no FILE or '-': stdin)

Reads JSON Lines records, runs every `links`, `numbers`, `model_sizes` and `benchmarks` rule of
DIR/**/*.rule (docs/RULES.md) over each record's "abstract" and writes the record back to stdout
with an added

    "found": {field: [{"rule", "raw", "start", "end", "groups"}, ...], ...}

start/end are byte offsets into the abstract's UTF-8. Records without a string "abstract" (and
lines that are not JSON objects) are passed through unchanged.

Semantics follow the Swift extractor: each pattern is compiled once; a rule runs only when one
of its `prefilter` literals occurs in the text (ASCII case-insensitively for caseless rules); the
span is the `raw` group when the pattern has one, else the whole match; per field, overlapping
hits are resolved (higher priority, then earlier, then longer, then rule id) and hits of the other
fields inside a link are dropped. --raw-matches skips those two steps and lists every hit.

PCRE2 patterns are translated to Python `re` where the two differ in spelling ((?<name>...),
\\k<name>, \\x{...}, \\h, \\v, \\R, \\Q...\\E, \\z, \\Z, POSIX classes, ungreedy); a rule whose
pattern cannot be translated or compiled is skipped with a warning on stderr.
Python 3.11, stdlib only, single process: a plain, fair baseline.
"""

import argparse
import glob
import json
import os
import re
import sys
import time
import warnings

FIELDS = ["links", "numbers", "model_sizes", "benchmarks"]
# With the `regex` module, every field `sift-extract` fills (docs/FORMATS.md), organisation names
# from orgs/aliases.txt included.
ALL_FIELDS = FIELDS + ["orgs", "number_context"]
KNOWN_FLAGS = {"caseless", "extended", "multiline", "dotall", "anchored", "ungreedy"}


def warn(msg):
    print("baseline: warning: " + msg, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Rule files
# --------------------------------------------------------------------------------------------


class RuleFileError(Exception):
    pass


def parse_rule_file(path, rules_dir=None):
    """The `key: value` format of docs/RULES.md, as the Swift RuleFileParser reads it. With
    `rules_dir`, the `{{list:…}}` and `{{pattern:…}}` includes are expanded."""
    values = {}
    matches, no_matches = [], []
    last_key = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    for n, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if line.startswith("#") or line.strip(" \t") == "":
            if line == "":
                last_key = None
            continue
        if line[0] in " \t":
            if last_key not in ("pattern", "continue"):
                raise RuleFileError("%s:%d: a continuation line is only allowed after 'pattern:' or 'continue:'" % (path, n))
            old, at = values[last_key]
            values[last_key] = (old + "\n" + line.lstrip(" \t"), at)
            continue
        if ":" not in line:
            raise RuleFileError("%s:%d: expected 'key: value'" % (path, n))
        key, value = line.split(":", 1)
        key = key.strip(" \t")
        if value.startswith(" "):
            value = value[1:]
        if key == "match":
            matches.append(value)
        elif key == "no-match":
            no_matches.append(value)
        else:
            if key in values:
                raise RuleFileError("%s:%d: '%s' given twice" % (path, n, key))
            values[key] = (value, n)
        last_key = key
    for k in ("id", "field", "description", "pattern"):
        if not values.get(k, ("", 0))[0]:
            raise RuleFileError("%s: missing '%s:'" % (path, k))
    flags = [f for f in re.split(r"[, ]", values.get("flags", ("", 0))[0]) if f]
    for f in flags:
        if f not in KNOWN_FLAGS:
            raise RuleFileError("%s: unknown flag '%s'" % (path, f))
    try:
        priority = int(values.get("priority", ("0", 0))[0].strip(" "))
    except ValueError:
        raise RuleFileError("%s: priority must be an integer" % path)
    prefilters = [p.strip(" ") for p in values.get("prefilter", ("", 0))[0].split(" | ")]
    pattern, continuation = values["pattern"][0], values.get("continue", (None, 0))[0]
    if rules_dir is not None:
        pattern = expand_includes(pattern, rules_dir)
        continuation = continuation and expand_includes(continuation, rules_dir)
    return {
        "path": path, "id": values["id"][0], "field": values["field"][0],
        "pattern": pattern, "pattern_line": values["pattern"][1], "continuation": continuation,
        "flags": flags, "priority": priority, "prefilters": [p for p in prefilters if p],
    }


def list_literals(text):
    """The literals of a `{{list:…}}` file: one per line, blank and `#` lines skipped."""
    out = []
    for line in text.split("\n"):
        line = line.strip(" \t\r")
        if line and not line.startswith("#"):
            out.append(line)
    return out


def trie_alternation(literals):
    """The trie-factored alternation of `LiteralTrie.swift`: longer literals first, a space
    matching any white-space run."""
    root = {}
    for lit in set(literals):
        if not lit:
            continue
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[None] = True

    def escape(ch):
        if ch == " ":
            return "\\s+"
        return "\\" + ch if ch in "\\^$.|?*+()[]{}/#-" else ch

    def emit(node):
        branches = [escape(ch) + emit(child) for ch, child in sorted(
            ((k, v) for k, v in node.items() if k is not None), key=lambda kv: ord(kv[0]))]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if None in node else body
    return emit(root)


def expand_includes(pattern, rules_dir, depth=0):
    """`{{list:PATH}}` and `{{pattern:PATH}}` as `PatternIncludes.swift` expands them."""
    if "{{" not in pattern:
        return pattern
    if depth >= 4:
        raise RuleFileError("includes nested too deeply")
    out, rest = [], pattern
    while "{{" in rest:
        before, _, after = rest.partition("{{")
        marker, sep, rest = after.partition("}}")
        if not sep:
            raise RuleFileError("unterminated '{{' include")
        out.append(before)
        kind, _, path = marker.partition(":")
        with open(os.path.join(rules_dir, path.strip(" ")), encoding="utf-8") as fh:
            text = fh.read()
        if kind == "list":
            out.append("(?:" + trie_alternation(list_literals(text)) + ")")
        elif kind == "pattern":
            lines = [l.strip(" \t\r") for l in text.split("\n") if l and not l.strip(" \t\r").startswith("#")]
            out.append(expand_includes("".join(lines), rules_dir, depth + 1))
        else:
            raise RuleFileError("unknown include kind '%s'" % kind)
    return "".join(out) + rest


# --------------------------------------------------------------------------------------------
# PCRE2 -> Python re
# --------------------------------------------------------------------------------------------


class Untranslatable(Exception):
    pass


H_CLASS = "\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000"
V_CLASS = "\\n\\x0b\\x0c\\r\\x85\\u2028\\u2029"
POSIX = {
    "digit": "0-9", "space": "\\s", "word": "\\w", "xdigit": "0-9A-Fa-f", "alpha": "a-zA-Z",
    "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z", "blank": " \\t",
    "punct": "!-/:-@\\[-`{-~", "cntrl": "\\x00-\\x1f\\x7f", "print": " -~", "graph": "!-~",
    "ascii": "\\x00-\\x7f",
}
UNSUPPORTED_ESCAPES = set("pPXCKG") | {"H", "V"}


def char_escape(cp):
    if cp < 0x100:
        return "\\x%02x" % cp
    if cp < 0x10000:
        return "\\u%04x" % cp
    return "\\U%08x" % cp


def translate(pat, extended=False, ungreedy=False, engine="re"):
    """Translate a PCRE2 pattern to Python `re` syntax, or with engine="regex" to the `regex`
    module's, which reads recursion, branch reset, verbs, \\p{..}, \\K and variable-length
    look-behind as PCRE2 does (raises Untranslatable)."""
    full = engine == "regex"
    out = []
    i, n = 0, len(pat)
    in_class = False
    class_start = 0          # index in pat just after '[' or '[^'
    while i < n:
        c = pat[i]
        if c == "\\":
            if i + 1 >= n:
                raise Untranslatable("trailing backslash")
            d = pat[i + 1]
            if d == "Q":                           # \Q...\E literal run
                j = pat.find("\\E", i + 2)
                lit = pat[i + 2:] if j < 0 else pat[i + 2:j]
                out.append("".join("\\" + ch if not ch.isalnum() else ch for ch in lit) if in_class else re.escape(lit))
                i = n if j < 0 else j + 2
                continue
            if d == "E":                           # stray \E is ignored by PCRE2
                i += 2
                continue
            if d == "x" and i + 2 < n and pat[i + 2] == "{":
                j = pat.index("}", i + 3)
                out.append(char_escape(int(pat[i + 3:j], 16)))
                i = j + 1
                continue
            if d == "o" and i + 2 < n and pat[i + 2] == "{":
                j = pat.index("}", i + 3)
                out.append(char_escape(int(pat[i + 3:j], 8)))
                i = j + 1
                continue
            if d == "c" and i + 2 < n:
                out.append(char_escape(ord(pat[i + 2].upper()) ^ 0x40))
                i += 3
                continue
            if d == "e":
                out.append("\\x1b")
                i += 2
                continue
            if d == "h":
                out.append(H_CLASS if in_class else "[" + H_CLASS + "]")
                i += 2
                continue
            if d == "v":
                out.append(V_CLASS if in_class else "[" + V_CLASS + "]")
                i += 2
                continue
            if not in_class:
                if d == "H":
                    out.append("[^" + H_CLASS + "]")
                    i += 2
                    continue
                if d == "V":
                    out.append("[^" + V_CLASS + "]")
                    i += 2
                    continue
                if d == "R":
                    out.append("(?:\\r\\n|[" + V_CLASS + "])")
                    i += 2
                    continue
                if d == "z":
                    out.append("\\Z")
                    i += 2
                    continue
                if d == "Z":
                    out.append("(?=\\n?\\Z)")
                    i += 2
                    continue
                if d == "N" and not (i + 2 < n and pat[i + 2] == "{"):
                    out.append("[^\\n]")
                    i += 2
                    continue
                if d in "kg" and i + 2 < n and pat[i + 2] in "<{'":
                    close = {"<": ">", "{": "}", "'": "'"}[pat[i + 2]]
                    j = pat.index(close, i + 3)
                    ref = pat[i + 3:j]
                    if full and (d == "g" and pat[i + 2] == "<" or ref.startswith("-")):
                        out.append(pat[i:j + 1])
                        i = j + 1
                        continue
                    if d == "g" and pat[i + 2] == "<":
                        raise Untranslatable("subroutine call \\g<...>")
                    if ref.lstrip("-").isdigit():
                        if ref.startswith("-"):
                            raise Untranslatable("relative back-reference")
                        out.append("(?:\\%s)" % ref)
                    else:
                        out.append("(?P=%s)" % ref)
                    i = j + 1
                    continue
                if d == "g" and i + 2 < n and pat[i + 2].isdigit():
                    j = i + 2
                    while j < n and pat[j].isdigit():
                        j += 1
                    out.append("(?:\\%s)" % pat[i + 2:j])
                    i = j
                    continue
            if d in UNSUPPORTED_ESCAPES and not (full and d in "pPXKG"):
                raise Untranslatable("escape \\" + d)
            out.append(pat[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and pat.startswith("[:", i):
                j = pat.find(":]", i + 2)
                if j > 0:
                    name = pat[i + 2:j]
                    neg = name.startswith("^")
                    name = name.lstrip("^")
                    if full and (name not in POSIX or neg):
                        out.append(pat[i:j + 2])
                        i = j + 2
                        continue
                    if name not in POSIX or neg:
                        raise Untranslatable("POSIX class [:%s:]" % pat[i + 2:j])
                    out.append(POSIX[name])
                    i = j + 2
                    continue
            if c == "[":
                out.append("\\[")               # a literal '[' (avoids re's nested-set warning)
                i += 1
                continue
            if c == "]" and i > class_start:
                in_class = False
            out.append(c)
            i += 1
            continue
        # outside a character class
        if extended and c == "#":
            j = pat.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if extended and c in " \t\n\r\f\v":
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pat[i] == "^":
                out.append("^")
                i += 1
            class_start = i
            if i < n and pat[i] == "]":       # a leading ']' is literal
                out.append("\\]")
                i += 1
            continue
        if c == "{" and pat.startswith("{,}", i):
            out.append("\\{,\\}")                # not a quantifier in PCRE2 (Python reads {0,})
            i += 3
            continue
        if c == "(":
            if pat.startswith("(?(<", i) or pat.startswith("(?('", i):   # condition on a named group
                close = ">" if pat[i + 3] == "<" else "'"
                j = pat.index(close, i + 4)
                out.append("(?(" + pat[i + 4:j])
                i = j + 1
                continue
            if pat.startswith("(*", i) and not full:
                raise Untranslatable("verb " + pat[i:i + 12])
            if pat.startswith("(?<", i) and not pat.startswith(("(?<=", "(?<!"), i):
                out.append("(?P<")
                i += 3
                continue
            if pat.startswith("(?'", i):
                j = pat.index("'", i + 3)
                out.append("(?P<%s>" % pat[i + 3:j])
                i = j + 1
                continue
            if pat.startswith("(?P>", i) or pat.startswith("(?&", i) or pat.startswith("(?|", i) or \
                    re.match(r"\(\?[R+\-]?\d*\)", pat[i:i + 8]):
                if full:
                    out.append(pat[i:i + 3])
                    i += 3
                    continue
                raise Untranslatable("recursion / branch reset " + pat[i:i + 8])
            out.append(c)
            i += 1
            continue
        if ungreedy and c in "*+?{":
            # a quantifier? ('?' right after '(' is group syntax; '{' must be a valid range)
            q_end = i + 1
            if c == "{":
                m = re.match(r"\{\d*(,\d*)?\}", pat[i:])
                if not m or m.group(0) in ("{}", "{,}"):
                    out.append(c)
                    i += 1
                    continue
                q_end = i + len(m.group(0))
            elif c == "?" and out and out[-1].endswith("("):
                out.append(c)
                i += 1
                continue
            out.append(pat[i:q_end])
            if q_end < n and pat[q_end] == "?":
                i = q_end + 1                     # lazy in ungreedy mode -> greedy
            elif q_end < n and pat[q_end] == "+":
                out.append("+")                   # possessive stays possessive
                i = q_end + 1
            else:
                out.append("?")                   # greedy in ungreedy mode -> lazy
                i = q_end
            continue
        out.append(c)
        i += 1
    if in_class:
        raise Untranslatable("unterminated character class")
    return "".join(out)


class Rule:
    __slots__ = ("id", "field", "priority", "regex", "anchored", "caseless", "prefilters",
                 "raw_group", "named_groups", "continuation", "continuation_raw_group", "continuation_groups")


def compile_rule(d, engine="re"):
    rx_module = re
    if engine == "regex":
        import regex as rx_module
    flags = 0
    fl = set(d["flags"])
    if "caseless" in fl:
        flags |= re.IGNORECASE
    if "multiline" in fl:
        flags |= re.MULTILINE
    if "dotall" in fl:
        flags |= re.DOTALL
    # 'extended' is handled by translate() (whitespace and # comments removed), so no re.VERBOSE.
    src = translate(d["pattern"], extended="extended" in fl, ungreedy="ungreedy" in fl, engine=engine)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rx = rx_module.compile(src, flags)
    r = Rule()
    r.id, r.field, r.priority, r.regex = d["id"], d["field"], d["priority"], rx
    r.anchored = "anchored" in fl
    r.caseless = "caseless" in fl
    r.prefilters = [p.encode("utf-8").lower() if r.caseless else p.encode("utf-8") for p in d["prefilters"]]
    r.raw_group = rx.groupindex.get("raw", 0)
    r.named_groups = sorted(((idx, name) for name, idx in rx.groupindex.items() if name != "raw"))
    r.continuation, r.continuation_raw_group, r.continuation_groups = None, 0, []
    if d.get("continuation"):
        csrc = translate(d["continuation"], extended="extended" in fl, ungreedy="ungreedy" in fl, engine=engine)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r.continuation = rx_module.compile(csrc, flags)
        r.continuation_raw_group = r.continuation.groupindex.get("raw", 0)
        r.continuation_groups = sorted(((idx, name) for name, idx in r.continuation.groupindex.items() if name != "raw"))
    return r


def org_text_names(path):
    """The names of orgs/aliases.txt matched in running text (`OrgDirectory.textNames`): the
    `aliases` and `acronyms` of every stanza without `text: no`."""
    names, current, in_text = set(), [], True
    with open(path, encoding="utf-8") as fh:
        for line in fh.read().split("\n") + [""]:
            line = line.rstrip("\r")
            if line.startswith("#"):
                continue
            if not line.strip():
                if in_text:
                    names.update(current)
                current, in_text = [], True
                continue
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key in ("aliases", "acronyms"):
                current += [v.strip() for v in value.split("|") if v.strip()]
            elif key == "text":
                in_text = value == "yes"
    return sorted(names)


def alias_rule(directory, engine):
    """The `orgs.aliases` rule `Extractor.aliasRule` builds from the alias table (needs `regex`
    for \\p{L} in its look-arounds), or None."""
    path = os.path.join(directory, "orgs", "aliases.txt")
    if engine != "regex" or not os.path.isfile(path):
        return None
    names = org_text_names(path)
    if not names:
        return None
    d = {"id": "orgs.aliases", "field": "orgs", "priority": 0, "flags": [], "prefilters": [], "continuation": None,
         "pattern": "(?<![\\p{L}\\p{N}_])(?<raw>" + trie_alternation(names) + ")(?![\\p{L}\\p{N}_])"}
    return compile_rule(d, engine)


def load_rules(directory, engine="re"):
    if not os.path.isdir(directory):
        sys.exit("baseline: rules directory not found: %s" % directory)
    paths = sorted(glob.glob(os.path.join(directory, "**", "*.rule"), recursive=True))
    fields = ALL_FIELDS if engine == "regex" else FIELDS
    rules = {f: [] for f in fields}
    skipped = 0
    seen = {}
    for path in paths:
        try:
            d = parse_rule_file(path, directory)
        except (RuleFileError, OSError) as e:
            warn("skipping %s" % e)
            skipped += 1
            continue
        if d["field"] not in rules:
            continue
        if d["id"] in seen:
            warn("%s: rule id '%s' is also used by %s" % (path, d["id"], seen[d["id"]]))
        seen[d["id"]] = path
        try:
            rules[d["field"]].append(compile_rule(d, engine))
        except (Untranslatable, re.error, ValueError, OverflowError) as e:
            warn("%s:%d: skipping rule %s: pattern not usable with Python %s: %s" % (path, d["pattern_line"], d["id"], engine, e))
            skipped += 1
        except Exception as e:  # regex.error
            if type(e).__name__ != "error":
                raise
            warn("%s:%d: skipping rule %s: pattern not usable with Python %s: %s" % (path, d["pattern_line"], d["id"], engine, e))
            skipped += 1
    if "orgs" in rules:
        r = alias_rule(directory, engine)
        if r is not None:
            rules["orgs"].append(r)
    return rules, skipped


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


def hit(m, g, named, text):
    s, e = m.span(g)
    if s < 0:
        return None
    groups = {}
    for idx, name in named:
        v = m.group(idx)
        if v is not None:
            groups[name] = v
    return (s, e, text[s:e], groups)


def rule_hits(rule, text):
    """(start_char, end_char, raw, groups) for every non-overlapping match, left to right; after
    each match, the chain of anchored `continue:` matches that starts where it ends."""
    rx = rule.regex
    if rule.anchored or rule.continuation is not None:
        out = []
        pos, n = 0, len(text)
        while pos <= n:
            m = rx.match(text, pos) if rule.anchored else rx.search(text, pos)
            if m is None:
                break
            h = hit(m, rule.raw_group, rule.named_groups, text)
            if h:
                out.append(h)
            end = m.end()
            while rule.continuation is not None:
                c = rule.continuation.match(text, end)
                if c is None or c.end() <= end:
                    break
                h = hit(c, rule.continuation_raw_group, rule.continuation_groups, text)
                if h:
                    out.append(h)
                end = c.end()
            pos = end if end > m.start() else end + 1
        return out
    out = []
    for m in rx.finditer(text):
        h = hit(m, rule.raw_group, rule.named_groups, text)
        if h:
            out.append(h)
    return out


def extract(abstract, rules, resolve):
    b = abstract.encode("utf-8")
    lowered = None
    ascii_only = len(b) == len(abstract)
    found = {}
    for field in rules:
        cands = []
        for rule in rules[field]:
            if rule.prefilters:
                if rule.caseless:
                    if lowered is None:
                        lowered = b.lower()            # bytes.lower() is ASCII-only
                    hay = lowered
                else:
                    hay = b
                for lit in rule.prefilters:
                    if lit in hay:
                        break
                else:
                    continue
            for s, e, raw, groups in rule_hits(rule, abstract):
                if not ascii_only:
                    s = len(abstract[:s].encode("utf-8"))
                    e = s + len(raw.encode("utf-8"))
                cands.append((rule.priority, s, e, rule.id, raw, groups))
        if field == "number_context":
            # Context phrases describe numbers and may overlap (one gives the metric, another the
            # baseline): sift-extract keeps every one, in text order.
            cands.sort(key=lambda c: (c[1], c[2], c[3]))
        elif resolve and len(cands) > 1:
            cands.sort(key=lambda c: (-c[0], c[1], -(c[2] - c[1]), c[3]))
            kept = []
            for c in cands:
                for k in kept:
                    if c[1] < k[2] and k[1] < c[2]:
                        break
                else:
                    kept.append(c)
            cands = sorted(kept, key=lambda c: (c[1], c[2]))
        found[field] = cands
    if resolve and found["links"]:
        spans = [(c[1], c[2]) for c in found["links"]]
        for field in list(found)[1:]:
            found[field] = [c for c in found[field] if not any(c[1] < le and ls < c[2] for ls, le in spans)]
    return {field: [{"rule": c[3], "raw": c[4], "start": c[1], "end": c[2], "groups": c[5]} for c in found[field]]
            for field in found}


def main(argv=None):
    default_rules = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules")
    ap = argparse.ArgumentParser(description="Python baseline of papersift's extraction stage.")
    ap.add_argument("--rules", default=default_rules, help="rules directory (default: %(default)s)")
    ap.add_argument("--raw-matches", action="store_true",
                    help="list every hit: no overlap resolution, no dropping of hits inside links")
    ap.add_argument("--engine", choices=["regex", "re"], default=None,
                    help="regex (pip module `regex`: reads most PCRE2 syntax, runs every field of sift-extract "
                         "including organisation names and number context; the default when installed) or re "
                         "(standard library: links, numbers, model sizes and benchmarks, rules re can read)")
    ap.add_argument("files", nargs="*", help="JSON Lines inputs (default or '-': stdin)")
    args = ap.parse_args(argv)
    if args.engine is None:
        try:
            import regex  # noqa: F401
            args.engine = "regex"
        except ImportError:
            warn("the `regex` module is not installed (pip install regex): using `re`")
            args.engine = "re"
    elif args.engine == "regex":
        try:
            import regex  # noqa: F401,F811
        except ImportError:
            sys.exit("baseline: --engine regex needs the `regex` module: pip install regex")

    t0 = time.perf_counter()
    rules, skipped = load_rules(args.rules, args.engine)
    n_rules = sum(len(v) for v in rules.values())
    if n_rules == 0:
        warn("no links/numbers/model_sizes/benchmarks rules loaded from %s" % args.rules)
    resolve = not args.raw_matches

    out = sys.stdout
    records = with_abstract = passed = hits = 0
    in_bytes = 0
    for name in args.files or ["-"]:
        fh = sys.stdin if name == "-" else open(name, encoding="utf-8")
        try:
            for line in fh:
                in_bytes += len(line)
                stripped = line.rstrip("\n")
                if not stripped.strip():
                    continue
                records += 1
                try:
                    rec = json.loads(stripped)
                except ValueError:
                    passed += 1
                    out.write(stripped + "\n")
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("abstract"), str):
                    passed += 1
                    out.write(stripped + "\n")
                    continue
                with_abstract += 1
                found = extract(rec["abstract"], rules, resolve)
                hits += sum(len(v) for v in found.values())
                rec["found"] = found
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        finally:
            if fh is not sys.stdin:
                fh.close()
    out.flush()
    dt = time.perf_counter() - t0
    print("baseline: %s, %d rules (%d skipped), %d records (%d with abstract, %d passed through), %d hits, "
          "%.2fs, %.1f MB/s" % (args.engine, n_rules, skipped, records, with_abstract, passed, hits, dt,
                                in_bytes / 1e6 / dt if dt > 0 else 0.0), file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:          # e.g. piped into head
        try:
            sys.stdout = None
        finally:
            os._exit(1)
