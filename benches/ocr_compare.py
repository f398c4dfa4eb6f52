#!/usr/bin/env python3
"""Where scanned pages lose: per document, the scorer's F1 of the scanned
conversion beside that of the born-digital conversion of the same document
(same ground truth), and what kind of loss it is.

Usage:
  benches/ocr_compare.py GT_DIR DIGITAL_PRED_DIR SCANNED_PRED_DIR [--cells] [--only NAME...]

GT_DIR is a scanned corpus of ../shared/bench (scanned-dev, scanned-eu); the
prediction folders hold <name>.xlsx written with --sheet-per-table. For each
ground-truth table matched in the scanned output, a grid of the same shape
counts its differing cells as recognition errors (with --cells, lists them);
a different shape is a structure error; an unmatched table is a detection
miss, an unmatched predicted table a false table. Needs openpyxl.
"""

import argparse
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "bench"))
import score  # noqa: E402  (the bench scorer, ../shared/bench/score.py)


def tables_of(pred_dir, name):
    path = os.path.join(pred_dir, name + ".xlsx")
    return score.read_xlsx(path, "sheets") if os.path.exists(path) else []


def analyse(gt, preds):
    """The scorer's figures plus a breakdown of the scanned losses."""
    s = score.score_gt(gt, preds)
    variant = ([gt["tables"]] + list(gt.get("alternatives") or []))[s["variant"]]
    gts = [score.squeeze(score.clean(t["cells"])) for t in variant]
    ps = [score.squeeze(score.clean(p)) for p in preds]
    ps = [p for p in ps if score.non_empty(p)]
    matched_p = {pi for _, pi, _ in s["matches"]}
    kinds = {"miss": len(gts) - len(s["matches"]), "false": len(ps) - len(matched_p),
             "shape": 0, "cells": 0, "cells_total": 0}
    diffs = []
    for gi, pi, _ in s["matches"]:
        g, p = gts[gi], ps[pi]
        if len(g) != len(p) or any(len(a) != len(b) for a, b in zip(g, p)):
            kinds["shape"] += 1
            diffs.append((gi, f"shape {len(g)}x{len(g[0]) if g else 0} -> "
                              f"{len(p)}x{len(p[0]) if p else 0}"))
            continue
        for r, (grow, prow) in enumerate(zip(g, p)):
            for c, (a, b) in enumerate(zip(grow, prow)):
                kinds["cells_total"] += 1
                if a != b:
                    kinds["cells"] += 1
                    diffs.append((gi, f"r{r}c{c} {a!r} -> {b!r}"))
    return s, kinds, diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gt_dir")
    ap.add_argument("digital")
    ap.add_argument("scanned")
    ap.add_argument("--cells", action="store_true", help="list differing cells and shapes")
    ap.add_argument("--only", nargs="*", help="document names")
    a = ap.parse_args()
    rows, totals = [], {}
    for path in sorted(glob.glob(os.path.join(a.gt_dir, "*.json"))):
        if os.path.basename(path) == "manifest.json":
            continue
        gt = score.load_gt(path)
        name = gt["name"]
        if a.only and name not in a.only:
            continue
        if not os.path.exists(os.path.join(a.scanned, name + ".xlsx")):
            continue
        d, _, _ = analyse(gt, tables_of(a.digital, name))
        s, kinds, diffs = analyse(gt, tables_of(a.scanned, name))
        for k, v in kinds.items():
            totals[k] = totals.get(k, 0) + v
        for k in ("tp", "pred_rel", "gt_rel"):
            totals["s_" + k] = totals.get("s_" + k, 0) + s[k]
            totals["d_" + k] = totals.get("d_" + k, 0) + d[k]
        rows.append((s["f1"] - d["f1"], name))
        print(f"{name:<18} digital F1={d['f1']:.3f} {d['found']}/{d['expected']}  "
              f"scanned F1={s['f1']:.3f} P={s['precision']:.3f} R={s['recall']:.3f} "
              f"{s['found']}/{s['expected']}  miss={kinds['miss']} false={kinds['false']} "
              f"shape={kinds['shape']} cells={kinds['cells']}/{kinds['cells_total']}")
        if a.cells:
            for gi, text in diffs:
                print(f"    t{gi} {text}")
    f1 = lambda p: score.prf(totals[p + "tp"], totals[p + "pred_rel"], totals[p + "gt_rel"])[2]
    if totals:
        print(f"TOTAL digital F1={f1('d_'):.3f} scanned F1={f1('s_'):.3f}  "
              f"miss={totals['miss']} false={totals['false']} shape={totals['shape']} "
              f"cells={totals['cells']}/{totals['cells_total']}")
    print("largest losses:", ", ".join(f"{n} {d:+.3f}" for d, n in sorted(rows)[:8]))


if __name__ == "__main__":
    main()
