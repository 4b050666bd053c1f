#!/usr/bin/env python3
"""Render `sift report --html` pages in headless Chromium and check that no chart text overflows.

    tools/check_report_layout.py [--screenshot PNG] [--widths 1280,760,420] REPORT.html ...

For every page and viewport width, Chromium lays the page out (the page itself has no scripts;
this checker evaluates its own measuring expression over the DevTools protocol, through
`--remote-debugging-pipe`, standard library only) and reports every `<text>` of a chart whose
rendered box is not inside its `<svg>` (the SVG clips what lies outside its viewBox, as a
browser showed `100.0% (147` for `100.0% (1473)`), and every chart box that needs a scrollbar.
Exit status: 0 when every label fits (or when no Chromium is installed: then it says it skipped),
1 when a label overflows, 2 on a usage error or when Chromium fails.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Evaluated in the page: every chart's text boxes against its svg box (CSS pixels).
MEASURE = r"""
(() => {
  const out = [];
  document.querySelectorAll('svg.chart').forEach((svg, i) => {
    const box = svg.getBoundingClientRect();
    const caption = svg.getAttribute('aria-label') || ('chart ' + (i + 1));
    const holder = svg.closest('.chart-box');
    const scrolls = holder ? holder.scrollWidth > holder.clientWidth + 1 : false;
    const texts = [];
    svg.querySelectorAll('text').forEach(t => {
      const r = t.getBoundingClientRect();
      texts.push({text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    });
    out.push({caption, left: box.left, right: box.right, top: box.top, bottom: box.bottom, scrolls, texts});
  });
  return JSON.stringify(out);
})()
"""


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="papersift-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # The child reads commands on fd 3 and writes replies on fd 4 (set up after the fork;
        # close_fds would close them again, so it is off).
        def fds():
            read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)   # neither is 3 nor 4 now
            os.dup2(read_end, 3)   # dup2 makes the copies inheritable
            os.dup2(write_end, 4)
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
             "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, matches, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if matches(message):
                    if "error" in message:
                        raise RuntimeError("DevTools: %s" % message["error"])
                    return message
            if time.monotonic() > deadline:
                raise RuntimeError("DevTools: no answer within %d s" % timeout)
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk

    def open(self, url, width, height):
        target = self.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.send("Page.enable", {}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
        return target, session

    def evaluate(self, expression, session):
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        result = reply["result"]
        if "exceptionDetails" in result:
            raise RuntimeError("evaluation failed: %s" % result["exceptionDetails"])
        return result["result"]["value"]

    def screenshot(self, session, path):
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data["result"]["data"]))

    def close_target(self, target):
        self.send("Target.closeTarget", {"targetId": target})

    def quit(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_child)
        os.close(self.from_child)
        shutil.rmtree(self.profile, ignore_errors=True)


def overflows(charts, slack=0.5):
    """The texts of each chart whose box is not inside the chart's svg box; charts that scroll."""
    problems = []
    for chart in charts:
        for t in chart["texts"]:
            if (t["left"] < chart["left"] - slack or t["right"] > chart["right"] + slack
                    or t["top"] < chart["top"] - slack or t["bottom"] > chart["bottom"] + slack):
                side = "right" if t["right"] > chart["right"] + slack else "left" if t["left"] < chart["left"] - slack else "top/bottom"
                cut = max(t["right"] - chart["right"], chart["left"] - t["left"], chart["top"] - t["top"], t["bottom"] - chart["bottom"])
                problems.append("%s: %r overflows its chart on the %s by %.1f px" % (chart["caption"], t["text"], side, cut))
        if chart["scrolls"]:
            problems.append("%s: the chart is wider than its panel (a scrollbar)" % chart["caption"])
    return problems


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="+", metavar="REPORT.html")
    ap.add_argument("--widths", default="1280,760,420", help="viewport widths in CSS pixels (default: %(default)s)")
    ap.add_argument("--screenshot", metavar="PNG", help="save a full-page screenshot of the first page at the first width")
    ap.add_argument("--browser", help="Chromium binary (default: the first of %s on PATH)" % ", ".join(BROWSERS))
    args = ap.parse_args(argv)
    binary = args.browser or next((b for b in map(shutil.which, BROWSERS) if b), None)
    if not binary:
        print("check_report_layout: skipped: no Chromium found (install the Debian package 'chromium' to run this check)")
        return 0
    widths = [int(w) for w in args.widths.split(",")]
    browser = Browser(binary)
    failures = 0
    try:
        for n, page in enumerate(args.pages):
            url = "file://" + os.path.abspath(page)
            for k, width in enumerate(widths):
                target, session = browser.open(url, width, 900)
                charts = json.loads(browser.evaluate(MEASURE, session))
                if not charts:
                    print("check_report_layout: %s: no charts found" % page, file=sys.stderr)
                    failures += 1
                problems = overflows(charts)
                for p in problems:
                    print("check_report_layout: %s at %d px: %s" % (page, width, p), file=sys.stderr)
                failures += len(problems)
                if args.screenshot and n == 0 and k == 0:
                    browser.screenshot(session, args.screenshot)
                browser.close_target(target)
                texts = sum(len(c["texts"]) for c in charts)
                print("check_report_layout: %s at %d px: %d charts, %d texts, %d overflowing"
                      % (page, width, len(charts), texts, len(problems)))
    except RuntimeError as e:
        print("check_report_layout: %s (%s)" % (e, binary), file=sys.stderr)
        return 2
    finally:
        browser.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
