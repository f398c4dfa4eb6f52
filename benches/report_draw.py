#!/usr/bin/env python3
"""Random draw of government-report pages with exact truth: a table among
its report's prose, as audit and program reports set it. Running heads and
page numbers; paragraphs above and below; a caption set a size up tight over
the table; column titles centred, wrapped to their own depths; `$` set at
the left of a column on the first row and the total only; negatives in
brackets; a column of status words; zebra bands, a rule under every row, a
full grid or none; a header on a grey or dark band; a total in bold under a
rule over its figures; on some pages two page columns, prose beside the
table.

Usage: python3 benches/report_draw.py OUTDIR FIRST_SEED END_SEED [--two-columns left|right]
then convert and score as benches/bulletin_draw.py says. Needs pymupdf.
`--two-columns` sets every portrait page in two page columns, the table in
the left or right one (without it, a quarter of them, the table right).
Each truth file also holds the draw's choices (`meta`: style, band, two
page columns, dollars, header depth), which the scorer ignores.
Issue 12's figures: seeds 0-60 and 100-160 (worked on), 200-260 (fresh).
"""
import json
import os
import random
import sys

import pymupdf

WORDS = ("program agency fund grant federal state local office department review "
 "budget payment contract audit report service health education housing energy "
 "transport defense labor justice veterans commerce interior treasury").split()
PROSE = ("the agency reported that the program had met most of its goals for the year "
 "although several offices did not complete their reviews in time and the funds "
 "obligated under the grant were lower than planned because of delays in hiring "
 "we found that the department relied on estimates that were not supported by "
 "documentation and recommend that it revise its guidance accordingly").split()
STATUS = ["Pending", "Complete", "In progress", "Open", "Closed", "Not started", "Partially met"]

def words(r, n):
    w = [r.choice(WORDS) for _ in range(n)]; w[0] = w[0].capitalize(); return " ".join(w)

def sentence(r, n):
    i = r.randrange(len(PROSE) - n); s = " ".join(PROSE[i:i + n]); return s[0].upper() + s[1:] + "."

def wrap(text, font, fs, width):
    lines = [""]
    for w in text.split():
        t = (lines[-1] + " " + w).strip()
        if pymupdf.get_text_length(t, fontname=font, fontsize=fs) > width and lines[-1]: lines.append(w)
        else: lines[-1] = t
    return lines

def para(page, r, x0, x1, y, font, fs, nlines):
    text = " ".join(sentence(r, r.randint(8, 20)) for _ in range(nlines))
    lines = wrap(text, font, fs, x1 - x0)[:nlines]
    for ln in lines:
        page.insert_text((x0, y), ln, fontsize=fs, fontname=font); y += fs * 1.3
    return y

def money(r, neg):
    v = r.uniform(10, 99999)
    s = f"{v:,.0f}" if r.random() < .7 else f"{v/100:,.1f}"
    return f"({s})" if neg and r.random() < .2 else s

def make(seed, out, table_side=None):
    r = random.Random(seed)
    doc = pymupdf.open()
    W, H = (612, 792) if r.random() < .75 else (792, 612)
    page = doc.new_page(width=W, height=H)
    font = r.choice(["tiro", "helv"]); bold = {"tiro": "tibo", "helv": "hebo"}[font]
    # running head and page number
    page.insert_text((54, 36), f"{words(r, 3)} Report {r.randint(2005, 2022)}", fontsize=8, fontname=font)
    page.insert_text((W / 2 - 6, H - 30), str(r.randint(2, 180)), fontsize=9, fontname=font)
    twocol = W == 612 and (r.random() < .25 or table_side is not None)
    if twocol and table_side == "left":
        para(page, r, W - 54 - 150, W - 54, 70, font, 9, r.randint(20, 38))
        x0, x1 = 54, W - 222
    elif twocol:
        para(page, r, 54, 54 + 150, 70, font, 9, r.randint(20, 38))
        x0, x1 = 222, W - 54
    else:
        x0, x1 = 54, W - 54
    y = 70
    if r.random() < .8:
        y = para(page, r, x0, x1, y, font, 10, r.randint(2, 6)) + 12
    cap = f"Table {r.randint(1, 30)}: {words(r, r.randint(3, 7))}"
    page.insert_text((x0, y), cap, fontsize=10, fontname=bold); y += 16
    fs = r.choice([8, 9])
    lh = fs * r.uniform(1.35, 1.8)
    nfig = r.randint(2, 5) if not twocol else r.randint(2, 3)
    textcol = r.random() < .35
    stub_w = (x1 - x0) * r.uniform(.28, .42)
    ncols = nfig + (1 if textcol else 0)
    col_w = (x1 - x0 - stub_w) / ncols
    tpos = r.randrange(ncols) if textcol else -1
    def cx(c): return x0 + stub_w + c * col_w
    style = r.choice(["plain", "zebra", "rules", "grid"])
    band = r.random() < .4
    dollars = r.random() < .5
    neg = r.random() < .5
    # header
    heads = [words(r, r.randint(1, 4)) for _ in range(ncols)]
    if textcol: heads[tpos] = "Status"
    stubhead = words(r, r.randint(1, 2))
    wr = [wrap(h, bold, fs, col_w - 10) for h in heads]
    depth = max(len(w) for w in wr)
    htop = y - fs - 3
    hbot = htop + depth * fs * 1.25 + 6
    if band:
        dark = r.random() < .4
        page.draw_rect(pymupdf.Rect(x0, htop, x1, hbot), color=None, fill=(0.15, 0.25, 0.45) if dark else (0.85, 0.85, 0.85))
        col = (1, 1, 1) if dark else (0, 0, 0)
    else:
        col = (0, 0, 0)
        page.draw_line((x0, htop), (x1, htop), width=.8)
    page.insert_text((x0 + 3, htop + fs + 3 + (depth - 1) * fs * 1.25), stubhead, fontsize=fs, fontname=bold, color=col)
    for c, lines in enumerate(wr):
        for k, ln in enumerate(lines):
            tw = pymupdf.get_text_length(ln, fontname=bold, fontsize=fs)
            yy = htop + fs + 3 + (depth - len(lines) + k) * fs * 1.25
            page.insert_text(((cx(c) + cx(c + 1) - tw) / 2, yy), ln, fontsize=fs, fontname=bold, color=col)
    if not band or style == "grid":
        page.draw_line((x0, hbot), (x1, hbot), width=.5)
    rows = [[stubhead] + heads]
    y = hbot + lh * .5 + fs * .6
    nrows = r.randint(4, 14)
    top_body = hbot
    for i in range(nrows):
        total = i == nrows - 1 and r.random() < .6
        lab = "Total" if total else words(r, r.randint(1, 5))
        f = bold if total else font
        lines = wrap(lab, f, fs, stub_w - 10)
        rt, rb = y - fs - (lh - fs) / 2 + 1, y + (len(lines) - 1) * fs * 1.2 + (lh - fs) / 2 - 1
        if style == "zebra" and i % 2 == 1:
            page.draw_rect(pymupdf.Rect(x0, rt, x1, rb), color=None, fill=(0.92, 0.92, 0.92))
        if total and style != "grid":
            page.draw_line((x0 + stub_w, rt), (x1, rt), width=.5)
        for k, ln in enumerate(lines):
            page.insert_text((x0 + 3, y + k * fs * 1.2), ln, fontsize=fs, fontname=f)
        ylast = y + (len(lines) - 1) * fs * 1.2
        vals = []
        for c in range(ncols):
            if c == tpos:
                v = r.choice(STATUS)
                page.insert_text((cx(c) + 4, ylast), v, fontsize=fs, fontname=f); vals.append(v); continue
            v = money(r, neg) if r.random() > .04 else "-"
            tw = pymupdf.get_text_length(v, fontname=f, fontsize=fs)
            page.insert_text((cx(c + 1) - 6 - tw, ylast), v, fontsize=fs, fontname=f)
            if dollars and (i == 0 or total) and v != "-":
                page.insert_text((cx(c) + 8, ylast), "$", fontsize=fs, fontname=f); v = "$ " + v
            vals.append(v)
        rows.append([" ".join(lines)] + vals)
        y = rb + (lh - fs) / 2 + fs - 1 + 2
        if style in ("rules", "grid"):
            page.draw_line((x0, rb + 1), (x1, rb + 1), width=.4)
    bottom = rb + 1
    if style == "grid":
        for xx in [x0, x0 + stub_w] + [cx(c + 1) for c in range(ncols)]:
            page.draw_line((xx, htop), (xx, bottom), width=.4)
        page.draw_line((x0, htop), (x1, htop), width=.4)
    elif style != "rules":
        page.draw_line((x0, bottom), (x1, bottom), width=.8)
    y = bottom + 14
    page.insert_text((x0, y), f"Source: {words(r, 4)}.", fontsize=fs - 1, fontname=font); y += 20
    if r.random() < .8 and y < H - 100:
        para(page, r, x0, x1, y, font, 10, r.randint(2, 5))
    doc.save(out + ".pdf")
    json.dump({"meta": dict(style=style, band=band, twocol=twocol, dollars=dollars, depth=depth), "tables": [{"page": 1, "cells": rows}]}, open(out + ".json", "w"))

if __name__ == "__main__":
    od = sys.argv[1]; os.makedirs(od, exist_ok=True)
    side = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--two-columns" else None
    for s in range(int(sys.argv[2]), int(sys.argv[3])):
        make(s, f"{od}/rep-{s:03d}", side)
