#!/usr/bin/env bash
# Installs Debian's `chromium` for `make check-report` when no Chromium is on PATH and we are root;
# otherwise says what to install. Never fails: tools/check_report_layout.py then skips with a message.
for b in chromium chromium-browser google-chrome google-chrome-stable; do
  command -v "$b" > /dev/null && exit 0
done
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "check-report: installing chromium (apt-get) for the layout check"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; } \
    || echo "check-report: chromium could not be installed; the layout check will be skipped"
else
  echo "check-report: no Chromium; to run the layout check: sudo apt-get install -y chromium"
fi
exit 0
