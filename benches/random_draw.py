#!/usr/bin/env python3
"""Random-draw generator of synthetic table PDFs with exact ground truth.

Usage: python3 benches/random_draw.py OUTDIR SEED [--per-cat N] [--cats a,b,...]
(benches/random_draw.sh converts and scores a draw.) Needs pymupdf; fonts
of the system (DejaVu, Liberation, WenQuanYi) are used when installed, the
PDF base fonts and MuPDF's CJK font otherwise. A draw depends on which.

Writes OUTDIR/<category>_NN.pdf + OUTDIR/<category>_NN.json (bench format) and
OUTDIR/layout/<name>.layout (JSON: cell rectangles, for self-checks; kept out of
OUTDIR/*.json so the scorer does not read it).
"""
import json
import os
import random
import re
import sys

import pymupdf

FONTDIR = "/usr/share/fonts/truetype"
LATIN_SETS = {
    "helv": ("helv", "hebo"),
    "tiro": ("tiro", "tibo"),
    "cour": ("cour", "cobo"),
    "dejavu": (FONTDIR + "/dejavu/DejaVuSans.ttf", FONTDIR + "/dejavu/DejaVuSans-Bold.ttf"),
    "libsans": (FONTDIR + "/liberation2/LiberationSans-Regular.ttf", FONTDIR + "/liberation2/LiberationSans-Bold.ttf"),
    "libserif": (FONTDIR + "/liberation2/LiberationSerif-Regular.ttf", FONTDIR + "/liberation2/LiberationSerif-Bold.ttf"),
}
CJK_SETS = {"china-s": "china-s", "wqy": FONTDIR + "/wqy/wqy-zenhei.ttc"}
_FONT_CACHE = {}


def font(spec):
    if spec not in _FONT_CACHE:
        if "/" in spec:
            _FONT_CACHE[spec] = pymupdf.Font(fontfile=spec)
        else:
            _FONT_CACHE[spec] = pymupdf.Font(spec)
    return _FONT_CACHE[spec]


CJK_RE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")

# --------------------------------------------------------------------------
# vocabularies
# --------------------------------------------------------------------------
EN = ("account asset audit balance bank basic beta branch budget capital cash central channel client "
      "closed coastal cost credit current customer daily debit delta direct east equity export factory "
      "field final fixed freight fund global gross growth harbor import income index interest inventory "
      "invoice label ledger limit loan local margin market metro net north office online order output "
      "partner payable payment pending period plant portfolio premium price profit project quarter rate "
      "region retail revenue risk sales segment service share south standard stock store supply target "
      "tax total trade transfer unit urban value vendor volume warehouse west wholesale yield alpha "
      "contract surplus deposit reserve provision dividend lease tariff expense accrual rebate pricing "
      "logistics procurement holding division subsidiary segment carrier terminal").split()
ZH = ("上海 北京 广州 深圳 成都 南京 华东 华南 华北 西部 财务 销售 管理 物流 产品 能源 软件 证券 机械 电子 "
      "零售 市场 库存 现金 增长 银行 部门 项目 客户 合同 利润 收入 成本 费用 资产 负债 投资 预算 采购 "
      "仓储 运输 税务 审计 结算 报表 季度 年度 合计 小计 其他 国内 海外 分公司 总部 研发 制造").split()
STATUS = ["Open", "Closed", "Pending", "Approved", "Rejected", "On hold", "Active", "Draft", "已完成", "进行中", "待审批"]
CODE_PFX = ["A", "B7", "SKU", "INV", "PO", "REF", "C", "K2", "HX", "TR"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
EN_HEAD = {
    "label": ["Item", "Description", "Account", "Customer", "Region", "Segment", "Name", "Category", "Line item", "Product"],
    "zh": ["部门", "地区", "项目", "类别", "客户", "备注", "名称", "产品"],
    "code": ["ID", "Code", "SKU", "Invoice", "Order no.", "Ref.", "Contract"],
    "int": ["Units", "Quantity", "Volume", "Count", "Headcount", "Orders", "数量"],
    "dec": ["Amount", "Revenue", "Budget", "Net income", "Cost", "Balance", "Price", "Value", "金额", "收入"],
    "neg": ["Change", "Variance", "Net", "Profit/loss", "Adjustment", "差额"],
    "pct": ["Margin", "Rate", "Growth", "Share", "YoY", "占比"],
    "date": ["Date", "Due date", "Opened", "Period end", "Settled", "日期"],
    "status": ["Status", "State", "Stage", "状态"],
    "text": ["Comments", "Notes", "Remarks", "Description of the item", "Comments from the reviewer", "Notes and remarks", "说明"],
}


class Draw:
    def __init__(self, rng):
        self.r = rng
        self.date_fmt = rng.choice(["iso", "dot", "slash", "mon"])
        self.neg_fmt = rng.choice(["paren", "minus", "mixed"])
        self.dec = rng.choice([2, 2, 2, 1, 0])
        self.pct_dec = rng.choice([1, 1, 2, 0])
        self.neg_dec = rng.choice([self.dec, 1, 2])

    def en_words(self, k):
        return " ".join(self.r.choice(EN) for _ in range(k))

    def en_label(self):
        k = self.r.choice([1, 1, 1, 2, 2, 3])
        return " ".join(w.capitalize() if i == 0 or self.r.random() < 0.5 else w
                        for i, w in enumerate(self.r.choice(EN) for _ in range(k)))

    def zh(self):
        return "".join(self.r.choice(ZH) for _ in range(self.r.choice([1, 1, 2, 2, 3])))

    def code(self):
        return f"{self.r.choice(CODE_PFX)}-{self.r.randint(10, 99999)}"

    def mag(self, lo=0, hi=7):
        return 10 ** self.r.uniform(lo, hi)

    def integer(self, neg=0.15):
        v = int(self.mag(0, 7))
        s = f"{v:,}"
        return "-" + s if self.r.random() < neg and v else s

    def decimal(self, neg=0.15):
        v = self.mag(-1, 6.5)
        s = f"{v:,.{self.dec}f}"
        if self.r.random() < neg and s.strip("0.,"):
            return self.negstr(s)
        return s

    def negstr(self, s):
        f = self.neg_fmt if self.neg_fmt != "mixed" else self.r.choice(["paren", "minus"])
        return f"({s})" if f == "paren" else "-" + s

    def negative(self):
        v = self.mag(0, 6)
        s = f"{v:,.{self.neg_dec}f}"
        return self.negstr(s) if self.r.random() < 0.55 and s.strip("0.,") else s

    def pct(self):
        v = self.r.uniform(-40, 95)
        d = self.pct_dec if self.r.random() < 0.9 else self.r.choice([0, 1, 2])
        return f"{v:.{d}f}%"

    def date(self):
        y, m, d = self.r.randint(2015, 2025), self.r.randint(1, 12), self.r.randint(1, 28)
        f = self.date_fmt if self.r.random() < 0.9 else self.r.choice(["iso", "dot"])
        return {"iso": f"{y}-{m:02d}-{d:02d}", "dot": f"{d:02d}.{m:02d}.{y}",
                "slash": f"{d:02d}/{m:02d}/{y}", "mon": f"{MONTHS[m-1]} {d:02d}, {y}"}[f]

    def status(self):
        return self.r.choice(STATUS)

    def longtext(self, lo, hi, zh_mix=0.0):
        words = []
        for _ in range(self.r.randint(lo, hi)):
            # never two Chinese tokens in a row: a line break between them would be
            # ambiguous (CJK lines are usually joined without a space)
            zh_ok = not words or not CJK_RE.match(words[-1][0])
            words.append(self.r.choice(ZH) if zh_ok and self.r.random() < zh_mix else self.r.choice(EN))
        return " ".join(words)

    def value(self, kind, empty=0.07):
        if kind not in ("label", "code") and self.r.random() < empty:
            return ""
        return {"label": self.en_label, "zh": self.zh, "code": self.code, "int": self.integer,
                "dec": self.decimal, "neg": self.negative, "pct": self.pct, "date": self.date,
                "status": self.status}[kind]()

    def header(self, kind, used):
        opts = [h for h in EN_HEAD.get(kind, EN_HEAD["label"]) if h not in used] or [kind.capitalize() + str(len(used))]
        h = self.r.choice(opts)
        used.add(h)
        return h

    def sentence(self, lo=8, hi=22):
        w = self.en_words(self.r.randint(lo, hi))
        return w[0].upper() + w[1:] + "."

    def paragraph(self, nsent):
        return " ".join(self.sentence() for _ in range(nsent))


ALIGN = {"label": "l", "zh": "l", "code": "l", "int": "r", "dec": "r", "neg": "r", "pct": "r",
         "date": "l", "status": "l", "text": "l"}


# --------------------------------------------------------------------------
# text drawing with Latin/CJK runs
# --------------------------------------------------------------------------
class Fonts:
    def __init__(self, latin, cjk):
        self.reg, self.bold = LATIN_SETS[latin]
        self.cjk = CJK_SETS[cjk]
        self.latin_name, self.cjk_name = latin, cjk

    def runs(self, text, bold=False):
        out, cur, curcjk = [], "", None
        for ch in text:
            c = bool(CJK_RE.match(ch))
            if ch == " " and curcjk is not None:
                c = curcjk
            if curcjk is None or c == curcjk:
                cur += ch
                curcjk = c
            else:
                out.append((cur, curcjk))
                cur, curcjk = ch, c
        if cur:
            out.append((cur, curcjk))
        return [(t, font(self.cjk) if c else font(self.bold if bold else self.reg)) for t, c in out]

    def width(self, text, size, bold=False):
        return sum(f.text_length(t, fontsize=size) for t, f in self.runs(text, bold))


class Canvas:
    """Collects text per colour; lines and fills are drawn immediately."""

    def __init__(self, page, fonts):
        self.page, self.fonts = page, fonts
        self.writers = {}

    def text(self, x, y, s, size, bold=False, color=(0, 0, 0)):
        tw = self.writers.setdefault(color, pymupdf.TextWriter(self.page.rect))
        for t, f in self.fonts.runs(s, bold):
            tw.append((x, y), t, font=f, fontsize=size)
            x += f.text_length(t, fontsize=size)

    def line(self, x0, y0, x1, y1, w=0.5, color=(0, 0, 0)):
        self.page.draw_line((x0, y0), (x1, y1), color=color, width=w)

    def fill(self, rect, color):
        self.page.draw_rect(pymupdf.Rect(rect), color=None, fill=color, width=0)

    def flush(self):
        for color, tw in self.writers.items():
            tw.write_text(self.page, color=color)
        self.writers = {}


def wrap(fonts, text, size, maxw, bold=False):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if cur and fonts.width(t, size, bold) > maxw:
            lines.append(cur)
            cur = w
        else:
            cur = t
    if cur:
        lines.append(cur)
    return lines


def draw_paragraph(cv, x, y, width, text, size, bold=False, lead=1.3):
    lines = wrap(cv.fonts, text, size, width, bold)
    for i, ln in enumerate(lines):
        cv.text(x, y + size * 0.85 + i * size * lead, ln, size, bold)
    return len(lines) * size * lead


def paragraph_height(fonts, width, text, size, bold=False, lead=1.3):
    return len(wrap(fonts, text, size, width, bold)) * size * lead


# --------------------------------------------------------------------------
# table model and layout
# --------------------------------------------------------------------------
class Table:
    def __init__(self, cells, nhead, aligns, spans=(), wrapcols=None, halign=None):
        self.cells = cells
        self.nhead = nhead
        self.aligns = aligns            # per column, body
        self.halign = halign or aligns  # per column, header
        self.spans = [list(s) for s in spans]
        self.wrapcols = wrapcols or {}  # col -> max width of text
        self.R, self.C = len(cells), len(cells[0])
        self.owner = {}
        for r, c, rs, cs in self.spans:
            for i in range(r, r + rs):
                for j in range(c, c + cs):
                    self.owner[(i, j)] = (r, c, rs, cs)

    def span_of(self, i, j):
        return self.owner.get((i, j), (i, j, 1, 1))

    def anchors(self):
        for i in range(self.R):
            for j in range(self.C):
                r, c, rs, cs = self.span_of(i, j)
                if (r, c) == (i, j):
                    yield i, j, rs, cs


def layout(tab, fonts, st):
    """Column widths, row heights, and the wrapped lines of every anchor cell."""
    size, hp, vp, lead = st["size"], st["hpad"], st["vpad"], st["lead"]
    lines = {}
    widths = [0.0] * tab.C
    for i, j, rs, cs in tab.anchors():
        bold = i < tab.nhead and st["head_bold"]
        t = tab.cells[i][j]
        if cs == 1 and j in tab.wrapcols and (i >= tab.nhead or st.get("wrap_head")):
            ls = wrap(fonts, t, size, tab.wrapcols[j], bold) if t else []
        elif cs == 1 and j in tab.wrapcols:
            ls = wrap(fonts, t, size, tab.wrapcols[j], bold) if t else []
        else:
            ls = [t] if t else []
        lines[(i, j)] = ls
        if cs == 1:
            w = max([fonts.width(x, size, bold) for x in ls] + [0])
            widths[j] = max(widths[j], w + 2 * hp)
    for j in range(tab.C):
        widths[j] = max(widths[j], st.get("min_colw", 0), size * 2)
        if j in tab.wrapcols:
            widths[j] = max(widths[j], tab.wrapcols[j] + 2 * hp)
    # spanning cells
    for i, j, rs, cs in tab.anchors():
        if cs > 1:
            need = fonts.width(tab.cells[i][j], size, i < tab.nhead and st["head_bold"]) + 2 * hp
            have = sum(widths[j:j + cs])
            if need > have:
                for k in range(j, j + cs):
                    widths[k] += (need - have) / cs
    lh = size * lead
    heights = [size * lead + 2 * vp] * tab.R
    for i, j, rs, cs in tab.anchors():
        if rs == 1:
            n = max(1, len(lines[(i, j)]))
            heights[i] = max(heights[i], n * lh + 2 * vp)
    for i in range(tab.nhead):
        heights[i] += st.get("head_extra", 0)
    return widths, heights, lines


def place_lines(tab, i, j, rs, cs, xs, ys, lines, st, fonts, body_valign):
    size, hp, vp, lead = st["size"], st["hpad"], st["vpad"], st["lead"]
    lh = size * lead
    x0, x1 = xs[j], xs[j + cs]
    y0, y1 = ys[i], ys[i + rs]
    head = i < tab.nhead
    bold = head and st["head_bold"]
    al = tab.halign[j] if head else tab.aligns[j]
    if cs > 1:
        al = "c"
    ls = lines[(i, j)]
    n = len(ls)
    valign = "m" if (head or rs > 1) else body_valign
    if head and st.get("head_valign"):
        valign = st["head_valign"]
    if rs > 1 and st.get("rowspan_top"):
        valign = "t"
    if valign == "t":
        top = y0 + vp
    elif valign == "b":
        top = y1 - vp - n * lh
    else:
        top = (y0 + y1) / 2 - n * lh / 2
    out = []
    for k, ln in enumerate(ls):
        w = fonts.width(ln, size, bold)
        if al == "r":
            x = x1 - hp - w
        elif al == "c":
            x = (x0 + x1) / 2 - w / 2
        else:
            x = x0 + hp
        base = top + k * lh + (lh - size) / 2 + size * 0.8
        out.append((x, base, ln, bold, w))
    return out


def merge_segments(segs):
    """segs: list of (fixed, a, b) -> merged by fixed coord."""
    segs.sort()
    out = []
    for f, a, b in segs:
        if out and abs(out[-1][0] - f) < 1e-6 and abs(out[-1][2] - a) < 1e-6:
            out[-1] = (f, out[-1][1], b)
        else:
            out.append((f, a, b))
    return out


def render_table(cv, tab, st, x0, y0, widths, heights, lines):
    fonts = cv.fonts
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y0]
    for h in heights:
        ys.append(ys[-1] + h)
    style = st["style"]
    X0, X1, Y0, Y1 = xs[0], xs[-1], ys[0], ys[-1]
    head_text_color = (0, 0, 0)
    # fills
    if st.get("head_fill"):
        cv.fill((X0, Y0, X1, ys[tab.nhead]), st["head_fill"])
        if sum(st["head_fill"]) / 3 < 0.5:
            head_text_color = (1, 1, 1)
    if style == "zebra":
        for i in range(tab.nhead, tab.R):
            if (i - tab.nhead) % 2 == st["zebra_phase"]:
                cv.fill((X0, ys[i], X1, ys[i + 1]), st["zebra_color"])
    # rules
    lw, lc = st.get("lw", 0.5), st.get("lc", (0, 0, 0))
    if style in ("grid", "xlsx", "hlines"):
        hsegs, vsegs = [], []
        for i in range(tab.R + 1):
            for j in range(tab.C):
                if 0 < i < tab.R:
                    a = tab.span_of(i - 1, j)
                    b = tab.span_of(i, j)
                    if a == b and (a[2] > 1):
                        continue
                hsegs.append((ys[i], xs[j], xs[j + 1]))
        if style != "hlines":
            for j in range(tab.C + 1):
                for i in range(tab.R):
                    if 0 < j < tab.C:
                        a = tab.span_of(i, j - 1)
                        b = tab.span_of(i, j)
                        if a == b and a[3] > 1:
                            continue
                    vsegs.append((xs[j], ys[i], ys[i + 1]))
        for y, a, b in merge_segments(hsegs):
            w = lw
            if style == "hlines" and (y in (Y0, Y1) or abs(y - ys[tab.nhead]) < 1e-6):
                w = lw * 1.8
            cv.line(a, y, b, y, w, lc)
        for x, a, b in merge_segments(vsegs):
            cv.line(x, a, x, b, lw, lc)
        if st.get("outer_thick") and style == "grid":
            cv.page.draw_rect(pymupdf.Rect(X0, Y0, X1, Y1), color=lc, width=lw * 2.2)
    elif style == "booktabs":
        t, m = st["rule_thick"], st["rule_thin"]
        ext = st.get("rule_ext", 0)
        cv.line(X0 - ext, Y0, X1 + ext, Y0, t)
        cv.line(X0 - ext, ys[tab.nhead], X1 + ext, ys[tab.nhead], m)
        cv.line(X0 - ext, Y1, X1 + ext, Y1, t)
        # cmidrules under spanning header cells
        for i, j, rs, cs in tab.anchors():
            if i < tab.nhead - 1 and cs > 1 and rs == 1:
                cv.line(xs[j] + 3, ys[i + 1], xs[j + cs] - 3, ys[i + 1], m * 0.8)
    # text
    rects = {}
    for i, j, rs, cs in tab.anchors():
        head = i < tab.nhead
        for x, base, ln, bold, w in place_lines(tab, i, j, rs, cs, xs, ys, lines, st, fonts, st["valign"]):
            cv.text(x, base, ln, st["size"], bold, head_text_color if head else (0, 0, 0))
        rects[f"{i},{j}"] = [xs[j], ys[i], xs[j + cs], ys[i + rs]]
    return (X0, Y0, X1, Y1), rects


# --------------------------------------------------------------------------
# drawing tables per category
# --------------------------------------------------------------------------
def col_kinds(d, ncols, zh_rate, allow_text=False):
    r = d.r
    first = r.choice(["label", "label", "code", "zh"] if zh_rate > 0 else ["label", "label", "code"])
    kinds = [first]
    pool = ["int", "dec", "dec", "neg", "pct", "date", "status", "code", "label"]
    for _ in range(ncols - 1):
        if r.random() < zh_rate:
            kinds.append("zh")
        else:
            kinds.append(r.choice(pool))
    return kinds


def body_cells(d, kinds, nrows, empty):
    rows = []
    for _ in range(nrows):
        row = []
        for j, k in enumerate(kinds):
            row.append(d.value(k, 0 if j == 0 else empty))
        rows.append(row)
    return rows


def headers(d, kinds, zh_rate):
    used = set()
    out = []
    for k in kinds:
        if k == "zh":
            out.append(d.header("zh", used))
        else:
            out.append(d.header(k, used))
    return out


def aligns_for(d, kinds):
    al = []
    for k in kinds:
        a = ALIGN.get(k, "l")
        if k in ("date", "status", "code") and d.r.random() < 0.25:
            a = "c"
        al.append(a)
    return al


def head_aligns(d, al):
    mode = d.r.choice(["same", "same", "center", "left"])
    if mode == "same":
        return al
    return ["c" if mode == "center" else "l"] * len(al)


def base_style(d, style, size):
    r = d.r
    return {
        "style": style, "size": size,
        "hpad": r.uniform(0.35, 0.9) * size, "vpad": r.uniform(0.15, 0.6) * size,
        "lead": r.uniform(1.12, 1.3), "head_bold": r.random() < 0.85, "valign": "m",
        "lw": r.choice([0.25, 0.4, 0.5, 0.5, 0.75, 1.0]), "lc": r.choice([(0, 0, 0)] * 3 + [(0.3, 0.3, 0.3), (0.5, 0.5, 0.5)]),
        "rule_thick": r.uniform(0.7, 1.4), "rule_thin": r.uniform(0.35, 0.7), "rule_ext": r.choice([0, 0, 2]),
    }


def simple_table(d, style, size, ncols, nrows, zh_rate):
    kinds = col_kinds(d, ncols, zh_rate)
    cells = [headers(d, kinds, zh_rate)] + body_cells(d, kinds, nrows, d.r.uniform(0.0, 0.12))
    al = aligns_for(d, kinds)
    tab = Table(cells, 1, al, halign=head_aligns(d, al))
    st = base_style(d, style, size)
    r = d.r
    if style == "grid":
        if r.random() < 0.4:
            st["head_fill"] = r.choice([(0.85, 0.85, 0.85), (0.9, 0.93, 0.97), (0.8, 0.86, 0.92)])
        st["outer_thick"] = r.random() < 0.2
    elif style == "zebra":
        st["zebra_color"] = r.choice([(0.93, 0.93, 0.93), (0.9, 0.93, 0.97), (0.95, 0.95, 0.9), (0.88, 0.92, 0.88), (0.96, 0.96, 0.96)])
        st["zebra_phase"] = r.choice([0, 1])
        hf = r.random()
        if hf < 0.45:
            st["head_fill"] = r.choice([(0.13, 0.22, 0.4), (0.2, 0.2, 0.2), (0.1, 0.35, 0.3), (0.4, 0.1, 0.1)])
        elif hf < 0.75:
            st["head_fill"] = r.choice([(0.75, 0.8, 0.88), (0.8, 0.8, 0.8)])
        st["vpad"] = r.uniform(0.3, 0.7) * size
    elif style == "none":
        st["vpad"] = r.uniform(0.15, 0.5) * size
        st["hpad"] = r.uniform(0.5, 1.5) * size  # whitespace gap = 2*hpad
    elif style == "xlsx":
        pass
    return tab, st


def wrapped_table(d, size, ncols, nrows, zh_rate):
    r = d.r
    ncols = max(3, min(ncols, 7))
    kinds = col_kinds(d, ncols, zh_rate * 0.5)
    nwrap = r.choice([1, 1, 2, 2, 3])
    cand = list(range(1, ncols))
    r.shuffle(cand)
    wc = sorted(cand[:nwrap])
    for j in wc:
        kinds[j] = "text"
    used = set()
    head = []
    for k in kinds:
        head.append(d.header("text" if k == "text" else k, used))
    zh_mix = r.choice([0, 0, 0.15])
    rows = []
    empty = r.uniform(0, 0.08)
    for _ in range(nrows):
        row = []
        for j, k in enumerate(kinds):
            if k == "text":
                row.append(d.longtext(r.choice([1, 2, 4]), r.randint(8, 28), zh_mix) if r.random() > empty else "")
            else:
                row.append(d.value(k, 0 if j == 0 else empty))
        rows.append(row)
    al = aligns_for(d, kinds)
    wrapw = {j: r.uniform(8, 22) * size for j in wc}
    tab = Table([head] + rows, 1, al, wrapcols=wrapw, halign=head_aligns(d, al))
    style = r.choice(["grid", "grid", "booktabs", "booktabs", "hlines"])
    st = base_style(d, style, size)
    st["valign"] = r.choice(["t", "m"])
    st["wrap_head"] = True
    st["head_valign"] = r.choice(["m", "b", "t"]) if style != "grid" else r.choice(["m", "t"])
    if style == "booktabs":
        st["vpad"] = r.uniform(0.35, 0.8) * size
    if style == "grid" and r.random() < 0.3:
        st["head_fill"] = (0.88, 0.88, 0.88)
    return tab, st


def merged_table(d, size, ncols, nrows, zh_rate):
    r = d.r
    nstub = r.choice([1, 1, 2])
    ngroups = r.choice([1, 2, 2, 3])
    gsizes = [r.choice([2, 2, 3, 3, 4]) for _ in range(ngroups)]
    tail = r.choice([0, 0, 1])
    C = nstub + sum(gsizes) + tail
    while C > 10:
        gsizes[-1] -= 1
        if gsizes[-1] < 2:
            gsizes.pop()
        C = nstub + sum(gsizes) + tail
    style = r.choice(["grid", "grid", "grid", "booktabs"])
    sub_kinds_pool = [["int", "dec", "pct"], ["dec", "neg"], ["int", "dec", "neg", "pct"], ["dec", "pct", "int"]]
    sub = r.choice(sub_kinds_pool)
    subnames = {"int": ["Units", "Qty", "数量", "Orders"], "dec": ["Revenue", "Amount", "金额", "Cost"], "neg": ["Change", "Var.", "Net"], "pct": ["Margin", "Share", "%", "YoY"]}
    gnames_pool = ["国内", "海外", "2023", "2024", "2022", "Q1", "Q2", "Q3", "Q4", "Actual", "Budget", "North", "South", "华东", "华南", "Domestic", "Export"]
    r.shuffle(gnames_pool)
    h0, h1, kinds = [], [], []
    spans = []
    used = set()
    stub_names = ["Group", "Item", "Region", "Segment", "类别", "项目"]
    r.shuffle(stub_names)
    for s in range(nstub):
        kinds.append("label" if s > 0 or r.random() < 0.7 else "zh")
        if style == "grid":
            h0.append(stub_names[s]); h1.append("")
            spans.append([0, s, 2, 1])
        else:
            h0.append(""); h1.append(stub_names[s])
    c = nstub
    for g, gs in enumerate(gsizes):
        h0.append(gnames_pool[g]); h0.extend([""] * (gs - 1))
        spans.append([0, c, 1, gs])
        ks = [sub[k % len(sub)] for k in range(gs)]
        avail = {k: r.sample(v, len(v)) for k, v in subnames.items()}
        for k in ks:
            h1.append(avail[k].pop() if avail[k] else r.choice(["Other", "Misc.", "其他"]))
            kinds.append(k)
        c += gs
    for t in range(tail):
        kinds.append(r.choice(["dec", "int"]))
        nm = r.choice(["Total", "合计", "Sum"])
        if style == "grid":
            h0.append(nm); h1.append(""); spans.append([0, c, 2, 1])
        else:
            h0.append(""); h1.append(nm)
        c += 1
    rows = body_cells(d, kinds, nrows, r.uniform(0, 0.1))
    # row spans on column 0
    i = 0
    while i < nrows:
        k = r.choice([1, 1, 2, 3, 4])
        k = min(k, nrows - i)
        if k > 1 and r.random() < 0.6:
            spans.append([2 + i, 0, k, 1])
            for q in range(1, k):
                rows[i + q][0] = ""
        i += k
    al = aligns_for(d, kinds)
    for j in range(nstub):
        al[j] = "l"
    hal = [("c" if j >= nstub else "l") for j in range(C)]
    tab = Table([h0, h1] + rows, 2, al, spans=spans, halign=hal if r.random() < 0.6 else al)
    st = base_style(d, style, size)
    st["rowspan_top"] = style != "grid" or r.random() < 0.3
    if style == "grid" and r.random() < 0.4:
        st["head_fill"] = (0.9, 0.9, 0.9)
    return tab, st


def xlsx_table(d, size, ncols, nrows):
    r = d.r
    kinds = col_kinds(d, ncols, 0.35)
    cells = [headers(d, kinds, 0.4)] + body_cells(d, kinds, nrows, r.uniform(0.02, 0.15))
    al = aligns_for(d, kinds)
    tab = Table(cells, 1, al, halign=r.choice([["l"] * ncols, al, ["c"] * ncols]))
    st = base_style(d, "xlsx", size)
    st["hpad"] = r.uniform(2.0, 4.0)
    st["vpad"] = r.uniform(0.15, 0.35) * size
    st["lw"] = r.choice([0.2, 0.25, 0.3, 0.5])
    g = r.uniform(0.6, 0.85)
    st["lc"] = (g, g, g)
    st["min_colw"] = r.choice([48, 48, 56, 64, 72])
    st["head_bold"] = r.random() < 0.7
    if r.random() < 0.4:
        st["head_fill"] = r.choice([(0.85, 0.85, 0.85), (0.87, 0.92, 0.97), (1.0, 0.95, 0.8)])
    if r.random() < 0.25:
        st["style"] = "none"  # printed without gridlines (LibreOffice default)
        st["hpad"] = r.uniform(3.0, 5.0)
        if "head_fill" not in st:
            st["head_fill"] = (0.85, 0.85, 0.85)
    return tab, st


# --------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------
PAGES = {"A4": (595.28, 841.89), "Letter": (612, 792)}


def new_page(doc, d, ncols_hint=5):
    r = d.r
    w, h = PAGES[r.choice(["A4", "A4", "Letter"])]
    if r.random() < 0.15 + 0.05 * max(0, ncols_hint - 6):
        w, h = h, w
    page = doc.new_page(width=w, height=h)
    m = r.uniform(36, 80)
    return page, (m, r.uniform(36, 72), w - m * r.uniform(0.9, 1.1), h - r.uniform(40, 72))


def fit_and_layout(d, make, fonts, avail_w, avail_h, tries=60):
    """Draw tables until one fits; shrink rows if only the height fails."""
    for _ in range(tries):
        tab, st = make()
        widths, heights, lines = layout(tab, fonts, st)
        if sum(widths) > avail_w:
            continue
        while sum(heights) > avail_h and tab.R - tab.nhead > 3:
            # drop last body row (and cut spans reaching it)
            tab = shrink(tab)
            widths, heights, lines = layout(tab, fonts, st)
        if sum(heights) > avail_h:
            continue
        # optionally stretch to full width
        if st["style"] in ("grid", "booktabs", "zebra", "hlines") and d.r.random() < 0.3:
            extra = avail_w - sum(widths)
            if extra > 0:
                widths = [w + extra * w / sum(widths) for w in widths]
        return tab, st, widths, heights, lines
    raise RuntimeError("could not fit a table")


def shrink(tab):
    R = tab.R - 1
    spans = []
    for r0, c, rs, cs in tab.spans:
        if r0 >= R:
            continue
        rs = min(rs, R - r0)
        if rs * cs > 1:
            spans.append([r0, c, rs, cs])
    return Table([row[:] for row in tab.cells[:R]], tab.nhead, tab.aligns, spans, tab.wrapcols, tab.halign)


def installed(name, sets):
    """A font set whose files are all on this system (built-in names are)."""
    files = sets[name] if isinstance(sets[name], tuple) else (sets[name],)
    return all("/" not in f or os.path.exists(f) for f in files)


def pick_fonts(d, cat):
    r = d.r
    if cat == "l_xlsx":
        latin = r.choice(["dejavu", "libsans", "libsans", "helv"])
    else:
        latin = r.choice(["helv", "helv", "helv", "tiro", "libsans", "libserif", "dejavu", "cour"])
    cjk = r.choice(["china-s", "wqy"])
    latin = latin if installed(latin, LATIN_SETS) else "helv"
    cjk = cjk if installed(cjk, CJK_SETS) else "china-s"
    return Fonts(latin, cjk)


def make_doc(cat, name, seed):
    r = random.Random(seed)
    d = Draw(r)
    fonts = pick_fonts(d, cat)
    doc = pymupdf.open()
    size = round(r.uniform(7, 11) * 2) / 2
    body = round(r.uniform(8.5, 11) * 2) / 2
    ncols = r.randint(2, 9)
    nrows = r.randint(4, 40)
    zh_rate = r.choice([0, 0.1, 0.25, 0.4])
    page, (L, T, Rr, B) = new_page(doc, d, ncols)
    cv = Canvas(page, fonts)
    y = T
    tables_out, layout_out = [], []
    titled = cat != "l_xlsx" or r.random() < 0.2
    if titled and r.random() < 0.9:
        tsize = r.uniform(11, 15)
        title = f"Table {r.randint(1, 40)}{r.choice(['.', ':', ''])} " + d.en_label().title()
        y += draw_paragraph(cv, L, y, Rr - L, title, tsize, bold=True) + r.uniform(4, 10)
    if titled and r.random() < 0.75:
        for _ in range(r.choice([1, 1, 2])):
            y += draw_paragraph(cv, L, y, Rr - L, d.paragraph(r.randint(1, 3)), body) + r.uniform(4, 10)
    footer = r.random() < 0.7
    bottom = B - (25 if footer else 0)

    def makers(kind):
        if kind == "f_wrapped":
            return lambda: wrapped_table(d, size, r.randint(3, 7), r.randint(3, 14), zh_rate)
        if kind == "e_merged":
            return lambda: merged_table(d, size, ncols, r.randint(4, 24), zh_rate)
        if kind == "l_xlsx":
            return lambda: xlsx_table(d, size, r.randint(2, 9), r.randint(4, 40))
        style = {"a_grid": "grid", "b_booktabs": "booktabs", "c_borderless": "none", "d_zebra": "zebra"}[kind]
        return lambda: simple_table(d, style, size, r.randint(2, 9), r.randint(4, 40), zh_rate)

    if cat == "h_multitable":
        ntab = r.choice([2, 2, 3])
        kinds = [r.choice(["a_grid", "b_booktabs", "c_borderless", "d_zebra", "a_grid", "b_booktabs"]) for _ in range(ntab)]
        for k in range(ntab):
            left = bottom - y
            share = left / (ntab - k) - 40
            nr = lambda: r.randint(3, 12)
            style = {"a_grid": "grid", "b_booktabs": "booktabs", "c_borderless": "none", "d_zebra": "zebra"}[kinds[k]]
            tab, st, widths, heights, lines = fit_and_layout(
                d, lambda: simple_table(d, style, size, r.randint(2, 7), nr(), zh_rate), fonts, Rr - L, share)
            x = place_x(r, L, Rr, sum(widths))
            if k > 0 or r.random() < 0.5:
                pass
            bbox, rects = render_table(cv, tab, st, x, y, widths, heights, lines)
            tables_out.append(truth(tab))
            layout_out.append({"bbox": bbox, "cells": rects})
            y = bbox[3] + r.uniform(8, 18)
            if k < ntab - 1 or r.random() < 0.6:
                y += draw_paragraph(cv, L, y, Rr - L, d.paragraph(r.randint(1, 3)), body) + r.uniform(8, 18)
    else:
        avail_h = bottom - y - (body * 3 if r.random() < 0.5 else 0)
        tab, st, widths, heights, lines = fit_and_layout(d, makers(cat), fonts, Rr - L, avail_h)
        x = L if cat == "l_xlsx" else place_x(r, L, Rr, sum(widths))
        bbox, rects = render_table(cv, tab, st, x, y, widths, heights, lines)
        tables_out.append(truth(tab))
        layout_out.append({"bbox": bbox, "cells": rects})
        y = bbox[3] + r.uniform(6, 14)
        if titled and bottom - y > body * 4 and r.random() < 0.7:
            note = r.choice(["Note: ", "Source: ", "", "* "]) + d.paragraph(r.randint(1, 2))
            draw_paragraph(cv, L, y, Rr - L, note, max(7, body - r.choice([0, 1, 1.5])))
    if footer:
        ft = r.choice([f"{name}.pdf - page 1", "Page 1", "- 1 -", f"Annual report {r.randint(2018, 2025)}   1"])
        fsz = 8
        w = fonts.width(ft, fsz)
        pw = page.rect.width
        fx = r.choice([(pw - w) / 2, Rr - w, L])
        cv.text(fx, B - 6, ft, fsz)
    cv.flush()
    doc.subset_fonts()
    desc = f"{cat} font={fonts.latin_name}/{fonts.cjk_name} size={size} page={page.rect.width:.0f}x{page.rect.height:.0f} " + \
        ", ".join(f"{len(t['cells'])}x{len(t['cells'][0])}" for t in tables_out)
    return doc, tables_out, layout_out, desc


def place_x(r, L, Rr, w):
    mode = r.choice(["left", "left", "center", "center", "offset"])
    if mode == "left":
        return L
    if mode == "center":
        return L + (Rr - L - w) / 2
    return L + r.uniform(0, max(0, Rr - L - w))


def truth(tab):
    return {"page": 1, "cells": [[" ".join(c.split()) for c in row] for row in tab.cells],
            "spans": [s for s in tab.spans if s[2] * s[3] > 1]}


CATS = ["a_grid", "b_booktabs", "c_borderless", "d_zebra", "e_merged", "f_wrapped", "h_multitable", "l_xlsx"]


def main(argv):
    out, seed = argv[1], int(argv[2])
    per = 8
    cats = CATS
    if "--per-cat" in argv:
        per = int(argv[argv.index("--per-cat") + 1])
    if "--cats" in argv:
        cats = argv[argv.index("--cats") + 1].split(",")
    os.makedirs(os.path.join(out, "layout"), exist_ok=True)
    manifest = []
    for ci, cat in enumerate(cats):
        for k in range(1, per + 1):
            name = f"{cat}_{k:02d}"
            dseed = seed * 100003 + CATS.index(cat) * 1009 + k
            for attempt in range(20):  # a draw that cannot fit its page is redrawn
                try:
                    doc, tables, lay, desc = make_doc(cat, name, dseed)
                    break
                except RuntimeError:
                    dseed += 7919
            doc.save(os.path.join(out, name + ".pdf"), garbage=3, deflate=True)
            with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
                json.dump({"name": name, "category": cat, "pages": 1, "seed": dseed,
                           "description": desc, "tables": tables}, f, ensure_ascii=False, indent=1)
            with open(os.path.join(out, "layout", name + ".layout"), "w") as f:
                json.dump(lay, f)
            manifest.append(desc)
            print(name, desc)


if __name__ == "__main__":
    main(sys.argv)
