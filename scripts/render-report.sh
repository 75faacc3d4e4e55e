#!/usr/bin/env bash
# Renders the audit report of examples/maturity-audit.json as Chromium prints it (A4 PDF → PNG) into docs/:
#   docs/report-zh.png     its first page: the cover (certification body, 项目编号, 审查类型, summary)
#   docs/report-info.png   the page with 1. 基本信息 (1.1–1.11, 审查组成员)
#   docs/report-radar.png  the page with 各单项雷达图 and the level scale
# Needs: chromium (or STARSCORE_CHROMIUM), pdftoppm and pdftotext (poppler-utils), a built CLI (npm run build:cli).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/starscore.js report examples/maturity-audit.json -o "$work/report.html" --pdf "$work/report.pdf" >/dev/null
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
page_with() {
  for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$work/report.pdf" - | grep -q "$1"; then echo "$p"; return; fi
  done
  echo "render-report.sh: no page with $1" >&2
  exit 1
}
info=$(page_with "1. 基本信息")
radar=$(page_with "各单项雷达图")
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$work/report.pdf" docs/report-zh
pdftoppm -r 110 -png -f "$info" -l "$info" -singlefile "$work/report.pdf" docs/report-info
pdftoppm -r 110 -png -f "$radar" -l "$radar" -singlefile "$work/report.pdf" docs/report-radar
echo "report: $pages pages, 基本信息 on page $info, radar on page $radar"
ls -la docs/report-*.png
