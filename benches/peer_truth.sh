#!/usr/bin/env bash
# Scores a build on the tables Camelot's and tabula-java's test suites expect
# for PDFs of ../shared/bench/wild (benches/peer-truth, see its README).
# usage: benches/peer_truth.sh BIN OUTDIR   (needs python3 with openpyxl)
set -euo pipefail
bin=${1:?binary}; out=${2:?output directory}
here=$(cd "$(dirname "$0")" && pwd)
wild="$here/../../shared/bench/wild"
mkdir -p "$out"
for truth in "$here"/peer-truth/*.json; do
  n=$(basename "$truth" .json)
  timeout 120 "$bin" "$wild/$n.pdf" -o "$out/$n.xlsx" --sheet-per-table -q || echo "failed: $n"
done
python3 "$here/../../shared/bench/score.py" --gt-dir "$here/peer-truth" --pred-dir "$out" \
  --format xlsx --xlsx-layout sheets
