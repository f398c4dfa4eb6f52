#!/usr/bin/env python3
"""How faithful and typed the workbooks are, against a bench corpus's truth.

For every ground-truth table (../shared/bench/<corpus>/<name>.json) the
predicted sheet that scores best (score.py's own table matching) is aligned
with it (the row/column offset that makes most cells agree) and counted:

  numbers   cells whose true text is a number (1,234.50, (12), -3.5%, $5 ...)
            -> the fraction that are numeric cells of that value;
  dates     cells whose true text is an ISO date -> the fraction that are dates
            of that day;
  spans     true spanning cells -> the fraction written as exactly that merged
            range;
  mixed     columns of any written sheet that hold numbers and number-like
            text below their first row (a SUM leaves the text out; aim 0).

"numbers" counts every true number cell of a found table, so cells that
detection or extraction lost or garbled count against it too; "typed" counts
only the number cells whose text did come through (the sheet shows exactly
the true text), which is what the writer alone decides.

Only tables that were found count ("matched"); tables not found at all are
reported separately, since detection, not writing, lost them.

Usage: python3 benches/typed_check.py GT_DIR PRED_DIR [CATEGORY_PREFIX...]
       (PRED_DIR/<name>.xlsx, written with --sheet-per-table; needs openpyxl)
"""

import datetime as dt
import glob
import json
import os
import re
import sys
from collections import defaultdict

BENCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench")
sys.path.insert(0, os.path.abspath(BENCH))
import score  # noqa: E402  (the bench's scorer: rendering and matching)

NUMBER = re.compile(r"^[(]?[-+]?[$€£]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?[)]?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Text a reader takes for a number: digits grouped by , . or spaces, a
# decimal point or comma, a sign, (x), %, a currency sign.
NUMBER_LIKE = re.compile(r"^[(]?[-+\u2212]?[$€£]?\s?\d{1,3}([,.\s\u00a0\u202f\u2009]\d{3})*([.,]\d+)?\s?%?[)]?$")


def mixed_columns(raw):
    """Columns of a sheet holding both numbers and number-like text below the
    first row (a header may be text): a SUM over them silently leaves the text out."""
    cols = defaultdict(lambda: [0, 0, None])
    for row in raw[1:]:
        for c, v in enumerate(row):
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cols[c][0] += 1
            elif isinstance(v, str) and NUMBER_LIKE.match(v.strip()) and not re.match(r"^0\d", v.strip()):
                cols[c][1] += 1
                cols[c][2] = cols[c][2] or v
    return [(c, n) for c, n in cols.items() if n[0] and n[1]]


def shown_value(text):
    neg = text.startswith("-") or text.startswith("(")
    v = float(re.sub(r"[^\d.]", "", text))
    if text.rstrip(")").endswith("%"):
        v /= 100
    return -v if neg else v


def is_number(text):
    return bool(NUMBER.match(text)) and not re.match(r"^[(]?[-+]?0\d", text)


def sheet_grids(path):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        if score.NON_TABLE_SHEET.match(ws.title):
            continue
        raw = [[c.value for c in row] for row in ws.iter_rows()]
        shown = [[score.render_cell(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
        merged = {(m.min_row - 1, m.min_col - 1, m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                  for m in ws.merged_cells.ranges}
        out.append((raw, shown, merged))
    return out


def best_offset(gt, shown):
    def at(g, r, c):
        return g[r][c] if 0 <= r < len(g) and 0 <= c < len(g[r]) else None

    best, best_hits = (0, 0), -1
    for dr in range(-3, 4):
        for dc in range(-3, 4):
            hits = sum(1 for r, row in enumerate(gt) for c, t in enumerate(row)
                       if t and score.norm(at(shown, r + dr, c + dc)) == score.norm(t))
            if hits > best_hits:
                best, best_hits = (dr, dc), hits
    return best


def main():
    gt_dir, pred_dir = sys.argv[1], sys.argv[2]
    prefixes = sys.argv[3:]
    totals = defaultdict(lambda: defaultdict(int))
    misses = defaultdict(list)
    for gt_path in sorted(glob.glob(os.path.join(gt_dir, "*.json"))):
        name = os.path.splitext(os.path.basename(gt_path))[0]
        if name == "manifest" or (prefixes and not name.startswith(tuple(prefixes))):
            continue
        cat = re.sub(r"[_-]\d+$", "", name)
        gt_tables = json.load(open(gt_path, encoding="utf-8"))["tables"]
        pred = os.path.join(pred_dir, name + ".xlsx")
        sheets = sheet_grids(pred) if os.path.exists(pred) else []
        gt_rel = [score.relations(score.clean(t["cells"])) for t in gt_tables]
        pred_rel = [score.relations(score.clean(s[1])) for s in sheets]
        pairs = {gi: pi for gi, pi, _ in score.match_tables(gt_rel, pred_rel)}
        t = totals[cat]
        for raw, _, _ in sheets:
            for c, (nums, texts, example) in mixed_columns(raw):
                t["mixed"] += 1
                if len(misses[cat]) < 8:
                    misses[cat].append("%s mixed column %d: %d numbers, %d text like %r" % (
                        name, c, nums, texts, example))
        for gi, table in enumerate(gt_tables):
            t["tables"] += 1
            if gi not in pairs:
                t["tables_missed"] += 1
                continue
            raw, shown, merged = sheets[pairs[gi]]
            dr, dc = best_offset(table["cells"], shown)
            for r, row in enumerate(table["cells"]):
                for c, text in enumerate(row):
                    rr, cc = r + dr, c + dc
                    got = raw[rr][cc] if 0 <= rr < len(raw) and 0 <= cc < len(raw[rr]) else None
                    if is_number(text):
                        t["numbers"] += 1
                        ok = isinstance(got, (int, float)) and not isinstance(got, bool) \
                            and abs(got - shown_value(text)) <= 1e-9 * max(1, abs(got))
                        t["numbers_ok"] += ok
                        shown_here = shown[rr][cc] if got is not None else ""
                        if score.norm(shown_here) == score.norm(text):
                            t["typed"] += 1
                            t["typed_ok"] += ok
                        if not ok and len(misses[cat]) < 8:
                            misses[cat].append("%s t%d (%d,%d): %r -> %r" % (name, gi, r, c, text, got))
                    elif ISO_DATE.match(text):
                        t["dates"] += 1
                        t["dates_ok"] += isinstance(got, dt.datetime) and got.date().isoformat() == text
                        if not isinstance(got, dt.datetime) and len(misses[cat]) < 8:
                            misses[cat].append("%s t%d (%d,%d): %r -> %r" % (name, gi, r, c, text, got))
            for r, c, rs, cs in table.get("spans") or []:
                t["spans"] += 1
                t["spans_ok"] += (r + dr, c + dc, rs, cs) in merged

    def frac(a, b):
        return "%d/%d = %.3f" % (a, b, a / b) if b else "-"

    for cat, t in sorted(totals.items()):
        print("[%-14s] tables found %d/%d  numbers %s  typed %s  dates %s  spans %s  mixed columns %d" % (
            cat, t["tables"] - t["tables_missed"], t["tables"],
            frac(t["numbers_ok"], t["numbers"]), frac(t["typed_ok"], t["typed"]),
            frac(t["dates_ok"], t["dates"]),
            frac(t["spans_ok"], t["spans"]), t["mixed"]))
        for m in misses[cat]:
            print("      miss: " + m)


if __name__ == "__main__":
    main()
