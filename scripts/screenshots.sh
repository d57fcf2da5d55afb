#!/usr/bin/env bash
# Redraws the README's pictures of the sample workbooks: docs/summary.png (the audit's
# Summary sheet) and docs/curriculum-map.png (the program's curriculum map), through
# LibreOffice (PDF) and pdftoppm (PNG, cropped to the sheet's content).
#
#   bash scripts/screenshots.sh      needs soffice and pdftoppm (Debian: libreoffice-calc,
#                                    poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin crosswalk
target/release/crosswalk audit samples/agency-catalog.xlsx -o "$work/audit.xlsx" -q
target/release/crosswalk program samples/university-program.csv -o "$work/program.xlsx" -q
(cd "$work" && soffice --headless --convert-to pdf audit.xlsx program.xlsx >/dev/null 2>&1)
# Page 1 of the audit is the Summary sheet; page 2 of the program is the curriculum map.
pdftoppm -r 100 -f 1 -l 1 -x 50 -y 55 -W 1000 -H 730 -png -singlefile "$work/audit.pdf" docs/summary
pdftoppm -r 140 -f 2 -l 2 -x 85 -y 92 -W 1350 -H 285 -png -singlefile "$work/program.pdf" docs/curriculum-map
echo "docs/summary.png, docs/curriculum-map.png"
