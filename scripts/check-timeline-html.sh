#!/usr/bin/env bash
# Loads a timeline page in headless Chromium (Debian: apt-get install chromium),
# saves a screenshot and fails if the page logs a console error.
#   scripts/check-timeline-html.sh [PAGE] [SCREENSHOT]
# Defaults: Outputs/timeline.html and docs/timeline.png. Run from the repository root.
set -euo pipefail
page=${1:-Outputs/timeline.html}
shot=${2:-docs/timeline.png}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "check-timeline-html: Chromium is not installed (apt-get install chromium)" >&2; exit 2; }
mkdir -p "$(dirname "$shot")"
log=$(mktemp); trap 'rm -f "$log"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1000 \
  --enable-logging=stderr --v=0 --screenshot="$shot" "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" 2>"$log" >/dev/null
if grep -E 'CONSOLE\(|Uncaught' "$log"; then
  echo "check-timeline-html: the page logged console messages (above)" >&2
  exit 1
fi
[ -s "$shot" ] || { echo "check-timeline-html: no screenshot was written" >&2; exit 1; }
echo "check-timeline-html: $page loaded without console errors; screenshot in $shot"
