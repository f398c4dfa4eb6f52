#!/usr/bin/env bash
# Converts every PDF of a shared bench corpus with --sheet-per-table and scores
# the workbooks with ../shared/bench/score.py, then counts typed numbers and
# merged ranges with benches/typed_check.py (both need: pip install openpyxl).
# Usage: benches/score.sh [CORPUS...]   (default: synthetic-dev icdar2013-eu)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for corpus in "${@:-synthetic-dev icdar2013-eu}"; do
    for c in $corpus; do
        mkdir -p "$out/$c"
        start=$(date +%s%N)
        for pdf in "$bench/$c"/*.pdf; do
            target/release/tables2xlsx "$pdf" -o "$out/$c/$(basename "$pdf" .pdf).xlsx" \
                --sheet-per-table --quiet || true
        done
        echo "== $c: $(( ($(date +%s%N) - start) / 1000000 )) ms for the conversions"
        python3 "$bench/score.py" --gt-dir "$bench/$c" --pred-dir "$out/$c" \
            --format xlsx --xlsx-layout sheets | grep -E '^(\[|TOTAL)'
        # Typed numbers and dates, merged ranges (benches/typed_check.py).
        python3 benches/typed_check.py "$bench/$c" "$out/$c" | grep -E '^(\[|      miss: .*mixed)'
    done
done
