#!/bin/sh
# Checks an HTML report in headless Chromium (see check-report.mjs) and writes a screenshot.
#   harness/tests/browser/run.sh REPORT.html SCREENSHOT.png
# Without Chromium or Node.js it says so and exits 0, unless REQUIRE_BROWSER=1 (as in CI),
# when that is a failure. CHROMIUM overrides the browser path (default /usr/bin/chromium).
set -eu
here=$(dirname "$0")
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ "$#" -ne 2 ]; then
  echo "usage: $0 REPORT.html SCREENSHOT.png" >&2
  exit 2
fi
if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1; then
  echo "report check skipped: needs $chromium and node" >&2
  [ "${REQUIRE_BROWSER:-0}" = 1 ] && exit 1
  exit 0
fi
mkdir -p "$(dirname "$2")"
CHROMIUM=$chromium exec node "$here/check-report.mjs" "$1" "$2"
