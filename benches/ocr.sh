#!/usr/bin/env bash
# OCR speed on scanned pages, from one run: seconds per page with 1 and 2
# workers and the peak memory of the whole process tree (benches/treemem.py),
# then the same pages through a peer for reference, img2table 1.x with
# Tesseract (eng+chi_sim, one thread), and the ratios.
# Usage: benches/ocr.sh [FOLDER]   (default ../shared/bench/scanned-dev;
#        builds the release binary first)
# The peer runs from a throwaway venv under $TMPDIR (pip install img2table)
# and needs Debian's tesseract-ocr and tesseract-ocr-chi-sim; without them it
# is skipped with a note. PEER=0 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/bench/scanned-dev}
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

declare -A secs
for workers in 1 2; do
    line=$(python3 benches/treemem.py target/release/tables2xlsx "$corpus" -o "$out/w$workers" \
        --sheet-per-table --workers "$workers" --quiet --report "$out/r$workers.jsonl" | tail -1)
    pages=$(python3 -c 'import json,sys; print(sum(json.loads(l).get("pages") or 0 for l in open(sys.argv[1])))' \
        "$out/r$workers.jsonl")
    wall=$(sed -E 's/.*wall=([0-9.]+)s.*/\1/' <<<"$line")
    secs[$workers]=$(python3 -c "print(f'{$wall / $pages:.2f}')")
    echo "tables2xlsx workers=$workers pages=$pages $line s/page=${secs[$workers]}"
done

if [[ "${PEER:-1}" == 0 ]]; then exit 0; fi
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -q chi_sim; then
    echo "peer skipped: needs tesseract-ocr and tesseract-ocr-chi-sim (apt-get install)"
    exit 0
fi
venv=${PEER_VENV:-${TMPDIR:-/tmp}/tables2xlsx-bench-img2table}
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install --quiet img2table \
        || { echo "peer skipped: img2table does not install"; exit 0; }
fi
OMP_THREAD_LIMIT=1 "$venv/bin/python" - "$corpus" "${secs[1]}" <<'PY'
import glob, sys, time
from img2table.document import PDF
from img2table.ocr import TesseractOCR

corpus, ours = sys.argv[1], float(sys.argv[2])
ocr = TesseractOCR(n_threads=1, lang="eng+chi_sim")
pages, start = 0, time.monotonic()
for path in sorted(glob.glob(corpus + "/*.pdf")):
    doc = PDF(src=path)
    found = doc.extract_tables(ocr=ocr, implicit_rows=True, borderless_tables=True)
    pages += len(found)
wall = time.monotonic() - start
per_page = wall / pages
print(f"img2table+tesseract workers=1 pages={pages} wall={wall:.2f}s s/page={per_page:.2f}")
print(f"ratio tables2xlsx/img2table (1 worker, s/page): {ours / per_page:.2f}")
PY
