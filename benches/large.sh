#!/usr/bin/env bash
# Times the 120-page k_large document of the shared bench with 1 and 2 workers
# (three runs each, best kept) and the peak memory of the whole process tree.
# Usage: benches/large.sh [PDF]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
pdf=${1:-../shared/bench/synthetic-dev/k_large_01.pdf}
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for workers in 1 2; do
    for run in 1 2 3; do
        printf 'workers=%s run=%s ' "$workers" "$run"
        python3 benches/treemem.py target/release/tables2xlsx "$pdf" -o "$out/out.xlsx" \
            --sheet-per-table --workers "$workers" --quiet
    done
done
