#!/usr/bin/env python3
"""Speed, as a user meets it: whole runs, process start-up included, in one
interleaved run (every tool on every workload in each round, the median of
the rounds kept), reported as ratios: the machines are shared and noisy.

Workloads:
  long  the 120-page k_large_01 document of the shared bench, one process
  eu    the 27 ICDAR 2013 EU documents, one process per document

Tools: tables2xlsx with 1 and 2 workers; tablers (a Rust core on pdfium,
ruled tables only) when TABLERS_PYTHON names a Python that has it
(python3 -m venv /tmp/t && /tmp/t/bin/pip install tablers). The floor,
MuPDF rendering every page once at the detection resolution and
extracting its text once, spread over the cores, and the CPU per page per
stage come from `cargo bench --bench stages` (run it beside this).

Usage: benches/speed.py [--rounds N] [--bin target/release/tables2xlsx]
                        [--before OTHER_BUILD]   (an older build, side by side)
"""

import argparse
import glob
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(HERE, "..", "..", "shared", "bench")
LONG = os.path.join(BENCH, "synthetic-dev", "k_large_01.pdf")
EU = sorted(glob.glob(os.path.join(BENCH, "icdar2013-eu", "*.pdf")))

TABLERS = """
import sys
from tablers import Document, find_tables
n = 0
for path in sys.argv[1:]:
    doc = Document(path)
    for page in doc.pages():
        for table in find_tables(page, extract_text=True):
            table.to_list()
            n += 1
print(n)
"""


def timed(cmd):
    """Wall time and CPU time (user + system, of the process and every
    child it waited for: our workers, tablers' threads) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "tables2xlsx"))
    parser.add_argument("--before", help="another build of tables2xlsx, to compare with")
    args = parser.parse_args()
    out = tempfile.mkdtemp()
    ours = lambda binary, workers: lambda pdf: [binary, pdf, "-o", os.path.join(out, "o.xlsx"),
                                                "--sheet-per-table", "-q", "--workers", str(workers)]
    tools = {"tables2xlsx, 2 workers": ours(args.bin, 2), "tables2xlsx, 1 worker": ours(args.bin, 1)}
    if args.before:
        tools["before, 2 workers"] = ours(args.before, 2)
        tools["before, 1 worker"] = ours(args.before, 1)
    peer = os.environ.get("TABLERS_PYTHON")
    if peer:
        tools["tablers"] = lambda pdf: [peer, "-c", TABLERS, pdf]
    workloads = {"long (120 pages)": [LONG], "eu (27 documents)": EU}
    times = {(w, t): [] for w in workloads for t in tools}
    cpus = {(w, t): [] for w in workloads for t in tools}
    for _ in range(args.rounds):
        for w, pdfs in workloads.items():
            for t, cmd in tools.items():
                runs = [timed(cmd(pdf)) for pdf in pdfs]
                times[(w, t)].append(sum(wall for wall, _ in runs))
                cpus[(w, t)].append(sum(cpu for _, cpu in runs))
    base = "tables2xlsx, 2 workers"
    # CPU time is the steadier figure on a shared machine; wall time is what
    # a user waits.
    print(f"median of {args.rounds} interleaved rounds, seconds (ratio to {base}):")
    print(f"    {'':<24} {'wall':>7}          {'cpu':>7}")
    for w in workloads:
        print(f"  {w}")
        ref = statistics.median(times[(w, base)])
        ref_cpu = statistics.median(cpus[(w, base)])
        for t in tools:
            m = statistics.median(times[(w, t)])
            c = statistics.median(cpus[(w, t)])
            print(f"    {t:<24} {m:7.3f} ({m / ref:.2f}x)  {c:7.3f} ({c / ref_cpu:.2f}x)")


if __name__ == "__main__":
    sys.exit(main())
