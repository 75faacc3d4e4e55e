#!/usr/bin/env bash
# Renders the example workbooks as LibreOffice prints them (A4 PDF → PNG) into docs/:
#   docs/workbook-self-p1.png     first page of the self-assessment (自评估表): header, colour key, results line
#   docs/workbook-self-last.png   its last page: declaration, the line to sign on, the 填写说明 and colour key
#   docs/workbook-audit-p1.png    first page of the maturity audit (评分表)
#   docs/workbook-audit-last.png  its results page: subtotals, total, level scale, level, conclusion, 申报级别核对
# Needs: soffice (libreoffice-calc-nogui), pdftoppm and pdftotext (poppler-utils), a built CLI (npm run build:cli).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
node bin/starscore.js new --from examples/self-assessment.json -o "$work/self.xlsx" >/dev/null
node bin/starscore.js new --from examples/maturity-audit.json -o "$work/audit.xlsx" >/dev/null
(cd "$work" && soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf self.xlsx audit.xlsx >/dev/null 2>&1)
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# The first page whose text holds $2.
page_with() {
  local n
  for n in $(seq 1 "$(pages "$1")"); do
    if pdftotext -f "$n" -l "$n" "$1" - | grep -q "$2"; then echo "$n"; return; fi
  done
  pages "$1"
}
render() { pdftoppm -r 110 -png -f "$2" -l "$2" -singlefile "$1" "$3"; }
render "$work/self.pdf" 1 docs/workbook-self-p1
render "$work/self.pdf" "$(pages "$work/self.pdf")" docs/workbook-self-last
render "$work/audit.pdf" 1 docs/workbook-audit-p1
render "$work/audit.pdf" "$(page_with "$work/audit.pdf" 级别划分)" docs/workbook-audit-last
rm -rf "$work"
ls -la docs/workbook-*.png
