#!/usr/bin/env python3
"""Self-tests of the bench tools:  python3 bench/test_bench.py  (stdlib unittest, ~2 s)."""

import contextlib
import filecmp
import io
import json
import os
import re
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import baseline      # noqa: E402
import check_corpus  # noqa: E402
import gen_corpus    # noqa: E402

TESTDATA = os.path.join(HERE, "testdata")


def run_quiet(fn, *args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = fn(*args)
    return rc, out.getvalue(), err.getvalue()


class TranslateTests(unittest.TestCase):
    def check(self, pcre, text, expected, **kw):
        rx = re.compile(baseline.translate(pcre, **kw))
        m = rx.search(text)
        self.assertEqual(m.group(0) if m else None, expected, baseline.translate(pcre, **kw))

    def test_named_groups_and_lookbehind(self):
        self.assertEqual(baseline.translate(r"(?<![\w.])(?<raw>\d+)"), r"(?<![\w.])(?P<raw>\d+)")
        self.check(r"(?'w'ab)\k<w>\k{w}", "xxababab", "ababab")

    def test_escapes(self):
        self.check(r"\x{2022} \d+", "  \u2022 3 authors", "\u2022 3")
        self.check(r"a\h+b", "a \t b", "a \t b")
        self.check(r"\Qa.b\E", "axb a.b", "a.b")
        self.check(r"[[:digit:]]+", "ab123", "123")
        self.check(r"x\z", "x\n", None)
        self.check(r"x\Z", "x\n", "x")
        self.check(r"a{,}b", "a{,}b", "a{,}b")

    def test_extended_and_ungreedy(self):
        self.check("(?<raw> a  b # comment [\n  c )", "xabc", "abc", extended=True)
        self.check(r"a.+b", "aXbXb", "aXb", ungreedy=True)
        self.check(r"a.+?b", "aXbXb", "aXbXb", ungreedy=True)

    def test_untranslatable(self):
        for p in [r"\p{L}", r"(?|a|b)", r"(*UCP)a", r"a\Kb", r"(?1)", r"[[:^alpha:]]"]:
            with self.assertRaises(baseline.Untranslatable):
                baseline.translate(p)


try:
    import regex  # noqa: F401
    HAVE_REGEX = True
except ImportError:
    HAVE_REGEX = False


@unittest.skipUnless(HAVE_REGEX, "the regex module is not installed (pip install regex)")
class RegexEngineTests(unittest.TestCase):
    """With engine="regex", PCRE2 syntax that `re` lacks is passed through to the `regex` module."""

    def check(self, pcre, text, expected):
        rx = regex.compile(baseline.translate(pcre, engine="regex"))
        m = rx.search(text)
        self.assertEqual(m.group(0) if m else None, expected, baseline.translate(pcre, engine="regex"))

    def test_pcre2_features(self):
        self.check(r"(?|a(b)|c(d))\1", "xcdd", "cdd")
        self.check(r"(?<w>\p{Lu}\p{Ll}+) (?&w)", "see Foo Bar", "Foo Bar")
        self.check(r"ab(*SKIP)(*FAIL)|b", "ab b", "b")
        self.check(r"(?<=ab|c)d", "abd", "d")
        self.check(r"(?<x>a)?(?(<x>)b|c)", "xab", "ab")
        self.check(r"(?<x>a)?(?(<x>)b|c)", "xc", "c")
        self.check(r"[[:^alpha:]]+", "ab12", "12")

    def test_repo_rules_all_load(self):
        """Every extraction rule of rules/ compiles, plus the organisation names."""
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            rules, skipped = baseline.load_rules(os.path.join(REPO, "rules"), "regex")
        self.assertEqual(skipped, 0, err.getvalue())
        self.assertEqual(set(rules), set(baseline.ALL_FIELDS))
        self.assertEqual([r.id for r in rules["orgs"]], ["orgs.aliases"])
        self.assertTrue(rules["number_context"])

    def test_org_text_names(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "aliases.txt")
            with open(path, "w") as fh:
                fh.write("# c\nname: A Lab\naliases: A Lab | ALab\nacronyms: AL\ntext: yes\n\n"
                         "name: Meta\naliases: Meta AI\ntext: no\n\nname: B\naliases: B Uni\n")
            self.assertEqual(baseline.org_text_names(path), ["A Lab", "AL", "ALab", "B Uni"])


class RuleFileTests(unittest.TestCase):
    def test_sample_rules_parse(self):
        rules, skipped = baseline.load_rules(os.path.join(TESTDATA, "rules"))
        self.assertEqual(skipped, 0)
        self.assertEqual({f: [r.id for r in v] for f, v in rules.items()},
                         {"links": ["link.url"], "numbers": ["number.percent"],
                          "model_sizes": ["model_size.billions"], "benchmarks": []})

    def test_sample_rule_examples(self):
        """The match / no-match examples of the sample rules hold (like sift-extract --check-rules)."""
        rules, _ = baseline.load_rules(os.path.join(TESTDATA, "rules"))
        for field, lst in rules.items():
            for rule in lst:
                d = baseline.parse_rule_file(self._path(rule.id))
                text = open(self._path(rule.id), encoding="utf-8").read()
                for line in text.splitlines():
                    if line.startswith("match: "):
                        ex = line[len("match: "):]
                        want = re.findall(r"\[\[(.*?)\]\]", ex)
                        plain = ex.replace("[[", "").replace("]]", "")
                        got = [h[2] for h in baseline.rule_hits(rule, plain)]
                        self.assertEqual(got, want, (rule.id, ex))
                    elif line.startswith("no-match: "):
                        self.assertEqual(baseline.rule_hits(rule, line[len("no-match: "):]), [], rule.id)
                self.assertTrue(d["pattern"])

    def _path(self, rule_id):
        for root, _, files in os.walk(os.path.join(TESTDATA, "rules")):
            for fn in files:
                p = os.path.join(root, fn)
                if ("id: %s\n" % rule_id) in open(p, encoding="utf-8").read():
                    return p
        raise AssertionError(rule_id)

    def test_bad_rules_are_skipped(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "numbers"))
            with open(os.path.join(d, "numbers", "bad.rule"), "w") as fh:
                fh.write("id: n.bad\nfield: numbers\ndescription: x\npattern: (?<raw>\\p{N}+%)\n"
                         "match: [[5%]]\nno-match: x\n")
            with open(os.path.join(d, "numbers", "good.rule"), "w") as fh:
                fh.write("# comment\nid: n.good\nfield: numbers\ndescription: x\nflags: extended\n"
                         "pattern: (?<raw> \\d+\n    % )\nprefilter: %\nmatch: [[5%]]\nno-match: x\n")
            with open(os.path.join(d, "numbers", "ignored.rule"), "w") as fh:
                fh.write("id: s.x\nfield: segment\ndescription: x\npattern: \\p{L}\nmatch: a\nno-match: 1\n")
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                rules, skipped = baseline.load_rules(d)
            self.assertEqual(skipped, 1)
            self.assertIn("n.bad", err.getvalue())
            self.assertEqual([r.id for r in rules["numbers"]], ["n.good"])
            self.assertEqual(baseline.extract("up 5% and 7 %", rules, True)["numbers"][0]["raw"], "5%")


class BaselineOutputTests(unittest.TestCase):
    def test_sample_matches_expected(self):
        _, out, err = run_quiet(baseline.main, ["--engine", "re", "--rules", os.path.join(TESTDATA, "rules"),
                                                os.path.join(TESTDATA, "sample.jsonl")])
        with open(os.path.join(TESTDATA, "sample.expected.jsonl"), encoding="utf-8") as fh:
            self.assertEqual(out, fh.read())
        self.assertIn("8 records (5 with abstract, 3 passed through)", err)

    def test_byte_offsets(self):
        rules, _ = baseline.load_rules(os.path.join(TESTDATA, "rules"))
        text = "\u00e9\U0001F680 7B and https://a.b/c"
        found = baseline.extract(text, rules, True)
        b = text.encode("utf-8")
        for hits in found.values():
            for h in hits:
                self.assertEqual(b[h["start"]:h["end"]].decode("utf-8"), h["raw"])
        self.assertEqual(found["model_sizes"][0]["start"], 7)


class ArxivGeneratorTests(unittest.TestCase):
    def test_new_ids_reshuffled_words(self):
        sample = [{"id": "0704.%04d" % i, "title": "Title words number %d here" % i, "doi": "10.1/x%d" % i,
                   "abstract": "First sentence %d. Second one with 5%% gain. Third at https://x.org/%d." % (i, i),
                   "authors": "A. B"} for i in range(3)]
        with tempfile.TemporaryDirectory() as d:
            src, out = os.path.join(d, "s.jsonl"), os.path.join(d, "o.jsonl")
            with open(src, "w") as fh:
                fh.write("".join(json.dumps(r) + "\n" for r in sample))
            import subprocess
            subprocess.run([sys.executable, os.path.join(HERE, "gen_arxiv.py"), "--sample", src, "--out", out,
                            "--records", "500", "--files", "2"], check=True, capture_output=True)
            recs = [json.loads(l) for f in (out + ".1", out + ".2") for l in open(f)]
        self.assertEqual(len(recs), 500)
        self.assertEqual(len({r["id"] for r in recs}), 500)
        sentences = {s for r in sample for s in re.split(r"(?<=[.!?]) ", r["abstract"])}
        for i, r in enumerate(recs):
            t = sample[i % 3]
            self.assertEqual(sorted(r["title"].split()), sorted(t["title"].split()))
            self.assertIsNone(r["doi"])
            self.assertEqual(r["authors"], t["authors"])
            self.assertTrue(set(re.split(r"(?<=[.!?]) ", r["abstract"])) <= sentences)


class CorpusTests(unittest.TestCase):
    def test_seed_pages_parse(self):
        pages = sorted(os.path.join(REPO, "corpus", f) for f in os.listdir(os.path.join(REPO, "corpus"))
                       if f.endswith(".txt"))
        if not pages:
            self.skipTest("no seed pages")
        rc, out, _ = run_quiet(check_corpus.main, pages)
        self.assertEqual(rc, 0, out)
        self.assertIn("occurrences 160, unique titles 148", out)

    def test_deterministic_and_consistent(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            args = ["--mb", "1.5", "--seed", "3", "--page-kb-min", "100", "--page-kb-max", "400"]
            run_quiet(gen_corpus.main, ["--out", a] + args)
            run_quiet(gen_corpus.main, ["--out", b] + args)
            for sub in ["", "pages", "arxiv"]:
                da, db = os.path.join(a, sub), os.path.join(b, sub)
                names = sorted(f for f in os.listdir(da) if os.path.isfile(os.path.join(da, f)))
                self.assertEqual(names, sorted(f for f in os.listdir(db) if os.path.isfile(os.path.join(db, f))))
                match, mismatch, errors = filecmp.cmpfiles(da, db, names, shallow=False)
                self.assertEqual((mismatch, errors), ([], []))
            rc, out, _ = run_quiet(check_corpus.main, [a])
            self.assertEqual(rc, 0, out)
            m = json.load(open(os.path.join(a, "manifest.json")))
            self.assertAlmostEqual(m["duplicate_occurrences"] / m["occurrences"], 0.2, delta=0.04)
            self.assertEqual(m["occurrences"] - m["duplicate_occurrences"], m["unique_papers"])
            self.assertAlmostEqual(m["total_bytes"], 1_500_000, delta=60_000)


if __name__ == "__main__":
    unittest.main()
