#!/usr/bin/env bash
# Batch throughput and memory: builds an archive of N PDFs (copies of
# samples/*.pdf, 5 % of them broken: truncated or garbage), a fifth of them in
# a zip file and the rest in a folder tree, converts it in one batch and
# reports files/s, pages/s and the peak memory of the whole process tree.
# Peak memory must not grow with N: compare `benches/batch.sh 200` with
# `benches/batch.sh 1000`.
# Usage: benches/batch.sh [N] [extra tables2xlsx flags]   (builds the release binary)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
shift || true
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$n" <<'PY'
import glob, os, random, sys, zipfile
work, n = sys.argv[1], int(sys.argv[2])
samples = sorted(glob.glob("samples/*.pdf"))
rng = random.Random(5)
zipped = zipfile.ZipFile(os.path.join(work, "archive.zip"), "w", zipfile.ZIP_DEFLATED)
for i in range(n):
    src = samples[i % len(samples)]
    data = open(src, "rb").read()
    if i % 20 == 7:  # 5 % broken: half cut after the header, half garbage
        data = data[:64] if i % 40 == 7 else bytes(rng.randrange(256) for _ in range(2000))
    name = f"dept{i % 7}/year{i % 5}/report{i:05}.pdf"
    if i % 5 == 0:
        zipped.writestr(name, data)
    else:
        path = os.path.join(work, "tree", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "wb").write(data)
zipped.close()
PY
set +e
mem=$(python3 benches/treemem.py target/release/tables2xlsx "$work/tree" "$work/archive.zip" \
    -o "$work/out" --report "$work/report.jsonl" --quiet "$@" 2>"$work/stderr")
code=$?
set -e
python3 - "$work/report.jsonl" "$mem" "$code" "$n" <<'PY'
import json, re, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
mem, code, n = sys.argv[2], sys.argv[3], int(sys.argv[4])
wall = float(re.search(r"wall=([\d.]+)s", mem).group(1))
peak = re.search(r"peak_tree_rss=([\d.]+)MiB", mem).group(1)
ok = [l for l in lines if l["status"] == "ok"]
failed = [l for l in lines if l["status"] == "failed"]
pages = sum(l["pages"] for l in lines)
tables = sum(l["tables"] for l in lines)
print(f"files={n} ok={len(ok)} failed={len(failed)} pages={pages} tables={tables} exit={code}")
print(f"wall={wall:.2f}s files/s={n / wall:.1f} pages/s={pages / wall:.1f} peak_tree_rss={peak}MiB")
PY
