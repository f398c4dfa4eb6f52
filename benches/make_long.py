#!/usr/bin/env python3
"""Write a long PDF for the memory benchmarks: a ruled table of four columns
over PAGES pages, ROWS rows a page, its header on the first page only, so
that the pages stitch into one table of PAGES x ROWS rows.

Standard library only; deterministic.

Usage: benches/make_long.py OUT.pdf PAGES ROWS [--separate]
  --separate  a title above each page's table, so each page keeps its own
              table (a long document of many tables, not one long table)
Rows are 12 points; the page is as tall as its rows need.
"""

import sys
import zlib

ROW = 12.0
COLS = [40.0, 140.0, 260.0, 380.0, 500.0]


def page_stream(page, rows, header, title):
    top_margin = 60.0 if title else 20.0
    height = top_margin + ROW * (rows + (1 if header else 0)) + 40.0
    out = []
    y = height - top_margin
    if title:
        out.append(f"BT /F1 14 Tf 40 {y + 20:.1f} Td (Schedule {page}) Tj ET")
    lines = []
    texts = []
    n = rows + (1 if header else 0)
    for r in range(n + 1):
        yy = y - r * ROW
        lines.append(f"{COLS[0]} {yy:.1f} m {COLS[-1]} {yy:.1f} l")
    bottom = y - n * ROW
    for x in COLS:
        lines.append(f"{x} {y:.1f} m {x} {bottom:.1f} l")
    for r in range(n):
        yy = y - (r + 1) * ROW + 3.0
        if header and r == 0:
            cells = ["Item", "Quantity", "Amount", "Share"]
        else:
            k = (page - 1) * rows + r - (1 if header else 0)
            cells = [f"R{k:07d}", f"{k % 9973}", f"{(k * 37) % 100000:,}.{k % 100:02d}", f"{k % 100}.{k % 10}%"]
        for c, text in enumerate(cells):
            texts.append(f"BT /F1 8 Tf {COLS[c] + 3:.1f} {yy:.1f} Td ({text}) Tj ET")
    out.append("0.5 w")
    out.append("\n".join(lines) + " S")
    out.extend(texts)
    out.append(f"BT /F1 7 Tf 280 14 Td ({page}) Tj ET")
    return height, "\n".join(out).encode()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    separate = "--separate" in sys.argv
    path, pages, rows = args[0], int(args[1]), int(args[2])
    objects = []  # bodies, object number = index + 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for p in range(1, pages + 1):
        height, stream = page_stream(p, rows, p == 1 or separate, separate)
        data = zlib.compress(stream)
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 540 %.1f] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, height, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
