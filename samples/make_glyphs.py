#!/usr/bin/env python3
"""Write samples/glyphs.bin: the glyph bitmaps make_samples.py draws its scanned
sample pages with (make_samples.py itself needs the standard library only).

Needs Pillow and two fonts from Debian: fonts-liberation2 (Liberation Sans,
SIL Open Font License 1.1; metric-compatible with Helvetica, which the
born-digital samples use) and fonts-droid-fallback (Droid Sans Fallback,
Apache-2.0; the Chinese characters). Only the characters the samples show are
kept, as 8-bit grey bitmaps at one size.

Usage: python3 samples/make_glyphs.py   (rewrites samples/glyphs.bin)

Format: zlib-compressed JSON {"px": em size in pixels, "glyphs": {font: {char:
[advance, left, top, width, height, hex of width*height grey bytes]}}}, `left`
and `top` from the pen position on the baseline to the bitmap's top left.
"""

import json
import os
import zlib

from PIL import Image, ImageDraw, ImageFont

PX = 21  # a 10 pt font at 150 dpi

FONTS = {
    "regular": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "bold": "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "cjk": "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
}

# ASCII and the typeset quotes (a scanned page prints “ ” ‘ ’).
LATIN = "".join(chr(c) for c in range(32, 127)) + "\u201c\u201d\u2018\u2019"
CJK = "项目附注本期金额上营业收入成税及加销售费用管理财务五、合计利润研发其他"


def glyph(font, ch):
    advance = font.getlength(ch)
    left, top, right, bottom = font.getbbox(ch, anchor="ls")
    w, h = max(right - left, 1), max(bottom - top, 1)
    img = Image.new("L", (w, h), 0)
    ImageDraw.Draw(img).text((-left, -top), ch, font=font, anchor="ls", fill=255)
    return [round(advance, 3), left, top, w, h, img.tobytes().hex()]


def main():
    out = {"px": PX, "glyphs": {}}
    for name, path in FONTS.items():
        font = ImageFont.truetype(path, PX)
        chars = CJK if name == "cjk" else LATIN
        out["glyphs"][name] = {ch: glyph(font, ch) for ch in chars}
    data = zlib.compress(json.dumps(out, sort_keys=True).encode(), 9)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "glyphs.bin")
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (path, len(data)))


if __name__ == "__main__":
    main()
