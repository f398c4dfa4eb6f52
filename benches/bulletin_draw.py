#!/usr/bin/env python3
"""Random draw of statistical-bulletin tables, one page each, with exact truth:
the government reports of issue 12's unseen set, as far as their layout goes.
A title set a size up; group headings over columns of figures set right far
from a wide stub, a short rule under each; years, or column titles wrapped to
their own depths; sometimes a unit in brackets over all the figures, rules
above and under the header and at the foot, dot leaders, section headings
(in capitals, or a lead-in ending in a colon), sub-labels set in and long
labels wrapped onto a line set in further, their figures on its last line;
two notes set smaller under the table; on some pages a second table.

Usage: python3 benches/bulletin_draw.py OUTDIR FIRST_SEED END_SEED
then convert and score as benches/random_draw.sh does, e.g.
    for p in OUTDIR/*.pdf; do BIN "$p" -o OUT/$(basename "$p" .pdf).xlsx --sheet-per-table -q; done
    python3 ../shared/bench/score.py --gt-dir OUTDIR --pred-dir OUT --format xlsx --xlsx-layout sheets
Needs pymupdf. The truth holds a wrapped label's lines joined by a space (the
scorer folds white space), a stub's heading in the header's first row.
Issue 12's figures: seeds 300-360 (worked on) and 400-460 (a fresh draw).
"""
import json
import os
import random
import sys

import pymupdf

WORDS = ("Agriculture Mining Construction Manufacturing Durable goods Nondurable "
 "Wholesale trade Retail Transportation warehousing Utilities Information Finance "
 "insurance Real estate Professional services Management Administrative Educational "
 "Health care Arts entertainment Accommodation Food Other Government Federal State local "
 "Northeast Midwest South West Total Male Female White Black Hispanic Asian").split()

def num(r, style):
    v = r.uniform(0, 99999)
    if style == 0: return f"{v:,.0f}"
    if style == 1: return f"{v/1000:.1f}"
    if style == 2: return f"{r.uniform(-20,40):.1f}"
    return f"{v:,.0f}"

def label(r, n=None):
    n = n or r.randint(1, 3)
    w = [x.lower() for x in r.sample(WORDS, n)]; w[0] = w[0].capitalize()
    return " ".join(w)

def make(seed, out):
    """One page of one table, or two, under titles: `out`.pdf and `out`.json."""
    r = random.Random(seed)
    doc = pymupdf.open()
    W, H = (612, 792) if r.random() < .7 else (792, 612)
    page = doc.new_page(width=W, height=H)
    tables = []
    y = 60
    n = 2 if r.random() < .4 else 1
    for k in range(n):
        t, y = draw(r, page, W, H if n == 1 else 60 + (H - 60) * (k + 1) / n, y)
        tables.append(t)
        y += 30
    doc.save(out + ".pdf")
    json.dump({"tables": tables}, open(out + ".json", "w"))

def draw(r, page, W, H, y):
    """A table from y down (to H at most); its truth and where it ends."""
    font = r.choice(["tiro", "helv"]); bold = {"tiro": "tibo", "helv": "hebo"}[font]
    fs = r.choice([7, 8, 9])
    lh = fs * r.uniform(1.25, 1.6)
    x0 = 54; x1 = W - 54
    # title
    title = f"Table {r.randint(1,40)}. {label(r,4)} by {label(r,2)}: {r.randint(1990,2020)}"
    page.insert_text((x0, y), title, fontsize=fs + 2, fontname=bold); y += lh * 2
    ngroups = r.randint(2, 3); per = r.randint(2, 3)
    ncols = ngroups * per
    years = [str(2015 + i) for i in range(per)]
    wrapheads = r.random() < .4
    sections = r.random() < .4
    HEADS = ["Number of establishments", "Paid employees", "Annual payroll ($1,000)", "Percent change", "Median earnings", "Total hours worked"]
    if wrapheads: years = r.sample(HEADS, per)
    groups = [label(r, r.randint(1, 2)) for _ in range(ngroups)]
    stub_w = r.uniform(150, 210)
    col_w = (x1 - x0 - stub_w) / ncols
    leaders = r.random() < .4
    wrapstub = r.random() < .4
    indent = r.random() < .7
    rules = r.random() < .6
    style = r.randint(0, 2)
    def cx(c): return x0 + stub_w + c * col_w
    def right(text, c, yy, f=font):
        tw = pymupdf.get_text_length(text, fontname=f, fontsize=fs)
        page.insert_text((cx(c) + col_w - 6 - tw, yy), text, fontsize=fs, fontname=f)
    def center(text, xa, xb, yy, f=font):
        tw = pymupdf.get_text_length(text, fontname=f, fontsize=fs)
        page.insert_text(((xa + xb - tw) / 2, yy), text, fontsize=fs, fontname=f)
    if rules: page.draw_line((x0, y - lh + 2), (x1, y - lh + 2), width=.8)
    # header: spanner row then year row
    stubhead = label(r, 2)
    page.insert_text((x0, y), stubhead, fontsize=fs, fontname=font)
    for g, name in enumerate(groups):
        xa, xb = cx(g * per) + 4, cx(g * per + per) - 4
        center(name, xa, xb, y, )
        page.draw_line((xa, y + 3), (xb, y + 3), width=.5)
    y += lh
    if wrapheads and any(pymupdf.get_text_length(w, fontname=font, fontsize=fs) > col_w - 18 for h in years for w in h.split()):
        wrapheads = False; years = [str(2015 + i) for i in range(per)]
    if wrapheads:
        # wrap each head into lines within col_w - 8, bottom-aligned on the line below
        wrapped = []
        for h in years:
            lines = [""]
            for w in h.split():
                t = (lines[-1] + " " + w).strip()
                if pymupdf.get_text_length(t, fontname=font, fontsize=fs) > col_w - 18 and lines[-1]: lines.append(w)
                else: lines[-1] = t
            wrapped.append(lines)
        depth = max(len(l) for l in wrapped)
        for c in range(ncols):
            ls = wrapped[c % per]
            for k, ln in enumerate(ls):
                right(ln, c, y + lh * (depth - len(ls) + k))
        y += lh * (depth - 1)
    else:
        for c in range(ncols): right(years[c % per], c, y)
    header = [[stubhead] + sum([[n] + [""] * (per - 1) for n in groups], []),
              [""] + [years[c % per] for c in range(ncols)]]
    spans = [[0, 1 + g * per, 1, per] for g in range(ngroups)]
    if rules: page.draw_line((x0, y + 4), (x1, y + 4), width=.5)
    y += lh * 1.4
    unitrow = r.random() < .3
    if unitrow:
        u = r.choice(["(In thousands of dollars)", "(Percent)", "(Number in thousands)"])
        center(u, cx(0), cx(ncols), y)
        header.append([""] + [u] + [""] * (ncols - 1)); spans.append([len(header) - 1, 1, 1, ncols])
        y += lh * 1.2
    rows = []
    nrows = r.randint(5, 18)
    i = 0
    while i < nrows and y < H - 120:
        if sections and 0 < i < nrows - 2 and r.random() < .15:
            sec = label(r, 2).upper() if r.random() < .5 else label(r, 2) + ":"
            y += lh * .3
            page.insert_text((x0, y), sec, fontsize=fs, fontname=bold)
            rows.append([sec] + [""] * ncols); y += lh; i += 1
            continue
        sub = indent and i > 0 and r.random() < .45
        lab = label(r, r.randint(1, 3)) if not (wrapstub and r.random() < .3) else label(r, 6)
        ind = 10 if sub else 0
        avail = stub_w - ind - 8
        # wrap the stub
        words = lab.split(); lines = [""]
        for w in words:
            t = (lines[-1] + " " + w).strip()
            if pymupdf.get_text_length(t + (" ....." if leaders else ""), fontname=font, fontsize=fs) > avail and lines[-1]:
                lines.append(w)
            else: lines[-1] = t
        for k, ln in enumerate(lines):
            t = ln
            if leaders and k == len(lines) - 1:
                dot = pymupdf.get_text_length(" .", fontname=font, fontsize=fs)
                tw = pymupdf.get_text_length(ln, fontname=font, fontsize=fs)
                t = ln + " " + "." * max(2, int((avail - tw) / pymupdf.get_text_length(".", fontname=font, fontsize=fs)) - 2)
            page.insert_text((x0 + ind + (10 if k > 0 else 0), y), t, fontsize=fs, fontname=font)
            if k < len(lines) - 1: y += lh
        vals = []
        for c in range(ncols):
            v = num(r, style) if r.random() > .05 else r.choice(["(NA)", "-", "(X)"])
            right(v, c, y); vals.append(v)
        rows.append([" ".join(lines)] + vals)
        y += lh * (1.5 if (not sub and indent and r.random() < .2) else 1)
        i += 1
    if rules: page.draw_line((x0, y - lh + 4), (x1, y - lh + 4), width=.8)
    y += lh
    page.insert_text((x0, y), "NA Not available. X Not applicable.", fontsize=fs - 1, fontname=font); y += lh
    page.insert_text((x0, y), f"Source: U.S. {label(r,3)}, {label(r,2)} survey, {r.randint(2000,2020)}.", fontsize=fs - 1, fontname=font)
    return {"page": 1, "cells": header + rows, "spans": spans}, y

if __name__ == "__main__":
    od = sys.argv[1]
    os.makedirs(od, exist_ok=True)
    for s in range(int(sys.argv[2]), int(sys.argv[3])):
        make(s, f"{od}/gov-{s:03d}")
