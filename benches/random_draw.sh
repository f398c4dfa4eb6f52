#!/usr/bin/env bash
# A fresh random draw of synthetic tables, converted and scored: measures
# on documents the tool was not tuned to (the shared synthetic-dev corpus is
# one draw; a second draw once scored far lower on some categories).
#
# usage: benches/random_draw.sh BIN OUTDIR [SEED] [PER_CATEGORY]
#   needs python3 with pymupdf and openpyxl (pip install pymupdf openpyxl)
# Writes OUTDIR/draw (PDFs and truth), OUTDIR/out (workbooks, debug
# pictures under out/dbg) and prints the scorer's figures per category.
set -euo pipefail
bin=${1:?binary}; out=${2:?output directory}; seed=${3:-1}; per=${4:-8}
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/random_draw.py" "$out/draw" "$seed" --per-cat "$per"
rm -rf "$out/out"; mkdir -p "$out/out/dbg"
for pdf in "$out/draw"/*.pdf; do
  n=$(basename "$pdf" .pdf)
  mkdir -p "$out/out/dbg/$n"
  timeout 120 "$bin" "$pdf" -o "$out/out/$n.xlsx" --sheet-per-table -q \
    --debug-dir "$out/out/dbg/$n" 2>"$out/out/dbg/$n/stderr.txt" || echo "failed: $n"
done
python3 "$here/../../shared/bench/score.py" --gt-dir "$out/draw" --pred-dir "$out/out" \
  --format xlsx --xlsx-layout sheets | tee "$out/out/score.txt" | grep -E '^\[|^TOTAL'
