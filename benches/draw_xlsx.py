#!/usr/bin/env python3
"""A fresh random draw of spreadsheet printouts, to score on what the tool
was not tuned to: random workbooks (Latin and Chinese text, numbers in
several formats, dates, empty cells, with and without borders, wrapped
text, a header fill) printed to PDF by LibreOffice, with the displayed
values as ground truth in the scorer's format (category `l_xlsx`).

Needs: pip install openpyxl; LibreOffice (soffice) and a Chinese font
(Debian: libreoffice-calc-nogui fonts-wqy-zenhei).

Usage: benches/draw_xlsx.py OUT_DIR [--count N] [--seed S]
Then:  score a conversion of OUT_DIR/*.pdf with ../shared/bench/score.py
       --gt-dir OUT_DIR (benches/score.sh takes a corpus folder name under
       ../shared/bench; for this one run the two commands by hand).
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

LATIN_HEADERS = ["Region", "Supplier", "Order no.", "Quantity", "Units", "Budget", "Cost",
                 "Period end", "Share", "Status", "Remarks", "Amount", "Rate", "Owner"]
CJK_HEADERS = ["地区", "名称", "城市", "备注", "金额", "数量", "单价", "日期", "状态", "负责人",
               "营业收入", "净利润", "同比增长", "项目名称"]
LATIN_WORDS = ["North", "Harbor Retail", "Bank", "Alpha Ltd", "Green Farm", "Metro", "Delta",
               "Pending", "Closed", "Open", "River Side Co", "Westfield", "Summit"]
CJK_WORDS = ["华东", "西南", "市场收入", "北京", "上海分公司", "已完成", "进行中", "研发中心",
             "深圳", "广州", "其他业务收入", "管理费用", "销售费用", "财务费用", "营业外收入"]
LONG_TEXT = ["Delivered in two batches after the inspection", "公司本年度主营业务收入稳定增长，毛利率略有下降",
             "Awaiting sign-off from the regional office", "按照合同约定分期付款并计提坏账准备"]

NUMBER_FORMATS = [("#,##0", lambda v: f"{v:,.0f}"), ("#,##0.00", lambda v: f"{v:,.2f}"),
                  ("0.0%", lambda v: f"{v * 100:.1f}%"), ("0.00", lambda v: f"{v:.2f}")]


def cell_value(rng, kind, wrap):
    """A value for a column of `kind`, and the text LibreOffice shows for it."""
    if rng.random() < 0.08:
        return None, ""
    if kind == "latin":
        v = rng.choice(LATIN_WORDS) if not wrap or rng.random() < 0.6 else rng.choice(LONG_TEXT)
        return v, v
    if kind == "cjk":
        v = rng.choice(CJK_WORDS) if not wrap or rng.random() < 0.6 else rng.choice(LONG_TEXT)
        return v, v
    if kind == "code":
        v = "%s-%d" % (rng.choice(["SKU", "A", "INV", "B7"]), rng.randint(100, 99999))
        return v, v
    if kind == "date":
        d = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 1500))
        return d, d.isoformat()
    fmt, show = NUMBER_FORMATS[int(kind)]
    if fmt == "0.0%":
        v = round(rng.uniform(-0.1, 0.9), 3)
    elif fmt == "#,##0":
        v = rng.choice([1, -1, 1, 1]) * rng.randint(1, 10 ** rng.randint(2, 7))
    else:
        v = round(rng.uniform(-100, 10 ** rng.randint(1, 6)), 2)
    return v, show(v)


def wrapped_lines(text, width):
    """How many lines text takes in a column `width` characters wide
    (generously: a Chinese character is two wide, and a line breaks at a
    word, not at the last character that fits)."""
    units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return max(1, -(-int(units * 1.1) // max(1, width - 1)))


def draw(path, rng, index):
    rows, cols = rng.randint(6, 30), rng.randint(3, 7)
    borders = rng.random() < 0.5
    wrap = rng.random() < 0.35
    kinds = ["latin" if rng.random() < 0.5 else "cjk"]
    kinds += [rng.choice(["latin", "cjk", "code", "date", "0", "1", "2", "3", "0", "1"]) for _ in range(cols - 1)]
    headers = []
    for k in kinds:
        pool = CJK_HEADERS if rng.random() < 0.5 else LATIN_HEADERS
        h = rng.choice(pool)
        while h in headers:
            h = rng.choice(pool)
        headers.append(h)
    wb = openpyxl.Workbook()
    ws = wb.active
    thin = Side(style="thin")
    fill = PatternFill("solid", fgColor="DDDDDD") if rng.random() < 0.6 else None
    truth = [headers]
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=1, column=c, value=h)
        cell.font = Font(bold=True)
        if fill:
            cell.fill = fill
    for r in range(2, rows + 1):
        line = []
        for c, k in enumerate(kinds, 1):
            v, shown = cell_value(rng, k, wrap and k in ("latin", "cjk"))
            cell = ws.cell(row=r, column=c, value=v)
            if k.isdigit():
                cell.number_format = NUMBER_FORMATS[int(k)][0]
            elif k == "date":
                cell.number_format = "yyyy-mm-dd"
            if wrap:  # every cell of the row at its top, as wrapped sheets are set
                cell.alignment = Alignment(wrap_text=k in ("latin", "cjk"), vertical="top")
            line.append(shown)
        truth.append(line)
    widths = []
    for c, k in enumerate(kinds, 1):
        width = {"latin": 16, "cjk": 14, "code": 12, "date": 12}.get(k, 13)
        if wrap and k in ("latin", "cjk"):
            width = 18
        widths.append(width)
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    # LibreOffice does not fit row heights on loading a workbook without
    # them: a row with wrapped text gets room for its longest cell.
    if wrap:
        for r, line in enumerate(truth[1:], 2):
            lines = max(wrapped_lines(text, widths[c]) for c, text in enumerate(line))
            ws.row_dimensions[r].height = 15 * lines + 2
    if borders:
        for row in ws.iter_rows(min_row=1, max_row=rows, max_col=cols):
            for cell in row:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    # One page, as the ground truth says: scaled down to fit when wide.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    src = path + ".src.xlsx"
    wb.save(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", os.path.dirname(path), src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.replace(src[: -len(".xlsx")] + ".pdf", path + ".pdf")
    # A wrapped cell's text is one string; the scorer compares it without
    # line breaks (LibreOffice breaks it where the column width says).
    desc = "LibreOffice xlsx->pdf, %s%s, %dx%d" % ("borders" if borders else "no borders",
                                                   ", wrapped" if wrap else "", rows, cols)
    with open(path + ".json", "w") as f:
        json.dump({"name": os.path.basename(path), "category": "l_xlsx", "pages": 1, "seed": index,
                   "description": desc, "tables": [{"page": 1, "cells": truth, "spans": []}]},
                  f, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    for i in range(a.count):
        draw(os.path.join(a.out, "l_xlsx_%02d" % (i + 1)), rng, i)
    print("wrote %d spreadsheet printouts to %s" % (a.count, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
