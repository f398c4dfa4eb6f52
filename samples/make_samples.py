#!/usr/bin/env python3
"""Write small ruled-table sample PDFs plus their expected-grid JSON files.

Standard library only. Output is deterministic (no timestamps, no random IDs).

Usage: python3 samples/make_samples.py [OUTPUT_DIR]   (default: this script's directory)

Files written:
  ruled-simple.pdf / .json  one page, one 6x4 fully ruled table
  ruled-spans.pdf  / .json  two pages: a table with row/column spans; two tables
                            on one page, one containing a two-line cell
  ruled-long.pdf   / .json  12 pages, one 20x5 table per page (FlateDecode streams)
  typed-cells.pdf  / .json  one page: numbers in every shown style, dates, codes,
                            ranges, footnote marks and text that looks like a formula
  decimal-comma.pdf / .json one page: a table whose numbers use a decimal comma
  shifted-marks.pdf / .json one page: footnote marks set as superscripts after
                            figures and a label, units with exponents, formulas with
                            subscripts, and a unit set smaller on a heading's
                            baseline
  unruled.pdf      / .json  one page: a booktabs table (rules above and below the
                            header and at the bottom only) and a table of columns
                            aligned by white space, among paragraphs, a bulleted
                            list and a page footer that are not tables
  continued-header.pdf / .json  two pages: one table over both, its header
                            repeated on page 2, a page footer on each page
  continued-plain.pdf / .json   three pages: one table over all three, header
                            on page 1 only, page footers
  continued-apart.pdf / .json   two pages: a table ending page 1 and another with
                            as many columns but other widths and header starting
                            page 2: two tables
  continued-sections.pdf / .json  five pages: a section heading over a table at
                            the foot of page 1 and another heading over a
                            table alike at the top of page 2 (two tables); a
                            table from page 3 on over page 4, where it starts
                            right under the running head (one table); then a
                            ruled table under section headings across it, the
                            last heading its last row
  rotated.pdf / .json       two landscape pages stored portrait with /Rotate 90
                            and /Rotate 270, then two portrait pages without
                            /Rotate whose landscape table is printed sideways
                            (text running up, then down); a table on each
  charts.pdf / .json        two pages (issue 12, class 3): a stacked bar chart
                            whose value labels line up in columns above a row
                            of axis ticks, a line chart over a row of year
                            labels and a legend, and one real table between
                            them; then three framed plots, tick values left
                            of each frame and a legend right of it on the
                            same rows; only the table is a table
  narrow-gap.pdf / .json    18 pages (issue 12, class 8): a booktabs table whose
                            right-aligned amounts stand a word space from the
                            left-aligned status beside them; then figures set
                            right past their heading set left, less than a
                            column gap before codes that nearly touch dates,
                            and a spreadsheet printout set close whose first
                            rows have no amount under centred headings; then
                            telephone numbers set right a little more than a
                            space before dates whose heading begins left of
                            them, and group headings centred over two column
                            titles each, their word space where those part;
                            then a printout of two columns whose widest
                            figure runs up to its label; then Chinese names
                            run up to the English words beside them, and in
                            a middle column under an empty cell, up to codes
                            that run up to a status; then codes centred in
                            their column, the widest run up to its status;
                            then first rows under a header that run a cell
                            into the next (a typewriter's figures a space
                            before dates, Chinese names 0.7 em before codes),
                            and a table set close under another whose dates
                            end on the other's column gap; then a printout of
                            two columns of codes, a word each, in Helvetica,
                            two rows running with codes 0.6 em short of the
                            next column; then a printout whose every column
                            is 0.7 em past its widest cell, codes run up to
                            a status centred in its column; then two tables
                            of loosely set rows, headings centred, whose
                            first row's label, the widest, runs up to 0.7 em
                            short of a short entry ending before the next
                            heading starts; then a journal typed in Courier
                            on bands of shading, every column a space and a
                            quarter past its widest entry, the last row the
                            widest of each; then headings of one word a
                            column typed a wide space apart, one set right
                            over narrower figures, and amounts set right
                            0.75 em before comments as long as a
                            paragraph's lines; then a spreadsheet of Chinese
                            names and categories, one share a row, whose
                            widest name and category run together; then
                            costs and amounts set right 0.73 em before
                            states and dates, every title run into the
                            next; then a heading centred over entries set
                            left that begins half a point past where the
                            shorter end, the longest running on past it at
                            its word space; then a column title set in two
                            pieces a full em apart, as a scan's reading
                            leaves it, the second over nothing; then figures
                            of six columns set 0.77 em apart under spanners
                            and years, `(Percent)` centred over them across
                            the middle gutter, and a unit centred over three
                            columns that begins where a figure under it does
  leaders.pdf / .json       two pages (issue 12, class 11): an income statement
                            whose labels run into their values through dot
                            leaders; then a statement whose leader dots are
                            drawn in a font that gives no character for them
  letters.pdf / .json       one page (issue 12, class 5): a table whose text is
                            drawn glyph by glyph, each at its own position, its
                            header letter-spaced
  titled.pdf / .json        four pages (issue 13): a ruled table with its title
                            right above it and a source note and a footnote
                            right below, among paragraphs; then booktabs
                            tables under titles set tight over their top
                            rules (issue 12), one of two lines over every
                            column, one over the first column; then one of
                            two lines and a third giving the unit, and one
                            of two lines centred over its table; the same
                            over tables with no rules, set tight over their
                            headers
  beside-prose.pdf / .json  seven pages (issue 12, class 3): two paragraphs in
                            a narrow column beside a table's centred title and
                            the ruled table under it, then a bulleted list
                            under an underlined heading (only the table is
                            one); a booktabs table in the left column of a
                            page in two, its rows on the baselines of the
                            running text in the right one; then two tables a
                            paragraph apart whose last line's words start
                            where the upper table's columns do; then a report
                            typed in Courier, its paragraphs justified with
                            stretched spaces (two after a full stop), a
                            small table between them; then a manual's page
                            with a table and two listings of SQL in Courier
                            (one boxed), keywords down the left, arguments
                            lined up after them: only the table is one; then
                            two tables a sentence in smaller type apart; then
                            a booktabs table, a short sentence in its type
                            under its bottom rule and a table of shaded rows
                            without rules, as close as rows stand
  filled-header.pdf / .json four pages (issue 12, class 6): a grid whose header
                            cells are a filled dark band with white text, the
                            column lines running out of it down the body; then
                            light grey header fills under light gridlines, one
                            a printout set so tight that its first row's glyph
                            boxes reach up over the fill's edge; then mid grey
                            bands under black gridlines; then a boxed header
                            over a body ruled only across (class 1), a band
                            behind the stub's headings (one over two lines)
                            and the group headings, white under those behind
                            the groups' column headings, the counts set short
                            of the rule after them
  filled-cells.pdf / .json  three pages (issue 12, class 6): two grids drawn as
                            filled cells with gutters of paper and no lines: a
                            dark header (titles of two lines, a digit in both)
                            and stub beside columns in three lighter
                            greys, and one of light grey cells under a darker
                            header row; on page 2 cells so faint a grey that
                            only the white gutters show the grid, beside a
                            narrow stub of labels set sideways; lists of
                            causes set halfway down their cells; on page 3
                            amounts in a column whose fills meet with no
                            gutter, two of one shade with nothing between
  wrapped-header.pdf / .json four pages (issue 12): booktabs tables whose column
                            titles wrap over one to four lines set on the rule
                            under them; in the second a group heading over three
                            columns, a short rule under it; then rules under
                            every row, a column of wrapped comments set left
                            between figures, its two-line title by chance
                            centred over the figures: one header row; then the
                            same with the titles set midway between the rules;
                            then a title wrapped over two lines centred on a
                            middle column of comments, itself midway between
                            the columns past the labels
  column-gaps.pdf / .json   four pages (issue 12): headers centred over
                            their columns (a line item a word space after its
                            margin, one reaching almost to the figures; a
                            header wider than its quantities; comments wider
                            than a short line), a table in a typewriter font;
                            then a spreadsheet with 0.2 pt grey gridlines;
                            then a year over the figures set in the gap where
                            the long labels of groups of rows run on; then a
                            typewriter font's dates set a space apart beside
                            codes and figures, no two words of letters side
                            by side
  loose-rows.pdf / .json    seven pages (issue 12): wrapped cells set midway in
                            their rows, the lines of two columns interleaved; a
                            table set at twice its font size with a row holding
                            only its label; a year heading the columns it covers
                            between a booktabs top rule and the header; then
                            two columns of prose beside terms set midway in
                            their rows, a rule under every row; a loosely set
                            table under a grey header band, two rows running
                            holding only their labels, the second wider than
                            the labels above; then an unruled table under
                            headings centred over their columns, its first
                            two rows and its last holding only their labels;
                            then tables whose last rows hold one cell: two
                            labels under bands of shading, the first wider
                            than most of the table; a code centred as the
                            codes above; a cost alone over a bottom rule;
                            then a fund's key figures, a blank line between
                            rows and two between groups, each group under
                            its label, the year between two rules over them;
                            then rows carrying on the one above without a
                            label, the last only its orders over the bottom
                            rule; then a booktabs table with a blank row two
                            thirds of the way down
  near-columns.pdf / .json  two pages (issue 12, class 8): a label a word space
                            before right-aligned percentages; amounts blank on
                            the first rows a word space from text reaching
                            nearly to the dates; a header pair the only words
                            of a line; then a spreadsheet whose light header
                            band has its gridline along its lower edge
  wrapped-booktabs.pdf / .json  ten pages (issue 12, classes 6, 3 and 2): booktabs
                            tables whose cells wrap over two to five lines,
                            the other cells set at the top of the row or
                            midway; no rules between rows but in one; on the
                            second page rows stand two blank lines apart; on
                            the third, codes set midway between the two
                            lines of a comment, the middle cell empty; on
                            the fourth, rows set close, their lines solid,
                            under headings centred over remarks set midway,
                            a remark's first line wider than the next, and
                            a last row's remark centred by chance over the
                            columns after its empty stage; on the fifth, a
                            rule under every row, notes and comments wrapped
                            on lines of their own, and the widest code run
                            up to within 0.73 em of its row's one-line notes;
                            on the sixth, a last heading wrapped over two
                            lines, the others set between them, and a first
                            row's notes over four lines, its other cells
                            between the second and the third; on the
                            seventh, terms set midway beside remarks and
                            descriptions of many words, lines a point and a
                            half apart, rows 0.65 em further; on the eighth,
                            a first row's notes and comments wrapped over six
                            and four lines, its other cells set midway; on
                            the ninth, a rule under every row, notes of six
                            lines over a row whose cells, each its column's
                            widest, run together, and a last title wrapped
                            over two lines centred on its column; on the
                            tenth, typewriter, a last row of a code alone,
                            its other cells empty, tight over the bottom
                            rule under comments wrapped over four lines
  stubs.pdf / .json         five pages (issue 12, class 4): a booktabs income
                            summary whose indented sub-items carry their own
                            figures under headings with none, sections set a
                            little apart; then a listing of payments, each
                            opening on its reference, its description on two
                            lines as evenly set as the payments; then a
                            budget summary under a centred title, its header
                            over the figures only, groups of indented items
                            under labels, dot leaders; then two tables set
                            solid whose long labels wrap onto an indented
                            line in lower case, the figures on the label's
                            first line, then on its last; then a ruled table
                            whose group label is merged down three rows and
                            set midway over them, the first blank beside it
  group-rules.pdf / .json   nine pages (issue 12): a booktabs header of two
                            lines in one band, a group heading over a short
                            rule over each group's column headings, the
                            stub's heading beside the lower line: two header
                            rows; then the same table boxed, lines down the
                            groups' sides through their headings and down
                            the columns from the rule under them; then with
                            long group headings; then a table whose rows
                            are in two sections, each under a heading centred
                            over the figures, one starting past the first
                            figures; then a heading centred over the figures
                            beside the stub's heading, no rule under it, over
                            titles of two lines as close; then a header of two
                            lines, no rule between them: group headings over
                            their columns' titles, a last column's title
                            wrapped over both, lines down the groups' sides;
                            then a ruled table whose group headings' word
                            space falls where the column line below runs;
                            then a table set solid, rules only under its
                            group headings, far right of a wide stub whose
                            indented labels wrap onto lines set in further,
                            a section heading over a single row, two smaller
                            notes under it; then two tables set
                            solid, no rule: titles wrapped to their own
                            depths, a unit centred over the figures' cells,
                            the second's title a size up under the first
  prose-cells.pdf / .json   eight pages (issue 12, class 2): item / description
                            tables whose cells are wrapped sentences under a
                            header row: booktabs with two columns, unruled with
                            three, unruled with two; then two newspaper columns
                            of justified running text, which are not a table;
                            then items of eight lines, a rule under each; then
                            codes beside remarks set midway in their rows
                            between booktabs rules, the rows parted by space;
                            then the same, rows three quarters of an em apart;
                            then codes set left under a centred title clear of
                            them, beside remarks and notes of many lines; then
                            remarks of twelve lines set midway beside a code
                            alone on its line, its rate empty; then codes and
                            changes beside two columns of comments set at the
                            top of rows parted by space, every line full
  page-columns.pdf / .json  six pages (issue 12, class 3): a booktabs table
                            just above two columns of rules-book text
                            (headings, labelled paragraphs, bullets) that line
                            up across the gutter: the table alone; then a page
                            of such text, no table; then a table in small type
                            beside a page column of larger text, two notes
                            under its bottom rule; then a bulleted list under
                            a two-line lead-in, a running head and the page
                            number in the margin beside it: no table; then two
                            page columns of paragraphs under a page head, a
                            table between paragraphs of the right one, its
                            rows level with the left one's lines, its first
                            amount's currency sign set apart: the table alone;
                            then three page columns, their gutters narrower
                            than justified lines' word spaces: no table
  side-by-side.pdf / .json  two pages: two tables side by side, a rule under
                            every row of each, rows at different heights,
                            wrapped cells; under them two booktabs tables side
                            by side: four tables; then a summary page of
                            panels, each a heading on a rule over a small
                            table, three on one level and two on the next, a
                            narrow gutter apart, rows in step: five tables
  numbered-lines.pdf / .json three pages (issue 12, class 3): a pleading whose
                            lines (blank ones too) are numbered down the margin,
                            an unruled table among them: the table alone; then
                            a booktabs table with a column of row numbers;
                            then a table set by alignment, the report's
                            name set sideways in the margin beside its rows
  ruled-rows.pdf / .json    three pages (issue 12): wrapped cells with a rule under
                            every row, set as close as their lines (a band
                            between rules is a row); then rules between groups
                            of rows with a figure on every line (rows stay
                            lines); then a typewriter table whose narrow column
                            holds a word or two a line, a Chinese term among
                            them; then two columns of
                            sentences side by side, a rule under every row;
                            then a row whose comment, two words and a Chinese
                            term set midway beside its cells, wraps its last
                            word onto a line of its own
  partial-rules.pdf / .json nine pages (issue 12, class 1): three partly ruled
                            tables: a ruled header row over unruled rows; a
                            frame with column lines and no row lines, headers
                            set left over numbers set right; boxes around two
                            groups of columns, headers set left likewise;
                            page 2: pairs of figure columns boxed from the
                            header down, no row lines; entries of running
                            text in a box a column, a blank line apart, under
                            group headings of their own; page 3: a body ruled
                            cell by cell, its stub unruled beside it; page 4:
                            a frame with column lines, headings of three
                            lines, rows in groups opening on labels; page 5:
                            rules above and below the header and at the
                            bottom, a line after the stub, and right under
                            it a source note as large, justified wider than
                            the table; page 6: a grid under its header
                            boxed apart, no column lines in the box; page 7:
                            years set tight over a grid, each centred over
                            the pair of columns it heads; page 8: a frame
                            with column lines and a rule under its header,
                            two records set solid, each a line with its
                            label and first cost wrapped onto a second;
                            page 9: a frame, a rule under its header and a
                            line between its two columns, lines set evenly:
                            rows of a label and a value set right, two of
                            them wrapped, the label under a hanging indent,
                            the value's next line in lower case
  shaded-cells.pdf / .json  one page (issue 12, class 1): a ruled table, its
                            rules thin filled rectangles, significant
                            figures on shaded cells in consecutive rows of a
                            column: rules and shading one patch of ink
  form.pdf / .json          one page (issue 12, class 9): a purchase form laid
                            out in ruled boxes (title, two fields side by side,
                            a label, remarks) whose items table is drawn into
                            them, its outer lines the boxes' sides: the items
                            table alone is the table
  rtl.pdf / .json           one page (issue 12, class 10): a ruled table of
                            Hebrew and Arabic cells drawn as they look (glyphs
                            left to right): mixed words and numbers, a bracketed
                            number, a lam-alef ligature, pointed letters,
                            Arabic-Indic digits; expected in reading order
  cjk-strokes.pdf / .json   one page (issue 12, class 7): a ruled table whose
                            Chinese text is set against the cell borders, its
                            glyphs' edge strokes as long as a short line
  table-edges.pdf / .json   seven pages (issue 12, class 3): where a table ends:
                            a large title above an unruled table, a last row
                            with its label alone, a small running foot under
                            a booktabs table; then a booktabs table whose
                            first row runs together under centred headers,
                            and an unruled table whose long codes run nearly
                            into their labels, a small running foot under it; then
                            an unruled table across the page, a sentence, and
                            a narrower table set inside its columns; then the
                            same, a heading of the narrower table centred by
                            chance where one of the wide table's is; then a
                            running foot set beside a narrow table on light
                            bands, and two booktabs tables of other widths,
                            a sentence between them; then a title set large
                            over a booktabs table whose year stands tight
                            under the top rule, over the columns of figures;
                            then a sentence set larger than the tables
                            between one across the page on bands of shading
                            and a narrower booktabs one, all three flush left
  touching-cells.pdf / .json  one page (issue 12, class 8): a typewriter ledger
                            whose fields fill their columns one blank apart,
                            a note under it on the columns' grid; a label a
                            word space before its figure
  scanned-zh.pdf / .json    one scanned page (an image, no text layer: 150 dpi,
                            skewed 0.6 degrees, blurred, grainy grey paper): a
                            ruled table of a Chinese income statement
  scanned-mixed.pdf / .json two pages: a born-digital ruled table, then a
                            scanned page with a table of English text and
                            numbers among paragraphs, ruled by its header only
  scanned-quotes.pdf / .json two scanned pages: a booktabs table whose cells
                            quote in typeset marks (“ ” ’), then a table of
                            sizes in inches marked with straight quotes (")
  cjk-unembedded.pdf / .json one page: a ruled table whose Chinese cells are
                            set in a font the file names but does not embed
                            (STSong-Light, UniGB-UCS2-H)
  scanned-band.pdf / .json  two scanned pages: a ruled table whose two header
                            rows are on a grainy mid-grey band, a group
                            heading over wrapped column titles; then a ruled
                            table whose rule under the header is worn away
                            under most of its later cells
  unnamed-glyphs.pdf / .json one page (issue 12): a title, a note and a ruled
                            table all in a font whose glyphs (the bitmaps of
                            glyphs.bin) the file gives no characters for: the
                            text layer says nothing, OCR reads the page
  scanned-statements.pdf / .json  two scanned pages (issue 12): a statement of
                            changes in equity, double rules under its totals,
                            and a statement of cash flows whose long section
                            labels stand between the header and the rows
  statements.pdf / .json    five pages (issue 12): financial statements as
                            annual reports set them, no rules but a short one
                            under each year's figures over every subtotal
                            (and two under a total): a statement of profit or
                            loss with a notes column and a label wrapped over
                            two lines; a statement of financial position, the
                            group's and the company's years under group
                            headings ruled beneath; a Chinese income statement;
                            a statement of changes in equity, its column
                            titles wrapped to their own depths over a line
                            of units; a statement of cash flows whose
                            section labels, long, stand between the header
                            and the rows
  report-tables.pdf / .json four pages (issue 12): a report's table between
                            paragraphs, its caption set a size up tight over
                            it; column titles centred over figures set right,
                            one wrapped a line deeper than the rest and wider
                            than its figures; `$` set at the left of each
                            column on the first row and the total only, far
                            from the figures; a rule over the total's
                            figures. The header set on a grey band with no
                            rule under it, then ruled, every row ruled. Then
                            a page in two columns, running text down the
                            narrow one, the table (long row labels) in the
                            other under a paragraph: right, every row ruled,
                            a title wider than its figures carried on in
                            lower case; left, the first figures' title
                            wrapped deepest, wider than its last line
  sideways-titles.pdf / .json one page (issue 12): two tables of narrow
                            columns under titles set sideways, running up
                            from the stub heading's line; booktabs, then
                            no rules
  flags.pdf / .json         one page (issue 12): a statistical table whose
                            figures carry flags (`p`, `e`, `b`) set a space
                            after some of them, lined up in some columns
  sideways-row-labels.pdf / .json one page (issue 12): two tables whose
                            groups of rows are named by labels set sideways
                            beside them, one longer than its group; a rule
                            under each group, then none
  dense-figures.pdf / .json one page (issue 12): a table of twelve years of
                            figures in 7 pt set 0.37 em apart; one of
                            numbers whose digit groups stand a figure space
                            apart
  centred-groups.pdf / .json one page (issue 12, class 4): a booktabs table
                            whose regions are named at the middle of their
                            groups of rows (on the middle row, or between
                            the middle two), the groups a little apart;
                            then an unruled one, each region on its first
                            row, the groups a wide blank apart; then one
                            centred, a rule across each blank
  periods.pdf / .json       one page (issue 12): tables of a period a row,
                            a year and its quarter or month a word space
                            apart (`2023 Q1`, `2024 Jan`)
  close-cells.pdf / .json   one page (issue 12): an order list whose
                            descriptions stand little more than a word space
                            after the dates, the later ones wrapped onto
                            lines set closer than the rows; codes and dates
                            under titles without a rule, the first row's
                            share blank; titles on a light band over a first
                            row whose quantity is blank; every cell centred,
                            titles of two words set 0.6 em apart
  column-rules.pdf / .json  one page (issue 12): statistical tables ruled by
                            their columns only, a year over each pair of
                            columns, the stub's head on the years' line; the
                            first without a rule along its top, the second
                            boxed, its stub in groups under headings set
                            wider than its labels wrap; the third ruled
                            between its columns only, figures on a wrapped
                            label's last line

The scanned pages are drawn from the glyph bitmaps in glyphs.bin (made by
make_glyphs.py from Liberation Sans and Droid Sans Fallback).

Expected-grid JSON format (a scorer's ground truth):
  {"tables": [{"page": 1, "cells": [[...], ...], "spans": [[row, col, rowspan, colspan], ...]}]}
  page is 1-based; a spanning cell's text is at its top-left position and the
  other positions it covers are ""; spans lists only cells with rowspan>1 or
  colspan>1; a wrapped cell's lines are joined with "\n".
"""

import itertools
import json
import math
import os
import random
import re
import sys
import zlib

PAGE_W, PAGE_H = 595, 842
MARGIN = 56
LINE_WIDTH = 0.8
PAD = 3.0

# --------------------------------------------------------------------------
# Helvetica / Helvetica-Bold advance widths (Adobe AFM, 1/1000 em) for ASCII
# 32..126. In WinAnsiEncoding 0x27 is quotesingle and 0x60 is grave.
# --------------------------------------------------------------------------
_HELV = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # '0'..'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # '@'..'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # 'P'..'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # '`'..'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # 'p'..'~'
]
_HELV_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]
assert len(_HELV) == len(_HELV_BOLD) == 95

FONTS = {  # resource name -> (BaseFont, width table)
    "F1": ("Helvetica", _HELV),
    "F2": ("Helvetica-Bold", _HELV_BOLD),
    "F4": ("Courier", [600] * 95),  # on the pages that use it (see write_pdf)
}


# Typeset quotes' widths (Helvetica, Helvetica-Bold); only scanned pages show them.
TYPESET_QUOTES = {"\u201c": (333, 500), "\u201d": (333, 500), "\u2018": (222, 278),
                  "\u2019": (222, 278)}


def text_width(s, font, size):
    table = FONTS[font][1]
    total = 0
    for ch in s:
        o = ord(ch)
        if is_cjk(ch):
            total += 1000  # ideographs are square; only scanned pages show them
        elif ch in TYPESET_QUOTES:
            total += TYPESET_QUOTES[ch][1 if font == "F2" else 0]
        elif not 32 <= o <= 126:
            raise ValueError("only printable ASCII and Chinese are supported: %r" % s)
        else:
            total += table[o - 32]
    return total * size / 1000.0


def is_cjk(ch):
    return 0x3000 <= ord(ch) <= 0x9FFF


def pdf_string(s):
    """A PDF literal string with ( ) \\ escaped, encoded as WinAnsi (cp1252)."""
    s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + s + ")"


def fmt(v):
    """Number formatting for content streams: up to 2 decimals, no trailing zeros."""
    s = "%.2f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


# --------------------------------------------------------------------------
# Page content builder
# --------------------------------------------------------------------------
class Page:
    def __init__(self):
        self.ops = []

    def text(self, x, y, s, font="F1", size=10):
        # F5, a CJK font the file names but does not embed, takes UCS-2 codes.
        shown = "<%s>" % s.encode("utf-16-be").hex().upper() if font == "F5" else pdf_string(s)
        self.ops.append("BT /%s %s Tf %s %s Td %s Tj ET" % (font, fmt(size), fmt(x), fmt(y), shown))

    def mixed_text(self, x, y, s, font="F1", size=10):
        """s set in font, its runs of ideographs in F5 (one line of English
        with Chinese terms in it)."""
        runs = [(cjk, "".join(chars)) for cjk, chars in itertools.groupby(s, key=is_cjk)]
        for cjk, run in runs:
            self.text(x, y, run, "F5" if cjk else font, size)
            x += text_width(run, font, size)  # (ideographs are square in any)

    def text_up(self, x, y, s, font="F1", size=10):
        """s set sideways, running up the page from its baseline's start at
        (x, y), its letters' tops to the left."""
        self.ops.append("BT /%s %s Tf 0 1 -1 0 %s %s Tm %s Tj ET" % (font, fmt(size), fmt(x), fmt(y), pdf_string(s)))

    def fill(self, x0, y0, x1, y1, grey):
        """A rectangle (page points, PDF y up) filled grey (0 black, 1 paper)."""
        alpha = int(round((1.0 - grey) * 255 * 255 / 235))
        for yy in range(int((PAGE_H - y1) * self.k), int((PAGE_H - y0) * self.k)):
            for xx in range(int(x0 * self.k), int(x1 * self.k)):
                self._ink(xx, yy, alpha)

    def title(self, s, y):
        self.text(MARGIN, y, s, "F2", 14)
        return y

    def paragraph(self, s, y, size=10, leading=13, width=PAGE_W - 2 * MARGIN):
        """Word-wrap s to width; first baseline at y. Returns the last baseline."""
        lines, cur = [], ""
        for word in s.split():
            cand = word if not cur else cur + " " + word
            if text_width(cand, "F1", size) <= width:
                cur = cand
            else:
                lines.append(cur)
                cur = word
        if cur:
            lines.append(cur)
        parts = ["BT /F1 %s Tf %s TL %s %s Td" % (fmt(size), fmt(leading), fmt(MARGIN), fmt(y))]
        for i, line in enumerate(lines):
            parts.append(("%s Tj" if i == 0 else "T* %s Tj") % pdf_string(line))
        parts.append("ET")
        self.ops.append(" ".join(parts))
        return y - leading * (len(lines) - 1)

    def line(self, x0, y0, x1, y1):
        self.ops.append("%s %s m %s %s l S" % (fmt(x0), fmt(y0), fmt(x1), fmt(y1)))

    def content(self):
        return ("\n".join(self.ops) + "\n").encode("cp1252")


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------
NUM_RE = re.compile(r"^[-+(]?[\d,]*\.?\d+\)?%?$")


class Table:
    """A ruled table.

    cells:   rectangular grid of strings; a spanning cell's text at its top-left,
             covered positions "" ; "\n" separates lines inside one cell.
    spans:   [(row, col, rowspan, colspan)] for cells larger than 1x1.
    widths:  column widths (pt); heights: row heights (pt).
    align:   per column 'l' or 'r' (number columns right-aligned).
    header_rows: that many top rows are set in Helvetica-Bold.
    """

    def __init__(self, cells, widths, heights, align, spans=(), header_rows=1, size=9, rules="grid",
                 lines=(LINE_WIDTH, 0), header_fill=None):
        # lines: (width, grey) of the rules; header_fill: (grey, over_lines)
        # fills the header rows, under the rules or over them.
        self.lines, self.header_fill = lines, header_fill
        self.cells = [list(r) for r in cells]
        self.spans = [tuple(s) for s in spans]
        self.widths, self.heights, self.align = widths, heights, align
        self.header_rows, self.size = header_rows, size
        assert rules in ("grid", "booktabs", "none")
        self.rules = rules
        self.nrows, self.ncols = len(cells), len(cells[0])
        assert all(len(r) == self.ncols for r in cells), "grid not rectangular"
        assert len(widths) == self.ncols and len(heights) == self.nrows and len(align) == self.ncols
        # owner[r][c] = top-left (row, col) of the cell covering (r, c)
        self.owner = [[(r, c) for c in range(self.ncols)] for r in range(self.nrows)]
        self.extent = {}  # top-left -> (rowspan, colspan)
        for (r0, c0, rs, cs) in self.spans:
            assert rs > 1 or cs > 1
            for r in range(r0, r0 + rs):
                for c in range(c0, c0 + cs):
                    assert self.owner[r][c] == (r, c), "overlapping spans"
                    assert (r, c) == (r0, c0) or self.cells[r][c] == "", "covered cell not empty"
                    self.owner[r][c] = (r0, c0)
            self.extent[(r0, c0)] = (rs, cs)

    def place(self, page, x, top):
        """Draw with the top-left corner at (x, top). Returns the bottom y."""
        xs = [x]
        for w in self.widths:
            xs.append(xs[-1] + w)
        ys = [top]  # ys[i] = y of the boundary above row i (PDF y grows upwards)
        for h in self.heights:
            ys.append(ys[-1] - h)
        def fill_header():
            grey, _ = self.header_fill
            h = ys[0] - ys[self.header_rows]
            page.ops.append("%s g %s %s %s %s re f 0 g" % (fmt(grey), fmt(xs[0]), fmt(ys[self.header_rows]),
                                                          fmt(xs[-1] - xs[0]), fmt(h)))
        if self.header_fill and not self.header_fill[1]:
            fill_header()
        # projecting caps close corners
        page.ops.append("q %s w 2 J 0 j %s G" % (fmt(self.lines[0]), fmt(self.lines[1])))
        if self.rules == "grid":
            # Horizontal rules: boundary i lies between row i-1 and row i.
            for i in range(self.nrows + 1):
                drawn = [i in (0, self.nrows) or self.owner[i - 1][c] != self.owner[i][c] for c in range(self.ncols)]
                for a, b in _runs(drawn):
                    page.line(xs[a], ys[i], xs[b], ys[i])
            # Vertical rules: boundary j lies between column j-1 and column j.
            for j in range(self.ncols + 1):
                drawn = [j in (0, self.ncols) or self.owner[r][j - 1] != self.owner[r][j] for r in range(self.nrows)]
                for a, b in _runs(drawn):
                    page.line(xs[j], ys[a], xs[j], ys[b])
        elif self.rules == "booktabs":
            for i in (0, self.header_rows, self.nrows):
                page.line(xs[0], ys[i], xs[-1], ys[i])
        page.ops.append("Q")
        if self.header_fill and self.header_fill[1]:
            fill_header()
        # Cell texts.
        page.ops.append("0 g")
        for r in range(self.nrows):
            for c in range(self.ncols):
                if self.owner[r][c] != (r, c) or not self.cells[r][c]:
                    continue
                rs, cs = self.extent.get((r, c), (1, 1))
                left, right = xs[c], xs[c + cs]
                cy = (ys[r] + ys[r + rs]) / 2.0
                font = "F2" if r < self.header_rows else "F1"
                lines = self.cells[r][c].split("\n")
                leading = self.size * 1.2
                # Centre the block of lines on the cap height (Helvetica: 718/1000).
                cap = 0.718 * self.size
                block = cap + leading * (len(lines) - 1)
                base0 = cy + block / 2.0 - cap
                # A spanning cell takes the alignment of its rightmost column.
                align = self.align[c + cs - 1]
                for k, s in enumerate(lines):
                    w = text_width(s, font, self.size)
                    if w + 2 * PAD > right - left:
                        raise ValueError("text %r (%.1f pt) does not fit cell %d,%d (%.1f pt)" % (s, w, r, c, right - left))
                    if block + 2 > ys[r] - ys[r + rs]:
                        raise ValueError("text of cell %d,%d too tall for row" % (r, c))
                    tx = left + PAD if align == "l" else right - PAD - w
                    page.text(tx, base0 - k * leading, s, font, self.size)
        return ys[-1]

    def expected(self, page_no):
        return {
            "page": page_no,
            "cells": [list(r) for r in self.cells],
            "spans": [list(s) for s in sorted(self.spans)],
        }


def _runs(flags):
    """Maximal runs of True in flags as (start, end) with end exclusive."""
    out, start = [], None
    for i, f in enumerate(list(flags) + [False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append((start, i))
            start = None
    return out


# --------------------------------------------------------------------------
# PDF file writer
# --------------------------------------------------------------------------
def write_pdf(path, pages, compress=False, rotations=None, type3=None):
    """pages: list of content-stream bytes, or of ScanPage (an image-only
    page). Fonts F1/F2 are shared by all pages. rotations: per page /Rotate
    value (0 for none). type3: a Type3Font, given to every page as F3."""
    rotations = rotations or [0] * len(pages)
    objs = {}  # number -> body bytes
    n_pages = len(pages)
    # Scanned pages need an object more (the image); other files keep their numbering.
    stride = 3 if any(isinstance(p, ScanPage) for p in pages) else 2
    page_ids = [5 + stride * i for i in range(n_pages)]
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % p for p in page_ids), n_pages)).encode()
    for num, name in ((3, "F1"), (4, "F2")):
        objs[num] = ("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % FONTS[name][0]).encode()
    fonts = "/F1 3 0 R /F2 4 0 R"
    if type3:
        first = 5 + stride * n_pages
        objs.update(type3.objects(first))
        fonts += " /F3 %d 0 R" % first
    # Courier after every other object, so files without it keep their numbering.
    if any(isinstance(d, bytes) and b"/F4 " in d for d in pages):
        num = max(max(objs) + 1, 5 + stride * n_pages)
        objs[num] = ("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                     % FONTS["F4"][0]).encode()
        fonts += " /F4 %d 0 R" % num
    # A Chinese font named, not embedded, in a predefined encoding: a reader
    # must find a font of its own for it (after every other object too).
    if any(isinstance(d, bytes) and b"/F5 " in d for d in pages):
        num = max(max(objs) + 1, 5 + stride * n_pages)
        objs[num] = ("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                     "/DescendantFonts [%d 0 R] >>" % (num + 1)).encode()
        objs[num + 1] = (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                         b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
                         b"/FontDescriptor %d 0 R /DW 1000 >>" % (num + 2))
        objs[num + 2] = (b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
                         b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                         b"/CapHeight 880 /StemV 93 >>")
        fonts += " /F5 %d 0 R" % num
    for pid, data, rotate in zip(page_ids, pages, rotations):
        image = ""
        if isinstance(data, ScanPage):
            w, h, pixels = data.scanned()
            body = zlib.compress(pixels, 9)
            objs[pid + 2] = (
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(body))
                + body + b"\nendstream"
            )
            image = " /XObject << /Im0 %d 0 R >>" % (pid + 2)
            data = ("q %d 0 0 %d 0 0 cm /Im0 Do Q\n" % (PAGE_W, PAGE_H)).encode()
        elif stride == 3:
            objs[pid + 2] = b"null"
        objs[pid] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d]%s "
            "/Resources << /Font << %s >>%s >> /Contents %d 0 R >>"
            % (PAGE_W, PAGE_H, " /Rotate %d" % rotate if rotate else "", fonts, image, pid + 1)
        ).encode()
        if compress:
            data = zlib.compress(data, 9)
            head = b"<< /Length %d /Filter /FlateDecode >>" % len(data)
        else:
            head = b"<< /Length %d >>" % len(data)
        objs[pid + 1] = head + b"\nstream\n" + data + b"\nendstream"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    size = max(objs) + 1
    assert sorted(objs) == list(range(1, size))
    xref_at = len(out)
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    with open(path, "wb") as f:
        f.write(out)


def write_expected(path, tables):
    """tables: list of (page_no, Table). One JSON row per line for readable diffs."""
    parts = []
    for page_no, t in tables:
        e = t.expected(page_no)
        rows = ",\n    ".join(json.dumps(r) for r in e["cells"])
        parts.append('  {"page": %d, "cells": [\n    %s],\n   "spans": %s}' % (page_no, rows, json.dumps(e["spans"])))
    text = '{"tables": [\n' + ",\n".join(parts) + "\n]}\n"
    json.loads(text)  # sanity
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --------------------------------------------------------------------------
# Scanned pages: drawn into a grey raster from glyph bitmaps, then degraded
# the way a scanner and a photocopier do it.
# --------------------------------------------------------------------------
SCAN_DPI = 150
_GLYPHS = None


def glyphs():
    global _GLYPHS
    if _GLYPHS is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "glyphs.bin")
        with open(path, "rb") as f:
            _GLYPHS = json.loads(zlib.decompress(f.read()))
    return _GLYPHS


class ScanPage:
    """Page's drawing calls (text, line) into a 150 dpi grey raster: Table.place
    and the paragraph helpers draw on it as on a PDF page. `scanned()` gives
    the degraded image."""

    def __init__(self, skew=0.6, seed=1):
        self.ops = []  # PDF operators Table.place adds: nothing to draw
        self.k = SCAN_DPI / 72.0
        self.w, self.h = int(PAGE_W * self.k), int(PAGE_H * self.k)
        self.px = bytearray(b"\xff" * (self.w * self.h))
        self.skew, self.seed = skew, seed

    def _ink(self, x, y, alpha):
        if 0 <= x < self.w and 0 <= y < self.h and alpha:
            i = y * self.w + x
            v = 255 - alpha * 235 // 255
            if v < self.px[i]:
                self.px[i] = v

    def text(self, x, y, s, font="F1", size=10):
        g = glyphs()
        scale = size / 10.0  # the bitmaps are of a 10 pt font
        pen = x * self.k
        base = (PAGE_H - y) * self.k
        for ch in s:
            face = "cjk" if is_cjk(ch) else ("bold" if font == "F2" else "regular")
            adv, left, top, w, h, hexpix = g["glyphs"][face][ch]
            pix = bytes.fromhex(hexpix)
            x0, y0 = int(round(pen + left * scale)), int(round(base + top * scale))
            for gy in range(int(h * scale)):
                row = int(gy / scale) * w
                for gx in range(int(w * scale)):
                    self._ink(x0 + gx, y0 + gy, pix[row + int(gx / scale)])
            pen += (1000 * size / 1000.0 * self.k) if face == "cjk" else text_width(ch, font, size) * self.k

    def mixed_text(self, x, y, s, font="F1", size=10):
        self.text(x, y, s, font, size)  # (ideographs are drawn from their own face)

    def line(self, x0, y0, x1, y1):
        # Rulings as Table.place draws them: 0.8 pt, caps projecting.
        half = LINE_WIDTH * self.k / 2.0
        ax, bx = sorted((x0 * self.k, x1 * self.k))
        ay, by = sorted(((PAGE_H - y0) * self.k, (PAGE_H - y1) * self.k))
        for yy in range(int(ay - half), int(by + half) + 1):
            for xx in range(int(ax - half), int(bx + half) + 1):
                self._ink(xx, yy, 255)

    def fill(self, x0, y0, x1, y1, grey):
        """A rectangle (page points, PDF y up) filled grey (0 black, 1 paper)."""
        alpha = int(round((1.0 - grey) * 255 * 255 / 235))
        for yy in range(int((PAGE_H - y1) * self.k), int((PAGE_H - y0) * self.k)):
            for xx in range(int(x0 * self.k), int(x1 * self.k)):
                self._ink(xx, yy, alpha)

    def wipe(self, x0, x1, y):
        """Paper again over a line drawn at y from x0 to x1 (page points): a
        rule worn away in the print."""
        for yy in range(int((PAGE_H - y) * self.k) - 3, int((PAGE_H - y) * self.k) + 4):
            for xx in range(int(x0 * self.k), int(x1 * self.k)):
                if 0 <= xx < self.w and 0 <= yy < self.h:
                    self.px[yy * self.w + xx] = 255

    def title(self, s, y):
        self.text(MARGIN, y, s, "F2", 14)
        return y

    def paragraph(self, s, y, size=10, leading=13, width=PAGE_W - 2 * MARGIN):
        lines, cur = [], ""
        for word in s.split():
            cand = word if not cur else cur + " " + word
            if text_width(cand, "F1", size) <= width:
                cur = cand
            else:
                lines.append(cur)
                cur = word
        if cur:
            lines.append(cur)
        for i, line in enumerate(lines):
            self.text(MARGIN, y - leading * i, line, "F1", size)
        return y - leading * (len(lines) - 1)

    def scanned(self):
        """Skewed (two shears), blurred ([1 2 1] both ways), on grainy grey
        paper: (width, height, bytes)."""
        w, h, src = self.w, self.h, self.px
        t = math.tan(math.radians(self.skew))
        # Rows shift right as they go down, then columns shift down to the right.
        out = bytearray(b"\xff" * (w * h))
        for y in range(h):
            d = int(round((y - h / 2) * -t))
            row = src[y * w:(y + 1) * w]
            if d >= 0:
                out[y * w + d:(y + 1) * w] = row[:w - d]
            else:
                out[y * w:(y + 1) * w + d] = row[-d:]
        src, out = out, bytearray(b"\xff" * (w * h))
        for x in range(w):
            d = int(round((x - w / 2) * t))
            col = src[x::w]
            if d >= 0:
                out[x + d * w::w] = col[:h - d]
            else:
                out[x:x + (h + d) * w:w] = col[-d:]
        # Blur.
        src = out
        out = bytearray(src)
        for y in range(h):
            o = y * w
            for x in range(1, w - 1):
                out[o + x] = (src[o + x - 1] + 2 * src[o + x] + src[o + x + 1]) >> 2
        src = bytearray(out)
        for y in range(1, h - 1):
            o = y * w
            for x in range(w):
                out[o + x] = (src[o + x - w] + 2 * src[o + x] + src[o + x + w]) >> 2
        # Paper: grey, with grain. The grain repeats every 61 pixels and 16
        # rows, which the eye and the reader do not notice but keeps the file small.
        rng = random.Random(self.seed)
        tile = rng.randbytes(61 * 16)
        for y in range(h):
            o, grain = y * w, tile[(y % 16) * 61:(y % 16) * 61 + 61]
            for x in range(w):
                v = out[o + x] * 232 // 255 + (grain[x % 61] & 15) - 8
                out[o + x] = 0 if v < 0 else (255 if v > 255 else v)
        return w, h, bytes(out)


# --------------------------------------------------------------------------
# Samples
# --------------------------------------------------------------------------
def sample_simple():
    p = Page()
    y = p.title("Quarterly Sales by Region", 780)
    y = p.paragraph(
        "This report summarises unit sales and revenue for each sales region in the "
        "third quarter. Figures in parentheses are net returns; shares are of total "
        "revenue. The table below is fully ruled.",
        y - 26,
    )
    t = Table(
        [
            ["Region", "Units", "Revenue", "Share"],
            ["North", "1,234", "56,789.00", "12.5%"],
            ["South", "987", "(56.00)", "8.0%"],
            ["East", "-7", "1,002.50", "0.3%"],
            ["West", "12,040", "310.75", "45.1%"],
            ["Central Plains", "455", "(1,200.40)", "-3.2%"],
        ],
        widths=[150, 80, 100, 80],
        heights=[20] * 6,
        align="lrrr",
    )
    t.place(p, MARGIN, y - 24)
    return [p.content()], [(1, t)]


def sample_spans():
    # Page 1: two-level header with row and column spans.
    p1 = Page()
    y = p1.title("Revenue by Region and Quarter", 780)
    y = p1.paragraph(
        "Quarterly revenue in thousands, for the last two financial years. The "
        "northern region reports its retail and wholesale channels on separate rows.",
        y - 26,
    )
    t1 = Table(
        [
            ["Region", "2024", "", "2025", ""],
            ["", "Q1", "Q2", "Q1", "Q2"],
            ["North", "1,200", "1,350", "1,410", "1,525"],
            ["", "640", "(12.50)", "702", "8.4%"],
            ["South", "2,015", "1,980", "-7", "2,310"],
            ["West", "845", "910", "1,002", "1,144"],
        ],
        widths=[120, 75, 75, 75, 75],
        heights=[20] * 6,
        align="lrrrr",
        spans=[(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 1, 2), (2, 0, 2, 1)],
        header_rows=2,
    )
    t1.place(p1, MARGIN, y - 24)

    # Page 2: two tables separated by text; one cell holds two lines.
    p2 = Page()
    y = p2.title("Appendix: Files and Contacts", 780)
    y = p2.paragraph(
        "The input files used for the figures above are listed here with their "
        "record counts. Paths are relative to the shared data folder.",
        y - 26,
    )
    t2 = Table(
        [
            ["Code", "File", "Rows"],
            ["A-01", "C:\\data\\north.csv", "1,024"],
            ["B-17", "south (draft).csv", "88"],
        ],
        widths=[70, 150, 70],
        heights=[20] * 3,
        align="llr",
    )
    y = t2.place(p2, MARGIN, y - 24)
    y = p2.paragraph(
        "Questions about the data should go to the owner listed below. The review "
        "status is updated weekly; entries marked pending are not final and may "
        "still change before the next report.",
        y - 36,
    )
    t3 = Table(
        [
            ["Field", "Value"],
            ["Owner", "J. Smith"],
            ["Long name\ncontinued", "42"],
            ["Status", "Open (pending)"],
        ],
        widths=[120, 140],
        heights=[20, 20, 32, 20],
        align="ll",
    )
    t3.place(p2, MARGIN, 420)
    return [p1.content(), p2.content()], [(1, t1), (2, t2), (2, t3)]


class Lcg:
    """Tiny deterministic PRNG (independent of the random module's versions)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self, n):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


def money(v):
    """Cents -> '1,234.50', negatives as '(1,234.50)'."""
    s = "{:,.2f}".format(abs(v) / 100.0)
    return "(%s)" % s if v < 0 else s


def sample_long():
    adjectives = ["Steel", "Brass", "Oak", "Nylon", "Copper", "Glass", "Rubber", "Cedar", "Zinc", "Pine"]
    nouns = ["bolt", "hinge", "bracket", "washer", "panel", "valve", "clamp", "spacer", "gasket", "rail"]
    rng = Lcg(20240611)
    pages, tables = [], []
    n_pages = 12
    for pn in range(1, n_pages + 1):
        p = Page()
        y = p.title("Inventory Listing - Page %d of %d" % (pn, n_pages), 790)
        y = p.paragraph(
            "Stock on hand at the central warehouse, section %d. Negative quantities "
            "are returns awaiting inspection; their totals are shown in parentheses." % pn,
            y - 24,
        )
        rows = [["Code", "Description", "Qty", "Unit price", "Total"]]
        for i in range(19):
            code = "IT-%02d%03d" % (pn, 10 * i + rng.next(10))
            name = "%s %s %d" % (adjectives[rng.next(10)], nouns[rng.next(10)], 4 + 2 * rng.next(20))
            qty = rng.next(2500) + 1
            if rng.next(7) == 0:
                qty = -(qty % 40 + 1)
            price = rng.next(99900) + 100  # cents
            rows.append([code, name, "{:,}".format(qty), money(price), money(qty * price)])
        t = Table(rows, widths=[70, 140, 60, 80, 100], heights=[18] * 20, align="llrrr")
        t.place(p, MARGIN, y - 22)
        pages.append(p.content())
        tables.append((pn, t))
    return pages, tables


def sample_typed():
    """What must come out as numbers, dates or text, each in one cell."""
    p = Page()
    y = p.title("Cell Types", 780)
    y = p.paragraph(
        "Numbers as reports print them, next to codes, ranges and notes that only "
        "look like numbers, and text that begins like a spreadsheet formula.",
        y - 26,
    )
    t = Table(
        [
            ["Item", "Amount", "Change", "Date", "Code"],
            ["Alpha", "1,234,567", "12.5%", "2024-03-31", "007"],
            ["Beta", "(1,234.00)", "-0.8%", "31/03/2024", "10-20"],
            ["=SUM(A1:A3)", "$1,250.50", "+5", "2023-12-01", "+44 20 7946"],
            ["-minus", "1.50", "-12", "Q1 2024", "12*"],
            ["@home", "1 234 567", "0", "2024", "A-01"],
            ["+plus", "-$5.25", "(3)", "2023-02-29", "1.2.3"],
        ],
        widths=[90, 90, 70, 80, 90],
        heights=[20] * 7,
        align="lrrrl",
    )
    t.place(p, MARGIN, y - 24)
    return [p.content()], [(1, t)]


def shifted_text(p, x, y, s, font="F1", size=9):
    """Draws s, its characters after ^ set as superscripts and after _ as
    subscripts (smaller, raised or lowered), and returns what a reader
    reads: those in their Unicode superscript and subscript forms."""
    sup = dict(zip("0123456789+-abc", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ᵃᵇᶜ"))
    sub = dict(zip("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
    read, k = "", 0
    while k < len(s):
        mark = s[k] if s[k] in "^_" else None
        c = s[k + 1] if mark else s[k]
        if mark == "^":
            p.text(x, y + 0.38 * size, c, font, 0.6 * size)
            x, read = x + text_width(c, font, 0.6 * size), read + sup[c]
        elif mark == "_":
            p.text(x, y - 0.2 * size, c, font, 0.6 * size)
            x, read = x + text_width(c, font, 0.6 * size), read + sub[c]
        else:
            p.text(x, y, c, font, size)
            x, read = x + text_width(c, font, size), read + c
        k += 2 if mark else 1
    return read


def sample_shifted_marks():
    """Footnote marks set as superscripts after figures and a label, units with
    exponents and formulas with subscripts: each read in its superscript
    or subscript form, never run into the figure before it; a unit set
    smaller on the header's baseline stays as it is."""
    p = Page()
    y = p.title("Emissions by Plant", 790)
    y = p.paragraph("Figures marked with a superscript have a note below the table.", y - 24)
    rows = [
        ["Plant", "Area", "Gas", "Output", "Change"],
        ["Harbour", "12 m^2", "CO_2", "1,234^1", "4.5%"],
        ["Ridge^a", "8 m^2", "CH_4", "2,001", "-1.2%^2"],
        ["Valley", "20 m^2", "N_2O", "17.5^3", "0.8%"],
        ["Delta", "6.5 m^2", "SO_2", "10^-^3", "12%"],
        ["Total", "46.5 m^2", "", "3,252.5", "2.1%"],
    ]
    xs, step, top = [MARGIN + 3, MARGIN + 110, MARGIN + 200, MARGIN + 280, MARGIN + 370], 16, y - 30
    width = 440
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, top - step, top - step * len(rows)):
        p.line(MARGIN, yy, MARGIN + width, yy)
    p.ops.append("Q")
    cells = []
    for k, row in enumerate(rows):
        base = top - step * k - 11.5
        font = "F2" if k == 0 else "F1"
        read = [shifted_text(p, x, base, cell, font) for x, cell in zip(xs, row)]
        if k == 0:
            # The unit, smaller on the heading's baseline: no superscript.
            p.text(xs[3] + text_width("Output", "F2", 9) + 3, base, "(tonnes)", "F1", 6)
            read[3] += " (tonnes)"
        cells.append(read)
    p.paragraph("1 Estimated. 2 Restated. 3 Provisional. a Closed in May.", top - step * len(rows) - 20, size=8)
    return [p.content()], [(1, Placed(cells))]


def sample_comma():
    """A table whose numbers use a decimal comma and a point between thousands."""
    p = Page()
    y = p.title("Umsatz nach Region", 780)
    y = p.paragraph("Betraege in Euro; Anteile in Prozent des Gesamtumsatzes.", y - 26)
    t = Table(
        [
            ["Region", "Umsatz", "Anteil", "Menge"],
            ["Nord", "1.234,56", "12,5%", "1.200"],
            ["Sued", "987,10", "8,0%", "75"],
            ["West", "-2.500,00", "0,3%", "1.002"],
        ],
        widths=[100, 90, 70, 70],
        heights=[20] * 4,
        align="lrrr",
    )
    t.place(p, MARGIN, y - 24)
    return [p.content()], [(1, t)]


def sample_unruled():
    p = Page()
    y = p.title("Regional Summary", 790)
    y = p.paragraph(
        "This page holds two tables without a full grid of lines. The first has rules "
        "above and below its header and at its bottom only; the second aligns its "
        "columns by white space alone. Paragraphs, a list and the footer are not tables.",
        y - 24,
    )
    booktabs = Table(
        [
            ["Region", "Units", "Revenue", "Share"],
            ["North", "1,234", "56,789.00", "12.5%"],
            ["South", "987", "(56.00)", "8.0%"],
            ["East", "-7", "1,002.50", "0.3%"],
            ["West", "12,040", "310.75", "45.1%"],
        ],
        widths=[140, 80, 100, 80],
        heights=[18] * 5,
        align="lrrr",
        rules="booktabs",
    )
    y = booktabs.place(p, MARGIN, y - 20)
    y = p.paragraph(
        "The list below names the steps of the review, one per line; it is set with "
        "bullets and must not be taken for a table of two columns.",
        y - 28,
    )
    items = ["collect the regional returns", "check the totals against the ledger",
             "publish the summary", "archive the working files"]
    for k, item in enumerate(items):
        base = y - 22 - 14 * k
        p.text(MARGIN + 6, base, "\u2022")  # a bullet: 0x95 in WinAnsi
        p.text(MARGIN + 22, base, item)
    y = y - 22 - 14 * len(items)
    y = p.paragraph("Staff by office at the end of the year:", y - 18)
    borderless = Table(
        [
            ["Office", "Staff", "Opened"],
            ["Lisbon", "42", "1998"],
            ["Oslo", "17", "2004"],
            ["Tallinn", "8", "2015"],
            ["Valencia", "23", "2009"],
        ],
        widths=[140, 70, 90],
        heights=[16] * 5,
        align="lrr",
        rules="none",
    )
    y = borderless.place(p, MARGIN, y - 12)
    y = p.paragraph(
        "Staff counts include part-time employees as whole persons. Offices opened "
        "after the reporting date are not listed.",
        y - 26,
    )
    p.text(MARGIN, 40, "Annual report 2024")
    p.text(PAGE_W - MARGIN - 30, 40, "Page 1")
    return [p.content()], [(1, booktabs), (1, borderless)]
LEDGER_ACCOUNTS = ["Cash", "Receivables", "Inventory", "Prepaid rent", "Equipment", "Payables", "Accrued wages", "Loans"]


def ledger_rows(rng, n, first):
    """n ledger rows numbered from first: entry, account, debit, credit."""
    rows = []
    for i in range(first, first + n):
        amount = rng.next(900000) + 100
        debit, credit = (money(amount), "") if rng.next(2) else ("", money(amount))
        rows.append(["J-%04d" % i, LEDGER_ACCOUNTS[rng.next(len(LEDGER_ACCOUNTS))], debit, credit])
    return rows


LEDGER_HEADER = ["Entry", "Account", "Debit", "Credit"]
LEDGER_WIDTHS = [70, 150, 100, 100]


def footer(p, text):
    p.text((PAGE_W - text_width(text, "F1", 8)) / 2.0, 36, text, "F1", 8)


def continued_pages(parts, repeat_header, title):
    """One ledger table over len(parts) pages; parts[i] body rows on page i.
    Page 1 has a title and a paragraph above the table; later pages start with
    the table; every page has a footer; the last page has a note below."""
    rng = Lcg(20251123 + len(parts))
    pages, body, first = [], [], 1
    for pn, n in enumerate(parts, 1):
        p = Page()
        if pn == 1:
            y = p.title(title, 790)
            y = p.paragraph(
                "Journal entries of the period in posting order. Debits and credits are in "
                "euros; the table runs on over the following pages.",
                y - 24,
            ) - 22
        else:
            y = 800
        rows = ledger_rows(rng, n, first)
        first += n
        body += rows
        cells = ([LEDGER_HEADER] if pn == 1 or repeat_header else []) + rows
        t = Table(cells, widths=LEDGER_WIDTHS, heights=[18] * len(cells), align="llrr",
                  header_rows=1 if cells[0] == LEDGER_HEADER else 0)
        bottom = t.place(p, MARGIN, y)
        assert bottom > 50, "the table runs into the footer"
        if pn == len(parts):
            p.paragraph("End of the journal. Totals are carried to the trial balance.", bottom - 24)
        footer(p, "General ledger - page %d of %d" % (pn, len(parts)))
        pages.append(p.content())
    whole = Table([LEDGER_HEADER] + body, widths=LEDGER_WIDTHS, heights=[18] * (len(body) + 1), align="llrr")
    return pages, [(1, whole)]


def sample_continued_header():
    return continued_pages([36, 12], True, "General Ledger, March")


def sample_continued_plain():
    return continued_pages([36, 40, 9], False, "General Ledger, April")


def sample_continued_apart():
    """Page 1 ends with a ledger table; page 2 starts with a staff table of as
    many columns but other widths and header: they are two tables."""
    rng = Lcg(7)
    p1 = Page()
    y = p1.title("General Ledger, May", 790)
    y = p1.paragraph("Journal entries of the period in posting order.", y - 24) - 22
    rows = [LEDGER_HEADER] + ledger_rows(rng, 36, 1)
    ledger = Table(rows, widths=LEDGER_WIDTHS, heights=[18] * len(rows), align="llrr")
    ledger.place(p1, MARGIN, y)
    footer(p1, "Annual report - page 1 of 2")
    p2 = Page()
    names = ["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dara Kim", "Eli Novak", "Fay Moss"]
    staff_rows = [["Name", "Team", "Hours", "Rate"]]
    for i, name in enumerate(names):
        staff_rows.append([name, ["Audit", "Tax", "Payroll"][i % 3], str(120 + rng.next(60)), "%d.00" % (40 + rng.next(30))])
    staff = Table(staff_rows, widths=[160, 120, 60, 80], heights=[18] * len(staff_rows), align="llrr")
    bottom = staff.place(p2, MARGIN, 800)
    p2.paragraph("Hours are those booked to the engagement in May.", bottom - 24)
    footer(p2, "Annual report - page 2 of 2")
    return [p1.content(), p2.content()], [(1, ledger), (2, staff)]


POLLUTANTS = ["Arsenic", "Cadmium", "Chromium", "Copper", "Lead", "Mercury", "Nickel", "Zinc",
              "Alachlor", "Aldrin", "Atrazine", "Chlordane", "Diuron", "Endrin", "Lindane", "Mirex"]


def threshold_table(rng, names):
    """A pollutant threshold table: a group header over three media, each
    label over a column, then a row per pollutant."""
    head = [["", "Threshold for releases", "", ""], ["Pollutant", "to air", "to water", "to land"]]
    rows = [["%s %d" % (name, k + 1)] + [str(1 + rng.next(999)) for _ in range(3)] for k, name in enumerate(names)]
    cells = head + rows
    return Table(cells, widths=[170, 90, 90, 90], heights=[18] * len(cells), align="lrrr",
                 spans=[(0, 1, 1, 3)], header_rows=2)


def sample_continued_sections():
    """Two sections each with a heading and a table alike, one ending page 1
    and one starting page 2: two tables. Then one table over pages 3 and 4,
    page 4's part right under the running head: one table."""
    rng = Lcg(31)
    running_head = "Pollutant release register 2024 - page %d"
    pages, tables = [], []

    def page_with_head(pn):
        p = Page()
        p.text(MARGIN, 812, running_head % pn, "F1", 9)
        return p

    def section(p, heading, top, names):
        p.text(MARGIN, top, heading, "F2", 12)
        t = threshold_table(rng, names)
        return t, t.place(p, MARGIN, top - 12)

    p1 = page_with_head(1)
    y = p1.title("Release thresholds", 780)
    y = p1.paragraph("Each group of pollutants has its own table of thresholds, in kilograms a year, "
                     "for releases to air, water and land.", y - 24)
    t1, bottom = section(p1, "Heavy metals", y - 40, POLLUTANTS[:8] * 3)
    assert bottom < 842 / 3 and bottom > 50
    p2 = page_with_head(2)
    t2, _ = section(p2, "Pesticides", 780, POLLUTANTS[8:] * 2)
    pages += [p1.content(), p2.content()]
    tables += [(1, t1), (2, t2)]

    p3 = page_with_head(3)
    y = p3.title("Permits issued", 780)
    y = p3.paragraph("Thresholds set in permits, by pollutant, over the next two pages.", y - 24)
    first = threshold_table(rng, POLLUTANTS * 2)
    bottom = first.place(p3, MARGIN, y - 30)
    assert bottom < 842 / 3 and bottom > 50
    p4 = page_with_head(4)
    rest = [["%s %d" % (n, k + 1)] + [str(1 + rng.next(999)) for _ in range(3)] for k, n in enumerate(POLLUTANTS[:10])]
    part = Table(rest, widths=[170, 90, 90, 90], heights=[18] * len(rest), align="lrrr", header_rows=0)
    part.place(p4, MARGIN, 800)
    pages += [p3.content(), p4.content()]
    whole_cells = first.cells + rest
    whole = Table(whole_cells, widths=first.widths, heights=[18] * len(whole_cells), align="lrrr",
                  spans=first.spans, header_rows=2)
    tables.append((3, whole))
    p5, reactions = section_at_the_foot_page()
    pages.append(p5)
    tables.append((5, reactions))
    return pages, tables


def section_at_the_foot_page():
    """A ruled table of reactions by frequency under section headings
    across it, the last heading in the last row (its reactions go on over
    the page): the heading is a row of the table."""
    p = Page()
    y = p.title("Adverse reactions", 790)
    cells = [["Reaction", "Adults", "Children"],
             ["Blood disorders", "", ""],
             ["Anaemia", "Common", "Rare"],
             ["Thrombocytopenia", "Uncommon", "Rare"],
             ["Nervous system disorders", "", ""],
             ["Headache", "Common", "Common"],
             ["Dizziness", "Uncommon", "Common"],
             ["Skin disorders", "", ""]]
    spans = [(r, 0, 1, 3) for r in (1, 4, 7)]
    t = Table(cells, widths=[200, 90, 90], heights=[18] * len(cells), align="lll", spans=spans)
    t.place(p, MARGIN, y - 30)
    return p.content(), t


def sample_framed():
    """Issue 12, class 1: a trial report. Its particulars (label, value) line
    up with the columns of the results below them, a row's height apart,
    which are set without a ruling inside but in a box. The box says where
    the results start: the particulars are a table of their own, not rows of
    the results. The report's title is bold faked by printing it four times
    a fraction of a point apart (read once)."""
    rng = Lcg(47)
    p = Page()
    for dx, dy in ((0, 0), (0.3, 0), (0, 0.3), (0.3, 0.3)):
        p.text(MARGIN + dx, 790 + dy, "2024 Variety Trial - North Field", "F2", 14)
    particulars = Table([["Previous crop:", "Soybean", "Planted:", "May 15"],
                         ["Soil:", "Clay loam", "Harvested:", "Oct 3"],
                         ["Tillage:", "Fall till", "Rate:", "140,000"],
                         ["Pests:", "None", "Stand:", "122,900"]],
                        widths=[110, 100, 80, 80], heights=[16] * 4, align="llll", header_rows=0, rules="none")
    particulars.place(p, MARGIN, 770)
    brands = ["Kestrel", "Harrow", "Meridian", "Pioneer Ridge", "Stillwater", "Oakmont"]
    rows = [["Brand", "Product", "Maturity", "Yield", "Moisture"]]
    for k in range(14):
        rows.append([brands[k % len(brands)], "KX-%d" % (1000 + rng.next(8999)),
                     "%d.%d" % (1 + rng.next(2), rng.next(10)), "%d.%d" % (40 + rng.next(20), rng.next(10)),
                     "%d.%d" % (6 + rng.next(3), rng.next(10))])
    results = Table(rows, widths=[110, 100, 80, 80, 80], heights=[16] * len(rows), align="llrrr", rules="none")
    top = 700
    bottom = results.place(p, MARGIN, top)
    # The box, a few points out from the table.
    p.ops.append("q 0.8 w %s %s %s %s re S Q" % (fmt(MARGIN - 4), fmt(bottom - 4), fmt(450 + 8), fmt(top - bottom + 8)))
    p.paragraph("Yields in bushels an acre at 15.5% moisture; the average of three replications.", bottom - 30)
    stacked, stacked_tables = stacked_boxes_page(rng)
    return [p.content(), stacked], [(1, particulars), (1, results)] + [(2, t) for t in stacked_tables]


def stacked_boxes_page(rng):
    """Two tables each in a box, one stacked over the other, without rulings
    inside, the upper one narrower; over them a title and, at the page's
    right edge past the upper box, the month. Their columns line up where
    they share them, so the text reads as one table: the boxes say where
    each starts, and the title line is neither's row."""
    p = Page()
    title = "4. Monthly Flight Operations"
    p.text(MARGIN, 790, title, "F1", 12)
    month = "Mar-2024"
    p.text(PAGE_W - MARGIN - text_width(month, "F1", 12), 790, month, "F1", 12)
    causes = ["Weather", "Technical", "Other causes"]

    def boxed(top, header, width_of_figures, n_cols):
        rows = [header]
        for k in range(9):
            rows.append([causes[k % 4 - 1] if k % 4 else "Flights %s" % ("delayed", "cancelled", "diverted")[k // 4]]
                        + ["{:,}".format(rng.next(3000)) for _ in range(n_cols)])
        table = Table(rows, widths=[130] + [width_of_figures] * n_cols, heights=[16] * len(rows),
                      align="l" + "r" * n_cols, rules="none")
        bottom = table.place(p, MARGIN, top)
        width = 130 + width_of_figures * n_cols
        p.ops.append("q 0.8 w %s %s %s %s re S Q" % (fmt(MARGIN - 4), fmt(bottom - 4), fmt(width + 8), fmt(top - bottom + 8)))
        return table, bottom

    upper, bottom = boxed(760, ["Route", "Domestic", "International", "Total"], 70, 3)
    lower, _ = boxed(bottom - 12, ["Route", "Domestic", "International", "Regional", "Charter", "Total"], 70, 5)
    return p.content(), [upper, lower]


# Content matrices that draw a landscape page (842 wide, 595 high) onto the
# portrait MediaBox so that it reads upright once the viewer applies /Rotate.
LANDSCAPE_CM = {90: "0 1 -1 0 %d 0 cm" % PAGE_W, 270: "0 -1 1 0 0 %d cm" % PAGE_H}


def sample_rotated():
    pages, tables = [], []
    # (how the content is drawn, the page's /Rotate): the first two read
    # upright once the viewer applies /Rotate; the last two are printed
    # sideways, to be read by turning the page.
    layouts = [(90, 90), (270, 270), (90, 0), (270, 0)]
    for pn, (drawn, rotate) in enumerate(layouts, 1):
        p = Page()
        p.ops.append("q " + LANDSCAPE_CM[drawn])
        what = "/Rotate %d" % rotate if rotate else "printed sideways"
        y = p.title("Capacity by Plant (landscape, %s)" % what, 540)
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
        rows = [["Plant"] + months]
        for k, plant in enumerate(["Linz", "Graz", "Brno", "Porto", "Turku"]):
            rows.append([plant] + ["{:,}".format(1000 + 37 * (k + 1) * (m + pn)) for m in range(len(months))])
        t = Table(rows, widths=[100] + [75] * len(months), heights=[20] * len(rows), align="l" + "r" * len(months))
        t.place(p, MARGIN, y - 30)
        p.ops.append("Q")
        pages.append(p.content())
        tables.append((pn, t))
    return pages, tables, [rotate for _, rotate in layouts]


def sample_charts():
    p = Page()
    y = p.title("Population and Output", 790)
    y = p.paragraph(
        "The first figure shows the population by age group as stacked bars, each "
        "share printed on its bar; the labels line up like columns but are a chart.",
        y - 24,
    )
    # A stacked bar chart: a year, then three shaded segments with their
    # shares printed centred on them; an axis with ticks below.
    x0, scale = MARGIN + 50, 3.6  # points per percent
    top = y - 30
    shares = [(30.5, 49.0, 20.5), (29.7, 48.6, 21.7), (28.7, 46.3, 25.0), (27.2, 45.0, 27.8)]
    for k, row in enumerate(shares):
        base = top - 24 * k
        p.text(MARGIN, base - 14 + 4, str(2001 + 4 * k))
        left = x0
        for share, grey in zip(row, ("1", "0.9", "0.8")):
            width = share * scale
            p.ops.append("q %s g 0 G 0.6 w %s %s %s %s re B Q" % (grey, fmt(left), fmt(base - 16), fmt(width), fmt(16)))
            label = "%.1f" % share
            p.text(left + (width - text_width(label, "F1", 9)) / 2, base - 12, label, size=9)
            left += width
    axis = top - 24 * len(shares) + 2
    p.ops.append("q 0.6 w 0 G")
    p.line(x0, axis, x0 + 100 * scale, axis)
    for t in range(0, 101, 20):
        p.line(x0 + t * scale, axis, x0 + t * scale, axis - 4)
    p.ops.append("Q")
    for t in range(0, 101, 20):
        label = "%d%%" % t
        p.text(x0 + t * scale - text_width(label, "F1", 9) / 2, axis - 14, label, size=9)
    y = p.paragraph("Output by sector, in billions, is in the table below.", axis - 60)
    table = Table(
        [
            ["Sector", "2022", "2023", "2024"],
            ["Farming", "12.4", "11.9", "12.8"],
            ["Industry", "88.0", "91.3", "90.2"],
            ["Services", "140.7", "146.2", "151.9"],
        ],
        widths=[140, 70, 70, 70],
        heights=[16] * 4,
        align="lrrr",
        rules="booktabs",
    )
    y = table.place(p, MARGIN, y - 16)
    y = p.paragraph("The second figure plots the yearly output and exports.", y - 28)
    # A line chart standing on its axis (two series with square markers),
    # year labels under it, a legend.
    base, width = y - 120, 360
    series = [[6, 18, 12, 30, 42, 36], [22, 10, 26, 20, 14, 28]]
    step = width / (len(series[0]) - 1)
    for k, values in enumerate(series):
        pts = [(x0 + i * step, base + v) for i, v in enumerate(values)]
        path = " ".join("%s %s %s" % (fmt(x), fmt(yy), "m" if i == 0 else "l") for i, (x, yy) in enumerate(pts))
        p.ops.append("q %s w 0 G %s S Q" % ("1.2" if k == 0 else "0.8", path))
        for x, yy in pts:
            p.ops.append("q 0 g %s %s 4 4 re f Q" % (fmt(x - 2), fmt(yy - 2)))
    p.ops.append("q 0.6 w 0 G")
    p.line(x0, base, x0 + width, base)
    p.ops.append("Q")
    for i in range(len(series[0])):
        label = str(2019 + i)
        p.text(x0 + i * step - text_width(label, "F1", 9) / 2, base - 12, label, size=9)
    p.ops.append("q 1.2 w 0 G")
    p.line(x0, base - 30, x0 + 14, base - 30)
    p.ops.append("Q q 0.8 w 0 G")
    p.line(x0 + 200, base - 30, x0 + 214, base - 30)
    p.ops.append("Q")
    p.text(x0 + 20, base - 33, "output, billions", size=9)
    p.text(x0 + 220, base - 33, "exports, billions", size=9)
    p.paragraph("Both figures use the national accounts of the year after.", base - 60)
    return [p.content(), framed_charts_page()], [(1, table)]


def framed_charts_page():
    """Three framed line charts (issue 12, class 3): tick values left of
    each frame, a legend right of it level with its top, its entries on
    the ticks' rows; the legend's line samples are short rules."""
    p = Page()
    y = p.title("Scores by group", 790)
    y = p.paragraph("Mean scores by gender, year of study and status; higher is worse.", y - 24)
    legends = [
        ("Gender", ["Male", "Female"]),
        ("Year", ["1st year", "2nd year", "3rd-5th year"]),
        ("Status", ["Long term", "Dating", "Single"]),
    ]
    x0, width, height, pitch = MARGIN + 30, 300, 150, 25
    series = [[1.0, 1.1, 2.2, 2.1, 1.0, 0.2], [0.9, 0.9, 1.8, 1.7, 0.8, 0.1], [1.2, 1.0, 2.0, 1.9, 0.9, 0.3]]
    top = y - 30
    for title, entries in legends:
        bottom = top - height
        p.ops.append("q 0.6 w 0 G %s %s %s %s re S Q" % (fmt(x0), fmt(bottom), fmt(width), fmt(height)))
        for k in range(7):
            v = 3.0 - 0.5 * k
            label = "%g-" % v
            p.text(x0 - 4 - text_width(label, "F1", 9), top - pitch * k - 3, label, size=9)
        step = width / (len(series[0]) + 1)
        for k, values in enumerate(series[: len(entries)]):
            pts = [(x0 + (i + 1) * step, bottom + height * v / 3.0) for i, v in enumerate(values)]
            path = " ".join("%s %s %s" % (fmt(px), fmt(py), "m" if i == 0 else "l") for i, (px, py) in enumerate(pts))
            p.ops.append("q %s w 0 G %s S Q" % ("1.2" if k == 0 else "0.5", path))
        lx = x0 + width + 12
        p.text(lx, top - 3, title, font="F2", size=9)
        for k, entry in enumerate(entries):
            ly = top - 3 - pitch * (k + 1)
            p.ops.append("q 0.8 w 0 G")
            p.line(lx, ly + 3, lx + 12, ly + 3)
            p.ops.append("Q")
            p.text(lx + 16, ly, entry, size=9)
        top = bottom - 40
    p.paragraph("Figure 3: scores of negative feelings by group, on a scale of 0 to 3.", top + 20)
    return p.content()


class Placed:
    """Expected cells (and spans) of a table drawn by hand."""

    def __init__(self, cells, spans=()):
        self.cells, self.spans = cells, [list(s) for s in spans]

    def expected(self, page_no):
        return {"page": page_no, "cells": [list(r) for r in self.cells], "spans": self.spans}


def sample_narrow_gap():
    p = Page()
    y = p.title("Open Invoices", 790)
    y = p.paragraph(
        "Amounts are right-aligned and the status follows a word space after the "
        "widest of them: two columns, not one.",
        y - 24,
    )
    rows = [
        ["Invoice", "Amount", "Status", "Owner"],
        ["INV-1001", "28.29", "Pending", "Ana Lima"],
        ["INV-1002", "1,204.50", "Paid", "Ben Okafor"],
        ["INV-1003", "310.00", "Overdue", "Chen Wei"],
        ["INV-1004", "7.15", "Pending", "Dana Cruz"],
        ["INV-1005", "12,980.00", "Paid", "Eli Stone"],
    ]
    amount_right = MARGIN + 150
    status_left = amount_right + 2.5  # a word space after the widest amount
    places = [(MARGIN + 3, "l"), (amount_right, "r"), (status_left, "l"), (MARGIN + 260, "l")]
    bottom = placed_rows(p, y - 24, rows, places, 340)
    p.paragraph("Invoices paid after the end of the month are listed as open.", bottom - 30)
    first_page = p.content()

    # Figures set right a little past their heading, set left, and less
    # than a column gap before the codes beside them; the longest codes
    # nearly touch the dates after them. Then a spreadsheet's printout,
    # headings centred, rows set close, the first rows' amounts blank.
    p = Page()
    y = p.title("Contracts by Category", 790)
    contracts = [
        ["Category", "Variance", "Contract", "Period end"],
        ["Volume", "54,632.9", "REF-84238", "2023-06-16"],
        ["Delta", "-6.6", "SKU-24463-001", "2015-05-08"],
        ["Payable", "123,260.2", "B7-69576", "2019-02-22"],
        ["Label", "-1.7", "C-38296", "2024-04-21"],
        ["Account", "-79,042.9", "TR-28985-002", "2019-06-25"],
    ]
    variance_left = MARGIN + 90
    figures_right = variance_left + text_width("Variance", "F2", 9) + 3
    contract_left = figures_right + 6.5  # less than a column gap
    date_left = contract_left + max(text_width(r[2], "F1", 9) for r in contracts[1:]) + 6
    places = [(MARGIN + 3, "l"), (figures_right, "r"), (contract_left, "l"), (date_left, "l")]
    header_at = [MARGIN + 3, variance_left, contract_left, date_left]
    y = placed_rows(p, y - 24, contracts, places, 320, header_at=header_at)
    y = p.paragraph("Stock items, as exported from the ledger:", y - 36)
    stock = [
        ["Item", "Amount"],
        ["Gross", ""],
        ["Warehouse", ""],
        ["Interest", "1,283,099"],
        ["Procurement Trade", "-2,379,097"],
        ["Rate", "0"],
        ["Rebate", "415"],
        ["Partner south", ""],
        ["Branch market balance", "86,177"],
        ["Equity audit", "157"],
    ]
    places = [(MARGIN + 3, "l"), (MARGIN + 170, "r")]
    placed_rows(p, y - 20, stock, places, 175, step=12, header_at=centred_over(stock, places), rules=False)
    second_page = p.content()

    # Telephone numbers set right a little more than a word space before
    # the dates set left; the dates' heading begins left of them, so only
    # the rows under it leave the gap free. Then group headings, each
    # centred over two column titles, a word space of each where the
    # columns under it part.
    p = Page()
    y = p.title("Depot Contacts", 790)
    contacts = [
        ["Depot", "Telephone", "Renewal"],
        ["North Yard", "(301) 555-0142", "2025/03/04"],
        ["Harbour", "-", "2026/11/27"],
        ["Old Mill", "(301) 555-7781", "2025/06/14"],
        ["Ring Road", "(415) 555-2390", "2027/01/30"],
        ["Airport", "(212) 555-0019", "2025/09/02"],
    ]
    phone_right = MARGIN + 170
    date_left = phone_right + 5.0  # wider than a space (2.5), narrower than a column gap
    places = [(MARGIN + 3, "l"), (phone_right, "r"), (date_left, "l")]
    header_at = [MARGIN + 3, phone_right - text_width("Telephone", "F2", 9) - 3, date_left - 2.5]
    y = placed_rows(p, y - 24, contacts, places, 240, header_at=header_at, rules=False)
    y = p.paragraph("Households surveyed, in thousands:", y - 36)
    survey = [
        ["", "Survey 3 (2018-19)", "", "Survey 4 (2022-23)", ""],
        ["Region", "Owned", "Rented", "Owned", "Rented"],
        ["Coast", "48.1", "40.5", "52.7", "43.0"],
        ["Hills", "12.7", "10.0", "13.9", "10.8"],
        ["Plains", "61.2", "47.3", "64.8", "49.9"],
    ]
    places = [(MARGIN + 3, "l"), (MARGIN + 150, "r"), (MARGIN + 200, "r"),
              (MARGIN + 270, "r"), (MARGIN + 320, "r")]
    # Each heading's word space midway between its two columns' text.
    header_at = [MARGIN + 3]
    for c in (1, 3):
        first, second = places[c][0], places[c + 1][0] - text_width("Rented", "F1", 9)
        head = survey[0][c]
        before = text_width(head.split(" (")[0], "F2", 9)
        header_at += [(first + second) / 2.0 - before - text_width(" ", "F2", 9) / 2.0, 0]
    placed_rows(p, y - 20, survey, places, 330, header_at=header_at, rules=False)
    third_page = p.content()

    # A printout of two columns sized to their text: the widest figure,
    # in brackets, runs up to its long label, closer than a column gap;
    # the row under it has no figure.
    p = Page()
    y = p.title("Fund Flows", 790)
    flows = [
        ["Fund", "Net flow"],
        ["Harbour Bond", "1,240.10"],
        ["Orchard Growth", "(86.75)"],
        ["Civic Income", "310.00"],
        ["Lantern Cash", ""],
        ["Summit Index", "72.45"],
        ["Meridian Equity Plus", "(1,905,442.60)"],
        ["Willow Reserve", ""],
        ["Granite Value", "4,418.02"],
        ["Tidewater Balanced", "(12.30)"],
        ["Beacon Short Term", "9,006.44"],
    ]
    longest = max(text_width(r[0], "F1", 9) for r in flows[1:])
    widest = max(text_width(r[1], "F1", 9) for r in flows[1:])
    figures_right = MARGIN + 3 + longest + 6.0 + widest  # 0.67 em after the longest
    places = [(MARGIN + 3, "l"), (figures_right, "r")]
    placed_rows(p, y - 30, flows, places, figures_right - MARGIN + 3, step=13,
                header_at=centred_over(flows, places), rules=False)
    fourth_page = p.content()

    # Chinese department names beside English functions, booktabs: the
    # longest names run up to the functions, 3 pt short of them.
    p = Page()
    y = p.title("Departments", 790)
    departments = [
        ["部门", "Function"],
        ["财务", "Accounts"],
        ["采购", "Buying Office"],
        ["物流", "Transport"],
        ["人力资源部", "People and Pay"],
        ["研发中心", "Product Design"],
        ["市场营销部门", "Brand and Sales"],
        ["信息技术部", "Systems"],
        ["客户服务中心", "Help Desk"],
    ]
    size, left = 9, MARGIN + 3
    second = left + max(text_width(r[0], "F1", size) for r in departments) + 3.0  # ideographs are square
    right = second + max(text_width(r[1], "F2", size) for r in departments) + 3
    booktabs_set_close(p, y - 30, departments, [(left, "l"), (second, "l")], right,
                       lambda k, c: "F5" if c == 0 else ("F2" if k == 0 else "F1"))
    fifth_page = p.content()

    # The same in a middle column, before codes that run up to a status in
    # turn: the longest name and code 0.8 em short of what follows them,
    # under a row whose department is empty.
    p = Page()
    y = p.title("Cost Centres", 790)
    centres = [
        ["Region", "部门", "Code", "Status", "Staff"],
        ["North", "财务", "FN-210", "Open", "14"],
        ["Coast", "", "GN-007", "Closed", "3"],
        ["Coast", "客户服务中心", "CS-11842", "Open", "41"],
        ["West", "物流", "LG-452", "Draft", "26"],
        ["West", "研发", "RD-300", "Open", "58"],
        ["South", "人力资源", "HR-015", "Closed", "9"],
        ["South", "采购", "PU-620", "Draft", "12"],
    ]
    size = 9
    lefts = [MARGIN + 3, MARGIN + 70]
    for c in (1, 2):
        lefts.append(lefts[c] + max(text_width(r[c], "F1", size) for r in centres) + 7.0)
    staff = lefts[3] + max(text_width(r[3], "F1", size) for r in centres) + 40
    booktabs_set_close(p, y - 30, centres, [(x, "l") for x in lefts] + [(staff, "r")], staff + 3,
                       lambda k, c: "F5" if c == 1 else ("F2" if k == 0 else "F1"))
    sixth_page = p.content()

    # Codes centred in their column, each status set left a little past
    # the widest: that code runs up to its status, 0.6 em short of it.
    p = Page()
    y = p.title("Invoice States", 790)
    states = [
        ["Invoice", "State"],
        ["B7-509", "On hold"],
        ["C-982", "进行中"],
        ["HX-245", "Awaiting approval"],
        ["K2-182", "Closed"],
        ["PO-196", "已完成"],
        ["HX-38342", "Closed"],
    ]
    size, left = 9, MARGIN + 3
    widest = max(text_width(r[0], "F1", size) for r in states)
    state = left + widest + 0.6 * size
    right = state + max(text_width(r[1], "F1", size) for r in states if r[1].isascii()) + 3
    booktabs_set_close(p, y - 30, states, [(left + widest / 2, "c"), (state, "l")], right,
                       lambda k, c: "F2" if k == 0 else ("F5" if c == 1 and k in (2, 5) else "F1"))
    seventh_page = p.content()
    eighth_page, first_rows = first_rows_run_in_page()

    # A printout of two columns of codes, each column as wide as its widest
    # code and 0.6 em more: two rows running, one under the other, have
    # the widest codes, each a single word, so no word space is there to
    # tell the column gap from.
    p = Page()
    y = p.title("Transfers", 790)
    transfers = [["Code", "Invoice"]] + [
        [f"{a}-{n}", f"{b}-{m}"]
        for a, n, b, m in [
            ("A", 41596, "PO", 18404), ("K2", 94927, "C", 27409), ("B7", 8074, "TR", 66758),
            ("SKU", 84414, "K2", 34239), ("C", 70419, "HX", 41351), ("REF", 53034, "PO", 34479),
            ("SKU", 90888, "PO", 62162), ("HX", 8141, "K2", 12355), ("C", 5861, "C", 54286),
            ("REF", 38450, "A", 79947), ("K2", 20697, "INV", 41789),
        ]
    ]
    size, left = 9, MARGIN + 3
    second = left + max(text_width(r[0], "F1", size) for r in transfers) + 0.6 * size
    right = second + max(text_width(r[1], "F1", size) for r in transfers) + 3
    placed_rows(p, y - 30, transfers, [(left, "l"), (second, "l")], right - MARGIN, step=14,
                rules=False)
    ninth_page = p.content()

    # A printout whose every column is as wide as its widest cell and 0.7 em
    # more: the widest codes run up to a status centred in its column, and
    # figures run up to the Chinese names and codes after them, so the spaces
    # run into on the rows around are no word spaces to go by.
    p = Page()
    y = p.title("Ledger Exceptions", 790)
    ledger = [
        ["ID", "Stage", "Variance", "客户", "Income", "Ref.", "Status", "Share"],
        ["A-28547", "Open", "-681.69", "银行库存管理", "28,459", "TR-18062", "Approved", "93.29%"],
        ["A-19826", "Draft", "-69.27", "物流物流零售", "1", "HX-81652", "Approved", "-0.28%"],
        ["REF-18273", "On hold", "-9.14", "合计采购", "15,452", "K2-74406", "Done", "-3%"],
        ["PO-52301", "Closed", "-2,889.26", "其他税务", "2,159", "A-77278", "", "21.37%"],
        ["INV-61351", "On hold", "-3.88", "利润费用市场", "2,726,299", "SKU-78654", "Approved", "-5.81%"],
        ["B7-36894", "Draft", "15.95", "结算", "0", "B7-3019", "", "82.95%"],
        ["TR-39841", "Open", "-95.96", "", "46,955", "B7-18058", "Done", "-16.63%"],
    ]
    size, x, places = 9, MARGIN + 3, []
    font_of = lambda k, c: "F5" if c == 3 else ("F2" if k == 0 else "F1")
    for c, align in enumerate("lcrlrllr"):
        width = max(text_width(r[c], "F2" if k == 0 else "F1", size) for k, r in enumerate(ledger))
        places.append((x + {"l": 0, "c": width / 2, "r": width}[align], align))
        x += width + 0.7 * size
    booktabs_set_close(p, y - 30, ledger, places, x, font_of)
    tenth_page = p.content()

    # Headings centred over their columns, the first column's widest entry,
    # two words, in the first row under the header and 0.7 em short of the
    # next column, whose entry there is short, ending before that column's
    # heading starts; rows set loosely, two lines' gap apart, so the row
    # under the header's holds the table together: under booktabs rules,
    # then under a header band.
    p = Page()
    y = p.title("Service Areas", 790)
    areas = [
        ["Area", "Provider"],
        ["Harbour district", "Vale"],
        ["Hills", "Northern Grid Cooperative"],
        ["Airport", "Metro Utilities"],
        ["Old town", "Riverside Power"],
    ]
    size, left = 9, MARGIN + 3
    second = left + text_width(areas[1][0], "F1", size) + 0.7 * size
    places = [(left, "l"), (second, "l")]
    y = placed_rows(p, y - 30, areas, places, 250, step=19, header_at=centred_over(areas, places))
    y = p.paragraph("Depots by region, as listed in the last survey:", y - 30)
    depots = [
        ["Region", "Depot"],
        ["Upper valley", "Ash"],
        ["Coast", "Pier Road"],
        ["Plains", "Junction Yard Annex"],
        ["Lakes", "Mill Lane"],
    ]
    second = left + text_width(depots[1][0], "F1", size) + 0.7 * size
    places = [(left, "l"), (second, "l")]
    placed_rows(p, y - 20, depots, places, 200, step=19, header_at=centred_over(depots, places),
                rules=False)
    eleventh_page = p.content()
    twelfth_page, journal = typed_printout_widest_last_page()
    thirteenth_page, parts, remarks = spaced_headings_and_comments_page()
    fourteenth_page, branches = one_figure_a_row_page()
    fifteenth_page, orders = figures_close_before_dates_page()
    sixteenth_page, categories = heading_where_short_entries_end_page()
    seventeenth_page, shares = title_broken_off_page()
    eighteenth_page, units = units_across_gutters_page()
    return [first_page, second_page, third_page, fourth_page, fifth_page, sixth_page, seventh_page,
            eighth_page, ninth_page, tenth_page, eleventh_page, twelfth_page, thirteenth_page,
            fourteenth_page, fifteenth_page, sixteenth_page, seventeenth_page, eighteenth_page], [
        (1, Placed(rows)),
        (2, Placed(contracts)),
        (2, Placed(stock)),
        (3, Placed(contacts)),
        (3, Placed(survey, spans=[(0, 1, 1, 2), (0, 3, 1, 2)])),
        (4, Placed(flows)),
        (5, Placed(departments)),
        (6, Placed(centres)),
        (7, Placed(states)),
    ] + [(8, Placed(t)) for t in first_rows] + [(9, Placed(transfers)), (10, Placed(ledger)),
                                                (11, Placed(areas)), (11, Placed(depots)),
                                                (12, Placed(journal)), (13, Placed(parts)),
                                                (13, Placed(remarks)), (14, Placed(branches)),
                                                (15, Placed(orders)), (16, Placed(categories)),
                                                (17, Placed(shares))] + [(18, t) for t in units]


def typed_printout_widest_last_page():
    """A journal typed in Courier, every column as wide as its widest entry
    and a space and a quarter more, on bands of shading every second row;
    the last row, unshaded, holds the widest entry of every column, so its
    cells stand hardly further apart than its words, one run of text.
    Returns the page and the table's cells."""
    p = Page()
    y = p.title("Journal Entries", 790)
    y = p.paragraph("Entries posted in the period, as printed by the ledger:", y - 24)
    size, step = 7.5, 17.5
    journal = [
        ["Account", "Voucher", "Rate", "Balance", "Posted"],
        ["Rent", "JV-2210", "4.5%", "1.20", "2024-01-31"],
        ["Utilities", "JV-31877", "11.0%", "88.75", "2023-11-30"],
        ["Travel", "JV-4402", "", "16.05", "2022-07-15"],
        ["Office supplies", "AP-55190", "-12.5%", "905,311.48", "2021-09-01"],
    ]
    gap = 1.25 * text_width(" ", "F4", size)
    x, places = MARGIN + 3, []
    for c, align in enumerate("llrrl"):
        width = max(text_width(r[c], "F4", size) for r in journal)
        places.append((x + (width if align == "r" else 0), align))
        x += width + gap
    top = y - 24
    for k in range(0, len(journal) - 1, 2):
        grey = 0.3 if k == 0 else 0.9
        p.ops.append("q %s g %s %s %s %s re f Q" % (fmt(grey), fmt(MARGIN), fmt(top - step * (k + 1)),
                                                   fmt(x - MARGIN), fmt(step)))
    for k, row in enumerate(journal):
        base = top - step * k - 12
        for text, (cx, align) in zip(row, places):
            if text:
                if k == 0:  # white on the dark band
                    p.ops.append("q 1 g")
                p.text(cell_start(cx, align, text_width(text, "F4", size)), base, text, "F4", size)
                if k == 0:
                    p.ops.append("Q")
    p.paragraph("Balances are in euro; vouchers without a rate carry none.", top - step * len(journal) - 14)
    return p.content(), journal


def widest_places(rows, aligns, size, gap_after):
    """Each column's (x, align) for placed_rows when every column is as wide
    as its widest entry (the header's in bold) and gap_after(align) more,
    from the margin; and where the last column's gap ends."""
    x, places = MARGIN + 3, []
    for c, align in enumerate(aligns):
        width = max(text_width(r[c], "F2" if k == 0 else "F1", size) for k, r in enumerate(rows))
        places.append((x + (width if align == "r" else 0), align))
        x += width + gap_after(align)
    return places, x


def spaced_headings_and_comments_page():
    """Headings of one word each over columns as wide as their widest entry
    and 0.75 em more: the first headings, one word a column, stand one
    wide space apart as one run of text, and a margin's heading, set right
    over narrower figures, starts left of the midpoint between the columns
    of figures. Then amounts set right 0.75 em before comments of nine or
    ten words, as long as a paragraph's lines. Returns the page and the two
    tables' cells."""
    p = Page()
    y = p.title("Parts and Suppliers", 790)
    size = 10.5
    parts = [
        ["Item", "Cost", "Margin", "Supplier", "Terms"],
        ["Valve", "310", "4", "Harbour Fittings Ltd", "net 30"],
        ["Gasket", "(6)", "(18)", "Local", "net 60"],
        ["Pump", "0", "0", "Standard Hydraulics", "prepaid"],
        ["Seal", "27", "12", "Kerr and Sons", "net 30"],
    ]
    places, x = widest_places(parts, "lrrll", size, lambda align: 0.75 * size)
    y = placed_rows(p, y - 24, parts, places, x - MARGIN, size=size, step=20)
    y = p.paragraph("Revenue by region, with the branch's comments:", y - 30)
    remarks = [
        ["Region", "Revenue", "Comments"],
        ["North", "1,389", "rebate on the price agreed with the east office in May"],
        ["South", "41,117", "sales to retail outlets audited by the branch office"],
        ["West", "108", "growth slowed after the supply contract was renewed"],
        ["East", "7,204", "fixed rate on the new warehouse lease from June"],
    ]
    revenue_right = MARGIN + 80
    places = [(MARGIN + 3, "l"), (revenue_right, "r"), (revenue_right + 0.75 * 9, "l")]
    placed_rows(p, y - 20, remarks, places, 330)
    return p.content(), parts, remarks


def one_figure_a_row_page():
    """A spreadsheet printed on bands of shading: columns of Chinese names
    and categories, dates and a share, every column as wide as its widest
    entry and 0.75 em more, headings centred. A row holds one figure at
    most, its share, until a date typed with points makes two; in a row
    above that the widest name and the widest category stand 0.75 em
    apart (one run of text), which the rows above (one without a share,
    one whose share runs on from its date) do not part; it stands centred
    over the name and category of the row below as a heading over two
    titles. Returns the page and the table's cells."""
    p = Page()
    y = p.title("Branch Register", 790)
    y = p.paragraph("Branches by name and category, with the date each opened and its share:", y - 24)
    size, step = 7.5, 17.5
    branches = [
        ["Branch", "名称", "类别", "Opened", "Share", "Ref"],
        ["Cash", "客户", "南京", "2017-01-26", "", "K2-15747"],
        ["Debit", "广州", "银行总部管理", "2018-10-07", "-17.0%", "C-17859"],
        ["East", "其他现金华北", "年度软件成都", "2015-03-02", "12.0%", "INV-46116"],
        ["Audit", "预算费用", "预算西部库存", "2015-11-11", "21.3%", "PO-95414"],
        ["Unit", "广州国内负债", "总部仓储", "2015-04-18", "82.0%", "A-21613"],
        ["Trade", "税务制造", "市场华北", "2025-05-11", "-31.0%", "HX-94465"],
        ["Carrier", "小计", "北京", "27.02.2018", "21.4%", "INV-69764"],
        ["Fund", "制造海外", "其他利润", "2017-07-26", "-19.0%", "TR-79550"],
    ]
    gap = 0.75 * size
    x, places = MARGIN + 3, []
    for c, align in enumerate("llllrl"):
        width = max(text_width(r[c], "F2" if k == 0 else "F1", size) for k, r in enumerate(branches))
        places.append((x + (width if align == "r" else 0), align, width))
        x += width + gap
    top = y - 24
    for k in range(0, len(branches), 2):
        grey = 0.3 if k == 0 else 0.94
        p.ops.append("q %s g %s %s %s %s re f Q" % (fmt(grey), fmt(MARGIN), fmt(top - step * (k + 1)),
                                                   fmt(x - MARGIN), fmt(step)))
    for k, row in enumerate(branches):
        base = top - step * k - 11.5
        for c, (text, (cx, align, width)) in enumerate(zip(row, places)):
            if not text:
                continue
            latin = "F2" if k == 0 else "F1"
            font = "F5" if c in (1, 2) else latin
            own = text_width(text, latin, size)  # (ideographs are square in any)
            if k == 0:  # centred titles, white on the dark band
                start = cx - (width if align == "r" else 0) + (width - own) / 2
                p.ops.append("q 1 g")
                p.text(start, base, text, font, size)
                p.ops.append("Q")
            else:
                p.text(cell_start(cx, align, own), base, text, font, size)
    p.paragraph("Shares are of the region's deposits at the end of the year.", top - step * len(branches) - 14)
    return p.content(), branches


def figures_close_before_dates_page():
    """A booktabs table whose costs and amounts, set right, stand 0.73 em
    before the states and dates set left after them, titles set as their
    columns: every title runs into the next as the figures into the
    dates, and only one state (`On hold`) shows a word space. Returns the
    page and the table's cells."""
    p = Page()
    y = p.title("Orders Settled", 790)
    size = 10
    orders = [
        ["SKU", "Cost", "State", "Profit/loss", "Date"],
        ["K2-52894", "-267", "Closed", "426,178.0", "04/03/2021"],
        ["A-59222", "9,041", "Open", "-56,133.6", ""],
        ["K2-97541", "4", "On hold", "-43.4", "20/01/2021"],
        ["REF-65138", "682,633", "Open", "1,341.5", "01/04/2018"],
        ["HX-91113", "63", "Approved", "-33,676.7", "05/01/2021"],
        ["INV-75050", "1,367,365", "Active", "35,175.3", "07/08/2024"],
        ["TR-75621", "14", "Draft", "-15,513.5", "26/11/2015"],
    ]
    places, x = widest_places(orders, "lrlrl", size, lambda align: 0.73 * size if align == "r" else 40)
    placed_rows(p, y - 24, orders, places, x - MARGIN, size=size, step=20)
    return p.content(), orders


def heading_where_short_entries_end_page():
    """A booktabs table whose first heading, centred over entries set left,
    begins half a point past where the shorter entries end; the longest,
    in a row with one cell empty, runs on past it, its word space there.
    Returns the page and the table's cells."""
    p = Page()
    y = p.title("Accounts by Category", 790)
    size = 10
    categories = [
        ["Category", "YoY", "State", "Value", "Count", "Description"],
        ["Import", "-19%", "Approved", "0.21", "3,284", "Quarter"],
        ["Capital", "78%", "Active", "112.48", "-6,140", "Terminal warehouse"],
        ["Ledger Profit Accrual", "-16%", "Pending", "", "362", "Customer unit sales"],
    ]
    places = [(MARGIN + 5, "l"), (MARGIN + 150, "r"), (MARGIN + 160, "l"), (MARGIN + 270, "r"),
              (MARGIN + 320, "r"), (MARGIN + 335, "l")]
    start = MARGIN + 5 + text_width("Capital", "F1", size) + 0.5
    ledger = MARGIN + 5 + text_width("Ledger", "F1", size)
    assert ledger < start < ledger + text_width(" ", "F1", size)
    header_at = [start] + [cell_start(x, align, text_width(h, "F2", size))
                           for h, (x, align) in zip(categories[0][1:], places[1:])]
    placed_rows(p, y - 24, categories, places, 440, size=size, step=20, header_at=header_at)
    return p.content(), categories


def title_broken_off_page():
    """A booktabs table whose column title `Share (%)` is set in two pieces
    a full em apart, as a scan's reading leaves it: `(%)` stands past the
    figures under `Share`, over nothing. Returns the page and the table's
    cells."""
    p = Page()
    y = p.title("Cases by Origin", 790)
    size = 10
    shares = [
        ["Country", "Share (%)", "Total (n)"],
        ["Austria", "92.9", "5,821"],
        ["Belgium", "10.5", "5,906"],
        ["Cyprus", "100.0", "17"],
        ["Estonia", "86.8", "114"],
        ["Finland", "19.2", "4,107"],
    ]
    places = [(MARGIN + 5, "l"), (MARGIN + 150, "r"), (MARGIN + 280, "r")]
    share_at = MARGIN + 120
    header_at = [MARGIN + 5, share_at,
                 cell_start(MARGIN + 280, "r", text_width("Total (n)", "F2", size))]
    drawn = [["Country", "Share", "Total (n)"]] + shares[1:]
    bottom = placed_rows(p, y - 24, drawn, places, 300, size=size, step=20, header_at=header_at)
    broken_at = share_at + text_width("Share", "F2", size) + size
    assert broken_at > MARGIN + 150
    p.text(broken_at, y - 24 - 11.5, "(%)", "F2", size)
    p.paragraph("Origin as reported by each country.", bottom - 30)
    return p.content(), shares


def units_across_gutters_page():
    """Two booktabs tables of figures set right under years, a unit in
    brackets on a line of its own centred over the figures: in the first,
    six columns 0.77 em apart (a six-figure number runs into the one before
    it), the unit across the middle gutter and a `(NA)` beside it; in the
    second, three columns, the unit touching only the middle one's figures
    and beginning where the first row's does. Returns the page and the
    tables (the unit spans the columns of figures)."""
    p = Page()
    size = 9
    y = p.title("Payroll by Sector", 790)
    payroll = [
        ["Sector", "Wages", "", "", "Hours", "", ""],
        ["", "2015", "2016", "2017", "2015", "2016", "2017"],
        ["", "(Percent)", "", "", "", "", ""],
        ["Finance", "62,939", "69,761", "94,739", "24,517", "67,309", "16,899"],
        ["Mining", "9,945", "8,142", "4,739", "29,199", "2,742", "8,490"],
        ["Retail", "5,301", "3,373", "13,759", "(NA)", "9,241", "7,717"],
        ["Services", "35,505", "32,170", "47,468", "37,689", "10,999", "35,375"],
        ["Transport", "13,759", "12,249", "26,434", "19,977", "67,990", "71,928"],
        ["Trade", "9,452", "2,590", "5,861", "17,706", "8,550", "4,365"],
        ["Utilities", "4,280", "2,742", "4,739", "82,182", "9,945", "9,199"],
    ]
    widest = text_width("62,939", "F1", size)
    step = widest + 0.77 * size
    rights = [MARGIN + 150 + step * c for c in range(6)]
    bottom = units_table(p, y - 24, payroll, rights, size, gap_before=8)
    y = p.title("Hours by Region", bottom - 120)
    hours = [
        ["Region", "2022", "2023", "2024"],
        ["", "(Percent)", "", ""],
        ["North", "3.2", "122.25", "-4.9"],
        ["South", "36.3", "-8.8", "38.9"],
        ["East", "-12.9", "20.3", "31.9"],
        ["West", "9.4", "14.6", "33.2"],
    ]
    rights = [MARGIN + 244, MARGIN + 304, MARGIN + 364]
    unit_at = rights[1] - text_width("122.25", "F1", size)
    units_table(p, y - 24, hours, rights, size, unit_at=unit_at)
    return p.content(), [Placed(payroll, spans=[(0, 1, 1, 3), (0, 4, 1, 3), (2, 1, 1, 6)]),
                         Placed(hours, spans=[(1, 1, 1, 3)])]


def units_table(p, top, rows, rights, size, unit_at=None, gap_before=None):
    """Draws `rows` (header lines, the unit's line, the body) under booktabs
    rules, labels from the margin, figures set right to `rights`, a header
    cell followed by empty ones centred over their columns over a short
    rule, the unit centred over the figures' text or starting at `unit_at`,
    and a group's space before row `gap_before`. Returns the bottom y."""
    step = 14
    unit_row = next(k for k, r in enumerate(rows) if r[1].startswith("("))
    left = rights[0] - max(text_width(r[1], "F1", size) for r in rows[unit_row + 1:])
    unit = rows[unit_row][1]
    unit_x = unit_at if unit_at is not None else (left + rights[-1] - text_width(unit, "F1", size)) / 2
    bases = []
    base = top - 12
    for k in range(len(rows)):
        base -= 4 if k == unit_row else 0
        base -= 6 if k == gap_before else 0
        bases.append(base)
        base -= step
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for rule_y in (top, bases[unit_row] + 12 + 2, base + step - 6):
        p.line(MARGIN, rule_y, rights[-1] + 4, rule_y)
    p.ops.append("Q")
    for k, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not cell:
                continue
            width = text_width(cell, "F1", size)
            if k == unit_row:
                x = unit_x
            elif c == 0:
                x = MARGIN
            elif k < unit_row and c + 1 < len(row) and not row[c + 1]:
                last = next((j - 1 for j in range(c + 1, len(row)) if row[j]), len(row) - 1)
                x0 = rights[c - 1] - text_width("00,000", "F1", size)
                x = (x0 + rights[last - 1] - width) / 2
                # (A short rule under it, across its columns.)
                p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
                p.line(x0, bases[k] - 3, rights[last - 1], bases[k] - 3)
                p.ops.append("Q")
            else:
                x = rights[c - 1] - width
            p.text(x, bases[k], cell, "F1", size)
    return base + step - 6


def first_rows_run_in_page():
    """The first row under a header runs a cell into the next, where the
    header alone stands above it to go by: a typewriter printout, its
    figures set right a space before dates set left under a centred
    heading; Chinese names run up to the codes after them, 0.7 em short.
    Then, set close under a table of other columns, a table of dates whose
    last word stands where the first table's columns part: no cell there.
    Returns the page and its tables' cells."""
    p = Page()
    y = p.title("Opened Accounts", 790)
    size, step = 9, 14
    cw = text_width("0", "F4", size)  # a typewriter's character, and its space
    accounts = [
        ["Account", "Price", "Opened", "Region"],
        ["A-37874", "839", "18/09/2023", "North"],
        ["SKU-17255", "0", "04/05/2023", "Coast"],
        ["K2-83755", "(2)", "", "Hills"],
        ["TR-40117", "1,250", "30/01/2024", "West"],
    ]
    price_right = MARGIN + 3 + 16 * cw
    opened = price_right + cw
    region = opened + 14 * cw
    top = y - 30
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for rule_y in (top, top - step - 2, top - step * len(accounts) - 4):
        p.line(MARGIN, rule_y, region + 8 * cw, rule_y)
    p.ops.append("Q")
    for k, row in enumerate(accounts):
        base = top - 11 - step * k - (2 if k else 0)
        places = [MARGIN + 3, price_right - text_width(row[1], "F4", size), opened, region]
        if k == 0:  # the date's heading centred over the dates
            places[2] = opened + (10 * cw - text_width(row[2], "F4", size)) / 2
        for text, x in zip(row, places):
            if text:
                p.text(x, base, text, "F4", size)
    y = top - step * len(accounts) - 40

    names = [
        ["类别", "Cost", "名称", "ID"],
        ["成本研发", "14.76", "华南其他", "SKU-84805"],
        ["负债", "(517.87)", "结算", "B7-93895"],
        ["电子", "0.82", "广州", "TR-73754"],
        ["华北机械西部", "0.10", "海外", "C-14879"],
    ]
    lefts = [MARGIN + 3, None, MARGIN + 150, None]
    cost_right = MARGIN + 130
    lefts[3] = lefts[2] + text_width("华南其他", "F1", size) + 0.7 * size  # ideographs are square
    right = lefts[3] + text_width("SKU-84805", "F1", size) + 3
    booktabs_set_close(p, y, names, [(lefts[0], "l"), (cost_right, "r"), (lefts[2], "l"), (lefts[3], "l")],
                       right, lambda k, c: "F5" if c in (0, 2) else ("F2" if k == 0 else "F1"))
    y -= step * len(names) + 40

    # Two tables set one under the other, 7.5 pt type, rows close: the
    # second one's dates end on the first one's gap between codes and dates.
    size, step = 7.5, 12
    codes = [
        ["Item", "Contract", "Signed"],
        ["Vendor", "K2-21802", "Sep 11, 2015"],
        ["Fund", "TR-20417", "Apr 20, 2025"],
        ["Risk", "PO-73629", "Sep 06, 2022"],
    ]
    signed = MARGIN + 230
    settled = signed - text_width("Feb 05,", "F1", size) - 1.6
    dates = [
        ["Ref.", "Settled", "Due date", "Amount"],
        ["PO-26195", "Feb 05, 2018", "Aug 02, 2018", "316,971"],
        ["PO-36921", "Sep 08, 2025", "Nov 16, 2016", "4,106"],
        ["TR-66060", "Apr 02, 2022", "Aug 27, 2020", "1,170,595"],
        ["A-5293", "Nov 16, 2015", "Mar 18, 2024", "0"],
    ]
    for table, places in ((codes, [(MARGIN + 3, "l"), (signed - 14, "r"), (signed, "l")]),
                          (dates, [(MARGIN + 3, "l"), (settled, "l"), (signed + 60, "l"), (signed + 160, "r")])):
        for k, row in enumerate(table):
            font = "F2" if k == 0 else "F1"
            for text, (x, align) in zip(row, places):
                p.text(cell_start(x, align, text_width(text, font, size)), y, text, font, size)
            y -= step
        if table is codes:
            p.text(MARGIN + 3, y - 10, "Contracts signed since the last audit.", "F1", 10)
            y -= 34
    return p.content(), [accounts, names, codes, dates]


def cell_start(x, align, width):
    """Where a cell's text `width` wide starts when set at x as `align`
    says: from x ("l"), ending at x ("r") or centred on x ("c")."""
    return {"l": x, "r": x - width, "c": x - width / 2}[align]


def booktabs_set_close(p, top, rows, places, right, font_of, size=9, step=15):
    """Draws rows of cells one line each, step apart, under booktabs rules
    from the margin to right: places gives each column's (x, align), a cell
    set right ending at x, one centred centred on it; font_of(row, column)
    its font. Empty cells are left out."""
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for rule_y in (top, top - step - 4, top - step * len(rows) - 6):
        p.line(MARGIN, rule_y, right, rule_y)
    p.ops.append("Q")
    for k, row in enumerate(rows):
        base = top - 12 - step * k - (4 if k else 0)
        for c, (cell, (x, align)) in enumerate(zip(row, places)):
            if cell:
                font = font_of(k, c)
                # (A cell set left needs no width: the Chinese font has no table.)
                width = text_width(cell, font, size) if align != "l" else 0
                p.text(cell_start(x, align, width), base, cell, font, size)


def placed_rows(p, top, rows, places, width, size=9, step=16, header_at=None, rules=True):
    """Draws rows of cells one line each, step apart, under booktabs rules
    (above, under the header, below) width long: places gives each column's
    (x, align), a cell set right ending at x; header_at, if given, where
    each header word starts instead; without rules, the header row on a light
    grey band instead. Returns the bottom y."""
    if rules:
        p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
        for yy in (top, top - step, top - step * len(rows)):
            p.line(MARGIN, yy, MARGIN + width, yy)
        p.ops.append("Q")
    else:
        p.ops.append("q 0.92 g %s %s %s %s re f Q" % (fmt(MARGIN), fmt(top - step), fmt(width), fmt(step)))
    for k, row in enumerate(rows):
        base = top - step * k - 11.5
        font = "F2" if k == 0 else "F1"
        for c, (text, (x, align)) in enumerate(zip(row, places)):
            if not text:
                continue
            if k == 0 and header_at:
                p.text(header_at[c], base, text, font, size)
            else:
                p.text(cell_start(x, align, text_width(text, font, size)), base, text, font, size)
    return top - step * len(rows)


def centred_over(rows, places, size=9):
    """Where each header word starts to stand centred over its column's body
    text (placed as placed_rows places it)."""
    out = []
    for c, (x, align) in enumerate(places):
        w = max(text_width(r[c], "F1", size) for r in rows[1:])
        x0, x1 = (x - w, x) if align == "r" else (x, x + w)
        out.append((x0 + x1 - text_width(rows[0][c], "F2", size)) / 2.0)
    return out


def wrapped_rows(p, top, widths, rows, align, valign, pad=5.0, size=9, rules=True, row_gap=6, x=MARGIN,
                 head_align=None, fonts=("F2", "F1"), leading=1.2):
    """Draws a table whose cells hold "\n"-separated lines, each row as tall
    as its tallest cell plus row_gap; the other cells sit at the row's top or
    in its middle (valign). Booktabs rules (top, under the header, bottom)
    unless rules is False; a rule under every row if rules is "rows". The
    header row is aligned as its columns unless head_align says otherwise
    ("c" centres). Lines are leading times size apart. Returns the bottom y."""
    lead = size * leading
    cap = 0.718 * size
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for row in rows:
        ys.append(ys[-1] - max(len(c.split("\n")) for c in row) * lead - row_gap)
    if rules:
        p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
        for i in range(len(rows) + 1) if rules == "rows" else (0, 1, len(rows)):
            p.line(xs[0], ys[i], xs[-1], ys[i])
        p.ops.append("Q")
    for r, row in enumerate(rows):
        font = fonts[0] if r == 0 else fonts[1]
        aligned = head_align if r == 0 and head_align else align
        for c, cell in enumerate(row):
            lines = cell.split("\n")
            if valign == "top":
                base0 = ys[r] - 3 - cap
            else:
                block = cap + lead * (len(lines) - 1)
                base0 = (ys[r] + ys[r + 1]) / 2.0 + block / 2.0 - cap
            for k, s in enumerate(lines):
                w = text_width(s, font, size)
                assert w + 2 * pad <= widths[c], s
                tx = {"l": xs[c] + pad, "r": xs[c + 1] - pad - w,
                      "c": (xs[c] + xs[c + 1] - w) / 2.0}[aligned[c]]
                if font != "F5" and any(is_cjk(ch) for ch in s):
                    p.mixed_text(tx, base0 - k * lead, s, font, size)
                else:
                    p.text(tx, base0 - k * lead, s, font, size)
    return ys[-1]


def wrap_words(s, width, font="F1", size=9):
    """s word-wrapped greedily to width (pt), lines joined with "\n"."""
    lines, cur = [], ""
    for word in s.split():
        cand = word if not cur else cur + " " + word
        if text_width(cand, font, size) <= width:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    return "\n".join(lines + [cur])


def sample_wrapped_booktabs():
    p = Page()
    y = p.title("Review Log", 790)
    y = p.paragraph(
        "Two booktabs tables whose cells wrap over two to four lines with no rule "
        "between rows: each row is one item, its wrapped text joined in its cell.",
        y - 24,
    )
    # Top-aligned; wraps in the second and the last column, short last lines.
    widths = [50, 110, 70, 50, 75]
    first = [["Ref", "Finding", "Amount", "Owner", "Action"]] + [
        [ref, wrap_words(finding, widths[1] - 10), amount, owner, wrap_words(action, widths[4] - 10)]
        for ref, finding, amount, owner, action in (
            ("R-101", "Invoices booked twice in the March ledger", "1,250.00", "Ana", "Reverse the duplicates"),
            ("R-102", "Late vendor payments", "310.40", "Ben", "Remind the payables team at once"),
            ("R-103", "Stock count differences at the north warehouse", "98.15", "Chen", "Recount"),
            ("R-104", "Unsigned contracts", "4,020.00", "Dana", "Collect the signatures"),
        )
    ]
    y = wrapped_rows(p, y - 20, widths, first, "llrll", "top")
    y = p.paragraph("Terms used in the review, with their weights:", y - 40)
    # Middle-aligned; the first column wraps, single-line cells sit midway.
    second = [["Term", "Weight", "Score"]] + [
        [wrap_words(term, 70), weight, score]
        for term, weight, score in (
            ("Control environment", "0.30", "4.1"),
            ("Risk assessment and response", "0.25", "3.7"),
            ("Information and communication channels", "0.20", "3.9"),
            ("Monitoring", "0.25", "4.4"),
        )
    ]
    y = wrapped_rows(p, y - 24, [80, 60, 60], second, "lrr", "middle")
    y = p.paragraph("Weights add up to one; scores run from one to five.", y - 40)
    # Middle-aligned, the last column wrapped: the first row's figures sit on
    # its comment's short middle line, under two lines reaching further right.
    third = [["Order", "Margin", "Comments"]] + [
        [order, margin, wrap_words(comment, 120)]
        for order, margin, comment in (
            ("PO-4410", "12.5%", "Statements from the northern region arrive late every quarter so "
                                 "intercompany reconciliations remain provisional until audited"),
            ("PO-4415", "8.1%", "Final"),
            ("PO-4421", "-3.0%", "Credit note issued for damaged goods"),
        )
    ]
    y = wrapped_rows(p, y - 24, [70, 60, 130], third, "lrl", "middle")
    # A rule under every row, headers centred, cells set midway: the first
    # row's remark, three long lines, starts above the row's label, right
    # under the header and left of the header centred over it.
    fourth = [["Account", "Value", "Remarks"]] + [
        [account, value, wrap_words(remark, 160)]
        for account, value, remark in (
            ("Asset", "808.91", "Valued at the portfolio price on the last day, south unit plant "
                                "and the basic final service index included"),
            ("Central", "-2,041.94", "Output net of imports"),
            ("Segment", "168,020.35", "Service capital"),
        )
    ]
    y = p.paragraph("Remarks on the balances:", y - 40)
    wrapped_rows(p, y - 24, [70, 70, 170], fourth, "lrl", "middle", rules="rows", head_align="ccc")
    first_page = p.content()

    # Rows set far apart (a blank band of two lines between them), cells
    # midway: a short row's code stands more than two lines below the tall
    # row above, its two-line description's first line above the code.
    p = Page()
    y = p.title("Shipments Held", 790)
    fifth = [["Shipment", "Reason", "Released", "Next step"]] + [
        [ref, wrap_words(reason, 150), released, wrap_words(step, step_width)]
        for ref, reason, released, step, step_width in (
            ("SH-2291", "Customs asked for the origin certificates of every pallet and the "
                        "packing lists were incomplete", "2025-03-14",
             "Send the certificates with the corrected packing lists and ask the broker to "
             "confirm receipt", 90),
            ("SH-2304", "", "2025-03-20", "Invoice the carrier for the delay caused", 120),
            ("SH-2310", "Seal number did not match the bill of lading", "2025-04-02",
             "Close the file", 120),
            ("SH-2317", "Damaged crates", "", "Claim filed with the insurer and the photos "
                                              "attached", 120),
        )
    ]
    wrapped_rows(p, y - 24, [70, 160, 70, 130], fifth, "llll", "middle", row_gap=16, leading=1.4)
    second_page = p.content()

    # Cells set midway, the middle column often empty: a code alone beside
    # a comment of two lines stands between them, so that no line holds
    # two cells of its row; a code's row of one full line, then a tall
    # row whose first line is set a row's gap below it.
    p = Page()
    y = p.title("Reviewer's Notes", 790)
    y = p.paragraph("Notes on the sampled records, as the reviewer left them.", y - 24)
    widths = [80, 150, 230]
    # (The header's one-line headings on its first line.)
    sixth = [["SKU\n", "Comments from the\nreviewer", "Comments\n"]] + [
        [sku, wrap_words(remark, widths[1] - 10), wrap_words(comment, widths[2] - 10)]
        for sku, remark, comment in (
            ("INV-7562", "", "Transfer reserve held for the inventory segment of the central "
                             "region, pending the yield review"),
            ("K2-29975", "Holding net of the region vendor", "Urban logistics"),
            ("C-72264", "Credit growth in the payment output of the cash market for the "
                        "second half of the year", "Procurement debit"),
            ("PO-98112", "Share of supply audited at the harbour", ""),
            ("TR-98274", "", "Freight holding at the coastal price closed in the beta lease, "
                             "the output and the rebate of the urban audit still to come in "
                             "the accrual of the next quarter"),
        )
    ]
    bottom = wrapped_rows(p, y - 24, widths, sixth, "lll", "middle", row_gap=9, leading=1.5)
    sixth[0] = [heading.strip() for heading in sixth[0]]
    p.paragraph("Records without comments were accepted as booked.", bottom - 30)
    third_page = p.content()

    # Rows set close, their lines solid, cells midway: a tall row's first
    # line, as wide as its column, is held back while its second, shorter,
    # fits inside the table; the last row's stage is empty, its one-line
    # remark by chance centred over the stages and the remarks.
    p = Page()
    y = p.title("Project Stages", 790)
    widths = [55, 50, 195]
    remark_x0 = MARGIN + widths[0] + widths[1] + 5
    middle = (MARGIN + widths[0] + 5 + MARGIN + sum(widths) - 5) / 2
    last = ""
    for word in "division logistics east direct index of the yearly review".split():
        if remark_x0 + text_width(last, "F1", 9) / 2 >= middle - 4:
            break
        last = (last + " " + word).strip()
    seventh = [["Project", "Stage", "Notes and remarks"]] + [
        ["North", "Done", "sales supply deposit current equity online\ninterest logistics rate credit partner"],
        ["Budget", "On hold", "profit account procurement payment"],
        ["Client", "Approved", "growth surplus carrier ledger profit current tax\n"
                                      "plant freight subsidiary metro basic\n"
                                      "region direct north invoice inventory global\n"
                                      "dividend branch premium total growth\nregion"],
        ["Machinery", "Done", "warehouse contract current invoice premium\nwholesale division asset"],
        ["Review", "", last],
    ]
    bottom = wrapped_rows(p, y - 24, widths, seventh, "lll", "middle", row_gap=7, leading=1.39,
                          head_align="ccc")
    p.paragraph("Stages are those reported by the project leads.", bottom - 30)
    fourth_page = p.content()

    # A rule under every row, cells midway, 7 pt type, the notes and the
    # comments wrapped on lines of their own: the code column is as wide as
    # its widest code and 0.73 em more, so that code runs up to its row's
    # one-line notes, and of the four lines just above it one has a code.
    p = Page()
    y = p.title("Contract Notes", 790)
    eighth = [["Contract", "Notes", "Amount", "Growth", "Comments from the\nreviewer"]] + [
        [
            "K2-27344",
            "rate balance online basic\n" "ledger alpha fund factory\n"
            "south carrier inventory growth\n" "dividend vendor trade deposit\n"
            "lease segment carrier local\n" "fixed branch capital",
            "9,246.89",
            "20%",
            "capital yield net transfer\n" "inventory plant net tariff\n" "segment debit west\n"
            "holding standard tariff\n" "coastal transfer",
        ],
        [
            "TR-63144",
            "service provision north target\n" "plant provision region output\n"
            "tariff loan client",
            "2.53",
            "31%",
            "transfer equity stock\n" "north contract coastal\n" "trade expense equity\n"
            "online market",
        ],
        [
            "SKU-45490",
            "cash customer",
            "4.84",
            "-17%",
            "label index warehouse\n" "project payable retail\n" "net balance terminal\n"
            "beta metro division",
        ],
        [
            "B7-44670",
            "wholesale total",
            "185.86",
            "-38%",
            "income online",
        ],
        [
            "INV-24508",
            "south share bank account\n" "branch retail subsidiary\n" "partner north",
            "15,222.22",
            "-5.11%",
            "channel direct delta risk\n" "global standard global\n" "daily payable pending\n"
            "beta current risk\n" "wholesale supply\n" "division income terminal\n"
            "import output rate\n" "coastal",
        ],
        [
            "HX-54418",
            "branch asset rate transfer",
            "362.01",
            "87%",
            "sales portfolio portfolio\n" "online quarter balance\n" "lease",
        ],
        [
            "K2-75599",
            "beta revenue holding reserve\n" "credit market closed rate\n" "margin asset ledger\n"
            "wholesale customer deposit\n" "metro import equity revenue",
            "132,236.45",
            "2%",
            "direct deposit interest\n" "terminal account",
        ],
        [
            "HX-48354",
            "pricing inventory period label\n" "order global subsidiary export\n"
            "delta metro revenue branch\n" "index terminal output field\n"
            "pending account ledger lease\n" "standard surplus field carrier\n" "order",
            "(33,282.96)",
            "-30%",
            "wholesale order office\n" "store dividend fixed risk\n" "south",
        ],
        [
            "INV-88111",
            "deposit debit payable margin\n" "global share yield bank\n"
            "income holding global import\n" "segment branch final client",
            "781.13",
            "29%",
            "",
        ],
        [
            "PO-85645",
            "net index vendor wholesale\n" "partner value local reserve\n"
            "import west pricing bank field",
            "",
            "-11%",
            "office global inventory\n" "south standard contract\n" "volume urban portfolio\n"
            "debit target",
        ],
        [
            "TR-52940",
            "plant daily equity east\n" "dividend",
            "1.16",
            "25%",
            "channel value volume\n" "wholesale net fixed\n" "output factory import\n"
            "index account lease\n" "fixed service division\n" "plant yield budget daily\n"
            "pending cash volume\n" "reserve global interest",
        ],
        [
            "REF-38462",
            "profit basic yield expense\n" "debit subsidiary rate",
            "659,863.06",
            "20%",
            "east final lease coastal\n" "audit north",
        ],
    ]
    code_width = text_width("SKU-45490", "F1", 7) + 0.73 * 7
    wrapped_rows(p, y - 24, [code_width, 100, 60, 29.6, 79.8], eighth, "llrrl", "middle", pad=2.4,
                 size=7, rules="rows", row_gap=3, leading=1.27)
    fifth_page = p.content()

    # Cells set midway, headings centred: the last heading wraps over two
    # lines, the others set between them; the first row's notes wrap over
    # four lines, so its other cells stand between the second and the
    # third, on no line of its notes, and those lines reach further right
    # than any line above them.
    p = Page()
    y = p.title("Site Inspections", 790)
    y = p.paragraph("Findings of the spring round, by site.", y - 24)
    widths = [90, 60, 70, 150]
    ninth = [["Site", "Grade", "Inspector", "Notes on the\nvisit"]] + [
        [site, grade, inspector, wrap_words(notes, widths[3] - 10)]
        for site, grade, inspector, notes in (
            ("Quarry Lane", "B", "Okafor", "Fencing along the east side is down in two places and "
                                           "the gate lock was replaced without a record of the "
                                           "new keys held"),
            ("Mill Road", "A", "Lima", "No findings"),
            ("Harbour Yard", "C", "Stone", "Drainage blocked near the loading bay, standing water "
                                           "after rain"),
            ("North Depot", "A", "Cruz", "Lighting checked"),
        )
    ]
    assert len(ninth[1][3].split("\n")) == 4
    wrapped_rows(p, y - 24, widths, ninth, "lcll", "middle", head_align="cccc", leading=1.5, row_gap=9)
    sixth_page = p.content()

    # Terms set midway beside remarks and descriptions of many words each,
    # lines a point and a half apart, rows two thirds of an em further.
    p = Page()
    y = p.title("Ledger Accounts", 790)
    y = p.paragraph("Accounts opened in the year, with the remarks of the review.", y - 24)
    widths = [110, 150, 170]
    tenth = [["Account", "Remarks", "Description of the account"]] + [
        [account, wrap_words(remark, widths[1] - 10), wrap_words(description, widths[2] - 10)]
        for account, remark, description in (
            ("Harbour fees", "charged monthly by the port authority and settled in the "
                             "first week of the next month",
             "dues for berths and cranes at the east quay, with the storage of goods "
             "held over in the sheds"),
            ("Fleet leases", "three trucks returned early with the penalty waived by the lessor "
                             "after the spring review of the contract",
             "vans and trucks leased for the depots"),
            ("Grants", "paid in two parts",
             "regional support for the training of new drivers and the safety courses held "
             "at the north depot over the winter, to be repaid in part if the drivers leave"),
            ("Insurance", "renewed at a higher premium after two claims for water damage in "
                          "the old warehouse",
             "cover for stock, buildings and vehicles"),
        )
    ]
    wrapped_rows(p, y - 24, widths, tenth, "lll", "middle", leading=1.55, row_gap=5.85)
    seventh_page = p.content()

    # Two columns of notes wrapped over six and four lines in the first
    # row, headings centred over them; the row's other cells set midway,
    # between the third and the fourth line of the first notes: the lines
    # under them, past the first column and short of the last, start where
    # the lines above them do.
    p = Page()
    y = p.title("Depot Logistics", 790)
    y = p.paragraph("Balances by depot, with the notes of the two reviews.", y - 24)
    widths = [60, 110, 55, 70, 60, 120, 60]
    eleventh = [["Depot", "Notes", "Kind", "Balance", "Owner", "Comments", "Settled"]] + [
        [depot, wrap_words(notes, widths[1] - 10), kind, balance, owner,
         wrap_words(comments, widths[5] - 10), settled]
        for depot, notes, kind, balance, owner, comments, settled in (
            ("North", "yield daily fund freight provision procurement office supply client "
                      "coastal basic margin index factory terminal balance asset risk",
             "Subtotal", "5,056.33", "Lima", "unit store dividend pricing rate division lease "
                                              "invoice region wholesale margin risk", "2018-12-25"),
            ("Harbour", "net local", "Cost", "210.40", "Stone", "premium cash branch global "
                                                               "warehouse", "2021-07-05"),
            ("East", "service net target reserve limit capital", "Software", "(0.47)", "Cruz",
             "rebate trade transfer", "2023-11-17"),
        )
    ]
    assert [len(eleventh[1][c].split("\n")) for c in (1, 5)] == [6, 4]
    wrapped_rows(p, y - 24, widths, eleventh, "llllrll", "middle", head_align="ccccccc", row_gap=9,
                 leading=1.5)
    eighth_page = p.content()

    # A rule under every row, each column as wide as its widest entry and
    # 0.75 em more, cells set at the top: the first row's notes wrap over
    # seven lines, and the next row holds the widest entry of every column,
    # its cells run together. Then a booktabs table whose last title wraps
    # over two lines, centred on its column, the other titles on its second.
    p = Page()
    y = p.title("Item Register", 790)
    y = p.paragraph("Items on order, with the buyer's notes.", y - 24)
    size, pad = 9, 0.375 * 9
    wide = ["Subsidiary", "freight equity central segment", "volume standard account"]
    widths = [text_width(w, "F1", size) + 2 * pad for w in wide]
    twelfth = [["Product", "Notes and remarks", "Description"],
               ["Supply", wrap_words("freight volume stock order value freight pending account lease "
                                     "trade basic procurement share coastal office ledger surplus "
                                     "balance local customer accrual", widths[1] - 2 * pad),
                "online pending debit east"],
               [wide[0], wide[1] + "\nurban stock", wide[2] + "\ncarrier value"],
               ["Branch", "alpha accrual store", "standard yield"]]
    assert len(twelfth[1][1].split("\n")) >= 6
    y = wrapped_rows(p, y - 24, widths, twelfth, "lll", "top", pad=pad, rules="rows", row_gap=4)
    y = p.paragraph("Values by region and the description of each item.", y - 30)
    thirteenth = [["\nRegion", "\nValue", "\nUnits", "Description of the\nitem"],
                  ["Accrual", "17.23", "1,376", "gross carrier partner store"],
                  ["Target", "1.21", "1", "plant interest procurement"],
                  ["Metro", "34.00", "7,575", "trade supply unit yield"]]
    wrapped_rows(p, y - 20, [90, 60, 60, 160], thirteenth, "lrrl", "top", head_align="lrrc", row_gap=4,
                 leading=1.45)
    thirteenth[0] = [heading.strip() for heading in thirteenth[0]]
    ninth_page = p.content()

    # Typewriter, booktabs, cells set midway beside notes and comments
    # wrapped over up to five lines: the last row a code alone, its other
    # cells empty, tight over the bottom rule; a paragraph under it.
    p = Page()
    y = p.title("Open Orders", 790)
    y = p.paragraph("Orders still open at the end of the month, with the notes of the desk.", y - 24)
    widths = [80, 215, 160]
    fourteenth = [["Code", "Notes", "Comments"]] + [
        [code, wrap_words(notes, widths[1] - 10, font="F4"), wrap_words(comments, widths[2] - 10, font="F4")]
        for code, notes, comments in (
            ("A-23815", "dividend period segment", "segment rate loan"),
            ("HX-77168", "pricing loan income label east balance provision project field north growth "
                         "cash output bank", "yield quarter income interest urban standard deposit"),
            ("PO-91742", "freight closed alpha south trade division supply factory rebate global",
             "lease west segment margin bank north warehouse pricing office metro value reserve alpha risk"),
            ("SKU-25298", "", ""),
        )
    ]
    y = wrapped_rows(p, y - 24, widths, fourteenth, "lll", "middle", row_gap=8, fonts=("F4", "F4"))
    p.paragraph("Capital revenue interest equity holding payable harbor rate capital direct urban north "
                "client period. Beta import risk cash pricing debit partner north.", y - 20)
    return [first_page, second_page, third_page, fourth_page, fifth_page, sixth_page,
            seventh_page, eighth_page, ninth_page, p.content()], \
        [(1, Placed(first)), (1, Placed(second)), (1, Placed(third)), (1, Placed(fourth)),
         (2, Placed(fifth)), (3, Placed(sixth)), (4, Placed(seventh)), (5, Placed(eighth)),
         (6, Placed(ninth)), (7, Placed(tenth)), (8, Placed(eleventh)), (9, Placed(twelfth)),
         (9, Placed(thirteenth)), (10, Placed(fourteenth))]


def sample_column_gaps():
    # Issue 12: where the boundary between two columns goes when the text
    # does not say it plainly. Page 1: headers centred over their columns;
    # page 2: a spreadsheet printed with hairline grey gridlines; page 3: a
    # heading in the gap long labels run on into.
    p = Page()
    y = p.title("Contracts and Notes", 790)
    y = p.paragraph("Headers are centred over their columns. The line items start a word "
                    "space after the margins; one of them reaches almost to the figures beside it.",
                    y - 24)
    # The centred "Line item" starts right of the short items: no column of
    # its own. The long item's last word must not be cut at the boundary.
    contracts = [["Contract", "Margin", "Line item", "Change"],
                 ["K2-60191", "10%", "Surplus", "-2"],
                 ["PO-89530", "11%", "Closed deposit terminal", "-12"],
                 ["B7-72992", "34%", "Vendor rebate", "176"],
                 ["HX-41606", "54.8%", "Tax", "90,932"],
                 ["A-77223", "-4%", "Contract", "-7,731"],
                 ["PO-65335", "87%", "Cash", "-119,263"],
                 ["A-50842", "18%", "North audit", "2"],
                 ["C-89240", "92%", "Inventory", "937"]]
    y = wrapped_rows(p, y - 20, [62, 40, 104, 46], contracts, "lrlr", "middle", pad=3.0,
                     head_align="cccc", row_gap=5)
    y = p.paragraph("Notes wrap over up to three lines; the other cells sit midway. The "
                    "quantities are narrower than their centred header.", y - 36)
    notes = [["SKU", "Price", "Notes and remarks", "Quantity", "Balance"]] + [
        [sku, price, wrap_words(note, 110), qty, balance]
        for sku, price, note, qty, balance in (
            ("A-17025", "1,817.3", "terminal accrual final central urban period price service", "544", "3,046.4"),
            ("C-23070", "1,858.6", "price credit deposit payment", "947", "86,213.3"),
            ("HX-98214", "4,503.3", "deposit region holding credit stock risk", "1", "1,062.9"),
            ("REF-81218", "6,154.7", "volume segment vendor inventory surplus rate value", "80", "6.2"),
        )
    ]
    y = wrapped_rows(p, y - 20, [60, 60, 120, 84, 60], notes, "lrlrr", "middle", head_align="ccccc")
    y = p.paragraph("Comments run wider than a short line; the first row's figures sit beside "
                    "its comment's middle line.", y - 36)
    comments = [["Customer", "Date", "Amount", "Comments"]] + [
        [customer, date, amount, wrap_words(comment, 160)]
        for customer, date, amount, comment in (
            ("Ledger Equity", "15/10/2025", "891,203.6", "index payment loan revenue gross contract reserve "
             "invoice store vendor order wholesale"),
            ("Supply", "04/09/2022", "1,749.5", "gross provision margin north field procurement income net "
             "fund alpha retail market revenue"),
            ("Interest", "24/06/2016", "", "bank north value asset"),
        )
    ]
    y = wrapped_rows(p, y - 20, [80, 64, 64, 210], comments, "llrl", "middle")
    y = p.paragraph("Set in a typewriter font, whose word space is wider than a proportional "
                    "font's: items of two and three words are one cell.", y - 36)
    budget = [["Region", "Budget", "Settled"],
              ["Index", "", "2021-01-08"],
              ["Transfer Budget", "115,725.94", "2020-05-03"],
              ["Loan", "296.76", ""],
              ["Order", "375,274.26", "2022-02-20"],
              ["West", "16,425.94", "2023-01-17"],
              ["Bank tax Portfolio", "0.65", "2021-08-21"]]
    wrapped_rows(p, y - 20, [110, 70, 70], budget, "lrl", "middle", size=8.5, fonts=("F4", "F4"))
    first = p.content()

    # A spreadsheet's gridlines: 0.2 pt, light grey, off the pixel grid.
    p = Page()
    y = p.title("Stock by Store", 790)
    header = ["Store", "Opened", "Region", "Manager", "Items", "Value"]
    names = ["Central", "North Quay", "Harbour", "Old Town", "Airport", "Riverside", "Market Hall",
             "West End", "Station", "Hillside", "Docklands", "University", "Park Lane", "Bridge Street"]
    rng = Lcg(7)
    rows = [header] + [
        [name, "%02d/%02d/20%02d" % (1 + rng.next(28), 1 + rng.next(12), 10 + rng.next(15)),
         ("North", "South", "East", "West")[rng.next(4)], ("Ana", "Ben", "Chen", "Dana", "Eve")[rng.next(5)],
         str(10 + rng.next(990)), money(rng.next(10_000_000))]
        for name in names
    ]
    sheet = Table(rows, widths=[72.0] * 6, heights=[13.85] * len(rows), align="lrllrr",
                  lines=(0.2, 0.85))
    sheet.place(p, MARGIN - 9.8, y - 24.6)
    second = p.content()

    # A heading over the figures set left in the gap before them, where the
    # long labels of the groups of rows run on: no column of its own.
    p = Page()
    y = p.title("Spending by Office", 790)
    y = p.paragraph("Each group's label runs past the other labels, toward the figures; the "
                    "year over the figures starts in the same gap.", y - 24)
    offices = [("HARBOUR, COASTAL WATCH AND PILOT SERVICES", ("812.40", "96.15", "908.55")),
               ("1.", "Pilots", ("402.10", "12.00", "414.10")),
               ("2.", "Lighthouses", ("310.30", "80.15", "390.45")),
               ("3.", "Tugs and moorings", ("100.00", "4.00", "104.00")),
               ("RIVER BASINS, WATER QUALITY AND FLOOD BOARD", ("1,204.75", "310.00", "1,514.75")),
               ("4.", "Gauging stations", ("215.60", "140.00", "355.60")),
               ("5.", "Sampling, the laboratory and reports", ("989.15", "170.00", "1,159.15")),
               ("6.", "Dredging", ("0.00", "0.00", "0.00"))]
    top, step, right = y - 30, 15, (380, 450, 520)
    # Rules over and under the year's line and under the header, a short
    # one under the heading of the first two columns of figures; none below.
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, top - step, top - 3 * step):
        p.line(MARGIN, yy, right[-1], yy)
    p.line(right[0] - 50, top - 2 * step, right[1], top - 2 * step)
    p.ops.append("Q")
    p.text(MARGIN + 200, top - 11, "Plan 2031-32", "F2", 9)
    p.text(right[-1] - text_width("(in thousands)", "F1", 9), top - 11, "(in thousands)", "F1", 9)
    p.text(right[0] + 5, top - step - 11, "Spending", "F2", 9)
    p.text(MARGIN + 18, top - 2 * step - 11, "Office", "F2", 9)
    for x, head in zip(right, ("Running", "Building", "Total")):
        p.text(x - text_width(head, "F2", 9), top - 2 * step - 11, head, "F2", 9)
    # The year sits in the labels' column, which the long labels fill to it.
    expected = [["", "Plan 2031-32", "", "", "(in thousands)"], ["", "", "Spending", "", ""],
                ["", "Office", "Running", "Building", "Total"]]
    for k, office in enumerate(offices):
        base = top - step * (k + 3) - 11
        font = "F1" if len(office) == 3 else "F2"
        if len(office) == 3:
            p.text(MARGIN, base, office[0], font, 9)
            p.text(MARGIN + 18, base, office[1], font, 9)
            expected.append([office[0], office[1]] + list(office[2]))
        else:
            p.text(MARGIN, base, office[0], font, 9)
            expected.append([office[0], ""] + list(office[1]))
        for x, figure in zip(right, office[-1]):
            p.text(x - text_width(figure, font, 9), base, figure, font, 9)
    third = p.content()

    # A typewriter font's table of codes, figures and dates set a space
    # apart (`Jan 04, 2024`): the spaces line up down the column, and no
    # two words of letters side by side show the font's space.
    p = Page()
    y = p.title("Shipments", 790)
    shipments = [["Shipment", "Units", "Weight", "Status", "Arrival"],
                 ["SH-40121", "1,208", "36.50", "Landed", "Jan 04, 2024"],
                 ["SH-40188", "42", "1.25", "Delayed", "Feb 17, 2024"],
                 ["SH-40310", "3,990", "118.00", "Landed", "Mar 09, 2024"],
                 ["SH-40422", "615", "20.75", "Cleared", "Apr 22, 2024"],
                 ["SH-40597", "7", "0.40", "Held", "May 30, 2024"],
                 ["SH-40611", "2,440", "80.10", "Landed", "Jun 11, 2024"]]
    wrapped_rows(p, y - 24, [70, 50, 55, 60, 90], shipments, "lrrll", "middle", fonts=("F4", "F4"))
    return ([first, second, third, p.content()],
            [(1, Placed(contracts)), (1, Placed(notes)), (1, Placed(comments)), (1, Placed(budget)),
             (2, sheet), (3, Placed(expected)), (4, Placed(shipments))])


def sample_loose_rows():
    # Issue 12: rows the text sets apart loosely. Page 1: cells wrapped and set
    # midway in a row, their lines between the lines of the cells beside them;
    # a row with only its label, in a table set at twice its font size; a
    # heading over the year's columns between the top rule and the header.
    p = Page()
    y = p.title("Branch Review", 790)
    y = p.paragraph("Remarks and descriptions wrap, their lines set wide apart; each cell sits "
                    "midway in its row, so the lines of one fall between the lines of the other.",
                    y - 24)
    review = [["Branch", "Description", "Remarks"]] + [
        [branch, wrap_words(description, 110), wrap_words(remarks, 150)]
        for branch, description, remarks in (
            ("North", "Office moved in March", "None"),
            ("South", "Rebates booked late",
             "Audit asked for the contracts behind them and for the vendor statements"),
            ("East", "Warehouse counts differ from the ledger by two percent every quarter",
             "Counted again in June and again in September with the same result at both sites, "
             "then closed by the auditors in December"),
            ("West", "Two new stores opened in May in the harbour district", "Budget kept"),
        )
    ]
    y = wrapped_rows(p, y - 20, [60, 120, 160], review, "lll", "middle", leading=1.5)
    y = p.paragraph("Set loosely, one line of text every eighteen points; one item, wider "
                    "than the others, has no date yet.", y - 36)
    dates = [["Line item", "Date"],
             ["Accrual standard", "2018-08-03"],
             ["Margin pending on output review", ""],
             ["Project", "06.02.2015"],
             ["Final premium", "2024-12-28"],
             ["Direct credit", "2025-05-16"]]
    loose = Table(dates, widths=[140, 60], heights=[18] * len(dates), align="lr", rules="none")
    y = loose.place(p, MARGIN + 120, y - 16)
    y = p.paragraph("The year heads the columns it covers, under the table's top rule.", y - 30)
    # The heading's row is as tall as two lines: its text stands apart from
    # both the rule above and the header below.
    years = [["", "2024", "", ""],
             ["Region", "Orders", "Revenue", "Share"],
             ["North", "1,185", "420,145.89", "65%"],
             ["South", "31", "48.89", "11%"],
             ["East", "467,131", "181.36", "19%"],
             ["West", "54", "29,239.61", "5%"]]
    heights = [26] + [16] * (len(years) - 1)
    by_year = Table(years, widths=[90, 70, 80, 60], heights=heights, align="lrrr",
                    spans=[(0, 1, 1, 3)], header_rows=2, rules="booktabs")
    top = y - 24
    by_year.place(p, MARGIN, top)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH / 2))
    p.line(MARGIN + 90 + 3, top - heights[0], MARGIN + 300 - 3, top - heights[0])
    p.ops.append("Q")
    # Page 2: sentences in two columns beside short terms, every cell set
    # midway in its row: a term stands on none of its row's first lines.
    p2 = Page()
    y = p2.title("Segment Notes", 790)
    y = p2.paragraph("Each segment's remarks and comments are sentences, wrapped in their "
                     "columns; a rule parts every row from the next.", y - 24)
    notes = [["Segment", "Remarks", "Comments"]] + [
        [segment, wrap_words(remarks, 150), wrap_words(comments, 150)]
        for segment, remarks, comments in (
            ("Retail", "Service risk and volume rose in the quarter after rebates moved",
             "Harbor stores shared the south region's loans and channel contracts, and "
             "procurement kept its yield while client margins fell"),
            ("Partner", "Direct sales to partners grew in the coastal region while the "
             "capital of the subsidiary stayed",
             "Lease payments stayed flat and the service surplus went to the north"),
            ("Cash", "Supply and freight budgets were held at the level of the year before",
             "Inventory grew with the net provision and the branch equity transfer, then "
             "settled by the end of the year"),
        )
    ]
    y = wrapped_rows(p2, y - 20, [70, 160, 160], notes, "lll", "middle", rules="rows")
    y = p2.paragraph("Set loosely again under a grey header band; two items running have no "
                     "date, the second wider than the items above.", y - 36)
    counts = [["Stock", "Counted"],
              ["Screws", "2031-04-02"],
              ["Hinges", "14.05.2031"],
              ["Brackets and plates", "03.06.2031"],
              ["Glue", ""],
              ["Sealant, tape and cord rolls", ""],
              ["Nails", "21.06.2031"],
              ["Washers", "02.07.2031"],
              ["Cable ties", "09.07.2031"]]
    Table(counts, widths=[120, 60], heights=[18] * len(counts), align="lr", rules="none",
          header_fill=(0.6, False)).place(p2, MARGIN + 120, y - 16)
    # Unruled, the headings centred over their columns, the first two rows
    # holding only their labels: the second stands further below the
    # header than the lines of a table stand apart; the last row, and the
    # last but one before it, hold only their labels too.
    p3 = Page()
    y = p3.title("Balance", 790)
    y = p3.paragraph("Stages of the balance items at the end of the year.", y - 24)
    balance = [["Name", "Status"],
               ["Holding", ""],
               ["Factory", ""],
               ["Value Payment", "Pending"],
               ["Terminal", "Approved"],
               ["Tax Interest", "Closed"],
               ["Quarter Region cash", ""],
               ["Account", "Open"],
               ["Tariff Debit", ""]]
    places = [(MARGIN + 5, "l"), (MARGIN + 110, "l")]
    top = y - 30
    for text, x in zip(balance[0], centred_over(balance, places)):
        p3.text(x, top, text, "F2", 9)
    unruled_rows(p3, top, [["", ""]] + balance[1:], places, step=19)
    p3.paragraph("Items without a status are still under review.", top - 19 * len(balance) - 10)
    # Page 4: the last rows hold only one cell. Under bands of shading and
    # no rules, two labels, the first wider than a short line and than most
    # of the table, yet short of the amounts; codes centred in their column,
    # the last with no orders; a booktabs table whose last row, right above
    # its bottom rule and not set tight under the row above, has only its
    # cost.
    p4 = Page()
    y = p4.title("Stores", 790)
    y = p4.paragraph("Stores and their units; the last two lines have none counted yet.", y - 24)
    size = 9
    stores = [["Store", "Units"],
              ["North", "1,204"],
              ["Harbour", "388"],
              ["East", "2,950"],
              ["Depot", "71"],
              ["Holding, logistics and service fees", ""],
              ["Loan", ""]]
    label_w = text_width(stores[-2][0], "F1", size)
    assert label_w > 15 * size  # (wider than a short line)
    units_right = MARGIN + 5 + label_w + 30
    y = banded_rows(p4, y - 24, stores, [(MARGIN + 5, "l"), (units_right, "r")],
                    units_right + 5 - MARGIN, size)
    y = p4.paragraph("Orders by code; the last code has none.", y - 30)
    orders = [["SKU", "Orders"],
              ["B7-56274", "672,887"],
              ["PO-88670", "162"],
              ["SKU-30857", "17,848"],
              ["A-57900", "1,852"],
              ["INV-19856", ""]]
    y = banded_rows(p4, y - 24, orders, [(MARGIN + 35, "c"), (MARGIN + 120, "r")], 125, size)
    y = p4.paragraph("Costs and margins; the last cost has no margin or segment.", y - 30)
    costs = [["Segment", "Cost", "Margin"],
             ["Freight", "0", "18.3%"],
             ["Share Coastal", "191,214", "89.7%"],
             ["Office", "5,528", "56.3%"],
             ["Growth", "834", "17.4%"],
             ["", "504", ""]]
    placed_rows(p4, y - 24, costs, [(MARGIN + 3, "l"), (MARGIN + 150, "r"), (MARGIN + 210, "r")],
                215, size, step=18)
    p5, figures = fund_figures_page()
    # Page 6: a spreadsheet's rows, some carrying on the row above without
    # a label; the last but one has no label, the last only its orders,
    # over the bottom rule.
    p6 = Page()
    y = p6.title("Orders by Channel", 790)
    y = p6.paragraph("Orders and amounts; lines without a channel carry on the one above.", y - 24)
    channels = [["Channel", "Orders", "Amount"],
                ["Retail", "2,896,482", ""],
                ["Wholesale", "10,914", "2,672,242.59"],
                ["", "21,975", "148.30"],
                ["Online store", "5,320,189", "381,735.56"],
                ["Agents", "-4", "2,635.70"],
                ["", "3", "49.05"],
                ["", "-203,247", ""]]
    placed_rows(p6, y - 24, channels, [(MARGIN + 3, "l"), (MARGIN + 170, "r"), (MARGIN + 240, "r")],
                245, 10, step=20)
    # Booktabs rules as wide as each other, a blank row two thirds of the
    # way down, the rows under it in the columns of those above: one table.
    p7 = Page()
    y = p7.title("Daily Revenue", 790)
    daily = [["Item", "Qty", "Revenue"],
             ["Revenue", "-369", "1.21"],
             ["Net Credit", "23,750", "74,281.82"],
             ["Pricing", "199", "128.00"],
             ["Provision", "8,483,224", "0.52"],
             ["", "", ""],
             ["", "13,601", "-12.55"],
             ["Surplus", "330,585", "26.03"]]
    placed_rows(p7, y - 24, daily, [(MARGIN + 3, "l"), (MARGIN + 250, "r"), (MARGIN + 400, "r")],
                405, 9, step=20)
    return [p.content(), p2.content(), p3.content(), p4.content(), p5.content(), p6.content(),
            p7.content()], \
        [(1, Placed(review)), (1, Placed(dates)), (1, by_year), (2, Placed(notes)), (2, Placed(counts)),
         (3, Placed(balance)), (4, Placed(stores)), (4, Placed(orders)), (4, Placed(costs)),
         (5, Placed(figures)), (6, Placed(channels)), (7, Placed([r for r in daily if any(r)]))]


def fund_figures_page():
    """A fund's key figures set as a word processor sets them: a blank line
    between rows and two between groups of rows, each group under its
    label; the year alone between two rules over its figures, a note of the
    unit and the first group's label under them. One table."""
    p = Page()
    y = p.title("Fund Figures", 790)
    y = p.paragraph("Key figures of the fund for each series of units at the end of the year.", y - 24)
    size, pitch = 9, 11
    left, right = MARGIN, MARGIN + 430
    figures_right = right - 8
    groups = [("Series R units", [("Net assets at year end", "6,204,518"),
                                  ("Units in issue at year end", "58,307"),
                                  ("Net assets per unit at year end", "106.41")]),
              ("Series I units", [("Net assets at year end", "38,915,270"),
                                  ("Units in issue at year end", "362,840"),
                                  ("Net assets per unit at year end", "107.25")]),
              ("Whole fund", [("Net assets at year end", "45,119,788"),
                              ("Units in issue at year end", "421,147")])]
    top = y - 40
    p.line(left, top, right, top)
    p.text(figures_right - text_width("2025", "F2", size), top - 10, "2025", "F2", size)
    p.line(left, top - 14, right, top - 14)
    rows = [["", "2025"], ["(amounts in EUR)", ""]]
    y = top - 14 - 9
    p.text(left + 2, y, rows[1][0], "F1", size)
    y -= pitch + 3
    for k, (label, items) in enumerate(groups):
        if k:
            y -= 3 * pitch
        p.text(left + 2, y, label, "F2", size)
        rows.append([label, ""])
        for item, figure in items:
            y -= 2 * pitch
            p.text(left + 2, y, item, "F1", size)
            p.text(figures_right - text_width(figure, "F1", size), y, figure, "F1", size)
            rows.append([item, figure])
    p.paragraph("Net assets are valued at the closing prices of the last business day.", y - 40)
    return p, rows


def banded_rows(p, top, rows, places, width, size=9, step=18):
    """Rows of cells one line each, step apart, without rules: the header on
    a grey band, every second row after it on a light one. places as
    booktabs_set_close takes them (see cell_start). Returns the bottom y."""
    for k in range(len(rows)):
        if k % 2 == 0:
            grey = 0.75 if k == 0 else 0.93
            p.ops.append("q %s g %s %s %s %s re f Q" % (fmt(grey), fmt(MARGIN), fmt(top - step * (k + 1)),
                                                       fmt(width), fmt(step)))
    for k, row in enumerate(rows):
        font = "F2" if k == 0 else "F1"
        for text, (x, align) in zip(row, places):
            if text:
                p.text(cell_start(x, align, text_width(text, font, size)), top - step * k - 12.5, text,
                       font, size)
    return top - step * len(rows)


def sample_near_columns():
    # Issue 12, class 8: columns whose text nearly touches. A label column's
    # longest entry ends a word space before the right-aligned percentages;
    # a column of amounts, blank on the first rows, a word space from the
    # text after it, whose longest entry nearly reaches the dates; a header
    # pair the only two words of a line. Then a spreadsheet whose light
    # header band has its gridline along its lower edge.
    p = Page()
    y = p.title("Accounts", 790)
    y = p.paragraph("Where one column's text ends a word space before the next column's.",
                    y - 24)
    size = 9
    accounts = [["Category", "Share", "Invoice", "Account"],
                ["Period credit", "80%", "A-27629", "Inventory"],
                ["Direct beta", "53%", "REF-80656", "Market tax"],
                ["Stock", "83%", "TR-56974", "Capital"],
                ["Segment carrier", "-40%", "PO-18873", "Total"]]
    label_x = MARGIN + 3
    share_right = label_x + text_width("Segment carrier", "F1", size) + 0.5 * size + \
        text_width("-40%", "F1", size)
    invoice_x, account_x = share_right + 14, share_right + 70
    tables = [(accounts, [(label_x, "l"), (share_right, "r"), (invoice_x, "l"), (account_x, "l")])]
    orders = [["Invoice", "Net", "Region", "Date"],
              ["TR-86870", "", "Period interest contract", "25/01/2018"],
              ["TR-20853", "", "Target", "25/06/2017"],
              ["TR-94691", "-60.91", "Trade", "27/12/2023"],
              ["A-42855", "-12,428.93", "Surplus", "16/02/2020"],
              ["REF-76806", "178.06", "Deposit", "13/11/2025"],
              ["HX-86042", "31,863.63", "Client", "04/05/2024"]]
    net_right = label_x + 60 + text_width("-12,428.93", "F1", size)
    region_x = net_right + 2.5
    date_x = region_x + text_width("Period interest contract", "F1", size) + 3.0
    tables.append((orders, [(label_x, "l"), (net_right, "r"), (region_x, "l"), (date_x, "l")]))
    units = [["SKU", "Units", "Customer", "Stage"],
             ["HX-27838", "", "Lima", "Open"],
             ["B7-59524", "763", "Okafor", "Open"],
             ["SKU-70020", "1,583", "Chen", "Pending"],
             ["K2-41987", "3,111,161", "", "Active"],
             ["SKU-66869", "16,113", "Stone", "Closed"]]
    units_right = label_x + 60 + text_width("3,111,161", "F1", size)
    customer_x = units_right + 0.7 * size
    tables.append((units, [(label_x, "l"), (units_right, "r"), (customer_x, "l"),
                            (customer_x + 60, "l")]))
    for cells, places in tables:
        bottom = placed_rows(p, y - 24, cells, places, 300, size)
        y = p.paragraph("Totals follow on the next page.", bottom - 30)
    first = p.content()

    # A spreadsheet printout: a light grey header band under 0.2 pt grey
    # gridlines, the one under the header along the band's edge.
    p = Page()
    y = p.title("Codes", 790)
    codes = [["Code", "Product", "Stock"]] + [
        [code, product, stock] for code, product, stock in (
            ("REF-61049", "Storage", "12"), ("REF-20417", "Cost", "480"), ("B7-96938", "Budget", "7"),
            ("HX-73849", "Bank", "1,024"), ("REF-61575", "Audit", "66"), ("K2-35655", "Retail", "3"))
    ]
    sheet = Table(codes, widths=[64, 64, 48], heights=[14.8] * len(codes), align="llr",
                  lines=(0.2, 0.65), header_fill=(0.85, False))
    sheet.place(p, MARGIN - 4.4, y - 30.4)
    return [first, p.content()], [(1, Placed(accounts)), (1, Placed(orders)), (1, Placed(units)),
                                  (2, sheet)]


def sample_ruled_rows():
    # Rules between every row of wrapped cells set as close as their lines:
    # each band between two rules is one row. Rules between groups of rows
    # with a figure on every line part groups, not rows.
    p = Page()
    y = p.title("Shipments", 790)
    y = p.paragraph("Late shipments of the quarter, with the reason given by each supplier:", y - 24)
    widths = [70, 190, 70]
    late = [["Order", "Reason", "Amount"]] + [
        [order, wrap_words(reason, widths[1] - 10), amount]
        for order, reason, amount in (
            ("PO-2201", "The supplier ran out of stock and shipped the goods in two parts", "1,250.00"),
            ("PO-2207", "Customs held the container for an inspection of its papers", "318.40"),
            ("PO-2215", "The carrier missed the pick-up date and the next free slot was a week later", "96.15"),
            ("PO-2230", "Wrong labels on the pallets, which were sent back to be marked again", "4,020.00"),
        )
    ]
    y = wrapped_rows(p, y - 20, widths, late, "llr", "middle", rules="rows", row_gap=2)
    y = p.paragraph("Sales by quarter:", y - 36)
    pitch, top = 14.0, y - 24
    xs = [MARGIN, MARGIN + 80, MARGIN + 160, MARGIN + 240]
    quarters = [["Year", "Quarter", "Sales"]]
    for year, sales in (("2022", ("1,104", "1,230", "998")), ("2023", ("1,315", "1,402", "1,187"))):
        for k, q in enumerate(("Q1", "Q2", "Q3")):
            quarters.append([year if k == 0 else "", q, sales[k]])
    rules = [0, 1, 4, 7]
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for i in rules:
        p.line(xs[0], top - pitch * i, xs[-1], top - pitch * i)
    p.ops.append("Q")
    for r, row in enumerate(quarters):
        base = top - pitch * r - 10
        for c, cell in enumerate(row):
            font = "F2" if r == 0 else "F1"
            if c == 2:
                p.text(xs[3] - 5 - text_width(cell, font, 9), base, cell, font, 9)
            elif cell:
                p.text(xs[c] + 5, base, cell, font, 9)
    y = p.paragraph("Amounts in thousands of euros.", top - pitch * 7 - 30)
    # Typewriter, a rule under every row, the remarks column so narrow that
    # a line holds a word or two; the other cells set midway.
    widths = [90, 80, 90, 70]
    held = [["Category", "Remarks", "Date", "Amount"]] + [
        [category, wrap_words(remark, widths[1] - 10, font="F4"), date, amount]
        for category, remark, date, amount in (
            ("Supply", "balance contract central harbor fund cash portfolio partner revenue "
                       "volume channel ledger cost period", "Sep 09, 2015", "587.0"),
            ("Stock", "tariff stock tax debit segment 证券 store supply risk yield reserve "
                      "account segment payable", "Jan 12, 2021", "1,204.6"),
            ("Division", "urban budget accrual label tariff", "Apr 19, 2025", "0.3"),
            ("Inventory", "current west margin vendor", "Nov 06, 2024", "(6,880.5)"),
            ("Daily", "supply", "Apr 15, 2018", "5.8"),
        )
    ]
    wrapped_rows(p, y - 24, widths, held, "lllr", "middle", rules="rows", row_gap=1,
                 fonts=("F4", "F4"))
    p2, reviews = prose_columns_ruled_page()
    p3, comments = comment_of_a_few_words_wrapped_page()
    return ([p.content(), p2, p3],
            [(1, Placed(late)), (1, Placed(quarters)), (1, Placed(held)), (2, reviews), (3, comments)])


def comment_of_a_few_words_wrapped_page():
    """A rule under every row, the other cells set midway beside comments
    wrapped in a narrow column: one comment is two words and a Chinese term,
    too few to read as prose, its last word wrapped onto a line of its
    own; the row is one row, not two."""
    p = Page()
    y = p.title("Branch review", 790)
    widths = [95, 70, 100, 70, 75]
    rows = [["Branch", "地区", "Comments", "Date", "Change"]] + [
        [branch, region, wrap_words(comment, widths[2] - 10, size=10.5), date, change]
        for branch, region, comment, date, change in (
            ("Harbour West", "华东", "store central harbor value net premium north balance", "2019-12-28", "489.5"),
            ("Deposit desk", "预算", "division accrual growth customer ledger", "2023-10-04", "(1,601.6)"),
            ("Labels", "电子产品", "central 采购 segment", "2021-05-27", "17.4"),
            ("Debit office", "物流", "direct urban procurement terminal tax vendor", "2023-09-18", "(1,011.3)"),
            ("Coastal", "资产", "harbor ledger yield profit index", "2023-06-11", "14.2"),
        )
    ]
    assert rows[3][2].count("\n") == 1, rows[3][2]
    wrapped_rows(p, y - 20, widths, rows, "llllr", "middle", rules="rows", row_gap=4, size=10.5, leading=1.17)
    return p.content(), Placed(rows)


REVIEWS = (
    ("Harbour Rail", "4.2%",
     "The carrier met every slot of the quarter but two, both of them lost to a strike at the port that lasted well into May.",
     "Keep the contract and ask for a second crew on the night shift before the winter timetable starts in the first week."),
    ("Coast Air", "-1.8%",
     "Three flights were cancelled at short notice and the goods went by road at our own expense, three days late.",
     "Claim the road freight back under the service terms and review the whole contract in June with the legal team."),
    ("Bay Hotel", "0.6%",
     "Rooms for the training course were booked twice and the second booking was charged in full by the hotel.",
     "Refund agreed in writing; the booking office will confirm all group bookings by mail at once, with the dates and names."),
    ("Dredge Works", "7.5%",
     "The survey of the hull found wear on the cutter head that the last inspection had not noted or reported to the office.",
     "Order the spare cutter head now, since the maker quotes a lead time of four months or longer for the parts of it."),
    ("North Quay", "2.9%",
     "Cranes were idle for six days while the new control software was being tested and approved by the inspectors on site.",
     "Ask the supplier for a test plan that keeps one crane working while the other one is tested, so no ship waits."),
    ("Pilot Service", "-0.4%",
     "Two pilots retired and the roster was kept going only with overtime from all of the others, some of them on six days.",
     "Train two new pilots this year and share the overtime evenly until both of them are licensed to take the larger ships in."),
)


def prose_columns_ruled_page():
    """Reviews of suppliers, a rule under every row: beside each name and
    its change, two columns of sentences wrapped over two lines or three,
    their lines on one another's baselines, set from the row's top; a
    cell's last line often as full as the column, the next row's first
    word too long to have fitted on it. The rules say where each cell of
    prose ends: a table."""
    p = Page()
    y = p.title("Supplier Reviews", 790)
    y = p.paragraph("What went wrong with each supplier in the year, and what we do about it.",
                    y - 24)
    widths = [80, 50, 170, 170]
    rows = [["Supplier", "Change", "What happened", "What we do"]] + [
        [name, change, wrap_words(happened, widths[2] - 10), wrap_words(action, widths[3] - 10)]
        for name, change, happened, action in REVIEWS
    ]
    bottom = wrapped_rows(p, y - 20, widths, rows, "lrll", "top", rules="rows", row_gap=3)
    p.paragraph("Changes are in the price per unit against last year.", bottom - 30)
    return p.content(), Placed(rows)


def prose_table(p, top, widths, header, items, rules, size=9, row_gap=6, x=MARGIN, pad=5.0):
    """An item / description table: header row, then cells of running text
    word-wrapped to their column. Returns (bottom y, expected cells)."""
    rows = [header] + [[wrap_words(s, w - 2 * pad, size=size) for s, w in zip(item, widths)] for item in items]
    bottom = wrapped_rows(p, top, widths, rows, "l" * len(widths), "top", pad=pad, size=size,
                          rules=rules, row_gap=row_gap, x=x)
    return bottom, rows


def prose_columns(p, top, text, columns=2, gutter=24, size=10, leading=13, x=MARGIN, width=PAGE_W - 2 * MARGIN):
    """Running text set in newspaper columns, each line justified (word
    spacing stretched) but a paragraph's last. Returns the lowest baseline."""
    col_w = (width - gutter * (columns - 1)) / columns
    lines = []
    for para in text:
        words, cur = para.split(), []
        for word in words:
            if cur and text_width(" ".join(cur + [word]), "F1", size) > col_w:
                lines.append((cur, True))
                cur = []
            cur.append(word)
        lines.append((cur, False))
    per_col = -(-len(lines) // columns)
    lowest = top
    for i, (words, justify) in enumerate(lines):
        col, k = divmod(i, per_col)
        s = " ".join(words)
        tw = 0.0
        if justify and len(words) > 1:
            tw = (col_w - text_width(s, "F1", size)) / (len(words) - 1)
        y = top - k * leading
        lowest = min(lowest, y)
        p.ops.append("BT /F1 %s Tf %s Tw %s %s Td %s Tj ET"
                     % (fmt(size), fmt(tw), fmt(x + col * (col_w + gutter)), fmt(y), pdf_string(s)))
    return lowest


GLOSSARY = (
    ("Accrual", "Revenue or cost recorded when it is earned or incurred, not when the cash moves."),
    ("Amortisation", "The spreading of the cost of an intangible asset over the years in which it is used."),
    ("Covenant", "A promise in a loan agreement, such as keeping debt below a set multiple of earnings; breaking it lets the lender call the loan."),
    ("Goodwill", "What a buyer paid for a business above the fair value of its net assets."),
    ("Working capital", "Current assets less current liabilities, the money tied up in running the business from day to day."),
)

CONTROLS = (
    ("Access review", "Managers confirm every quarter that each user still needs the rights held in the ledger system.", "Signed review lists kept by the IT team."),
    ("Vendor changes", "A second person approves every change to a supplier's bank details before the next payment run.", "Change log with both names."),
    ("Cash counts", "Petty cash is counted by surprise at least twice a year.", "Count sheets filed with finance."),
    ("Journal approval", "Manual journals above the threshold are approved by the controller before they are posted to the ledger.", "Approval stamp in the system."),
)

FIELDS = (
    ("Date", "The day the order was placed, in the time zone of the store."),
    ("Channel", "Where the order came from: the web shop, the mobile app or one of the stores."),
    ("Net amount", "The price of the goods after discounts and before tax and shipping."),
    ("Status", "Open until the goods have shipped; closed when the customer has received them or the order was cancelled."),
)

NEWS = (
    "The board met twice during the year to review the progress of the new warehouse, which opened in the spring after a delay of two months caused by the late delivery of the racking systems and a shortage of qualified installers in the region.",
    "Sales through the web shop grew faster than those in the stores for the third year running, and the company now expects online orders to pass half of its revenue within two years if the current trend holds and the new delivery options are taken up by customers.",
    "Costs rose less than sales because the price of energy fell in the second half and because the move to the new warehouse cut the distance that goods travel before they reach the customer, which in turn lowered the cost of each delivery.",
)


def sample_prose_cells():
    # Issue 12, class 2: tables whose cells are running text.
    p1 = Page()
    y = p1.title("Glossary and Controls", 790)
    y = p1.paragraph("The terms below are used throughout this report with the meanings given here.", y - 24)
    y, glossary = prose_table(p1, y - 20, [100, 330], ["Term", "Meaning"], GLOSSARY, rules=True)
    y = p1.paragraph("Key controls tested during the year, with the evidence kept for each:", y - 36)
    y, controls = prose_table(p1, y - 20, [90, 210, 150], ["Control", "Description", "Evidence"], CONTROLS,
                              rules=False, row_gap=8)
    p1.paragraph("Controls were tested on a sample of the transactions of each quarter.", y - 36)
    p2 = Page()
    y = p2.title("Order Data", 790)
    y = p2.paragraph("Each order in the export has the fields below.", y - 24)
    y, fields = prose_table(p2, y - 20, [90, 300], ["Field", "Description"], FIELDS, rules=False, row_gap=7)
    y = p2.title("Review of the Year", y - 50)
    # Two columns of running text: no header row, every line as wide as its
    # column, text running on from line to line. Not a table.
    y = prose_columns(p2, y - 26, NEWS)
    p2.paragraph("All figures are unaudited.", y - 30)
    # Items of eight lines in narrow columns, a rule under each:
    # still rows of a table (long items without rules are sections of
    # text with their headings beside them).
    p3 = Page()
    y = p3.title("Risk Register", 790)
    y, risks = prose_table(p3, y - 30, [80, 110, 110], ["Risk", "Description", "Response"], RISKS, rules="rows")
    # Codes beside remarks and descriptions set in the middle of their
    # rows, between booktabs rules, the rows parted by space only; a
    # heading of two lines beside headings of one, set midway too.
    p4 = Page()
    y = p4.title("Open Orders", 790)
    y = p4.paragraph("Orders awaiting delivery, with the remarks of the sales office.", y - 24)
    widths = [70, 190, 100]
    orders = [["Order no.", "Remarks", "Description of\nthe item"]] + \
        [[code] + [wrap_words(text, w - 10) for text, w in zip(texts, widths[1:])] for code, *texts in ORDERS]
    bottom = wrapped_rows(p4, y - 24, widths, orders, "lll", "middle", row_gap=14)
    p4.paragraph("Remarks are those of the sales office on the day of export.", bottom - 30)
    # The same, the rows parted by three quarters of an em of space, the
    # findings and actions running to six lines beside one-word sites.
    p5 = Page()
    y = p5.title("Site Inspections", 790)
    widths = [90, 150, 150]
    visits = [["Site", "Findings", "Actions agreed"]] + \
        [[site] + [wrap_words(text, w - 10) for text, w in zip(texts, widths[1:])] for site, *texts in VISITS]
    bottom = wrapped_rows(p5, y - 24, widths, visits, "lll", "middle", row_gap=6.8)
    p5.paragraph("Each site is visited again within six months of its inspection.", bottom - 30)
    # Codes set left in a wide column under a centred title that stands
    # clear of them, beside remarks and notes wrapped over many lines.
    p6 = Page()
    y = p6.title("Order Notes", 790)
    widths = [130, 100, 80, 110]
    notes = [["Order no.", "Remarks", "Amount", "Notes"]] + \
        [[code, wrap_words(remark, 90), amount, wrap_words(note, 100)]
         for code, remark, amount, note in ORDER_NOTES]
    bottom = wrapped_rows(p6, y - 24, widths, notes, "llrl", "top", row_gap=8, head_align="cccc")
    p6.paragraph("Amounts are in euros.", bottom - 30)
    # Remarks of twelve lines set midway beside a code whose rate is empty:
    # six lines of them stand over the code, alone on its line.
    p7 = Page()
    y = p7.title("Claims", 790)
    widths = [80, 55, 110]
    claims = [["Claim", "Rate", "Remarks"]] + \
        [[code, rate, wrap_words(remark, widths[2] - 10)] for code, rate, remark in CLAIMS]
    bottom = wrapped_rows(p7, y - 24, widths, claims, "lrl", "middle", row_gap=8, leading=1.5)
    p7.paragraph("Rates are those agreed with the insurer.", bottom - 30)
    # Codes and changes beside two columns of comments set at the top of
    # rows parted by more space than their lines: a comment's last line,
    # full, seems to run on into the next row's.
    p8 = Page()
    y = p8.title("Vendor Reviews", 790)
    widths = [62, 150, 170, 70]
    words = iter(itertools.cycle(LEDGER_WORDS))
    reviews = [["ID", "Comments", "Findings", "Change"]] + \
        [[code, full_lines(words, widths[1] - 10, comment_lines),
          full_lines(words, widths[2] - 10, finding_lines), change]
         for code, comment_lines, finding_lines, change in VENDOR_REVIEWS]
    bottom = wrapped_rows(p8, y - 24, widths, reviews, "lllr", "top", row_gap=7)
    p8.paragraph("Changes are against the review of the year before.", bottom - 30)
    return [p1.content(), p2.content(), p3.content(), p4.content(), p5.content(), p6.content(),
            p7.content(), p8.content()], \
        [(1, Placed(glossary)), (1, Placed(controls)), (2, Placed(fields)), (3, Placed(risks)),
         (4, Placed(orders)), (5, Placed(visits)), (6, Placed(notes)), (7, Placed(claims)),
         (8, Placed(reviews))]


VENDOR_REVIEWS = [("VR-1041", 1, 3, "(1.1)"), ("VR-2207", 2, 1, "48,140.3"), ("VR-3318", 4, 2, "(508.4)"),
                  ("VR-4420", 2, 2, "656.9"), ("VR-5536", 2, 2, "58.9"), ("VR-6692", 3, 3, "510.7")]
LEDGER_WORDS = ("quarter bank global west dividend account retail label budget growth north standard "
                "plant terminal current gross region direct order urban field credit net provision "
                "cash volume equity south fixed harbor market loan beta price premium income "
                "subsidiary accrual").split()


def full_lines(words, width, n, font="F1", size=9):
    """n lines of the next of words, each filled as far as width (pt) allows,
    joined with "\n": every line ends where word wrap breaks it (the word
    that did not fit is left out, each line starts afresh)."""
    lines = []
    for _ in range(n):
        line = next(words)
        while True:
            word = next(words)
            if text_width(line + " " + word, font, size) > width:
                break
            line += " " + word
        lines.append(line)
    return "\n".join(lines)


CLAIMS = [
    ("CL-84016", "", "debit raised against the subsidiary for the fixed tariff, limited to the "
     "deposit held, its budget and dividend passed to the vendor, the equity of the branch for the "
     "period kept as an expense of the division, the surplus of the partner's fund returned to it "
     "at the year end"),
    ("CL-11252", "69.7%", "stock and logistics costs, bank charges and tax found at the audit, "
     "with the accrued revenue of the freight"),
    ("CL-34182", "-26.5%", "central expense shared with the project"),
]


ORDER_NOTES = [
    ("SK-8750", "premium paper, two pallets, delivered to the back door of the shop",
     "(215.27)", "returned in part: one pallet was wet on arrival and is to be credited"),
    ("TR-4060", "freight by road to the north depot, booked for the first week of the month",
     "(688,773.29)", "net of the credit given for the late delivery of the last order"),
    ("RF-8446", "central store, yield checked on arrival against the delivery note",
     "46,938.96", "credit standard, tax paid at the border by the carrier on our behalf"),
    ("PO-4596", "total balance of the risk account carried over from the previous year",
     "1,505.51", "audit of the customer file due in the spring, before the accounts close"),
    ("RF-5794", "online order, paid by card at the time of the order and shipped the day after",
     "(200.43)", "local reserve released when the goods were received and signed for"),
]


VISITS = [
    ("Quayside", "Two fire doors were wedged open and the sprinkler valve room was used to store "
     "cleaning materials.", "Doors fitted with magnetic holders by the end of the month; the valve "
     "room cleared and locked, its key kept at the gate."),
    ("Foundry", "Dust extraction works well.", "None beyond the yearly filter change, booked for the "
     "spring shutdown with the usual contractor."),
    ("Warehouse", "Racking at the loading end is dented where forklifts turn, and two aisles have no "
     "floor markings left after the resurfacing work in the autumn.", "Damaged uprights replaced and "
     "guards fitted; aisles marked again."),
    ("Offices", "First aid boxes are out of date on two floors.", "Boxes restocked, and a named "
     "person on each floor now checks them every quarter and signs the log."),
]


ORDERS = [
    ("HX-65048", "Awaiting the carrier's slot at the coastal depot.",
     "Pallet racking, two bays"),
    ("INV-28012", "Partly shipped; the rest follows once the customer confirms the delivery address "
     "for the second site and the freight quote is signed.",
     "Cold store shelving in galvanised steel with adjustable feet, corner posts, bracing kits "
     "and the fixings for a concrete floor, packed flat"),
    ("C-51296", "",
     "Replacement conveyor belts for the sorting line, cut to length on site, with the joining "
     "tools, the tension gauges and a spare roll for the winter season"),
    ("TR-53610", "Paid in advance; release when the stock count is done.",
     "Label printer"),
]


RISKS = [
    ("Supplier failure",
     "A single supplier provides most of the packaging used at both plants, and a stoppage there "
     "would halt the filling lines within two weeks of the last delivery received.",
     "A second supplier has been qualified for the main formats; safety stock now covers six weeks "
     "of demand and is counted at every month end."),
    ("Currency",
     "Most raw materials are bought in dollars while most sales are made in euros, so a weaker euro "
     "raises costs before prices can be changed in the next round of contracts.",
     "Purchases for the coming year are hedged in part with forward contracts, and price clauses "
     "in the larger contracts follow the exchange rate each quarter."),
    ("Key staff",
     "The knowledge of the older filling lines rests with a few engineers, two of whom retire within "
     "three years, and the lines cannot be run safely without them on site.",
     "Each engineer now trains a successor, the procedures are written down and reviewed by the "
     "plant managers, and the oldest line is to be replaced next year."),
]


def column_flow(p, x, top, width, items, size=9, leading=11.5, gap=5):
    """One page column of rules-book text, line by line: headings ("h"),
    paragraphs ("p"), labelled paragraphs with a hanging indent ("a", label
    first) and bullet items ("b"); lines justified but a paragraph's last.
    Returns the lowest baseline."""
    y = top
    for item in items:
        kind, body = item[0], item[-1]
        if kind == "h":
            p.text(x, y, body, "F2", size + 1)
            y -= leading + gap
            continue
        label = {"a": item[1] if len(item) > 2 else "", "b": "\u2022", "p": ""}[kind]
        indent = {"a": 16, "b": 26, "p": 0}[kind]
        if label:
            p.text(x + (10 if kind == "b" else 0), y, label, "F1", size)
        line_w = width - indent
        lines, cur = [], []
        for word in body.split():
            if cur and text_width(" ".join(cur + [word]), "F1", size) > line_w:
                lines.append((cur, True))
                cur = []
            cur.append(word)
        lines.append((cur, False))
        for words, justify in lines:
            text = " ".join(words)
            tw = (line_w - text_width(text, "F1", size)) / (len(words) - 1) if justify and len(words) > 1 else 0.0
            p.ops.append("BT /F1 %s Tf %s Tw %s %s Td %s Tj ET"
                         % (fmt(size), fmt(tw), fmt(x + indent), fmt(y), pdf_string(text)))
            y -= leading
        y -= gap
    return y + leading + gap


RULES_LEFT = (
    ("h", "2.1 Tests before delivery"),
    ("a", "a)", "Every unit is run on the test bed of the maker before it leaves the works, at the loads and speeds agreed with the buyer and under the eyes of an inspector."),
    ("a", "b)", "As a minimum, the following values are measured and written down at each load point:"),
    ("b", "speed of the shaft"),
    ("b", "torque at the coupling"),
    ("b", "pressure of the charge air and its temperature before the cooler"),
    ("b", "temperature of the exhaust gas after each cylinder"),
    ("p", "Where a value cannot be measured on a unit of this size, the maker proposes another means of showing it, and the inspector decides whether that means is good enough."),
    ("h", "2.2 Records"),
    ("a", "a)", "The records of the tests are signed by the inspector and kept by the maker for at least ten years after the unit has been delivered to the buyer."),
)
RULES_RIGHT = (
    ("h", "2.3 Tests on board"),
    ("a", "a)", "After it has been installed, the unit is run again with the ship at its berth and then at sea, to show that it works with the shafting and the controls of the ship."),
    ("a", "b)", "The sea trial covers at least the following points, each held long enough for the temperatures to settle:"),
    ("b", "full power at the rated speed of the shaft, for two hours"),
    ("b", "the lowest speed at which the unit runs steadily without help"),
    ("b", "starting and reversing, as many times as the rules ask for"),
    ("a", "c)", "Where the trial cannot be held in full, the owner and the inspector agree on a shorter programme, and the missing points are tested at the first chance."),
    ("h", "2.4 Certificates"),
    ("a", "a)", "A certificate is issued when the tests on board have been passed and the records sent."),
)


def sample_page_columns():
    # Issue 12, class 3: page text in two columns lines up across the
    # gutter, a line of each paragraph a row: not a table. A table set just
    # above such text stays a table of its own.
    p1 = Page()
    y = p1.title("Results of the Year", 790)
    table = Table(
        [
            ["Plant", "Units", "Hours run", "Output (MWh)"],
            ["North", "12", "8,140", "96,210.5"],
            ["South", "9", "7,925", "71,004.0"],
            ["Harbour", "4", "6,310", "22,870.25"],
            ["Total", "25", "22,375", "190,084.75"],
        ],
        widths=[150, 80, 100, 120],
        heights=[15] * 5,
        align="lrrr",
        rules="booktabs",
    )
    y = table.place(p1, MARGIN, y - 18)
    col_w = (PAGE_W - 2 * MARGIN - 20) / 2
    top = y - 22
    column_flow(p1, MARGIN, top, col_w, RULES_LEFT)
    column_flow(p1, MARGIN + col_w + 20, top, col_w, RULES_RIGHT)
    p1.text(MARGIN, 40, "Annual report 2024")
    p2 = Page()
    y = p2.title("Rules for Engines", 790) - 24
    column_flow(p2, MARGIN, y, col_w, RULES_RIGHT + RULES_LEFT[:7])
    column_flow(p2, MARGIN + col_w + 20, y, col_w, RULES_LEFT[7:] + RULES_RIGHT[:6])
    p2.text(MARGIN, 40, "Annual report 2024")
    p3, rates = small_table_beside_text_page()
    p5, allowances = table_in_a_page_column_page()
    pages = [p1.content(), p2.content(), p3, list_beside_running_head_page(), p5,
             three_page_columns_page()]
    return pages, [(1, table), (3, rates), (5, allowances)]


def three_page_columns_page():
    """A page of rules-book text in three columns under a page head, the
    gutters narrower than the gap justified lines leave between words at
    their widest, a thin rule down the middle of each: no table."""
    p = Page()
    gutter = 9
    col_w = (PAGE_W - 2 * MARGIN - 2 * gutter) / 3
    xs = [MARGIN + k * (col_w + gutter) for k in range(3)]
    p.text(MARGIN, 800, "Rules for Engines, Part 2", "F2", 10)
    p.line(MARGIN, 792, PAGE_W - MARGIN, 792)
    top = 776
    items = RULES_LEFT + RULES_RIGHT
    bottom = column_flow(p, xs[0], top, col_w, items[:9])
    bottom = min(bottom, column_flow(p, xs[1], top, col_w, items[9:] + items[:3]))
    bottom = min(bottom, column_flow(p, xs[2], top, col_w, items[3:12]))
    p.ops.append("q 0.4 w 0 G")
    for x in xs[1:]:
        p.line(x - gutter / 2, top + 10, x - gutter / 2, bottom - 4)
    p.ops.append("Q")
    return p.content()


def table_in_a_page_column_page():
    """Two page columns of paragraphs under a page head, their lines meeting
    across the gutter where baselines do; in the right column, between two
    paragraphs, a table of two columns whose rows are 16 pt apart (off the
    text's grid): labels set left, amounts set right, the first amount's
    currency sign apart at the column's left edge."""
    p = Page()
    col_w = (PAGE_W - 2 * MARGIN - 20) / 2
    right = MARGIN + col_w + 20
    p.text(MARGIN, 800, "Bulletin 12", "F2", 10)
    p.text(right, 800, "Office of the Harbour Master", "F2", 10)
    p.line(MARGIN, 792, PAGE_W - MARGIN, 792)
    top = 770
    column_flow(p, MARGIN, top, col_w, [("p", item[-1]) for item in RULES_LEFT + RULES_RIGHT])
    y = column_flow(p, right, top, col_w, [("p", item[-1]) for item in RULES_RIGHT[1:3]]) - 26
    amount_right, sign_x = right + col_w - 10, right + col_w - 70
    p.text(right, y, "Vessel", "F2", 9)
    p.text(amount_right - text_width("Dues", "F2", 9), y, "Dues", "F2", 9)
    rows = [["Vessel", "Dues"]]
    for k, (vessel, amount) in enumerate([
        ("Tug", "48.20"), ("Barge", "131.75"), ("Ferry", "162.40"),
        ("Coaster", "295.10"), ("Tanker", "918.00"), ("Bulk carrier", "1,640.00"),
        ("Container ship", "3,410.00"), ("Other, a day", "12.85"),
    ]):
        y -= 16
        p.text(right, y, vessel)
        p.text(amount_right - text_width(amount, "F1", 10), y, amount)
        if k == 0:
            p.text(sign_x, y, "$")
        rows.append([vessel, "$ " + amount if k == 0 else amount])
    column_flow(p, right, y - 26, col_w, [("p", item[-1]) for item in RULES_LEFT[1:3]])
    p.text(MARGIN, 40, "Annual report 2024")
    return p.content(), Placed(rows)


def list_beside_running_head_page():
    """A paragraph whose last two lines lead in to four bullets, and in the
    margin beside them a running head of two lines and the page number:
    a list, no table of three columns."""
    p = Page()
    y = p.title("Working in Shifts", 790) - 24
    y = p.paragraph(
        "Staff of the three plants were asked about their working hours and how "
        "the hours fit with the rest of their lives. Each of them was asked four "
        "questions about their work and their families, as follows:",
        y,
        width=360,
    )
    p.text(MARGIN + 400, y + 13, "Shift work", "F2", 9)
    p.text(MARGIN + 400, y, "interventions", "F2", 9)
    for k, item in enumerate(
        [
            "What helps your family most in the week?",
            "What harms your family most in the week?",
            "What helps you most at work?",
            "What harms you most at work?",
        ]
    ):
        base = y - 13 * (k + 1)
        p.text(MARGIN + 10, base, "\u2022")  # a bullet: 0x95 in WinAnsi
        p.text(MARGIN + 24, base, item)
    p.text(MARGIN + 440, y - 13 * 4, "169")
    p.paragraph(
        "The answers were read by two people apart and sorted into the kinds "
        "of help and harm named most often, which the next pages set out.",
        y - 13 * 6,
        width=360,
    )
    return p.content()


def small_table_beside_text_page():
    """A booktabs table set in 7.5 pt in the left page column, the right
    column's 10 pt text on the same baselines: the rates, set right, stand
    7 pt (under an em of the text beside) from the ranges set left after
    them, a heading running over the gap. Under the bottom rule, as large as
    the table, a line explaining an abbreviation and one a unit run across
    its columns: notes, not rows."""
    p = Page()
    rng = Lcg(61)
    y = p.title("Health of the Regions", 790) - 30
    size, step, x0, x1 = 7.5, 11, MARGIN, MARGIN + 230
    # Every line on the 11 pt grid of the text beside.
    p.text(x0, y, "Table 6. Deaths and rates* by region, 2024", "F2", 9)
    p.line(x0, y - 4, x1, y - 4)
    heading = "Deaths and rates"
    p.text(x0 + 135 - text_width(heading, "F2", size) / 2, y - step, heading, "F2", size)
    p.line(x0 + 80, y - step - 3, x1, y - step - 3)
    header = y - 2 * step
    p.text(x0 + 3, header, "Region", "F2", size)
    # The stub's heading, in the box of both header lines, spans them.
    rows = [["Region", "Deaths and rates", "", ""], ["", "No.", "Rate", "(95% CI)"]]
    no_right, rate_right, ci_left = x0 + 110, x0 + 145, x0 + 152
    for s, right in (("No.", no_right), ("Rate", rate_right)):
        p.text(right - text_width(s, "F2", size), header, s, "F2", size)
    p.text(ci_left, header, "(95% CI)", "F2", size)
    p.line(x0, header - 4, x1, header - 4)
    base = header - step
    for region in ["Coast", "Delta", "Hills", "Lakes", "Marsh", "Plains", "Upland", "Valley"]:
        count, rate = 200 + rng.next(9000), 40 + rng.next(160) + rng.next(10) / 10.0
        half = 1 + rng.next(40) / 10.0
        cells = [region, "{:,}".format(count), "%.1f" % rate, "(%.1f\u2013%.1f)" % (rate - half, rate + half)]
        p.text(x0 + 3, base, cells[0], "F1", size)
        p.text(no_right - text_width(cells[1], "F1", size), base, cells[1], "F1", size)
        p.text(rate_right - text_width(cells[2], "F1", size), base, cells[2], "F1", size)
        p.text(ci_left, base, cells[3], "F1", size)
        rows.append(cells)
        base -= step
    p.line(x0, base + step - 3, x1, base + step - 3)
    p.text(x0, base, "Abbreviation: CI = confidence interval of the rate.", "F1", 8)
    p.text(x0, base - step, "* Per 100,000 people.", "F1", 8)
    prose = (
        "Rates are given per head of the population of each region, adjusted to the "
        "age structure of the country as a whole, so that regions with older people "
        "do not appear worse off for that reason alone. The intervals show the range "
        "within which the true rate lies with a probability of ninety-five in a "
        "hundred, given the number of deaths counted; small regions have wide ranges. "
        "Deaths are counted by the region of residence, not by the region in which "
        "they occurred, and include those of residents who died abroad. The "
        "population of each region is taken from the estimates made in the middle "
        "of the year, which are revised once the next census has been counted; the "
        "rates of the last two years may change a little when that is done."
    )
    wrapped = wrap_words(prose, PAGE_W - MARGIN - (x1 + 24), "F1", 10).split("\n")
    for k, line in enumerate(wrapped):
        p.text(x1 + 24, y - k * step, line, "F1", 10)
    return p.content(), Placed(rows, spans=[(0, 0, 2, 1), (0, 1, 1, 3)])


PLEADING = (
    "Plaintiff brings this action to recover the sums due under the supply",
    "agreement signed by the parties in March of last year, and states:",
    "",
    "1. The defendant ordered the goods listed below and took delivery of",
    "them at its warehouse without objection.",
    "",
)
PLEADING_AFTER = (
    "",
    "2. No part of the price has been paid, although the invoices fell due",
    "within thirty days of delivery and were sent to the defendant twice.",
    "",
    "3. Plaintiff asks the court for judgment in the amount shown above,",
    "with interest from the date each invoice fell due, and costs.",
    "",
    "",
)


def sample_side_by_side():
    # Issue 12: two tables set side by side, a rule under every row of each
    # and none across both, their rows at different heights (so lines of
    # both meet on one baseline): two tables, each row its own, wrapped
    # cells whole. Under them, two booktabs tables side by side whose
    # header lines meet: two tables too.
    p = Page()
    y = p.title("Tools and Instruments", 790) - 30
    half = (PAGE_W - 2 * MARGIN - 24) / 2
    left_rows = [
        ["Tool", "Use", "Note"],
        ["Saw", "Cuts", "Wood"],
        ["Spokeshave-\nplane", "Smooths", "Edges"],
        ["Rasp", "Shapes", "Curves,\nhollows,\nends of\nlegs"],
    ]
    right_rows = [
        ["Instrument", "Family", "Range"],
        ["Viola or\nviolin", "Strings", "C3 to E6,\nG3 to A7"],
        ["Oboe", "Reeds", "B3 to A6"],
        ["Tuba", "Brass", "D1 to F4\nand lower"],
    ]
    widths = [half * 0.4, half * 0.25, half * 0.35]
    bottom = min(
        wrapped_rows(p, y, widths, left_rows, "lll", "middle", size=10, rules="rows", row_gap=10),
        wrapped_rows(p, y + 7, widths, right_rows, "lll", "middle", size=10, rules="rows", row_gap=7,
                     x=MARGIN + half + 24),
    )
    y = bottom - 40
    years = [
        ["Year", "Births", "Deaths"],
        ["2021", "10,412", "9,870"],
        ["2022", "10,128", "10,006"],
        ["2023", "9,904", "10,233"],
    ]
    moves = [
        ["Year", "Moved in", "Moved out"],
        ["2021", "3,210", "2,874"],
        ["2022", "3,418", "3,002"],
        ["2023", "3,655", "3,120"],
    ]
    widths = [half * 0.3, half * 0.35, half * 0.35]
    wrapped_rows(p, y, widths, years, "lrr", "top", size=10)
    wrapped_rows(p, y, widths, moves, "lrr", "top", size=10, x=MARGIN + half + 24)
    tables = [(1, Placed(rows)) for rows in (left_rows, right_rows, years, moves)]
    panels, panel_tables = panels_page()
    return [p.content(), panels], tables + [(2, Placed(rows)) for rows in panel_tables]


def panel(p, x, top, width, heading, rows, align, size=8, step=13):
    """A summary page's panel: its heading on a rule as wide as the panel,
    under it a table of rows (the first in bold, a rule under it) one line
    each, step apart, columns spread over the width (align per column, 'l'
    or 'r'). Returns the bottom y."""
    p.text(x, top, heading, "F2", 11)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    p.line(x, top - 4, x + width, top - 4)
    p.line(x, top - 4 - step - 3, x + width, top - 4 - step - 3)
    p.ops.append("Q")
    cols = len(align)
    first = 0.4 * width  # the label column
    rest = (width - first) / (cols - 1)
    for k, row in enumerate(rows):
        base = top - 4 - step * (k + 1) + 2 - (3 if k else 0)
        font = "F2" if k == 0 else "F1"
        for c, text in enumerate(row):
            if not text:
                continue
            right = x + first + rest * c - 2 if c else x
            w = text_width(text, font, size)
            p.text(right - w if align[c] == "r" else right, base, text, font, size)
    return top - 4 - step * len(rows) - 3


def panels_page():
    # Issue 12: a fund's summary page set as a grid of panels, each a
    # heading on a rule and a small table under it, panels a narrow gutter
    # (less than a column gap) apart with their rows in step, so the words
    # of a row of panels line up as one wide table's would. Under a page
    # title on a rule across the page: three panels on one level, two on
    # the next; five tables.
    p = Page()
    y = p.title("Fund Summary", 790)
    p.text(PAGE_W - MARGIN - text_width("As of 30/06/2024", "F1", 10), y, "As of 30/06/2024", "F1", 10)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    p.line(MARGIN, y - 6, PAGE_W - MARGIN, y - 6)
    p.ops.append("Q")
    gutter = 8
    width = (PAGE_W - 2 * MARGIN - 2 * gutter) / 3
    holdings = [["Asset", "Count"], ["Term loans", "293"], ["Revolvers", "4"], ["Bonds", "12"],
                ["Equity", "1"]]
    cash = [["Account", "Balance"], ["Principal", "12,815.94"], ["Interest", "13,000.09"],
            ["Reserve", "727.58"], ["Expense", "45.10"]]
    notes = [["Class", "Balance", "Coupon"], ["A-1", "256,000", "6.82%"], ["A-2", "16,000", "7.02%"],
             ["B", "24,000", "7.30%"], ["C", "24,000", "7.80%"]]
    top = y - 40
    bottoms = [
        panel(p, MARGIN + k * (width + gutter), top, width, heading, rows, align)
        for k, (heading, rows, align) in enumerate((
            ("Holdings", holdings, "lr"), ("Cash Accounts", cash, "lr"),
            ("Notes", notes, "lrr")))
    ]
    width = (PAGE_W - 2 * MARGIN - gutter) / 2
    coverage = [["Test", "Current", "Threshold", "Result"],
                ["A/B overcollateral", "131.44%", "122.60%", "PASS"],
                ["C overcollateral", "121.82%", "114.00%", "PASS"],
                ["D overcollateral", "112.24%", "106.40%", "PASS"],
                ["Interest cover", "N/A", "120.00%", "N/A"]]
    quality = [["Test", "Current", "Threshold", "Result"],
               ["Rating factor", "2,577", "3,250", "PASS"],
               ["Diversity", "85", "40", "PASS"],
               ["Floating spread", "3.50%", "2.00%", "PASS"],
               ["Average life", "4.83", "9.00", "PASS"]]
    top = min(bottoms) - 40
    panel(p, MARGIN, top, width, "Coverage Tests", coverage, "lrrr")
    panel(p, MARGIN + width + gutter, top, width, "Quality Tests", quality, "lrrr")
    footer(p, "Page 2 of 2")
    return p.content(), [holdings, cash, notes, coverage, quality]


def sample_numbered_lines():
    # Issue 12, class 3: the numbers down the margin of a pleading or a
    # transcript count its lines (blank lines too); they are no column of a
    # table. A table's own row numbers stand beside their rows and stay.
    p1 = Page()
    pitch, top, number_x = 24.0, 770.0, MARGIN + 14
    lines = list(PLEADING)
    table = Table(
        [
            ["Invoice", "Delivered", "Amount"],
            ["A-1021", "2024-03-04", "12,400.00"],
            ["A-1033", "2024-03-18", "8,215.50"],
            ["A-1047", "2024-04-02", "3,960.00"],
        ],
        widths=[110, 110, 110],
        heights=[pitch] * 4,
        align="llr",
        rules="none",
    )
    text_x = MARGIN + 40
    for k, line in enumerate(lines):
        if line:
            p1.text(text_x, top - pitch * k, line, size=11)
    table_top = top - pitch * len(lines) + 0.5 * pitch + 4
    table.place(p1, text_x + 20, table_top)
    after_top = top - pitch * (len(lines) + 4)
    for k, line in enumerate(PLEADING_AFTER):
        if line:
            p1.text(text_x, after_top - pitch * k, line, size=11)
    total = len(lines) + 4 + len(PLEADING_AFTER)
    for k in range(total):
        label = str(k + 1)
        p1.text(number_x - text_width(label, "F1", 10), top - pitch * k, label, size=10)
    p1.line(MARGIN + 24, 800, MARGIN + 24, 60)
    # Numbered rows of a table, every row filled, at an even pitch.
    p2 = Page()
    y = p2.title("Parts Delivered", 790)
    parts = ["Bolt M8", "Nut M8", "Washer 8", "Bracket", "Hinge", "Spring", "Gasket", "Seal ring",
             "Clamp", "Bearing", "Shaft", "Pulley"]
    numbered = Table(
        [["No.", "Part", "Qty"]] + [[str(i + 1), part, str(10 * (i + 2))] for i, part in enumerate(parts)],
        widths=[40, 140, 60],
        heights=[16] * (len(parts) + 1),
        align="rlr",
        rules="booktabs",
    )
    y = numbered.place(p2, MARGIN, y - 20)
    p2.paragraph("Quantities are in pieces.", y - 24)
    p3, rates = sideways_in_the_margin_page()
    return [p1.content(), p2.content(), p3], [(1, table), (2, numbered), (3, rates)]


def sideways_in_the_margin_page():
    """A table set by alignment alone, its last column near the page's
    right edge, and beside it in the margin the report's name set sideways,
    running up the page level with the table's rows: the table alone."""
    p = Page()
    y = p.title("Rates by District", 790)
    rows = [["District", "Total", "Rural", "Urban", "Men", "Women"],
            ["Alder", "88.8", "88.6", "91.1", "85.6", "92.3"],
            ["Birch", "87.2", "86.4", "93.8", "85.6", "89.1"],
            ["Cedar", "85.3", "84.9", "86.8", "84.4", "86.2"],
            ["Dune", "83.2", "82.8", "-", "81.5", "85.1"],
            ["Elm", "92.9", "92.8", "94.1", "92.5", "93.4"],
            ["Fern", "87.3", "86.9", "91.4", "84.4", "90.6"],
            ["Gorse", "85.5", "83.9", "91.5", "86.2", "84.9"],
            ["Heath", "87.2", "87.0", "90.3", "82.9", "92.0"]]
    table = Table(rows, widths=[130, 70, 70, 70, 70, 70], heights=[18] * len(rows),
                  align="lrrrrr", rules="none")
    bottom = table.place(p, MARGIN, y - 24)
    # The name's baseline 12 pt right of the table, running up from its
    # fourth row.
    p.text_up(MARGIN + sum(table.widths) + 22, bottom + 40, "District Health Survey 2031", "F2", 12)
    p.paragraph("Shares of children in school, per cent.", bottom - 24)
    return p.content(), table


def sample_stubs():
    p = Page()
    y = p.title("Income Summary", 790)
    y = p.paragraph(
        "Sub-items are indented under their heading and carry their own figures; "
        "a heading without figures is a row of its own, and sections stand apart "
        "by a little more space than their lines.",
        y - 24,
    )
    rows = [
        (0, "Item", ("2023", "2024")),
        (0, "Revenue", ("1,200", "1,350")),
        (1, "of which: domestic", ("800", "870")),
        (1, "of which: export", ("400", "480")),
        (0, "Operating costs", ()),
        (1, "Staff", ("450", "470")),
        (0, "Financial items", ()),
        (1, "Interest received", ("15", "22")),
        (1, "Interest paid", ("-5", "-7")),
        (0, "Net result", ("465", "582")),
    ]
    size, leading, section_gap = 9, 12, 8
    xs = [MARGIN, MARGIN + 190, MARGIN + 260, MARGIN + 330]
    top = y - 20
    base = top - 14
    cells = []
    for k, (level, label, values) in enumerate(rows):
        font = "F2" if k == 0 else "F1"
        if k > 1 and level == 0:
            base -= section_gap
        p.text(xs[0] + 3 + 10 * level, base, label, font, size)
        for c, v in enumerate(values):
            p.text(xs[c + 2] - 3 - text_width(v, font, size), base, v, font, size)
        cells.append([label] + list(values) + [""] * (2 - len(values)))
        if k == 0:
            header_rule = base - 4
        base -= leading
    bottom = base + leading - 4
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        p.line(xs[0], yy, xs[-1], yy)
    p.ops.append("Q")
    p.paragraph("Figures in thousands of euros; costs are shown as positive amounts.", bottom - 30)
    p2, payments = listing_page()
    p3, budget = budget_summary_page()
    p4, wrapped = labels_wrapped_solid_page()
    p5, merged = label_merged_over_a_blank_row_page()
    return [p.content(), p2, p3.content(), p4.content(), p5.content()], \
        [(1, Placed(cells)), (2, payments), (3, Placed(budget))] + [(4, Placed(t)) for t in wrapped] \
        + [(5, merged)]


def label_merged_over_a_blank_row_page():
    """A ruled table whose group label is merged down three rows and set
    midway over them, the first of them blank beside it: the blank row is
    the group's, not a gap to take out."""
    p = Page()
    y = p.title("Sales by channel", 780)
    table = Table(
        [
            ["Channel", "Cost", "Change"],
            ["Retail", "405.89", "-28.95"],
            ["Sales total", "", ""],
            ["", "-7,191.14", "(1.02)"],
            ["", "-273.60", "-731.96"],
            ["Segment", "1,872.25", "9.06"],
        ],
        widths=[120, 80, 80],
        heights=[20] * 6,
        align="lrr",
        spans=[(2, 0, 3, 1)],
    )
    table.place(p, MARGIN, y - 24)
    return p, table


def labels_wrapped_solid_page():
    """Two tables set solid (a line every 10.5 pt, rows no further apart
    than a label's lines), between booktabs rules, whose long labels wrap
    onto an indented line beginning in lower case: the figures on the
    label's first line in the first table, on its last in the second.
    Each wrapped label is one row with its figures."""
    p = Page()
    y = p.title("Outlays by Function", 790)
    functions = [
        ("National defense", None, ("766.6", "805.4", "850.1")),
        ("International affairs and foreign", "economic assistance", ("71.5", "68.9", "72.0")),
        ("General science, space and", "technology", ("41.2", "43.7", "45.9")),
        ("Energy", None, ("8.9", "9.4", "10.2")),
        ("Natural resources and", "environment", ("52.1", "55.8", "58.3")),
        ("Agriculture", None, ("38.0", "35.2", "33.9")),
        ("Total outlays", None, ("1,097.7", "1,176.9", "1,231.2")),
    ]
    size, step = 9, 10.5
    xs = [MARGIN + 3, MARGIN + 270, MARGIN + 340, MARGIN + 410]
    tables = []
    top = y - 24
    for figures_last in (False, True):
        base = top - 12
        p.text(xs[0], base, "Function", "F2", size)
        for x, year in zip(xs[1:], ("2022", "2023", "2024")):
            p.text(x - text_width(year, "F2", size), base, year, "F2", size)
        rule = base - 4
        base -= step + 4
        cells = [["Function", "2022", "2023", "2024"]]
        for label, wrapped, values in functions:
            p.text(xs[0], base, label, "F1", size)
            if wrapped:
                p.text(xs[0] + 8, base - step, wrapped, "F1", size)
            at = base - step if wrapped and figures_last else base
            for x, v in zip(xs[1:], values):
                p.text(x - text_width(v, "F1", size), at, v, "F1", size)
            base -= 2 * step if wrapped else step
            cells.append([label + ("\n" + wrapped if wrapped else "")] + list(values))
        bottom = base + step - 4
        p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
        for yy in (top, rule, bottom):
            p.line(MARGIN, yy, xs[-1] + 3, yy)
        p.ops.append("Q")
        tables.append(cells)
        top = p.paragraph("The same outlays, each figure on the last line of its label.",
                          bottom - 30) - 24
    return p, tables


def budget_summary_page():
    """A budget summary as a government sets it: a title set large and the
    unit under it, both centred over the table, and a header of years over
    the figures only, its stub head empty, two totals under a heading over
    both; then groups of rows under labels set left of their indented
    items (the first two labels one under the other, the second long), dot
    leaders from each item to its figures. No rules. One table under its
    title."""
    p = Page()
    size, leading = 8, 11
    years = ["2026", "2027", "2028", "2029", "2030", "2031", "2027-31", "2027-36"]
    rights = [MARGIN + 230 + 38 * k for k in range(len(years))]
    centre = (MARGIN + rights[-1]) / 2
    top = 760
    title = "Table B-2.   Budget by Category"
    p.text(centre - text_width(title, "F2", 12) / 2, top, title, "F2", 12)
    unit = "(In millions of dollars)"
    p.text(centre - text_width(unit, "F1", size) / 2, top - 15, unit, "F1", size)
    totals_head = "Totals"
    mid = (rights[-2] + rights[-1]) / 2 - 12
    p.text(mid - text_width(totals_head, "F2", size) / 2, top - 29, totals_head, "F2", size)
    base = top - 39
    for text, right in zip(years, rights):
        p.text(right - text_width(text, "F2", size), base, text, "F2", size)
    rows = [[""] * 7 + [totals_head, ""], [""] + years]
    groups = [("Spending:", "Programs set by each year's appropriation acts:", [
                  ("Defence", [512, 530, 541, 556, 570, 583]),
                  ("Other agencies", [610, 618, 622, 631, 640, 652])]),
              ("Receipts:", None, [
                  ("Income taxes", [1804, 1872, 1950, 2031, 2115, 2203]),
                  ("Customs duties", [41, 43, 44, 46, 47, 49]),
                  ("Other receipts", [96, 99, 103, 105, 110, 114])])]
    base -= leading + 8
    for label, sub, items in groups:
        p.text(MARGIN, base, label, "F2", size)
        rows.append([label] + [""] * 8)
        base -= leading
        indent = 8
        if sub:
            p.text(MARGIN + indent, base, sub, "F1", size)
            rows.append([sub] + [""] * 8)
            base -= leading
            indent += 8
        for name, figures in items:
            p.text(MARGIN + indent, base, name, "F1", size)
            start = MARGIN + indent + text_width(name + " ", "F1", size)
            dots = "." * int((rights[0] - 40 - start) / text_width(".", "F1", size))
            p.text(start, base, dots, "F1", size)
            values = figures + [sum(figures[1:]), sum(figures[1:]) * 2]
            shown = ["{:,}".format(v) for v in values]
            for v, right in zip(shown, rights):
                p.text(right - text_width(v, "F1", size), base, v, "F1", size)
            rows.append([name] + shown)
            base -= leading
    p.paragraph("Totals for 2032 to 2036 are projections.", base - 20, size=9)
    return p, rows


def listing_page():
    """A listing of payments under booktabs rules, every line 12 pt below
    the last: each payment opens on its reference and date, its
    description on two lines broken by the writer (the second longer than
    the first), the amount beside the first; the two allowances at the top
    have no reference. A payment's lines are one row."""
    p = Page()
    y = p.title("Payments in March", 790)
    y = p.paragraph("Allowances first, then payments by card, each described on two lines.",
                    y - 24)
    header = ["Reference", "Date", "Payee", "Description", "Amount"]
    records = [["", "", "Ines Moreau", ["Field allowance"], "1,250.00"],
               ["", "", "Omar Haddad", ["Stand-by allowance"], "410.50"],
               ["PC-1041", "03/02", "Harbour Rail", ["Staff travel", "Return fare to the north quay depot"], "612.40"],
               ["PC-1042", "03/04", "Coast Air", ["Staff travel", "Flight to the supplier audit and back"], "288.00"],
               ["PC-1047", "03/09", "Bay Hotel", ["Lodging", "Two nights for the training course"], "1,034.75"],
               ["PC-1052", "03/16", "Harbour Rail", ["Board travel", "Fares for the members to the meeting"], "96.30"],
               ["PC-1058", "03/23", "Dredge Works", ["Survey", "Inspection of the dredger's hull"], "1,420.00"]]
    size, step = 9, 12
    xs = [MARGIN + 3, MARGIN + 63, MARGIN + 108, MARGIN + 198]
    amount_right, width = MARGIN + 440, 444
    top = y - 24
    base = top - 11
    for c, cell in enumerate(header):
        x = amount_right - text_width(cell, "F2", size) if c == 4 else xs[c]
        p.text(x, base, cell, "F2", size)
    header_rule = top - 15
    base = header_rule - 11
    cells = [header]
    for ref, date, payee, lines, amount in records:
        for c, cell in enumerate((ref, date, payee)):
            p.text(xs[c], base, cell, "F1", size)
        p.text(amount_right - text_width(amount, "F1", size), base, amount, "F1", size)
        for line in lines:
            p.text(xs[3], base, line, "F1", size)
            base -= step
        cells.append([ref, date, payee, "\n".join(lines), amount])
    bottom = base + step - 4
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        p.line(MARGIN, yy, MARGIN + width, yy)
    p.ops.append("Q")
    p.paragraph("Amounts are in euros.", bottom - 24)
    return p.content(), Placed(cells)


class Spanned(Placed):
    """Expected cells of a table drawn by hand, with spans (row, col,
    rowspan, colspan)."""

    def __init__(self, cells, spans):
        super().__init__(cells)
        self.spans = spans

    def expected(self, page_no):
        return {**super().expected(page_no), "spans": [list(s) for s in self.spans]}


def sample_group_rules():
    # A booktabs header of two lines in one band: group headings, a short
    # rule under each over its columns, the columns' headings under the
    # rules, the stub's heading beside the lower line.
    p = Page()
    y = p.title("Deaths and Admissions by Region", 790)
    y = p.paragraph("Rates per 100,000; the confidence interval in brackets.", y - 24)
    groups = [("Deaths", 1), ("Admissions", 4)]
    sub = ["no.", "Rate", "(95% CI)"]
    body = [
        ["North", "1,144", "193.5", "(182.2-204.8)", "2,210", "37.6", "(32.6-42.6)"],
        ["South", "39,385", "181.2", "(179.4-183.0)", "6,398", "29.7", "(29.0-30.5)"],
        ["East", "6,930", "177.4", "(173.2-181.6)", "2,085", "53.3", "(51.0-55.6)"],
        ["West", "10,602", "167.8", "(164.6-171.0)", "3,407", "54.6", "(52.8-56.5)"],
    ]
    size, leading = 9, 12
    xs = [MARGIN, MARGIN + 110, MARGIN + 160, MARGIN + 205, MARGIN + 275, MARGIN + 325, MARGIN + 370,
          MARGIN + 440]
    top = y - 24
    first = top - 12
    second = first - 12

    def texts(page, first, second, under_group=lambda c0: None, groups=groups):
        """The table's text: group headings on `first` (`under_group`
        drawing what goes under each), column headings and the stub's on
        `second`, the body below; returns the header rule's y and the
        bottom's."""
        for name, c0 in groups:
            mid = (xs[c0] + xs[c0 + 3]) / 2
            page.text(mid - text_width(name, "F2", size) / 2, first, name, "F2", size)
            under_group(c0)
        page.text(xs[0] + 3, second, "Region", "F2", size)
        for c in range(6):
            head = sub[c % 3]
            page.text(xs[c + 2] - 3 - text_width(head, "F2", size), second, head, "F2", size)
        header_rule = second - 5
        base = header_rule - 12
        for row in body:
            page.text(xs[0] + 3, base, row[0], "F1", size)
            for c, v in enumerate(row[1:]):
                page.text(xs[c + 2] - 3 - text_width(v, "F1", size), base, v, "F1", size)
            base -= leading
        return header_rule, base + leading - 4

    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    header_rule, bottom = texts(p, first, second,
                                lambda c0: p.line(xs[c0] + 4, first - 2.9, xs[c0 + 3] - 4, first - 2.9))
    for yy in (top, header_rule, bottom):
        p.line(xs[0], yy, xs[-1], yy)
    p.ops.append("Q")
    p.paragraph("Source: a made-up registry.", bottom - 30)
    cells = [["Region", "Deaths", "", "", "Admissions", "", ""], [""] + sub + sub] + body
    spans = [(0, 0, 2, 1), (0, 1, 1, 3), (0, 4, 1, 3)]
    # Page 2: the same table boxed, a line down every column from the
    # rule under the group headings, and down the groups' sides through
    # them; no line between the rows.
    q = Page()
    y = q.title("Deaths and Admissions by Region, boxed", 790)
    top = y - 30
    first = top - 12
    second = first - 14
    group_rule = first - 4
    header_rule, bottom = texts(q, first, second)
    q.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        q.line(xs[0], yy, xs[-1], yy)
    q.line(xs[1], group_rule, xs[-1], group_rule)
    for c, x in enumerate(xs):
        q.line(x, top if c in (0, 1, 4, 7) else group_rule, x, bottom)
    q.ops.append("Q")
    q.paragraph("Source: a made-up registry.", bottom - 30)
    # Page 3: as page 1, the group headings long enough to run over the
    # boundaries between their columns.
    r = Page()
    y = r.title("Deaths and Admissions by Region, long headings", 790)
    top = y - 30
    first = top - 12
    second = first - 12
    long_groups = [("Deaths in hospital", 1), ("Emergency admissions", 4)]
    r.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    header_rule, bottom = texts(r, first, second,
                                lambda c0: r.line(xs[c0] + 4, first - 2.9, xs[c0 + 3] - 4, first - 2.9),
                                long_groups)
    for yy in (top, header_rule, bottom):
        r.line(xs[0], yy, xs[-1], yy)
    r.ops.append("Q")
    r.paragraph("Source: a made-up registry.", bottom - 30)
    long_cells = [["Region", "Deaths in hospital", "", "", "Emergency admissions", "", ""]] + cells[1:]
    t, t_cells, t_spans = sectioned_page()
    u, u_cells, u_spans = spanner_page()
    v, v_cells, v_spans = boxed_groups_page()
    w, w_cells, w_spans = phrase_over_a_line_page()
    a, a_cells, a_spans = statistical_abstract_page()
    b, b_cells, b_spans, c_cells, c_spans = statistical_tables_page()
    return [p.content(), q.content(), r.content(), t.content(), u.content(), v.content(),
            w.content(), a.content(), b.content()], [
        (1, Spanned(cells, spans)), (2, Spanned(cells, spans)), (3, Spanned(long_cells, spans)),
        (4, Spanned(t_cells, t_spans)), (5, Spanned(u_cells, u_spans)), (6, Spanned(v_cells, v_spans)),
        (7, Spanned(w_cells, w_spans)), (8, Spanned(a_cells, a_spans)), (9, Spanned(b_cells, b_spans)),
        (9, Spanned(c_cells, c_spans))]


def statistical_abstract_page():
    """A table set solid as a statistical abstract sets it, no rule but
    under its group headings: each heading centred over three columns of
    figures set right far from a wide stub, a short rule under it between
    the header's two lines (their letters' boxes reach over it); labels set
    in under their parent, a long one wrapped in lower case onto a line set
    in further, its figures on its last line (its first line would not
    have taken the next word in the room its indent leaves, though it would
    have in the stub's widest); the rows in groups set a little apart, two
    of one row under a section heading nearly as wide as the stub's widest
    label and flush with the row, one in capitals, one a lead-in ending in
    a colon; two notes
    under the table, smaller, the source under the first."""
    page = Page()
    y = page.title("Employment by Industry and Region", 790)
    size, leading, indent = 8, 10, 9
    rights = [MARGIN + 300 + 38 * c for c in range(6)]
    first = y - 30
    second = first - leading
    page.text(MARGIN, first, "Industry", "F2", size)
    page.ops.append("q 0.5 w 0 G")
    for name, c0 in [("Northeast", 0), ("South", 3)]:
        x0, x1 = rights[c0] - 26, rights[c0 + 2]
        page.text((x0 + x1 - text_width(name, "F2", size)) / 2, first, name, "F2", size)
        page.line(x0, first - 2.5, x1, first - 2.5)
    page.ops.append("Q")
    years = ["2018", "2019", "2020"]
    for c in range(6):
        page.text(rights[c] - text_width(years[c % 3], "F2", size), second, years[c % 3], "F2", size)
    # (set apart from the row above, level, lines, figures)
    rows = [
        (False, 0, ["All industries"], ["14,210", "14,388", "13,902", "20,115", "20,470", "19,836"]),
        (True, 0, ["PRIVATE SECTOR, ALL INDUSTRIES"], []),
        (False, 0, ["Private industries"], ["12,390", "12,554", "12,091", "17,165", "17,498", "16,895"]),
        (True, 1, ["Manufacturing"], ["1,502", "1,517", "1,433", "2,604", "2,655", "2,540"]),
        (False, 2, ["Durable goods and related support", "activities"],
         ["902", "911", "860", "1,618", "1,650", "1,577"]),
        (False, 2, ["Nondurable goods"], ["600", "606", "573", "986", "1,005", "963"]),
        (True, 1, ["Wholesale and retail trade"], ["2,115", "2,140", "2,052", "3,301", "3,346", "3,228"]),
        (False, 1, ["Professional, scientific, and technical services"],
         ["1,288", "1,322", "1,307", "1,420", "1,466", "1,452"]),
        (True, 1, ["Health care and social assistance"],
         ["2,465", "2,510", "2,439", "2,870", "2,931", "2,880"]),
        (False, 2, ["Hospitals and nursing and residential", "care facilities"],
         ["1,210", "1,233", "1,225", "1,394", "1,420", "1,411"]),
        (True, 0, ["Public sector, all levels of government:"], []),
        (False, 0, ["Government"], ["1,820", "1,834", "1,811", "2,950", "2,972", "2,941"]),
    ]
    base = second - leading - 4
    for apart, level, lines, figures in rows:
        if apart:
            base -= 4
        for k, line in enumerate(lines):
            page.text(MARGIN + indent * (level + k), base, line, "F1", size)
            if k + 1 < len(lines):
                base -= leading
        for c, v in enumerate(figures):
            page.text(rights[c] - text_width(v, "F1", size), base, v, "F1", size)
        base -= leading
    page.text(MARGIN, base - 8, "NA Not available. Figures are annual averages in thousands.", "F1", 6.5)
    page.text(MARGIN, base - 16, "Source: a made-up labour force survey.", "F1", 6.5)
    cells = ([["Industry", "Northeast", "", "", "South", "", ""], [""] + years + years]
             + [["\n".join(lines)] + (figures or [""] * 6) for _, _, lines, figures in rows])
    spans = [(0, 0, 2, 1), (0, 1, 1, 3), (0, 4, 1, 3)]
    return page, cells, spans


def statistical_tables_page():
    """Two tables set solid as a statistical bulletin sets them, no rule:
    column titles wrapped to their own depths, set flush right and
    bottom-aligned; a unit in brackets centred over the figures' cells
    under the titles (in the first a phrase, in the second one word); a
    source under each table set smaller; the second table's title set a
    size up under the first's source."""
    page = Page()
    size, leading = 8, 10
    rights = [MARGIN + 290 + 62 * c for c in range(4)]
    cells_left = (MARGIN + 130 + rights[0] - 40) / 2

    def table(top, title, unit, titles, body):
        page.text(MARGIN, top, title, "F2", 10)
        y = top - 22
        expected = []
        depth = max(len(t) for t in titles)
        page.text(MARGIN, y, "Industry", "F2", size)
        for c, lines in enumerate(titles):
            for k, line in enumerate(lines):
                at = y - leading * (depth - len(lines) + k)
                page.text(rights[c] - text_width(line, "F2", size), at, line, "F2", size)
        expected.append(["Industry"] + ["\n".join(t) for t in titles])
        y -= leading * depth
        mid = (cells_left + rights[-1]) / 2
        page.text(mid - text_width(unit, "F1", size) / 2, y, unit, "F1", size)
        expected.append(["", unit, "", "", ""])
        y -= leading + 3
        for label, figures in body:
            page.text(MARGIN, y, label, "F1", size)
            for c, v in enumerate(figures):
                page.text(rights[c] - text_width(v, "F1", size), y, v, "F1", size)
            expected.append([label] + figures)
            y -= leading
        page.text(MARGIN, y - 6, "Source: a made-up census of businesses.", "F1", 6.5)
        return y - 6, expected

    titles = [["Number of", "establish-", "ments"], ["Paid", "employees"], ["Annual", "payroll"],
              ["Median", "earnings"]]
    body = [
        ["Manufacturing", ["2,104", "61,880", "3,412", "41,200"]],
        ["Wholesale trade", ["3,377", "40,115", "2,708", "52,900"]],
        ["Retail trade", ["9,820", "110,532", "3,190", "27,450"]],
        ["Information", ["1,046", "19,774", "1,688", "63,100"]],
        ["Health care", ["6,012", "122,408", "6,530", "46,780"]],
    ]
    y = page.title("Business Patterns", 790)
    bottom, first = table(y - 24, "Table 1. Establishments by industry", "(Annual averages)", titles, body)
    second_titles = [["Change in", "establish-", "ments"], ["Change in", "employees"], ["Annual", "payroll"],
                     ["Median", "earnings"]]
    second_body = [[label, ["1.2", "-0.4", "2.8", "3.1"][k:] + ["1.2", "-0.4", "2.8", "3.1"][:k]]
                   for k, (label, _) in enumerate(body)]
    _, second = table(bottom - 34, "Table 2. Change from the year before by industry", "(Percent)",
                      second_titles, second_body)
    return page, first, [(1, 1, 1, 4)], second, [(1, 1, 1, 4)]


def phrase_over_a_line_page():
    """A ruled table whose group headings span two columns each, no line
    between their columns in the heading row; each heading centred so its
    word space falls where the column line below runs."""
    page = Page()
    y = page.title("Franchising by Country", 790)
    size = 9
    cells = [
        ["", "number of franchisors", "", "number of franchisees", ""],
        ["", "1993", "1994", "1993", "1994"],
        ["Austria", "80", "170", "2500", "2700"],
        ["Belgium", "90", "135", "3200", "2495"],
        ["Denmark", "42", "42", "500", "500"],
        ["France", "500", "500", "30000", "30000"],
    ]
    spans = [(0, 1, 1, 2), (0, 3, 1, 2)]
    drawn = [["", "", "", "", ""]] + cells[1:]
    widths = [110, 70, 70, 70, 70]
    top = y - 24
    Table(drawn, widths, [18] * len(cells), "lrrrr", spans=spans, header_rows=2).place(page, MARGIN, top)
    space = text_width(" ", "F2", size)
    base = top - 9 - 0.359 * size
    for k, (first, second) in enumerate([("number of", "franchisors"), ("number of", "franchisees")]):
        line = MARGIN + widths[0] + widths[1] * (2 * k + 1)
        page.text(line - space / 2 - text_width(first, "F2", size), base, first, "F2", size)
        page.text(line + space / 2, base, second, "F2", size)
    return page, cells, spans


def boxed_groups_page():
    """A header of two lines in one band, no rule between them: the stub's
    heading, group headings over their columns' headings, and a last
    column's title wrapped over both lines; lines down the groups' sides
    only (none between a group's columns, none at the table's sides)."""
    page = Page()
    size, leading = 9, 16
    xs = [MARGIN, MARGIN + 100, MARGIN + 160, MARGIN + 220, MARGIN + 280, MARGIN + 340, MARGIN + 400]
    y = page.title("Deaths and Admissions by Region and Sex", 790)
    top = y - 24
    first = top - 11
    second = first - leading
    page.text(xs[0] + 3, first, "Region", "F2", size)
    for name, c0 in [("Deaths in hospital", 1), ("Emergency admissions", 3)]:
        mid = (xs[c0] + xs[c0 + 2]) / 2
        page.text(mid - text_width(name, "F2", size) / 2, first, name, "F2", size)
        for c, head in ((c0, "Male"), (c0 + 1, "Female")):
            page.text(xs[c + 1] - 3 - text_width(head, "F2", size), second, head, "F2", size)
    for line, text in ((first, "All"), (second, "persons")):
        page.text(xs[6] - 3 - text_width(text, "F2", size), line, text, "F2", size)
    header_rule = second - 5
    body = [
        ["North", "1,144", "1,210", "2,210", "2,390", "6,954"],
        ["South", "9,385", "9,102", "6,398", "6,744", "31,629"],
        ["East", "6,930", "7,015", "2,085", "2,260", "18,290"],
        ["West", "1,602", "1,577", "3,407", "3,611", "10,197"],
    ]
    base = header_rule - 12
    for row in body:
        page.text(xs[0] + 3, base, row[0], "F1", size)
        for c, v in enumerate(row[1:]):
            page.text(xs[c + 2] - 3 - text_width(v, "F1", size), base, v, "F1", size)
        base -= 13
    bottom = base + 13 - 4
    page.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        page.line(xs[0], yy, xs[-1], yy)
    for x in (xs[1], xs[3], xs[5]):
        page.line(x, top, x, bottom)
    page.ops.append("Q")
    page.paragraph("Source: a made-up registry.", bottom - 20)
    cells = [["Region", "Deaths in hospital", "", "Emergency admissions", "", "All\npersons"],
             ["", "Male", "Female", "Male", "Female", ""]] + body
    return page, cells, [(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 1, 2), (0, 5, 2, 1)]


def spanner_page():
    """A booktabs header whose first line holds the stub's heading and a
    heading centred over the three columns of figures, no rule under it;
    under it, as close, the columns' titles of two lines."""
    page = Page()
    size, leading = 9, 10
    fx = [MARGIN + 200, MARGIN + 290, MARGIN + 380]  # where each column of figures ends
    y = page.title("Residents by Age Group", 790)
    top = y - 24
    heading = "Resident population"
    fig_w = text_width("18,913", "F1", size)
    centre = (fx[0] - fig_w + fx[-1]) / 2
    first = top - 12
    page.text(MARGIN + 2, first, "Age group", "F2", size)
    page.text(centre - text_width(heading, "F2", size) / 2, first, heading, "F2", size)
    titles = [["Share", "Share", "Total"], ["(all)", "(adults)", ""]]
    for k, line in enumerate(titles):
        for c, t in enumerate(line):
            page.text(fx[c] - text_width(t, "F2", size), first - leading * (k + 1), t, "F2", size)
    header_rule = first - leading * 2 - 5
    body = [
        ["Under 5", "0.061", "", "2,391"],
        ["5 to 14", "0.152", "", "4,608"],
        ["15 to 64", "0.625", "0.811", "18,913"],
        ["65 and over", "0.162", "0.189", "4,220"],
    ]
    base = header_rule - 12
    for r in body:
        page.text(MARGIN + 2, base, r[0], "F1", size)
        for c, v in enumerate(r[1:]):
            page.text(fx[c] - text_width(v, "F1", size), base, v, "F1", size)
        base -= 13
    bottom = base + 13 - 4
    page.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        page.line(MARGIN, yy, fx[-1] + 2, yy)
    page.ops.append("Q")
    page.paragraph("Source: a made-up census.", bottom - 20)
    cells = [["Age group", heading, "", ""], ["", "Share\n(all)", "Share\n(adults)", "Total"]] + body
    return page, cells, [(0, 1, 1, 3)]


def sectioned_page():
    """A booktabs table, its rows in two sections, each under a heading
    alone on its row centred over the columns of figures; the second heading
    so wide that it starts in the gap after the first column's figures,
    short of the boundary."""
    page = Page()
    size = 9
    headings = ["Enrollment, in thousands", "Difference between actual and forecast values, in percent"]
    fig_w = text_width("49,293", "F1", size)
    wide = text_width(headings[1], "F1", size)
    step = (fig_w - 4 + 10 + wide / 2) / 2  # puts the wide heading 10 pt past the first figures
    fx = [MARGIN + 260 + step * c for c in range(5)]  # where each column of figures ends
    centre = (fx[0] - fig_w + fx[-1]) / 2
    y = page.title("Mean absolute errors of the forecasts, by lead time in years", 790)
    top, leading = y - 24, 13
    sections = [
        [["Public schools", "49,293", "49,266", "49,373", "49,484", "49,521"],
         ["Private schools", "5,410", "5,387", "5,302", "5,288", "5,260"],
         ["Colleges", "18,248", "18,532", "18,771", "18,902", "19,035"]],
        [["Public schools", "0.7", "1.1", "1.4", "1.8", "2.1"],
         ["Private schools", "3.4", "4.6", "3.7", "7.2", "7.7"],
         ["Colleges", "1.7", "2.6", "3.6", "4.7", "5.3"]],
    ]
    header = ["Statistic", "1", "2", "3", "4", "5"]

    def row(y, cells, font):
        page.text(MARGIN + 2, y, cells[0], font, size)
        for c, v in enumerate(cells[1:]):
            page.text(fx[c] - text_width(v, font, size), y, v, font, size)

    y = top - 11
    row(y, header, "F2")
    header_rule = y - 4
    y = header_rule - 11
    cells, spans = [header], []
    for heading, body in zip(headings, sections):
        page.text(centre - text_width(heading, "F1", size) / 2, y, heading, "F1", size)
        spans.append((len(cells), 1, 1, 5))
        cells.append(["", heading, "", "", "", ""])
        y -= leading
        for r in body:
            row(y, r, "F1")
            cells.append(r)
            y -= leading
    bottom = y + leading - 4
    page.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        page.line(MARGIN, yy, fx[-1] + 2, yy)
    page.ops.append("Q")
    page.paragraph("Source: a made-up projection.", bottom - 20)
    return page, cells, spans


def sample_filled_header():
    # Issue 12: a header row filled dark, its text white, under a grid of thin
    # lines drawn over it: the column lines run on out of the filled box.
    p = Page()
    y = p.title("Staff by Department", 790)
    y = p.paragraph(
        "The header row is filled grey; the column lines are drawn over it and "
        "on down through the rows below.",
        y - 24,
    )
    rows = [
        ["Department", "Staff", "Vacancies", "Total"],
        ["Finance", "42", "3", "1,250.00"],
        ["Operations", "118", "12", "4,980.50"],
        ["Research", "67", "5", "3,102.75"],
        ["Sales", "95", "9", "2,640.00"],
    ]
    widths, step, size = [150, 80, 90, 110], 20, 9
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    top = y - 24
    bottom = top - step * len(rows)
    p.ops.append("0.45 g %s %s %s %s re f 0 g" % (fmt(xs[0]), fmt(top - step), fmt(xs[-1] - xs[0]), fmt(step)))
    p.ops.append("q 0.5 w 0 G")
    for k in range(len(rows) + 1):
        p.line(xs[0], top - step * k, xs[-1], top - step * k)
    for x in xs:
        p.line(x, top, x, bottom)
    p.ops.append("Q")
    for k, row in enumerate(rows):
        base = top - step * k - 13.5
        font = "F2" if k == 0 else "F1"
        if k == 0:
            p.ops.append("1 g")
        for c, cell in enumerate(row):
            if c == 0 or k == 0:
                p.text(xs[c] + 4, base, cell, font, size)
            else:
                p.text(xs[c + 1] - 4 - text_width(cell, font, size), base, cell, font, size)
        if k == 0:
            p.ops.append("0 g")
    p.paragraph("Totals are in thousands.", bottom - 30)
    light, tables = light_filled_headers_page()
    mid, banded = mid_grey_bands_page()
    groups, grouped = group_band_page()
    return ([p.content(), light, mid, groups],
            [(1, Placed(rows))] + [(2, t) for t in tables] + [(3, t) for t in banded] + [(4, grouped)])


def filled_cells(p, top, widths, rows, tone, align, gutter=2.5, size=9, leading=11, pad=5.0,
                 font_of=lambda k, c: "F1", x=MARGIN, middle=False, upward=()):
    """A table drawn as filled cell rectangles with a gutter of paper between
    them and no lines (issue 12, class 6): tone(k, c) is the grey of row k's
    cell c (0 black, 1 paper), its text white when darker than 0.5; cells hold
    "\n"-separated lines, set centred ("c"), left or right by align[c], at the
    top of the cell or, when middle, halfway down it, each row as tall as
    its tallest cell; the one line of a cell (k, c) in upward runs up the
    page, centred in the cell. Returns the bottom y."""
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    y = top
    for k, row in enumerate(rows):
        height = max(len(cell.split("\n")) for cell in row) * leading + 2 * pad
        for c, cell in enumerate(row):
            g = tone(k, c)
            x0, x1 = xs[c] + gutter / 2, xs[c + 1] - gutter / 2
            y1 = y - gutter / 2
            p.ops.append("%s g %s %s %s %s re f" % (fmt(g), fmt(x0), fmt(y - height + gutter / 2), fmt(x1 - x0), fmt(y1 - (y - height + gutter / 2))))
            p.ops.append("%s g" % ("1" if g < 0.5 else "0"))
            font = font_of(k, c)
            if (k, c) in upward:
                w = text_width(cell, font, size)
                p.text_up((x0 + x1) / 2 + size * 0.35, y - height / 2 - w / 2, cell, font, size)
                p.ops.append("0 g")
                continue
            lines = cell.split("\n")
            drop = (height - 2 * pad - len(lines) * leading) / 2 if middle else 0
            for i, line in enumerate(lines):
                base = y1 - pad - drop - (i + 1) * leading + 2.5
                w = text_width(line, font, size)
                a = "c" if k == 0 else align[c]
                tx = {"l": x0 + pad, "r": x1 - pad - w, "c": (x0 + x1 - w) / 2}[a]
                p.text(tx, base, line, font, size)
            p.ops.append("0 g")
        y -= height
    return y


def sample_filled_cells():
    # Issue 12, class 6: grids drawn with filled rectangles instead of lines.
    p = Page()
    y = p.title("Open Data at a Glance", 790)
    y = p.paragraph(
        "Every cell of the table below is a filled rectangle with a thin gutter of "
        "paper around it; no line is drawn. The header and the row labels are dark "
        "with white text, the figures on lighter greys.",
        y - 24,
    )
    stub = ["Data sets published", "Applications built by the public and by agencies",
            "Downloads of data sets", "Countries opening data portals of their own",
            "Regional portals", "Cities with open data portals"]
    figures = [["52", "281,402", "402,118"], ["0", "245", "1,136"], ["0", "671,950", "2,504,317"],
               ["0", "7", "23"], ["0", "9", "31"], ["0", "6", "14"]]
    header = ["", "Opened:\nMarch 3, 2010", "1 Year:\nMarch 3, 2011", "FY 2012\nSept. 30, 2012"]
    rows = [header] + [[wrap_words(s, 150, "F2")] + f for s, f in zip(stub, figures)]
    tones = [0.85, 0.7, 0.55]
    y = filled_cells(p, y - 24, [170, 96, 96, 96], rows,
                     lambda k, c: 0.35 if k == 0 or c == 0 else tones[c - 1], "lccc",
                     font_of=lambda k, c: "F2" if k == 0 or c == 0 else "F1")
    p.paragraph("Figures are counted at the end of each period.", y - 24)
    expected_a = rows
    y -= 70
    y = p.title("Supplies on Hand", y)
    items = [["Item", "Store", "Boxes"], ["Copier paper", "Central", "1,250"],
             ["Toner", "North", "84"], ["Folders", "Central", "310"], ["Staples", "South", "2,045"]]
    y = filled_cells(p, y - 18, [150, 110, 80], items,
                     lambda k, c: 0.78 if k == 0 else 0.91, "llr", gutter=2.0, pad=3.0,
                     font_of=lambda k, c: "F2" if k == 0 else "F1")
    p.paragraph("Counted on the first working day of the month.", y - 24)
    faint, causes = faint_filled_cells_page()
    budget, programs = shades_meeting_page()
    return ([p.content(), faint, budget],
            [(1, Placed(expected_a)), (1, Placed(items)), (2, Placed(causes)), (3, Placed(programs))])


def shades_meeting_page():
    """A grid of filled cells, a gutter of paper around each, but for two
    places down the amounts' column where two cells of one shade meet
    (issue 12, class 1): nothing parts them, and the grid's cell there
    spans their rows. The amounts stand a row apart in it, level with the
    labels ruled apart beside them: a row each."""
    p = Page()
    y = p.title("Fund Budget", 790) - 30
    programs = [["Program", "Budget"], ["Performance reporting", "$1.1M"], ["Cloud hosting", "$0.44M"],
                ["Project dashboard", "$1.06M"], ["Open data portal", "$0.9M"], ["Challenge platform", "$0"],
                ["Citizen services", "$0"], ["Spending portal", "$1.2M"], ["Small business portal", "$0.1M"],
                ["Subaward reporting", "$2.88M"], ["Total", "$8M"]]
    shades = [0.9, 0.84, 0.9, 0.84, 0.84, 0.9, 0.84, 0.84, 0.84, 0.9]
    x0, x1, x2, step, gutter = MARGIN, MARGIN + 300, MARGIN + 400, 24, 2.5
    for k, (program, amount) in enumerate(programs):
        top = y - step * k
        p.ops.append("0.6 g %s %s %s %s re f" % (fmt(x0), fmt(top - step + gutter / 2), fmt(x1 - x0 - gutter), fmt(step - gutter)))
        tone = 0.6 if k == 0 else shades[k - 1]
        # (An amount's fill meets the one above or below it in the same shade.)
        up = 0 if 1 < k and shades[k - 2] == tone else gutter / 2
        down = 0 if 0 < k < len(shades) and shades[k] == tone else gutter / 2
        p.ops.append("%s g %s %s %s %s re f" % (fmt(tone), fmt(x1 + gutter / 2), fmt(top - step + down), fmt(x2 - x1 - gutter), fmt(step - up - down)))
        p.ops.append("1 g")
        p.text(x0 + 5, top - 15, program, "F2", 10)
        p.ops.append("%s g" % ("1" if k == 0 else "0.3"))
        p.text(x1 + 8, top - 15, amount, "F2" if k == 0 else "F1", 10)
        p.ops.append("0 g")
    return p.content(), programs


def faint_filled_cells_page():
    """Cells filled so faint a grey (0.955) that only the white gutters
    between them show the grid, beside a narrow stub of labels set
    sideways and under a header row, both a shade darker; the two body
    columns hold lists of different lengths, every cell's text set halfway
    down it, one cell empty."""
    p = Page()
    y = p.title("Why Shipments Run Late", 790)
    y = p.paragraph(
        "The causes our teams reported last quarter, by the stage of the order "
        "where the delay began, split by whether the delay was ours or another's.",
        y - 24,
    )
    rows = [
        ["", "Caused by us", "Caused by others"],
        ["Ordering", "- Wrong product code\n- Duplicate order\n- Credit hold\n- Price list out of date",
         "- Customer number missing\n- Purchase order unsigned"],
        ["Stock", "",
         "- Supplier short-shipped\n- Pallets damaged in transit\n- Inspection by the customer"],
        ["Loading", "- Stock counted wrong\n- Label printer down",
         "- Truck arrived late\n- Dock closed by the port\n- Driver hours used up\n- Seal number missing\n"
         "- Weighbridge out of order"],
        ["Transit", "- Paperwork incomplete\n- Address unclear",
         "- Customs hold\n- Carrier strike\n- Road closed by weather"],
    ]
    y = filled_cells(p, y - 24, [26, 200, 224], rows,
                     lambda k, c: 0.91 if k == 0 or c == 0 else 0.955, "lll", gutter=3.0,
                     font_of=lambda k, c: "F2" if k == 0 or c == 0 else "F1", middle=True,
                     upward={(k, 0) for k in range(1, len(rows))})
    p.paragraph("Reported by the teams at each stage; a delay may have several causes.", y - 24)
    return p.content(), rows


def wrapped_header_table(p, top, widths, header, body, size=9, leading=11, step=15, group=None, centred=False):
    """A booktabs table whose column titles wrap over lines of their own
    number, set to the rule under them (issue 12): rules above, under the
    header and below; the first column's title and labels set left, the
    other titles and figures right (or centred). group, if given, is
    (title, c0, c1): a title centred over columns c0..c1 on a line above
    the others, a short rule under it. Returns the bottom y."""
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    depth = max(len(h.split("\n")) for h in header) + (1 if group else 0)

    def placed(c, w):
        if c == 0:
            return xs[c] + 4
        return (xs[c] + xs[c + 1] - w) / 2 if centred else xs[c + 1] - 4 - w

    rule = top - depth * leading - 5
    if group:
        title, c0, c1 = group
        w = text_width(title, "F2", size)
        p.text((xs[c0] + xs[c1 + 1] - w) / 2, top - leading + 2, title, "F2", size)
        p.ops.append("q 0.5 w 0 G")
        p.line(xs[c0] + 4, top - leading - 1.5, xs[c1 + 1] - 4, top - leading - 1.5)
        p.ops.append("Q")
    for c, title in enumerate(header):
        lines = title.split("\n")
        for i, line in enumerate(reversed(lines)):
            base = rule + 4 + i * leading
            w = text_width(line, "F2", size)
            p.text(placed(c, w), base, line, "F2", size)
    bottom = rule - step * len(body) - 4
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top + 2, rule, bottom):
        p.line(MARGIN, yy, xs[-1], yy)
    p.ops.append("Q")
    for k, row in enumerate(body):
        base = rule - step * (k + 1) + 3
        for c, cell in enumerate(row):
            p.text(placed(c, text_width(cell, "F1", size)), base, cell, "F1", size)
    return bottom


def sample_wrapped_header():
    # Issue 12: column titles wrapped over lines, each to its own depth, over
    # the rule under a table's header are one header row.
    p = Page()
    y = p.title("Coverage and Response Rates", 790)
    y = p.paragraph("Titles wrap over as many lines as they need and stand on the rule under them.", y - 24)
    header = ["Region", "Share of the\ntarget population\ncovered", "Schools\nexcluded",
              "School response\nrate before\nreplacement", "Pupils\nresponding", "Overall\nweighted\nresponse rate\nafter replacement"]
    names = ["Northern Isles", "Lakeland", "Eastern Plain", "Harbour City", "Southern Hills", "Western Moor", "Valley District"]
    rng = Lcg(42)
    body = [[n, str(90 + rng.next(11)), str(1 + rng.next(9)), str(70 + rng.next(30)), str(85 + rng.next(15)),
             str(68 + rng.next(30))] for n in names]
    y = wrapped_header_table(p, y - 30, [110, 90, 60, 90, 70, 90], header, body)
    p.paragraph("Rates are weighted by school size.", y - 20)
    a = [header] + body
    y -= 70
    y = p.title("Schools Sampled", y)
    header2 = ["Region", "In the\nsample", "Taking\npart", "Replacement\nschools", "Pupils\nassessed"]
    body2 = [[n, str(140 + rng.next(60)), str(120 + rng.next(20)), str(rng.next(9)), "%d,%03d" % (3 + rng.next(3), rng.next(1000))]
             for n in names[:5]]
    y = wrapped_header_table(p, y - 20, [110, 80, 80, 90, 80], header2, body2, group=("Schools", 1, 3),
                             centred=True)
    b = [["", "Schools", "", "", ""], header2] + body2
    p2, c = wrapped_title_in_a_text_column_page()
    p3, d = wrapped_title_in_a_text_column_page(middle=True)
    p4, e = centred_title_in_a_middle_column_page()
    return [p.content(), p2, p3, p4], [(1, Placed(a)), (1, Spanned(b, [(0, 1, 1, 3)])), (2, Placed(c)),
                                       (3, Placed(d)), (4, Placed(e))]


def centred_title_in_a_middle_column_page():
    """Booktabs, a column of comments set left between columns as wide on
    either side, so its middle is the middle of the columns past the
    labels; its title wrapped over two lines centred on it, the other
    titles on its second line: one header row, no heading over the
    figures. Returns the page and the table's cells."""
    p = Page()
    y = p.title("Branch Review", 790)
    y = p.paragraph("Balances by branch, with the reviewer's comments.", y - 24)
    widths = [120, 60, 80, 150, 80, 60]
    rows = [["\nItem", "\nMargin", "\nBalance", "Comments from the\nreviewer", "\nSegment", "\nDue"]] + [
        [item, margin, balance, wrap_words(comment, widths[3] - 10), segment, due]
        for item, margin, balance, comment, segment, due in (
            ("Harbor Tariff", "13.3%", "0.23", "stock portfolio coastal harbor office", "Plant", "2022"),
            ("East Terminal", "-7.1%", "509,610.78", "retail volume direct final fixed", "Project", "2020"),
            ("Delta current", "9.2%", "(1.58)", "premium freight export account", "Net", "2016"),
        )
    ]
    wrapped_rows(p, y - 24, widths, rows, "llrllr", "top", head_align="llrclr", row_gap=5)
    rows[0] = [title.strip() for title in rows[0]]
    return p.content(), rows


def wrapped_title_in_a_text_column_page(middle=False):
    """Rules under every row, no column lines; a column of comments set
    left, wrapped in the cells, in the middle of columns of figures; its
    title wraps to two lines, the first above the other titles (set on the
    rule under the header, or with middle, midway between the rules, so
    that the one-line titles stand between its two lines) and by chance
    about centred over the figures' columns: one header row, no heading
    over the figures."""
    p = Page()
    y = p.title("Invoices Reviewed" + (" Again" if middle else ""), 790)
    y = p.paragraph("Each invoice with the reviewer's comments, as filed.", y - 24)
    size, leading = 9, 11
    xs = [MARGIN, MARGIN + 75, MARGIN + 150, MARGIN + 250, MARGIN + 380, MARGIN + 440, MARGIN + 500]
    if middle:  # the comments further from the dates and the units
        xs = [MARGIN, MARGIN + 70, MARGIN + 140, MARGIN + 250, MARGIN + 400, MARGIN + 450, MARGIN + 500]
    header = ["Invoice", "Value", "Due date", "Comments from the\nreviewer", "Units", "Amount"]
    align = "lrllrr"
    body = [
        ["TR-53004", "128,228.58", "Aug 05, 2017", "expense client basic\nperiod", "31", ""],
        ["PO-29624", "397,291.57", "Jul 04, 2022", "final metro contract\nfreight target holding\ncustomer order", "122,754", "0.92"],
        ["PO-80145", "70,761.04", "Feb 16, 2025", "stock price capital\nvalue pricing", "47,975", "22.69"],
        ["TR-61120", "5,310.00", "Mar 30, 2024", "paid in full", "12", "4.10"],
    ]

    def put(c, base, line, font):
        w = text_width(line, font, size)
        x = xs[c] + 4 if align[c] == "l" else xs[c + 1] - 4 - w
        p.text(x, base, line, font, size)

    top = y - 24
    rules = [top]
    rule = top - 2 * leading - 5
    for c, title in enumerate(header):
        lines = title.split("\n")
        for i, line in enumerate(reversed(lines)):
            if middle:  # lines set apart, so one-line titles join neither
                put(c, (top + rule) / 2 - 3.2 - (len(lines) - 1) * 6.5 + i * 13, line, "F2")
            else:
                put(c, rule + 4 + i * leading, line, "F2")
    rules.append(rule)
    for row in body:
        depth = max(len(cell.split("\n")) for cell in row)
        for c, cell in enumerate(row):
            for i, line in enumerate(cell.split("\n")):
                put(c, rule - 11 - i * leading, line, "F1")
        rule -= depth * leading + 6
        rules.append(rule)
    p.ops.append("q 0.5 w 0.5 G")
    for yy in rules:
        p.line(xs[0], yy, xs[-1], yy)
    p.ops.append("Q")
    return p.content(), [header] + body


def light_filled_headers_page():
    """Headers filled light grey under light grey gridlines, too light to be
    ink (issue 12, class 6): a band over two header rows whose column lines
    start under a group heading, and a spreadsheet printout whose header
    fill hides gridlines of its own grey, then one set tight under finer
    gridlines. The fill is no part of the lines: the group heading spans
    its columns, each printout's header is a row."""
    p = Page()
    y = p.title("Light Header Bands", 790)
    y = p.paragraph("Gridlines and header fills in light greys, placed off the pixel grid.", y - 24)
    band = Table(
        [["Region", "Revenue", "", "", "Staff"],
         ["", "Q1", "Q2", "Q3", ""],
         ["North", "1,204.50", "980.25", "1,110.00", "42"],
         ["South", "310.75", "415.00", "388.40", "17"],
         ["East", "2,980.00", "3,015.60", "2,870.10", "88"],
         ["West", "75.20", "64.90", "81.35", "6"]],
        widths=[90.37, 71.21, 70.93, 72.11, 60.57], heights=[17.1, 17.1, 15.3, 15.3, 15.3, 15.3],
        align="lrrrr", spans=[(0, 0, 2, 1), (0, 1, 1, 3), (0, 4, 2, 1)], header_rows=2,
        lines=(0.4, 0.5), header_fill=(0.95, False))
    y = band.place(p, MARGIN + 1.44, y - 30.6)
    printout = Table(
        [["Item", "Store", "Code"],
         ["Paper", "Central", "P-1020"],
         ["Toner", "North", "T-3391"],
         ["Folders", "Central", "F-0042"],
         ["Staples", "South", "S-7710"],
         ["Labels", "East", "L-5521"]],
        widths=[72.3, 72.3, 72.3], heights=[13.0] * 6, align="lll",
        lines=(0.5, 0.85), header_fill=(0.85, True))
    y = printout.place(p, MARGIN + 0.63, y - 40.3)
    # A printout set tight: 9.5 pt text on the bottom of 14.3 pt rows,
    # gridlines 0.25 pt wide drawn over the header's fill, a shade darker
    # than it; the first row's glyph boxes reach up over the fill's edge.
    tight = [["Item", "Store", "Code"],
             ["Pens", "West", "N-2210"],
             ["Tape", "Central", "A-0917"],
             ["Binders", "North", "B-4400"],
             ["Markers", "East", "M-1302"]]
    xs = [MARGIN + 0.63 + 72.3 * k for k in range(4)]
    step, size, top = 14.34, 9.5, y - 40.3
    p.ops.append("0.85 g %s %s %s %s re f 0 g" % (fmt(xs[0]), fmt(top - step), fmt(xs[-1] - xs[0]), fmt(step)))
    p.ops.append("q 0.25 w 0.8 G")
    for k in range(len(tight) + 1):
        p.line(xs[0], top - step * k, xs[-1], top - step * k)
    for x in xs:
        p.line(x, top, x, top - step * len(tight))
    p.ops.append("Q")
    for k, row in enumerate(tight):
        for c, cell in enumerate(row):
            p.text(xs[c] + 3.6, top - step * (k + 1) + 4.35, cell, "F2" if k == 0 else "F1", size)
    return p.content(), [band, printout, Placed(tight)]


def mid_grey_bands_page():
    """Header bands filled a mid grey, darker than ink (issue 12, class 6),
    with black gridlines drawn over them: under a group heading spanning
    four columns, the rule and the column lines below it show only over
    the band's lower row, and the heading stays one cell over them. Titles
    wrapped over two lines in one table, on one line in the other."""
    p = Page()
    y = p.title("Returns Counted by Week", 790)
    y = p.paragraph("Both headers are filled mid grey; the gridlines over them are black.", y - 24)
    body = [["Kettles", "4.2%", "1.9%", "0.8%", "93.1%"],
            ["Toasters", "3.1%", "2.2%", "1.0%", "93.7%"],
            ["Blenders", "2.8%", "0.4%", "0.3%", "96.5%"],
            ["Fans", "1.5%", "1.1%", "0.2%", "97.2%"],
            ["Heaters", "6.0%", "2.5%", "1.4%", "90.1%"]]
    wrapped = Table(
        [["Product", "Returns by period", "", "", ""],
         ["", "Within\nthe week", "Within\nthe month", "Later\nthan that", "Not\nat all"]] + body,
        widths=[110, 62, 62, 62, 62], heights=[14, 26] + [13] * 5, align="lrrrr",
        spans=[(0, 0, 2, 1), (0, 1, 1, 4)], header_rows=2, lines=(0.8, 0), header_fill=(0.7, False))
    y = wrapped.place(p, MARGIN + 0.4, y - 30)
    one_line = Table(
        [["Store", "Opening hours", "", ""],
         ["", "Weekdays", "Saturday", "Sunday"],
         ["Central", "8-20", "9-18", "closed"],
         ["Harbour", "7-22", "8-22", "10-16"],
         ["Airport", "0-24", "0-24", "0-24"]],
        widths=[96, 70, 70, 70], heights=[15, 15] + [14] * 3, align="lrrr",
        spans=[(0, 0, 2, 1), (0, 1, 1, 3)], header_rows=2, lines=(1.2, 0), header_fill=(0.55, False))
    one_line.place(p, MARGIN + 0.7, y - 40.6)
    return p.content(), [wrapped, one_line]


def group_band_page():
    """A framed table whose body rows are ruled across and nothing else
    (issue 12, classes 1 and 6): its header is boxed, on a band of a mid
    grey behind the stub's headings and the group headings, left white
    under those behind the groups' column headings. Lines part the groups
    down the whole header and a group's columns only under its heading;
    a stub's heading runs over two lines beside both header rows. The
    counts are set short of the rule after them, their shares centred past
    it."""
    p = Page()
    y = p.title("Samples Tested by Year", 790)
    y = p.paragraph("Group headings on the grey band, their columns' headings below it on white.", y - 24)
    groups = ["2024", "2023", "2022"]
    body = [["North", "Single", "109", "0.9", "93", "1.1", "89", "1.4"],
            ["East", "Batch", "123", "0.8", "290", "0.7", "391", "0.5"],
            ["South", "Single", "269", "1.1", "-", "-", "287", "0"],
            ["West", "Batch", "36", "0", "40", "0", "-", "-"],
            ["Total", "", "537", "0.9", "423", "0.7", "767", "0.6"]]
    widths = [84, 56] + [36, 44] * len(groups)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    band, row, size = 20, 15, 9
    top = y - 30
    mid, head = top - band, top - 2 * band
    ys = [head - row * k for k in range(len(body) + 1)]
    # The band: the stub's cells down the whole header, the groups' row.
    p.ops.append("0.675 g %s %s %s %s re" % (fmt(xs[0]), fmt(head), fmt(xs[2] - xs[0]), fmt(2 * band)))
    p.ops.append("%s %s %s %s re f 0 g" % (fmt(xs[2]), fmt(mid), fmt(xs[-1] - xs[2]), fmt(band)))
    p.ops.append("q 0.5 w 0.39 G")
    for yy in [top, head] + ys[1:]:
        p.line(xs[0], yy, xs[-1], yy)
    p.line(xs[2], mid, xs[-1], mid)
    p.line(xs[0], top, xs[0], ys[-1])
    p.line(xs[-1], top, xs[-1], ys[-1])
    for j in range(1, len(xs) - 1):
        p.line(xs[j], mid if j > 2 and j % 2 == 1 else top, xs[j], head)
    p.ops.append("Q")

    def centred(text, x0, x1, base, font):
        p.text((x0 + x1 - text_width(text, font, size)) / 2, base, text, font, size)

    p.ops.append("1 g")
    centred("Region", xs[0], xs[1], mid - 3, "F2")
    centred("Sample", xs[1], xs[2], mid + 2, "F2")
    centred("unit", xs[1], xs[2], mid - 8, "F2")
    for g, name in enumerate(groups):
        centred(name, xs[2 + 2 * g], xs[4 + 2 * g], mid + 7, "F2")
    p.ops.append("0.2 0.3 0.6 rg")
    for g in range(len(groups)):
        centred("N", xs[2 + 2 * g], xs[3 + 2 * g], head + 7, "F2")
        centred("Share", xs[3 + 2 * g], xs[4 + 2 * g], head + 7, "F2")
    p.ops.append("0 g")
    for k, cells in enumerate(body):
        base = ys[k] - 11
        font = "F2" if k == len(body) - 1 else "F1"
        for c, cell in enumerate(cells):
            if c < 2:
                p.text(xs[c] + 4, base, cell, font, size)
            elif c % 2 == 0:
                p.text(xs[c + 1] - 9 - text_width(cell, font, size), base, cell, font, size)
            else:
                centred(cell, xs[c], xs[c + 1], base, font)
    header = [["Region", "Sample\nunit"] + sum([[name, ""] for name in groups], []),
              ["", ""] + ["N", "Share"] * len(groups)]
    spans = [(0, 0, 2, 1), (0, 1, 2, 1)] + [(0, 2 + 2 * g, 1, 2) for g in range(len(groups))]
    return p.content(), Placed(header + body, spans)


def partly_ruled(p, rows, top, widths, align, hlines=(), vlines=(), boxes=()):
    """Draws rows of text at a step of 16 pt from top, headers set left, the
    body by align, with only the given lines: hlines and vlines are row and
    column boundary indices drawn across the whole table, boxes are
    (row0, row1, col0, col1) rectangles. Returns the bottom y."""
    step, size = 16, 9
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - step * k for k in range(len(rows) + 1)]
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for i in hlines:
        p.line(xs[0], ys[i], xs[-1], ys[i])
    for j in vlines:
        p.line(xs[j], ys[0], xs[j], ys[-1])
    for r0, r1, c0, c1 in boxes:
        p.ops.append("%s %s %s %s re S" % (fmt(xs[c0]), fmt(ys[r1]), fmt(xs[c1] - xs[c0]), fmt(ys[r0] - ys[r1])))
    p.ops.append("Q")
    for k, row in enumerate(rows):
        base = top - step * k - 11
        font = "F2" if k == 0 else "F1"
        for c, cell in enumerate(row):
            if k == 0 or align[c] == "l":
                p.text(xs[c] + 4, base, cell, font, size)
            else:
                p.text(xs[c + 1] - 4 - text_width(cell, font, size), base, cell, font, size)
    return ys[-1]


def sample_close_columns():
    # Issue 12, class 8 with headers centred over their columns: figures
    # set right a little less than a column gap before codes or dates set
    # left, the headers over the middle of each (so the header line alone
    # has its words apart and the rows' text runs across its gaps); a
    # long label beside an empty cell, under a header centred over the
    # labels and so apart from the short ones. Then wrapped comments: a
    # rule under every row and cells set midway (a tall cell's first lines
    # above the row's label), and a label ending a word space before a
    # column of shares.
    p = Page()
    y = p.title("Settlements", 790)
    y = p.paragraph("Each figure is set right, a little less than a column gap before the "
                    "code or date after it, and every header stands centred over its column.",
                    y - 24)
    size = 10
    gap = 0.78 * size
    rows = [["Desk", "Ref.", "Fee", "No.", "Cover", "Amount", "Paid"],
            ["North", "L-4412", "4%", "Q9-20417", "71%", "318,004.2", "03.04.2019"],
            ["Main Street", "VX-90321", "-12%", "M3-66120", "-8%", "52.9", "27.11.2021"],
            ["Harbour", "L-318", "38%", "KT-4407", "66%", "1.5", "14.06.2016"],
            ["Old Mill", "VX-7205", "-45%", "Q9-91336", "-29%", "-60.3", "09.09.2023"],
            ["Quay", "L-55180", "9%", "M3-2004", "", "-907.6", "30.01.2020"]]
    col = lambda c: max(text_width(r[c], "F1", size) for r in rows[1:])
    desk_x = MARGIN + 3
    ref_x = desk_x + col(0) + 20
    fee_right = ref_x + col(1) + 12 + col(2)
    code_x = fee_right + gap
    cover_right = code_x + col(3) + 22 + col(4)
    amount_right = cover_right + gap + col(5)
    settled_x = amount_right + gap
    places = [(desk_x, "l"), (ref_x, "l"), (fee_right, "r"), (code_x, "l"),
              (cover_right, "r"), (amount_right, "r"), (settled_x, "l")]
    bottom = placed_rows(p, y - 24, rows, places, settled_x + col(6) + 3 - MARGIN, size,
                         header_at=centred_over(rows, places, size))
    y = p.paragraph("A desk's long name may run towards an empty date.", bottom - 30)
    desks = [["Desk", "Opened", "Region"],
             ["North", "2019-03-04", "Coast"],
             ["Pier", "2021-11-27", "Inland"],
             ["Old Mill Trading Yard", "", "Coast"],
             ["Quay", "2016-06-14", "Hills"],
             ["Dock", "2023-09-09", "Inland"]]
    opened_x = desk_x + text_width("Old Mill Trading Yard", "F1", size) + 0.7 * size
    places = [(desk_x, "l"), (opened_x, "l"), (opened_x + 62, "l")]
    bottom = placed_rows(p, y - 24, desks, places, 200, size,
                         header_at=centred_over(desks, places, size))
    p.paragraph("Dates are those of the first lease.", bottom - 30)
    first = p.content()
    tables = [(1, Placed(rows)), (1, Placed(desks))]

    p = Page()
    y = p.title("Review Notes", 790)
    y = p.paragraph("Comments wrap within their cells, set midway in rows parted by rules.",
                    y - 24)
    notes = [["Account", "Region", "Count", "Comments"],
             ["Ledger fees", "Coast", "4,120", wrap_words(
                 "checked against the bank statement, reconciliation pending for March", 180)],
             ["Cash float", "Hills", "-2,604", wrap_words(
                 "counted twice by the branch and once by the auditors, with differences "
                 "carried to suspense", 180)],
             ["Rent", "Inland", "88", "paid in advance"],
             ["Vehicle pool", "Coast", "19,355", wrap_words(
                 "fuel cards reconciled, two cards cancelled, mileage logs missing for "
                 "June and July", 180)]]
    bottom = wrapped_rows(p, y - 24, [80, 80, 60, 200], notes, "llrl", "middle", rules="rows",
                          row_gap=8)
    y = p.paragraph("Shares follow the label a word space after the longest.", bottom - 30)
    longest = "Trading yard north"
    pad = 3.5
    shares = [["Line", "Share", "Remarks", "State"],
              ["Depot", "14.06%", wrap_words("kept as it was", 110), "Open"],
              [longest, "-35.18%", wrap_words(
                  "moved to the yard in May and let to two tenants on short leases", 110),
               "Closed"],
              ["Kiosk", "2.5%", wrap_words("rebuilt after the storm", 110), "Open"],
              ["Office", "-71.02%", wrap_words("sublet from June", 110), "Held"]]
    bottom = wrapped_rows(p, y - 24, [text_width(longest, "F1", 9) + 2 * pad,
                                      text_width("-35.18%", "F1", 9) + 2 * pad, 120, 50],
                          shares, "lrll", "top", pad=pad, rules=True, row_gap=6)
    p.paragraph("States are as at the end of the year.", bottom - 30)
    tables += [(2, Placed(notes)), (2, Placed(shares))]
    return [first, p.content()], tables


def sample_table_edges():
    # Issue 12, class 3, where a table ends: a title set large just above
    # an unruled table is no row; a last row holding only its label, in the
    # rows' rhythm, is a row; a running foot set small just under a
    # booktabs table's bottom rule, its page number apart, is neither row
    # nor column.
    p = Page()
    size = 9
    p.text(MARGIN, 770, "Stock 5", "F2", 20)
    stock = [["Depot", "Units", "Stage", "Owner"],
             ["North", "1,204", "Open", "Lima"],
             ["Pier", "88", "Held", "Chen"],
             ["Quay", "310", "Open", "Okafor"],
             ["Dock", "7", "Closed", "Stone"]]
    places = [(MARGIN, "l"), (MARGIN + 110, "r"), (MARGIN + 140, "l"), (MARGIN + 210, "l")]
    unruled_rows(p, 752, stock, places, size)
    y = p.paragraph("Units are counted at the end of each quarter.", 752 - 16 * len(stock) - 20)
    fees = [["Item", "Amount"], ["Rent", "4,120"], ["Cleaning", "310"], ["Insurance", "1,076"],
            ["Other", ""]]
    unruled_rows(p, y - 30, fees, [(MARGIN, "l"), (MARGIN + 140, "r")], size, step=20)
    ledger = [["Entry", "Account", "Debit", "Credit"]] + [
        ["E-%03d" % (i + 1), name, "%d.%02d" % (13 * i + 4, (7 * i) % 100), "-"]
        for i, name in enumerate(["Rent", "Fuel", "Wages", "Stock", "Repairs", "Rates"])]
    top = 60 + 16 * len(ledger)
    placed_rows(p, top, ledger, [(MARGIN + 3, "l"), (MARGIN + 70, "l"), (MARGIN + 200, "r"),
                                 (MARGIN + 260, "r")], 270, size)
    p.text(MARGIN, 50, "Annual report 2026", "F1", 6.5)
    p.text(MARGIN + 120, 50, "3", "F1", 6.5)
    first = p.content()

    # Page 2: no rules. Long codes run to less than a column gap before
    # their labels, one label long (the column reaches to its end, not cut
    # before the shares); a running foot set smaller a little further
    # under the last row than the rows are apart, its page number apart.
    p = Page()
    shares = [["SKU", "Region", "Share", "Balance"],
              ["SKU-48435", "Reserve pricing Carrier", "66.87%", "3"],
              ["SKU-55540", "Yield accrual", "73.71%", "20"],
              ["C-17820", "Market", "34.38%", "563,895"],
              ["K2-4510", "Subsidiary", "", "0"],
              ["C-61608", "Risk", "64.06%", "148,378"],
              ["REF-9315", "Output Direct", "-16.07%", "1"]]
    label_x = MARGIN + text_width("SKU-48435", "F1", size) + 5
    share_x = label_x + text_width("Reserve pricing Carrier", "F1", size) + 45
    unruled_rows(p, 200, shares, [(MARGIN, "l"), (label_x, "l"), (share_x, "r"),
                                  (share_x + 60, "r")], size)
    last = 200 - 16 * (len(shares) - 1)
    p.text(MARGIN, last - 26, "Annual report 2026", "F1", 7)
    p.text(MARGIN + 90, last - 26, "4", "F1", 7)
    # Booktabs, headers centred over their columns; the first row holds
    # each column's widest entry, its cells 6.5 pt apart: it reads as one
    # cell, starting left of the header over it.
    orders = [["Product", "Orders", "Due date", "Budget"],
              ["Procurement", "-1,042,558", "21/07/2024", "284,656"],
              ["Harbor", "10,882", "", "-99"],
              ["Yield", "128", "01/03/2021", "1,723"],
              ["Division", "4", "02/08/2019", "0"],
              ["Contract", "364,997", "21/07/2016", "4"]]
    widest = [max(text_width(row[c], "F1", size) for row in orders[1:]) for c in range(4)]
    x = MARGIN + 3
    places = []
    for c, align in enumerate("lrlr"):
        places.append((x + widest[c] if align == "r" else x, align))
        x += widest[c] + 6.5
    placed_rows(p, 700, orders, places, x - MARGIN, size,
                header_at=centred_over(orders, places, size))
    third, wide, narrow = narrow_table_under_a_wide_one_page()
    fourth, wide_again, narrow_again = narrow_table_under_a_wide_one_page(shared_centre=True)
    fifth, fifth_tables = foot_beside_and_tables_apart_page()
    sixth, segments = title_over_a_spanner_page()
    seventh, banded, listed = sentence_set_larger_between_tables_page()
    return ([first, p.content(), third, fourth, fifth, sixth, seventh],
            [(1, Placed(stock)), (1, Placed(fees)), (1, Placed(ledger)), (2, Placed(orders)),
             (2, Placed(shares)), (3, Placed(wide)), (3, Placed(narrow)), (4, Placed(wide_again)),
             (4, Placed(narrow_again))] + [(5, Placed(t)) for t in fifth_tables]
            + [(6, Placed(segments, spans=[(0, 2, 1, 4)])), (7, Placed(banded)),
               (7, Placed(listed))])


def sentence_set_larger_between_tables_page():
    """A table across the page on bands of shading, its labels short
    and its figures far right; a sentence set larger than the tables,
    narrower than most of the wide one, starting where it does; then a
    narrower booktabs table starting there too: two tables, the sentence
    in neither. Returns the page and the two tables' cells."""
    p = Page()
    size = 8
    y = p.paragraph("Budgets and adjustments by line item, then the open contracts.", 760)
    banded = [["Line item", "Budget", "Adjustment", "Balance"],
              ["Current sales", "4.64", "-222.9", "27,990.44"],
              ["Invoice tax", "0.52", "-2,008.7", "68,787.82"],
              ["Harbor", "9.39", "(567.7)", "0.27"]]
    right = PAGE_W - MARGIN - 5
    y = banded_rows(p, y - 20, banded, [(MARGIN + 5, "l"), (right - 230, "r"), (right - 110, "r"),
                                        (right, "r")], right + 5 - MARGIN, size)
    y = p.paragraph("Open contracts by reference at the end of the year.", y - 16)
    listed = [["ID", "Ref.", "Settled", "State"],
              ["C-67036", "HX-92359", "Sep 14, 2019", "Done"],
              ["K2-84476", "TR-73702", "Oct 15, 2024", "Open"],
              ["B7-20543", "PO-22436", "Feb 12, 2016", "Approved"],
              ["TR-62030", "HX-68062", "09.06.2024", "Closed"]]
    placed_rows(p, y - 14, listed, [(MARGIN + 3, "l"), (MARGIN + 60, "l"), (MARGIN + 120, "l"),
                                    (MARGIN + 180, "l")], 230, size, step=14)
    return p.content(), banded, listed


def title_over_a_spanner_page():
    """A title set large, tight over a booktabs table's top rule, under
    which a year stands tight, centred over the columns of figures with a
    rule of their width under it: the title is no row, the year is the
    header's. Returns the page and the table's cells."""
    p = Page()
    size, step = 11, 16.7
    top = 700
    p.text(MARGIN - 15, top + 7, "Table 38 Index", "F2", 14.5)
    segments = [["", "", "2022", "", "", ""],
                ["Segment", "Item", "Cost", "Margin", "Orders", "Revenue"],
                ["Coast", "Growth Fund", "2,356", "81.28%", "23", "276"],
                ["Inland", "Index", "148", "2.56%", "-2,081,997", "0"],
                ["Harbour", "Account interest", "2,238", "", "4,420,434", "57"],
                ["Hills", "Margin", "-131,658", "62.16%", "67,590", "354,771"],
                ["Plains", "Urban Lease", "3", "-27.39%", "7,865,084", "4,178"]]
    left, right = MARGIN - 17, MARGIN + 518
    rights = [None, None, MARGIN + 288, MARGIN + 354, MARGIN + 434, MARGIN + 506]
    header_rule = top - 2 * step
    p.ops.append("q 0 G")
    for y, width in ((top, 0.9), (header_rule, 0.59), (header_rule - step * 5 - 2, 0.9)):
        p.ops.append("%s w" % fmt(width))
        p.line(left, y, right, y)
    p.ops.append("0.47 w")
    p.line(MARGIN + 231, top - step, MARGIN + 513, top - step)
    p.ops.append("Q")
    year = text_width("2022", "F2", size)
    p.text(MARGIN + 372 - year / 2, top - 11, "2022", "F2", size)  # its box reaching over the rule
    for k, row in enumerate(segments[1:]):
        base = top - step - 12 - step * k
        font = "F2" if k == 0 else "F1"
        for c, text in enumerate(row):
            if not text:
                continue
            x = rights[c] - text_width(text, font, size) if rights[c] else [MARGIN - 5, MARGIN + 89][c]
            p.text(x, base, text, font, size)
    return p.content(), segments


def foot_beside_and_tables_apart_page():
    """A narrow unruled table on light bands, the page's running foot set
    as large as its text beside it, right of the table, a little further
    under its last row than the rows are apart: no row, no column. Then two
    booktabs tables of other widths one under the other, a sentence set
    small between them: two tables. Returns the page and its tables' cells."""
    p = Page()
    size, step = 9, 18
    y = p.title("Partners", 790)
    partners = [["Product", "Line item", "Net income", "Units"],
                ["Harbor division", "Deposit output price", "108.43", "263,308"],
                ["Direct Output credit", "Warehouse", "0.14", "3"],
                ["Value invoice", "Balance surplus interest", "0.51", "50,940"],
                ["Online", "Stock Target", "1.83", "848"],
                ["Central Coastal", "Procurement", "0.43", "-482,273"]]
    places = [(MARGIN + 6, "l"), (MARGIN + 110, "l"), (MARGIN + 270, "r"), (MARGIN + 330, "r")]
    top = y - 30
    for k in range(len(partners)):
        if k % 2 == 0:  # the header's band and every other row's
            tone = 0.9 if k == 0 else 0.96
            p.ops.append("q %s g %s %s 340 %s re f Q" % (tone, fmt(MARGIN), fmt(top - step * k - 5),
                                                           fmt(step)))
    unruled_rows(p, top, partners, places, size, step)
    foot = top - step * (len(partners) - 1) - 26
    p.text(PAGE_W - MARGIN - 90, foot, "Annual report 2026", "F1", size)
    p.text(PAGE_W - MARGIN - 5, foot, "5", "F1", size)

    y = foot - 60
    terms = [["Contract", "Note", "Status"],
             ["INV-70182", "", "Active"],
             ["REF-23731", "Software", "Open"],
             ["INV-91746", "Branch west", "Closed"],
             ["HX-7545", "South", "Open"]]
    y = placed_rows(p, y, terms, [(MARGIN + 6, "l"), (MARGIN + 170, "l"), (MARGIN + 370, "l")], 480,
                    size)
    p.text(MARGIN + 8, y - 20, "Cash quarter tariff carrier contract and payment index.", "F1", 7)
    regions = [["Region", "Category", "Units", "Product"],
               ["Ledger Interest", "Making", "6,258,522", "Retail"],
               ["Customer division Payment", "Market", "70", "West"],
               ["Share", "Market", "-2", "Client"],
               ["Terminal beta", "Sales cash", "-474,878", "Tax"]]
    placed_rows(p, y - 36, regions, [(MARGIN + 6, "l"), (MARGIN + 150, "l"), (MARGIN + 260, "r"),
                                     (MARGIN + 280, "l")], 330, size)
    return p.content(), [partners, terms, regions]


def narrow_table_under_a_wide_one_page(shared_centre=False):
    """An unruled table across the page, a sentence under it, then a
    narrower unruled table set inside its columns, none of its cells
    starting, ending or centred where one of the wide table's does (with
    shared_centre, its second heading by chance centred over the wide
    table's third): two tables, the sentence in neither."""
    p = Page()
    size = 9
    wide = [["Segment", "Quantity", "Invoice", "Variance"],
            ["Reserve", "11", "HX-76865", "31,591.31"],
            ["Pending standard", "-10", "SKU-79274", "932.21"],
            ["Payment subsidiary", "51,088", "INV-48848", "-19,504.98"],
            ["Daily", "109,667", "A-35881", "-3,149.82"]]
    unruled_rows(p, 760, wide, [(MARGIN, "l"), (MARGIN + 230, "r"), (MARGIN + 262, "l"),
                                (MARGIN + 480, "r")], size)
    y = p.paragraph("Current lease income debit client invoice target.", 760 - 16 * len(wide) - 10)
    narrow = [["Account", "Line item", "Amount"],
              ["Premium payment", "Fixed accrual", "2.48"],
              ["Logistics unit", "Imports", "-12.58"],
              ["Tariff", "Output closed", "36.84"],
              ["Market project", "Freight", "2.30"]]
    second = MARGIN + 214
    if shared_centre:
        second = MARGIN + 262 + (text_width("Invoice", "F2", size) - text_width("Line item", "F2", size)) / 2
    unruled_rows(p, y - 26, narrow, [(MARGIN + 128, "l"), (second, "l"), (MARGIN + 360, "r")],
                 size, step=18)
    return p.content(), wide, narrow


def sample_touching_cells():
    # Issue 12, class 8 in a typewriter font: a printout's columns a
    # character or two apart, and in some rows a label that fills its
    # column, so its cells stand one word space apart, as its words do
    # (the line alone reads as one cell; the rows around it place the
    # columns). A note set under the table stays no row. Then a
    # proportional font: a long label a word space before its figure.
    p = Page()
    y = p.title("Ledger printout", 790)
    y = p.paragraph("Printed from the ledger in a typewriter font: each field starts in "
                    "its own column, and a label may fill its column up to the next.", y - 24)
    size = 9
    cw = text_width("0", "F4", size)  # one character
    rows = [["Account", "Opening", "Closing", "Ref"],
            ["Dividend", "95,667.00", "92,120.50", "A-95"],
            ["Debit label tariff", "4,055.20", "18,086.00", "SKU-40055"],
            ["Interest freight Logis", "1,234,567.89", "9,876,543.21", "INV-12313"],
            ["Total fixed", "746,183.00", "720,410.40", "B7-4"],
            ["Budget retail Tariff 4", "2,464,609.00", "1,024,223.10", "REF-64609"],
            ["Margin", "61,955.00", "", "PO-6"]]
    # Each field fills its column in the longest rows, one blank between
    # them: label from character 0, figures and refs ending at 35, 48, 58.
    places = [(MARGIN, "l"), (MARGIN + 35 * cw, "r"), (MARGIN + 48 * cw, "r"),
              (MARGIN + 58 * cw, "r")]
    top = y - 30
    step = 14
    for k, row in enumerate(rows):
        for text, (x, align) in zip(row, places):
            if text:
                p.text(cell_start(x, align, text_width(text, "F4", size)), top - step * k, text,
                       "F4", size)
    bottom = top - step * (len(rows) - 1)
    p.text(MARGIN, bottom - step - 4, "Checked by the branch office on the 3rd.", "F4", size)
    stock = [["Item", "Units", "Owner"],
             ["Cleaning", "310", "Lima"],
             ["Protective equipment and gloves", "1,204", "Chen"],
             ["Rent", "88", "Okafor"],
             ["Insurance", "4,120", "Stone"]]
    label_end = MARGIN + text_width(stock[2][0], "F1", size)
    units_right = label_end + text_width(" 1,204", "F1", size)
    unruled_rows(p, bottom - 80, stock, [(MARGIN, "l"), (units_right, "r"), (units_right + 30, "l")],
                 size)
    return [p.content()], [(1, Placed(rows)), (1, Placed(stock))]


def unruled_rows(p, top, rows, places, size=9, step=16):
    """Rows of cells one line each, step apart, without rules: places as
    placed_rows takes them; the header in bold."""
    for k, row in enumerate(rows):
        font = "F2" if k == 0 else "F1"
        for text, (x, align) in zip(row, places):
            if text:
                p.text(cell_start(x, align, text_width(text, font, size)), top - step * k, text, font,
                       size)


def sample_shaded_cells():
    # Issue 12, class 1: a ruled table whose significant figures are set on
    # shaded cells, some in consecutive rows of one column. Every rule is a
    # thin black filled rectangle and the shading fills a cell up to them,
    # so a row's rule and the cells shaded above and below it are one patch
    # of ink.
    p = Page()
    y = p.title("Effects by Year", 790)
    y = p.paragraph("Shaded cells mark effects significant at the 10 percent level; NA "
                    "marks outcomes not measured that year.", y - 24)
    rows = [["Measure", "Year 1", "Year 2", "Year 3"],
            ["Colour naming", "", "NA", "NA"],
            ["Drawing a design", "0.14", "", "NA"],
            ["Literacy scale", "0.35", "0.16", "NA"],
            ["Letter naming", "0.24", "", ""],
            ["Sound matching", "0.10", "0.15", ""],
            ["Vocabulary", "0.18", "", "0.09"],
            ["Spelling", "", "", "NA"],
            ["Word reading", "NA", "NA", "0.21"]]
    shaded = {(2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (3, 2), (5, 2), (8, 3)}
    widths, step, size, rule = [170, 70, 70, 70], 17, 9, 0.7
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    top = y - 30
    tops = [top - step * k for k in range(len(rows) + 1)]
    for (k, c) in sorted(shaded):
        p.ops.append("q 0.62 g %s %s %s %s re f Q" % (
            fmt(xs[c] + rule), fmt(tops[k + 1] + rule / 2), fmt(widths[c] - rule),
            fmt(step - rule)))
    for yy in tops:
        p.ops.append("q 0 g %s %s %s %s re f Q" % (fmt(xs[0]), fmt(yy - rule / 2), fmt(xs[-1] - xs[0]), fmt(rule)))
    for x in xs:
        p.ops.append("q 0 g %s %s %s %s re f Q" % (fmt(x - rule / 2), fmt(tops[-1]), fmt(rule), fmt(top - tops[-1])))
    for k, row in enumerate(rows):
        base = tops[k] - step + 5
        for c, cell in enumerate(row):
            font = "F2" if k == 0 or (k, c) in shaded else "F1"
            if c == 0:
                p.text(xs[0] + 4, base, cell, font, size)
            elif cell:
                p.text((xs[c] + xs[c + 1] - text_width(cell, font, size)) / 2, base, cell, font, size)
    p.paragraph("Effect sizes are in standard deviations of the outcome.", tops[-1] - 24)
    return [p.content()], [(1, Placed(rows))]


def sample_partial_rules():
    # Issue 12, class 1: lines drawn for part of the structure only; the rows
    # and the rest of the columns come from the text.
    p = Page()
    y = p.title("Parts Shipped", 790)
    y = p.paragraph("Three tables ruled in part: the lines drawn say where columns are, the "
                    "text lines say where rows are.", y - 24)
    parts = [
        ["Item", "Code", "Qty", "Price", "Total"],
        ["Bolts", "B-101", "120", "0.25", "30.00"],
        ["Nuts", "N-202", "300", "0.10", "30.00"],
        ["Washers", "W-303", "75", "0.05", "3.75"],
        ["Brackets", "K-404", "16", "4.50", "72.00"],
    ]
    widths, align = [120, 70, 60, 70, 80], "llrrr"
    # A ruled header row (a box per cell) over rows with no lines at all.
    n = len(parts)
    bottom = partly_ruled(p, parts, y - 24, widths, align, boxes=[(0, 1, c, c + 1) for c in range(5)])
    y = p.paragraph("The same parts in a frame with column lines but no row lines.", bottom - 24)
    stock = [
        ["Depot", "Bin", "Stock", "Reorder", "Value"],
        ["North", "A-12", "1,240", "300", "3,100.00"],
        ["South", "B-07", "865", "250", "2,162.50"],
        ["East", "C-33", "92", "100", "230.00"],
        ["West", "D-41", "4,310", "900", "10,775.00"],
    ]
    bottom = partly_ruled(p, stock, y - 24, widths, align, hlines=(0, n), vlines=range(6))
    y = p.paragraph("Orders in two boxes, one around the names and one around the figures.",
                    bottom - 24)
    orders = [
        ["Customer", "Order", "Units", "Weight", "Amount"],
        ["Ana Lima", "O-5521", "12", "8.4", "96.00"],
        ["Ben Okafor", "O-5522", "140", "98.0", "1,120.00"],
        ["Chen Wei", "O-5523", "6", "4.2", "48.00"],
        ["Dana Cruz", "O-5524", "75", "52.5", "600.00"],
    ]
    bottom = partly_ruled(p, orders, y - 24, widths, align, boxes=[(0, n, 0, 2), (0, n, 2, 5)])
    p.paragraph("Amounts are in euros.", bottom - 30)
    p2, second = partial_rules_groups_page()
    p3, third = partial_rules_stub_page()
    p4, fourth = partial_rules_group_labels_page()
    p5, fifth = partial_rules_source_page()
    p6, sixth = boxed_header_page()
    p7, seventh = headings_over_a_grid_page()
    p8, eighth = records_in_a_frame_page()
    p9, ninth = hanging_lines_in_a_frame_page()
    return [p.content(), p2.content(), p3.content(), p4.content(), p5.content(), p6.content(),
            p7.content(), p8.content(), p9.content()], \
        [(1, Placed(parts)), (1, Placed(stock)), (1, Placed(orders))] + \
        [(2, t) for t in second] + [(3, third), (4, fourth), (5, fifth), (6, sixth), (7, seventh),
                                   (8, eighth), (9, ninth)]


ASSUMPTIONS = (
    ("Variable", "Assumption", True),
    ("Demographic assumptions", "", True),
    ("Population", "Projections follow the national estimates", False),
    ("18- to 24-year-olds", "Projection: average annual growth of 0.1%", False),
    ("Income per head in\nconstant dollars", "Annual changes range between -1.9% and 2.2%\n"
     "with an average growth rate of 1.4%", False),
    ("School revenue from state\nsources per head in constant dollars",
     "Annual changes range between -2.4% and 2.3%\nwith an average growth rate of 1.3%", False),
    ("Inflation rate", "1.0% to 2.0%", False),
    ("Unemployment rate", "", True),
    ("Ages 18 and 19", "17.7% to 26.8%", False),
    ("Ages 20 to 24", "10.8% to 15.6%", False),
)


def hanging_lines_in_a_frame_page():
    """A frame, a rule under its header and a line between its two
    columns, no rules between rows, every line set as far below the last
    (issue 12, classes 1 and 4): labels stacked in the first column, their
    values set right in the second, group headings in bold on lines of their
    own; two rows wrapped, the label's next line under a hanging indent, the
    value's next line starting in lower case. A row each."""
    p = Page()
    p.title("Forecast Assumptions", 790)
    top, step, x0, x1 = 750, 13, MARGIN, MARGIN + 470
    y = top
    for label, value, bold in ASSUMPTIONS:
        labels, values = label.split("\n"), value.split("\n")
        font = "F2" if bold and value == "" else "F1"
        for k in range(max(len(labels), len(values))):
            if k < len(labels):
                p.text(x0 + 4 + (10 if k else 0), y, labels[k], font, 9)
            if k < len(values) and values[k]:
                p.text(x1 - 4 - text_width(values[k], "F1", 9), y, values[k], "F1", 9)
            y -= step
    bottom = y + 9
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top + 12, top - 4, bottom):
        p.line(x0, yy, x1, yy)
    for xx in (x0, x0 + 230, x1):
        p.line(xx, top + 12, xx, bottom)
    p.ops.append("Q")
    return p, Placed([[label, value] for label, value, _ in ASSUMPTIONS])


def records_in_a_frame_page():
    """A frame with column lines and a rule under its header, no rules
    between its records, set solid (a line every 10 pt, a wrapped line as
    close): a record a line, its label and its first cost wrapped onto a
    second line of their own columns. Two records, each a row."""
    p = Page()
    y = p.title("Estimated Costs", 790)
    y = p.paragraph("The agency estimates these costs for each airplane; parts are supplied "
                    "at no cost where a kit is on hand.", y - 24)
    widths = [130, 150, 70, 70, 80]
    header = ["Action", "Labor cost", "Parts cost", "Cost per product", "Fleet cost"]
    records = [
        (["Wiring change and", "Up to 79 work-hours at", "Up to $3,790", "Up to $10,505",
          "Up to $766,865"], ["inspection", "$85 per hour"]),
        (["Sensor system test and", "40 work-hours at $85", "$0", "$3,400", "$248,200"],
         ["return to service", "per hour"]),
    ]
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    top, size, step = y - 30, 8, 10
    head_bottom = top - 20
    bottom = head_bottom - 6 - step * 2 * len(records)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, head_bottom, bottom):
        p.line(xs[0], yy, xs[-1], yy)
    for xx in xs:
        p.line(xx, top, xx, bottom)
    p.ops.append("Q")
    for c, title in enumerate(header):
        p.text((xs[c] + xs[c + 1] - text_width(title, "F1", size)) / 2, top - 13, title, "F1", size)
    base = head_bottom - 12
    for first, wrapped in records:
        for c, cell in enumerate(first):
            p.text(xs[c] + 3, base, cell, "F1", size)
        for c, cell in enumerate(wrapped):
            p.text(xs[c] + 3 + (8 if c == 0 else 0), base - step, cell, "F1", size)
        base -= 2 * step
    p.paragraph("Costs are rounded to the dollar.", bottom - 24)
    cells = [header] + [
        [f"{cell}\n{wrapped[c]}" if c < len(wrapped) else cell for c, cell in enumerate(first)]
        for first, wrapped in records
    ]
    return p, Placed(cells)


def headings_over_a_grid_page():
    """A ruled grid with a line of years set tight over it, outside it, each
    centred over the pair of columns it heads. One table, the years its
    first row, each over its pair."""
    p = Page()
    y = p.title("Landings by Port", 790)
    y = p.paragraph("Tonnes landed and their value in thousands, by year.", y - 24)
    years = ["2022", "2023", "2024"]
    header = ["Port", "Tonnes", "Value", "Tonnes", "Value", "Tonnes", "Value"]
    body = [["North Quay", "1,204", "3,310", "1,187", "3,402", "1,255", "3,618"],
            ["Harbour Mouth", "806", "2,115", "842", "2,240", "799", "2,301"],
            ["East Pier", "2,431", "6,027", "2,390", "6,115", "2,508", "6,470"],
            ["Salt Bay", "377", "1,048", "401", "1,122", "415", "1,190"]]
    widths = [110, 55, 55, 55, 55, 55, 55]
    top = y - 40
    grid = Table([header] + body, widths=widths, heights=[18] * (len(body) + 1), align="lrrrrrr")
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    for k, year in enumerate(years):
        centre = xs[1 + 2 * k + 1]
        p.text(centre - text_width(year, "F2", 9) / 2, top + 3, year, "F2", 9)
    bottom = grid.place(p, MARGIN, top)
    p.paragraph("Values in thousands of euros at the first sale.", bottom - 24)
    first = [""] * len(header)
    for k, year in enumerate(years):
        first[1 + 2 * k] = year
    return p, Placed([first, header] + body)


def boxed_header_page():
    """A ruled grid whose header is drawn in a box of its own a little
    above it, no column lines in the box (a word processor's header row
    set apart): titles of one to three lines centred over their columns,
    one column empty under its title. One table, the box its first row."""
    p = Page()
    y = p.title("Permit Schedule", 790)
    y = p.paragraph("Each permit class with its statute, its kind and the longest and "
                    "shortest terms; no class has a shortest term yet.", y - 24)
    widths = [40, 150, 80, 60, 50, 50, 60]
    header = ["No.", "Permit class", "Statute", "Kind\nof\npermit", "Max\nterm", "Min\nterm",
              "Fee"]
    body = [["1", "Street vendor", "LC 4-101", "Annual", "12M", "", "$150"],
            ["2", "Street vendor, food", "LC 4-102", "Annual", "12M", "", "$240"],
            ["3", "Market stall", "LC 4-110", "Seasonal", "6M", "", "$90"],
            ["4", "Outdoor seating", "LC 5-201", "Annual", "12M", "", "$310"],
            ["5", "Event kiosk", "LC 5-230", "Event", "7D", "", "$45"]]
    top = y - 30
    head = Table([header], widths=widths, heights=[44], align="lllcccr", rules="none")
    head.place(p, MARGIN, top)
    right = MARGIN + sum(widths)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, top - 44):
        p.line(MARGIN, yy, right, yy)
    for xx in (MARGIN, right):
        p.line(xx, top, xx, top - 44)
    p.ops.append("Q")
    grid = Table(body, widths=widths, heights=[18] * len(body), align="lllcccr", header_rows=0)
    bottom = grid.place(p, MARGIN, top - 44 - 9)
    p.paragraph("Terms: M months, D days.", bottom - 24)
    return p, Placed([header] + body)


def partial_rules_source_page():
    """A table ruled above and below its header and at its bottom, a line
    after its stub, narrower than the page; right under its bottom rule a
    source note set as large as the table, justified wider than it: its
    wide word spaces line up with nothing, and it is no row."""
    p = Page()
    y = p.title("Population by Age", 790)
    y = p.paragraph("Residents counted on census night, by age group and sex.", y - 24)
    ages = [
        ["Age group", "Men", "Women", "Total"],
        ["Under 5 years", "1,204", "1,187", "2,391"],
        ["5 - 14 years", "2,310", "2,298", "4,608"],
        ["15 - 64 years", "9,402", "9,511", "18,913"],
        ["65 years plus", "1,876", "2,344", "4,220"],
        ["All ages", "14,792", "15,340", "30,132"],
    ]
    n = len(ages)
    bottom = partly_ruled(p, ages, y - 24, [120, 80, 80, 90], "lrrr", hlines=(0, 1, n), vlines=(1,))
    # Justified to 440 pt, past the table's 370: its word spaces are wide.
    lines = [["Source:", "census", "of", "population", "and", "housing,", "first", "results", "by",
              "district,"], ["as", "published", "by", "the", "statistics", "office."]]
    width, size, base = 440, 9, bottom - 12
    for k, line in enumerate(lines):
        # Justified but the last line: the spare width shared by the spaces.
        spare = width - text_width(" ".join(line), "F1", size) if k + 1 < len(lines) else 0
        x = MARGIN
        for w in line:
            p.text(x, base, w, "F1", size)
            x += text_width(w + " ", "F1", size) + spare / (len(line) - 1)
        base -= 11
    return p, Placed(ages)


def partial_rules_stub_page():
    """A ruled body (a box a cell) with its stub of labels left unruled
    beside it, a rule under the stub's heading only: the labels' rows are
    the body's."""
    p = Page()
    y = p.title("Indirect Cost Base", 790)
    y = p.paragraph("The figures are ruled cell by cell; the cost categories beside them are "
                    "not.", y - 24)
    costs = [
        ["Cost category", "Total", "Excluded", "Indirect", "Direct"],
        ["Salaries", "1,314,000", "", "373,250", "940,750"],
        ["Fringe benefits", "352,000", "", "99,988", "252,012"],
        ["Bad debts", "10,000", "10,000", "", ""],
        ["Office rent", "170,000", "", "170,000", ""],
        ["Telephone", "109,400", "", "55,000", "54,400"],
        ["Total costs", "1,955,400", "10,000", "698,238", "1,247,162"],
    ]
    widths, top = [130, 80, 80, 80, 80], y - 24
    n = len(costs)
    boxes = [(r, r + 1, c, c + 1) for r in range(n) for c in range(1, 5)]
    bottom = partly_ruled(p, costs, top, widths, "lrrrr", boxes=boxes)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    p.line(MARGIN, top - 16, MARGIN + widths[0], top - 16)
    p.ops.append("Q")
    p.paragraph("Bad debts are excluded from the base.", bottom - 30)
    return p, Placed(costs)


def partial_rules_group_labels_page():
    """A frame with column lines and a rule under the header, no rule
    between the body's rows: headings of three lines set low, the body
    opening on labels of groups of rows (a line each, the figures' columns
    empty beside them, the cohorts' centred), the rows' labels set right
    and their figures centred."""
    p = Page()
    y = p.title("Enrolment by Cohort", 790)
    y = p.paragraph("Shares of each group enrolled in the first year; the body has no lines "
                    "between its rows.", y - 24)
    header = [["", "Some Year 1", "No Year 1", ""], ["", "Programme", "Programme", ""],
              ["Group", "Enrolment", "Enrolment", "Total"]]
    body = [
        ("All children (N=4,667):", "l", "", "", ""),
        ("Younger cohort", "c", "", "", ""),
        ("Programme group", "r", "85.1%", "14.9%", "100%"),
        ("Comparison group", "r", "17.3%", "82.7%", "100%"),
        ("Older cohort", "c", "", "", ""),
        ("Programme group", "r", "79.8%", "20.2%", "100%"),
        ("Comparison group", "r", "13.9%", "86.1%", "100%"),
    ]
    size, leading = 10, 12.5
    xs = [MARGIN, MARGIN + 180, MARGIN + 275, MARGIN + 370, MARGIN + 465]
    top = y - 24
    base = top - 12
    for line in header:
        for c, cell in enumerate(line):
            mid = (xs[c] + xs[c + 1]) / 2
            p.text(mid - text_width(cell, "F2", size) / 2, base, cell, "F2", size)
        base -= leading
    header_rule = base + leading - 4
    base = header_rule - 11
    for label, align, *figures in body:
        font = "F1" if align == "r" else "F2"
        w = text_width(label, font, size)
        x = {"l": xs[0] + 4, "c": (xs[0] + xs[1] - w) / 2, "r": xs[1] - 4 - w}[align]
        p.text(x, base, label, font, size)
        for c, v in enumerate(figures, 1):
            p.text((xs[c] + xs[c + 1] - text_width(v, "F1", size)) / 2, base, v, "F1", size)
        base -= leading
    bottom = base + leading - 4
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (top, header_rule, bottom):
        p.line(xs[0], yy, xs[-1], yy)
    for x in xs:
        p.line(x, top, x, bottom)
    p.ops.append("Q")
    p.paragraph("Weighted shares.", bottom - 30)
    cells = [["Group", "Some Year 1\nProgramme\nEnrolment", "No Year 1\nProgramme\nEnrolment", "Total"]]
    cells += [[label] + figures for label, _, *figures in body]
    return p, Placed(cells)


def partial_rules_groups_page():
    """Two tables boxed by groups, not by rows: figures in pairs of
    columns, a box around each pair from the header down (a rule under the
    header); then entries of running text, a box around each column, the
    entries a blank line apart."""
    p = Page()
    y = p.title("Visitors by Season", 790)
    y = p.paragraph("Each pair of columns is boxed; no line parts the rows.", y - 24)
    visitors = [
        ["Park", "Adults", "Children", "Adults", "Children", "Total"],
        ["Alder Ridge", "12,480", "3,906", "18,215", "7,342", "41,943"],
        ["Birch Hollow", "8,731", "2,115", "11,064", "4,980", "26,890"],
        ["Cedar Falls", "21,307", "6,428", "27,553", "9,871", "65,159"],
        ["Dune Point", "5,094", "1,276", "9,918", "3,645", "19,933"],
        ["Elm Lake", "16,622", "4,830", "20,417", "8,209", "50,078"],
        ["Fern Valley", "3,385", "912", "4,706", "1,534", "10,537"],
    ]
    n = len(visitors)
    bottom = partly_ruled(p, visitors, y - 24, [110, 70, 70, 70, 70, 80], "lrrrrr",
                          hlines=(1,), boxes=[(0, n, 0, 1), (0, n, 1, 3), (0, n, 3, 5), (0, n, 5, 6)])
    y = p.paragraph("Permits, one box a column, entries set a blank line apart.", bottom - 30)
    # Group headings on lines of their own, the permits under them set right.
    permits = [
        ["Permit", "Who needs it", "Conditions"],
        ["On the ground:", "", ""],
        ["Camping", "Anyone staying overnight outside a campground, in any season of the year.",
         "Fires only in the rings provided; leave no trace; stay at most fourteen nights."],
        ["Fishing", "Visitors of sixteen or older who fish in the lakes or the rivers.",
         "Barbless hooks only; the catch limits posted at each lake apply."],
        ["In the air:", "", ""],
        ["Drone", "Anyone flying a drone of any weight over the park.",
         "Below sixty metres, away from wildlife and from other visitors, in daylight."],
    ]
    widths, size, leading, pad = [90, 190, 200], 9, 11, 5
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    top = y - 24
    header_bottom = top - 16
    base = header_bottom - 12
    cells = [permits[0]]
    for name, who, cond in permits[1:]:
        if not who:
            p.text(xs[0] + pad, base, name, "F2", size)
            cells.append([name, "", ""])
            base -= leading * 2
            continue
        wrapped = [[name], wrap_words(who, widths[1] - 2 * pad).split("\n"),
                   wrap_words(cond, widths[2] - 2 * pad).split("\n")]
        right = xs[1] - pad - text_width(name, "F2", size)
        p.text(right, base, name, "F2", size)
        for c, lines in enumerate(wrapped[1:], 1):
            for i, line in enumerate(lines):
                p.text(xs[c] + pad, base - i * leading, line, "F1", size)
        cells.append([name] + ["\n".join(lines) for lines in wrapped[1:]])
        base -= leading * (max(len(w) for w in wrapped) + 1)
    bottom = base + leading - 4
    for c, cell in enumerate(permits[0]):
        p.text(xs[c] + pad, top - 11, cell, "F2", size)
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    p.line(xs[0], header_bottom, xs[-1], header_bottom)
    for c in range(len(widths)):
        p.ops.append("%s %s %s %s re S" % (fmt(xs[c]), fmt(bottom), fmt(widths[c]), fmt(top - bottom)))
    p.ops.append("Q")
    p.paragraph("Permits are free of charge.", bottom - 30)
    return p, [Placed(visitors), Placed(cells)]


def sample_form():
    # Issue 12, class 9: a page laid out in ruled boxes with a ruled table
    # inside one of them, the table's frame the box's sides.
    items = [
        ["Item", "Description", "Qty", "Unit price", "Amount"],
        ["1", "Office chairs", "12", "85.00", "1,020.00"],
        ["2", "Desk lamps", "20", "14.50", "290.00"],
        ["3", "Filing cabinets", "4", "120.00", "480.00"],
        ["4", "Whiteboards", "6", "45.00", "270.00"],
    ]
    p = Page()
    left, right, mid = MARGIN, PAGE_W - MARGIN, PAGE_W / 2
    title_bottom, fields_bottom = 750, 720
    p.text(left + 6, 766, "Purchase Request", "F2", 14)
    p.text(left + 6, title_bottom - 19, "Requested by: Maria Keller", size=10)
    p.text(mid + 6, title_bottom - 19, "Department: Facilities", size=10)
    p.text(left + 6, fields_bottom - 18, "Items requested", "F2", 10)
    table = Table(items, [40, 170, 60, 100, right - left - 370], [20] * len(items), "llrrr")
    table_bottom = table.place(p, left, fields_bottom - 28)
    p.text(left + 6, table_bottom - 18, "Approved by the budget holder on 12 March 2024.", size=10)
    p.text(left + 6, table_bottom - 34, "Delivery to the main building, loading bay 2.", size=10)
    form_bottom = table_bottom - 50
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for y in (790, title_bottom, fields_bottom, form_bottom):
        p.line(left, y, right, y)
    p.line(left, 790, left, form_bottom)
    p.line(right, 790, right, form_bottom)
    p.line(mid, title_bottom, mid, fields_bottom)
    p.ops.append("Q")
    p.paragraph("Keep a copy of this form with the invoice.", form_bottom - 24)
    return [p.content()], [(1, table)]


def leader_rows(p, top, rows, leader, size=9, step=16):
    """A statement's rows under their year header: each label, then a dot
    leader up to the figures that leader(start, base, font, width) draws,
    then the two figures set right."""
    dots_end = MARGIN + 230
    rights = (MARGIN + 290, MARGIN + 350)
    for k, (label, a, b) in enumerate(rows):
        base = top - step * k
        font = "F2" if k == 0 else "F1"
        if label:
            p.text(MARGIN, base, label, font, size)
            start = MARGIN + text_width(label + " ", font, size)
            leader(start, base, font, dots_end - start)
        for value, right in zip((a, b), rights):
            p.text(right - text_width(value, font, size), base, value, font, size)
    return top - step * len(rows)


def sample_leaders():
    size = 9
    p = Page()
    y = p.title("Statement of Income", 790)
    y = p.paragraph("In thousands of euros, for the years ended 31 December.", y - 24)
    rows = [
        ["", "2023", "2024"],
        ["Revenue", "1,204.5", "1,310.2"],
        ["Cost of sales", "(702.1)", "(745.9)"],
        ["Gross profit", "502.4", "564.3"],
        ["Operating expenses", "(311.0)", "(320.6)"],
        ["Net income", "191.4", "243.7"],
    ]

    def named_dots(start, base, font, width):
        p.text(start, base, "." * int(width / text_width(".", font, size)), font, size)

    bottom = leader_rows(p, y - 24, rows, named_dots, size)
    p.paragraph("The figures of 2023 are restated for the sale of the printing business.", bottom - 20)
    # Page 2: a statement whose leader dots are drawn in a font that gives
    # no Unicode for its dot (F3): the text layer cannot name them.
    q = Page()
    y = q.title("Statement of Cash Flows", 790)
    y = q.paragraph("In thousands of euros, for the years ended 31 December.", y - 24)
    flows = [
        ["", "2023", "2024"],
        ["Cash from operations", "412.8", "455.1"],
        ["Interest paid", "(38.2)", "(35.9)"],
        ["Cash from investing", "(120.4)", "(98.7)"],
        ["Dividends paid", "(60.0)", "(66.0)"],
        ["Net change in cash", "194.2", "254.5"],
    ]

    def unnamed_dots(start, base, font, width):
        dots = int(width / LEADER_DOTS.width(["."], size))
        q.ops.append("BT /F3 %s Tf %s %s Td %s Tj ET"
                     % (fmt(size), fmt(start), fmt(base), LEADER_DOTS.show(["."] * dots)))

    leader_rows(q, y - 24, flows, unnamed_dots, size)
    return [p.content(), q.content()], [(1, Placed(rows)), (2, Placed(flows))], None, LEADER_DOTS



def sample_titled():
    p = Page()
    y = p.title("Trade Report", 790)
    y = p.paragraph(
        "Exports grew in every market this year. The table below gives the value "
        "of exports by country; its title is above it and its sources below.",
        y - 24,
    )
    top = y - 44
    p.text(MARGIN, top + 8, "Table 3. Exports by country", "F2", 10)
    t = Table(
        [
            ["Country", "2024", "2025"],
            ["France", "1,204", "1,310"],
            ["Germany", "2,880", "3,015"],
            ["Italy*", "940", "1,002"],
        ],
        widths=[150, 90, 90],
        heights=[20] * 4,
        align="lrr",
    )
    t.place(p, MARGIN, top)
    bottom = top - sum(t.heights)
    p.text(MARGIN, bottom - 12, "Source: National statistics offices, 2025.", "F1", 8)
    p.text(MARGIN, bottom - 23, "* Provisional figures.", "F1", 8)
    p.paragraph(
        "Imports are reported separately and are not part of this table.",
        bottom - 60,
    )
    tight, tight_tables = titles_on_top_rules_page()
    third, third_tables = titles_of_three_lines_page("booktabs", 61)
    fourth, fourth_tables = titles_of_three_lines_page("none", 67)
    return ([p.content(), tight, third, fourth],
            [(1, t)] + [(2, t) for t in tight_tables] + [(3, t) for t in third_tables]
            + [(4, t) for t in fourth_tables])


def titles_on_top_rules_page():
    """Titles set tight over a booktabs table's top rule, as close as a
    header's lines: one of two lines, the first running over every column,
    the second indented under the title's words; one of a line over the
    first column of a two-column table. Neither is a row of its table."""
    p = Page()
    rng = Lcg(53)
    label = "Table A-7."
    words = "Pupils per teacher in public and private schools, by level of school and region of the"
    top = 760
    p.text(MARGIN, top + 15, label, "F2", 9)
    indent = MARGIN + text_width(label, "F2", 9) + 8
    p.text(indent, top + 15, words, "F2", 9)
    p.text(indent, top + 4, "country: 2019 to 2023", "F2", 9)
    regions = ["North", "South", "East", "West", "Capital", "Islands"]
    rows = [["Region", "2019", "2020", "2021", "2022", "2023"]]
    rows += [[r] + ["%d.%d" % (12 + rng.next(10), rng.next(10)) for _ in range(5)] for r in regions]
    ratios = Table(rows, widths=[150] + [66] * 5, heights=[18] + [15] * len(regions), align="lrrrrr",
                   rules="booktabs")
    bottom = ratios.place(p, MARGIN, top)
    p.paragraph("Counts of full-time teachers; part-time teachers as full-time equivalents.", bottom - 14)
    top = bottom - 70
    p.text(MARGIN, top + 4, "Table A-8.  Assumptions", "F2", 9)
    items = [["Variable", "Assumption"],
             ["Population", "Consistent with the latest census estimates"],
             ["Income per head", "Grows by 1.4% a year in constant prices"],
             ["Inflation", "Between 1.0% and 2.0% a year"],
             ["Unemployment", "Between 5.0% and 7.5%"]]
    assumptions = Table(items, widths=[180, 270], heights=[18] + [15] * 4, align="ll", rules="booktabs")
    assumptions.place(p, MARGIN, top)
    return p.content(), [ratios, assumptions]


def titles_of_three_lines_page(rules, seed):
    """Titles set tight over a table's top (a booktabs table's top rule, or
    the header of a table with no rules): one of two lines and a third
    giving the unit, from the table's left; one of two lines centred over
    the table. Neither is a row of its table."""
    p = Page()
    rng = Lcg(seed)
    top = 720
    p.text(MARGIN, top + 26, "Table 17.  Employment by industry and region of the country,", "F2", 9)
    p.text(MARGIN, top + 15, "2019 to 2023", "F2", 9)
    p.text(MARGIN, top + 4, "[In thousands]", "F1", 8)
    rows = [["Industry", "2019", "2020", "2021", "2022", "2023"]]
    for r in ["Agriculture", "Mining", "Construction", "Manufacturing", "Trade", "Transport"]:
        rows.append([r] + ["%d,%03d" % (1 + rng.next(9), rng.next(1000)) for _ in range(5)])
    jobs = Table(rows, widths=[150] + [66] * 5, heights=[18] + [15] * 6, align="lrrrrr", rules=rules)
    bottom = jobs.place(p, MARGIN, top)
    p.paragraph("Jobs counted where the work is done, not where the worker lives.", bottom - 14)
    top = bottom - 80
    for i, line in enumerate(["Table 18.  Hours worked per week", "by age group and sex"]):
        w = text_width(line, "F2", 9)
        p.text(MARGIN + (150 + 66 * 4 - w) / 2, top + 4 + 11 * (1 - i), line, "F2", 9)
    rows = [["Age", "Men", "Women", "All", "Change"]]
    for r in ["16-24", "25-34", "35-44", "45-54", "55-64"]:
        rows.append([r] + ["%d.%d" % (30 + rng.next(15), rng.next(10)) for _ in range(4)])
    hours = Table(rows, widths=[150] + [66] * 4, heights=[18] + [15] * 5, align="lrrrr", rules=rules)
    hours.place(p, MARGIN, top)
    return p.content(), [jobs, hours]


def sample_beside_prose():
    # Issue 12, class 3: a paragraph in a narrow column beside a table's
    # centred title (its lines on the paragraph's baselines, as rows would
    # be), and a bulleted list under an underlined heading, are no tables;
    # the ruled table under the title is one.
    p = Page()
    y = p.title("Species at Risk", 790)
    top, leading, size, width = y - 30, 13, 10, 190
    texts = [
        "Approximately 29% of the kingfisher's range occurs within regions of high "
        "deposition. On a nationwide basis, deposition does not appear to be a threat "
        "to this species. However, kingfishers consume more on a body weight basis "
        "than any other species examined.",
        "Although a recovery in the population of eagles has resulted in a status "
        "upgrade in five states, eagle populations are still depleted throughout much "
        "of their historical range, and most of the birds seen are transient.",
    ]
    base = top
    for text in texts:
        indent = 24
        first = wrap_words(text, width - indent, "F1", size).split("\n")[0]
        rest = wrap_words(text[len(first):].strip(), width, "F1", size).split("\n")
        p.text(MARGIN + indent, base, first, "F1", size)
        for line in rest:
            base -= leading
            p.text(MARGIN, base, line, "F1", size)
        base -= 2 * leading
    right = MARGIN + width + 40
    widths = [130, 100]
    centre = right + sum(widths) / 2
    for i, line in enumerate(["Table 2", "Share of the Range Overlapping", "Regions of High Deposition"]):
        p.text(centre - text_width(line, "F2", size) / 2, top - leading * (i + 1), line, "F2", size)
    t = Table(
        [
            ["Species", "Share of range"],
            ["Kingfisher", "29%"],
            ["Bald eagle", "34%"],
            ["Osprey", "20%"],
            ["Common loon", "40%"],
            ["River otter", "38%"],
        ],
        widths=widths,
        heights=[18] * 6,
        align="lr",
    )
    t.place(p, right, top - leading * 4 - 6)
    y = min(base, top - leading * 4 - 6 - sum(t.heights)) - 40
    p.text(MARGIN, y, "Younger cohort", "F2", size)
    p.ops.append("q 0.5 w 0 G")
    p.line(MARGIN, y - 2.5, MARGIN + text_width("Younger cohort", "F2", size), y - 2.5)
    p.ops.append("Q")
    items = [
        "There were no significant differences between the groups on any measure "
        "of development during the first year or during kindergarten.",
        "At the end of the first grade, the impacts on development were few and mixed.",
        "Parents reported fewer problem behaviours for the group than for the other "
        "group, and teachers reported no differences at all.",
    ]
    y -= leading + 2
    for item in items:
        p.text(MARGIN + 6, y, "\u2022", "F1", size)
        for line in wrap_words(item, 380, "F1", size).split("\n"):
            p.text(MARGIN + 30, y, line, "F1", size)
            y -= leading
        y -= 4
    # Page 2: a booktabs table in the left column of a page in two, its
    # rows on the baselines of the running text in the right column, which
    # starts above it and goes on below: the table alone is a table.
    q = Page()
    y = q.title("Death Rates by State", 790)
    top = y - 60
    states = [("Ohio", "19,820", "154.0"), ("Kentucky", "6,530", "148.6"), ("Mississippi", "4,354", "146.7"),
              ("Maryland", "7,744", "141.7"), ("Iowa", "5,469", "141.6"), ("New Jersey", "13,684", "141.2"),
              ("Delaware", "1,305", "140.8"), ("South Dakota", "1,397", "140.0"), ("Indiana", "9,210", "139.7"),
              ("California", "46,584", "139.0"), ("Louisiana", "5,919", "138.3")]
    rows = [["State", "Deaths", "Rate"]] + [list(r) for r in states]
    t2 = Table(rows, widths=[100, 60, 60], heights=[13] * len(rows), align="lrr", rules="booktabs")
    t2.place(q, MARGIN, top)
    prose = (
        "Disparities in heart disease among persons who already have the disease often focus on "
        "differences in access to care, use of procedures and type of medication used in treatment. "
        "Research examining the promotion of health through preventing the onset of disease should "
        "be given priority because major disparities exist in the prevalence of risk factors among "
        "population groups at early ages. However, insufficient research has been conducted on the "
        "behaviours that maintain low risk and prevent the initiation and progression of the disease. "
        "Although there are no community guides for the disease as a whole, the guides to preventive "
        "services include diabetes, nutrition, physical activity, tobacco and obesity. Promoting the "
        "guidelines for interventions based on reviews of each of these areas will improve health and "
        "reduce deaths from heart disease and stroke."
    )
    x = MARGIN + 220 + 30
    for k, line in enumerate(wrap_words(prose, PAGE_W - MARGIN - x, "F1", 9).split("\n")):
        q.text(x, top - 13 * (k - 3.5) - 0.359 * 9, line, "F1", 9)
    r, upper, lower = paragraph_between_tables_page()
    u, shares = typewriter_page()
    v, usage = code_listings_page()
    w, contracts, products = note_in_small_type_between_tables_page()
    z, holdings, clients = sentence_under_a_bottom_rule_page()
    return ([p.content(), q.content(), r.content(), u.content(), v, w, z],
            [(1, t), (2, t2), (3, upper), (3, lower), (4, shares), (5, usage), (6, contracts),
             (6, products), (7, holdings), (7, clients)])


def sentence_under_a_bottom_rule_page():
    """A booktabs table, a sentence in the same type just under its bottom
    rule, and a table of shaded rows without rules under it, all as close
    as rows stand: two tables, the sentence neither's. Returns the page and
    the two tables' cells."""
    p = Page()
    y = p.title("Holdings and Clients", 790)
    holdings = [["ID", "Department", "Name"],
                ["B7-73777", "Inventory", "Project"],
                ["TR-26639", "Products", "Fees"],
                ["TR-70920", "Software", "Shanghai"],
                ["REF-11639", "Banking", "Domestic"]]
    places = [(MARGIN + 5, "l"), (MARGIN + 170, "l"), (MARGIN + 290, "l")]
    bottom = placed_rows(p, y - 30, holdings, places, 450, size=10, step=20)
    base = bottom - 14
    p.text(MARGIN, base, "Price profit closed export credit fund.", "F1", 10)
    clients = [["Ref.", "State", "Customer", "Adjustment", "Margin"],
               ["K2-87877", "Open", "Provision Client", "-542.8", "21%"],
               ["A-37984", "Done", "Profit", "1,177.6", "55%"],
               ["HX-79639", "Approved", "Final contract", "12.9", "75%"],
               ["PO-2804", "Open", "Partner Output", "31.1", "49%"]]
    places = [(MARGIN + 5, "l"), (MARGIN + 90, "l"), (MARGIN + 170, "l"), (MARGIN + 350, "r"),
              (MARGIN + 440, "r")]
    banded_rows(p, base - 8, clients, places, 450, size=10, step=20)
    return p.content(), Placed(holdings), Placed(clients)


def note_in_small_type_between_tables_page():
    """Two tables in 10 pt from the margin, the upper under booktabs rules,
    the lower under a grey header band, and between them a sentence of one
    line in 8.5 pt from the margin, nearer the lower than the upper but
    near both, ending past where the lower's figures start. Returns the
    page and the two tables' cells."""
    p = Page()
    y = p.title("Contracts and Products", 790)
    size = 10
    contracts = [["Contract", "Quantity", "Item", "Account", "State", "Volume"],
                 ["C-5713", "182,512", "West", "Basic", "Draft", "639"],
                 ["A-37831", "5,437,698", "Fund", "Inventory standard", "Draft", ""],
                 ["K2-29975", "3,258", "Sales", "Tax Warehouse", "Draft", "-30,340"]]
    places = [(MARGIN + 3, "l"), (MARGIN + 150, "r"), (MARGIN + 165, "l"), (MARGIN + 220, "l"),
              (MARGIN + 330, "l"), (MARGIN + 420, "r")]
    bottom = placed_rows(p, y - 30, contracts, places, 425, size=size, step=23)
    base = bottom - 20
    p.text(MARGIN, base, "Branch carrier terminal transfer account ledger current closed.", "F1", 8.5)
    products = [["Product", "State", "Share", "Count", "Price"],
                ["Supply", "Pending", "1.8%", "4,992", "22.05"],
                ["Field yield Dividend", "Closed", "63.5%", "138,682", "2,494,748.66"],
                ["Stock", "Pending", "21.0%", "9,891", "(59,218.38)"],
                ["Interest", "Closed", "0.7%", "152,459", "2.06"]]
    places = [(MARGIN + 3, "l"), (MARGIN + 110, "l"), (MARGIN + 200, "r"), (MARGIN + 270, "r"),
              (MARGIN + 370, "r")]
    placed_rows(p, base - 12, products, places, 425, size=size, step=23, rules=False)
    return p.content(), Placed(contracts), Placed(products)


def code_listings_page():
    """A manual's page (issue 12, class 3): running text, a table of the
    functions a user may hold, and two listings of SQL in Courier, one in a
    box, one set plain, their keywords down the left and arguments lined
    up after them. Only the table is a table."""
    p = Page()
    y = p.title("Function Usage", 790)
    size, leading = 10, 13
    y = p.paragraph(
        "Each function that a user may be given is listed in the view below, with the "
        "authority it needs and whether it is granted by default.", y - 26, size, leading)
    rows = [["Function ID", "Description", "Default"],
            ["QIBM_DB_SECADM", "Manages security rules", "Denied"],
            ["QIBM_DB_SQLADM", "Tunes queries and plans", "Denied"],
            ["QIBM_DB_SYSMON", "Reads the system monitor", "Allowed"]]
    t = Table(rows, widths=[120, 150, 70], heights=[16] * len(rows), align="lll")
    p.text(MARGIN, y - 26, "Table 2-1 Functions and their defaults", "F2", 9)
    t.place(p, MARGIN, y - 32)
    y = y - 32 - sum(t.heights) - 24
    y = p.paragraph("To see who holds the function, run the query in the example.", y, size, leading)

    def listing(top, lines, box):
        if box:
            p.ops.append("q 0.5 w 0 G %s %s %s %s re S Q" % (
                fmt(MARGIN - 4), fmt(top - 12 * len(lines) - 2), fmt(PAGE_W - 2 * MARGIN + 8),
                fmt(12 * len(lines) + 12)))
        for k, line in enumerate(lines):
            p.text(MARGIN, top - 12 * k, line, "F4", 9)
        return top - 12 * len(lines)

    p.text(MARGIN, y - 24, "Example 2-1 Query for the users who hold the function", "F2", 9)
    y = listing(y - 42, ["SELECT     function_id,",
                         "           user_name,",
                         "           usage,",
                         "           user_type",
                         "FROM       function_usage",
                         "WHERE      function_id = 'QIBM_DB_SECADM'",
                         "ORDER BY   user_name;"], True)
    y = p.paragraph("To turn the rules on for a table, alter it as the next example shows.",
                    y - 26, size, leading)
    p.text(MARGIN, y - 24, "Example 2-2 Activating the rules", "F2", 9)
    listing(y - 42, ["/* Row access control */",
                     "ALTER TABLE   HR_SCHEMA.EMPLOYEES",
                     "ACTIVATE      ROW ACCESS CONTROL",
                     "ACTIVATE      COLUMN ACCESS CONTROL;"], False)
    return p.content(), t


def paragraph_between_tables_page():
    """Two tables a paragraph of two lines apart, each as near it as the
    rows of a table stand: the words of its last line start, by chance,
    where the columns of the table above do, its word spaces in their gaps,
    and the table below is a line of columns under it. The paragraph is no
    row of either table."""
    p = Page()
    y = p.title("Depot Stock", 790)
    size, leading = 10, 13
    first = ("Counts were taken at every depot in the last week of the quarter and checked "
             "against the ledger by the")
    last = "regional teams before the figures were closed for the report."
    words = last.split()
    starts = [MARGIN + text_width(" ".join(words[:k]) + " ", "F1", size) for k in range(len(words))]
    starts[0] = MARGIN
    # The upper table's columns start where the 1st, 3rd, 6th and 8th
    # words of that line do.
    lefts = [starts[0], starts[2], starts[5], starts[7]]
    upper = [["Depot", "Bins", "Pallets", "Staff"],
             ["North", "412", "38", "9"],
             ["Harbour", "1,207", "96", "14"],
             ["Airport", "88", "7", "3"],
             ["East", "655", "51", "11"]]
    top = y - 36
    bottom = placed_rows(p, top, upper, [(x, "l") for x in lefts], starts[7] + 60 - MARGIN, size=9)
    base = bottom - 20
    p.text(MARGIN, base, first, "F1", size)
    p.text(MARGIN, base - leading, last, "F1", size)
    lower = [["Item", "Supplier"],
             ["Shelving", "Northline Steel"],
             ["Labels", "Printwell"],
             ["Scanners", "Datacap Systems"],
             ["Tape", "Packright"]]
    width = 400
    places = [(MARGIN + 6, "l"), (MARGIN + 206, "l")]
    header_at = [MARGIN + 100 - text_width("Item", "F2", 9) / 2,
                 MARGIN + 300 - text_width("Supplier", "F2", 9) / 2]
    placed_rows(p, base - leading - 10, lower, places, width, size=9, header_at=header_at)
    return p, Placed(upper), Placed(lower)


TYPED_PARAGRAPHS = (
    "SPREAD OF A MEASURE - There are many continuous variables for which the spread of values is of "
    "interest to readers.  The standard deviation is often used as a measure of the spread of the "
    "values in a group when the values are roughly symmetric. [Note that an estimated standard "
    "deviation, a sample size, and an average design effect are sometimes shown together in a "
    "report.  This lets readers work out the standard error of the mean by themselves.]  Percentiles "
    "are often used to describe skewed values like those of daily intake.",
    "Variance estimation from complex samples is a complicated process.  Because of the methods "
    "used, exact expressions for sampling errors are often not available and approximations must be "
    "used.  Thus, analysts should be careful in drawing inferences.  It is tempting to treat survey "
    "data as if it were drawn from a simple random sample; if this were the case then standard "
    "methods could be used.",
)


def typed_paragraph(p, top, text, size=12, leading=17.5, width=PAGE_W - 2 * MARGIN):
    """A paragraph set in Courier as a word processor justifies it: every
    line but the last stretched to the measure by widening its spaces, two
    of them after a sentence's end. Returns the baseline under it."""
    lines, cur = [], []
    for word in text.split(" "):  # ("" after a full stop: its second space)
        if cur and text_width(" ".join(cur + [word]), "F4", size) > width:
            lines.append((cur, True))
            cur = []
        if cur or word:
            cur.append(word)
    lines.append((cur, False))
    for words, justify in lines:
        s = " ".join(words).rstrip()
        tw = (width - text_width(s, "F4", size)) / s.count(" ") if justify and " " in s else 0.0
        p.ops.append("BT /F4 %s Tf %s Tw %s %s Td %s Tj ET" % (fmt(size), fmt(tw), fmt(MARGIN), fmt(top), pdf_string(s)))
        top -= leading
    return top


def typewriter_page():
    """A report typed in Courier (issue 12, class 3): justified paragraphs,
    whose stretched spaces line up down the page on the typeface's even
    pitch as a table's column gaps do, and a small table between them
    under booktabs rules. The table alone is a table."""
    p = Page()
    p.text(MARGIN, 790, "SECTION III", "F4", 12)
    y = typed_paragraph(p, 760, TYPED_PARAGRAPHS[0]) - 14
    shares = [["Age Group", "Proportion"], ["20-29", "0.2650"], ["30-39", "0.2046"],
              ["40-49", "0.1477"], ["50-59", "0.1514"], ["60-69", "0.1225"]]
    p.ops.append("q %s w 0 G" % fmt(LINE_WIDTH))
    for yy in (y, y - 18, y - 18 - 15 * (len(shares) - 1) - 4):
        p.line(MARGIN, yy, MARGIN + 200, yy)
    p.ops.append("Q")
    for k, (group, share) in enumerate(shares):
        base = y - 13 - (15 * k + 4 if k else 0)
        p.text(MARGIN + 2, base, group, "F4", 11)
        p.text(MARGIN + 198 - text_width(share, "F4", 11), base, share, "F4", 11)
    typed_paragraph(p, y - 18 - 15 * (len(shares) - 1) - 34, TYPED_PARAGRAPHS[1])
    return p, Placed(shares)


def glyph_by_glyph(p, x, y, s, font="F1", size=10, tracking=0.0):
    """Draws s one glyph at a time, each placed on its own (as some
    generators do), `tracking` points apart beyond the advance widths."""
    for ch in s:
        if ch != " ":
            p.text(x, y, ch, font, size)
        x += text_width(ch, font, size) + tracking


def sample_letters():
    p = Page()
    y = p.title("Fleet by Depot", 790)
    y = p.paragraph("Every glyph of the table below is placed on its own.", y - 24)
    rows = [
        ["Depot", "Vans", "Trucks", "Site Manager"],
        ["North Yard", "14", "6", "Ines Rocha"],
        ["Harbour", "9", "11", "Tom Varga"],
        ["East Gate", "21", "3", "Li Na"],
        ["Airport", "5", "8", "Omar Haddad"],
    ]
    lefts = (MARGIN, MARGIN + 150, MARGIN + 220, MARGIN + 300)
    top = y - 30
    for k, row in enumerate(rows):
        base = top - 16 * k
        font, tracking = ("F2", 1.5) if k == 0 else ("F1", 0.0)
        for text, left in zip(row, lefts):
            glyph_by_glyph(p, left, base, text, font, 9, tracking)
    p.paragraph("Vans and trucks are counted at the end of the quarter.", top - 16 * len(rows) - 20)
    return [p.content()], [(1, Placed(rows))]


class Type3Font:
    """A font whose glyphs are plain boxes, each standing for the text its
    ToUnicode entry gives: enough to lay out any script as a PDF producer
    does (glyphs in visual order, ligatures, zero-width marks) without
    embedding a real font. glyphs: list of (text, width in 1/1000 em)."""

    def __init__(self, glyphs, ideographs=False, unnamed=()):
        self.glyphs = glyphs
        self.code = {text: k + 1 for k, (text, _) in enumerate(glyphs)}
        # Ideographs: a stroke down the right edge and one across the top,
        # both the glyph's full size less a side bearing, as in 阝, 川 or 市.
        self.ideographs = ideographs
        # Glyphs drawn as a dot on the baseline that ToUnicode leaves out:
        # the text layer cannot name them.
        self.unnamed = set(unnamed)

    def show(self, keys):
        """A hex string showing the glyphs named by keys, in that order."""
        return "<" + "".join("%02X" % self.code[k] for k in keys) + ">"

    def width(self, keys, size):
        widths = dict(self.glyphs)
        return sum(widths[k] for k in keys) * size / 1000.0

    def objects(self, first):
        """The font's objects, numbered from first (the font dictionary)."""
        objs, procs = {}, []
        n = len(self.glyphs)
        for k, (text, w) in enumerate(self.glyphs):
            num = first + 2 + k
            if w == 0:  # a mark: a dot above the glyph after it
                body = b"0 0 d0 200 750 m 300 750 l 300 850 l 200 850 l f"
            elif text in self.unnamed:
                body = b"%d 0 d0 %d 0 m %d 0 l %d 100 l %d 100 l f" % (
                    w, w // 2 - 50, w // 2 + 50, w // 2 + 50, w // 2 - 50)
            elif text == " ":
                body = b"%d 0 d0" % w
            elif self.ideographs:
                body = (b"%d 0 d0 40 820 m %d 820 l %d 880 l 40 880 l f "
                        b"%d -120 m %d -120 l %d 880 l %d 880 l f "
                        b"250 200 m 600 200 l 600 600 l 250 600 l f"
                        % (w, w - 40, w - 40, w - 100, w - 40, w - 40, w - 100))
            else:
                body = b"%d 0 d0 60 0 m %d 0 l %d 650 l 60 650 l f" % (w, w - 60, w - 60)
            objs[num] = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
            procs.append("/g%d %d 0 R" % (k + 1, num))
        named = [(k, text) for k, (text, _) in enumerate(self.glyphs) if text not in self.unnamed]
        cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                "/CMapName /Boxes def 1 begincodespacerange <00> <FF> endcodespacerange",
                "%d beginbfchar" % len(named)]
        for k, text in named:
            units = text.encode("utf-16-be").hex().upper()
            cmap.append("<%02X> <%s>" % (k + 1, units))
        cmap += ["endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]
        body = "\n".join(cmap).encode()
        objs[first + 1] = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
        objs[first] = (
            "<< /Type /Font /Subtype /Type3 /FontBBox [-300 0 1000 850] "
            "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s >> "
            "/Encoding << /Type /Encoding /Differences [1 %s] >> /FirstChar 1 /LastChar %d "
            "/Widths [%s] /ToUnicode %d 0 R >>"
            % (" ".join(procs), " ".join("/g%d" % (k + 1) for k in range(n)), n,
               " ".join(str(w) for _, w in self.glyphs), first + 1)
        ).encode()
        return objs


# Hebrew and Arabic glyphs for sample_rtl: letters, a lam-alef ligature (one
# glyph, two letters), zero-width marks, digits and punctuation.
RTL_FONT = Type3Font(
    [(c, 520) for c in "אבגדהוזחטיכלמםנןסעפצקרשתץ"]
    + [(c, 560) for c in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"]
    + [("\u0644\u0627", 600)]  # lam-alef
    + [("\u05b8", 0), ("\u05c1", 0), ("\u05b9", 0)]  # qamats, shin dot, holam
    + [(c, 500) for c in "0123456789,.%-()\""]
    + [(c, 500) for c in "١٢٣٤٥٦٧٨٩٠"]
    + [(" ", 280)]
    + [(c, 560) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"]
)


def ruled_grid(p, widths, top, step, n_rows):
    """Draws a full grid of thin lines from the left margin down from top:
    columns `widths` wide, n_rows rows `step` high. Gives the column lines' x."""
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    bottom = top - step * n_rows
    p.ops.append("q 0.5 w 0 G")
    for k in range(n_rows + 1):
        p.line(xs[0], top - step * k, xs[-1], top - step * k)
    for x in xs:
        p.line(x, top, x, bottom)
    p.ops.append("Q")
    return xs


# Chinese glyphs for sample_cjk_strokes, drawn with strokes along their edges.
CJK_FONT = Type3Font([(c, 1000) for c in "项目营业收入市场管理费用深圳广州期末余额备注"], ideographs=True)


# A font with one glyph, a dot, that its ToUnicode leaves out (see
# sample_leaders).
LEADER_DOTS = Type3Font([(".", 278)], unnamed=".")


def sample_cjk_strokes():
    # Issue 12, class 7: Chinese text in a ruled grid, each cell's text set
    # against the cell's left border, its glyphs' edge strokes as long as a
    # short line and touching the border: the grid stays three columns.
    rows = [
        ["项目", "期末余额", "备注"],
        ["营业收入", "1,250.00", "深圳"],
        ["市场费用", "-380.50", "广州"],
        ["管理费用", "92.75", "市场"],
        ["营业收入", "4,100.00", "深圳"],
    ]
    p = Page()
    y = p.title("Expenses", 790)
    y = p.paragraph("A grid whose Chinese text touches the cell borders.", y - 24)
    step, size, top = 22, 11, y - 24
    xs = ruled_grid(p, [120, 90, 90], top, step, len(rows))
    for k, row in enumerate(rows):
        base = top - step * k - 16
        for c, cell in enumerate(row):
            if all(ch in CJK_FONT.code for ch in cell):
                p.ops.append("BT /F3 %s Tf %s %s Td %s Tj ET"
                             % (fmt(size), fmt(xs[c] + 0.6), fmt(base), CJK_FONT.show(list(cell))))
            else:
                p.text(xs[c + 1] - 4 - text_width(cell, "F1", 10), base, cell, "F1", 10)
    return [p.content()], [(1, Placed(rows))], [0], CJK_FONT


class BitmapType3:
    """A font of the glyph bitmaps ScanPage draws (one face), each a Type3
    glyph drawing its bitmap as an image mask, named /zN and left out of
    any ToUnicode: text in it shows as letters a reader reads, but the
    text layer has no character for any of them (as with fonts embedded
    without Unicode). Shown as F3."""

    def __init__(self, text, face="regular"):
        self.face = face
        self.chars = sorted(set(text))
        self.code = {ch: k + 1 for k, ch in enumerate(self.chars)}

    def show(self, s):
        return "<" + "".join("%02X" % self.code[ch] for ch in s) + ">"

    def width(self, s, size):
        g = glyphs()
        return sum(g["glyphs"][self.face][ch][0] for ch in s) * size / g["px"]

    def objects(self, first):
        g = glyphs()
        unit = 1000.0 / g["px"]  # glyph space units a bitmap pixel
        objs, procs, widths = {}, [], []
        for k, ch in enumerate(self.chars):
            adv, left, top, w, h, hexpix = g["glyphs"][self.face][ch]
            widths.append(int(round(adv * unit)))
            body = "%d 0 d0" % widths[-1]
            if w and h:
                pix = bytes.fromhex(hexpix)
                rows = []
                for y in range(h):
                    bits = "".join("1" if pix[y * w + x] >= 128 else "0" for x in range(w))
                    bits += "0" * (-len(bits) % 8)
                    rows.append("".join("%02X" % int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)))
                body += (" q %s 0 0 %s %s %s cm BI /IM true /W %d /H %d /BPC 1 /D [1 0] /F /AHx ID %s> EI Q"
                         % (fmt(w * unit), fmt(h * unit), fmt(left * unit), fmt(-(top + h) * unit), w, h,
                            "".join(rows)))
            num = first + 1 + k
            data = body.encode()
            objs[num] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
            procs.append("/z%d %d 0 R" % (k + 1, num))
        objs[first] = (
            "<< /Type /Font /Subtype /Type3 /FontBBox [-200 -300 1200 1000] "
            "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s >> "
            "/Encoding << /Type /Encoding /Differences [1 %s] >> /FirstChar 1 /LastChar %d "
            "/Widths [%s] >>"
            % (" ".join(procs), " ".join("/z%d" % (k + 1) for k in range(len(self.chars))),
               len(self.chars), " ".join(str(w) for w in widths))
        ).encode()
        return objs


def sample_unnamed_glyphs():
    # Every glyph of the page in a font that gives no character for it (a
    # font embedded without Unicode, common in filings): the text layer
    # says nothing, so the page is read by OCR as a reader reads it.
    title = "Water Use by District"
    note = "Thousands of cubic metres drawn in each quarter."
    rows = [
        ["District", "Q1", "Q2", "Q3"],
        ["North", "1,204", "1,350", "1,412"],
        ["Harbour", "887", "902", "954"],
        ["Hills", "2,310", "2,285", "2,406"],
        ["Valley", "645", "701", "733"],
    ]
    font = BitmapType3(title + note + "".join("".join(r) for r in rows))
    p = Page()

    def show(x, y, s, size):
        p.ops.append("BT /F3 %s Tf %s %s Td %s Tj ET" % (fmt(size), fmt(x), fmt(y), font.show(s)))

    show(MARGIN, 790, title, 14)
    show(MARGIN, 766, note, 10)
    step, top = 22, 740
    xs = ruled_grid(p, [120, 80, 80, 80], top, step, len(rows))
    for k, row in enumerate(rows):
        base = top - step * k - 15
        for c, cell in enumerate(row):
            if c == 0:
                show(xs[c] + 5, base, cell, 10)
            else:
                show(xs[c + 1] - 5 - font.width(cell, 10), base, cell, 10)
    return [p.content()], [(1, Placed(rows))], None, font


def sample_cjk_unembedded():
    # Chinese text in a font the file names but does not embed, in one of
    # the encodings predefined for Chinese (UCS-2 codes here; GBK in many
    # filings): the reader's own font serves it, and the cells read as the
    # characters they are, not as bytes of Latin letters.
    rows = [
        ["地区", "销售额", "门店"],
        ["华东", "1,250.00", "新店"],
        ["华南", "980.50", "老店"],
        ["西北", "412.75", "新店"],
        ["东北", "305.20", "老店"],
    ]
    p = Page()
    y = p.title("Sales by Region", 790)
    y = p.paragraph("Region and store names are set in a Chinese font the file does not embed.", y - 24)
    step, top = 22, y - 24
    xs = ruled_grid(p, [110, 90, 90], top, step, len(rows))
    for k, row in enumerate(rows):
        base = top - step * k - 15
        for c, cell in enumerate(row):
            if all(is_cjk(ch) for ch in cell):
                p.text(xs[c] + 5, base, cell, "F5", 10)
            else:
                p.text(xs[c + 1] - 5 - text_width(cell, "F1", 10), base, cell, "F1", 10)
    return [p.content()], [(1, Placed(rows))]


def sample_rtl():
    # Issue 12, class 10: cells in Hebrew and Arabic, drawn as a PDF producer
    # draws them (glyphs left to right as they look), read in reading order.
    # Each cell: (glyphs left to right, expected text in reading order).
    def v(visual):
        """Glyph keys of a visual string; L stands for the lam-alef glyph."""
        return ["\u0644\u0627" if ch == "L" else ch for ch in visual]

    rows = [
        [(v("רצומ"), "מוצר"), (v("תומכ"), "כמות"), (v("ריחמ"), "מחיר"), (v("Note"), "Note")],
        [(v("םיחופת"), "תפוחים"), (v("12"), "12"), (v("ח\"ש 20 ריחמ"), "מחיר 20 ש\"ח"), (v("fresh"), "fresh")],
        # Pointed shalom: shin with its dot and qamats, lamed, vav with
        # holam, final mem; a shaper puts each letter's marks before it.
        [(["ם", "\u05b9", "ו", "ל", "\u05b8", "\u05c1", "ש"], "ש\u05c1\u05b8לו\u05b9ם"),
         (v("7"), "7"), (v("(1,250) םוכס"), "סכום (1,250)"), (v("Tel Aviv"), "Tel Aviv")],
        [(v("مLس"), "سلام"), (v("١٢٣"), "١٢٣"), (v("رانيد 30 رعس"), "سعر 30 دينار"), (v("Total 5"), "Total 5")],
    ]
    p = Page()
    y = p.title("Prices", 790)
    y = p.paragraph("Cells in Hebrew and Arabic, right-aligned as they are set.", y - 24)
    step, size, top = 20, 10, y - 24
    xs = ruled_grid(p, [110, 70, 140, 90], top, step, len(rows))
    for k, row in enumerate(rows):
        base = top - step * k - 14
        for c, (keys, _) in enumerate(row):
            x = xs[c + 1] - 4 - RTL_FONT.width(keys, size)  # right-aligned
            p.ops.append("BT /F3 %s Tf %s %s Td %s Tj ET" % (fmt(size), fmt(x), fmt(base), RTL_FONT.show(keys)))
    expected = [[text for _, text in row] for row in rows]
    return [p.content()], [(1, Placed(expected))], [0], RTL_FONT


def sample_scanned_zh():
    p = ScanPage(skew=0.6, seed=10)
    p.title("Income Statement 2024", 780)
    t = Table(
        [
            ["项目", "附注", "本期金额", "上期金额"],
            ["营业收入", "五、31", "1,284,503.27", "1,106,842.90"],
            ["营业成本", "五、31", "(846,120.55)", "(731,004.18)"],
            ["税金及附加", "五、32", "12,480.00", "10,925.36"],
            ["销售费用", "五、33", "95,311.42", "88,760.05"],
            ["管理费用", "五、34", "61,207.89", "59,334.71"],
            ["研发费用", "五、35", "43,915.60", "37,208.44"],
            ["财务费用", "五、36", "-2,317.08", "4,102.93"],
            ["营业利润", "", "227,786.01", "175,507.23"],
        ],
        widths=[120, 70, 120, 120],
        heights=[24] * 9,
        align="lcrr".replace("c", "l"),
        size=10,
    )
    t.place(p, MARGIN, 740)
    return [p], [(1, t)]


def sample_scanned_mixed():
    # Page 1: born-digital.
    d = Page()
    y = d.title("Fleet Report", 780)
    y = d.paragraph("Vehicles in service at the end of each quarter, by depot. The second page "
                    "is a scanned copy of the maintenance log.", y - 26)
    t1 = Table(
        [
            ["Depot", "Q1", "Q2", "Q3"],
            ["Harbour", "112", "118", "121"],
            ["Airport", "64", "70", "69"],
            ["Old Town", "38", "41", "40"],
        ],
        widths=[140, 80, 80, 80],
        heights=[20] * 4,
        align="lrrr",
    )
    t1.place(d, MARGIN, y - 24)
    # Page 2: a scan of a table ruled by its header only, among paragraphs.
    s = ScanPage(skew=-0.5, seed=20)
    s.title("Maintenance Log", 780)
    y = s.paragraph("Work orders closed in March. Costs are in euros and include parts and "
                    "labour; negative amounts are refunds from suppliers.", 750)
    t2 = Table(
        [
            ["Order", "Vehicle", "Work", "Hours", "Cost"],
            ["WO-1041", "Bus 17", "Brake pads", "3.5", "412.80"],
            ["WO-1042", "Bus 22", "Door motor", "5.0", "1,275.00"],
            ["WO-1047", "Van 4", "Tyres", "1.5", "(96.40)"],
            ["WO-1050", "Bus 9", "Air filter", "0.5", "38.15"],
            ["WO-1053", "Truck 2", "Clutch", "7.0", "2,904.60"],
        ],
        widths=[80, 80, 110, 60, 80],
        heights=[22] * 6,
        align="lllrr",
        size=10,
        rules="booktabs",
    )
    bottom = t2.place(s, MARGIN, y - 30)
    s.paragraph("Signed off by the depot manager on 2 April.", bottom - 30)
    # Page 3: a scanned grid whose empty cells print a dash alone.
    u = ScanPage(skew=0.3, seed=21)
    u.title("Spare Parts Issued", 780)
    y = u.paragraph("Parts issued to each depot in March; a dash means none were issued.", 750)
    t3 = Table(
        [
            ["Depot", "Tyres", "Brakes", "Filters", "Lamps"],
            ["Harbour", "12", "-", "40", "-"],
            ["Airport", "-", "6", "-", "15"],
            ["Old Town", "4", "-", "-", "-"],
            ["Ring Road", "-", "2", "18", "7"],
        ],
        widths=[110, 70, 70, 70, 70],
        heights=[22] * 5,
        align="lrrrr",
        size=10,
    )
    bottom = t3.place(u, MARGIN, y - 30)
    u.paragraph("Counted by the stores clerk.", bottom - 30)
    return [d.content(), s, u], [(1, t1), (2, t2), (3, t3)]


def sample_scanned_quotes():
    # Page 1: a scan of a typeset page, its quotes curved.
    s = ScanPage(skew=0.4, seed=30)
    s.title("Inspection Notes", 780)
    y = s.paragraph("Findings of the spring inspection, as the inspectors wrote them down; "
                    "each is followed up by the depot\u2019s workshop.", 750)
    t1 = Table(
        [
            ["Vehicle", "Finding", "Action"],
            ["Bus 17", "Driver\u2019s seat \u201cloose\u201d", "Tighten frame"],
            ["Van 4", "\u201cCheck engine\u201d lamp", "Replace sensor"],
            ["Bus 22", "Door closes \u201cslowly\u201d", "Adjust motor"],
            ["Truck 2", "Mirror\u2019s arm bent", "Order part"],
        ],
        widths=[80, 170, 120],
        heights=[22] * 5,
        align="lll",
        size=10,
        rules="booktabs",
    )
    t1.place(s, MARGIN, y - 30)
    # Page 2: a scan of a typewritten list, its quotes straight (inches).
    u = ScanPage(skew=-0.3, seed=31)
    u.title("Parts in Stock", 780)
    y = u.paragraph("Sizes are in inches, as the parts list gives them.", 750)
    t2 = Table(
        [
            ["Part", "Size", "Stock"],
            ["Wiper blade", '22"', "14"],
            ["Mirror glass", '6" x 9"', "3"],
            ["Lamp lens", '4"', "8"],
            ["Seat cushion", '18" x 20"', "2"],
        ],
        widths=[120, 90, 60],
        heights=[22] * 5,
        align="llr",
        size=10,
    )
    t2.place(u, MARGIN, y - 30)
    return [s, u], [(1, t1), (2, t2)]


def sample_scanned_band():
    # Issue 12, class 6, on a scan: a header band a mid grey, its grain
    # darker than ink in places, over two header rows, with gridlines over
    # it: a group heading over wrapped column titles. Pieces of the band's
    # grain are no rulings, and the column lines under the heading do not
    # run up through it. Page 2: a row rule worn away in places.
    s = ScanPage(skew=0.3, seed=32)
    s.title("Returns Counted by Week", 780)
    y = s.paragraph("Returns of each product, as a share of those sold, by how long after the "
                    "sale they came back.", 750)
    widths, heights = [110, 66, 66, 66, 66], [18, 30] + [20] * 5
    top = y - 30
    s.fill(MARGIN, top - heights[0] - heights[1], MARGIN + sum(widths), top, 0.62)
    t = Table(
        [["Product", "Returns by period", "", "", ""],
         ["", "Within\nthe week", "Within\nthe month", "Later\nthan that", "Not\nat all"],
         ["Kettles", "4.2%", "1.9%", "0.8%", "93.1%"],
         ["Toasters", "3.1%", "2.2%", "1.0%", "93.7%"],
         ["Blenders", "2.8%", "0.4%", "0.3%", "96.5%"],
         ["Fans", "1.5%", "1.1%", "0.2%", "97.2%"],
         ["Heaters", "6.0%", "2.5%", "1.4%", "90.1%"]],
        widths=widths, heights=heights, align="lrrrr", size=10,
        spans=[(0, 0, 2, 1), (0, 1, 1, 4)], header_rows=2)
    t.place(s, MARGIN, top)
    # Page 2: the rule under a header row worn away under most of its
    # later cells; the header's titles and the first row's figures stay
    # apart, a row each.
    s2 = ScanPage(skew=0.3, seed=33)
    s2.title("Limits for Releases", 780)
    y = s2.paragraph("The amounts a site may release in a year before it has to report them.", 750)
    widths, heights = [170, 80, 80, 80], [30] + [20] * 5
    top = y - 30
    limits = Table(
        [["Substance", "Into air\ntonnes", "Into water\ntonnes", "Into land\ntonnes"],
         ["Lead", "200", "20", "20"],
         ["Mercury", "10", "1", "1"],
         ["Zinc", "200", "100", "100"],
         ["Arsenic", "20", "5", "5"],
         ["Nickel", "50", "20", "20"]],
        widths=widths, heights=heights, align="lrrr", size=10)
    limits.place(s2, MARGIN, top)
    x = MARGIN + widths[0]
    for w in widths[1:]:
        s2.wipe(x + 0.3 * w, x + w - 3, top - heights[0])
        x += w
    return [s, s2], [(1, t), (2, limits)]


def sample_scanned_statements():
    # Issue 12: financial statements on a scan. The double rules under each
    # total, in the band under the table, are a table's rules, not a chart
    # it labels; a section label longer than a short one, out a level,
    # keeps the header above it in the table, OCR's lines standing further
    # apart than a font's boxes do.
    s = ScanPage(skew=0.3, seed=41)
    s.title("Statement of Changes in Equity", 780)
    y = s.paragraph("For the year ended 31 December 2022", 755)
    size, top = 9, y - 34
    titles = ["Capital", "Reserves", "Retained", "Total"]
    rights = [MARGIN + 250 + 62 * i for i in range(len(titles))]
    for title, right in zip(titles, rights):
        s.text(right - text_width(title, "F2", size), top, title, "F2", size)
    rows = [
        (0, "", None, ["RMB'000"] * 4, ""),
        (0, "At 1 January 2022", None, ["100,000", "12,450", "410,220", "522,670"], ""),
        (0, "Profit for the year", None, ["-", "-", "214,000", "214,000"], ""),
        (0, "Other comprehensive income", None, ["-", "(3,120)", "-", "(3,120)"], ""),
        (0, "Dividends declared", None, ["-", "-", "(60,000)", "(60,000)"], ""),
        (0, "At 31 December 2022", None, ["100,000", "9,330", "564,220", "673,550"], "total"),
    ]
    cells = [[""] + titles] + statement_rows(s, top - 13, rows, MARGIN, None, rights, 50,
                                             size=size, leading=16)
    s2 = ScanPage(skew=0.3, seed=42)
    s2.title("Statement of Cash Flows", 780)
    y = s2.paragraph("Year ended 31 March 2024", 755)
    top = y - 34
    rights = [MARGIN + 370, MARGIN + 450]
    rows = [
        (0, "", "Note", ["2024", "2023"], ""),
        (0, "Cash flows from operating activities", "", [], ""),
        (1, "Profit before taxation", "", ["5,210", "4,877"], ""),
        (1, "Depreciation and amortisation", "14", ["1,102", "1,045"], ""),
        (1, "Income tax paid", "", ["(903)", "(850)"], ""),
        (0, "Net cash from operating activities", "", ["5,409", "5,072"], "total"),
        (0, "Cash flows from investing activities", "", [], ""),
        (1, "Purchase of property, plant and equipment", "", ["(2,004)", "(1,876)"], ""),
        (1, "Interest received", "", ["88", "61"], ""),
        (0, "Net cash used in investing activities", "", ["(1,916)", "(1,815)"], "total"),
    ]
    cells2 = statement_rows(s2, top, rows, MARGIN, MARGIN + 300, rights, 50, size=size,
                            leading=15, indent=10)
    return [s, s2], [(1, Placed(cells)), (2, Placed(cells2))]


def statement_rows(p, top, rows, label_x, note_x, rights, rule_width, size=9, leading=13,
                   header_rows=1, indent=8):
    """Draws a financial statement's rows, one line each, leading apart:
    rows of (indent level, label, note, figures, kind), the label set left
    (indented a level at a time), the note centred at note_x, each figure
    set right at its column's right; kind "sub" rules the figures above
    the row, each column's rule rule_width wide, and "total" rules them
    above and twice below. Labels and notes may be Chinese (mixed_text).
    Returns the expected cells."""
    cells = []
    base = top
    p.ops.append("q 0.5 w 0 G")
    for k, (level, label, note, figures, kind) in enumerate(rows):
        font = "F2" if k < header_rows or kind == "total" else "F1"
        if label:
            p.mixed_text(label_x + indent * level, base, label, font, size)
        if note:  # (no notes column where note_x is None)
            p.mixed_text(note_x - text_width(note, font, size) / 2, base, note, font, size)
        for v, right in zip(figures, rights):
            p.mixed_text(right - text_width(v, font, size), base, v, font, size)
        rules = {"sub": [base + size + 1], "total": [base + size + 1, base - 3, base - 4.5]}
        for y in rules.get(kind, []):
            for right in rights:
                p.line(right - rule_width, y, right, y)
        figures = list(figures) + [""] * (len(rights) - len(figures))
        cells.append([label] + ([note] if note_x is not None else []) + figures)
        base -= leading
    p.ops.append("Q")
    return cells


def sample_statements():
    """Financial statements: short rules under each year's figures, and on
    both sides of the gap between two years, are no two tables side by
    side (a table's own rules run under all its columns)."""
    p1 = Page()
    y = p1.title("Consolidated Statement of Profit or Loss", 790)
    y = p1.paragraph("For the year ended 31 December 2023", y - 20)
    rows = [
        (0, "", "Notes", ["2023", "2022"], ""),
        (0, "", "", ["RMB'000", "RMB'000"], ""),
        (0, "Revenue", "5", ["1,234,567", "1,100,432"], ""),
        (0, "Cost of sales", "", ["(800,210)", "(700,118)"], ""),
        (0, "Gross profit", "", ["434,357", "400,314"], "sub"),
        (0, "Other income and gains", "6", ["12,345", "10,087"], ""),
        (0, "Selling and distribution expenses", "", ["(50,023)", "(45,771)"], ""),
        (0, "Administrative expenses", "", ["(80,412)", "(74,009)"], ""),
        (0, "Finance costs", "8", ["(16,267)", "(10,621)"], ""),
        (0, "Profit before tax", "7", ["300,000", "280,000"], "sub"),
        (0, "Income tax expense", "10", ["(60,000)", "(56,000)"], ""),
        (0, "Profit for the year", "", ["240,000", "224,000"], "total"),
        (0, "Attributable to:", "", [], ""),
        (1, "Owners of the parent", "", ["230,000", "214,000"], ""),
        (1, "Non-controlling interests", "", ["10,000", "10,000"], ""),
        (0, "", "", ["240,000", "224,000"], "total"),
        (0, "Earnings per share attributable to", "", [], ""),
        (0, "ordinary equity holders of the parent", "12", [], ""),
        (1, "Basic and diluted (RMB cents)", "", ["11.5", "10.7"], ""),
    ]
    cells = statement_rows(p1, y - 30, rows, MARGIN, MARGIN + 250, [MARGIN + 350, MARGIN + 440],
                           60, header_rows=2)
    # The label wrapped over two lines is one cell, its note beside the second.
    cells[16:18] = [["Earnings per share attributable to\nordinary equity holders of the parent",
                     "12", "", ""]]

    p2 = Page()
    y = p2.title("Statements of Financial Position", 790)
    y = p2.paragraph("As at 31 December 2023", y - 20)
    size, top = 8.5, y - 30
    rights = [MARGIN + 270, MARGIN + 335, MARGIN + 405, MARGIN + 470]
    # Group headings centred over their two years, ruled beneath.
    p2.ops.append("q 0.5 w 0 G")
    for name, (left, right) in (("Group", (rights[0] - 45, rights[1])),
                                ("Company", (rights[2] - 45, rights[3]))):
        p2.text((left + right - text_width(name, "F2", size)) / 2, top, name, "F2", size)
        p2.line(left, top - 3, right, top - 3)
    p2.ops.append("Q")
    rows = [
        (0, "", "Note", ["2023", "2022", "2023", "2022"], ""),
        (0, "", "", ["$'000", "$'000", "$'000", "$'000"], ""),
        (0, "Non-current assets", "", [], ""),
        (1, "Property, plant and equipment", "4", ["152,300", "148,910", "1,204", "1,380"], ""),
        (1, "Right-of-use assets", "5", ["20,118", "22,467", "-", "-"], ""),
        (1, "Investments in subsidiaries", "6", ["-", "-", "88,000", "88,000"], ""),
        (0, "", "", ["172,418", "171,377", "89,204", "89,380"], "sub"),
        (0, "Current assets", "", [], ""),
        (1, "Inventories", "7", ["30,551", "28,004", "-", "-"], ""),
        (1, "Trade and other receivables", "8", ["45,210", "41,876", "3,120", "2,955"], ""),
        (1, "Cash and bank balances", "9", ["61,009", "54,230", "5,881", "4,102"], ""),
        (0, "", "", ["136,770", "124,110", "9,001", "7,057"], "sub"),
        (0, "Total assets", "", ["309,188", "295,487", "98,205", "96,437"], "total"),
    ]
    cells2 = [["", "", "Group", "", "Company", ""]] + statement_rows(
        p2, top - 12.5, rows, MARGIN, MARGIN + 200, rights, 50, size=8.5, leading=12.5, header_rows=2)

    p3 = Page()
    y = p3.title("Income Statement", 790)
    rows = [
        (0, "项目", "附注", ["本期金额", "上期金额"], ""),
        (0, "一、营业收入", "五、1", ["8,523,114.20", "7,901,552.63"], ""),
        (0, "减 营业成本", "五、1", ["6,102,887.15", "5,660,231.09"], ""),
        (1, "税金及附加", "", ["45,210.88", "41,337.50"], ""),
        (1, "销售费用", "", ["210,554.31", "198,772.44"], ""),
        (1, "管理费用", "", ["385,116.72", "360,905.18"], ""),
        (0, "二、营业利润", "", ["1,779,345.14", "1,640,306.42"], "sub"),
        (0, "加 营业外收入", "", ["12,330.00", "9,870.25"], ""),
        (0, "三、利润总额", "", ["1,791,675.14", "1,650,176.67"], "sub"),
        (0, "减 所得税费用", "", ["447,918.79", "412,544.17"], ""),
        (0, "四、净利润", "", ["1,343,756.35", "1,237,632.50"], "total"),
    ]
    cells3 = statement_rows(p3, y - 30, rows, MARGIN, MARGIN + 220, [MARGIN + 340, MARGIN + 440],
                            70, leading=14, indent=12)
    p4, cells4 = equity_page()

    # Section labels longer than a table's short labels, each between the
    # header and the rows under it, or between two rows.
    p5 = Page()
    y = p5.title("Consolidated Statement of Cash Flows", 790)
    y = p5.paragraph("Year ended 31 March 2024", y - 20)
    size, top = 8.5, y - 30
    rights = [MARGIN + 370, MARGIN + 450]
    unit = "HK$ million"  # centred over both years
    p5.text((rights[0] - 50 + rights[1] - text_width(unit, "F2", size)) / 2, top, unit, "F2", size)
    rows = [
        (0, "", "Note", ["2024", "2023"], ""),
        (0, "Cash flows from operating activities", "", [], ""),
        (1, "Profit before taxation", "", ["5,210", "4,877"], ""),
        (1, "Adjustments for:", "", [], ""),
        (2, "Depreciation and amortisation", "14", ["1,102", "1,045"], ""),
        (2, "Finance costs", "9", ["312", "287"], ""),
        (2, "Interest income", "", ["(88)", "(61)"], ""),
        (1, "Operating profit before working capital changes", "", ["6,536", "6,148"], "sub"),
        (1, "Increase in inventories", "", ["(420)", "(233)"], ""),
        (1, "Decrease/(increase) in trade receivables", "", ["118", "(97)"], ""),
        (1, "Cash generated from operations", "", ["6,234", "5,818"], "sub"),
        (1, "Income tax paid", "", ["(903)", "(850)"], ""),
        (0, "Net cash from operating activities", "", ["5,331", "4,968"], "total"),
        (0, "Cash flows from investing activities", "", [], ""),
        (1, "Purchase of property, plant and equipment", "", ["(2,004)", "(1,876)"], ""),
        (1, "Interest received", "", ["88", "61"], ""),
        (0, "Net cash used in investing activities", "", ["(1,916)", "(1,815)"], "total"),
    ]
    cells5 = [["", "", unit, ""]] + statement_rows(p5, top - 12, rows, MARGIN, MARGIN + 300, rights, 50,
                                                   size=size, leading=12.5, indent=10)
    return [p1.content(), p2.content(), p3.content(), p4.content(), p5.content()], \
        [(1, Placed(cells)), (2, Placed(cells2)), (3, Placed(cells3)), (4, Placed(cells4)),
         (5, Placed(cells5))]


def equity_page():
    """A statement of changes in equity: seven columns whose titles wrap
    over one to three lines, set right over their figures and bottom
    aligned, set solid over the unit of each (RMB'000) on the line under
    them; subtotal rules as in `statement_rows`. Returns the page and its
    cells: the titles one row, the units another."""
    p = Page()
    y = p.title("Consolidated Statement of Changes in Equity", 790)
    y = p.paragraph("For the year ended 31 December 2022", y - 20)
    size, lead = 7.5, 10.5
    titles = ["Share\ncapital", "Share\npremium", "Other\nreserves", "Retained\nearnings", "Total",
              "Non-\ncontrolling\ninterests", "Total\nequity"]
    rights = [MARGIN + 215 + 45 * i for i in range(len(titles))]
    top = y - 30
    depth = max(t.count("\n") + 1 for t in titles)
    for title, right in zip(titles, rights):
        lines = title.split("\n")
        for k, line in enumerate(lines):
            p.text(right - text_width(line, "F2", size), top - lead * (depth - len(lines) + k), line,
                   "F2", size)
    rows = [
        (0, "", None, ["RMB'000"] * len(titles), ""),
        (0, "At 1 January 2022", None,
         ["100,000", "250,300", "12,450", "410,220", "772,970", "20,115", "793,085"], ""),
        (0, "Profit for the year", None, ["-", "-", "-", "214,000", "214,000", "10,000", "224,000"], ""),
        (0, "Other comprehensive income", None, ["-", "-", "(3,120)", "-", "(3,120)", "(210)", "(3,330)"], ""),
        (0, "Total comprehensive income", None,
         ["-", "-", "(3,120)", "214,000", "210,880", "9,790", "220,670"], "sub"),
        (0, "Dividends declared", None, ["-", "-", "-", "(60,000)", "(60,000)", "(2,000)", "(62,000)"], ""),
        (0, "At 31 December 2022", None,
         ["100,000", "250,300", "9,330", "564,220", "923,850", "27,905", "951,755"], "total"),
    ]
    cells = [[""] + titles] + statement_rows(p, top - lead * depth, rows, MARGIN, None, rights, 38,
                                             size=size, leading=13.5)
    return p, cells


def titles_to_their_depths(p, stub_head, titles, edges, first, lead, size):
    """Column titles (lists of lines) in bold, each centred between its
    edges (the first column's, edges[1] to edges[2], and on), wrapped to its
    own depth with all their last lines level; the stub's heading, (x,
    text), on that last line. `first` is the deepest title's first
    baseline."""
    depth = max(len(t) for t in titles)
    p.text(stub_head[0], first - lead * (depth - 1), stub_head[1], "F2", size)
    for c, lines in enumerate(titles):
        mid = (edges[c + 1] + edges[c + 2]) / 2
        for k, line in enumerate(lines):
            at = first - lead * (depth - len(lines) + k)
            p.text(mid - text_width(line, "F2", size) / 2, at, line, "F2", size)


def report_table_page(banded):
    """A report's table among its paragraphs: a caption set a size up
    tight over the table's top; column titles centred over figures set
    right, one of them wrapped a line deeper than the rest and wider than
    its figures; `$` set at the left of each column of figures on the first
    row and the total only, far from the figures; a rule over the total's
    figures and one closing the table. `banded`: the header set on a grey
    band (no rule under it), else ruled above and under and every row
    ruled."""
    p = Page()
    y = p.title("Program Obligations", 790)
    y = p.paragraph(
        "Obligations rose in every program but one. The table below gives the amounts "
        "obligated and outlaid by program, in thousands of dollars.",
        y - 24,
    )
    size, lead = 9, 13
    x0, x1 = MARGIN, PAGE_W - MARGIN
    edges = [x0, x0 + 170, x0 + 270, x0 + 370, x1]
    titles = [["Obligated"], ["Outlaid"], ["Unobligated", "balance at", "year end"]]
    top = y - 22
    p.text(x0, top, "Table 4. Obligations and outlays by program", "F2", 11)
    band_top = top - 4
    depth = max(len(t) for t in titles)
    first = band_top - 3 - size
    if banded:
        p.ops.append("q 0.85 g %s %s %s %s re f Q" % (fmt(x0), fmt(band_top - 6 - depth * lead + 2),
                                                       fmt(x1 - x0), fmt(depth * lead + 4)))
    else:
        p.line(x0, band_top, x1, band_top)
    titles_to_their_depths(p, (x0 + 3, "Program"), titles, edges, first, lead, size)
    header_bottom = band_top - 6 - depth * lead + 2
    if not banded:
        p.line(x0, header_bottom, x1, header_bottom)
    body = [
        ["Grants to states", "12,480", "10,215", "2,265"],
        ["Loan guarantees", "3,904", "3,611", "293"],
        ["Research", "1,250", "980", "270"],
        ["Administration", "842", "838", "4"],
        ["Total", "18,476", "15,644", "2,832"],
    ]
    expected = [["Program"] + ["\n".join(t) for t in titles]]
    y = header_bottom - 4 - size
    for k, row in enumerate(body):
        total = row[0] == "Total"
        font = "F2" if total else "F1"
        if total:
            y -= 3
            p.line(edges[1], y + size + 3, x1, y + size + 3)
        p.text(x0 + 3, y, row[0], font, size)
        cells = [row[0]]
        for c, v in enumerate(row[1:]):
            p.text(edges[c + 2] - 6 - text_width(v, font, size), y, v, font, size)
            if k == 0 or total:
                p.text(edges[c + 1] + 8, y, "$", font, size)
                v = "$ " + v
            cells.append(v)
        expected.append(cells)
        if not banded and not total:
            p.line(x0, y - 4, x1, y - 4)
        y -= lead
    p.line(x0, y + lead - 4, x1, y + lead - 4)
    p.paragraph("Balances at year end are available for obligation in the next year.", y - 14)
    return p, Placed(expected)


def report_table_in_a_page_column(table_left):
    """A report's page set in two columns: running text down the narrow
    one, a paragraph, a caption and a table in the other, its lines beside
    the running text's. Row labels of four words and more beside figures.
    `table_left`: the table in the left column, ruled at top and bottom,
    the first figures' title wrapped a line deeper than the rest and wider
    than its words under it; else in the right one, a rule under every row
    and a title wider than its figures carried on in lower case."""
    p = Page()
    y = p.title("Regional Offices", 790)
    size, lead = 9, 13
    narrow, gap = 150, 20
    text_x = PAGE_W - MARGIN - narrow if table_left else MARGIN
    x0 = MARGIN if table_left else MARGIN + narrow + gap
    x1 = PAGE_W - MARGIN - narrow - gap if table_left else PAGE_W - MARGIN
    prose = (
        "The offices reported that the program had met most of its goals for the year, although "
        "several did not complete their reviews in time and the funds obligated under the grants "
        "were lower than planned because of delays in hiring. We found that two regions relied on "
        "estimates that were not supported by documentation, and we recommend that the agency "
        "revise its guidance to the regions accordingly. The regions agreed with our findings and "
        "described the steps they will take to carry out the recommendation in the coming year, "
        "including the training of staff and a review of the estimates made since the grant began."
    )
    top = y - 30
    for k, line in enumerate(wrap_words(prose, narrow, "F1", size).split("\n")):
        p.text(text_x, top - 11.5 * k, line, "F1", size)
    intro = "Obligations by region are shown below, in thousands of dollars."
    lines = wrap_words(intro, x1 - x0, "F1", size).split("\n")
    for k, line in enumerate(lines):
        p.text(x0, top - 11.5 * k, line, "F1", size)
    cap = top - 11.5 * len(lines) - 16
    p.text(x0, cap, "Table 7. Obligations by region", "F2", 10)
    if table_left:
        titles = [["Grants to", "states and", "localities"], ["Loans"], ["Other"]]
    else:
        titles = [["Grants"], ["Audit report", "fund"], ["Other"]]
    depth = max(len(t) for t in titles)
    stub = 0.42 * (x1 - x0)
    width = (x1 - x0 - stub) / 3
    edges = [x0, x0 + stub] + [x0 + stub + width * (c + 1) for c in range(3)]
    band_top = cap - 5
    p.line(x0, band_top, x1, band_top)
    first = band_top - 3 - size
    titles_to_their_depths(p, (x0 + 2, "Region"), titles, edges, first, lead, size)
    header_bottom = first - lead * (depth - 1) - 5
    p.line(x0, header_bottom, x1, header_bottom)
    body = [
        ["Northern regional field office", "12,480", "3,904", "842"],
        ["Southern regional field office", "10,215", "3,611", "838"],
        ["Eastern district audit team", "1,250", "980", "270"],
        ["Western district audit team", "2,265", "293", "4"],
        ["Central office", "8,870", "1,022", "319"],
        ["Pacific and island territories", "611", "45", "12"],
    ]
    expected = [["Region"] + ["\n".join(t) for t in titles]]
    y = header_bottom - 4 - size
    for row in body:
        p.text(x0 + 2, y, row[0], "F1", size)
        for c, v in enumerate(row[1:]):
            p.text(edges[c + 2] - 4 - text_width(v, "F1", size), y, v, "F1", size)
        if not table_left:
            p.line(x0, y - 4, x1, y - 4)
        expected.append(list(row))
        y -= lead
    if table_left:
        p.line(x0, y + lead - 4, x1, y + lead - 4)
    p.text(x0, y - 6, "Source: regional offices' returns.", "F1", 8)
    return p, Placed(expected)


def sample_report_tables():
    pages, tables = [], []
    for n, banded in enumerate([True, False], start=1):
        page, table = report_table_page(banded)
        pages.append(page.content())
        tables.append((n, table))
    for n, table_left in enumerate([False, True], start=3):
        page, table = report_table_in_a_page_column(table_left)
        pages.append(page.content())
        tables.append((n, table))
    return pages, tables


def sideways_titles_table(p, top, ruled):
    """A table of narrow columns of figures under titles set sideways,
    running up the page from their feet on the line of the stub's heading;
    booktabs rules when `ruled`, none otherwise. Returns (bottom, table)."""
    size, lead = 9, 14
    x0, stub, width = MARGIN, 150, 48
    titles = ["Total cases", "Closed", "Pending review", "Appealed", "Dismissed", "Withdrawn"]
    depth = max(text_width(t, "F1", size) for t in titles) + 8
    foot = top - depth
    x1 = x0 + stub + width * len(titles)
    if ruled:
        p.line(x0, top + 2, x1, top + 2)
    p.text(x0 + 2, foot, "District", "F2", size)
    for c, title in enumerate(titles):
        mid = x0 + stub + width * c + width / 2
        p.text_up(mid + size * 0.35, foot, title, "F1", size)
    if ruled:
        p.line(x0, foot - 5, x1, foot - 5)
    body = [
        ["North", "1,204", "880", "210", "64", "50", "12"],
        ["South", "932", "701", "150", "41", "40", "9"],
        ["East", "2,310", "1,905", "301", "60", "44", "17"],
        ["West", "640", "512", "98", "20", "10", "3"],
        ["Central", "1,875", "1,430", "322", "71", "52", "20"],
    ]
    y = foot - 5 - lead
    for row in body:
        p.text(x0 + 2, y, row[0], "F1", size)
        for c, v in enumerate(row[1:]):
            p.text(x0 + stub + width * (c + 1) - 8 - text_width(v, "F1", size), y, v, "F1", size)
        y -= lead
    if ruled:
        p.line(x0, y + lead - 5, x1, y + lead - 5)
    return y, Placed([["District"] + titles] + body)


def sample_sideways_titles():
    # Issue 12: column titles set sideways over narrow columns, their feet
    # on the stub heading's line: the header row takes them in whole.
    p = Page()
    y = p.title("Court Cases by District", 790)
    y = p.paragraph("Cases filed in the year, by district and outcome.", y - 24)
    y, ruled = sideways_titles_table(p, y - 20, True)
    y = p.paragraph("The same figures without rules.", y - 20)
    y, plain = sideways_titles_table(p, y - 20, False)
    return [p.content()], [(1, ruled), (1, plain)]


def sideways_row_labels_table(p, top, group_rules):
    """A table whose groups of rows are named by labels set sideways beside
    them, running up the page, each centred on its group (`Public sector`
    is longer than its group is tall and reaches up beside the header).
    With `group_rules` a rule under the header and under each group from
    the row labels on, the labels in the table's frame; without, booktabs
    rules over and under the table and the header, from the row labels on.
    Returns (bottom, table)."""
    size, lead = 9, 14
    x0, label_w, stub, width = MARGIN, 22, 150, 62
    years = ["2021", "2022", "2023"]
    groups = [
        ("Men", [["Employed", "2,410", "2,466", "2,502"],
                 ["Unemployed", "131", "118", "109"],
                 ["Inactive", "904", "911", "920"]]),
        ("Women", [["Employed", "2,150", "2,204", "2,251"],
                   ["Unemployed", "122", "115", "101"],
                   ["Inactive", "1,240", "1,226", "1,210"],
                   ["In training", "88", "94", "97"]]),
        ("Public sector", [["Employed", "712", "725", "731"],
                           ["Unemployed", "15", "14", "12"],
                           ["Inactive", "40", "38", "35"]]),
    ]
    x1 = x0 + label_w + stub + width * len(years)
    rule_x0 = x0 if group_rules else x0 + label_w
    p.line(rule_x0, top + 2, x1, top + 2)
    y = top - size - 2
    p.text(x0 + label_w + 2, y, "Status", "F2", size)
    for c, year in enumerate(years):
        right = x0 + label_w + stub + width * (c + 1) - 8
        p.text(right - text_width(year, "F2", size), y, year, "F2", size)
    p.line(x0 + label_w, y - 5, x1, y - 5)
    cells, spans = [["", "Status"] + years], []
    y -= 5 + lead
    for name, rows in groups:
        group_top = y + lead - 5
        spans.append([len(cells), 0, len(rows), 1])
        for k, row in enumerate(rows):
            p.text(x0 + label_w + 2, y, row[0], "F1", size)
            for c, v in enumerate(row[1:]):
                right = x0 + label_w + stub + width * (c + 1) - 8
                p.text(right - text_width(v, "F1", size), y, v, "F1", size)
            cells.append([name if k == 0 else ""] + row)
            y -= lead
        group_bottom = y + lead - 5
        middle = (group_top + group_bottom) / 2
        p.text_up(x0 + 14, middle - text_width(name, "F2", size) / 2, name, "F2", size)
        if group_rules:
            p.line(x0 + label_w, group_bottom, x1, group_bottom)
    if not group_rules:
        p.line(x0 + label_w, y + lead - 5, x1, y + lead - 5)
    return y, Placed(cells, spans)


def sample_sideways_row_labels():
    # Issue 12: labels set sideways beside groups of rows are a column of
    # their own, each label one cell over its group's rows.
    p = Page()
    y = p.title("Labour Force by Status", 790)
    y = p.paragraph("Thousands of persons aged 15 to 64, annual averages.", y - 24)
    y, ruled = sideways_row_labels_table(p, y - 20, True)
    y = p.paragraph("The same figures, with rules over and under the table only.", y - 20)
    y, plain = sideways_row_labels_table(p, y - 20, False)
    return [p.content()], [(1, ruled), (1, plain)]


def dense_figures_table(p, top, years, figure, gap):
    """A table of small type (7 pt): a stub of regions and a column of
    figures a year, each set right `gap` pt after the widest entry of the
    column before (header included); `figure(r, c)` is row r's figure of
    year c. Rules over and under the header and under the table. Returns
    (bottom, table)."""
    size, lead = 7, 9.5
    regions = ["North", "North East", "East", "South East", "South", "South West", "West", "Centre"]
    rows = [[figure(r, c) for c in range(len(years))] for r in range(len(regions))]
    # A number's digit groups stand a figure space apart (a digit's width).
    space = text_width("0", "F1", size)

    def width(v):
        return sum(text_width(g, "F1", size) for g in v.split()) + space * v.count(" ")

    def put(v, right):
        x = right - width(v)
        for g in v.split():
            p.text(x, y, g, "F1", size)
            x += text_width(g, "F1", size) + space

    widths = [max(width(v) for v in [y] + [row[c] for row in rows]) for c, y in enumerate(years)]
    x0 = MARGIN
    rights, x = [], x0 + 90
    for w in widths:
        x += w + gap
        rights.append(x)
    x1 = rights[-1] + 2
    p.line(x0, top + 2, x1, top + 2)
    y = top - size - 1
    p.text(x0, y, "Region", "F2", size)
    for c, year in enumerate(years):
        p.text(rights[c] - text_width(year, "F2", size), y, year, "F2", size)
    p.line(x0, y - 3, x1, y - 3)
    y -= 3 + lead
    for region, row in zip(regions, rows):
        p.text(x0, y, region, "F1", size)
        for c, v in enumerate(row):
            put(v, rights[c])
        y -= lead
    p.line(x0, y + lead - 3, x1, y + lead - 3)
    return y, Placed([["Region"] + years] + [[g] + row for g, row in zip(regions, rows)])


def sample_dense_figures():
    # Issue 12: columns of figures set closer than a river (a dense table
    # of many years, 0.37 em apart) are columns; the digit groups of
    # numbers set a figure space apart, lined up down their columns, are
    # not.
    rng = random.Random(7)
    p = Page()
    y = p.title("Output per Head by Region", 790)
    y = p.paragraph("Index, 2010 = 100, by region and year.", y - 24)
    years = [str(2010 + k) for k in range(12)]
    rates = [["%.1f" % rng.uniform(100, 999) for _ in years] for _ in range(8)]
    y, dense = dense_figures_table(p, y - 20, years, lambda r, c: rates[r][c], 2.6)
    y = p.paragraph("Turnover in euros, by region and year.", y - 20)
    years = [str(2016 + k) for k in range(6)]
    counts = [["%d %03d %03d" % (rng.randint(10, 99), rng.randint(0, 999), rng.randint(0, 999))
               for _ in years] for _ in range(8)]
    y, grouped = dense_figures_table(p, y - 20, years, lambda r, c: counts[r][c], 9)
    return [p.content()], [(1, dense), (1, grouped)]


def centred_groups_table(p, top, centred, blank, ruled, group_rules=False):
    """A table of households by region and area: each region a group of
    rows (three, two, four), its label in the first column either at the
    middle of its group (`centred`: on the middle row of three, halfway
    between the middle two of two or four; in the truth a cell spanning
    the group, its text on the first row) or on the group's first row;
    the groups `blank` pt apart more than their rows. Booktabs rules when
    `ruled`; with `group_rules` one as wide midway down each blank too.
    Returns (bottom, table)."""
    size, lead = 9, 13
    x0, stub, area, width = MARGIN, 90, 90, 60
    years = ["2022", "2023", "2024"]
    groups = [
        ("Northern", [["Urban", "412.6", "418.0", "425.3"],
                      ["Rural", "208.1", "204.9", "201.2"],
                      ["Remote", "12.4", "12.1", "11.8"]]),
        ("Coastal", [["Urban", "655.0", "661.8", "670.2"],
                     ["Rural", "140.3", "138.6", "137.9"]]),
        ("Inland", [["Urban", "98.7", "99.5", "101.0"],
                    ["Towns", "77.2", "76.8", "76.1"],
                    ["Rural", "301.9", "298.4", "296.0"],
                    ["Remote", "25.5", "25.0", "24.7"]]),
    ]
    x1 = x0 + stub + area + width * len(years)
    if ruled:
        p.line(x0, top + 2, x1, top + 2)
    y = top - size - 2
    p.text(x0, y, "Region", "F2", size)
    p.text(x0 + stub, y, "Area", "F2", size)
    for c, year in enumerate(years):
        right = x0 + stub + area + width * (c + 1)
        p.text(right - text_width(year, "F2", size), y, year, "F2", size)
    if ruled:
        p.line(x0, y - 5, x1, y - 5)
    cells, spans = [["Region", "Area"] + years], []
    y -= 5 + lead
    for name, rows in groups:
        first = y
        if centred:
            spans.append([len(cells), 0, len(rows), 1])
        for k, row in enumerate(rows):
            p.text(x0 + stub, y, row[0], "F1", size)
            for c, v in enumerate(row[1:]):
                right = x0 + stub + area + width * (c + 1)
                p.text(right - text_width(v, "F1", size), y, v, "F1", size)
            cells.append([name if k == 0 else ""] + row)
            y -= lead
        label_y = (first + y + lead) / 2 if centred else first
        p.text(x0, label_y, name, "F1", size)
        if group_rules and name != groups[-1][0]:
            p.line(x0, y + lead - 5 - blank / 2, x1, y + lead - 5 - blank / 2)
        y -= blank
    if ruled:
        p.line(x0, y + lead + blank - 5, x1, y + lead + blank - 5)
    return y + blank, Placed(cells, spans)


def sample_centred_groups():
    # Issue 12, class 4: a stub's group labels set at the middle of their
    # groups span them, each row of figures a row of its own; groups set
    # a blank apart are one table.
    p = Page()
    y = p.title("Households by Region and Area", 790)
    y = p.paragraph("Thousands of households, as counted in each year's survey.", y - 24)
    y, centred = centred_groups_table(p, y - 20, True, 6, True)
    y = p.paragraph("The same areas, each region named on its first row, a wide blank between.", y - 24)
    y, first = centred_groups_table(p, y - 20, False, 28, False)
    y = p.paragraph("Again, centred, ruled between groups across the blanks.", y - 24)
    y, ruled = centred_groups_table(p, y - 20, True, 28, True, True)
    return [p.content()], [(1, centred), (1, first), (1, ruled)]


def periods_table(p, top, labels, heads, figures):
    """A booktabs table of a period a row (`2023 Q1`: a year and its
    quarter or month a word space apart) and columns of figures set right.
    Returns (bottom, table)."""
    size, lead = 9, 13
    x0, stub, width = MARGIN, 70, 80
    x1 = x0 + stub + width * len(heads)
    p.line(x0, top + 2, x1, top + 2)
    y = top - size - 2
    p.text(x0, y, "Period", "F2", size)
    for c, head in enumerate(heads):
        right = x0 + stub + width * (c + 1)
        p.text(right - text_width(head, "F2", size), y, head, "F2", size)
    p.line(x0, y - 5, x1, y - 5)
    cells = [["Period"] + heads]
    y -= 5 + lead
    for r, label in enumerate(labels):
        row = [label] + [figures(r, c) for c in range(len(heads))]
        p.text(x0, y, label, "F1", size)
        for c, v in enumerate(row[1:]):
            right = x0 + stub + width * (c + 1)
            p.text(right - text_width(v, "F1", size), y, v, "F1", size)
        cells.append(row)
        y -= lead
    p.line(x0, y + lead - 5, x1, y + lead - 5)
    return y, Placed(cells, [])


def sample_periods():
    # Issue 12, class 8's other side: a year and its quarter or month set
    # a word space apart is a date, one label, no figure beside a text.
    p = Page()
    y = p.title("Quarterly and Monthly Indicators", 790)
    quarters = ["%d Q%d" % (2022 + k // 4, k % 4 + 1) for k in range(8)]
    heads = ["Output", "Prices", "Jobs"]
    y, by_quarter = periods_table(p, y - 30, quarters, heads,
                                  lambda r, c: "%.1f" % (1.5 + 0.7 * r - 1.1 * c))
    months = ["2024 %s" % m for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")]
    y, by_month = periods_table(p, y - 30, months, heads[:2],
                                lambda r, c: "%d" % (120 + 7 * r + 40 * c))
    return [p.content()], [(1, by_quarter), (1, by_month)]


def sample_flags():
    # Issue 12: statistical flags (`p` provisional, `e` estimated, `b`
    # break in series) set a space after some figures, lined up in some
    # columns: each is its figure's, no column of its own.
    p = Page()
    y = p.title("Unemployment Rate by Country", 790)
    y = p.paragraph("Percent of the labour force, annual averages.", y - 24)
    size, lead = 9, 14
    x0, stub, width = MARGIN, 130, 70
    years = ["2019", "2020", "2021", "2022", "2023"]
    # (Drawn from a fixed seed: where flags happen to line up over some
    # rows, their gap after the figures reads as a column's.)
    r = random.Random(0)
    countries = ["Belgium", "Bulgaria", "Czechia", "Denmark", "Germany", "Estonia", "Ireland",
                 "Greece", "Spain", "France"]
    body = [[country] + ["%.1f%s" % (r.uniform(2, 20), (" " + flag) if flag else "")
                         for flag in (r.choice(["", "", "", "", "p", "e", "b"]) for _ in years)]
            for country in countries]
    x1 = x0 + stub + width * len(years)
    top = y - 22
    p.line(x0, top + 12, x1, top + 12)
    p.text(x0 + 2, top, "Country", "F2", size)
    rights = [x0 + stub + width * (c + 1) - 14 for c in range(len(years))]
    for right, year in zip(rights, years):
        p.text(right - text_width(year, "F2", size), top, year, "F2", size)
    p.line(x0, top - 5, x1, top - 5)
    y = top - 5 - lead
    for row in body:
        p.text(x0 + 2, y, row[0], "F1", size)
        for right, cell in zip(rights, row[1:]):
            figure, _, flag = cell.partition(" ")
            p.text(right - text_width(figure, "F1", size), y, figure, "F1", size)
            if flag:
                p.text(right + 3, y, flag, "F1", size - 1)
        y -= lead
    p.line(x0, y + lead - 5, x1, y + lead - 5)
    p.text(x0, y - 6, "p provisional, e estimated, b break in series.", "F1", 7)
    return [p.content()], [(1, Placed([["Country"] + years] + body))]



def sample_close_cells():
    # Issue 12: cells set close. An order list whose descriptions stand a
    # little more than a word space after the dates, the first rows one
    # line each, the later ones wrapped onto lines of their own set closer
    # than the rows (less than their letters' height apart); a list of
    # codes and dates whose first row has no amount, under titles set
    # without a rule; and a table whose titles are set on a light band, its
    # first row's quantity blank; a table of centred cells whose titles
    # of two words, wider than the figures, stand closer than a column gap.
    # Each first row is a row, no title's second line; each description
    # one cell of its own column; each title its column's.
    p = Page()
    y = p.title("Open Orders and Settlements", 790)
    size, font = 9, "F1"
    lead, row_gap = 9.5, 4.5
    x_code, x_date = MARGIN, MARGIN + 60
    x_text = x_date + text_width("00/00/0000", font, size) + 3.5
    heads = ["Order no.", "Settled", "Description"]
    orders = [
        ("PO-42564", "17/01/2018", "account"),
        ("PO-33404", "24/04/2019", "price margin"),
        ("K2-17438", "12/07/2014", ""),
        ("PO-6404", "26/06/2014", "holding supply metro profit retail metro revenue supply "
                                  "period tariff warehouse terminal and the carrier's lease"),
        ("HX-57675", "19/11/2021", "branch price metro import surplus tariff profit credit carrier "
                                   "asset warehouse tariff current export period service"),
        ("K2-58783", "01/01/2020", "target retail revenue interest surplus asset inventory region "
                                   "profit transfer order cost premium"),
        ("TR-30306", "19/11/2025", "retail branch revenue tariff segment plant growth supply "
                                   "provision payable limit period share account target"),
    ]
    top = y - 30
    for x, head in zip((x_code, x_date, x_text), heads):
        p.text(x, top, head, "F2", size)
    p.line(MARGIN, top - 4, x_text + 250, top - 4)
    y = top - lead - row_gap - 2
    for code, date, text in orders:
        p.text(x_code, y, code, font, size)
        p.text(x_date, y, date, font, size)
        lines = wrap_words(text, 230, font, size).split("\n") if text else []
        for k, line in enumerate(lines):
            p.text(x_text, y - lead * k, line, font, size)
        y -= lead * max(1, len(lines)) + row_gap
    first = Placed([heads] + [[code, date, wrap_words(text, 230, font, size) if text else ""]
                              for code, date, text in orders])

    # Codes, dates and amounts, titles without a rule under them; the first
    # row's share blank.
    y = p.paragraph("Invoices settled in the period, by contract.", y - 20)
    top = y - 26
    heads = ["Contract", "Share", "Price", "Invoice", "Settled", "Units"]
    rows = [
        ["PO-69888", "", "-233", "TR-46910", "2025-05-06", "1,804"],
        ["B7-35825", "31%", "0", "PO-44281", "2015-06-11", "-72"],
        ["HX-20623", "39.77%", "7", "A-12312", "", "630"],
        ["SKU-2903", "", "529", "PO-79255", "2016-03-27", "179,665"],
        ["K2-91813", "51%", "154", "REF-70279", "2024-01-12", "139,702"],
    ]
    lefts = [MARGIN, MARGIN + 90, MARGIN + 160, MARGIN + 230, MARGIN + 320, None]
    rights = [None, MARGIN + 135, MARGIN + 205, None, None, MARGIN + 440]
    for k, row in enumerate([heads] + rows):
        base = top - 18 * k
        for c, cell in enumerate(row):
            f = "F2" if k == 0 else font
            if rights[c] is not None:
                p.text(rights[c] - text_width(cell, f, size), base, cell, f, size)
            else:
                p.text(lefts[c], base, cell, f, size)
    second = Placed([heads] + rows)
    y = top - 18 * len(rows)

    # Titles on a light band, no rules; the first row's quantity blank.
    y = p.paragraph("Receipts by region in the quarter.", y - 24)
    top = y - 26
    heads = ["Region", "Quantity", "Amount"]
    rows = [
        ["Store", "", "(1,297,100.41)"],
        ["Label", "1,135", "4.12"],
        ["Growth Carrier", "9,467", "4,208.32"],
        ["Freight", "-5", "199.72"],
        ["Retail", "82", "304,070.94"],
    ]
    step = 13
    p.ops.append("0.9 g %s %s %s %s re f 0 g" % (fmt(MARGIN - 3), fmt(top - 4), fmt(290), fmt(step)))
    rights = [None, MARGIN + 170, MARGIN + 280]
    for k, row in enumerate([heads] + rows):
        base = top - step * k
        f = "F2" if k == 0 else font
        for c, cell in enumerate(row):
            if rights[c] is None:
                p.text(MARGIN, base, cell, f, size)
            else:
                p.text(rights[c] - text_width(cell, f, size), base, cell, f, size)
    third = Placed([heads] + rows)

    # Every cell centred in its column, titles of two words wider than the
    # figures under them and set 0.6 em apart, closer than a column gap.
    y = p.paragraph("Volumes by channel, thousands.", top - step * len(rows) - 24)
    top = y - 26
    heads = ["Volume", "Market", "Payable", "Payable Margin", "Provision Division",
             "Carrier Plant"]
    rows = [
        ["Stock", "34965", "49%", "14120", "892.9", "-28.3"],
        ["Region", "7,469,158", "1,638,732", "293.0", "40473", "9,143,507"],
        ["Account", "4%", "22%", "83.5", "28.9", "17%"],
        ["Partner metro", "10504", "1,788,166", "787.9", "", "2,026,830"],
        ["Interest limit", "385", "-62.6", "44239", "565.7", "92%"],
    ]
    widths = [max(text_width(r[c], "F2" if k == 0 else font, size)
                  for k, r in enumerate([heads] + rows)) + 0.6 * size
              for c in range(len(heads))]
    lefts = [MARGIN]
    for w in widths:
        lefts.append(lefts[-1] + w)
    for k, row in enumerate([heads] + rows):
        f = "F2" if k == 0 else font
        for c, cell in enumerate(row):
            middle = (lefts[c] + lefts[c + 1]) / 2
            p.text(middle - text_width(cell, f, size) / 2, top - 14 * k, cell, f, size)
    fourth = Placed([heads] + rows)
    return [p.content()], [(1, first), (1, second), (1, third), (1, fourth)]


def sample_column_rules():
    # Issue 12, class 1: statistical tables ruled by their columns only,
    # their rows unruled: the stub's rule and each group's run from the
    # table's top, the rules inside a group from a short rule under its
    # year; the stub's head stands on the years' line. The first table has
    # no rule along its top (the column rules' ends say where it starts),
    # the second is boxed, its stub in groups: headings set flush left,
    # wider than the labels set in under them, which wrap sooner (a label
    # wrapped after `food`, its figures on its first line, though `and`
    # would have fitted within a heading's run). The head is the first
    # row's, beside the years, not a row of its own above them; each
    # heading is a row, each wrapped label one. The third, ruled between
    # its columns only, sets each wrapped label's figures on its last line.
    p = Page()
    y = p.title("Employment by Industry", 790)
    size, font = 8, "F1"
    lead = 11.5
    stub, col = 150, 62
    subs = ["Male", "Female"]
    years = ["2022", "2023"]
    industries = ["Agriculture", "Mining", "Manufacturing", "Construction", "Trade",
                  "Transport and storage", "Finance", "Public services"]
    rng = Lcg(83)
    tables = []
    top = y - 30
    for style in ("open", "boxed", "last line"):
        xs = [MARGIN, MARGIN + stub] + [MARGIN + stub + col * (k + 1) for k in range(4)]
        base = top - 10
        p.text(MARGIN + 3, base, "Industry", font, size)
        for g, year in enumerate(years):
            left, right = xs[1 + 2 * g], xs[3 + 2 * g]
            p.text((left + right - text_width(year, font, size)) / 2, base, year, font, size)
        span_rule = base - 4
        base -= lead
        for c in range(4):
            title = subs[c % 2]
            p.text(xs[c + 2] - 4 - text_width(title, font, size), base, title, font, size)
        head_rule = base - 4
        rows = []
        base = head_rule - lead
        stub_rows = [(name, 0) for name in industries]
        if style == "last line":
            stub_rows = [("Agriculture, forestry\nand fishing", 0), ("Mining", 0),
                         ("Electricity, gas, steam\nand air conditioning\nsupply", 0),
                         ("Wholesale and retail\ntrade, repair of motor\nvehicles and cycles", 0),
                         ("Construction", 0), ("Finance", 0)]
        elif style == "boxed":
            stub_rows = [("Goods-producing industries and utilities", None), ("Agriculture", 8),
                         ("Mining and quarrying", 8), ("Manufacturing of food\nand beverages", 8),
                         ("Service-producing industries", None), ("Transport and storage", 8),
                         ("Finance", 8), ("Public services", 8)]
        for name, indent in stub_rows:
            lines = name.split("\n")
            for k, line in enumerate(lines):
                p.text(MARGIN + 3 + (indent or 0), base - 9 * k, line, font, size)
            figures = ["{:,}".format(200 + rng.next(90000)) for _ in range(4)] if indent is not None else [""] * 4
            at = base - 9 * (len(lines) - 1) if style == "last line" else base
            for c, figure in enumerate(figures):
                p.text(xs[c + 2] - 4 - text_width(figure, font, size), at, figure, font, size)
            rows.append([name] + figures)
            base -= lead + 9 * (len(lines) - 1)
        foot = base + lead - 4
        p.ops.append("q 0.5 w")
        for g in range(2):
            p.line(xs[1 + 2 * g] + 2, span_rule, xs[3 + 2 * g] - 2, span_rule)
        # The third has rules between its columns only, none round it.
        inner = style == "last line"
        for k, x in enumerate(xs):
            if not (inner and k in (0, len(xs) - 1)):
                p.line(x, span_rule if k in (2, 4) else top, x, foot)
        p.line(xs[0], head_rule, xs[-1], head_rule)
        if not inner:
            p.line(xs[0], foot, xs[-1], foot)
        if style == "boxed":
            p.line(xs[0], top, xs[-1], top)
        p.ops.append("Q")
        head = [["Industry", years[0], "", years[1], ""], [""] + subs * 2]
        tables.append(Placed(head + rows, spans=[(0, 1, 1, 2), (0, 3, 1, 2)]))
        y = p.paragraph("Source: labour force survey, persons employed.", foot - 16, size=8)
        top = y - 30
    return [p.content()], [(1, t) for t in tables]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, build, compress in (
        ("ruled-simple", sample_simple, False),
        ("ruled-spans", sample_spans, False),
        ("ruled-long", sample_long, True),
        ("typed-cells", sample_typed, False),
        ("decimal-comma", sample_comma, False),
        ("shifted-marks", sample_shifted_marks, False),
        ("unruled", sample_unruled, False),
        ("continued-header", sample_continued_header, False),
        ("continued-plain", sample_continued_plain, False),
        ("continued-apart", sample_continued_apart, False),
        ("continued-sections", sample_continued_sections, False),
        ("rotated", sample_rotated, False),
        ("charts", sample_charts, False),
        ("narrow-gap", sample_narrow_gap, False),
        ("leaders", sample_leaders, False),
        ("letters", sample_letters, False),
        ("titled", sample_titled, False),
        ("beside-prose", sample_beside_prose, False),
        ("filled-header", sample_filled_header, False),
        ("filled-cells", sample_filled_cells, False),
        ("wrapped-header", sample_wrapped_header, False),
        ("rtl", sample_rtl, False),
        ("cjk-strokes", sample_cjk_strokes, False),
        ("wrapped-booktabs", sample_wrapped_booktabs, False),
        ("stubs", sample_stubs, False),
        ("group-rules", sample_group_rules, False),
        ("prose-cells", sample_prose_cells, False),
        ("page-columns", sample_page_columns, False),
        ("side-by-side", sample_side_by_side, False),
        ("numbered-lines", sample_numbered_lines, False),
        ("ruled-rows", sample_ruled_rows, False),
        ("column-gaps", sample_column_gaps, False),
        ("loose-rows", sample_loose_rows, False),
        ("near-columns", sample_near_columns, False),
        ("close-columns", sample_close_columns, False),
        ("table-edges", sample_table_edges, False),
        ("touching-cells", sample_touching_cells, False),
        ("partial-rules", sample_partial_rules, False),
        ("shaded-cells", sample_shaded_cells, False),
        ("form", sample_form, False),
        ("framed", sample_framed, False),
        ("scanned-zh", sample_scanned_zh, False),
        ("scanned-mixed", sample_scanned_mixed, False),
        ("scanned-quotes", sample_scanned_quotes, False),
        ("scanned-band", sample_scanned_band, False),
        ("cjk-unembedded", sample_cjk_unembedded, False),
        ("unnamed-glyphs", sample_unnamed_glyphs, False),
        ("statements", sample_statements, False),
        ("scanned-statements", sample_scanned_statements, False),
        ("report-tables", sample_report_tables, False),
        ("sideways-titles", sample_sideways_titles, False),
        ("flags", sample_flags, False),
        ("sideways-row-labels", sample_sideways_row_labels, False),
        ("dense-figures", sample_dense_figures, False),
        ("centred-groups", sample_centred_groups, False),
        ("periods", sample_periods, False),
        ("close-cells", sample_close_cells, False),
        ("column-rules", sample_column_rules, False),
    ):
        pages, tables, *extra = build()
        rotations = extra[0] if extra else None
        type3 = extra[1] if len(extra) > 1 else None
        write_pdf(os.path.join(out_dir, name + ".pdf"), pages, compress=compress,
                  rotations=rotations, type3=type3)
        write_expected(os.path.join(out_dir, name + ".json"), tables)
        print("wrote %s.pdf (%d pages, %d tables) and %s.json" % (name, len(pages), len(tables), name))


if __name__ == "__main__":
    main()
