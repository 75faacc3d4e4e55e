#!/usr/bin/env bash
# Renders the audit report of examples/maturity-audit.json as Chromium prints it (A4 PDF → PNG) into docs/:
#   docs/report-zh.png     its first page: cover, summary, 基本信息
#   docs/report-radar.png  the page with 各单项雷达图 and the level scale
# Needs: chromium (or STARSCORE_CHROMIUM), pdftoppm and pdftotext (poppler-utils), a built CLI (npm run build:cli).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/starscore.js report examples/maturity-audit.json -o "$work/report.html" --pdf "$work/report.pdf" >/dev/null
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
radar=""
for p in $(seq 1 "$pages"); do
  if pdftotext -f "$p" -l "$p" "$work/report.pdf" - | grep -q "各单项雷达图"; then radar=$p; break; fi
done
[ -n "$radar" ] || { echo "render-report.sh: no page with 各单项雷达图" >&2; exit 1; }
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$work/report.pdf" docs/report-zh
pdftoppm -r 110 -png -f "$radar" -l "$radar" -singlefile "$work/report.pdf" docs/report-radar
echo "report: $pages pages, radar on page $radar"
ls -la docs/report-*.png
