#!/usr/bin/env bash
# Renders the example workbooks as LibreOffice prints them (A4 PDF → PNG) into docs/:
#   docs/workbook-self-p1.png     first page of the self-assessment (自评估表)
#   docs/workbook-audit-p1.png    first page of the maturity audit (评分表)
#   docs/workbook-audit-last.png  its last page: subtotals, total, level, conclusion
# Needs: soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils), a built CLI (npm run build:cli).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
node bin/starscore.js new --from examples/self-assessment.json -o "$work/self.xlsx" >/dev/null
node bin/starscore.js new --from examples/maturity-audit.json -o "$work/audit.xlsx" >/dev/null
(cd "$work" && soffice --headless --convert-to pdf self.xlsx audit.xlsx >/dev/null 2>&1)
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$work/self.pdf" docs/workbook-self-p1
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$work/audit.pdf" docs/workbook-audit-p1
last=$(pdfinfo "$work/audit.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -r 110 -png -f "$last" -l "$last" -singlefile "$work/audit.pdf" docs/workbook-audit-last
rm -rf "$work"
ls -la docs/*.png
