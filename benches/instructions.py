#!/usr/bin/env python3
"""Where a conversion's instructions go, as counts that a noisy machine does
not move (timings on the shared machines vary by a third from run to run):
the whole product under valgrind's callgrind, workers included, one worker,
and per page the instructions of each stage, in the parent and in the worker.

Usage: benches/instructions.py [--bin target/release/tables2xlsx]
                               [--before OTHER_BUILD] [PDF]
(default PDF: the 120-page k_large_01 of the shared bench; needs valgrind,
`apt-get install valgrind`; a run takes a minute). With --before, both
builds side by side and the ratio.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LONG = os.path.join(HERE, "..", "..", "shared", "bench", "synthetic-dev", "k_large_01.pdf")

# (label, process, function or functions, the first found counting) in
# pipeline order; a function's count is inclusive (what it calls counts too).
STAGES = [
    ("worker, all", "worker", None),
    ("  render + text", "worker", "tables2xlsx::worker::render::render_with_text"),
    ("  detect", "worker", "tables2xlsx::worker::detect::detect_tables"),
    ("    of it rulings", "worker", "tables2xlsx::worker::detect::rulings::find_rulings"),
    ("  extract", "worker", "tables2xlsx::worker::extract::cell_texts"),
    ("parent, all", "parent", None),
    ("  coordinator and pool", "parent", "tables2xlsx::pool::Pool::next_event"),
    ("  writer: rows", "parent", "tables2xlsx::write::WorkbookWriter::write_part"),
    # (named as rust_xlsxwriter 0.102 names it, then as 0.90 did)
    ("  writer: saving", "parent", ("rust_xlsxwriter::packager::Packager<W>::assemble_file",
                                    "rust_xlsxwriter::workbook::Workbook::save_internal")),
]


def profile(binary, pdf, out):
    """Runs `binary` on `pdf` under callgrind; the counts of the parent and
    of the worker: {function: instructions} each, "" for the total."""
    prefix = os.path.join(out, "callgrind")
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--trace-children=yes", "--dump-instr=no",
         f"--callgrind-out-file={prefix}.%p", binary, pdf, "-o", os.path.join(out, "o.xlsx"),
         "--sheet-per-table", "--quiet", "--workers", "1"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts = {}
    for path in glob.glob(prefix + ".*"):
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling", path],
                              capture_output=True, text=True, check=True).stdout
        os.remove(path)
        functions = {"": 0, "pages": 0}
        for line in text.splitlines():
            # "N (p%)  *  file:function [object]" is a function's own line;
            # "N (p%)  >   file:function (Kx) [object]" one it calls.
            m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(\*|>)?\s*(.*?)\s*$", line)
            if not m:
                continue
            n = int(m.group(1).replace(",", ""))
            if m.group(3) == "PROGRAM TOTALS":
                functions[""] = n
                continue
            name = re.sub(r"^\S*?:", "", m.group(3).split(" [")[0], count=1)
            calls = re.search(r" \((\d+)x\)$", name)
            if m.group(2) == ">" and calls:
                # The pages detected: the calls of `detect_tables`.
                if name.startswith("tables2xlsx::worker::detect::detect_tables "):
                    functions["pages"] += int(calls.group(1))
            elif m.group(2) == "*":
                functions[name] = max(functions.get(name, 0), n)
        kind = "worker" if "tables2xlsx::worker::serve" in functions else "parent"
        counts[kind] = functions
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf", nargs="?", default=LONG)
    parser.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "tables2xlsx"))
    parser.add_argument("--before", help="another build of tables2xlsx, to compare with")
    args = parser.parse_args()
    builds = [("this", args.bin)] + ([("before", args.before)] if args.before else [])
    with tempfile.TemporaryDirectory() as out:
        counts = {name: profile(binary, args.pdf, out) for name, binary in builds}
    n = max(counts["this"].get("worker", {}).get("pages", 0), 1)
    print(f"{os.path.basename(args.pdf)}, {n} pages detected, one worker: "
          "millions of instructions per page")
    header = "".join(f"{name:>12}" for name, _ in builds) + ("       ratio" if args.before else "")
    print(f"{'':28}{header}")
    for label, process, function in STAGES:
        def count(name):
            functions = counts[name].get(process, {})
            names = function if isinstance(function, tuple) else (function or "",)
            return next((functions[f] for f in names if f in functions), 0)

        row = [count(name) / n / 1e6 for name, _ in builds]
        line = f"{label:28}" + "".join(f"{v:12.2f}" for v in row)
        if args.before and row[0] > 0:
            line += f"{row[1] / row[0]:11.2f}x"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
