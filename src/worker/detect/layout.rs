//! Tables without a full grid of lines: found from the layout of the text,
//! helped by whatever horizontal rules and shaded bands the page has.
//!
//! The text layer becomes page lines (characters on one baseline), each split
//! into segments where the gap between words is wider than a column gap.
//! Consecutive lines of two or more segments make a candidate block; narrow
//! lines between them (a wrapped cell, a label) stay in it, a line of prose or
//! a wide vertical gap ends it. Columns come from the lines with the most
//! segments, whose segments line up; a segment of another line that crosses
//! a column boundary without a word gap there spans those columns. Rows are
//! lines, except where rules or shaded bands group several lines into one
//! row (wrapped cells), or a label sits between two lines (a row span).
//! Vertical lines drawn across the block (a frame with column lines, boxes
//! around groups of columns, a ruled header row) are column boundaries: a
//! column splits at one, and pieces of one ruled column that never share a
//! line (a header set left over numbers set right) join.
//! Blocks that read like prose or a bulleted list are not tables, unless
//! they read as items with descriptions: a header row, short terms down the
//! first column, and beside each term sentences wrapped over its row's
//! lines (a glossary, a list of fields or controls). Their rows are the
//! terms' even where items stand no further apart than lines.

use std::borrow::Borrow;

use super::grid::{cells_from_sets, DisjointSets};
use super::rulings::Ruling;
use super::sideways::{self, set_sideways};
use crate::table::{Cell, Evidence, Grid, Rect, TableRegion};
use crate::worker::extract::{is_cjk, is_ideograph, slot, TextChar};

/// A word gap wider than this many em separates two cells of a line.
const COLUMN_GAP_EM: f32 = 0.8;
/// Inside a table, a gap this many em wide down a whole column separates two
/// columns (a word space is about 0.3 em)...
const RIVER_EM: f32 = 0.5;
/// ... when it is also wider than the block's own word space, by this
/// factor (a typewriter font's space is 0.6 em, and its columns may be set
/// little more than a space apart).
const RIVER_OVER_SPACE: f32 = 1.1;
/// Between columns of figures, a gap this many em wide and this much wider
/// than the block's word space is a river (a number's digit groups stand
/// a space apart at most), down this many lines at least.
const FIGURE_RIVER_EM: f32 = 0.3;
const FIGURE_RIVER_OVER_SPACE: f32 = 1.25;
const MIN_FIGURE_RIVER_LINES: usize = 3;
/// ... and where the block shows no word space, this many em (wider than
/// a proportional font's space, a third of an em at most; a typewriter's
/// digit groups are told apart as digit groups).
const FIGURE_RIVER_UNKNOWN_SPACE_EM: f32 = 0.35;
/// A line narrower than this many em may be a label inside a table.
const SHORT_LINE_EM: f32 = 15.0;
/// How many short lines `blocks` holds back at most.
const MAX_HELD_LINES: usize = 4;
/// How many lines a cell wraps over at most, where a line is parted like
/// the lines of columns above it.
const MAX_WRAPPED_LINES: usize = 12;
/// Lines further apart than this many em do not belong to one table.
const MAX_LINE_GAP_EM: f32 = 2.2;
/// Gaps between lines that differ by less than this (em) keep one rhythm.
const RHYTHM_EM: f32 = 0.25;
/// A table's cells hold fewer words than prose: more than this many words per
/// filled cell, on average, is running text laid out in columns.
const MAX_WORDS_PER_CELL: f32 = 7.0;
/// An item / description table (see `reads_as_items_with_descriptions`):
/// at least this many items under its header, header cells of at most
/// `MAX_HEADER_WORDS` words, terms of at most `MAX_TERM_WORDS`, and rows of
/// at most `MAX_LINES_PER_ITEM` lines as a rule (more is sections of text
/// with their headings set beside them), unless a rule parts every item
/// from the next. A term line at least `FULL_LINE`
/// as wide as the widest is full, as every line of justified text is.
const MIN_ITEMS: usize = 2;
const MAX_HEADER_WORDS: usize = 4;
const MAX_TERM_WORDS: usize = 6;
const MAX_LINES_PER_ITEM: f32 = 6.0;
const FULL_LINE: f32 = 0.9;
/// A description column holds at least this many words per item, on average.
const MIN_DESCRIPTION_WORDS: f32 = 5.0;
/// A line of running text that wraps onto the next holds at least this many
/// words in its column.
const MIN_WRAPPED_WORDS: usize = 3;
/// A grid with fewer of its cells filled than this, and less of its area
/// covered by text than `MIN_CHART_DENSITY`, is a chart's labels.
const MIN_CHART_FILL: f32 = 0.4;
const MIN_CHART_DENSITY: f32 = 0.12;
/// The narrowest word space, in em, that word wrap would have put before the
/// next line's first word (when the line shows none of its own).
const WRAP_SPACE_EM: f32 = 0.2;
/// Lines of one wrapped cell start (or end, or centre) within this many em
/// of each other.
const WRAP_ALIGN_EM: f32 = 0.3;
/// Measuring slack, in em, when telling whether a word would have fitted.
const WRAP_SLACK_EM: f32 = 0.1;
/// Lines of a column starting this close (points) are set at one indent.
const SAME_INDENT: f32 = 1.0;
/// Lines set at an indent that say how wide its labels run before they wrap.
const MIN_LINES_AT_AN_INDENT: usize = 3;
/// A vertical line is a column line of a block when it runs no further than
/// this many em above or below the block's text (a frame's padding, a
/// header row or a title row the block left out).
const COLUMN_LINE_OVERRUN_EM: f32 = 3.0;
/// A rule counts as a row separator when it spans this much of the block.
const RULE_SPAN: f32 = 0.6;
/// Rules inside a block part its rows when there are this many at least
/// (one under a header does not).
const MIN_ROW_RULES: usize = 2;
/// Words further apart than this many em are not of one line of running
/// text (a gutter between page columns is wider).
const RUN_GAP_EM: f32 = 1.2;
/// Lines of one paragraph start within this many em of each other (a
/// hanging or first-line indent).
const INDENT_EM: f32 = 2.5;
/// A line of running text holds at least this many words (not figures).
const MIN_RUNNING_WORDS: usize = 4;
const IDEOGRAPHS_PER_WORD: usize = 3;
/// Rows cut through running text: at least this many row boundaries, and
/// this share of them.
const MIN_RUNNING_BREAKS: usize = 3;
const RUNNING_SHARE: f32 = 0.4;
/// Two columns of a page are apart by a gutter this wide at least, and
/// each holds this many lines of running text.
const GUTTER_EM: f32 = 1.5;
const MIN_COLUMN_PROSE_LINES: usize = 3;
/// Lines running one under another with short text on both sides of a
/// gutter: a table's rows across it.
const MAX_ROWS_ACROSS_A_GUTTER: usize = 3;
/// The widest gap, in em, between a currency sign and its amount.
const MAX_SIGN_GAP_EM: f32 = 8.0;

#[derive(Debug, Clone)]
struct Word {
    bbox: Rect,
    text: String,
    /// Its structured-text line (pieces of several set side by side make
    /// one `Line`) and that line's largest character size.
    piece: u32,
    size: f32,
    /// Its narrowest character's advance and its widest.
    char_widths: [f32; 2],
}

#[derive(Debug, Clone)]
struct Segment {
    x0: f32,
    x1: f32,
    /// Indices into the line's words.
    words: std::ops::Range<usize>,
}

impl Segment {
    fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

#[derive(Debug, Clone)]
struct Line {
    words: Vec<Word>,
    segments: Vec<Segment>,
    bbox: Rect,
    size: f32,
}

impl Line {
    fn cy(&self) -> f32 {
        (self.bbox.y0 + self.bbox.y1) / 2.0
    }

    fn is_tabular(&self) -> bool {
        self.segments.len() >= 2
    }
}

/// Tables found from text layout among `chars` (those not already in a ruled
/// table), with `rules` the page's horizontal rulings and `verticals` its
/// vertical ones: where a column line is drawn, it is a column boundary.
pub fn layout_tables(
    chars: &[&TextChar],
    rules: &[Ruling],
    verticals: &[Ruling],
) -> Vec<TableRegion> {
    let lines = page_lines(chars);
    let groups = panels(&lines, rules).unwrap_or_else(|| vec![lines]);
    let tables = (groups.into_iter())
        .flat_map(|lines| {
            let lines = part_like_the_rows_above(lines);
            let blocks = under_their_headers(blocks(&lines), &lines);
            let blocks = with_last_rows_over_closing_rules(blocks, &lines, rules);
            joined_within_their_rules(blocks, &lines, rules)
                .into_iter()
                .filter(|block| !a_paragraph_beside_a_note(block, &lines))
                .map(|block| with_header_between_rules(block, &lines, rules))
                .flat_map(|block| apart_at_two_tables_rules(block, rules))
                .flat_map(|block| table_from_block(&block, rules, verticals))
                .collect::<Vec<_>>()
        })
        .collect();
    sideways::with_sideways_titles(tables, chars)
}

/// A panel's heading: a phrase set on a rule at its left end, the rule
/// running on well past it (`Coverage Tests` over its table on a fund's
/// summary page).
#[derive(Debug, Clone, Copy)]
struct PanelHeading {
    rule: Ruling,
    /// The heading's words.
    bbox: Rect,
    size: f32,
}

/// The shortest a panel's rule is, in em of its heading.
const MIN_PANEL_RULE_EM: f32 = 6.0;
/// A panel's heading takes at most this share of its rule from the left.
const MAX_PANEL_HEADING_SHARE: f32 = 0.6;

/// The page's lines parted into panels when panels stand side by side: a
/// summary page set as a grid of boxes, each a heading on a rule and a
/// table or a list of figures under it. Side by side, such panels are
/// often a narrow gutter apart, their rows in step, so read together they
/// make one table of all; each panel's words are read apart instead (the
/// words in none, a page's title and foot, as one more part), its heading
/// left out (a title, no row). A panel reaches down to the next heading's
/// whose rule lies under its own.
/// `None` when no two panels' headings stand side by side on one level:
/// headings stacked alone (a statement's sections, each a heading on a
/// rule across the table) part nothing.
fn panels(lines: &[Line], rules: &[Ruling]) -> Option<Vec<Vec<Line>>> {
    let headings: Vec<PanelHeading> = (rules.iter())
        .filter_map(|r| panel_heading(lines, r))
        .collect();
    let side_by_side = |a: &PanelHeading, b: &PanelHeading| {
        (a.rule.pos - b.rule.pos).abs() <= a.size.max(b.size)
            && (a.rule.end <= b.rule.start + a.size || b.rule.end <= a.rule.start + a.size)
    };
    let any_side_by_side = (headings.iter().enumerate())
        .any(|(i, a)| headings[i + 1..].iter().any(|b| side_by_side(a, b)));
    if !any_side_by_side {
        return None;
    }
    let areas: Vec<Rect> = (headings.iter())
        .map(|h| {
            let over_the_same = |g: &PanelHeading| {
                g.rule.pos > h.rule.pos + h.size
                    && g.rule.start < h.rule.end - h.size
                    && g.rule.end > h.rule.start + h.size
            };
            let bottom = (headings.iter())
                .filter(|g| over_the_same(g))
                .map(|g| g.bbox.y0)
                .fold(f32::INFINITY, f32::min);
            let pad = 0.5 * h.size;
            Rect::new(
                h.rule.start - pad,
                h.bbox.y1,
                h.rule.end + pad,
                bottom - pad,
            )
        })
        .collect();
    let centre = |w: &Word| ((w.bbox.x0 + w.bbox.x1) / 2.0, (w.bbox.y0 + w.bbox.y1) / 2.0);
    let a_heading = |w: &Word| {
        let (x, y) = centre(w);
        headings.iter().any(|h| h.bbox.contains(x, y))
    };
    let panel_of = |w: &Word| {
        let (x, y) = centre(w);
        areas.iter().position(|a| a.contains(x, y))
    };
    let mut groups: Vec<Vec<Line>> = (0..areas.len())
        .map(|k| lines_of_words(lines, |w| !a_heading(w) && panel_of(w) == Some(k)))
        .collect();
    groups.push(lines_of_words(lines, |w| {
        !a_heading(w) && panel_of(w).is_none()
    }));
    Some(groups)
}

/// The heading set on `rule` at its left end (see `PanelHeading`): of the
/// line just above the rule, the words over it are one phrase (no column
/// gap inside) from within an em of its left end to short of its middle.
fn panel_heading(lines: &[Line], rule: &Ruling) -> Option<PanelHeading> {
    // (Lines run down the page: only the few starting nearest above it.)
    let above = lines.partition_point(|l| l.bbox.y0 <= rule.pos);
    let line = (lines[..above].iter().rev().take(MAX_HELD_LINES))
        .find(|l| l.bbox.y1 <= rule.pos + 0.3 * l.size && l.bbox.y1 >= rule.pos - l.size)?;
    let size = line.size;
    if rule.length() < MIN_PANEL_RULE_EM * size {
        return None;
    }
    let over: Vec<&Word> = (line.words.iter())
        .filter(|w| {
            let cx = (w.bbox.x0 + w.bbox.x1) / 2.0;
            cx > rule.start - size && cx < rule.end + size
        })
        .collect();
    let (first, last) = (over.first()?, over.last()?);
    let one_phrase = over
        .windows(2)
        .all(|pair| pair[1].bbox.x0 - pair[0].bbox.x1 < COLUMN_GAP_EM * size);
    let heading = (first.bbox.x0 - rule.start).abs() <= size
        && last.bbox.x1 < rule.start + MAX_PANEL_HEADING_SHARE * rule.length()
        && one_phrase;
    heading.then(|| PanelHeading {
        rule: *rule,
        bbox: over
            .iter()
            .skip(1)
            .fold(first.bbox, |b, w| b.union(&w.bbox)),
        size,
    })
}

/// Blocks joined to a block of a few lines just above them that is their
/// header: over the figures, its stub head empty (its lines start right of
/// the block's first column, so `blocks` saw no line of theirs in it),
/// labels of groups of rows in the first column between the two.
fn under_their_headers(blocks: Vec<Vec<Line>>, lines: &[Line]) -> Vec<Vec<Line>> {
    let mut out: Vec<Vec<Line>> = Vec::new();
    for block in blocks {
        if let Some(header) = out.last_mut() {
            if let Some(labels) = labels_under_a_header_over_figures(header, &block, lines) {
                // A title over the header is no row: set large, or one
                // piece centred over the table (the unit under it).
                let size = median(block.iter().map(|l| l.size).collect());
                let left = block_left(&block);
                let right = block_right(&block).max(block_right(header));
                let centred = |l: &Line| {
                    l.segments.len() == 1
                        && ((l.bbox.x0 + l.bbox.x1) - (left + right)).abs() / 2.0 < l.size
                };
                let titles = (header.iter())
                    .take_while(|l| l.size > TITLE_OVER_TEXT * size || centred(l))
                    .count();
                header.drain(..titles);
                header.extend(labels.into_iter().cloned());
                header.extend(block);
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// The blocks, each with the lines under its last that stand tight over a
/// rule closing it, as wide as a rule over its rows (booktabs' bottom rule,
/// as wide as its top rule and the one under its header): they are the
/// table's last rows, however far from the rows above they stand (a code
/// alone in the first column under a row of wrapped cells). A few lines in
/// no block, each one piece, no sentence, as large as the rows, inside the
/// block's width and set as its cells are, no further below it than its
/// own lines stand apart.
fn with_last_rows_over_closing_rules(
    mut blocks: Vec<Vec<Line>>,
    lines: &[Line],
    rules: &[Ruling],
) -> Vec<Vec<Line>> {
    for k in 0..blocks.len() {
        let block = &blocks[k];
        let Some(last) = block.last() else {
            continue;
        };
        let (x0, x1, size) = (block_left(block), block_right(block), last.size);
        let Some(closing) = closing_rule(block, last, rules) else {
            continue;
        };
        let under: Vec<&Line> = (lines.iter())
            .filter(|l| l.cy() > last.cy() && l.cy() < closing.pos)
            .collect();
        let (Some(first_under), Some(last_under)) = (under.first(), under.last()) else {
            continue;
        };
        let rows: Vec<&Line> = block.iter().filter(|l| l.is_tabular()).collect();
        let tol = WRAP_ALIGN_EM * size;
        let a_row = |l: &Line| {
            l.segments.len() == 1
                && !a_sentence(l)
                && l.size >= LAST_ROW_SIZE * size
                && l.bbox.x0 >= x0 - size
                && l.bbox.x1 <= x1 + size
                && lines_up_with(&rows, l.bbox.x0, l.bbox.x1, tol)
        };
        let in_a_block = |l: &Line| (blocks.iter().flatten()).any(|b| b.bbox == l.bbox);
        let widest_gap = line_gaps(block).into_iter().fold(0.0f32, f32::max);
        let keep = under.len() <= MAX_ROWS_OVER_A_CLOSING_RULE
            && under.iter().all(|l| a_row(l) && !in_a_block(l))
            && first_under.bbox.y0 - last.bbox.y1 <= widest_gap + RHYTHM_EM * size
            && closing.pos - last_under.bbox.y1 <= HEADER_RULE_EM * size;
        if keep {
            let under: Vec<Line> = under.into_iter().cloned().collect();
            blocks[k].extend(under);
        }
    }
    blocks
}

/// See `with_last_rows_over_closing_rules`.
const MAX_ROWS_OVER_A_CLOSING_RULE: usize = 2;

/// The first rule across `block` under its line `last` when it is as wide
/// as a rule across it over that line: the table's bottom rule, as wide as
/// its top rule or the one under its header (a rule of another extent
/// under it is another table's).
fn closing_rule<'r>(block: &[Line], last: &Line, rules: &'r [Ruling]) -> Option<&'r Ruling> {
    let across = rules_across(block, rules);
    let closing = (across.iter())
        .filter(|r| r.pos > last.bbox.y1)
        .min_by(|a, b| a.pos.total_cmp(&b.pos))?;
    (across.iter())
        .any(|r| r.pos < last.cy() && as_wide_as(r, closing, last.size))
        .then_some(*closing)
}

/// Whether two rules start and end within `tol` of each other.
fn as_wide_as(a: &Ruling, b: &Ruling, tol: f32) -> bool {
    (a.start - b.start).abs() <= tol && (a.end - b.end).abs() <= tol
}

/// Blocks one under the next joined where rules frame them as one table:
/// a rule over them (the upper's top rule, or the one under its header)
/// as wide as the rule closing the lower (`closing_rule`), none between
/// them or under the upper, no other line between them, and every line
/// of columns of the lower set in the upper's columns (each cell flush or
/// centred with two of its cells). A blank row in a table stands as far
/// apart as two tables, but a table ends at its bottom rule.
fn joined_within_their_rules(
    blocks: Vec<Vec<Line>>,
    lines: &[Line],
    rules: &[Ruling],
) -> Vec<Vec<Line>> {
    let mut out: Vec<Vec<Line>> = Vec::new();
    for block in blocks {
        let joins = out.last().is_some_and(|upper| {
            framed_with(upper, &block, lines, rules) || on_past_a_blank(upper, &block, lines, rules)
        });
        match out.last_mut() {
            Some(upper) if joins => upper.extend(block),
            _ => out.push(block),
        }
    }
    out
}

/// See `joined_within_their_rules`.
fn framed_with(upper: &[Line], lower: &[Line], lines: &[Line], rules: &[Ruling]) -> bool {
    let (Some(last), Some(next), Some(bottom)) = (upper.last(), lower.first(), lower.last()) else {
        return false;
    };
    let size = last.size;
    let closing = closing_rule(upper, bottom, rules)
        .filter(|r| r.pos - bottom.bbox.y1 <= HEADER_RULE_EM * size);
    let between = |y: f32| y > last.cy() && y < next.cy();
    let rows: Vec<&Line> = upper.iter().filter(|l| l.is_tabular()).collect();
    let tol = WRAP_ALIGN_EM * size;
    closing.is_some()
        && !rules
            .iter()
            .any(|r| between(r.pos) && r.end > block_left(upper) && r.start < block_right(upper))
        && !lines.iter().any(|l| between(l.cy()))
        && (lower.iter().filter(|l| l.is_tabular()))
            .all(|l| (l.segments.iter()).all(|s| lines_up_with(&rows, s.x0, s.x1, tol)))
}

/// Whether `lower` goes on with the table of `upper` past a blank between
/// groups of its rows (wider than `blocks` reads as within one table):
/// nothing between them but a rule as wide as the table's, both set in
/// one size and with rows of figures; `lower` has no header (its first
/// line is one of figures) and every line of columns of it is set in
/// `upper`'s columns (or starts at its left edge).
fn on_past_a_blank(upper: &[Line], lower: &[Line], lines: &[Line], rules: &[Ruling]) -> bool {
    let (Some(last), Some(next)) = (upper.last(), lower.first()) else {
        return false;
    };
    let size = last.size;
    let between = |y: f32| y > last.cy() && y < next.cy();
    let rows: Vec<&Line> = upper.iter().filter(|l| l.is_tabular()).collect();
    let tol = WRAP_ALIGN_EM * size;
    // (A label flush with the table's left edge may stand alone in the
    // rows above, set between two.)
    let left = block_left(upper);
    // No rule between, or one as wide as a rule over the upper's last line
    // (the table's rules, one under each group).
    let rules_between: Vec<&Ruling> = (rules.iter())
        .filter(|r| between(r.pos) && r.end > left && r.start < block_right(upper))
        .collect();
    let a_group_rule = |r: &Ruling| {
        (rules_across(upper, rules).iter()).any(|a| a.pos < last.cy() && as_wide_as(a, r, size))
    };
    (next.size - size).abs() < SAME_SIZE_EM * size
        && next.bbox.y0 - last.bbox.y1 <= MAX_BLANK_IN_A_TABLE_EM * size
        && figures_past_the_first(next)
        && upper.iter().any(figures_past_the_first)
        && match rules_between[..] {
            [] => true,
            [rule] => a_group_rule(rule),
            _ => false,
        }
        && !lines.iter().any(|l| between(l.cy()))
        && (lower.iter().filter(|l| l.is_tabular())).all(|l| {
            (l.segments.iter())
                .all(|s| (s.x0 - left).abs() < tol || lines_up_with(&rows, s.x0, s.x1, tol))
        })
}

/// The widest blank between two groups of a table's rows, in em.
const MAX_BLANK_IN_A_TABLE_EM: f32 = 4.0;
/// Two lines' sizes differ by less than this share of one when they are
/// set in one size.
const SAME_SIZE_EM: f32 = 0.05;

/// Whether `line` holds figures in two pieces past its first, more of
/// them than pieces of words.
fn figures_past_the_first(line: &Line) -> bool {
    let pieces = &line.segments[1.min(line.segments.len())..];
    let figures = (pieces.iter())
        .filter(|s| {
            line.words[s.words.clone()]
                .iter()
                .all(|w| is_number(&w.text))
        })
        .count();
    figures >= 2 && 2 * figures > pieces.len()
}

/// The most lines a header over the figures has (see `under_their_headers`).
const MAX_HEADER_LINES: usize = 6;

/// The lines between `header` and `block` when `header` heads the figures
/// of `block`: a few lines, fewer than the block's; the cells of its line
/// of the most stand over the later cells of the block's (four in five at
/// least each way, and none over its first); the lines between are labels
/// of the first column (one segment, within the block's left and short of
/// its second column), each near enough the one before.
fn labels_under_a_header_over_figures<'a>(
    header: &[Line],
    block: &[Line],
    lines: &'a [Line],
) -> Option<Vec<&'a Line>> {
    let most = |b: &[Line]| -> Option<Line> {
        (b.iter().filter(|l| l.is_tabular()))
            .max_by_key(|l| l.segments.len())
            .cloned()
    };
    let (top, row) = (most(header)?, most(block)?);
    let (last, first) = (header.last()?, block.first()?);
    let (stub, figures) = row.segments.split_first()?;
    let over = |a: &Segment, b: &Segment| a.x0 < b.x1 && a.x1 > b.x0;
    let heads = (top.segments.iter())
        .filter(|s| figures.iter().any(|f| over(s, f)))
        .count();
    let headed = (figures.iter())
        .filter(|f| top.segments.iter().any(|s| over(s, f)))
        .count();
    let a_header = header.len() <= MAX_HEADER_LINES
        && header.len() < block.len()
        && top.segments.len() >= 3
        && (header.iter()).all(|l| l.bbox.x0 > stub.x1)
        && 5 * heads >= 4 * top.segments.len()
        && 5 * headed >= 4 * figures.len();
    if !a_header {
        return None;
    }
    let between: Vec<&Line> = (lines.iter())
        .filter(|l| l.cy() > last.bbox.y1 && l.cy() < first.bbox.y0)
        .collect();
    let left = block_left(block);
    let labels = (between.iter())
        .all(|l| l.segments.len() == 1 && l.bbox.x1 < figures[0].x0 && l.bbox.x0 >= left - l.size);
    let near = std::iter::once(last)
        .chain(between.iter().copied())
        .zip(between.iter().copied().chain([first]))
        .all(|(a, b)| close_enough(a, b));
    (labels && near).then_some(between)
}

/// A block parted where one table's bottom rule and the next table's top
/// rule stand one under the other, running text between them (a sentence
/// on the second table, a paragraph): two rules across the block of other
/// extents (an end more than an em apart; one table's rules run as wide
/// as each other), no line between them but long ones, none of columns,
/// and two lines of columns at least on either side. The lines between go
/// with neither table.
fn apart_at_two_tables_rules(block: Vec<Line>, rules: &[Ruling]) -> Vec<Vec<Line>> {
    let size = median(block.iter().map(|l| l.size).collect());
    let mut inside = rules_between_lines(&block, rules);
    inside.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let columns = |lines: &[Line]| lines.iter().filter(|l| l.is_tabular()).count();
    let part = inside.windows(2).find_map(|pair| {
        let (upper, lower) = (pair[0], pair[1]);
        let above = block.iter().take_while(|l| l.cy() < upper.pos).count();
        let below = block.iter().position(|l| l.cy() > lower.pos)?;
        let between = &block[above..below];
        (!as_wide_as(upper, lower, size)
            && !between.is_empty()
            && between.iter().all(|l| !l.is_tabular() && !is_short(l))
            && columns(&block[..above]) >= 2
            && columns(&block[below..]) >= 2)
            .then_some((above, below))
    });
    let part = part.or_else(|| {
        // Or one table's bottom rule over running text (sentences alone)
        // and a table under it without a rule as wide: its rows shaded,
        // or unruled.
        inside.iter().find_map(|rule| {
            let as_wide = |r: &&Ruling| as_wide_as(r, rule, size);
            let above = block.iter().take_while(|l| l.cy() < rule.pos).count();
            let below = above + block[above..].iter().position(Line::is_tabular)?;
            let between = &block[above..below];
            let closes =
                (rules_across(&block, rules).iter()).any(|r| r.pos < block[0].cy() && as_wide(r));
            let again = (inside.iter()).any(|r| r.pos > rule.pos && as_wide(r));
            (closes
                && !again
                && !between.is_empty()
                && between.iter().all(|l| !l.is_tabular() && a_sentence(l))
                && columns(&block[..above]) >= 2
                && columns(&block[below..]) >= 2)
                .then_some((above, below))
        })
    });
    let Some((above, below)) = part else {
        return vec![block];
    };
    let rest = block[below..].to_vec();
    let mut out = vec![block[..above].to_vec()];
    out.extend(apart_at_two_tables_rules(rest, rules));
    out
}

/// A block with the lines boxed between two rules just above it put back
/// on top: a booktabs header (top rule, headings, the rule under them),
/// whose headings set midway beside a heading of two lines interleave
/// into lines no line of columns holds, so that `blocks` leaves them out.
/// Only a few lines, inside the block's width, none a title across it,
/// under a rule as wide as the one under them, which stands right over
/// the block.
fn with_header_between_rules(block: Vec<Line>, lines: &[Line], rules: &[Ruling]) -> Vec<Line> {
    let Some(first) = block.first() else {
        return block;
    };
    let across = rules_across(&block, rules);
    let x0 = block_left(&block);
    let x1 = block_right(&block);
    let above = |y: f32| (across.iter()).filter(move |r| r.pos < y);
    let Some(under_header) = above(first.bbox.y0).max_by(|a, b| a.pos.total_cmp(&b.pos)) else {
        return block;
    };
    // Labels of the first column may stand between the header and the
    // first line of columns (a note of the unit, a first group's label).
    let mut labels: Vec<&Line> = (lines.iter())
        .filter(|l| l.cy() > under_header.pos && l.bbox.y1 <= first.bbox.y0)
        .collect();
    if first.bbox.y0 - under_header.pos <= HEADER_RULE_EM * first.size {
        labels.clear();
    } else if !labels_under_a_header(&labels, under_header.pos, &block) {
        return block;
    }
    let same_width = |r: &&&Ruling| as_wide_as(r, under_header, first.size);
    let Some(top) =
        (above(under_header.pos).filter(same_width)).max_by(|a, b| a.pos.total_cmp(&b.pos))
    else {
        return block;
    };
    let header: Vec<&Line> = (lines.iter())
        .filter(|l| l.cy() > top.pos && l.cy() < under_header.pos)
        .collect();
    // Headings: inside the block's width, each line short or in pieces (a
    // title or a caption runs on across the columns in one piece).
    let inside = header.iter().all(|l| {
        l.bbox.y0 >= top.pos - 1.0
            && l.bbox.x0 >= x0 - first.size
            && l.bbox.x1 <= x1 + first.size
            && (l.is_tabular() || l.bbox.width() <= HEADING_WIDTH * (x1 - x0))
    });
    if header.is_empty() || header.len() > MAX_HEADER_BETWEEN_RULES || !inside {
        return block;
    }
    (header.into_iter().chain(labels).cloned())
        .chain(block)
        .collect()
}

/// Whether `labels`, between the rule under a header (at `rule`) and the
/// first line of `block`, are rows of the block's first column alone: a
/// few, each one segment flush with the block's left that ends short of
/// its second column, standing no further apart, from the rule down to
/// the block, than its rows do (by half an em).
fn labels_under_a_header(labels: &[&Line], rule: f32, block: &[Line]) -> bool {
    let Some(first) = block.first() else {
        return false;
    };
    let size = first.size;
    let x0 = block_left(block);
    let second =
        (block.iter().filter_map(|l| l.segments.get(1))).fold(f32::INFINITY, |m, s| m.min(s.x0));
    let reach = row_gap(block) + LOOSE_SLACK_EM * size;
    let tops = labels.iter().map(|l| l.bbox.y0).chain([first.bbox.y0]);
    let bottoms = [rule].into_iter().chain(labels.iter().map(|l| l.bbox.y1));
    !labels.is_empty()
        && labels.len() <= MAX_HEADER_BETWEEN_RULES
        && (labels.iter()).all(|l| {
            l.segments.len() == 1
                && (l.bbox.x0 - x0).abs() < WRAP_ALIGN_EM * size
                && l.bbox.x1 < second
        })
        && tops.zip(bottoms).all(|(top, bottom)| top - bottom <= reach)
}

/// See `with_header_between_rules`: how far (em) above a block's first
/// line the rule under its header stands at most.
const HEADER_RULE_EM: f32 = 1.5;

/// See `with_header_between_rules`: the share of the block's width a
/// heading of one piece spans at most.
const HEADING_WIDTH: f32 = 0.5;

/// See `with_header_between_rules`: the most lines a header boxed
/// between rules has.
const MAX_HEADER_BETWEEN_RULES: usize = 4;

/// True when a block of two or three lines is lines of a paragraph beside
/// a note (a running head or a side note in the margin, a figure's label):
/// running text wraps across every boundary of the block, in a text column
/// whose running text goes on tight above or below it. (`table_from_block`
/// reads longer blocks so; two lines alone say too little.)
fn a_paragraph_beside_a_note(block: &[Line], lines: &[Line]) -> bool {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return false;
    };
    if block.len() > 3 {
        return false;
    }
    let runs: Vec<Vec<Run>> = block.iter().map(word_runs).collect();
    let rows: Vec<Vec<usize>> = (0..block.len()).map(|k| vec![k]).collect();
    let breaks = running_text_breaks(block, &runs, &rows);
    if breaks.iter().any(|b| b.is_empty()) {
        return false;
    }
    let at = |line: &Line| lines.iter().position(|l| l.bbox == line.bbox);
    let (Some(i), Some(j)) = (at(first), at(last)) else {
        return false;
    };
    let tight = |a: &Line, b: &Line| b.bbox.y0 - a.bbox.y1 < 0.5 * a.size.max(b.size);
    let above = (i > 0 && tight(&lines[i - 1], first)).then(|| &lines[i - 1]);
    let below = lines.get(j + 1).filter(|next| tight(last, next));
    // Running text in a wrapped column, a first-line indent apart at most.
    let goes_on = |line: &Line| {
        word_runs(line).iter().any(|run| {
            prose_words(line, run) >= MIN_RUNNING_WORDS
                && (breaks.iter().flatten()).any(|&x| (run.x0 - x).abs() <= INDENT_EM * line.size)
        })
    };
    above.into_iter().chain(below).any(goes_on)
}

/// Words (split at spaces and at gaps) grouped into page lines, top to
/// bottom; text set sideways is left out (see `set_sideways`).
fn page_lines(chars: &[&TextChar]) -> Vec<Line> {
    let sideways = set_sideways(chars);
    // Words per structured-text line.
    let mut by_line: Vec<(u32, Vec<Word>, f32)> = Vec::new();
    let mut last: Option<&TextChar> = None;
    for &ch in chars
        .iter()
        .filter(|c| sideways.binary_search(&c.line).is_err())
    {
        let new_line = last.is_none_or(|l| l.line != ch.line);
        if new_line {
            by_line.push((ch.line, Vec::new(), ch.size));
        }
        let (_, words, size) = by_line.last_mut().expect("pushed above");
        *size = size.max(ch.size);
        if ch.c.is_whitespace() {
            last = Some(ch);
            continue;
        }
        let gap_breaks = last.is_some_and(|l| {
            l.line == ch.line
                && (l.c.is_whitespace()
                    || ch.bbox.x0 - l.bbox.x1 > 0.3 * ch.size
                    || ch.bbox.x1 < l.bbox.x0)
        });
        match words.last_mut() {
            Some(w) if !new_line && !gap_breaks => {
                w.bbox = w.bbox.union(&ch.bbox);
                w.text.push(ch.c);
                let [narrowest, widest] = &mut w.char_widths;
                *narrowest = narrowest.min(ch.bbox.width());
                *widest = widest.max(ch.bbox.width());
            }
            _ => words.push(Word {
                bbox: ch.bbox,
                text: ch.c.to_string(),
                piece: ch.line,
                size: 0.0, // the line's, once read whole
                char_widths: [ch.bbox.width(); 2],
            }),
        }
        last = Some(ch);
    }
    let mut pieces: Vec<(Rect, Vec<Word>, f32)> = by_line
        .into_iter()
        .filter(|(_, w, _)| !w.is_empty())
        .map(|(_, mut words, size)| {
            words.iter_mut().for_each(|w| w.size = size);
            let bbox = words
                .iter()
                .skip(1)
                .fold(words[0].bbox, |b, w| b.union(&w.bbox));
            (bbox, words, size)
        })
        .collect();
    pieces.sort_by(|a, b| (a.0.y0 + a.0.y1).total_cmp(&(b.0.y0 + b.0.y1)));

    // Pieces on one baseline (they overlap vertically, not horizontally) are one line.
    let mut lines: Vec<Line> = Vec::new();
    for (bbox, words, size) in pieces {
        let joins = lines.iter_mut().rev().take(4).find(|l| {
            let overlap = l.bbox.y1.min(bbox.y1) - l.bbox.y0.max(bbox.y0);
            let min_h = l.bbox.height().min(bbox.height());
            let apart = !l
                .words
                .iter()
                .any(|w| w.bbox.x0 < bbox.x1 && w.bbox.x1 > bbox.x0);
            overlap >= 0.5 * min_h && apart
        });
        match joins {
            Some(l) => {
                l.bbox = l.bbox.union(&bbox);
                l.words.extend(words);
                l.size = l.size.max(size);
            }
            None => lines.push(Line {
                words,
                segments: Vec::new(),
                bbox,
                size,
            }),
        }
    }
    for line in &mut lines {
        line.words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        line.segments = segments(&line.words, line.size);
    }
    lines.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    lines
}

/// Whether `line`, no line of columns, runs out more than an em past the
/// lines of columns among `above` on either side: running text, no row of
/// theirs.
fn runs_out_past_the_rows(line: &Line, above: &[&Line]) -> bool {
    let rows = || above.iter().filter(|l| l.is_tabular());
    let x0 = rows().fold(f32::INFINITY, |x, l| x.min(l.bbox.x0));
    let x1 = rows().fold(f32::NEG_INFINITY, |x, l| x.max(l.bbox.x1));
    !line.is_tabular()
        && x0 < x1
        && (line.bbox.x0 < x0 - line.size || line.bbox.x1 > x1 + line.size)
}

/// Lines whose cells are set a word space apart (a typewriter font's
/// columns, a long label run up to the next column) are one segment, no line
/// of columns: such a line is parted where the line of columns just above it
/// is, when each of that line's gaps holds one of its word gaps and every
/// piece but the first lines up with cells of the lines of columns above
/// (starts, ends or centres with two of them). Lines are taken top down, so
/// a parted line is a row above for the next. A cell run into the next is
/// parted by the rows above and, under a header, below it too (see
/// `a_cell_run_into_the_one_before`).
fn part_like_the_rows_above(mut lines: Vec<Line>) -> Vec<Line> {
    for i in 1..lines.len() {
        let (above, rest) = lines.split_at_mut(i);
        let (line, after) = rest.split_first_mut().expect("i < len");
        // The lines of columns above, nearest first, one close under the
        // next, up to a line of running text set out past them (a
        // paragraph between a table and the next goes on in this line), as
        // many as `blocks` holds back, past the lines of a cell wrapped
        // under the nearest.
        let mut next_to: &Line = line;
        let mut chain: Vec<&Line> = Vec::new();
        let mut wrapped = 0;
        for l in above.iter().rev() {
            if !close_enough(l, next_to) {
                break;
            }
            if wrapped == chain.len() && !l.is_tabular() && wrapped < MAX_WRAPPED_LINES {
                wrapped += 1;
            } else if chain.len() - wrapped == MAX_HELD_LINES {
                break;
            }
            chain.push(l);
            next_to = l;
        }
        if let Some(k) =
            (0..chain.len()).find(|&k| runs_out_past_the_rows(chain[k], &chain[k + 1..]))
        {
            chain.truncate(k);
        }
        let rows: Vec<&Line> = chain.into_iter().filter(|l| l.is_tabular()).collect();
        let Some(&row) = rows.first() else {
            continue;
        };
        if line.size > RUN_TOGETHER_SIZE * row.size || row.size > TITLE_OVER_TEXT * line.size {
            continue;
        }
        // The lines of columns below, nearest first, one close under the
        // next (none of another table set under this one).
        let mut next_to: &Line = line;
        let below: Vec<&Line> = (after.iter().take(MAX_HELD_LINES))
            .take_while(|l| close_enough(std::mem::replace(&mut next_to, l), l))
            .filter(|l| l.is_tabular() && !another_tables_line(l, &rows))
            .collect();
        // Parted under the rows above where a line of columns is next below,
        // unless the line is one already: a note set under a table is no
        // row, however its words fall (a typewriter font's fall on its grid).
        // A last row is one where it keeps the rows' rhythm and figures of
        // it stand as figures above do (a note's words fall so by chance at
        // most).
        let row_below =
            (below.first()).is_some_and(|&l| after.first().is_some_and(|a| std::ptr::eq(l, a)));
        // A line of text set out past the rows on both sides is none of
        // them (a paragraph between two tables), however its words fall.
        if !line.is_tabular() && out_past_both_sides(line, &rows) {
            continue;
        }
        if row.segments.len() >= 3 {
            if let Some(parts) = parts_under(&rows, line) {
                if row_below || line.is_tabular() || a_last_row_in_step(&rows, line) {
                    line.segments = parts;
                }
            }
        }
        // (A title set larger than the header under it is no row run
        // together, whatever rows stand above it.)
        let over_smaller = (below.first()).is_some_and(|l| line.size > RUN_TOGETHER_SIZE * l.size);
        if over_smaller {
            continue;
        }
        if let Some(parts) = a_cell_run_into_the_one_before(&rows, &below, line) {
            line.segments = parts;
        }
    }
    lines
}

/// Whether `line` reaches out past every one of `rows` by an em on the
/// left and on the right.
fn out_past_both_sides(line: &Line, rows: &[&Line]) -> bool {
    let x0 = rows.iter().fold(f32::INFINITY, |x, l| x.min(l.bbox.x0));
    let x1 = rows.iter().fold(f32::NEG_INFINITY, |x, l| x.max(l.bbox.x1));
    line.bbox.x0 < x0 - line.size && line.bbox.x1 > x1 + line.size
}

/// The segments of `line` with a cell parted from the words before it in
/// the same segment, set closer to them than a column gap (a printout's
/// columns sized to their text):
/// - the widest figure of a column set right, run up to the label beside
///   it: parted before the segment's last word, a figure flush right with
///   two figures of the lines of columns `rows` above (nearest first), a
///   word space at least after the words before it;
/// - ideographs run up to words of letters or figures, or those up to
///   ideographs (a long Chinese label beside an English one): parted where
///   the script changes, the text after it flush left with two cells of
///   the lines above;
/// - a cell run into by the widest of the column before it: parted at a
///   space wider than any word space inside the cells of the line and of
///   the lines around (not one where words of two other lines start or end:
///   in a printout whose columns all run into each other, that is a
///   column's edge), the text after it set (left, right or centred) as two
///   cells of the lines above are and ending short of the next cell of
///   theirs, the text before it set as two cells of theirs are;
/// - a figure set right, run into the cell after it (a typewriter's
///   columns a space apart): parted after the segment's first word, a figure
///   ending where figures of two of the lines do (a word of theirs: their
///   own may be run into the next cell too).
///
/// Either way the space lies in a gap between two cells of the nearest of
/// the lines of columns `above` (nearest first) with cells on both sides of
/// it (a row above may have that cell empty), and the words before it reach
/// into the cell left of the gap. Where that line is the one just above
/// (the first row under a header, whose cells are often set otherwise than
/// its column's, centred over it), the lines of columns `below` count as
/// well as those above for where cells are set; further down, those of them
/// with cells on both sides of the gap. `None` when no segment is so.
fn a_cell_run_into_the_one_before(
    above: &[&Line],
    below: &[&Line],
    line: &Line,
) -> Option<Vec<Segment>> {
    let words = &line.words;
    let tol = WRAP_ALIGN_EM * line.size;
    // Two of `rows`' cells ending there in a figure: a column set right.
    let figures_set_right_at = |rows: &[&Line], at: f32| {
        (rows.iter())
            .filter(|r| {
                r.segments
                    .iter()
                    .any(|s| (s.x1 - at).abs() < tol && is_number(&r.words[s.words.end - 1].text))
            })
            .count()
            >= 2
    };
    // Two of `rows` with a word that is a figure ending there.
    let figures_end_at = |rows: &[&Line], at: f32| {
        (rows.iter())
            .filter(|r| {
                (r.words.iter()).any(|w| (w.bbox.x1 - at).abs() < tol && is_number(&w.text))
            })
            .count()
            >= 2
    };
    let mut breaks = segment_breaks(line);
    let before_count = breaks.len();
    for joined in line.segments.iter().filter(|s| s.words.len() >= 2) {
        let (first, last) = (joined.words.start, joined.words.end - 1);
        let figure = &words[last];
        // Each gap the segment runs over, from a cell its first word starts
        // in, of the nearest row above with cells on both sides of it: the
        // gap, and where the row's next cell after the gap starts.
        let crossed = |row: &Line| -> Vec<([f32; 2], f32)> {
            (0..row.segments.len().saturating_sub(1))
                .filter(|&k| {
                    let (a, b) = (&row.segments[k], &row.segments[k + 1]);
                    words[first].bbox.x0 < a.x1 && b.x0 < words[last].bbox.x1
                })
                .map(|k| {
                    let next = row.segments.get(k + 2).map_or(f32::INFINITY, |s| s.x0);
                    ([row.segments[k].x1, row.segments[k + 1].x0], next)
                })
                .collect()
        };
        let Some((nearest, gaps)) =
            (above.iter().map(|r| crossed(r)).enumerate()).find(|(_, g)| !g.is_empty())
        else {
            continue;
        };
        // Under the first row, every line below counts as well; further
        // down, those that have cells on both sides of a gap it runs over
        // too (in a table of wrapped cells, few lines just above have a
        // cell in that column).
        let rows: Vec<&Line> = (above.iter())
            .chain(
                below
                    .iter()
                    .filter(|r| nearest == 0 || !crossed(r).is_empty()),
            )
            .copied()
            .collect();
        let rows = &rows[..];
        // Set in a font whose letters differ in width: its space is far
        // narrower than a typewriter's.
        let with_line: Vec<&Line> = rows.iter().copied().chain([line]).collect();
        let proportional = || set_in_a_proportional_font(with_line.iter().copied());
        // The widest word space inside the cells of the lines around, and
        // the line's own word spaces (one of them is the space tried):
        // worked out once, when first asked.
        let word_spaces = std::cell::OnceCell::new();
        let word_spaces = || {
            word_spaces.get_or_init(|| {
                let around = (rows.iter())
                    .flat_map(|r| {
                        word_spaces_in_cells(r, &with_line, tol)
                            .map(|k| r.words[k].bbox.x0 - r.words[k - 1].bbox.x1)
                    })
                    .reduce(f32::max);
                let own: Vec<usize> = word_spaces_in_cells(line, &with_line, tol).collect();
                (around, own)
            })
        };
        for (pair, next) in gaps {
            // The space before word `j` in that gap.
            let in_gap =
                |j: usize| words[j - 1].bbox.x1.max(pair[0]) < words[j].bbox.x0.min(pair[1]);
            let space = |j: usize| words[j].bbox.x0 - words[j - 1].bbox.x1;
            let set_left = |j: usize| {
                let start = (breaks.iter().copied())
                    .filter(|&b| b < j)
                    .max()
                    .unwrap_or(0);
                let before_x1 =
                    (words[start..j].iter()).fold(f32::NEG_INFINITY, |x, w| x.max(w.bbox.x1));
                // Wider than any word space of the line or of the cells
                // around (a paragraph's words, justified, are all as far
                // apart); with none to go by, than a typewriter's space.
                let (around, own) = word_spaces();
                let widest_word_space = (own.iter().filter(|&&k| k != j).map(|&k| space(k)))
                    .chain(*around)
                    .reduce(f32::max);
                let wide = match widest_word_space {
                    Some(w) => space(j) > RUN_IN_OVER_SPACE * w,
                    None if proportional() => {
                        space(j) > RUN_IN_OVER_SPACE * WIDEST_PROPORTIONAL_SPACE_EM * line.size
                    }
                    None => space(j) > MIN_RUN_IN_EM * line.size,
                };
                wide && words[last].bbox.x1 < next
                    && lines_up_with(rows, words[start].bbox.x0, before_x1, tol)
            };
            let split = if in_gap(last)
                && is_number(&figure.text)
                && space(last) >= MIN_SPACE_EM * line.size
                && figures_set_right_at(rows, figure.bbox.x1)
            {
                Some(last)
            } else if in_gap(first + 1)
                && is_number(&words[first].text)
                && space(first + 1) >= MIN_SPACE_EM * line.size
                && figures_end_at(rows, words[first].bbox.x1)
            {
                Some(first + 1)
            } else {
                // The text after the space set as cells of the column are:
                // flush left, or right, or centred (a column of statuses).
                let set_as_column = |j: usize| {
                    let end = (breaks.iter().copied())
                        .filter(|&b| b > j)
                        .min()
                        .unwrap_or(joined.words.end);
                    let x1 =
                        (words[j..end].iter()).fold(f32::NEG_INFINITY, |x, w| x.max(w.bbox.x1));
                    lines_up_with(rows, words[j].bbox.x0, x1, tol)
                };
                (first + 1..=last).find(|&j| {
                    in_gap(j)
                        && (script_changes(&words[j - 1], &words[j]) || set_left(j))
                        && set_as_column(j)
                })
            };
            breaks.extend(split);
        }
    }
    if breaks.len() == before_count {
        return None;
    }
    breaks.sort_unstable();
    breaks.dedup();
    Some(segments_at(words, &breaks))
}

/// How much wider than a word space the space before a cell set left is,
/// where the widest cell of the column before runs up to it (see
/// `a_cell_run_into_the_one_before`).
const RUN_IN_OVER_SPACE: f32 = 1.5;
/// The same without a word space to go by, in em: a typewriter font's
/// space, the widest a font has, is 0.6 em; a font whose letters differ in
/// width sets one of a quarter to a third of an em.
const MIN_RUN_IN_EM: f32 = 0.7;
const WIDEST_PROPORTIONAL_SPACE_EM: f32 = 0.35;

/// The spaces between the words of `line`'s segments that lie inside a
/// cell, each as the word after it: not where words of two other lines of
/// `rows` start or end, as at a column's edge, where a printout's columns a
/// space apart run into each other.
fn word_spaces_in_cells<'a>(
    line: &'a Line,
    rows: &'a [&'a Line],
    tol: f32,
) -> impl Iterator<Item = usize> + 'a {
    let at_an_edge = move |k: usize| {
        let (a, b) = (&line.words[k - 1], &line.words[k]);
        (rows.iter().filter(|r| !std::ptr::eq(**r, line)))
            .filter(|r| {
                (r.words.iter()).any(|w| {
                    (w.bbox.x0 - b.bbox.x0).abs() < tol || (w.bbox.x1 - a.bbox.x1).abs() < tol
                })
            })
            .count()
            >= 2
    };
    (line.segments.iter())
        .flat_map(|s| s.words.start + 1..s.words.end)
        .filter(move |&k| !at_an_edge(k))
}

/// Whether a piece of a line from `x0` to `x1` is set as two cells of the
/// lines of columns `rows` are: flush left, flush right or centred with
/// them (one might be so by chance).
fn lines_up_with(rows: &[&Line], x0: f32, x1: f32, tol: f32) -> bool {
    let above: Vec<&Segment> = (rows.iter().flat_map(|r| r.segments.iter()))
        .filter(|s| s.x0 < x1 + tol && s.x1 > x0 - tol)
        .collect();
    let flush = |edge: &dyn Fn(&Segment) -> f32, at: f32| {
        above.iter().filter(|s| (edge(s) - at).abs() < tol).count() >= 2
    };
    flush(&|s| s.x0, x0) || flush(&|s| s.x1, x1) || flush(&Segment::cx, (x0 + x1) / 2.0)
}

/// The words `line`'s segments after its first start at.
fn segment_breaks(line: &Line) -> Vec<usize> {
    (line.segments.iter().skip(1))
        .map(|s| s.words.start)
        .collect()
}

/// Whether `a` ends in ideographs and `b` starts otherwise, or the other way.
fn script_changes(a: &Word, b: &Word) -> bool {
    let ends = a.text.chars().next_back().is_some_and(is_cjk);
    let starts = b.text.chars().next().is_some_and(is_cjk);
    ends != starts
}

/// The segments of `line` parted like the lines of columns `rows` above
/// it, nearest first (see `part_like_the_rows_above`), its own segments'
/// starts kept; `None` when it does not line up.
fn parts_under(rows: &[&Line], line: &Line) -> Option<Vec<Segment>> {
    let words = &line.words;
    let tol = WRAP_ALIGN_EM * line.size;
    let mut breaks = segment_breaks(line);
    let mut parted = 0;
    for pair in rows[0].segments.windows(2) {
        let (g0, g1) = (pair[0].x1, pair[1].x0);
        if g1 <= line.bbox.x0 + tol || g0 >= line.bbox.x1 - tol {
            continue; // an empty cell of the line's
        }
        parted += 1;
        let inside = |j: &usize| words[j - 1].bbox.x1.max(g0) < words[*j].bbox.x0.min(g1);
        if line.segments.iter().skip(1).any(|s| inside(&s.words.start)) {
            continue; // parted there already
        }
        // The widest word gap of the line inside the row's gap, the last of
        // equals (a typewriter's): where the next cell's text begins.
        let gap = |j: usize| words[j].bbox.x0 - words[j - 1].bbox.x1;
        let widest = (1..words.len()).filter(inside).map(gap).reduce(f32::max)?;
        let slack = WRAP_SLACK_EM * line.size;
        let split = (1..words.len())
            .rev()
            .find(|j| inside(j) && gap(*j) >= widest - slack)?;
        // A word space at least (not letters set close), with the text
        // before it reaching into the cell left of the gap (not a cell of
        // its own inside the gap).
        let piece = (breaks.iter().copied()).filter(|&b| b < split).max();
        if gap(split) < MIN_SPACE_EM * line.size || words[piece.unwrap_or(0)].bbox.x0 >= g0 {
            return None;
        }
        breaks.push(split);
    }
    if parted < 2 {
        return None;
    }
    breaks.sort_unstable();
    breaks.dedup();
    let parts = segments_at(words, &breaks);
    // Every piece but the first set as the cells above it are: flush left,
    // flush right or centred with two of them (one might be so by chance).
    for &Segment { x0, x1, .. } in &parts[1..] {
        if !lines_up_with(rows, x0, x1, tol) {
            return None;
        }
    }
    Some(parts)
}

/// Whether `line`, parted under the lines of columns `rows` above it
/// (nearest first), is the table's last row: it stands as far under the
/// nearest as that one under the next, and two of its words at least are
/// figures ending (set right) or starting (set left) where a figure of a
/// row above does.
fn a_last_row_in_step(rows: &[&Line], line: &Line) -> bool {
    let (Some(last), Some(before)) = (rows.first(), rows.get(1)) else {
        return false;
    };
    let tol = WRAP_ALIGN_EM * line.size;
    let in_step = ((line.bbox.y0 - last.bbox.y1) - (last.bbox.y0 - before.bbox.y1)).abs()
        < RHYTHM_EM * line.size;
    let figure_above = |x0: f32, x1: f32| {
        (rows.iter().flat_map(|r| &r.words)).any(|w| {
            is_number(&w.text) && ((w.bbox.x1 - x1).abs() < tol || (w.bbox.x0 - x0).abs() < tol)
        })
    };
    let figures = (line.words.iter())
        .filter(|w| is_number(&w.text) && figure_above(w.bbox.x0, w.bbox.x1))
        .count();
    in_step && figures >= 2
}

/// The segments of `words` that start at the words `breaks` (and at the first).
fn segments_at(words: &[Word], breaks: &[usize]) -> Vec<Segment> {
    let starts = std::iter::once(0).chain(breaks.iter().copied());
    let ends = breaks.iter().copied().chain(std::iter::once(words.len()));
    starts
        .zip(ends)
        .map(|(start, end)| Segment {
            x0: words[start].bbox.x0,
            x1: (words[start..end].iter()).fold(f32::NEG_INFINITY, |x, w| x.max(w.bbox.x1)),
            words: start..end,
        })
        .collect()
}

/// The narrowest word space, in em, a line is parted at when it lines up
/// with the rows above it (a proportional font's is 0.25 to 0.3 em).
const MIN_SPACE_EM: f32 = 0.25;

/// Words of a line split into segments at gaps wider than a column gap: in
/// the em of the line, `size`, inside one structured-text line (its gaps
/// are word gaps unless wide by any measure; a recognised line's glyphs are
/// placed only roughly); between two, in the largest em of the segment so
/// far and of the next: a line may join a table's small type to a page
/// column of larger text beside it, whose em would close the table's column
/// gaps (while a paragraph's drop cap still sets its lines' em).
fn segments(words: &[Word], size: f32) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let stretched = stretched_word_space(words, size);
    // The largest em of the last segment's words.
    let mut last_em = 0.0f32;
    for (i, w) in words.iter().enumerate() {
        let em = |s: &Segment| {
            if words[s.words.end - 1].piece == w.piece {
                size
            } else {
                last_em.max(w.size)
            }
        };
        // A currency sign set apart at a column's left edge belongs to
        // the amount right-aligned after it.
        let sign_of = |s: &Segment| {
            s.words.len() == 1
                && is_currency_sign(&words[s.words.start].text)
                && is_number(&w.text)
                && w.bbox.x0 - s.x1 <= MAX_SIGN_GAP_EM * em(s)
        };
        match out.last_mut() {
            Some(s)
                if w.bbox.x0 - s.x1 <= COLUMN_GAP_EM * em(s)
                    || sign_of(s)
                    || stretched
                        .is_some_and(|space| w.bbox.x0 - s.x1 <= SENTENCE_SPACES * space) =>
            {
                s.x1 = s.x1.max(w.bbox.x1);
                s.words.end = i + 1;
                last_em = last_em.max(w.size);
            }
            _ => {
                out.push(Segment {
                    x0: w.bbox.x0,
                    x1: w.bbox.x1,
                    words: i..i + 1,
                });
                last_em = w.size;
            }
        }
    }
    out
}

/// The word space of a line of running text whose spaces are all one,
/// stretched to justify it (a typewriter face's as wide as an em, more on
/// a line of few words), where it is wider than a column gap: no column
/// parts such a line. Its gaps are all within `EVEN_SPACES` of the
/// narrowest, or twice it after a sentence's end (a typist's two spaces);
/// its words are words (a row of entries set evenly, month names over
/// columns or figures, has few or none in lower case).
fn stretched_word_space(words: &[Word], size: f32) -> Option<f32> {
    if words.len() < MIN_JUSTIFIED_WORDS {
        return None;
    }
    let gaps: Vec<f32> = (words.windows(2))
        .map(|w| w[1].bbox.x0 - w[0].bbox.x1)
        .collect();
    let space = gaps.iter().copied().fold(f32::INFINITY, f32::min);
    if !(space > 0.0 && space <= MAX_STRETCHED_SPACE_EM * size) {
        return None;
    }
    let even = (gaps.iter().zip(words)).all(|(&gap, before)| {
        gap <= EVEN_SPACES * space
            || (gap >= 1.8 * space
                && gap <= SENTENCE_SPACES * space
                && before.text.ends_with(['.', '!', '?', ':', ';', ')', ']']))
    });
    let lower = (words.iter())
        .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
        .count();
    let wide = gaps.iter().any(|&gap| gap > COLUMN_GAP_EM * size);
    (even && wide && 2 * lower >= words.len()).then_some(space)
}

/// See `stretched_word_space`: a line of this many words at least, its
/// word space at most this many em (justification stretches a line of few
/// words the most), its gaps within this factor of the narrowest, or up to
/// `SENTENCE_SPACES` times it after a sentence's end.
const MIN_JUSTIFIED_WORDS: usize = 6;
const MAX_STRETCHED_SPACE_EM: f32 = 2.0;
const EVEN_SPACES: f32 = 1.2;
const SENTENCE_SPACES: f32 = 2.4;

/// Runs of lines that may be a table: from a line of several segments to the
/// last such line, with narrow lines between them kept. Narrow lines just
/// before or after, as close as the lines of one cell, are the rest of a
/// wrapped cell and stay too.
fn blocks(lines: &[Line]) -> Vec<Vec<Line>> {
    let mut out = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    // Short lines held back, tight one under the next: a label between two
    // header lines, or the top of a wrapped cell set middle-aligned beside
    // the line of columns that follows.
    let mut pending: Vec<Line> = Vec::new();
    let close = |current: &mut Vec<Line>, out: &mut Vec<Vec<Line>>| {
        // Under a note set below the last line of columns (see
        // `a_running_foot`), the lines are its own: a note's second line,
        // the source under it.
        if let Some(k) = current.iter().rposition(Line::is_tabular) {
            if (current.get(k + 1)).is_some_and(|l| a_running_foot(l, &current[..=k])) {
                current.truncate(k + 1);
            }
        }
        while current.len() >= 2 {
            let n = current.len();
            let last = &current[n - 1];
            let foot = a_running_foot(last, &current[..n - 1]);
            if !foot
                && (last.is_tabular()
                    || tight(&current[n - 2], last)
                    || a_last_row_of_its_own(current))
            {
                break;
            }
            current.pop();
        }
        if current.iter().filter(|l| l.is_tabular()).count() >= 2 {
            out.push(std::mem::take(current));
        }
        current.clear();
    };
    // Loosely set rows (a blank line between each) may stand further
    // apart, by one blank line more, between two groups of a table.
    let far = |a: &Line, b: &Line, block: &[Line]| {
        let (gap, size) = (b.bbox.y0 - a.bbox.y1, a.size.max(b.size));
        gap > MAX_LINE_GAP_EM * size && gap > row_gap(block) + (1.0 + LOOSE_SLACK_EM) * size
    };
    for (i, line) in lines.iter().enumerate() {
        // A later column's cell set midway beside its row's label ends
        // where the next line stands clear of it: it joins the block there,
        // however many lines it has (the next row's cell may start above
        // that row's line of columns, as clear of this one).
        if pending.last().is_some_and(|held| !tight(held, line))
            && set_midway_beside_a_label(&pending, &current)
        {
            current.append(&mut pending);
            current.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0)); // (in reading order)
        }
        // Held lines bridge the gap from the block to a line tight under
        // them: one more held back, or a line of columns with a cell but its
        // first that they all start flush with, or beside which they all
        // start where the block's later columns do (a wrapped cell going on
        // or set midway, not a caption or a title's lines); and a label
        // alone between two rows of a loosely set table, in their rhythm,
        // or labels alone under its header, and the next label alone in
        // their rhythm before the line of columns that tells; no other.
        // (Those since the block's last line of columns: the first may have
        // fitted inside the block.)
        let labels_alone = (current.iter().rposition(Line::is_tabular)).is_some_and(|k| {
            let held: Vec<&Line> = current[k + 1..].iter().chain(&pending).collect();
            labels_of_their_own(&held, &current[k], line)
        });
        let next_label = pending.last().is_some_and(|held| {
            (pending.iter().rev().nth(1).or(current.last()))
                .is_some_and(|before| the_next_label_alone(before, held, line))
        });
        let held = pending.last().filter(|held| {
            (tight(held, line)
                && (!line.is_tabular()
                    || (pending.iter()).all(|l| {
                        starts_a_later_cell(l, line) || starts_a_later_column(l, &current)
                    })))
                || current
                    .last()
                    .is_some_and(|prev| a_row_of_its_own(held, prev, line))
                || labels_alone
                || next_label
                // A label of the stub between a header and its rows, close
                // to both (a statement's section, set out a level).
                || (pending.len() == 1
                    && a_stub_label(held, line)
                    && close_enough(held, line)
                    && current.last().is_some_and(|prev| close_enough(prev, held)))
        });
        if (held.or(current.last())).is_some_and(|prev| far(prev, line, &current)) {
            pending.clear();
            close(&mut current, &mut out);
        }
        if line.is_tabular() && pending.is_empty() && another_tables_line(line, &current) {
            close(&mut current, &mut out);
        }
        // A sentence set smaller than the rows since the block's last line
        // of columns, held or taken in: the page's text between two tables
        // (a note under the table, where no table follows, stays as it is).
        if line.is_tabular()
            && current.iter().rposition(Line::is_tabular).is_some_and(|k| {
                let (rows, since) = current.split_at(k + 1);
                (since.iter().chain(&pending))
                    .any(|l| a_sentence_set_smaller_than_the_rows(l, rows))
            })
        {
            pending.clear();
            close(&mut current, &mut out);
        }
        if line.is_tabular() {
            // A short line held back (a label set between two header lines)
            // joins the block when a line of columns follows it closely;
            // lines held back join it when they run tight down into that
            // line, within its width (the top of its wrapped cell).
            if let (Some(first), Some(last)) = (pending.first(), pending.last()) {
                let near = current.last().is_some_and(|prev| close_enough(prev, first));
                let label = pending.len() == 1
                    && close_enough(last, line)
                    && (is_short(last)
                        || starts_a_later_cell(last, line)
                        || a_stub_label(last, line));
                let cell_top = pending.windows(2).all(|w| tight(&w[0], &w[1]))
                    && tight(last, line)
                    && (pending.iter()).all(|l| in_a_cell_of(l, line));
                // The top of a later column's cell set middle-aligned,
                // taller than the row's other cells: its lines interleave
                // with the line of columns, which runs beside them (it
                // reaches no further than the columns before theirs). They
                // start where a later cell of the row above does, or under
                // a later heading centred over them.
                let interleaved =
                    (current.iter().rev().find(|l| l.is_tabular())).is_some_and(|row| {
                        let later =
                            |l: &Line| starts_a_later_cell(l, row) || under_a_later_heading(l, row);
                        pending.windows(2).all(|w| tight(&w[0], &w[1]))
                            && last.bbox.y1 > line.bbox.y0
                            && (pending.iter()).all(|l| later(l) && l.bbox.x0 > line.bbox.x1)
                    });
                let beside_a_label = set_midway_beside_a_label(&pending, &current);
                // A row set as one segment between two rows, in their
                // rhythm (see `a_row_of_its_own`).
                let row = (pending.len() == 1
                    && (current.last()).is_some_and(|prev| a_row_of_its_own(last, prev, line)))
                    || labels_alone;
                if near && (label || cell_top || interleaved || beside_a_label || row) {
                    current.append(&mut pending);
                    // In reading order: a label, or a line fitting inside
                    // the block, came in while they were held.
                    current.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
                } else if pending.len() > 1
                    || !is_short(last)
                    || current.last().is_some_and(|prev| far(prev, line, &current))
                {
                    // Lines of text between two tables part them.
                    close(&mut current, &mut out);
                }
                pending.clear();
            }
            if current.is_empty() {
                // Pull in the narrow lines tight above: the top of a wrapped
                // cell (a last column's may reach past the line's end).
                let mut start = i;
                while start > 0
                    && !lines[start - 1].is_tabular()
                    && tight(&lines[start - 1], &lines[start])
                {
                    start -= 1;
                }
                // Unless they are all a cell wrapped round the line, the
                // lines from the last not in its cells are not the table's,
                // nor those above them; under such a line, those over one
                // cell of it alone, not flush with it, are (a title set
                // tight over a header whose deepest column title tops the
                // others: that title's top lines; a heading over several
                // columns stays out, as do the title's last lines).
                let first = &lines[start..i];
                // (A title set larger than the line, from where its first
                // cell starts or further left, is none of its cells.)
                let a_title = |l: &Line| {
                    l.size > LARGER_THAN_ROWS * line.size && l.bbox.x0 <= line.bbox.x0 + l.size
                };
                let over_one_cell = |l: &Line| {
                    (line.segments.iter())
                        .filter(|s| s.x0 < l.bbox.x1 && s.x1 > l.bbox.x0)
                        .count()
                        == 1
                };
                // (A column title's top line centred over a narrower line
                // of it, which runs on centred under the line, is in that
                // cell, whatever cell it is: its title is wrapped deeper
                // than the rest.)
                let centred_on =
                    |s: &Segment, cx: f32| (s.cx() - cx).abs() < WRAP_ALIGN_EM * line.size;
                let centred_over_one_cell = |l: &Line| {
                    let cx = (l.bbox.x0 + l.bbox.x1) / 2.0;
                    let runs_on = |s: &Segment| {
                        (lines.get(i + 1)).is_some_and(|below| {
                            tight(line, below)
                                && below.segments.iter().any(|b| centred_on(b, s.cx()))
                        })
                    };
                    l.segments.len() == 1
                        && over_one_cell(l)
                        && (line.segments.iter()).any(|s| centred_on(s, cx) && runs_on(s))
                };
                let in_its_cells = |l: &Line| {
                    (in_a_cell_of(l, line) || centred_over_one_cell(l))
                        && !a_title_over(l, line)
                        && !a_title(l)
                };
                let wrapped_round = (lines.get(i + 1))
                    .is_some_and(|below| a_cell_wrapped_round(first, line, below));
                let from = match first.iter().rposition(|l| !in_its_cells(l)) {
                    Some(_) if wrapped_round => 0,
                    Some(k) => {
                        let title = &first[k];
                        let headers = (first[k + 1..].iter().rev()).take_while(|l| {
                            over_one_cell(l)
                                && (l.bbox.x0 - title.bbox.x0).abs() >= WRAP_ALIGN_EM * l.size
                        });
                        first.len() - headers.count()
                    }
                    None => 0,
                };
                current.extend(first[from..].iter().cloned());
            }
            current.push(line.clone());
        } else if !current.is_empty()
            && !a_sentence_set_larger_than_the_rows(line, &current)
            && (fits_inside(line, &current)
                || continues_a_cell(line, &current)
                || a_wide_label_in_the_rhythm(line, &current))
        {
            current.push(line.clone());
        } else if !current.is_empty()
            && (pending.last().is_none_or(|held| tight(held, line)) || next_label)
            // (However many lines of a cell wrapping in a later column.)
            && (pending.len() < MAX_HELD_LINES
                || (pending.iter().chain([line])).all(|l| starts_a_later_column(l, &current)))
            && (is_short(line)
                // However long, a line left of the figures (a statement's
                // section, `Cash flows from operating activities`): whether
                // it is a label of the stub, the row under it tells.
                || (current.iter().rev().find(|l| l.is_tabular()))
                    .is_some_and(|row| ends_left_of_the_figures(line, row))
                // However long, a line that starts in a later column than
                // the first may be a wrapped cell's top (under the last
                // lines of the cell above it, or under a header centred
                // over it).
                || (current.iter().rev().find(|l| l.is_tabular()))
                    .is_some_and(|row| beside_the_first_cell(line, row))
                // Or one that starts flush with the last row, reaches into
                // two of its cells at least and ends within the block: a
                // row whose cells run together (see `a_row_of_its_own`),
                // not the lines of a long first cell.
                || (current.last()).is_some_and(|prev| {
                    let reaches = |s: &&Segment| s.x0 < line.bbox.x1 && s.x1 > line.bbox.x0;
                    prev.is_tabular()
                        && starts_under_first_cell(line, prev)
                        && prev.segments.iter().filter(reaches).count() >= 2
                        && line.bbox.x1 <= block_right(&current) + line.size
                }))
        {
            pending.push(line.clone());
        } else {
            pending.clear();
            close(&mut current, &mut out);
        }
    }
    close(&mut current, &mut out);
    out
}

/// Whether `b` runs tight under `a`, as the lines of one cell do.
fn tight(a: &Line, b: &Line) -> bool {
    b.bbox.y0 - a.bbox.y1 < 0.5 * a.size.max(b.size)
}

/// Whether the lines `held`, each tight under the one before, are a later
/// column's cell set midway in a row that has no line of columns: each
/// starts where a later column of `block` does, and the row's label, taken
/// into `block` since its last line of columns, stands left of them
/// between their first line and their last (an odd line set midway beside
/// an even number, the cells between empty).
fn set_midway_beside_a_label(held: &[Line], block: &[Line]) -> bool {
    let (Some(first), Some(last)) = (held.first(), held.last()) else {
        return false;
    };
    held.windows(2).all(|w| tight(&w[0], &w[1]))
        && (held.iter()).all(|l| starts_a_later_column(l, block))
        && (block.iter().rev())
            .take_while(|l| !l.is_tabular())
            .any(|l| {
                l.bbox.x1 < first.bbox.x0.min(last.bbox.x0)
                    && l.cy() > first.bbox.y0
                    && l.cy() < last.bbox.y1
            })
}

/// Whether `held`, set between two lines of columns `prev` and `next`, is a
/// row set as one segment (its cells but the first empty, or all a word
/// space apart): it starts flush with the first cell of `next`, and of
/// `prev` or under it (a header centred over its first word, or over its
/// words short of `next`'s second cell: the column's widest entry, a
/// narrow gap short of the next column), and keeps their rhythm, as far
/// below `prev` as `next` is below it. (Not between lines that start with
/// a list's marks: a heading between a numbered heading and a bullet is an
/// outline's.)
fn a_row_of_its_own(held: &Line, prev: &Line, next: &Line) -> bool {
    let above = held.bbox.y0 - prev.bbox.y1;
    let below = next.bbox.y0 - held.bbox.y1;
    prev.is_tabular()
        && next.is_tabular()
        && held.segments.len() == 1
        && (starts_under_first_cell(held, prev) || headed_in_the_first_column(held, prev, next))
        && starts_with_first_cell(held, next)
        && (above - below).abs() < RHYTHM_EM * held.size
        && below <= MAX_LINE_GAP_EM * held.size
}

/// Whether the lines `held`, set between two lines of columns `prev` and
/// `next`, are rows with only their label (a spreadsheet's blank amounts):
/// each starts flush with the first cell of `next` and ends short of its
/// second, `prev`'s first cell stands over that column too (a header
/// centred over it), and all keep one rhythm from `prev` down to `next`.
fn labels_of_their_own(held: &[&Line], prev: &Line, next: &Line) -> bool {
    let (Some(first), Some(second)) = (prev.segments.first(), next.segments.get(1)) else {
        return false;
    };
    let mut gaps = std::iter::once(prev)
        .chain(held.iter().copied())
        .zip(held.iter().copied().chain([next]))
        .map(|(a, b)| b.bbox.y0 - a.bbox.y1);
    let Some(gap) = gaps.next() else {
        return false;
    };
    let size = next.size;
    prev.is_tabular()
        && next.is_tabular()
        && !held.is_empty()
        && first.x0 >= next.bbox.x0 - WRAP_ALIGN_EM * size
        && first.x1 < second.x0
        && (held.iter()).all(|h| {
            h.segments.len() == 1 && starts_with_first_cell(h, next) && h.bbox.x1 < second.x0
        })
        && gap <= MAX_LINE_GAP_EM * size
        && gaps.all(|g| (g - gap).abs() < RHYTHM_EM * size)
}

/// Whether `line`, a label alone, follows the label alone `held` flush
/// with it, as far below it as `held` stands below the line `before` it:
/// the next of the rows with only their label under a header (whether
/// they are, `labels_of_their_own` tells once a line of columns follows).
fn the_next_label_alone(before: &Line, held: &Line, line: &Line) -> bool {
    let size = line.size;
    let above = held.bbox.y0 - before.bbox.y1;
    let below = line.bbox.y0 - held.bbox.y1;
    held.segments.len() == 1
        && line.segments.len() == 1
        && (line.bbox.x0 - held.bbox.x0).abs() < WRAP_ALIGN_EM * size
        && (above - below).abs() < RHYTHM_EM * size
        && close_enough(held, line)
}

/// Whether `held` starts flush with the first cell of the line of columns
/// `of`, and `of` does not start with a list's mark.
fn starts_with_first_cell(held: &Line, of: &Line) -> bool {
    (of.bbox.x0 - held.bbox.x0).abs() < WRAP_ALIGN_EM * held.size && !starts_with_a_list_mark(of)
}

/// Whether `held` starts flush with the first cell of the line of columns
/// `of`, or that cell stands over its first word, within it (a header
/// centred over the first column, whose entry here is its widest).
fn starts_under_first_cell(held: &Line, of: &Line) -> bool {
    let tol = WRAP_ALIGN_EM * held.size;
    let under = (of.segments.first().zip(held.words.first()))
        .is_some_and(|(cell, word)| cell.x0 >= word.bbox.x0 - tol && cell.x1 <= word.bbox.x1 + tol);
    starts_with_first_cell(held, of) || (under && !starts_with_a_list_mark(of))
}

/// Whether the first cell of the line of columns `prev` (a header) stands
/// over `held`'s words that end short of the second cell of `next`, within
/// them: `held`'s entry in the first column, however many words, centred
/// under its heading.
fn headed_in_the_first_column(held: &Line, prev: &Line, next: &Line) -> bool {
    let (Some(heading), Some(second)) = (prev.segments.first(), next.segments.get(1)) else {
        return false;
    };
    // (Some before them, and some after, in a later column.)
    let Some(n) = (held.words.iter())
        .position(|w| w.bbox.x1 >= second.x0)
        .filter(|&n| n > 0)
    else {
        return false;
    };
    let (start, end) = (&held.words[0], &held.words[n - 1]);
    let tol = WRAP_ALIGN_EM * held.size;
    heading.x0 >= start.bbox.x0 - tol
        && heading.x1 <= end.bbox.x1 + tol
        && !starts_with_a_list_mark(prev)
}

/// Whether `line` starts with a list's mark (a bullet, an item number).
fn starts_with_a_list_mark(line: &Line) -> bool {
    line.words.first().is_some_and(|w| is_list_mark(&w.text))
}

/// Whether the last line of `block` is a row whose cells but one are
/// empty, as is each line after the block's last line of columns `prev`
/// (the last rows of a spreadsheet may have only their label, a total only
/// its figure): each one segment set as large as the rows above, a label
/// (short or in the first column, see `in_the_first_column`) aligned with
/// their first cells or a cell in a later column (`a_cell_of_its_own`),
/// and one under another as far apart as `prev` is below the row `before`
/// it, a line of columns or a label alone too (a note set under a table
/// stands further off, or smaller; one that keeps the rows' rhythm is told
/// by its words later).
fn a_last_row_of_its_own(block: &[Line]) -> bool {
    let Some(k) = block.iter().rposition(Line::is_tabular) else {
        return false;
    };
    let (Some(before), prev, held) = (
        k.checked_sub(1).map(|j| &block[j]),
        &block[k],
        &block[k + 1..],
    ) else {
        return false;
    };
    let rhythm = prev.bbox.y0 - before.bbox.y1;
    let in_rhythm = (std::iter::once(prev).chain(held))
        .zip(held)
        .all(|(a, b)| (b.bbox.y0 - a.bbox.y1 - rhythm).abs() < RHYTHM_EM * b.size);
    // Where the shortest label of the lines of columns ends.
    let labels_end = (block.iter().filter(|l| l.is_tabular()))
        .map(|l| l.segments[0].x1)
        .fold(f32::INFINITY, f32::min);
    let label = |h: &Line| {
        (is_short(h) || in_the_first_column(h, prev))
            && aligned_with_the_first_cell(h, prev)
            && aligned_with_the_first_cell(h, before)
    };
    !held.is_empty()
        && in_rhythm
        && (held.iter()).all(|h| {
            h.segments.len() == 1
                && h.size >= LAST_ROW_SIZE * prev.size
                && (label(h)
                    || (a_cell_of_its_own(h, prev, labels_end)
                        && a_cell_of_its_own(h, before, labels_end)))
        })
}

/// Whether the one segment of `line` is set in a later column than the
/// labels, which end at `labels_end` at the least: flush with a cell of the
/// line of columns `row` on the left or the right, or centred on it, and
/// clear of the cells beside that one. (Under the labels, a label: a
/// chart's tick values set right under the lines of its legend are none.)
/// The row's first cell may be such a cell, its label empty.
fn a_cell_of_its_own(line: &Line, row: &Line, labels_end: f32) -> bool {
    let [seg] = &line.segments[..] else {
        return false;
    };
    let tol = WRAP_ALIGN_EM * line.size;
    let cells = &row.segments;
    (0..cells.len()).any(|j| {
        let cell = &cells[j];
        let aligned = (cell.x0 - seg.x0).abs() < tol
            || (cell.x1 - seg.x1).abs() < tol
            || (cell.cx() - seg.cx()).abs() < tol;
        let after = j.checked_sub(1).map_or(labels_end, |i| cells[i].x1);
        aligned
            && cell.x0 > labels_end
            && seg.x0 > after
            && cells.get(j + 1).is_none_or(|next| seg.x1 < next.x0)
    })
}

/// Whether `held` starts flush with the first cell of the line `of`, or is
/// centred on it (a column of centred labels).
fn aligned_with_the_first_cell(held: &Line, of: &Line) -> bool {
    let centred = (of.segments.first()).is_some_and(|cell| {
        (cell.cx() - (held.bbox.x0 + held.bbox.x1) / 2.0).abs() < WRAP_ALIGN_EM * held.size
    });
    starts_with_first_cell(held, of) || centred
}

/// Whether `line` is one segment aligned with the first cell of the line
/// of columns `row` (`aligned_with_the_first_cell`) that ends before its
/// second cell, set as large: a label of that column however wide, as a
/// row's cells are apart (a sentence between two tables is often set
/// larger).
fn in_the_first_column(line: &Line, row: &Line) -> bool {
    line.segments.len() == 1
        && line.size >= LAST_ROW_SIZE * row.size
        && row.size >= LAST_ROW_SIZE * line.size
        && aligned_with_the_first_cell(line, row)
        && row
            .segments
            .get(1)
            .is_some_and(|second| line.bbox.x1 < second.x0)
}

/// Whether `line`, too wide to fit inside `block` as a cell's line, is a
/// label of its first column (`in_the_first_column` of its last line of
/// columns) as far under the last line of `block` as that stands under the
/// line before it, not tight under it: a row with only its label. (Set
/// tight, the lines of a paragraph beside a note would be rows.)
fn a_wide_label_in_the_rhythm(line: &Line, block: &[Line]) -> bool {
    let [.., before, last] = block else {
        return false;
    };
    let rhythm = last.bbox.y0 - before.bbox.y1;
    !tight(last, line)
        && (line.bbox.y0 - last.bbox.y1 - rhythm).abs() < RHYTHM_EM * line.size
        && (block.iter().rev().find(|l| l.is_tabular()))
            .is_some_and(|row| in_the_first_column(line, row))
}

/// Whether `line`, the last of a block under the lines `above`, is a
/// running foot or a note set under the table: smaller than the table's
/// text (see `NOTE_SIZE`), or set wholly beside it (a report's name and
/// page number right of a narrow table: a row has a cell under the
/// table's), and further under its last line than that is under the line
/// before (out of the rows' rhythm). Whether its parts line up with the
/// columns tells nothing: a page number may fall on a ragged column's end
/// by chance.
fn a_running_foot(line: &Line, above: &[Line]) -> bool {
    let [.., before, last] = above else {
        return false;
    };
    let size = median(above.iter().map(|l| l.size).collect());
    let rhythm = last.bbox.y0 - before.bbox.y1;
    let left = (above.iter()).fold(f32::INFINITY, |x, l| x.min(l.bbox.x0));
    let beside = line.bbox.x0 > block_right(above) || line.bbox.x1 < left;
    (line.size < NOTE_SIZE * size || beside)
        && line.bbox.y0 - last.bbox.y1 > rhythm + RHYTHM_EM * size
}

/// See `a_last_row_of_its_own`: how much smaller than the rows above it a
/// last row may be set.
const LAST_ROW_SIZE: f32 = 0.95;

/// Whether `line` starts right of the first cell of the line of columns
/// `row`, in a later column: no line of the page's running text, however
/// long. (A line starting where a later cell does is one: cells stand a
/// column gap apart.)
fn beside_the_first_cell(line: &Line, row: &Line) -> bool {
    row.segments.first().is_some_and(|s| line.bbox.x0 > s.x1)
}

/// Where the text of `block` starts on the left.
fn block_left(block: &[Line]) -> f32 {
    (block.iter()).fold(f32::INFINITY, |x, l| x.min(l.bbox.x0))
}

/// Where the text of `block` ends on the right.
fn block_right(block: &[Line]) -> f32 {
    (block.iter()).fold(f32::NEG_INFINITY, |x, l| x.max(l.bbox.x1))
}

/// A line short enough to be a label inside a table.
fn is_short(line: &Line) -> bool {
    line.bbox.width() < SHORT_LINE_EM * line.size
}

/// Whether `line` can be part of a cell of the line of columns `of`: it fits
/// inside that line, or it is one segment set flush with the start of one
/// of its cells but the first (a wrapped cell's line may reach past the
/// row's last word; a caption starts where the table does) or set on one
/// as its cells are, clear of the cells beside it (a last title wrapped
/// over two lines, centred, the others on its second); and it is not set
/// much larger (a title).
fn in_a_cell_of(line: &Line, of: &Line) -> bool {
    let first_cell_end = of.segments.first().map_or(f32::INFINITY, |s| s.x1);
    line.size <= TITLE_OVER_TEXT * of.size
        && (fits_inside(line, std::slice::from_ref(of))
            || (line.segments.len() == 1
                && (starts_a_later_cell(line, of) || a_cell_of_its_own(line, of, first_cell_end))))
}

/// Whether `line`, set over the line of columns `of`, is a title's line
/// rather than a cell's: it runs over a gap between two of `of`'s cells (a
/// cell's text stays in its column) from where the first cell starts, or
/// centred over them all (a heading over some of the columns is neither).
fn a_title_over(line: &Line, of: &Line) -> bool {
    let (Some(first), Some(last)) = (of.segments.first(), of.segments.last()) else {
        return false;
    };
    let over_a_gap =
        (of.segments.windows(2)).any(|w| line.bbox.x0 <= w[0].x1 && line.bbox.x1 >= w[1].x0);
    let from_the_first = (line.bbox.x0 - first.x0).abs() < line.size;
    let centred =
        ((line.bbox.x0 + line.bbox.x1) / 2.0 - (first.x0 + last.x1) / 2.0).abs() < line.size;
    over_a_gap && (from_the_first || centred)
}

/// Whether the lines `above`, set tight one under the next down to the line
/// of columns `line`, and `below`, set tight under them beside it, are the
/// lines of one cell past its end: a last column's cell wrapped over lines
/// of an even number, the row's other cells set midway between two of
/// them (a header's titles beside a last title of two lines, a row's
/// labels beside its notes). Each is one piece past the line's end,
/// sharing an edge or a centre with `below`.
fn a_cell_wrapped_round(above: &[Line], line: &Line, below: &Line) -> bool {
    let tol = WRAP_ALIGN_EM * line.size;
    let of_the_cell = |l: &Line| {
        l.segments.len() == 1
            && l.bbox.x0 > line.bbox.x1
            && l.size <= TITLE_OVER_TEXT * line.size
            && share_an_edge((l.bbox.x0, l.bbox.x1), (below.bbox.x0, below.bbox.x1), tol)
    };
    above.last().is_some_and(|last| tight(last, below))
        && overlap_y(line, below)
        && of_the_cell(below)
        && above.iter().all(of_the_cell)
}

/// A line set this many times larger than a table's text is a title.
const TITLE_OVER_TEXT: f32 = 1.4;
/// A line set this many times larger than the rows above, or than the
/// line of columns under it, is none of theirs run together
/// (`part_like_the_rows_above`): the next table's title, set a size or two
/// up, under a table's last rows and notes and over its own header.
const RUN_TOGETHER_SIZE: f32 = 1.15;

/// Whether `line` is one piece that ends an em short of where the second
/// cell of the line of columns `of` starts: left of the figures, however
/// long.
fn ends_left_of_the_figures(line: &Line, of: &Line) -> bool {
    line.segments.len() == 1
        && (of.segments.get(1)).is_some_and(|second| line.bbox.x1 < second.x0 - line.size)
}

/// Whether `line` is a label in the stub of the row `of` below it: left
/// of its figures, and starting where the row does or a level or two out
/// (a section's label over its items), no sentence. A paragraph between
/// two tables starts far out left of a table set right, or is a sentence.
fn a_stub_label(line: &Line, of: &Line) -> bool {
    ends_left_of_the_figures(line, of)
        && line.bbox.x0 >= of.bbox.x0 - STUB_OUTDENT_EM * line.size
        && !a_sentence(line)
}

/// How far left of its items a section's label may start, in ems.
const STUB_OUTDENT_EM: f32 = 2.0;

/// Whether `line` starts where a cell (segment) of the line of columns `of`
/// does, one but its first.
fn starts_a_later_cell(line: &Line, of: &Line) -> bool {
    (of.segments.iter().skip(1)).any(|s| (s.x0 - line.bbox.x0).abs() < WRAP_ALIGN_EM * line.size)
}

/// Whether `line` starts past the first cell of the line of columns `of`,
/// under one of its later cells (a heading centred over a column of text
/// set left, wider than the heading).
fn under_a_later_heading(line: &Line, of: &Line) -> bool {
    let Some((first, later)) = of.segments.split_first() else {
        return false;
    };
    line.bbox.x0 > first.x1 && (later.iter()).any(|s| s.x0 < line.bbox.x1 && s.x1 > line.bbox.x0)
}

/// Whether `line` starts where a cell but the first of one of the lines of
/// columns of `block` does: a cell of a later column, wherever its row
/// leaves it (set middle, its top above the row's other cells).
fn starts_a_later_column(line: &Line, block: &[Line]) -> bool {
    line.segments.len() == 1
        && (block.iter()).any(|of| of.is_tabular() && starts_a_later_cell(line, of))
}

/// Whether the line of columns `line`, under the lines `above`, is the
/// first of another table: it stands inside the columns of their lines of
/// three cells or more (two of them at least), past every first cell and
/// short of every last, and fewer than half of its cells start, end or
/// centre where one of their lines of columns does. A table's own lines
/// share its columns' edges (a wrapped header's lines their centres, the
/// lines of two wrapped cells those of the lines above them); a narrower
/// table set under a wide one, a paragraph between, shares one by chance
/// at most.
fn another_tables_line(line: &Line, above: &[impl Borrow<Line>]) -> bool {
    let rows = || (above.iter().map(Borrow::borrow)).filter(|l: &&Line| l.segments.len() >= 3);
    let (Some(first), Some(last)) = (line.segments.first(), line.segments.last()) else {
        return false;
    };
    // (Lines set from the first column, a table's own rows, fail at once.)
    let inside = || {
        rows().all(|row| {
            let (a, b) = (&row.segments[0], &row.segments[row.segments.len() - 1]);
            first.x0 > a.x1 && last.x1 < b.x0
        })
    };
    let level = |a: f32, b: f32| (a - b).abs() < MIN_SPACE_EM * line.size;
    let shares_an_edge = |s: &Segment| {
        (above.iter().map(Borrow::borrow))
            .filter(|l: &&Line| l.is_tabular())
            .flat_map(|l| &l.segments)
            .any(|r| level(s.x0, r.x0) || level(s.x1, r.x1) || level(s.cx(), r.cx()))
    };
    // (Fewer than half of its cells: one of three may by chance.)
    let shared = line.segments.iter().filter(|s| shares_an_edge(s)).count();
    line.is_tabular() && inside() && rows().nth(1).is_some() && 2 * shared < line.segments.len()
}

/// Whether `line` is a sentence (words enough, a full stop at its end) set
/// larger than every line of columns of `block` (by more than
/// `LARGER_THAN_ROWS`): the page's text between two tables, often set
/// larger than theirs, not a cell's line however it fits. (A group
/// heading set large inside a table is no sentence; the sizes OCR gives
/// the lines of one table vary by as much.)
fn a_sentence_set_larger_than_the_rows(line: &Line, block: &[Line]) -> bool {
    let largest = (block.iter().filter(|l| l.is_tabular())).fold(0.0f32, |m, l| m.max(l.size));
    a_sentence(line) && largest > 0.0 && line.size > LARGER_THAN_ROWS * largest
}

/// Whether `line` is a sentence set smaller than every word of the lines
/// of columns of `block` (by as much): a note under a table, or the
/// page's text between two tables, where a table follows.
fn a_sentence_set_smaller_than_the_rows(line: &Line, block: &[Line]) -> bool {
    // (Of every word, not of lines: a row may join a label set large to a
    // line of text.)
    let smallest = (block.iter().filter(|l| l.is_tabular()))
        .flat_map(|l| &l.words)
        .fold(f32::INFINITY, |m, w| m.min(w.size));
    a_sentence(line) && smallest.is_finite() && LARGER_THAN_ROWS * line.size < smallest
}

/// Whether `line` reads as a sentence: words enough, a full stop at its end.
fn a_sentence(line: &Line) -> bool {
    line.words.len() >= SENTENCE_WORDS && line.words.last().is_some_and(|w| w.text.ends_with('.'))
}

/// See `a_sentence_set_larger_than_the_rows`.
const LARGER_THAN_ROWS: f32 = 1.1;
const SENTENCE_WORDS: usize = 4;

/// How far apart the lines of `block` stand, as a rule: the lower median
/// of the gaps between one line and the next, once there are two gaps at
/// least (two lines say too little; 0 then).
fn row_gap(block: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = line_gaps(block).into_iter().map(|g| g.max(0.0)).collect();
    if gaps.len() < 2 {
        return 0.0;
    }
    gaps.sort_by(f32::total_cmp);
    gaps[(gaps.len() - 1) / 2]
}

/// The slack, in em, over one blank line more than a block's rows stand
/// apart, that two groups of its rows may stand apart (see `blocks`).
const LOOSE_SLACK_EM: f32 = 0.5;

/// Two lines near enough to belong to one table.
fn close_enough(a: &Line, b: &Line) -> bool {
    b.bbox.y0 - a.bbox.y1 <= MAX_LINE_GAP_EM * a.size.max(b.size)
}

/// A single-segment line that can be part of a table: within its width and
/// narrower than most of it (a wrapped cell, a label), unlike prose.
fn fits_inside(line: &Line, block: &[Line]) -> bool {
    let x0 = block
        .iter()
        .map(|l| l.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let x1 = block
        .iter()
        .map(|l| l.bbox.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let slack = line.size;
    line.bbox.x0 >= x0 - slack && line.bbox.x1 <= x1 + slack && line.bbox.width() < 0.6 * (x1 - x0)
}

/// A single-segment line set tight under one of the block's last lines,
/// starting where one of its cells starts and no wider than that cell's
/// text plus the line's first word: the cell's text wrapped onto the next
/// line, which may reach further right than any line so far (a wrapped last
/// column). (The cell's line above need not be the block's last: a line of
/// columns set middle-aligned beside a wrapped cell interleaves with it.)
fn continues_a_cell(line: &Line, block: &[Line]) -> bool {
    if block.is_empty() {
        return false;
    }
    let x0 = block
        .iter()
        .map(|l| l.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let x1 = block.iter().map(|l| l.bbox.x1).fold(line.bbox.x1, f32::max);
    // Word wrap moved the line's first word down because it did not fit
    // after the cell's text above: so the line is at most that much wider.
    let first_word = line.words.first().map_or(0.0, |w| w.bbox.width());
    let wrapped_from = |x: f32, s: &Segment| {
        (x - line.bbox.x0).abs() < 0.3 * line.size
            && line.bbox.width() <= (s.x1 - x) + first_word + 0.5 * line.size
    };
    // A cell set a narrow gap after the one before it (a date, then a
    // description) runs on in one segment with it: its text starts at a
    // word of the segment, where another line of the block starts a
    // segment (the column's title).
    let a_column_starts = |x: f32| {
        (block.iter().flat_map(|l| &l.segments)).any(|s| (s.x0 - x).abs() < 0.3 * line.size)
    };
    let wrapped_in = |prev: &Line, s: &Segment| {
        wrapped_from(s.x0, s)
            || (prev.words[s.words.clone()].iter().skip(1))
                .any(|w| wrapped_from(w.bbox.x0, s) && a_column_starts(w.bbox.x0))
    };
    // A line that leaves the first column empty is no paragraph of the
    // page, however wide: it is a description wrapping beside its term. A
    // bullet or a paragraph number is no term: the text beside it is a
    // list's, and the list no table.
    let beside_a_term = (block.iter().rev().find(|l| l.is_tabular())).is_some_and(|l| {
        !l.words[l.segments[0].words.clone()]
            .iter()
            .all(|w| is_list_mark(&w.text))
    });
    let leaves_first_column = line.bbox.x0 > x0 + line.size && beside_a_term;
    let mut above = (block.iter().rev().take(MAX_INTERLEAVED_LINES))
        .filter(|prev| prev.bbox.y0 < line.bbox.y0 && tight(prev, line));
    line.segments.len() == 1
        && above.any(|prev| prev.segments.iter().any(|s| wrapped_in(prev, s)))
        && (leaves_first_column || line.bbox.width() < 0.6 * (x1 - x0))
}

/// How many of a block's last lines `continues_a_cell` looks back over: a
/// wrapped cell's line and a line of columns set beside it, interleaved.
const MAX_INTERLEAVED_LINES: usize = 2;

/// Column extents: the segments of the lines with the most segments, merged
/// where they overlap. Segments of other lines widen the one column they fall
/// in, or open a new column where they fall in none; one that reaches over
/// several columns is a spanning cell and changes nothing.
fn columns(block: &[Line]) -> Vec<(f32, f32)> {
    let most = block.iter().map(|l| l.segments.len()).max().unwrap_or(0);
    let mut spans: Vec<(f32, f32)> = block
        .iter()
        .filter(|l| l.segments.len() == most)
        .flat_map(|l| l.segments.iter().map(|s| (s.x0, s.x1)))
        .collect();
    let mut cols = merge_intervals(&mut spans);
    let mut others: Vec<&Line> = block.iter().filter(|l| l.segments.len() < most).collect();
    others.sort_by_key(|l| std::cmp::Reverse(l.segments.len()));
    let mut orphans = widen_to_segments(&mut cols, others.iter().flat_map(|l| &l.segments));
    // An orphan the columns have since widened over is part of that column.
    cols.extend(merge_intervals(&mut orphans));
    let cols = merge_intervals(&mut cols);
    let cols = split_at_rivers(block, cols);
    let cols = split_under_headings(block, cols);
    let cols = split_numbers_from_text(block, cols);
    fold_header_columns(block, cols)
}

/// Widens each column to the segments that touch it and no other column,
/// but never into a neighbour; returns the segments that touch none.
fn widen_to_segments<'a>(
    cols: &mut [(f32, f32)],
    segments: impl Iterator<Item = &'a Segment>,
) -> Vec<(f32, f32)> {
    let mut orphans: Vec<(f32, f32)> = Vec::new();
    for seg in segments {
        let touched: Vec<usize> = (0..cols.len())
            .filter(|&c| seg.x0 < cols[c].1 && seg.x1 > cols[c].0)
            .collect();
        match touched.as_slice() {
            [] => orphans.push((seg.x0, seg.x1)),
            &[c] => {
                let left = if c > 0 {
                    cols[c - 1].1
                } else {
                    f32::NEG_INFINITY
                };
                let right = cols.get(c + 1).map_or(f32::INFINITY, |n| n.0);
                cols[c].0 = cols[c].0.min(seg.x0).max(left + 0.5);
                cols[c].1 = cols[c].1.max(seg.x1).min(right - 0.5);
            }
            _ => {}
        }
    }
    orphans
}

/// The lines at the top of a block that may be its header.
const HEADER_LINES: usize = 2;

/// Folds a column that only the header has text in into the column beside
/// it whose body fills the rows under it: a spreadsheet sets a header
/// left-aligned over numbers set right-aligned, and in a wide column the
/// two need not overlap. Left apart they make a header over an empty
/// column and a column of numbers without a header. A heading set in the
/// gap where long labels run on from the column left of it (a year over
/// the figures) goes to that column.
fn fold_header_columns(block: &[Line], mut cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    if block.len() < 2 * HEADER_LINES {
        return cols;
    }
    let (header_lines, body_lines) = block.split_at(HEADER_LINES);
    let header: Vec<Vec<bool>> = header_lines.iter().map(|l| occupied(l, &cols)).collect();
    let body: Vec<Vec<bool>> = body_lines.iter().map(|l| occupied(l, &cols)).collect();
    // A long label run on over the next column (a group of rows' label set
    // over its row) starts in no column but its own: the columns it reaches
    // may hold only a header.
    let starts: Vec<Vec<bool>> = (body_lines.iter())
        .map(|l| occupied_from_the_start(l, &cols))
        .collect();
    // A row's values sit on a line with text in two columns or more; the
    // other lines of a wrapped cell do not count against a column.
    let value_lines = body
        .iter()
        .filter(|o| o.iter().filter(|&&x| x).count() >= 2)
        .count();
    let filled = |n: usize| body.iter().filter(|o| o[n]).count();
    let fills = |n: usize| 2 * filled(n) >= value_lines.max(1);
    for c in 0..cols.len() {
        // Phrases run on into most rows of it (a code a word space after a
        // number, each row) are its column's own.
        let header_only = starts.iter().all(|o| !o[c])
            && 2 * filled(c) < value_lines
            && header.iter().any(|o| o[c]);
        if !header_only {
            continue;
        }
        // Beside it, free where it has text (or with a title its text
        // goes on from), filled below: in half the lines of values, or in
        // two at least (a column of codes beside cells that wrap over many
        // lines), the nearer then.
        let fits = |n: usize| {
            (fills(n) || filled(n) >= 2)
                && (header.iter().all(|o| !(o[c] && o[n]))
                    || continues_title(header_lines, &cols, n, c))
        };
        let gap = |n: usize| {
            if n < c {
                cols[c].0 - cols[n].1
            } else {
                cols[n].0 - cols[c].1
            }
        };
        // Labels run on into it from the column they start in, left of it.
        let right = (filled(c) == 0).then_some(c + 1);
        let neighbour = [c.checked_sub(1), right]
            .into_iter()
            .flatten()
            .filter(|&n| n < cols.len() && fits(n))
            .min_by(|&a, &b| gap(a).total_cmp(&gap(b)));
        if let Some(n) = neighbour {
            let merged = (cols[c].0.min(cols[n].0), cols[c].1.max(cols[n].1));
            cols[c.min(n)] = merged;
            cols.remove(c.max(n));
            // Indices moved: start over on the merged columns.
            return fold_header_columns(block, cols);
        }
    }
    cols
}

/// A header line's text in a column, as its words' extent: (x0, x1).
fn text_in_column(line: &Line, cols: &[(f32, f32)], c: usize) -> Option<(f32, f32)> {
    (line.words.iter())
        .filter(|w| columns_of([*w], cols)[c])
        .map(|w| (w.bbox.x0, w.bbox.x1))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
}

/// How near (in ems) a header's piece may stand to the title of the column
/// beside it and still go on from it.
const CONTINUED_TITLE_EM: f32 = 1.5;

/// Whether the header text of column `c` goes on from the title of column
/// `n` beside it on every header line where both have text: within
/// `CONTINUED_TITLE_EM` of it, and nearer to it than to any other text of
/// the line. A title read off a scan breaks where its letters' boxes part
/// wider than a word space (`Imported` / `(%)`); the piece heads no column
/// of its own.
fn continues_title(header: &[Line], cols: &[(f32, f32)], n: usize, c: usize) -> bool {
    let mut shared = false;
    for line in header {
        let (Some(piece), Some(title)) =
            (text_in_column(line, cols, c), text_in_column(line, cols, n))
        else {
            continue;
        };
        shared = true;
        let gap = if n < c {
            piece.0 - title.1
        } else {
            title.0 - piece.1
        };
        // The nearest other text on the piece's far side.
        let beyond = (line.words.iter())
            .filter(|w| {
                let of = columns_of([*w], cols);
                !of[c] && !of[n]
            })
            .map(|w| match n < c {
                true => w.bbox.x0 - piece.1,
                false => piece.0 - w.bbox.x1,
            })
            .filter(|&d| d >= 0.0)
            .fold(f32::INFINITY, f32::min);
        if gap > CONTINUED_TITLE_EM * line.size || gap >= beyond {
            return false;
        }
    }
    shared
}

/// Widens each column to the words that part from the next column's text
/// where that text lines up (its start, its end or its middle), or from
/// the column's own where it ends lined up, a little more than a word
/// space apart but closer than a column gap: ideographs running up to the
/// next column, the longest entry of a column nearly touching the next.
/// Their line's segment spans both columns, so it widened neither; midway
/// between the columns as they were, the boundary would cut those words.
/// The next column likewise takes the phrase its word begins (a long label
/// run up to from a long code).
fn widen_to_parted_words(block: &[Line], mut cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let size = median(block.iter().map(|l| l.size).collect());
    let flush = FLUSH_EM * size;
    let flush_with = |x: f32, edge: f32| (x - edge).abs() <= flush;
    // Which columns' text lines up on its left edge, on its right, on its
    // middle: only there does a word standing at that edge say where the
    // column is (a ragged edge is where its longest entry happens to end).
    let extents: Vec<Vec<Option<(f32, f32)>>> =
        block.iter().map(|l| line_extents(l, &cols)).collect();
    let lined_up = |c: usize, edge: &dyn Fn(&(f32, f32)) -> bool| {
        let texts: Vec<&(f32, f32)> = extents.iter().filter_map(|e| e[c].as_ref()).collect();
        let on_edge = texts.iter().filter(|t| edge(t)).count();
        on_edge >= 2 && 2 * on_edge >= texts.len()
    };
    let middle = |(x0, x1): (f32, f32)| (x0 + x1) / 2.0;
    let edges_lined_up: Vec<[bool; 3]> = (0..cols.len())
        .map(|c| {
            let (x0, x1) = cols[c];
            [
                lined_up(c, &|t| flush_with(t.0, x0)),
                lined_up(c, &|t| flush_with(t.1, x1)),
                lined_up(c, &|t| flush_with(middle(*t), middle(cols[c]))),
            ]
        })
        .collect();
    let block_space = word_space(block).unwrap_or(WRAP_SPACE_EM * size);
    // (Against the columns as found: widened ones only reach further.)
    let found = cols.clone();
    // A word within a column, or standing where a column's text lines up
    // (a long entry overrunning it is that column's too), or reaching into
    // one column only (figures set right under a heading set left, which
    // alone made the column: they end past it).
    let in_a_column = |w: &Rect| {
        (found.iter().zip(&edges_lined_up)).any(|(&(x0, x1), &[starts, ends, _])| {
            (w.x0 >= x0 - flush && w.x1 <= x1 + flush)
                || (starts && flush_with(w.x0, x0))
                || (ends && flush_with(w.x1, x1))
        }) || found
            .iter()
            .filter(|&&(x0, x1)| w.x0 < x1 && w.x1 > x0)
            .count()
            == 1
    };
    for line in block {
        for seg in &line.segments {
            let words = &line.words[seg.words.clone()];
            let gaps: Vec<f32> = (words.windows(2))
                .map(|w| w[1].bbox.x0 - w[0].bbox.x1)
                .collect();
            // Spaces between two words of letters (a figure beside text
            // may be a column of its own set as close).
            let spaces: Vec<bool> = (words.windows(2))
                .map(|w| spaced(&w[0]) && spaced(&w[1]))
                .collect();
            for (k, w) in words.windows(2).enumerate() {
                let (a, b) = (&w[0].bbox, &w[1].bbox);
                // Wider than the segment's other word spaces (or the
                // block's): a phrase is not parted at one of its spaces.
                // Other spaces wider than the block's, at this line's size,
                // are no word spaces either: a header of one word a column
                // typed a wide space apart has no others.
                let others: Vec<f32> = (gaps.iter().zip(&spaces).enumerate())
                    .filter(|&(j, (_, &space))| j != k && space)
                    .map(|(_, (&g, _))| g)
                    .collect();
                let line_space = block_space * line.size / size;
                let space = if others.is_empty() {
                    block_space
                } else {
                    median(others).min(PART_OVER_SPACE * line_space)
                };
                if gaps[k] <= PART_OVER_SPACE * space {
                    continue;
                }
                // The phrase the later word begins, when it ends the
                // segment (a title of two words centred over its column).
                let phrase = (k + 1..words.len())
                    .take_while(|&j| j == k + 1 || gaps[j - 1] <= PART_OVER_SPACE * space);
                let last_phrase = (phrase.clone().last() == Some(words.len() - 1))
                    .then(|| (b.x0, words[words.len() - 1].bbox.x1));
                for c in 0..cols.len() - 1 {
                    let (left, right) = (cols[c], cols[c + 1]);
                    // The later word starts the next column's text, ends
                    // it or stands in its middle, or the earlier one ends
                    // this column's, where that column's text lines up.
                    let [starts, ends, middles] = edges_lined_up[c + 1];
                    let aligned = (starts && flush_with(b.x0, right.0))
                        || (ends && flush_with(b.x1, right.1))
                        || (middles
                            && last_phrase.is_some_and(|p| flush_with(middle(p), middle(right))))
                        || (edges_lined_up[c][1] && flush_with(a.x1, left.1));
                    // The earlier word is in this column or past it (or
                    // ends flush with it, a heading set right over narrower
                    // figures), the later one ends in the next; the
                    // segment's words before them are this cell's or stand
                    // in a column of their own, those after the next cell's
                    // or likewise, or go on the phrase of the word before
                    // them (a title over several columns parts at no such
                    // place).
                    let before = &words[..k];
                    let between = (a.x0 >= left.0 - flush
                        || (edges_lined_up[c][1] && flush_with(a.x1, left.1)))
                        && b.x1 <= right.1 + flush
                        && (before.iter())
                            .all(|w| w.bbox.x0 >= left.0 - flush || in_a_column(&w.bbox))
                        && (k + 2..words.len()).all(|j| {
                            let w = &words[j].bbox;
                            w.x1 <= right.1 + flush
                                || in_a_column(w)
                                || gaps[j - 1] <= PART_OVER_SPACE * space
                        });
                    let (end, start) = (left.1.max(a.x1), right.0.min(b.x0));
                    if aligned && between && end < start {
                        cols[c] = (left.0, end);
                        // The next cell's phrase runs on from the word: it
                        // is that column's as far as it goes, short of the
                        // column after.
                        let phrase_end = (phrase.clone())
                            .map(|j| words[j].bbox.x1)
                            .fold(right.1, f32::max);
                        let reach = cols.get(c + 2).map_or(f32::INFINITY, |n| n.0 - 0.5);
                        let right_end = if phrase_end < reach {
                            phrase_end
                        } else {
                            right.1
                        };
                        cols[c + 1] = (start, right_end);
                    }
                }
            }
        }
    }
    cols
}

/// Widens a column whose text ends flush right to the figures that end
/// flush with it, however far left they start: a figure wider than the
/// rest, set less than a column gap from the next column's text, is in no
/// segment of its own, so nothing widened the column to it, and a boundary
/// midway in the gap before would cut off its sign or bracket.
fn widen_to_figures_set_right(block: &[Line], mut cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let size = median(block.iter().map(|l| l.size).collect());
    let flush = FLUSH_EM * size;
    // (Where each line's text ends in each column, the columns as found:
    // widening one leftwards moves no text's end.)
    let extents: Vec<Vec<Option<(f32, f32)>>> =
        block.iter().map(|l| line_extents(l, &cols)).collect();
    for c in 0..cols.len() {
        let (x0, x1) = cols[c];
        let ends: Vec<f32> = (extents.iter())
            .filter_map(|e| e[c].map(|(_, end)| end))
            .collect();
        let flush_right = ends
            .iter()
            .filter(|&&end| (end - x1).abs() <= flush)
            .count();
        if flush_right < 2 || 2 * flush_right < ends.len() {
            continue;
        }
        let left = if c > 0 {
            cols[c - 1].1 + 0.5
        } else {
            f32::NEG_INFINITY
        };
        let words = || block.iter().flat_map(|l| &l.words);
        let figure = |w: &Word| is_number(&w.text) && (w.bbox.x1 - x1).abs() <= flush;
        let start = (words().filter(|w| figure(w) && w.bbox.x0 < x0))
            .map(|w| w.bbox.x0)
            .fold(x0, f32::min)
            .max(left);
        // Only into space no other text stands in: a line set wider (a
        // bold total) may run its previous column's text up to the figures.
        let taken = words().any(|w| !figure(w) && w.bbox.x0 < x0 && w.bbox.x1 > start);
        if !taken {
            cols[c].0 = start;
        }
    }
    cols
}

/// See `widen_to_parted_words`: how near (em) a word's edge stands to a
/// column's to be set flush with it, and how much wider than a word space
/// the gap where a segment parts is.
const FLUSH_EM: f32 = 0.2;
const PART_OVER_SPACE: f32 = 1.15;

/// Splits a column where, line after line, a right-aligned number is
/// followed by a left-aligned word with letters (not a number: `11
/// 111111111` is one code; not a dash: `1.35 - 1.42` is a range) at the
/// same place (`28.29 Pending`), not the same word every time (a unit,
/// `40 years`): two
/// columns set a word space apart, a number column and a text column. Lines
/// with text on both sides that do not follow the pattern (a header) may be
/// a third of those with text on both sides at most; those with text on one
/// side only (a blank number, a blank text) say nothing.
fn split_numbers_from_text(block: &[Line], cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let size = median(block.iter().map(|l| l.size).collect());
    let tol = 0.2 * size;
    let mut out = Vec::new();
    for (c0, c1) in cols {
        // Per line, its words in this column, left to right.
        let lines: Vec<Vec<&Word>> = block
            .iter()
            .map(|l| {
                (l.words.iter())
                    .filter(|w| {
                        let cx = (w.bbox.x0 + w.bbox.x1) / 2.0;
                        cx >= c0 && cx <= c1
                    })
                    .collect::<Vec<&Word>>()
            })
            .filter(|ws| !ws.is_empty())
            .collect();
        // Candidate split places: the left edge of a word after a line's
        // first word, when that is a number. (Not a year: `1990 Q1`,
        // `2019 Jan` are dates.)
        let figure = |w: &Word| is_number(&w.text) && !is_a_year(&w.text);
        let candidates: Vec<f32> = (lines.iter())
            .filter(|ws| ws.len() >= 2 && figure(ws[0]) && wordlike(ws[1]))
            .map(|ws| ws[1].bbox.x0)
            .collect();
        let split = candidates.iter().find_map(|&x| {
            // Lines split there: the right edge of their number, or None.
            let ends: Vec<Option<f32>> = (lines.iter())
                .map(|ws| {
                    let k = ws.iter().position(|w| (w.bbox.x0 - x).abs() <= tol)?;
                    // The number is all the line has left of the split.
                    let text_after = wordlike(ws[k]);
                    (k == 1 && figure(ws[0]) && text_after).then(|| ws[0].bbox.x1)
                })
                .collect();
            let fits: Vec<f32> = ends.iter().flatten().copied().collect();
            let right = fits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let left = fits.iter().copied().fold(f32::INFINITY, f32::min);
            let aligned = right - left <= tol;
            // Lines with text on one side of the gap only say nothing.
            let mid = (right + x) / 2.0;
            let one_sided = |ws: &Vec<&Word>| {
                ws.iter().all(|w| w.bbox.x1 <= mid) || ws.iter().all(|w| w.bbox.x0 >= mid)
            };
            let against = (lines.iter().zip(&ends))
                .filter(|(ws, end)| end.is_none() && !one_sided(ws))
                .count();
            // One word after every number is its unit (`40 years`), not
            // a column of its own.
            let mut after: Vec<String> = (lines.iter().zip(&ends))
                .filter(|(_, end)| end.is_some())
                .map(|(ws, _)| {
                    ws[1]
                        .text
                        .to_lowercase()
                        .trim_end_matches(['s', '.'])
                        .to_string()
                })
                .collect();
            after.dedup();
            // (A code in capitals, the same down a page, is a column.)
            let lower = (lines.iter().zip(&ends))
                .filter(|(_, end)| end.is_some())
                .all(|(ws, _)| ws[1].text.chars().any(char::is_lowercase));
            let unit = after.len() == 1 && lower;
            (fits.len() >= 3 && fits.len() >= 2 * against && aligned && !unit).then_some((right, x))
        });
        match split {
            Some((gap0, gap1)) => {
                out.push((c0, gap0));
                out.push((gap1, c1));
            }
            None => out.push((c0, c1)),
        }
    }
    out
}

/// The columns with each column of currency signs joined to the figures
/// right of it: a report sets `$` at the left of a column over its first
/// figure and its total only, far from the figures set right, so the
/// sign's gap reads as a column's (`segments` joins a sign to its amount
/// on its line only within `MAX_SIGN_GAP_EM`). From the first sign's line
/// down, the column holds signs alone, each beside a figure in the next
/// column with text, and any column between them is empty (the figures'
/// title centred in the gap); above it (the header) the columns may hold
/// anything: a heading centred over the figures reaches into them.
fn with_currency_signs_joined(block: &[Line], mut cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    if !(block.iter().flat_map(|l| &l.words)).any(|w| is_currency_sign(&w.text)) {
        return cols;
    }
    let mut k = cols.len().saturating_sub(1);
    while k > 0 {
        k -= 1;
        let empty = |l: &Line, c: usize| words_in_column(l, &cols, c).next().is_none();
        let lone_sign = |l: &Line, c: usize| {
            let mut words = words_in_column(l, &cols, c);
            words.next().is_some_and(|w| is_currency_sign(&w.text)) && words.next().is_none()
        };
        let Some(first) = block.iter().position(|l| lone_sign(l, k)) else {
            continue;
        };
        let below = &block[first..];
        // The column each sign's figure is in: the next with text.
        let Some(figures) = (k + 1..cols.len()).find(|&c| !empty(&below[0], c)) else {
            continue;
        };
        let a_figure = |l: &Line| {
            words_in_column(l, &cols, figures)
                .any(|w| w.text.contains(|c: char| c.is_ascii_digit()))
        };
        let signs_figures = below.iter().all(|l| {
            (k + 1..figures).all(|c| empty(l, c))
                && (empty(l, k) || (lone_sign(l, k) && a_figure(l)))
        });
        if signs_figures {
            cols[k].1 = cols[figures].1;
            cols.drain(k + 1..=figures);
        }
    }
    cols
}

/// The widest gap, in em, between a figure and the flag set after it.
const MAX_FLAG_GAP_EM: f32 = 1.0;

/// The columns with each column of flags joined to the figures left of it:
/// statistical tables mark some figures with a letter set a space after
/// them (`12.5 p` provisional, `e` estimated, `b` break in series), and
/// where the flags line up, their gap reads as a column's. A column whose
/// every word is a flag standing within `MAX_FLAG_GAP_EM` of a figure on
/// its line, in the column before, is that column's.
fn with_flags_joined(block: &[Line], mut cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let mut k = cols.len();
    while k > 1 {
        k -= 1;
        let mut flags = 0;
        let flagged = block.iter().all(|l| {
            let mut words = words_in_column(l, &cols, k);
            let Some(flag) = words.next() else {
                return true;
            };
            let figure = (words_in_column(l, &cols, k - 1).last())
                .filter(|f| is_number(&f.text))
                .filter(|f| flag.bbox.x0 - f.bbox.x1 <= MAX_FLAG_GAP_EM * l.size);
            flags += 1;
            words.next().is_none() && is_a_flag(&flag.text) && figure.is_some()
        });
        if flagged && flags > 0 {
            cols[k - 1].1 = cols[k].1;
            cols.remove(k);
        }
    }
    cols
}

/// A flag statistical tables set after a figure: one or two lower-case
/// letters, or a mark of reference (`*`, a dagger).
fn is_a_flag(token: &str) -> bool {
    let n = token.chars().count();
    (1..=2).contains(&n)
        && token
            .chars()
            .all(|c| c.is_ascii_lowercase() || matches!(c, '*' | '\u{2020}' | '\u{2021}'))
}

/// A currency sign standing as a word of its own.
fn is_currency_sign(token: &str) -> bool {
    let mut chars = token.chars();
    chars
        .next()
        .is_some_and(|c| crate::numbers::CURRENCY.contains(&c))
        && chars.next().is_none()
}

/// A number as tables print it: digits with separators, a sign, brackets,
/// a currency sign or a percent.
fn is_number(token: &str) -> bool {
    // (A typesetter's minus or an en dash leads a negative; ending a
    // word, the dash is a range's, `2013–` wrapped before `2017`.)
    let core =
        (token.trim_start_matches(['−', '–'])).trim_matches(|c: char| "()+-%$€£¥".contains(c));
    core.chars().any(|c| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || ",.' ".contains(c))
}

/// Splits a column where a gap wider than a word space runs down all of its
/// lines with text on both sides: two columns set closer than the column gap
/// (a right-aligned number next to left-aligned text).
fn split_at_rivers(block: &[Line], cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let size = median(block.iter().map(|l| l.size).collect());
    let space = word_space(block);
    let figure_gap = figure_river(size, space);
    let space = space.unwrap_or(0.0);
    let river = (RIVER_EM * size).max(RIVER_OVER_SPACE * space);
    let mut out = Vec::new();
    for (c0, c1) in cols {
        let words: Vec<(f32, f32, usize)> = block
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.words.iter().map(move |w| (w.bbox.x0, w.bbox.x1, i)))
            .filter(|&(a, b, _)| (a + b) / 2.0 >= c0 && (a + b) / 2.0 <= c1)
            .collect();
        let mut spans: Vec<(f32, f32)> = words.iter().map(|&(a, b, _)| (a, b)).collect();
        let covered = merge_intervals(&mut spans);
        let mut start = c0;
        for pair in covered.windows(2) {
            let (gap0, gap1) = (pair[0].1, pair[1].0);
            let lines_left: std::collections::HashSet<usize> = words
                .iter()
                // (By its middle: a column's edge, taken from its
                // segments, may stand a hair inside its first word's.)
                .filter(|w| w.1 <= gap0 && (w.0 + w.1) / 2.0 >= start)
                .map(|w| w.2)
                .collect();
            let lines_right: std::collections::HashSet<usize> =
                words.iter().filter(|w| w.0 >= gap1).map(|w| w.2).collect();
            let down_all = gap1 - gap0 > river && lines_left.len() >= 2 && lines_right.len() >= 2;
            let between_figures =
                || figures_either_side(block, (start, gap0, gap1, c1), figure_gap);
            // Lines enough on each side that one is an exception.
            let but_one = || {
                lines_left.len() >= 4
                    && lines_right.len() >= 4
                    && river_but_one_line(&words, (gap0, gap1), river).is_some()
            };
            let wrapped_past = || wrapped_past_a_gap(block, (start, gap0, gap1, c1), (space, size));
            // (Gaps of half a river at least: a few a column, however
            // many words it has.)
            let groups = || digit_groups_across(block, (start, gap0, gap1, c1));
            if (down_all
                || (gap1 - gap0 >= river / 2.0 && but_one())
                || between_figures()
                || wrapped_past())
                && !groups()
            {
                out.push((start, gap0));
                start = gap1;
            }
        }
        out.push((start, c1));
    }
    out
}

/// Splits a column where a gap parts figures on every line with words on
/// both sides of it (`figures_either_side`) and only lines over the first
/// line of figures with no figure of their own cross it: a unit
/// (`(Percent)`) or a heading centred over the columns, set across a
/// gutter narrower than the column gap, is a spanning cell and closes no
/// gap between columns (`split_at_rivers` reads every word).
fn split_under_headings(block: &[Line], cols: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let figures = |l: &Line| {
        (l.words.iter())
            .filter(|w| is_number(&w.text) && !is_a_year(&w.text))
            .count()
    };
    let Some(first) = block.iter().position(|l| figures(l) >= 2) else {
        return cols;
    };
    let heading = |i: usize| i < first && !block[i].words.iter().any(|w| is_number(&w.text));
    if !(0..first).any(heading) {
        return cols;
    }
    let size = median(block.iter().map(|l| l.size).collect());
    let figure_gap = figure_river(size, word_space(block));
    let mut out = Vec::new();
    for (c0, c1) in cols {
        // The extents of the column's words on the lines `keep` takes.
        let covered = |keep: &dyn Fn(usize) -> bool| {
            let mut spans: Vec<(f32, f32)> = (block.iter().enumerate())
                .filter(|&(i, _)| keep(i))
                .flat_map(|(_, l)| l.words.iter().map(|w| (w.bbox.x0, w.bbox.x1)))
                .filter(|&(a, b)| (a + b) / 2.0 >= c0 && (a + b) / 2.0 <= c1)
                .collect();
            merge_intervals(&mut spans)
        };
        let headings = covered(&heading);
        let mut start = c0;
        for pair in covered(&|i| !heading(i)).windows(2) {
            let (gap0, gap1) = (pair[0].1, pair[1].0);
            let crossed = (headings.iter()).any(|&(a, b)| a < gap1 && b > gap0);
            let gap = (start, gap0, gap1, c1);
            if crossed
                && figures_either_side(block, gap, figure_gap)
                && !digit_groups_across(block, gap)
            {
                out.push((start, gap0));
                start = gap1;
            }
        }
        out.push((start, c1));
    }
    out
}

/// The gap between the text of two columns side by side, as
/// `(start, gap0, gap1, end)` (a column's edges may be its title's).
fn text_gap(block: &[Line], left: (f32, f32), right: (f32, f32)) -> (f32, f32, f32, f32) {
    let (mut gap0, mut gap1) = (left.1, right.0);
    for w in block.iter().flat_map(|l| &l.words) {
        let middle = (w.bbox.x0 + w.bbox.x1) / 2.0;
        if middle >= left.0 && middle <= left.1 {
            gap0 = gap0.max(w.bbox.x1);
        } else if middle >= right.0 && middle <= right.1 {
            gap1 = gap1.min(w.bbox.x0);
        }
    }
    (left.0, gap0, gap1, right.1)
}

/// Whether a gap `(gap0, gap1)` in a column (from `start` to `end`), wider
/// than a word `space` (in text of `size`) and crossed by no word, parts
/// two columns because a cell's text wraps onto lines of its own that start
/// at its right edge, nothing left of them (two at least), where three
/// lines or more have text on both sides: the description set close after
/// a column of dates. A paragraph's lines do not all leave such a gap, nor
/// start at it.
fn wrapped_past_a_gap(
    block: &[Line],
    (start, gap0, gap1, end): (f32, f32, f32, f32),
    (space, size): (f32, f32),
) -> bool {
    let (mut both, mut wrapped) = (0, 0);
    for line in block {
        let middle = |w: &Word| (w.bbox.x0 + w.bbox.x1) / 2.0;
        if (line.words.iter()).any(|w| w.bbox.x0 < gap1 && w.bbox.x1 > gap0) {
            return false;
        }
        let left = (line.words.iter()).any(|w| w.bbox.x1 <= gap0 && middle(w) >= start);
        let right = (line.words.iter())
            .filter(|w| w.bbox.x0 >= gap1 && middle(w) <= end)
            .map(|w| w.bbox.x0)
            .fold(f32::INFINITY, f32::min);
        if left && right.is_finite() {
            both += 1;
        } else if !left && (right - gap1).abs() < WRAP_ALIGN_EM * size {
            wrapped += 1;
        }
    }
    gap1 - gap0 > space && both >= MIN_FIGURE_RIVER_LINES && wrapped >= 2
}

/// Whether a gap `(gap0, gap1)` in a column (from `start` to `end`) parts
/// two figures on every line with words on both sides of it, three lines
/// at least, and is wider than a number's digit groups stand apart
/// (`figure_river`): columns of figures set closer than a river (a dense
/// table of many years), no cell's text. Not where the figures either side
/// are a number's digit groups (`12 345` down a column of five-digit
/// numbers).
fn figures_either_side(block: &[Line], gap: (f32, f32, f32, f32), figure_river: f32) -> bool {
    gap.2 - gap.1 > figure_river
        && figures_across(block, gap)
            .is_some_and(|(pairs, groups)| pairs >= MIN_FIGURE_RIVER_LINES && groups < pairs)
}

/// Whether every line with words on both sides of a gap parts there one
/// number's digit groups, set a figure space apart (`12 345 678`, lined up
/// down a column of numbers of as many digits): no river, however wide.
fn digit_groups_across(block: &[Line], gap: (f32, f32, f32, f32)) -> bool {
    figures_across(block, gap).is_some_and(|(pairs, groups)| pairs >= 2 && groups == pairs)
}

/// Over the lines with words on both sides of a gap `(gap0, gap1)` in a
/// column (from `start` to `end`), how many there are and on how many the
/// two words either side are one number's digit groups; `None` unless on
/// every one they are figures, or marks standing for one (a line with a
/// mark is not counted).
fn figures_across(
    block: &[Line],
    (start, gap0, gap1, end): (f32, f32, f32, f32),
) -> Option<(usize, usize)> {
    let mut pairs = 0;
    let mut groups = 0;
    for line in block {
        let middle = |w: &&Word| (w.bbox.x0 + w.bbox.x1) / 2.0;
        let left = (line.words.iter())
            .filter(|w| w.bbox.x1 <= gap0 && middle(w) >= start)
            .max_by(|a, b| a.bbox.x1.total_cmp(&b.bbox.x1));
        let right = (line.words.iter())
            .filter(|w| w.bbox.x0 >= gap1 && middle(w) <= end)
            .min_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let (Some(left), Some(right)) = (left, right) else {
            continue;
        };
        let figure = |w: &Word| is_number(&w.text) || stands_for_a_figure(&w.text);
        if !(figure(left) && figure(right)) {
            return None;
        }
        // (A mark in a figure's place parts no digit groups, nor counts.)
        if !(is_number(&left.text) && is_number(&right.text)) {
            continue;
        }
        pairs += 1;
        groups += usize::from(digit_groups(&left.text, &right.text));
    }
    Some((pairs, groups))
}

/// The narrowest gap between columns of figures (see `figures_either_side`).
fn figure_river(size: f32, space: Option<f32>) -> f32 {
    match space {
        Some(space) if space > 0.0 => (FIGURE_RIVER_EM * size).max(FIGURE_RIVER_OVER_SPACE * space),
        _ => FIGURE_RIVER_UNKNOWN_SPACE_EM * size,
    }
}

/// Whether two figures read as one number's digit groups set apart: up to
/// three digits, then three (and a fraction).
fn digit_groups(left: &str, right: &str) -> bool {
    let head = left.trim_start_matches(['-', '+', '(']);
    let tail = right.trim_end_matches(')');
    let (whole, _) = tail.split_once(['.', ',']).unwrap_or((tail, ""));
    (1..=3).contains(&head.len())
        && head.chars().all(|c| c.is_ascii_digit())
        && whole.len() == 3
        && whole.chars().all(|c| c.is_ascii_digit())
}

/// The one line that narrows a gap `gap` between a column's `words` (x0,
/// x1, line) below `river`, where the other lines leave a river and that
/// line's own gap there is as wide: a header set a little off its column's
/// text (a `Due` heading begun left of the dates under it).
fn river_but_one_line(
    words: &[(f32, f32, usize)],
    (gap0, gap1): (f32, f32),
    river: f32,
) -> Option<usize> {
    // The gap's edges made of the words of `keep` lines only.
    let edges = |keep: &dyn Fn(usize) -> bool| {
        let left = (words.iter().filter(|w| w.1 <= gap0 && keep(w.2)))
            .map(|w| w.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let right = (words.iter().filter(|w| w.0 >= gap1 && keep(w.2)))
            .map(|w| w.0)
            .fold(f32::INFINITY, f32::min);
        (left, right)
    };
    let nearest_left = words
        .iter()
        .filter(|w| w.1 <= gap0)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let nearest_right = words
        .iter()
        .filter(|w| w.0 >= gap1)
        .min_by(|a, b| a.0.total_cmp(&b.0));
    [nearest_left, nearest_right]
        .into_iter()
        .flatten()
        .map(|w| w.2)
        .find(|&line| {
            let (l0, r0) = edges(&|l| l != line);
            let (l1, r1) = edges(&|l| l == line);
            r0 - l0 > river && r1 - l1 > river
        })
}

/// The median gap between two words of one segment that are words (not
/// figures, which may be columns set closer than a column gap): the space
/// of the block's font, if lines show it a few times (one pair of words
/// may be two columns set close). Not a gap at a column's edge, where
/// words of two other lines start or end too: titles set as close as the
/// figures under them (`Profit/loss Date`) are no font's space.
fn word_space(block: &[Line]) -> Option<f32> {
    // Where the block's words start and end, each with its line, by x.
    let edges = |edge: fn(&Word) -> f32| {
        let mut all: Vec<(f32, usize)> = (block.iter().enumerate())
            .flat_map(|(k, l)| l.words.iter().map(move |w| (edge(w), k)))
            .collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        all
    };
    let (starts, ends) = (edges(|w| w.bbox.x0), edges(|w| w.bbox.x1));
    // Whether words of two lines other than `own` have an edge within
    // `tol` of `at`.
    let two_others = |edges: &[(f32, usize)], at: f32, tol: f32, own: usize| {
        let from = edges.partition_point(|&(x, _)| x < at - tol);
        let mut near = (edges[from..].iter())
            .take_while(|&&(x, _)| x <= at + tol)
            .map(|&(_, k)| k)
            .filter(|&k| k != own);
        near.next().is_some_and(|first| near.any(|k| k != first))
    };
    let mut gaps: Vec<f32> = Vec::new();
    for (k, l) in block.iter().enumerate() {
        let tol = WRAP_SLACK_EM * l.size;
        for s in &l.segments {
            for w in l.words[s.words.clone()].windows(2) {
                let (a, b) = (&w[0], &w[1]);
                let at_an_edge = || {
                    two_others(&starts, b.bbox.x0, tol, k) || two_others(&ends, a.bbox.x1, tol, k)
                };
                if spaced(a) && spaced(b) && !at_an_edge() {
                    gaps.push(b.bbox.x0 - a.bbox.x1);
                }
            }
        }
    }
    match gaps.len() >= MIN_SPACES {
        true => Some(median(gaps)),
        false => typewriter_pitch(block),
    }
}

/// See `word_space`: how many gaps between words show a font's space.
const MIN_SPACES: usize = 3;

/// The width of a character of `block`'s font when it is a typewriter's,
/// every character as wide as the next: its word space too, where too few
/// pairs of words show one (dates like `Aug 25, 2022`, codes and figures
/// set a space apart, their spaces lined up down a column). `None` unless
/// nine in ten words of letters are as wide a character as the median.
fn typewriter_pitch(block: &[Line]) -> Option<f32> {
    let pitches: Vec<f32> = (block.iter().flat_map(|l| &l.words))
        .filter(|w| {
            w.text.chars().filter(|c| c.is_alphabetic()).count() >= MIN_PITCH_LETTERS
                && !w.text.chars().any(is_cjk)
        })
        .map(|w| w.bbox.width() / w.text.chars().count() as f32)
        .collect();
    if pitches.len() < MIN_PITCH_WORDS {
        return None;
    }
    let pitch = median(pitches.clone());
    let even = (pitches.iter())
        .filter(|&&p| (p - pitch).abs() <= PITCH_TOLERANCE * pitch)
        .count();
    (10 * even >= 9 * pitches.len()).then_some(pitch)
}

/// Whether the words of `lines` are set in a font whose characters differ
/// in width: most words of a few characters, two at least, have a narrow
/// character and a wide one (a typewriter's are all as wide).
fn set_in_a_proportional_font<'a>(lines: impl Iterator<Item = &'a Line>) -> bool {
    let (mut uneven, mut even) = (0, 0);
    for w in lines.flat_map(|l| &l.words) {
        if w.text.chars().count() < MIN_PITCH_LETTERS || w.text.chars().any(is_cjk) {
            continue;
        }
        let [narrowest, widest] = w.char_widths;
        match widest - narrowest > PITCH_TOLERANCE * widest {
            true => uneven += 1,
            false => even += 1,
        }
    }
    uneven >= 2 && uneven > even
}

/// See `typewriter_pitch`: words of this many letters at least, this many
/// of them, each as wide a character as the median within this share
/// (characters this close in width are of one width: `listing` too).
const MIN_PITCH_LETTERS: usize = 3;
const MIN_PITCH_WORDS: usize = 5;
pub(super) const PITCH_TOLERANCE: f32 = 0.03;

/// A word of a script that sets a space between words, mostly letters: a
/// gap beside ideographs (which have none) is no font's space but where
/// cells part, and codes (`INV-93277`) are set in columns as often as in
/// phrases.
fn spaced(w: &Word) -> bool {
    let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = w.text.chars().filter(char::is_ascii_digit).count();
    wordlike(w) && letters > digits && !w.text.chars().any(is_cjk)
}

/// A word of letters, not a figure.
fn wordlike(w: &Word) -> bool {
    w.text.chars().any(char::is_alphabetic) && !is_number(&w.text)
}

fn merge_intervals(spans: &mut [(f32, f32)]) -> Vec<(f32, f32)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f32, f32)> = Vec::new();
    for &(a, b) in spans.iter() {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Which columns a span of x touches.
fn columns_touched(cols: &[(f32, f32)], x0: f32, x1: f32) -> std::ops::Range<usize> {
    let first = cols.iter().position(|&(_, c1)| c1 > x0);
    let last = cols.iter().rposition(|&(c0, _)| c0 < x1);
    match (first, last) {
        (Some(f), Some(l)) if f <= l => f..l + 1,
        // Between two columns: the nearer one.
        _ => {
            let mid = (x0 + x1) / 2.0;
            let i = (0..cols.len())
                .min_by(|&a, &b| {
                    let da = (mid - (cols[a].0 + cols[a].1) / 2.0).abs();
                    let db = (mid - (cols[b].0 + cols[b].1) / 2.0).abs();
                    da.total_cmp(&db)
                })
                .unwrap_or(0);
            i..i + 1
        }
    }
}

/// The cells between `bounds` that text from `x0` to `x1` lands in (text
/// past either end in the cell at that end).
fn cells_touched(bounds: &[f32], x0: f32, x1: f32) -> std::ops::Range<usize> {
    let last_cell = bounds.len().saturating_sub(2);
    let cell_of = |x: f32| slot(bounds, x).unwrap_or(if x < bounds[0] { 0 } else { last_cell });
    cell_of(x0)..cell_of(x1) + 1
}

/// The columns a line has text in, a phrase reaching over several only in
/// the one it starts in.
fn occupied_from_the_start(line: &Line, cols: &[(f32, f32)]) -> Vec<bool> {
    let starts = line.segments.iter().flat_map(|seg| {
        let words = &line.words[seg.words.clone()];
        let reaches_over = columns_touched(cols, seg.x0, seg.x1).len() > 1;
        &words[..if reaches_over {
            words.len().min(1)
        } else {
            words.len()
        }]
    });
    columns_of(starts, cols)
}

/// The columns a line has text in.
fn occupied(line: &Line, cols: &[(f32, f32)]) -> Vec<bool> {
    columns_of(&line.words, cols)
}

/// The columns `words` lie in, each by its middle.
fn columns_of<'a>(words: impl IntoIterator<Item = &'a Word>, cols: &[(f32, f32)]) -> Vec<bool> {
    let mut occ = vec![false; cols.len()];
    for w in words {
        let cx = (w.bbox.x0 + w.bbox.x1) / 2.0;
        for c in columns_touched(cols, cx, cx + 0.01) {
            occ[c] = true;
        }
    }
    occ
}

fn table_from_block(block: &[Line], rules: &[Ruling], verticals: &[Ruling]) -> Vec<TableRegion> {
    if let Some(sides) = tables_side_by_side(block, rules) {
        return tables_in_columns(&sides, rules, verticals);
    }
    let block = above_a_closing_rule(block, rules);
    let drawn = column_lines(block, verticals);
    let cols = columns(block);
    let cols = merge_between_lines(block, split_at_lines(block, cols, &drawn), &drawn);
    let cols = merge_gaps_read_through(block, cols, &drawn);
    if cols.len() < 2 {
        return Vec::new();
    }
    // Columns joined since take in the segments that touched only one of
    // their parts (a cell's long entry set out beside a header's word).
    let mut cols = cols;
    widen_to_segments(&mut cols, block.iter().flat_map(|l| &l.segments));
    let cols = widen_to_parted_words(block, cols);
    let cols = widen_to_figures_set_right(block, cols);
    let cols = with_currency_signs_joined(block, cols);
    let cols = with_flags_joined(block, cols);
    let size = median(block.iter().map(|l| l.size).collect()).max(1.0);
    let text_x0 = block
        .iter()
        .map(|l| l.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let text_x1 = block
        .iter()
        .map(|l| l.bbox.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let Some(text_y0) = block.first().map(|l| l.bbox.y0) else {
        return Vec::new();
    };
    let text_y1 = block
        .iter()
        .map(|l| l.bbox.y1)
        .fold(f32::NEG_INFINITY, f32::max);

    // Rules across the block: inside it they separate rows; just above and
    // below they frame it.
    let across = rules_across(block, rules);
    let inner: Vec<f32> = across
        .iter()
        .filter(|r| r.pos > text_y0 && r.pos < text_y1)
        .map(|r| r.pos)
        .collect();
    let near = 1.5 * size;
    let top = across
        .iter()
        .filter(|r| r.pos <= text_y0 && r.pos >= text_y0 - near)
        .map(|r| r.pos)
        .fold(f32::INFINITY, f32::min);
    let bottom = across
        .iter()
        .filter(|r| r.pos >= text_y1 && r.pos <= text_y1 + near)
        .map(|r| r.pos)
        .fold(f32::NEG_INFINITY, f32::max);
    let framing: Vec<&&Ruling> = across
        .iter()
        .filter(|r| r.pos >= text_y0 - near && r.pos <= text_y1 + near)
        .collect();
    let x0 = framing.iter().map(|r| r.start).fold(text_x0, f32::min);
    let x1 = framing.iter().map(|r| r.end).fold(text_x1, f32::max);
    let y0 = if top.is_finite() { top } else { text_y0 };
    let y1 = if bottom.is_finite() { bottom } else { text_y1 };

    // Rules over any part of the block (one under a group heading).
    let part_rules: Vec<f32> = (rules.iter())
        .filter(|r| r.pos > text_y0 && r.pos < text_y1 && r.start < text_x1 && r.end > text_x0)
        .map(|r| r.pos)
        .collect();
    // The gap below which two lines may be one row's, for `rows` and
    // `items_by_terms` alike.
    let within_row = wrap_gap_threshold(
        &stacked_line_gaps(block),
        median(block.iter().map(|l| l.size).collect()),
    );
    // The columns' widest text and where the stub's lines start, for the
    // passes that read which lines are one row.
    let widths = column_text_widths(block, &cols);
    let left = flush_left_edge(block, &cols);
    let rows = with_hanging_lines(
        block,
        rows(block, &cols, &widths, &inner, &part_rules, within_row),
        &cols,
    );
    let (rows, labels) = centred_labels(block, rows, &cols);
    // Rows regrouped would leave the labels' rows behind.
    let rows = if labels.is_empty() {
        let rows = items_by_terms(block, rows, &cols, &widths, left, within_row);
        labels_run_on(
            block,
            lines_of_their_records(block, rows, &cols),
            &cols,
            &widths,
            left,
            within_row,
        )
    } else {
        rows
    };
    if rows.len() < 2 {
        return Vec::new();
    }
    let runs: Vec<Vec<Run>> = block.iter().map(|l| word_runs_within(l, &cols)).collect();
    let mut breaks = running_text_breaks(block, &runs, &rows);
    // No text runs on over a rule drawn under it, nor over more space than
    // parts the lines of a row (text runs on at its own line spacing): its
    // cells of prose end there, however full their last lines. (A rule
    // across the table beside a page column of prose is not under that
    // column's text, which runs on beside it.)
    for (pair, b) in rows.windows(2).zip(&mut breaks) {
        let (above, below) = (
            &block[*pair[0].last().expect("rows are not empty")],
            &block[pair[1][0]],
        );
        let spaced = within_row.is_finite() && below.bbox.y0 - above.bbox.y1 >= within_row;
        let ruled_under = |x: f32| {
            (across.iter()).any(|r| {
                r.pos > above.cy() && r.pos < below.cy() && r.start <= x + size && r.end > x
            })
        };
        if spaced {
            b.clear();
        } else {
            b.retain(|&x| !ruled_under(x));
        }
    }
    // A table beside a page column of running text, their lines on one
    // another's baselines: the table is in the words clear of that column
    // (whose other side may be a page column too: a list, a paragraph).
    if rows.len() >= 5 {
        if let Some(beside) = beside_a_text_column(block, &runs, &breaks, &drawn) {
            return (blocks(&beside).iter())
                .filter(|b| !mostly_running_text(b))
                .flat_map(|b| table_from_block(b, rules, verticals))
                .collect();
        }
    }
    // Paragraphs through every row: running text with a note beside it
    // (a running head, a margin note, a table's title), not a table. Over
    // four rows or more with no figure beside the text, a boundary in four
    // may not read as a wrap (a paragraph's short first line, indented, or
    // its last); beside figures, those are the ends of a table's cells of
    // prose, a row's worth each.
    let unbroken = breaks.iter().filter(|b| b.is_empty()).count();
    let text_columns = running_text_columns(block, &runs, &breaks);
    let nearly = if rows.len() >= 5 && !figures_beside(block, &runs, &text_columns) {
        breaks.len() / 4
    } else {
        0
    };
    if rows.len() >= 3 && unbroken <= nearly {
        // Unless the page is set in columns whose lines met where their
        // baselines did: then a table in one of them is read in its column.
        return (page_columns(block).iter())
            .flat_map(|sides| tables_in_columns(sides, rules, verticals))
            .collect();
    }
    // Page text in columns beside (or under) a table: what lies between
    // its lines is read again on its own.
    if let Some(pieces) = between_running_text(block, &runs, &rows, &breaks) {
        // Two such columns all the way down are the page's: a table in one
        // stands level with the other's lines, between none of them.
        if let Some(sides) = page_columns(block) {
            return tables_in_columns(&sides, rules, verticals);
        }
        return (pieces.iter())
            .flat_map(|piece| table_from_block(piece, rules, verticals))
            .collect();
    }

    // Grid boundaries: rules where rows are separated by one, else midway.
    let mut row_bounds = vec![y0];
    let mut rules_part_every_row = true;
    for pair in rows.windows(2) {
        let above = pair[0]
            .iter()
            .map(|&i| block[i].bbox.y1)
            .fold(f32::NEG_INFINITY, f32::max);
        let below = pair[1]
            .iter()
            .map(|&i| block[i].bbox.y0)
            .fold(f32::INFINITY, f32::min);
        let rule = inner
            .iter()
            .copied()
            .find(|&y| y >= above - 1.0 && y <= below + 1.0);
        rules_part_every_row &= rule.is_some();
        row_bounds.push(rule.unwrap_or((above + below) / 2.0));
    }
    row_bounds.push(y1);
    if row_bounds.windows(2).any(|w| w[1] <= w[0]) {
        return Vec::new(); // rows overlap: not a grid
    }
    // Column boundaries: a line drawn in the gap, else midway.
    let mut col_bounds = vec![x0];
    for pair in cols.windows(2) {
        let mid = (pair[0].1 + pair[1].0) / 2.0;
        let line = (drawn.iter().copied())
            .filter(|&x| x >= pair[0].1 - 1.0 && x <= pair[1].0 + 1.0)
            .min_by(|a, b| (a - mid).abs().total_cmp(&(b - mid).abs()));
        col_bounds.push(line.unwrap_or(mid));
    }
    col_bounds.push(x1);
    if col_bounds.windows(2).any(|w| w[1] <= w[0]) {
        return Vec::new(); // one line taken for two gaps: not a grid
    }

    // Spans: a segment over several columns with no word gap at the boundary.
    // Past the columns it reaches into (a heading centred over columns that
    // starts in the gap before the first, past its text's end), a boundary
    // through one of its words joins the cells on both sides where the one
    // on the far side holds nothing else in the row, or where the word would
    // be cut in two (`extract` keeps a word mostly on one side whole).
    let (nr, nc) = (rows.len(), cols.len());
    // Rows of figures: as many cells of numbers as most rows have, two at
    // most (a table of text columns holds one a row, a share or a sum).
    let figure_cells: Vec<usize> = (rows.iter())
        .map(|members| {
            (members.iter())
                .flat_map(|&i| block[i].segments.iter().map(move |s| (i, s)))
                .filter(|(i, s)| {
                    block[*i].words[s.words.clone()]
                        .iter()
                        .all(|w| is_number(&w.text))
                })
                .count()
        })
        .collect();
    let mut sorted = figure_cells.clone();
    sorted.sort_unstable();
    let wanted = match sorted.get(sorted.len() / 2).copied().unwrap_or(0) {
        0 => 2,
        most => most.min(2),
    };
    let first_figures = (figure_cells.iter())
        .position(|&n| n >= wanted)
        .unwrap_or(0);
    let mut sets = DisjointSets::new(nr * nc);
    for (r, members) in rows.iter().enumerate() {
        let segments: Vec<(usize, &Segment)> = (members.iter())
            .flat_map(|&i| block[i].segments.iter().map(move |s| (i, s)))
            .collect();
        let landed: Vec<_> = (segments.iter())
            .map(|(_, seg)| cells_touched(&col_bounds, seg.x0 + 0.5, seg.x1 - 0.5))
            .collect();
        let mut texts = vec![0; nc];
        for cells in &landed {
            cells.clone().for_each(|c| texts[c] += 1);
        }
        // (Headings and titles stand above the first row of figures.)
        let titles_below: Vec<(&Line, &Segment)> = (rows.get(r + 1).into_iter())
            .filter(|_| r + 1 < first_figures)
            .flatten()
            .flat_map(|&i| block[i].segments.iter().map(move |s| (&block[i], s)))
            .collect();
        for (&(i, seg), landed) in segments.iter().zip(&landed) {
            let line = &block[i];
            let reached = columns_touched(&cols, seg.x0 + 0.5, seg.x1 - 0.5);
            let heading = heads_titles_below(seg, &titles_below, line.size);
            for c in landed.start..landed.end.saturating_sub(1) {
                let within = reached.contains(&c) && reached.contains(&(c + 1));
                let alone = texts[c] == 1 && texts[c + 1] == 1;
                let boundary = col_bounds[c + 1];
                let joined = if within || alone {
                    (alone && heading) || !word_gap_at(line, seg, boundary)
                } else {
                    splits_a_word(line, seg, boundary)
                };
                if joined {
                    sets.union(r * nc + c, r * nc + c + 1);
                }
            }
        }
        // A row's one phrase past the first column, centred over the
        // columns after it: the heading of the rows under it, over every
        // column of figures (`is_a_heading_over_the_figures`).
        let [i] = members[..] else { continue };
        if is_a_heading_over_the_figures(&block[i], &block[i + 1..], &cols) {
            for c in 1..nc - 1 {
                sets.union(r * nc + c, r * nc + c + 1);
            }
        }
    }
    // A label centred across two rows spans both in its columns.
    for label in &labels {
        for &c in &label.columns {
            sets.union(label.above * nc + c, (label.above + 1) * nc + c);
        }
    }
    // Labels of the first column set at the middle of their groups of
    // rows span their groups.
    for (first, last) in groups_of_centred_labels(block, &rows, &cols, &labels) {
        for r in first..last {
            sets.union(r * nc, (r + 1) * nc);
        }
    }
    let cells = cells_from_sets(&mut sets, nr, nc);
    let grid = Grid {
        rows: row_bounds,
        cols: col_bounds,
        cells,
    };

    let ruled = top.is_finite() || bottom.is_finite() || !inner.is_empty();
    if !looks_like_a_table(block, &rows, &cols, rules_part_every_row) {
        return Vec::new();
    }
    // Without any rule, the text alone must make the case: three rows or more,
    // and columns whose cells line up on an edge (not justified prose).
    if !ruled && (nr < 3 || aligned_columns(block, &cols) < 2) {
        return Vec::new();
    }
    let mut confidence: f32 = 0.5;
    if top.is_finite() && bottom.is_finite() {
        confidence += 0.2;
    }
    if nc >= 3 {
        confidence += 0.1;
    }
    if nr >= 4 {
        confidence += 0.1;
    }
    vec![TableRegion {
        bbox: Rect::new(x0, y0, x1, y1),
        grid,
        evidence: if ruled {
            Evidence::PartiallyRuled
        } else {
            Evidence::TextLayout
        },
        confidence: confidence.min(0.95),
    }]
}

/// The block without its last lines where a rule across it closes the
/// rows above them and they, fewer than those rows, are a note: set
/// smaller, or running out past the rule's ends where the rows above keep
/// within them (a page's running foot, a source line set as large as the
/// table; however close, a page number after it would make a column), or
/// each phrase of them runs over a gap that parts the columns of every row
/// above (an abbreviation or a unit explained, set as large as the table;
/// the page's text running on under it). A line with figures in the
/// columns is a row (a total) however it is set.
fn above_a_closing_rule<'a>(block: &'a [Line], rules: &[Ruling]) -> &'a [Line] {
    // (Between the block's lines: a rule further down is another table's.)
    let Some(last_rule) =
        (rules_between_lines(block, rules).into_iter()).max_by(|a, b| a.pos.total_cmp(&b.pos))
    else {
        return block;
    };
    let rows = block.iter().take_while(|l| l.cy() < last_rule.pos).count();
    let (above, under) = block.split_at(rows);
    let size = median(above.iter().map(|l| l.size).collect());
    let within_the_rule =
        |l: &Line| l.bbox.x0 >= last_rule.start - size && l.bbox.x1 <= last_rule.end + size;
    let mut spans: Vec<(f32, f32)> = (above.iter().flat_map(|l| &l.segments))
        .map(|s| (s.x0, s.x1))
        .collect();
    let kept_apart = merge_intervals(&mut spans);
    // Phrases (by their own word spaces, not where `part_like_the_rows_above`
    // parted them) each over a gap: a note, or running text the block ran
    // into; a row's figures stand in the columns.
    let over_a_gap = |s: &Segment| (kept_apart.windows(2)).any(|w| s.x0 < w[0].1 && s.x1 > w[1].0);
    let over_a_column_gap = |l: &Line| segments(&l.words, l.size).iter().all(over_a_gap);
    // Figures in pieces of their own, none over a gap: a row (a total),
    // whatever its size (a recognised line's is only roughly known).
    let in_the_columns = |l: &Line| {
        let pieces = segments(&l.words, l.size);
        let figure = |s: &&Segment| l.words[s.words.clone()].iter().all(|w| is_number(&w.text));
        pieces.iter().filter(figure).count() >= MIN_ROW_FIGURES && !pieces.iter().any(over_a_gap)
    };
    let a_note = !under.iter().any(in_the_columns)
        && (under.iter().all(|l| l.size < NOTE_SIZE * size)
            || (above.iter().all(within_the_rule) && !under.iter().all(within_the_rule))
            || under.iter().all(over_a_column_gap));
    if rows >= MIN_ITEMS && (1..rows).contains(&under.len()) && a_note {
        &block[..rows]
    } else {
        block
    }
}

/// The rules across the block (see `rules_across`) between the middles of
/// its first line and its last.
fn rules_between_lines<'a>(block: &[Line], rules: &'a [Ruling]) -> Vec<&'a Ruling> {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return Vec::new();
    };
    (rules_across(block, rules).into_iter())
        .filter(|r| first.cy() < r.pos && r.pos < last.cy())
        .collect()
}

/// The rules that run across at least `RULE_SPAN` of the block's width.
fn rules_across<'a>(block: &[Line], rules: &'a [Ruling]) -> Vec<&'a Ruling> {
    let x0 = block_left(block);
    let x1 = block_right(block);
    (rules.iter())
        .filter(|r| r.end.min(x1) - r.start.max(x0) >= RULE_SPAN * (x1 - x0))
        .collect()
}

/// See `above_a_closing_rule`: a line under a table's bottom rule set
/// smaller than this share of the table's text is no row, unless it sets
/// this many figures at least in the columns.
const NOTE_SIZE: f32 = 0.9;
const MIN_ROW_FIGURES: usize = 2;

/// The x of each vertical line drawn across one of the block's lines, within
/// its extent: the lines of a ruled column, a box around a group of columns,
/// the cells of a ruled header over unruled rows. A line that runs on far
/// above or below the block belongs to something else (a chart, a page
/// layout).
fn column_lines(block: &[Line], verticals: &[Ruling]) -> Vec<f32> {
    let size = median(block.iter().map(|l| l.size).collect());
    let x0 = block_left(block);
    let x1 = block_right(block);
    let y0 = block
        .iter()
        .map(|l| l.bbox.y0)
        .fold(f32::INFINITY, f32::min);
    let y1 = (block.iter().map(|l| l.bbox.y1)).fold(f32::NEG_INFINITY, f32::max);
    let reach = COLUMN_LINE_OVERRUN_EM * size;
    let mut xs: Vec<f32> = verticals
        .iter()
        .filter(|r| r.pos >= x0 - size && r.pos <= x1 + size)
        .filter(|r| r.start >= y0 - reach && r.end <= y1 + reach)
        .filter(|r| block.iter().any(|l| r.start <= l.cy() && r.end >= l.cy()))
        .map(|r| r.pos)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() <= 1.0);
    xs
}

/// Splits a column at a line drawn through it with no word across the line:
/// text aligned on both sides of a drawn boundary is two columns, however
/// close it sits.
fn split_at_lines(block: &[Line], cols: Vec<(f32, f32)>, drawn: &[f32]) -> Vec<(f32, f32)> {
    let words: Vec<&Word> = block.iter().flat_map(|l| &l.words).collect();
    let mut out = Vec::new();
    for (c0, c1) in cols {
        let mut start = c0;
        for &x in drawn.iter().filter(|&&x| x > c0 && x < c1) {
            let inside: Vec<&&Word> = (words.iter())
                .filter(|w| w.bbox.x1 > start && w.bbox.x0 < c1)
                .collect();
            if inside.iter().any(|w| w.bbox.x0 < x && w.bbox.x1 > x) {
                continue;
            }
            let left = (inside.iter().filter(|w| w.bbox.x1 <= x))
                .map(|w| w.bbox.x1)
                .fold(f32::NEG_INFINITY, f32::max);
            let right = (inside.iter().filter(|w| w.bbox.x0 >= x))
                .map(|w| w.bbox.x0)
                .fold(f32::INFINITY, f32::min);
            if left.is_finite() && right.is_finite() {
                out.push((start, left));
                start = right;
            }
        }
        out.push((start, c1));
    }
    out
}

/// See `merge_gaps_read_through`: columns closer than this (em) are no
/// two columns where no line parts them (a word space is 0.25 em or more).
const TOUCHING_EM: f32 = 0.2;

/// How the lines with text on both sides of a gap between two columns
/// cross it.
#[derive(Clone, Copy, PartialEq)]
enum GapReading {
    /// Most cross it inside a word of a cell: the gap is an artefact of a
    /// header set apart from its column's text (centred over left-aligned
    /// values), and no boundary can go there without cutting words.
    ThroughWords,
    /// Most cross it, at a word space or in a line of running text: a
    /// justified line's wide space, or a number a word space before text.
    ThroughSpaces,
    /// Most have a column gap there.
    Apart,
}

/// Joins neighbouring columns whose gaps most of the lines with text on
/// both sides read straight through. Through words, always; so too where
/// the columns nearly touch and no line parts them. Through word
/// spaces, when the joined column reads as running text (more words a line
/// than a table's cell holds): the wide spaces of a justified line made the
/// gaps, and the other lines of the paragraph run across them (a number set
/// a word space before a text column is two columns). A gap with a line
/// drawn in it stays.
fn merge_gaps_read_through(
    block: &[Line],
    cols: Vec<(f32, f32)>,
    drawn: &[f32],
) -> Vec<(f32, f32)> {
    let has_text =
        |l: &Line, a: f32, b: f32| (l.words.iter()).any(|w| w.bbox.x1 > a && w.bbox.x0 < b);
    let size = median(block.iter().map(|l| l.size).collect());
    // (Found once a gap might be read through.)
    let figure_gap = std::cell::OnceCell::new();
    let between_figures = |left: (f32, f32), right: (f32, f32)| {
        let gap = *figure_gap.get_or_init(|| figure_river(size, word_space(block)));
        figures_either_side(block, (left.0, left.1, right.0, right.1), gap)
    };
    let reading = |left: (f32, f32), right: (f32, f32)| {
        let (gap0, gap1) = (left.1, right.0);
        let mid = (gap0 + gap1) / 2.0;
        let (mut words, mut spaces, mut apart) = (0usize, 0usize, 0usize);
        for line in block {
            if !(has_text(line, left.0, gap0) && has_text(line, gap1, right.1)) {
                continue;
            }
            let crossing = (line.segments.iter()).find_map(|s| {
                let words = &line.words[s.words.clone()];
                let word = words.iter().find(|w| w.bbox.x0 < mid && w.bbox.x1 > mid)?;
                Some((word, words.len()))
            });
            if let Some((word, in_segment)) = crossing {
                // A cell's text, not a line of running text over the
                // columns, nor a run of dashes under a typed header.
                if in_segment as f32 > MAX_WORDS_PER_CELL {
                    spaces += 1;
                } else if word.text.chars().any(char::is_alphanumeric) {
                    words += 1;
                }
            } else if (line.segments.iter()).any(|s| s.x0 < mid && s.x1 > mid) {
                spaces += 1;
            } else {
                apart += 1;
            }
        }
        let ruled = drawn.iter().any(|&x| x >= gap0 - 1.0 && x <= gap1 + 1.0);
        // Columns nearer than a word space that no line parts: a heading
        // set off its column's text (centred over entries set left) begins
        // just where some entries end, and the longest runs on past it.
        let touching = apart == 0 && gap1 - gap0 < TOUCHING_EM * size;
        if ruled || words + spaces <= 2 * apart || between_figures(left, right) {
            GapReading::Apart
        } else if touching || (words > 2 * (spaces + apart) && gap1 > gap0) {
            GapReading::ThroughWords
        } else {
            GapReading::ThroughSpaces
        }
    };
    // Running text has many words a line; or, counted on the lines that
    // fill the joined column, on most of its lines (a paragraph's last
    // line is short); a table's column is filled by its longest entries.
    let running_text = |a: f32, b: f32| {
        let (mut lines, mut words) = (0usize, 0usize);
        let (mut full, mut words_of_full) = (0usize, 0usize);
        for l in block {
            let inside: Vec<&Word> = (l.words.iter())
                .filter(|w| w.bbox.x0 >= a && w.bbox.x1 <= b)
                .collect();
            let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                continue;
            };
            lines += 1;
            words += inside.len();
            if last.bbox.x1 - first.bbox.x0 >= FULL_LINE * (b - a) {
                full += 1;
                words_of_full += inside.len();
            }
        }
        let many = |words: usize, lines: usize| words as f32 > MAX_WORDS_PER_CELL * lines as f32;
        (lines > 0 && many(words, lines))
            || (2 * full >= lines && full > 0 && many(words_of_full, full))
    };
    // Columns joined through words; then runs of columns joined by gaps read
    // through at spaces, each kept whole or apart.
    let mut joined: Vec<((f32, f32), bool)> = Vec::new();
    for c in cols {
        match joined.last_mut() {
            Some((last, through)) if reading(*last, c) == GapReading::ThroughWords => {
                last.1 = last.1.max(c.1);
                *through = true;
            }
            _ => joined.push((c, false)),
        }
    }
    // Joined through a header's words, the column's own text may still
    // part where a gap runs down all of it: headers centred over two
    // columns set close (a right-aligned figure a space before a code).
    let joined = joined.into_iter().flat_map(|(c, through)| {
        if through {
            split_at_rivers(block, vec![c])
        } else {
            vec![c]
        }
    });
    // A column of figures set right, a word space before a column of text
    // set left, is two columns however many words the text runs to (long
    // comments beside amounts): a paragraph's lines do not each start with
    // a figure ending where the others do.
    let space = std::cell::OnceCell::new();
    let read_on = |last: (f32, f32), c: (f32, f32)| {
        let space = *space.get_or_init(|| word_space(block).unwrap_or(0.0));
        reading(last, c) != GapReading::Apart
            && !figures_before_text(block, last, c)
            && !wrapped_past_a_gap(block, text_gap(block, last, c), (space, size))
    };
    let mut runs: Vec<Vec<(f32, f32)>> = Vec::new();
    for c in joined {
        match runs.last_mut() {
            Some(run) if read_on(*run.last().expect("runs are not empty"), c) => run.push(c),
            _ => runs.push(vec![c]),
        }
    }
    runs.into_iter()
        .flat_map(|run| {
            let (a, b) = (run[0].0, run[run.len() - 1].1);
            if run.len() > 1 && running_text(a, b) {
                vec![(a, b)]
            } else {
                run
            }
        })
        .collect()
}

/// Whether the lines with text in both columns `left` and `right` hold, on
/// two in three of them and three at least, a lone figure in `left` and
/// text starting in `right`, the figures ending and the text starting where
/// each other's do: a column of figures set right beside one of text set
/// left (the rest a header). Figures that could all be a list's marks are
/// not enough (a numbered list's items run on as a paragraph's lines).
fn figures_before_text(block: &[Line], left: (f32, f32), right: (f32, f32)) -> bool {
    let size = median(block.iter().map(|l| l.size).collect());
    let tol = 0.2 * size;
    let (mut ends, mut starts, mut marks, mut against) = (Vec::new(), Vec::new(), 0, 0);
    for line in block {
        let in_left: Vec<&Word> = (line.words.iter())
            .filter(|w| w.bbox.x1 > left.0 && w.bbox.x0 < left.1)
            .collect();
        let first_right = (line.words.iter()).find(|w| w.bbox.x0 >= right.0 - tol);
        let (Some(first_right), false) = (first_right, in_left.is_empty()) else {
            continue;
        };
        match in_left.as_slice() {
            [figure] if is_number(&figure.text) && first_right.bbox.x0 < right.1 => {
                ends.push(figure.bbox.x1);
                starts.push(first_right.bbox.x0);
                marks += usize::from(is_list_mark(&figure.text));
            }
            _ => against += 1,
        }
    }
    let aligned = |v: &[f32]| {
        let lo = v.iter().copied().fold(f32::INFINITY, f32::min);
        v.iter().all(|&x| x - lo <= tol)
    };
    ends.len() >= 3
        && ends.len() >= 2 * against
        && marks < ends.len()
        && aligned(&ends)
        && aligned(&starts)
}

/// Joins neighbouring columns that sit between the same two drawn column
/// lines and never share a line of text: a header set left over numbers set
/// right in one ruled column. Without lines on both sides (and one inside
/// the table) nothing says the two are one column.
fn merge_between_lines(block: &[Line], cols: Vec<(f32, f32)>, drawn: &[f32]) -> Vec<(f32, f32)> {
    let lines_in = |c: (f32, f32)| -> Vec<bool> {
        block
            .iter()
            .map(|l| {
                (l.words.iter()).any(|w| {
                    let cx = (w.bbox.x0 + w.bbox.x1) / 2.0;
                    cx >= c.0 && cx <= c.1
                })
            })
            .collect()
    };
    let (Some(&first), Some(&last)) = (cols.first(), cols.last()) else {
        return cols;
    };
    let interior = drawn.iter().any(|&x| x > first.1 && x < last.0);
    let mut out: Vec<(f32, f32)> = Vec::new();
    for c in cols {
        if let Some(prev) = out.last_mut() {
            let between = drawn.iter().any(|&x| x >= prev.1 && x <= c.0);
            let bounded = drawn.iter().any(|&x| x <= prev.0) && drawn.iter().any(|&x| x >= c.1);
            let apart = (lines_in(*prev).iter().zip(lines_in(c))).all(|(&a, b)| !(a && b));
            if interior && bounded && !between && apart {
                prev.1 = c.1;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Groups the block's lines into rows (indices into `block`). Each line is a
/// row, except where lines are closer than rows are to each other (the line
/// spacing inside a wrapped cell, when the gaps between lines fall into two
/// clearly different sizes: `within_row`, see `wrap_gap_threshold`) and read
/// as one wrapped row, and the column titles of a header wrapped each to its
/// own depth (`is_wrapped_header`: over a rule under the header, or with
/// none, over the first line of figures). Rules between lines always
/// separate rows.
fn rows(
    block: &[Line],
    cols: &[(f32, f32)],
    widths: &[f32],
    inner_rules: &[f32],
    part_rules: &[f32],
    within_row: f32,
) -> Vec<Vec<usize>> {
    let gaps = line_gaps(block);
    let occ: Vec<Vec<bool>> = block.iter().map(|l| occupied(l, cols)).collect();

    // Bands of lines between the rules drawn across the block.
    let parted_by = |rules: &[f32], i: usize| {
        (rules.iter()).any(|&y| y > block[i - 1].cy() && y < block[i].cy())
    };
    let mut bands: Vec<Vec<usize>> = vec![vec![0]];
    for i in 1..block.len() {
        if parted_by(inner_rules, i) {
            bands.push(vec![i]);
        } else {
            bands.last_mut().expect("non-empty").push(i);
        }
    }
    // Where rules part the rows, a band whose lines wrap on into each
    // other is one row of wrapped cells, however close its lines stand.
    // Of the band over the rule under a table's header, each piece between
    // rules over part of it (one under a group heading, a row of its own)
    // is one row when it holds column titles each set over lines of its
    // own number.
    let rows_ruled = inner_rules.len() >= MIN_ROW_RULES;
    let header = bands.len() >= 2;
    // Lines closer than rows stand are one row if they read as wrapped.
    let by_gaps = |lines: &[usize], rows: &mut Vec<Vec<usize>>| {
        let mut groups: Vec<Vec<usize>> = vec![vec![lines[0]]];
        for &i in &lines[1..] {
            if gaps[i - 1] < within_row {
                groups.last_mut().expect("non-empty").push(i);
            } else {
                groups.push(vec![i]);
            }
        }
        for group in groups {
            if group.len() >= 2 && is_one_wrapped_row(block, &group, &occ, cols, widths) {
                rows.push(group);
            } else if let Some((last, wrapped)) =
                under_a_wrapped_row(block, &group, &occ, cols, widths)
            {
                rows.push(wrapped.to_vec());
                rows.push(vec![last]);
            } else {
                rows.extend(group.into_iter().map(|i| vec![i]));
            }
        }
    };
    let mut rows = Vec::new();
    for (k, band) in bands.into_iter().enumerate() {
        // A heading over the columns of figures that opens the header, above
        // their titles, is a row of its own, however close the titles stand.
        let band = match band.split_first() {
            Some((&first, titles))
                if k == 0 && header && heads_the_figures(block, first, titles, cols, &occ) =>
            {
                rows.push(vec![first]);
                titles.to_vec()
            }
            _ => band,
        };
        if rows_ruled
            && band.len() >= 2
            && (is_wrapped_band(block, &band, cols, widths)
                || a_row_with_one_cell_wrapped(block, &band, cols, widths))
        {
            rows.push(band);
            continue;
        }
        // The header band in pieces, parted by rules over part of it and
        // round a unit under the titles (a heading over the figures, or
        // one unit over each column); without titles in one, those part
        // nothing.
        let unit = |i: usize| {
            is_a_heading_over_the_figures(&block[i], &block[i + 1..], cols)
                || one_text_in_every_column(&block[i], cols)
        };
        let in_pieces = |band: &[usize]| -> Option<Vec<(Vec<usize>, bool)>> {
            let mut pieces: Vec<Vec<usize>> = vec![vec![band[0]]];
            for &i in &band[1..] {
                if parted_by(part_rules, i) || (!header && (unit(i) || unit(i - 1))) {
                    pieces.push(vec![i]);
                } else {
                    pieces.last_mut().expect("non-empty").push(i);
                }
            }
            // (With no rule under the header, no text over two columns
            // either: a group heading whose word space falls between its
            // columns' titles is a row of its own.)
            let in_one_column = |p: &Vec<usize>| {
                (p.iter().flat_map(|&i| &block[i].segments))
                    .all(|s| columns_touched(cols, s.x0 + 0.5, s.x1 - 0.5).len() <= 1)
            };
            let titles: Vec<bool> = (pieces.iter())
                .map(|p| {
                    p.len() >= 2
                        && is_wrapped_header(block, p, cols)
                        && (header || in_one_column(p))
                })
                .collect();
            titles
                .contains(&true)
                .then(|| pieces.into_iter().zip(titles).collect())
        };
        // Without a rule under the header, its lines are those over the
        // first line of figures, two at least.
        let (head, body) = match (k, header) {
            // (Over a first rule under the first row, not the header: a
            // band on which the header is set has no rule under it. A line
            // of years is the header's.)
            (0, true) => match first_line_of_figures(block, &band, &occ, cols) {
                f if f > 0
                    && band[f..]
                        .iter()
                        .any(|&i| a_line_of_figures(&block[i], cols, false)) =>
                {
                    band.split_at(f)
                }
                _ => (&band[..], &[][..]),
            },
            (0, false) => band.split_at(first_line_of_figures(block, &band, &occ, cols)),
            _ => (&[][..], &band[..]),
        };
        match (head.len() >= 2).then(|| in_pieces(head)).flatten() {
            Some(pieces) => {
                for (piece, titles) in pieces {
                    if titles {
                        rows.push(piece);
                    } else {
                        by_gaps(&piece, &mut rows);
                    }
                }
                if !body.is_empty() {
                    by_gaps(body, &mut rows);
                }
            }
            None => by_gaps(&band, &mut rows),
        }
    }
    rows
}

/// Whether `line` holds one text, the same, in two columns or more past
/// the first and nothing else there (`RMB'000` under every title).
fn one_text_in_every_column(line: &Line, cols: &[(f32, f32)]) -> bool {
    let texts: Vec<String> = (1..cols.len())
        .map(|c| {
            let words: Vec<&str> = words_in_column(line, cols, c)
                .map(|w| w.text.as_str())
                .collect();
            words.join(" ")
        })
        .collect();
    let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
    filled.len() >= 2 && filled.len() == texts.len() && filled.iter().all(|t| *t == filled[0])
}

/// The place in `band` where its first row with figures starts: its first
/// line with figures in two columns past the first, more of them than
/// columns of words there (a title's unit, `($1,000)`, reads as a figure
/// beside another's last word), or the lines with text in the first column
/// only right above it (its label's first lines). 0 for none.
fn first_line_of_figures(
    block: &[Line],
    band: &[usize],
    occ: &[Vec<bool>],
    cols: &[(f32, f32)],
) -> usize {
    let Some(mut start) = band
        .iter()
        .position(|&i| a_line_of_figures(&block[i], cols, true))
    else {
        return 0;
    };
    while start > 0 && reads_as_the_rows_below(block, band[start - 1], &band[start..], cols) {
        start -= 1;
    }
    while start > 0 && (occ[band[start - 1]].iter().enumerate()).all(|(c, &o)| o == (c == 0)) {
        start -= 1;
    }
    start
}

/// Whether line `i` of `block` reads as one of the rows `below` it, not a
/// title over them, though too few of its cells are figures to be a line of
/// figures (a first row with no amount in one column, its other cells a
/// code and a date): past the first column, most of its cells are figures
/// or take the form of a cell below in their column (`TR-46910` over
/// `PO-44281`, `2025-05-06` over `2015-06-11`: digits in the same places
/// among letters and marks), two at least.
fn reads_as_the_rows_below(block: &[Line], i: usize, below: &[usize], cols: &[(f32, f32)]) -> bool {
    let line = &block[i];
    let (mut filled, mut like) = (0, 0);
    for c in 1..cols.len() {
        let words: Vec<&Word> = words_in_column(line, cols, c).collect();
        if words.is_empty() {
            continue;
        }
        filled += 1;
        let figures = (words.iter())
            .all(|w| (is_number(&w.text) && !is_a_year(&w.text)) || stands_for_a_figure(&w.text));
        let form = form_of_digits(&words);
        let as_below = form.contains('9')
            && !words.iter().any(|w| is_a_year(&w.text))
            && (below.iter()).any(|&k| {
                let cell: Vec<&Word> = words_in_column(&block[k], cols, c).collect();
                form_of_digits(&cell) == form
            });
        like += usize::from(figures || as_below);
    }
    like >= 2 && 2 * like > filled
}

/// A cell's text with its runs of digits written `9` and of letters `A`
/// (`TR-46910` is `A-9`, `2025-05-06` is `9-9-9`).
fn form_of_digits(words: &[&Word]) -> String {
    let mut form = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            form.push(' ');
        }
        for ch in w.text.chars() {
            let class = match ch {
                c if c.is_ascii_digit() => '9',
                c if c.is_alphabetic() => 'A',
                c => c,
            };
            if !(form.ends_with(class) && (class == '9' || class == 'A')) {
                form.push(class);
            }
        }
    }
    form
}

/// Whether `line` holds figures in two columns past the first, more of
/// them than columns of words; years among them unless `years`. A mark
/// standing for a figure (`..`) counts as one, beside a figure at least.
fn a_line_of_figures(line: &Line, cols: &[(f32, f32)], years: bool) -> bool {
    // Per column: whether it holds a word, and only figures. (A currency
    // sign set apart is its figure's.)
    let mut cells = vec![(false, true); cols.len()];
    let mut numbers = 0;
    for w in line.words.iter().filter(|w| !is_currency_sign(&w.text)) {
        let c = column_of(cols, w);
        let cell = &mut cells[c];
        let number = is_number(&w.text) && (years || !is_a_year(&w.text));
        numbers += usize::from(number && c > 0);
        *cell = (true, cell.1 && (number || stands_for_a_figure(&w.text)));
    }
    let filled = cells[1..].iter().filter(|c| c.0);
    let figures = filled.clone().filter(|c| c.1).count();
    numbers >= 1 && figures >= 2 && 2 * figures > filled.count()
}

/// Whether `token` stands in a figure's place: a statistical table's mark
/// for a figure not available, not applicable or withheld (`..`, `-`,
/// `x`, `(NA)`).
fn stands_for_a_figure(token: &str) -> bool {
    FIGURE_MARKS.contains(&token)
}

/// See `stands_for_a_figure`.
const FIGURE_MARKS: [&str; 17] = [
    "..", "...", "…", "-", "–", "—", "x", "X", "n/a", "N/A", "na", "NA", "(NA)", "(X)", "(D)",
    "(S)", "(Z)",
];

/// A year as a column's title gives it: four digits from 1800 to 2199.
fn is_a_year(token: &str) -> bool {
    token.len() == 4
        && token.bytes().all(|b| b.is_ascii_digit())
        && matches!(&token[..2], "18" | "19" | "20" | "21")
}

/// Whether a line's text past the first column is a heading over the
/// columns after it: one segment, a phrase (two words with letters or
/// more) or text over two columns, its middle within `CENTRED_EM` of the
/// middle of those columns' text. Beside text in the first column (the
/// stub's own heading), none of its word spaces may fall in a gap between
/// columns: entries run together are no heading. `below` are the lines
/// under it, some of them rows under it.
fn is_a_heading_over_the_figures(line: &Line, below: &[Line], cols: &[(f32, f32)]) -> bool {
    let nc = cols.len();
    let mut past_the_stub = (line.segments.iter())
        .map(|seg| (seg, columns_touched(cols, seg.x0 + 0.5, seg.x1 - 0.5)))
        .filter(|(_, touched)| touched.end > 1);
    let (Some((seg, touched)), None, true) = (past_the_stub.next(), past_the_stub.next(), nc >= 3)
    else {
        return false;
    };
    let words = &line.words[seg.words.clone()];
    let lettered = (words.iter()).filter(|w| w.text.chars().any(char::is_alphabetic));
    // (A unit in brackets is one word: `(Percent)` over the figures.)
    let unit = (words.first()).is_some_and(|w| w.text.starts_with('('))
        && (words.last()).is_some_and(|w| w.text.ends_with(')'));
    let heading = (lettered.count() >= 2 || touched.len() >= 2 || unit) && touched.start >= 1;
    // Centred on the figures' text. A unit in brackets under the titles
    // may be centred on their cells instead, from midway across the gap
    // after the stub (a wide stub's figures set right stand far into their
    // cells), and the wider the figures the less exactly; not a heading
    // of words (over some of the columns) nor a cell's entry that happens
    // to stand midway (an address in a middle column).
    let near = |x: f32, off: f32| (seg.cx() - x).abs() < off;
    let middle = (cols[1].0 + cols[nc - 1].1) / 2.0;
    let cells_middle = ((cols[0].1 + cols[1].0) / 2.0 + cols[nc - 1].1) / 2.0;
    let exactly = CENTRED_EM * line.size;
    let loosely = exactly.max(CENTRED_SHARE * (cols[nc - 1].1 - cols[1].0));
    let centred =
        near(middle, exactly) || (unit && (near(middle, loosely) || near(cells_middle, loosely)));
    let spaced_as_columns = || {
        (words.windows(2))
            .any(|w| (cols.windows(2)).any(|c| w[0].bbox.x1.max(c[0].1) < w[1].bbox.x0.min(c[1].0)))
    };
    // Inside one column, over text of that column alone on the next line
    // set level with it on the left, on the right or in the middle, it is
    // the first line of that column's own wrapped title, however centred
    // over the figures. (The next line
    // with text in that column: other columns' one-line titles set midway
    // beside a title of two lines stand between them.)
    let level = |a: f32, b: f32| (a - b).abs() < MIN_SPACE_EM * line.size;
    let in_column = |l: &Line| {
        (l.segments.iter())
            .any(|s| columns_touched(cols, s.x0 + 0.5, s.x1 - 0.5).contains(&touched.start))
    };
    let next = below.iter().find(|l| in_column(l) || !overlap_y(l, line));
    // Centred on it, it keeps within the column's text below (a heading
    // over several columns reaches past the middle one's).
    let (text_x0, text_x1) = (below.iter().flat_map(|l| &l.words))
        .filter(|w| column_of(cols, w) == touched.start)
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), w| {
            (a.min(w.bbox.x0), b.max(w.bbox.x1))
        });
    let within_its_text = seg.x0 >= text_x0 - line.size && seg.x1 <= text_x1 + line.size;
    // (A line of figures carries on no title: a row of the body.)
    let own_title = touched.len() == 1
        && next.is_some_and(|next| {
            !a_line_of_figures(next, cols, false)
                && (next.segments.iter()).any(|below| {
                    // (Wider than its column's text, centred on a line that
                    // carries on its phrase in lower case.)
                    let carries_on = (next.words.get(below.words.start))
                        .and_then(|w| w.text.chars().next())
                        .is_some_and(char::is_lowercase);
                    columns_touched(cols, below.x0 + 0.5, below.x1 - 0.5) == touched
                        && (level(below.x0, seg.x0)
                            || level(below.x1, seg.x1)
                            || (level(below.cx(), seg.cx()) && (within_its_text || carries_on)))
                })
        });
    let alone = line.segments.len() == 1;
    // (A heading heads rows: the last line of a table heads none.)
    let rows_under = below.iter().any(|l| !overlap_y(l, line));
    heading && centred && rows_under && !own_title && (alone || !spaced_as_columns())
}

/// See `is_a_heading_over_the_figures`: how near (in ems) a heading's
/// middle stands to the middle of the figures' text. More than an em: it
/// is centred over their cells, which reach past text set right.
const CENTRED_EM: f32 = 1.5;
/// A unit in brackets may stand this share of the figures' width off their
/// middle, or their cells' (the wider the figures, the less exactly one is
/// set over them).
const CENTRED_SHARE: f32 = 0.08;

/// Whether line `first` of a table's header band is a heading over the
/// columns of figures (`is_a_heading_over_the_figures`) and the lines after it
/// hold titles in two of those columns or more.
fn heads_the_figures(
    block: &[Line],
    first: usize,
    titles: &[usize],
    cols: &[(f32, f32)],
    occ: &[Vec<bool>],
) -> bool {
    let titled = (1..cols.len())
        .filter(|&c| titles.iter().any(|&i| occ[i][c]))
        .count();
    titled >= 2 && is_a_heading_over_the_figures(&block[first], &block[first + 1..], cols)
}

/// Whether the lines of a band between two rules are one row of wrapped
/// cells: every line after the first carries on, in each column it has text
/// in, the text the band's lines above it hold there (word wrap broke it;
/// a column empty above is a cell set lower, as middle-aligned ones are);
/// at least one column wraps a line of words (figures and codes break
/// where a column is narrow, not where a line is full); and no column
/// holds figures on two lines (figures do not wrap: each is a row's).
fn is_wrapped_band(block: &[Line], band: &[usize], cols: &[(f32, f32)], widths: &[f32]) -> bool {
    let mut prose_wrap = false;
    for (c, &widest) in widths.iter().enumerate() {
        let lines: Vec<usize> = (band.iter().copied())
            .filter(|&i| words_in_column(&block[i], cols, c).next().is_some())
            .collect();
        let figures = (lines.iter())
            .filter(|&&i| words_in_column(&block[i], cols, c).all(|w| is_number(&w.text)))
            .count();
        if figures >= 2 {
            return false;
        }
        for pair in lines.windows(2) {
            let (above, below) = (&block[pair[0]], &block[pair[1]]);
            if !wraps_into(above, below, cols, c, widest) {
                return false;
            }
            prose_wrap |= words_in_column(above, cols, c).count() >= MIN_WRAPPED_WORDS;
        }
        // A column so narrow that a line holds a word or two: as many
        // words over its lines, all words of letters (codes are no phrase),
        // or of ideographs among them (a Chinese term in an English phrase).
        let words = || (lines.iter()).flat_map(|&i| words_in_column(&block[i], cols, c));
        let ideographs = |w: &Word| w.text.chars().all(is_cjk);
        prose_wrap |= lines.len() >= 2
            && words().filter(|w| spaced(w)).count() >= MIN_WRAPPED_WORDS
            && words().all(|w| spaced(w) || ideographs(w));
    }
    prose_wrap
}

/// Whether a band between rules is one row whose cells but one fit on a
/// line, that one wrapped over the band's other lines (a comment of a few
/// words, too short to read as prose, the row's other cells set midway
/// beside it): one line holds text in two columns or more, every other
/// line in one column only, the same for all, and there each line wraps
/// into the next, sharing its edge. Rows of their own would each fill
/// the table's first columns, not one column's next line.
fn a_row_with_one_cell_wrapped(
    block: &[Line],
    band: &[usize],
    cols: &[(f32, f32)],
    widths: &[f32],
) -> bool {
    let filled = |i: usize| occupied(&block[i], cols);
    let (full, rest): (Vec<usize>, Vec<usize>) =
        (band.iter().copied()).partition(|&i| filled(i).iter().filter(|&&o| o).count() >= 2);
    let Some(c) = rest
        .first()
        .and_then(|&i| filled(i).iter().position(|&o| o))
    else {
        return false;
    };
    if full.len() != 1 || !rest.iter().all(|&i| filled(i) == filled(rest[0])) {
        return false;
    }
    let tol = WRAP_ALIGN_EM * block[band[0]].size;
    band.windows(2).all(|pair| {
        let (above, below) = (&block[pair[0]], &block[pair[1]]);
        let edges = (line_extents(above, cols)[c], line_extents(below, cols)[c]);
        wraps_into(above, below, cols, c, widths[c])
            && matches!(edges, (Some(a), Some(b)) if share_an_edge(a, b, tol))
    })
}

/// Whether the lines of a piece of the band over the rule under a table's
/// header are one row of column titles, each over lines of its own number:
/// in every column the lines with text there follow one another (or stand
/// tight one under the other, lines set midway between them) and share
/// an edge or a centre, and hold figures on one line at most; in one at
/// least there are two lines (lines side by side are rows). Not when a
/// line runs over a column gap: a group heading over its columns is a row
/// of its own.
fn is_wrapped_header(block: &[Line], band: &[usize], cols: &[(f32, f32)]) -> bool {
    let spanning = band.iter().any(|&i| {
        let line = &block[i];
        (line.segments.iter()).any(|seg| {
            let touched = columns_touched(cols, seg.x0 + 0.5, seg.x1 - 0.5);
            (touched.start..touched.end.saturating_sub(1))
                .any(|c| !word_gap_at(line, seg, (cols[c].1 + cols[c + 1].0) / 2.0))
        })
    });
    if spanning {
        return false;
    }
    let mut wrapped = false;
    let titles = (0..cols.len()).all(|c| {
        let lines: Vec<usize> = (band.iter().copied())
            .filter(|&i| words_in_column(&block[i], cols, c).next().is_some())
            .collect();
        wrapped |= lines.len() >= 2;
        let figures = (lines.iter())
            .filter(|&&i| words_in_column(&block[i], cols, c).all(|w| is_number(&w.text)))
            .count();
        let stacked = lines.windows(2).all(|w| {
            let tol = WRAP_ALIGN_EM * block[w[0]].size;
            let extents = (
                line_extents(&block[w[0]], cols)[c],
                line_extents(&block[w[1]], cols)[c],
            );
            // (Titles of other columns set midway between two lines of
            // this one stand between them.)
            let between = (w[0] + 1..w[1])
                .all(|k| overlap_y(&block[k], &block[w[0]]) || overlap_y(&block[k], &block[w[1]]));
            (w[1] == w[0] + 1 || (between && tight(&block[w[0]], &block[w[1]])))
                && matches!(extents, (Some(a), Some(b)) if share_an_edge(a, b, tol))
        });
        figures < 2 && stacked
    });
    titles && wrapped
}

/// Whether two lines' boxes share some height.
fn overlap_y(a: &Line, b: &Line) -> bool {
    a.bbox.y0 < b.bbox.y1 && b.bbox.y0 < a.bbox.y1
}

/// Whether a segment is the heading of the column titles under it (a
/// group's name over its columns, `Survey 3` over `Owned` and `Hired`): two
/// titles or more of the next row stand under it, within an em of its
/// ends, and it is centred over them within an em. Its word spaces may
/// then fall where the columns part: it spans them. Titles are words (a
/// figure under it makes it a row of cells set close, `28.29 Pending`).
fn heads_titles_below(seg: &Segment, line_below: &[(&Line, &Segment)], em: f32) -> bool {
    let under: Vec<&(&Line, &Segment)> = (line_below.iter())
        .filter(|(_, t)| t.x0 >= seg.x0 - em && t.x1 <= seg.x1 + em)
        .collect();
    let titles = (under.iter()).all(|(l, t)| l.words[t.words.clone()].iter().all(wordlike));
    let x0 = under
        .iter()
        .map(|(_, t)| t.x0)
        .fold(f32::INFINITY, f32::min);
    let x1 = under
        .iter()
        .map(|(_, t)| t.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    titles && under.len() >= 2 && ((x0 + x1) / 2.0 - seg.cx()).abs() <= em
}

/// Whether a segment of a line has a word gap at `x` (give or take a
/// point): a boundary there parts it; else its text runs over it.
fn word_gap_at(line: &Line, seg: &Segment, x: f32) -> bool {
    (line.words[seg.words.clone()].windows(2))
        .any(|w| w[0].bbox.x1 <= x + 1.0 && w[1].bbox.x0 >= x - 1.0)
}

/// Whether a boundary at `x` would part one of a segment's words, letters
/// on both sides and neither side with `WHOLE_WORD_SHARE` of them (text is
/// put in cells by each letter's middle; a word mostly on one side goes
/// there whole).
fn splits_a_word(line: &Line, seg: &Segment, x: f32) -> bool {
    let (share, of) = crate::worker::extract::WHOLE_WORD_SHARE;
    (line.words[seg.words.clone()].iter()).any(|w| {
        let letters = w.text.chars().count().max(1);
        let letter = w.bbox.width() / letters as f32;
        let left = (((x - w.bbox.x0) / letter + 0.5).floor().max(0.0) as usize).min(letters);
        let most = left.max(letters - left);
        left > 0 && left < letters && most * of < letters * share
    })
}

/// Whether two lines' extents in a column share its left or right edge or
/// its centre, within `tol`: the lines of one cell's text.
fn share_an_edge((a0, a1): (f32, f32), (b0, b1): (f32, f32), tol: f32) -> bool {
    (a0 - b0).abs() < tol || (a1 - b1).abs() < tol || ((a0 + a1) - (b0 + b1)).abs() < 2.0 * tol
}

/// Rows of an item / description table set with no more space between
/// items than between the lines of one: a line whose text wraps on from
/// the line above, in every column it has text in, belongs to the row
/// above. It has no term (its first column empty), or the rest of one: a
/// term wrapped onto it begins in lower case, a new term does not. Kept
/// only when the rows then read as items with descriptions; otherwise
/// nothing says the lines are one row. Where the lines' gaps fall into
/// two kinds (`within_row` is finite), a row set a row's gap below holds a
/// new item, whatever its words (a term set midway in a tall row starts
/// below its first line).
fn items_by_terms(
    block: &[Line],
    rows: Vec<Vec<usize>>,
    cols: &[(f32, f32)],
    widths: &[f32],
    left: Option<f32>,
    within_row: f32,
) -> Vec<Vec<usize>> {
    if cols.len() < 2 {
        return rows;
    }
    let items = joined_where(block, rows.clone(), within_row, |_, above, first, _| {
        let occ = occupied(first, cols);
        let rest_of_term = || {
            let room = room_after_indent(above, cols, widths[0], left);
            label_runs_on(above, first, cols, room, false)
        };
        // Figures and codes break where the column is narrow, not
        // where a line of text is full: the line above holds words.
        let prose_wraps = |c: usize| {
            words_in_column(above, cols, c).count() >= MIN_WRAPPED_WORDS
                && wraps_into(above, first, cols, c, widths[c])
        };
        (!occ[0] || rest_of_term()) && (1..cols.len()).filter(|&c| occ[c]).all(prose_wraps)
    });
    let regrouped = items.len() < rows.len();
    if regrouped && reads_as_items_with_descriptions(block, &items, cols, false) {
        items
    } else {
        rows
    }
}

/// Rows whose label runs on from the row above, set as close as rows are
/// (a stub's long label wrapped in a table set solid): a row whose first
/// line opens in the first column with a word in lower case that would
/// not have fitted on the line above, where that line's label wraps, is
/// that row's rest, when no column beside holds text in both (the
/// figures stand on the label's first line or on its last). A row of its
/// own (`of which: ...` under a total) has figures beside its label, as
/// the row above does.
fn labels_run_on(
    block: &[Line],
    rows: Vec<Vec<usize>>,
    cols: &[(f32, f32)],
    widths: &[f32],
    left: Option<f32>,
    within_row: f32,
) -> Vec<Vec<usize>> {
    if cols.len() < 2 || rows.len() < 2 {
        return rows;
    }
    let beside = |row: &[usize]| -> Vec<bool> {
        (1..cols.len())
            .map(|c| row.iter().any(|&i| occupied(&block[i], cols)[c]))
            .collect()
    };
    // A label's room is the widest of the labels set at its indent where
    // several are: the stub's headings, set further left or bolder, may
    // run wider than its sub-labels wrap.
    let starts: Vec<Option<(f32, f32)>> =
        (block.iter()).map(|l| line_extents(l, cols)[0]).collect();
    // And whether two of them or more run to within an em of it: labels
    // wrapped there, which says the room is their measure.
    let room = |line: &Line| {
        let Some((start, _)) = line_extents(line, cols)[0] else {
            return (0.0, false);
        };
        let at_indent: Vec<f32> = (starts.iter().flatten())
            .filter(|(a, _)| (a - start).abs() < SAME_INDENT)
            .map(|(a, b)| b - a)
            .collect();
        if at_indent.len() < MIN_LINES_AT_AN_INDENT {
            return (room_after_indent(line, cols, widths[0], left), false);
        }
        let widest = at_indent.iter().copied().fold(0.0, f32::max);
        let full = at_indent
            .iter()
            .filter(|&&w| w > widest - line.size)
            .count();
        (widest, full >= 2)
    };
    joined_where(block, rows, within_row, |item, above, first, row| {
        let apart = || (beside(item).into_iter().zip(beside(row))).all(|(a, b)| !(a && b));
        let (room, measured) = room(above);
        // Ideographs wrap anywhere: their label's rest is taken only
        // after its first line's figures (a row's own label at the
        // measure, its cells blank, reads the same).
        let figures_beside = (item.iter())
            .flat_map(|&i| &block[i].words)
            .filter(|w| column_of(cols, w) > 0)
            .map(|w| is_number(&w.text) || stands_for_a_figure(&w.text))
            .fold(None, |all, number| Some(all.unwrap_or(true) && number));
        let after_figures = figures_beside == Some(true) && !beside(row).contains(&true);
        label_runs_on(above, first, cols, room, measured && after_figures) && apart()
    })
}

/// What room a line's first column leaves it: the column's widest text
/// (`widest`) less the line's indent from the column's flush-left edge
/// (`left`, `flush_left_edge`), where it has one.
fn room_after_indent(line: &Line, cols: &[(f32, f32)], widest: f32, left: Option<f32>) -> f32 {
    let indent = match (left, line_extents(line, cols)[0]) {
        (Some(left), Some((start, _))) => (start - left).max(0.0),
        _ => 0.0,
    };
    widest - indent
}

/// `rows` with each joined to the row above where `runs_on(row above so
/// far, its last line, the row's first line, the row)` says it goes on
/// there; never a row set a row's gap below (`within_row`, when the
/// lines' gaps fall into two kinds).
fn joined_where(
    block: &[Line],
    rows: Vec<Vec<usize>>,
    within_row: f32,
    runs_on: impl Fn(&[usize], &Line, &Line, &[usize]) -> bool,
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for row in rows {
        let joins = out.last().is_some_and(|item: &Vec<usize>| {
            let above = &block[*item.last().expect("rows are not empty")];
            let first = &block[row[0]];
            let row_gap_below =
                within_row.is_finite() && first.bbox.y0 - above.bbox.y1 >= within_row;
            !row_gap_below && runs_on(item, above, first, &row)
        });
        match out.last_mut() {
            Some(item) if joins => item.extend(row),
            _ => out.push(row),
        }
    }
    out
}

/// Whether `next`'s text in the first column opens with a word in lower
/// case that would not have fitted on `line` (see `wraps_into`, `room`
/// the widest `line`'s label could run): the rest of `line`'s label or
/// term. Ideographs have no case and wrap at any of them: a line opening
/// with one is the rest where that one would not have fitted, where the
/// caller says the room is `measured` (labels wrapped at it, see
/// `labels_run_on`), and it starts where `line` does (a group's heading
/// is set out from the labels under it).
fn label_runs_on(line: &Line, next: &Line, cols: &[(f32, f32)], room: f32, measured: bool) -> bool {
    let Some(first) = words_in_column(next, cols, 0).next() else {
        return false;
    };
    match first.text.chars().next() {
        Some(c) if is_ideograph(c) => {
            let (Some((a, b)), Some((start, _))) =
                (line_extents(line, cols)[0], line_extents(next, cols)[0])
            else {
                return false;
            };
            let one = first.bbox.width() / first.text.chars().count() as f32;
            measured
                && (start - a).abs() < SAME_INDENT
                && (b - a) + one > room - WRAP_SLACK_EM * line.size
        }
        Some(c) => c.is_lowercase() && wraps_into(line, next, cols, 0, room),
        None => false,
    }
}

/// Where the first column's lines start, when more of them start flush
/// there than end flush with its widest line (a stub set flush left, its
/// sub-labels and wrapped lines indented); `None` for a column set flush
/// right or centred.
fn flush_left_edge(block: &[Line], cols: &[(f32, f32)]) -> Option<f32> {
    let extents: Vec<(f32, f32)> = (block.iter())
        .filter_map(|l| line_extents(l, cols)[0])
        .collect();
    let left = (extents.iter()).fold(f32::INFINITY, |x, e| x.min(e.0));
    let right = (extents.iter()).fold(f32::NEG_INFINITY, |x, e| x.max(e.1));
    let tol = WRAP_ALIGN_EM * median(block.iter().map(|l| l.size).collect());
    let flush_left = extents.iter().filter(|e| e.0 - left < tol).count();
    let flush_right = extents.iter().filter(|e| right - e.1 < tol).count();
    (flush_left > flush_right).then_some(left)
}

/// Rows of a listing whose records each open on a key in the first column
/// (a document number, a date), a record's text running on over lines of
/// its own in one column (a description of two lines, broken where the
/// writer broke it, not where the line was full): a line with no key,
/// text in one column only and no figure, under a record with text in
/// that column and no nearer the next record than its own, is that
/// record's. Only where most rows with text in two columns or more open
/// on a key, every such line runs on a record, and most records and the
/// last run on so.
fn lines_of_their_records(
    block: &[Line],
    rows: Vec<Vec<usize>>,
    cols: &[(f32, f32)],
) -> Vec<Vec<usize>> {
    if cols.len() < 3 || rows.len() < MIN_RECORDS {
        return rows;
    }
    let occ: Vec<Vec<bool>> = block.iter().map(|l| occupied(l, cols)).collect();
    // Of the rows with text in two columns or more.
    let full: Vec<&Vec<usize>> = (rows.iter())
        .filter(|row| occ[row[0]].iter().filter(|&&o| o).count() >= 2)
        .collect();
    let keyed = full.iter().filter(|row| occ[row[0]][0]).count();
    if 2 * keyed <= full.len() {
        return rows;
    }
    // The rows, each with whether a line ran on it.
    let mut out: Vec<(Vec<usize>, bool)> = Vec::new();
    let mut last_joined = false;
    for (k, row) in rows.iter().enumerate() {
        let line = &block[row[0]];
        let filled: Vec<usize> = (0..cols.len()).filter(|&c| occ[row[0]][c]).collect();
        let lone = row.len() == 1
            && filled.len() == 1
            && filled[0] > 0
            && !line.words.iter().any(|w| is_number(&w.text));
        last_joined = lone;
        if !lone {
            out.push((row.clone(), false));
            continue;
        }
        // Under a record (not the first row, a header), which has text in
        // the line's column, no nearer the next record than to it.
        let gap_below =
            (rows.get(k + 1)).map_or(f32::INFINITY, |next| block[next[0]].bbox.y0 - line.bbox.y1);
        let (record, ran_on) = match out.split_first_mut() {
            Some((_, [.., (record, ran_on)])) => (record, ran_on),
            _ => return rows,
        };
        let above = &block[*record.last().expect("rows are not empty")];
        let runs_on = occ[record[0]][0]
            && record.iter().any(|&i| occ[i][filled[0]])
            && line.bbox.y0 - above.bbox.y1 <= gap_below + RECORD_GAP_SLACK_EM * line.size;
        // A line no record above takes (a cell's lines set midway in
        // its row, above the record's line): nothing says whose they are.
        if !runs_on {
            return rows;
        }
        record.push(row[0]);
        *ran_on = true;
    }
    // Lines between records may as well open the next record (a cell's
    // lines set up to the record's line, or midway): only where the last
    // record runs on too, and most records do, they are the record's above.
    let run_on = out.iter().filter(|(_, ran_on)| *ran_on).count();
    if last_joined && 2 * run_on >= keyed {
        out.into_iter().map(|(row, _)| row).collect()
    } else {
        rows
    }
}

/// See `lines_of_their_records`: the fewest rows a listing has, and how
/// much nearer (em) the next record a record's own line may stand.
const MIN_RECORDS: usize = 4;
const RECORD_GAP_SLACK_EM: f32 = 0.1;

/// Words per row and column.
fn words_per_cell(block: &[Line], rows: &[Vec<usize>], cols: &[(f32, f32)]) -> Vec<Vec<usize>> {
    (rows.iter())
        .map(|row| {
            let mut words = vec![0usize; cols.len()];
            for w in row.iter().flat_map(|&i| &block[i].words) {
                words[column_of(cols, w)] += 1;
            }
            words
        })
        .collect()
}

/// The column a word's centre is in.
fn column_of(cols: &[(f32, f32)], w: &Word) -> usize {
    let cx = (w.bbox.x0 + w.bbox.x1) / 2.0;
    columns_touched(cols, cx, cx + 0.01).start
}

/// Rows with the lines that run on from the row above joined to it, where
/// rows stand no further apart than a row's lines: a row's cells of words
/// wrapped, the label's next line set in by a hanging indent and every
/// cell's next line (two at least) starting in lower case, where none of
/// the line above ends a sentence, nor the row's first starts in lower
/// case. A sub-label indented under its parent has values of its own:
/// figures, or words starting a phrase.
fn with_hanging_lines(
    block: &[Line],
    rows: Vec<Vec<usize>>,
    cols: &[(f32, f32)],
) -> Vec<Vec<usize>> {
    let gaps = line_gaps(block);
    let usual = median(gaps.clone());
    // A line's text in each column.
    let texts = |i: usize| -> Vec<Option<String>> {
        let mut out: Vec<Option<String>> = vec![None; cols.len()];
        for w in &block[i].words {
            let cell = out[column_of(cols, w)].get_or_insert_with(String::new);
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&w.text);
        }
        out
    };
    // Where the first column's text starts on a line.
    let label_x = |i: usize| {
        (block[i].words.iter())
            .find(|w| column_of(cols, w) == 0)
            .map(|w| w.bbox.x0)
    };
    let runs_on = |first: usize, i: usize| {
        // (Spacing and indent first: most lines fail them, and cheaply.)
        let hanging = match (label_x(i - 1), label_x(i)) {
            (Some(a), Some(b)) => {
                (HANGING_INDENT_EM..=INDENT_EM).contains(&((b - a) / block[i].size))
            }
            _ => false,
        };
        if !hanging || gaps[i - 1] > usual + RHYTHM_EM * block[i].size {
            return false;
        }
        let (above, line) = (texts(i - 1), texts(i));
        // (A column in lower case all down is the column's own case.)
        let opens = texts(first)[0]
            .as_ref()
            .is_some_and(|t| !t.starts_with(char::is_lowercase));
        let filled = line.iter().flatten().count();
        let each_runs_on = (above.iter().zip(&line)).all(|(a, b)| match (a, b) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(a), Some(b)) => {
                b.starts_with(char::is_lowercase) && !a.ends_with(['.', ':', ';'])
            }
        });
        filled >= 2 && opens && each_runs_on
    };
    let mut out: Vec<Vec<usize>> = Vec::new();
    for row in rows {
        match (out.last_mut(), &row[..]) {
            (Some(last), &[i]) if i > 0 && last.last() == Some(&(i - 1)) && runs_on(last[0], i) => {
                last.push(i)
            }
            _ => out.push(row),
        }
    }
    out
}

/// See `with_hanging_lines`: the least indent (em) of a wrapped label's next
/// line under its first.
const HANGING_INDENT_EM: f32 = 0.5;

/// A label centred across two rows: the row above it, its columns and its
/// line.
struct CentredLabel {
    above: usize,
    columns: Vec<usize>,
    line: usize,
}

/// Takes out rows that are a label set between two rows (a one-line row
/// whose columns are empty in the rows on both sides, close to both) and
/// says, for each, the row above it and its columns: the label spans that
/// row and the next.
fn centred_labels(
    block: &[Line],
    rows: Vec<Vec<usize>>,
    cols: &[(f32, f32)],
) -> (Vec<Vec<usize>>, Vec<CentredLabel>) {
    let occupied_by = |members: &[usize]| -> Vec<bool> {
        let mut occ = vec![false; cols.len()];
        for &i in members {
            for (c, o) in occupied(&block[i], cols).into_iter().enumerate() {
                occ[c] |= o;
            }
        }
        occ
    };
    let mut kept: Vec<Vec<usize>> = Vec::new();
    let mut labels = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let is_label = i > 0 && i + 1 < rows.len() && rows[i].len() == 1 && {
            let line = &block[rows[i][0]];
            let (above, below) = (occupied_by(&rows[i - 1]), occupied_by(&rows[i + 1]));
            let mine = occupied_by(&rows[i]);
            let free = mine
                .iter()
                .enumerate()
                .all(|(c, &m)| !m || (!above[c] && !below[c]));
            let prev_bottom = rows[i - 1]
                .iter()
                .map(|&k| block[k].bbox.y1)
                .fold(f32::NEG_INFINITY, f32::max);
            let next_top = rows[i + 1]
                .iter()
                .map(|&k| block[k].bbox.y0)
                .fold(f32::INFINITY, f32::min);
            let tight = line.bbox.y0 - prev_bottom < 0.5 * line.size
                && next_top - line.bbox.y1 < 0.5 * line.size;
            free && tight
        };
        if is_label {
            let columns = occupied_by(&rows[i])
                .iter()
                .enumerate()
                .filter(|(_, &m)| m)
                .map(|(c, _)| c)
                .collect();
            labels.push(CentredLabel {
                above: kept.len() - 1,
                columns,
                line: rows[i][0],
            });
        } else {
            kept.push(rows[i].clone());
        }
        i += 1;
    }
    (kept, labels)
}

/// The groups of rows, first and last, that the first column's labels head
/// when each is set at the middle of its group (`Men` beside the middle of
/// its three rows, or between the middle two of four; the first column
/// empty in the group's other rows): from the body's first row of figures
/// down, each label's group is the rows after the one before whose middle
/// stands level with it, two rows at least, the last ending at the foot
/// (a label wrapped over lines set closer than the rows is one). Nothing
/// where the labels do not tile the body so (a label on its group's first
/// row, as most tables set them, heads a group of one).
fn groups_of_centred_labels(
    block: &[Line],
    rows: &[Vec<usize>],
    cols: &[(f32, f32)],
    between: &[CentredLabel],
) -> Vec<(usize, usize)> {
    // (A header of years is no body.)
    let Some(body) = (rows.iter()).position(|members| {
        members
            .iter()
            .any(|&i| a_line_of_figures(&block[i], cols, false))
    }) else {
        return Vec::new();
    };
    // Where each row's cells stand past the labels' column (a label set
    // between two rows may have been read into the line of one).
    let cells: Vec<(f32, f32)> = (rows.iter())
        .map(|members| {
            let words = members.iter().flat_map(|&i| &block[i].words);
            height_of(words.filter(|w| column_of(cols, w) > 0))
        })
        .collect();
    if cells[body..].iter().any(|(a, _)| !a.is_finite()) {
        return Vec::new(); // a label on a row of its own: a section's heading
    }
    // Each label's extent down the page: its lines' in the first column, a
    // label's lines set closer than the rows one under another being one.
    let label_extent = |line: &Line| {
        Some(height_of(words_in_column(line, cols, 0))).filter(|(y0, _)| y0.is_finite())
    };
    let mut extents: Vec<(f32, f32)> = (rows[body..].iter().flatten())
        .filter_map(|&i| label_extent(&block[i]))
        .collect();
    for label in between {
        if label.above >= body && label.columns == [0] {
            extents.extend(label_extent(&block[label.line]));
        }
    }
    extents.sort_by(|a, b| a.0.total_cmp(&b.0));
    let pitch = median(cells[body..].windows(2).map(|w| w[1].0 - w[0].0).collect());
    let mut labels: Vec<(f32, f32)> = Vec::new();
    for (y0, y1) in extents {
        match labels.last_mut() {
            Some(label) if y0 - label.0 < WRAPPED_LABEL_PITCH * pitch => label.1 = label.1.max(y1),
            _ => labels.push((y0, y1)),
        }
    }
    // (Few: a label a row or so is a column of row labels.)
    if labels.len() < 2 || rows.len() < body + 2 * labels.len() {
        return Vec::new();
    }
    let labels: Vec<f32> = labels.iter().map(|(y0, y1)| (y0 + y1) / 2.0).collect();
    let top = |r: usize| cells[r].0;
    let bottom = |r: usize| cells[r].1;
    let mut groups = Vec::new();
    let mut first = body;
    for &middle in &labels {
        let tol = CENTRED_LABEL_EM * block[rows[first][0]].size;
        // (Past the group's first row: one on it heads a group of one.)
        if middle <= (top(first) + bottom(first)) / 2.0 + tol {
            return Vec::new();
        }
        let Some(last) = (first + 1..rows.len())
            .find(|&r| ((top(first) + bottom(r)) / 2.0 - middle).abs() <= tol)
        else {
            return Vec::new();
        };
        groups.push((first, last));
        first = last + 1;
        if first >= rows.len() {
            break;
        }
    }
    if groups.len() < labels.len() || first != rows.len() {
        return Vec::new();
    }
    groups
}

/// The top and bottom of `words` (infinite where there are none).
fn height_of<'a>(words: impl Iterator<Item = &'a Word>) -> (f32, f32) {
    words.fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), w| {
        (a.min(w.bbox.y0), b.max(w.bbox.y1))
    })
}

/// How far, in em, a group label's middle may stand from its group's.
const CENTRED_LABEL_EM: f32 = 0.5;
/// A group label's lines, wrapped, stand closer than this share of the
/// rows' pitch (a cell's lines at the font's leading, rows further apart).
const WRAPPED_LABEL_PITCH: f32 = 0.9;

/// The space between each line of a block and the next.
fn line_gaps(block: &[Line]) -> Vec<f32> {
    (block.windows(2))
        .map(|w| w[1].bbox.y0 - w[0].bbox.y1)
        .collect()
}

/// The gaps between the block's lines, where two overlap only if the lower
/// goes on under a word of the upper, a cell's text wrapped set solid: a
/// line set midway beside two lines of another column overlaps them
/// further, and is no line of theirs (such gaps count as half a point).
fn stacked_line_gaps(block: &[Line]) -> Vec<f32> {
    (block.windows(2).zip(line_gaps(block)))
        .map(|(pair, gap)| {
            let tol = WRAP_ALIGN_EM * pair[1].size;
            let under_a_word =
                (pair[0].words.iter()).any(|w| (w.bbox.x0 - pair[1].bbox.x0).abs() < tol);
            if gap < 0.0 && !under_a_word {
                gap.max(0.5)
            } else {
                gap
            }
        })
        .collect()
}

/// How far, in em, the boxes of a wrapped cell's lines set tight may
/// overlap (`wrap_gap_threshold`): lines set solid, a line's box up to a
/// third taller than its em.
const MAX_LINE_OVERLAP_EM: f32 = 0.3;

/// The gap below which two lines may belong to one row: between the two sizes
/// when the gaps fall clearly into a small kind (line spacing) and a large one
/// (row spacing); otherwise no gap joins lines.
fn wrap_gap_threshold(gaps: &[f32], size: f32) -> f32 {
    let mut sorted = gaps.to_vec();
    sorted.sort_by(f32::total_cmp);
    let mut best = (f32::NEG_INFINITY, 1.0f32);
    for w in sorted.windows(2) {
        let (small, large) = (w[0].max(0.5), w[1]);
        let ratio = large / small;
        // (The kinds' difference from the gap itself: lines set closer
        // than their boxes' height overlap, a gap below nothing; by a
        // third of an em at most, or they are no lines one under the
        // other.)
        let overlap = -w[0];
        if large - w[0] >= 0.3 * size
            && overlap <= MAX_LINE_OVERLAP_EM * size
            && ratio >= 2.0
            && ratio > best.1
        {
            best = ((w[0] + w[1]) / 2.0, ratio);
        }
    }
    best.0
}

/// The widest text each column holds on one line, over the block's lines
/// down to its last with text in two columns: lines of one column under
/// the table's rows (a source, a note) are no cell's, and a note wider
/// than the labels would make every wrapped label look short of full.
fn column_text_widths(block: &[Line], cols: &[(f32, f32)]) -> Vec<f32> {
    let mut widths = vec![0.0f32; cols.len()];
    let in_columns = |line: &Line| line_extents(line, cols).iter().flatten().count() >= 2;
    let last = block
        .iter()
        .rposition(in_columns)
        .map_or(block.len(), |k| k + 1);
    for line in &block[..last] {
        for (c, extent) in line_extents(line, cols).into_iter().enumerate() {
            if let Some((a, b)) = extent {
                widths[c] = widths[c].max(b - a);
            }
        }
    }
    widths
}

/// Per column, the x-extent of the line's words in it.
fn line_extents(line: &Line, cols: &[(f32, f32)]) -> Vec<Option<(f32, f32)>> {
    let mut out: Vec<Option<(f32, f32)>> = vec![None; cols.len()];
    for w in &line.words {
        let c = column_of(cols, w);
        out[c] = Some(match out[c] {
            Some((a, b)) => (a.min(w.bbox.x0), b.max(w.bbox.x1)),
            None => (w.bbox.x0, w.bbox.x1),
        });
    }
    out
}

/// Lines of a group are one row when a column holds a single line while
/// another runs over several lines that fill its width as wrapped text does
/// (every line but the last nearly as wide as the column's widest text).
fn is_one_wrapped_row(
    block: &[Line],
    group: &[usize],
    occ: &[Vec<bool>],
    cols: &[(f32, f32)],
    widths: &[f32],
) -> bool {
    let ncols = cols.len();
    let filled: Vec<usize> = (0..ncols)
        .map(|c| group.iter().filter(|&&i| occ[i][c]).count())
        .collect();
    if !filled.contains(&1) {
        return false;
    }
    // Figures do not wrap: a column with a figure on two lines holds two
    // rows' values (sub-labels, each with its figures, beside their group's
    // label set on one of their lines).
    let figures_on_two_lines = (1..ncols).any(|c| {
        (group.iter())
            .filter(|&&i| {
                occ[i][c] && words_in_column(&block[i], cols, c).all(|w| is_number(&w.text))
            })
            .count()
            >= 2
    });
    if figures_on_two_lines {
        return false;
    }
    (0..ncols).any(|c| {
        let lines: Vec<usize> = group.iter().copied().filter(|&i| occ[i][c]).collect();
        // Figures do not wrap, however wide they are.
        let filled = lines[..lines.len().saturating_sub(1)].iter().all(|&i| {
            line_extents(&block[i], cols)[c].is_some_and(|(a, b)| b - a >= 0.6 * widths[c])
                && !words_in_column(&block[i], cols, c).all(|w| is_number(&w.text))
        });
        let wrapped = lines
            .windows(2)
            .all(|w| wraps_into(&block[w[0]], &block[w[1]], cols, c, widths[c]));
        let heads =
            || (lines.windows(2)).any(|w| heads_the_next(&block[w[0]], &block[w[1]], cols, c));
        // The lines of one cell share its alignment, or the later one holds
        // nothing else (a hanging indent); an indented line with values of
        // its own under a label is a sub-row (a parent label, then a child).
        let aligned = lines.windows(2).all(|w| {
            let tol = WRAP_ALIGN_EM * block[w[0]].size;
            if occ[w[1]].iter().filter(|&&o| o).count() == 1 {
                return true;
            }
            match (
                line_extents(&block[w[0]], cols)[c],
                line_extents(&block[w[1]], cols)[c],
            ) {
                (Some(a), Some(b)) => share_an_edge(a, b, tol),
                _ => false,
            }
        });
        lines.len() >= 2 && aligned && (filled || wrapped) && !heads()
    })
}

/// Whether `line`'s text in column `c` heads the lines under it rather
/// than running on into `next`'s: it ends in a colon (a lead-in to the
/// rows of its section), or it is set in capitals and `next`'s is not (a
/// section's heading over its first row).
fn heads_the_next(line: &Line, next: &Line, cols: &[(f32, f32)], c: usize) -> bool {
    let letters = |l: &Line| -> Vec<char> {
        (words_in_column(l, cols, c))
            .flat_map(|w| w.text.chars())
            .filter(|ch| ch.is_alphabetic())
            .collect()
    };
    let (above, below) = (letters(line), letters(next));
    let capitals = above.len() >= 2 && above.iter().all(|ch| ch.is_uppercase());
    let lead_in = (words_in_column(line, cols, c).last()).is_some_and(|w| w.text.ends_with(':'));
    lead_in || (capitals && below.iter().any(|ch| ch.is_lowercase()))
}

/// A group of lines set solid that is one wrapped row of titles (no cell
/// of figures) and a line under it across every column the row fills:
/// column titles wrapped over lines, each to its own depth, and the unit
/// of each column on the line under them (`RMB'000` under every title).
/// Each cell of that last line would be a wrapped title's last line, so no
/// column holds one line alone and the whole group reads as no wrapped
/// row. The last line and the rest.
fn under_a_wrapped_row<'g>(
    block: &[Line],
    group: &'g [usize],
    occ: &[Vec<bool>],
    cols: &[(f32, f32)],
    widths: &[f32],
) -> Option<(usize, &'g [usize])> {
    let (&last, wrapped) = group.split_last()?;
    let across = (0..cols.len()).all(|c| occ[last][c] || wrapped.iter().all(|&i| !occ[i][c]));
    // Titles, no figures: a record's line of figures with a name wrapped
    // on into the next record's is no header.
    let titles = (wrapped.iter()).all(|&i| {
        (0..cols.len())
            .all(|c| !occ[i][c] || !words_in_column(&block[i], cols, c).all(|w| is_number(&w.text)))
    });
    (wrapped.len() >= 2
        && across
        && titles
        && is_one_wrapped_row(block, wrapped, occ, cols, widths))
    .then_some((last, wrapped))
}

/// The words of a line in column `c`.
fn words_in_column<'a>(
    line: &'a Line,
    cols: &'a [(f32, f32)],
    c: usize,
) -> impl Iterator<Item = &'a Word> + 'a {
    line.words.iter().filter(move |w| column_of(cols, w) == c)
}

/// Whether `next`'s text in column `c` reads as the rest of `line`'s, broken
/// by word wrap: its first word would not have fitted after `line`'s text
/// without making that line wider than the column's widest text. A line
/// after a short entry (a label above a value, a parent above its child)
/// fails.
fn wraps_into(line: &Line, next: &Line, cols: &[(f32, f32)], c: usize, widest: f32) -> bool {
    let Some((a, b)) = line_extents(line, cols)[c] else {
        return false;
    };
    let words: Vec<&Word> = words_in_column(line, cols, c).collect();
    // Numbers do not wrap: a column of short figures always "overflows".
    if words.iter().all(|w| is_number(&w.text)) {
        return false;
    }
    // The line's own word space where it has one (a typewriter font's is
    // 0.6 em), else the narrowest a proportional font sets.
    let gaps: Vec<f32> = (words.windows(2))
        .map(|w| w[1].bbox.x0 - w[0].bbox.x1)
        .collect();
    let space = median(gaps).max(WRAP_SPACE_EM * line.size);
    let first_word = words_in_column(next, cols, c).min_by(|p, q| p.bbox.x0.total_cmp(&q.bbox.x0));
    first_word.is_some_and(|w| {
        !is_number(&w.text) && (b - a) + space + w.bbox.width() > widest - WRAP_SLACK_EM * line.size
    })
}

/// Not prose in columns, not a bulleted list, and aligned in at least two
/// columns over at least two rows.
fn looks_like_a_table(
    block: &[Line],
    rows: &[Vec<usize>],
    cols: &[(f32, f32)],
    rules_part_every_row: bool,
) -> bool {
    let filled = words_per_cell(block, rows, cols);
    let words: usize = filled.iter().flatten().sum();
    let first_col_tokens_of = |rows: &[Vec<usize>]| -> Vec<&str> {
        (rows.iter().flatten())
            .flat_map(|&i| &block[i].words)
            .filter(|w| column_of(cols, w) == 0)
            .map(|w| w.text.as_str())
            .collect()
    };
    let first_col_tokens = first_col_tokens_of(rows);
    let filled_cells = filled.iter().flatten().filter(|&&n| n > 0).count();
    if filled_cells == 0 {
        return false;
    }
    if words as f32 / filled_cells as f32 > MAX_WORDS_PER_CELL
        && !reads_as_items_with_descriptions(block, rows, cols, rules_part_every_row)
    {
        return false;
    }
    // Labels scattered over a mostly empty grid, with little text for its
    // area, are a chart's axes and legend.
    let x0 = block
        .iter()
        .map(|l| l.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let x1 = block
        .iter()
        .map(|l| l.bbox.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let y0 = block
        .iter()
        .map(|l| l.bbox.y0)
        .fold(f32::INFINITY, f32::min);
    let y1 = block
        .iter()
        .map(|l| l.bbox.y1)
        .fold(f32::NEG_INFINITY, f32::max);
    let ink: f32 = block
        .iter()
        .flat_map(|l| &l.words)
        .map(|w| w.bbox.width() * w.bbox.height())
        .sum();
    let density = ink / ((x1 - x0) * (y1 - y0)).max(1.0);
    let fill = filled_cells as f32 / (rows.len() * cols.len()) as f32;
    if fill < MIN_CHART_FILL && density < MIN_CHART_DENSITY {
        return false;
    }
    let aligned_cols = (0..cols.len())
        .filter(|&c| filled.iter().filter(|row| row[c] > 0).count() >= 2)
        .count();
    if aligned_cols < 2 {
        return false;
    }
    // A first column of one list mark per row beside text (a row's bullet
    // may be printed twice, a little apart, its numbered headings' numbers
    // once) is a list's bullets, or the numbers of numbered paragraphs or
    // headings; under a heading too.
    let list_marks = |from: usize| {
        rows[from..].iter().all(|row| {
            let tokens = first_col_tokens_of(std::slice::from_ref(row));
            let symbols = (tokens.iter()).all(|t| !t.chars().any(char::is_alphanumeric));
            let per_row = if symbols { 2 } else { 1 };
            tokens.len() <= per_row && tokens.iter().all(|t| is_list_mark(t))
        })
    };
    // (Under a heading, or under a lead-in sentence of two lines.)
    let list_from = (0..=2).find(|&from| rows.len() >= from + 2 && list_marks(from));
    // Beside the items, a column with text level with fewer than half of
    // them is the margin's (a running head, a page number).
    let margin = |from: usize, c: usize| {
        2 * filled[from..].iter().filter(|row| row[c] > 0).count() < rows.len() - from
    };
    let a_list =
        list_from.is_some_and(|from| cols.len() == 2 || (2..cols.len()).all(|c| margin(from, c)));
    // A first column of keys ending in a colon or in brackets beside text is
    // a list of notes or definitions ("Source: ...", "(*) Forecast").
    let keyed = first_col_tokens
        .iter()
        .filter(|t| t.ends_with(':') || (t.starts_with('(') && t.ends_with(')')))
        .count();
    let definitions = keyed * 3 >= first_col_tokens.len() * 2 && !first_col_tokens.is_empty();
    !(a_list || (definitions && cols.len() == 2))
}

/// The pieces of a block between its rows of page text set in columns,
/// given where its row boundaries cut through running text (`breaks`):
/// `None` unless at least `MIN_RUNNING_BREAKS` row boundaries, and
/// `RUNNING_SHARE` of them, cut through running text in two text columns
/// or more. Two columns of paragraphs side by side line up well enough to
/// read as rows, each row one line of each paragraph, while a table's rows
/// end where its cells do. (One column of text running over several rows
/// is a table's column of comments beside records set a line apart.)
fn between_running_text(
    block: &[Line],
    runs: &[Vec<Run>],
    rows: &[Vec<usize>],
    breaks: &[Vec<f32>],
) -> Option<Vec<Vec<Line>>> {
    let count = breaks.iter().filter(|b| !b.is_empty()).count();
    if count < MIN_RUNNING_BREAKS || (count as f32) < RUNNING_SHARE * breaks.len() as f32 {
        return None;
    }
    // Text columns: where breaks' runs start, a paragraph's indents apart
    // at most; a column is one with two breaks or more.
    let size = median(block.iter().map(|l| l.size).collect());
    let mut starts: Vec<f32> = breaks.iter().flatten().copied().collect();
    starts.sort_by(f32::total_cmp);
    let mut columns: Vec<Vec<f32>> = vec![vec![starts[0]]];
    for pair in starts.windows(2) {
        if pair[1] - pair[0] > INDENT_EM * size {
            columns.push(Vec::new());
        }
        columns
            .last_mut()
            .expect("one column at least")
            .push(pair[1]);
    }
    columns.retain(|c| c.len() >= 2);
    if columns.len() < 2 {
        return None;
    }
    let column_starts: Vec<f32> = columns.concat();
    let starts_a_column =
        |x: f32| (column_starts.iter()).any(|&s| (x - s).abs() <= INDENT_EM * size);

    // Rows a break touches are text; so are rows next to them whose every
    // run starts a text column (a heading over each column, the end of a
    // paragraph beside the start of another).
    let mut running: Vec<bool> = (0..rows.len())
        .map(|r| {
            (r > 0 && !breaks[r - 1].is_empty()) || breaks.get(r).is_some_and(|b| !b.is_empty())
        })
        .collect();
    let in_columns =
        |row: &[usize]| (row.iter()).all(|&i| runs[i].iter().all(|run| starts_a_column(run.x0)));
    // Down from the text above, then up from the text below.
    for r in 1..rows.len() {
        running[r] = running[r] || (running[r - 1] && in_columns(&rows[r]));
    }
    for r in (0..rows.len().saturating_sub(1)).rev() {
        running[r] = running[r] || (running[r + 1] && in_columns(&rows[r]));
    }

    // A piece of a table holds short cells; lines of text in columns that
    // happen not to wrap into each other hold runs of words in most rows.
    let wordy = |row: &[usize]| {
        (row.iter())
            .any(|&i| (runs[i].iter()).any(|run| prose_words(&block[i], run) >= MIN_RUNNING_WORDS))
    };
    // Runs of rows between the text, with the lines within their extent
    // (a label set between two rows among them).
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (r, &text) in running.iter().enumerate() {
        if text {
            pieces.push(std::mem::take(&mut current));
        } else {
            current.push(r);
        }
    }
    pieces.push(current);
    let lines_of = |piece: &[usize]| -> Vec<Line> {
        let members = piece.iter().flat_map(|&r| &rows[r]);
        let (y0, y1) = members.fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &i| {
            (a.min(block[i].bbox.y0), b.max(block[i].bbox.y1))
        });
        (block.iter())
            .filter(|l| l.cy() >= y0 && l.cy() <= y1)
            .cloned()
            .collect()
    };
    Some(
        (pieces.iter())
            .filter(|piece| !piece.is_empty())
            .filter(|piece| 3 * piece.iter().filter(|&&r| wordy(&rows[r])).count() <= piece.len())
            .map(|piece| lines_of(piece))
            // Lines set over each other could bring the running rows back
            // within a piece's extent: a piece is always less than the block.
            .filter(|lines| lines.len() < block.len())
            .collect(),
    )
}

/// For each boundary between two rows, where it cuts through running text:
/// the starts of the runs of words on the last line above it that the first
/// line below carries on in the same text column, broken by word wrap (the
/// next word would not have fitted).
fn running_text_breaks(block: &[Line], runs: &[Vec<Run>], rows: &[Vec<usize>]) -> Vec<Vec<f32>> {
    // The same text column: a run starting near another's start (a hanging
    // indent or a first-line indent apart).
    let same_column = |x: f32, start: f32, size: f32| (x - start).abs() <= INDENT_EM * size;
    rows.windows(2)
        .map(|pair| {
            let (above, below) = (*pair[0].last().expect("rows are not empty"), pair[1][0]);
            let (line, next) = (&block[above], &block[below]);
            let size = line.size;
            runs[above]
                .iter()
                .filter(|run| {
                    if prose_words(line, run) < MIN_RUNNING_WORDS {
                        return false;
                    }
                    let below_runs =
                        || (runs[below].iter()).filter(|r| same_column(r.x0, run.x0, size));
                    if below_runs().next().is_none() {
                        return false;
                    }
                    // The column's right edge: the end of its widest run.
                    let right = (runs.iter().flatten())
                        .filter(|r| same_column(r.x0, run.x0, size))
                        .map(|r| r.x1)
                        .fold(run.x1, f32::max);
                    below_runs().any(|carried| {
                        let first = &next.words[carried.words[0]];
                        run.x1 + WRAP_SPACE_EM * size + wrap_unit(first)
                            > right - WRAP_SLACK_EM * size
                    })
                })
                .map(|run| run.x0)
                .collect()
        })
        .collect()
}

/// The extents of the text columns that wrap across row boundaries
/// (`breaks`, as `running_text_breaks` finds them): from where their lines
/// start the furthest left (a run of figures alone, set a space before
/// them, is none of their lines) to where the widest ends.
fn running_text_columns(block: &[Line], runs: &[Vec<Run>], breaks: &[Vec<f32>]) -> Vec<(f32, f32)> {
    let size = median(block.iter().map(|l| l.size).collect());
    let lines_start = |s: f32| {
        (block.iter().zip(runs))
            .flat_map(|(line, runs)| runs.iter().map(move |r| (line, r)))
            .filter(|(line, r)| (r.x0 - s).abs() <= INDENT_EM * size && !figures_alone(line, r))
            .fold(s, |a, (_, r)| a.min(r.x0))
    };
    (breaks.iter().flatten())
        .map(|&s| (lines_start(s), text_column_extent(runs, s, size).1))
        .collect()
}

/// The extent of the text column whose lines start at `start` (an indent
/// either way): to where its widest run ends.
fn text_column_extent(runs: &[Vec<Run>], start: f32, size: f32) -> (f32, f32) {
    let right = (runs.iter().flatten())
        .filter(|r| (r.x0 - start).abs() <= INDENT_EM * size)
        .fold(start, |x, r| x.max(r.x1));
    (start - INDENT_EM * size, right)
}

/// Whether the words of `run`, on `line`, are figures alone.
fn figures_alone(line: &Line, run: &Run) -> bool {
    (run.words.iter()).all(|&i| is_number(&line.words[i].text))
}

/// Whether a run clear of the text `columns` holds a figure.
fn figures_beside(block: &[Line], runs: &[Vec<Run>], columns: &[(f32, f32)]) -> bool {
    (block.iter().zip(runs)).any(|(line, runs)| {
        (runs.iter())
            .filter(|run| (columns.iter()).all(|&(a, b)| run.x1 <= a || run.x0 >= b))
            .any(|run| run.words.iter().any(|&i| is_number(&line.words[i].text)))
    })
}

/// The lines of `block` cut to their words on one side of a text column
/// that wraps across half its row boundaries or more (`breaks`), when
/// every other run lies on that side, some hold figures, no drawn column
/// line (`drawn`) parts them from it (a table's own column of comments is
/// ruled off like its others) and the column runs on beside their top.
fn beside_a_text_column(
    block: &[Line],
    runs: &[Vec<Run>],
    breaks: &[Vec<f32>],
    drawn: &[f32],
) -> Option<Vec<Line>> {
    let size = median(block.iter().map(|l| l.size).collect());
    // The text column the most boundaries wrap in.
    let mut starts: Vec<f32> = breaks.iter().flatten().copied().collect();
    starts.sort_by(f32::total_cmp);
    let wrapping = |s: f32| {
        let near = |x: f32| (x - s).abs() <= INDENT_EM * size;
        breaks.iter().filter(|b| b.iter().any(|&x| near(x))).count()
    };
    let start = starts.into_iter().max_by_key(|&s| wrapping(s))?;
    if 2 * wrapping(start) < breaks.len() {
        return None;
    }
    let column = text_column_extent(runs, start, size);
    let (a, b) = column;
    let is_clear = |run: &Run| run.x1 <= a || run.x0 >= b;
    let within = |run: &Run| run.x0 >= a && run.x1 <= b + size;
    if (runs.iter().flatten()).any(|run| !is_clear(run) && !within(run)) {
        return None; // a run across the column's edge
    }
    let clear: Vec<&Run> = (runs.iter().flatten())
        .filter(|run| is_clear(run))
        .collect();
    let left = clear.iter().all(|r| r.x1 <= a);
    let right = clear.iter().all(|r| r.x0 >= b);
    if clear.is_empty() || !(left || right) || !figures_beside(block, runs, &[column]) {
        return None;
    }
    let (gap0, gap1) = if left {
        (
            clear.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max),
            a,
        )
    } else {
        (b, clear.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min))
    };
    if drawn.iter().any(|&x| x >= gap0 - 1.0 && x <= gap1 + 1.0) {
        return None;
    }
    // Level with the first line beside it, a page's column holds running
    // text; a table's column of prose, its header or nothing.
    let top = (block.iter().zip(runs)).find(|(_, runs)| runs.iter().any(&is_clear))?;
    let (line, line_runs) = top;
    let running = (line_runs.iter())
        .filter(|r| within(r))
        .any(|r| prose_words(line, r) >= MIN_RUNNING_WORDS);
    if !running {
        return None;
    }
    let lines = lines_of_words(
        block,
        |w| if left { w.bbox.x1 <= a } else { w.bbox.x0 >= b },
    );
    (lines.len() >= 2).then_some(lines)
}

/// Empty strips at least `GUTTER_EM` wide that no word of any of the
/// block's lines crosses, the widest first.
fn gutters(block: &[Line]) -> Vec<(f32, f32)> {
    let size = median(block.iter().map(|l| l.size).collect());
    let mut spans: Vec<(f32, f32)> = (block.iter().flat_map(|l| &l.words))
        .map(|w| (w.bbox.x0, w.bbox.x1))
        .collect();
    let mut gaps: Vec<(f32, f32)> = (merge_intervals(&mut spans).windows(2))
        .map(|pair| (pair[0].1, pair[1].0))
        .filter(|&(x0, x1)| x1 - x0 >= GUTTER_EM * size)
        .collect();
    gaps.sort_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)));
    gaps
}

/// The block's lines either side of a gutter.
fn sides_of(block: &[Line], (gap0, gap1): (f32, f32)) -> [Vec<Line>; 2] {
    [
        lines_of_words(block, |w| w.bbox.x1 <= gap0),
        lines_of_words(block, |w| w.bbox.x0 >= gap1),
    ]
}

/// The tables of lines parted into columns (of a page, or of two tables
/// side by side), each column read on its own.
fn tables_in_columns(
    sides: &[Vec<Line>],
    rules: &[Ruling],
    verticals: &[Ruling],
) -> Vec<TableRegion> {
    (sides.iter().flat_map(|side| blocks(side)))
        .filter(|b| !mostly_running_text(b))
        .flat_map(|b| table_from_block(&b, rules, verticals))
        .collect()
}

/// The block's lines cut at a gutter (`gutters`) between two columns of the
/// page, each with running text in `MIN_COLUMN_PROSE_LINES` lines or more.
/// A table's columns are apart like that too, but its cells beside a
/// column of prose are figures or terms, not sentences.
fn page_columns(block: &[Line]) -> Option<[Vec<Line>; 2]> {
    let running =
        |l: &Line| (word_runs(l).iter()).any(|run| prose_words(l, run) >= MIN_RUNNING_WORDS);
    let prose_lines = |lines: &[Line]| lines.iter().filter(|l| running(l)).count();
    // A table across the gutter has rows of short cells on both sides of
    // it, one under another; page columns meet in such a line now and then
    // (a page head, a paragraph's last words beside a table's row).
    let across_the_gutter = |gap: (f32, f32)| {
        let mut run = 0;
        (block.iter()).any(|line| {
            let [left, right] = sides_of(std::slice::from_ref(line), gap);
            let short_both =
                !left.is_empty() && !right.is_empty() && !left.iter().chain(&right).any(running);
            run = if short_both { run + 1 } else { 0 };
            run >= MAX_ROWS_ACROSS_A_GUTTER
        })
    };
    (gutters(block).into_iter())
        .filter(|&gap| !across_the_gutter(gap))
        .map(|gap| sides_of(block, gap))
        .find(|sides| {
            sides
                .iter()
                .all(|side| prose_lines(side) >= MIN_COLUMN_PROSE_LINES)
        })
}

/// The block's lines cut at a gutter (`gutters`) that parts the rules
/// drawn across it into two tables side by side: two rules at least on
/// each side, none reaching over it, two of them under all of that side's
/// text. (A table's rules run under all its columns, or under a group of
/// them beside a rule across the table.)
fn tables_side_by_side(block: &[Line], rules: &[Ruling]) -> Option<[Vec<Line>; 2]> {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return None;
    };
    let size = median(block.iter().map(|l| l.size).collect());
    let (y0, y1) = (first.bbox.y0 - size, last.bbox.y1 + size);
    let x0 = block_left(block);
    let x1 = block_right(block);
    let near: Vec<&Ruling> = (rules.iter())
        .filter(|r| r.pos >= y0 && r.pos <= y1 && r.end > x0 && r.start < x1)
        .collect();
    // Most blocks have no rules to part: no gutters looked for.
    if near.len() < 4 {
        return None;
    }
    // Each table has two rules at least under all its columns (its top and
    // bottom rules): rules under its figures alone (a statement's subtotal
    // rules, under each year's column) part no tables.
    let under_all = |rules: &[&&Ruling], side: &[Line]| {
        let (x0, x1) = (block_left(side), block_right(side));
        (rules.iter())
            .filter(|r| r.start <= x0 + size && r.end >= x1 - size)
            .count()
            >= 2
    };
    (gutters(block).into_iter()).find_map(|(gap0, gap1)| {
        // A table's rules reach past its words, into the gutter.
        let left: Vec<&&Ruling> = (near.iter())
            .filter(|r| r.end <= gap1 && r.start < gap0)
            .collect();
        let right: Vec<&&Ruling> = (near.iter())
            .filter(|r| r.start >= gap0 && r.end > gap1)
            .collect();
        let across = (near.iter()).any(|r| r.start < gap0 && r.end > gap1);
        if left.len() < 2 || right.len() < 2 || across {
            return None;
        }
        let [l, r] = sides_of(block, (gap0, gap1));
        (under_all(&left, &l) && under_all(&right, &r)).then_some([l, r])
    })
}

/// `block`'s lines cut to the words `keep` keeps; lines left empty go.
fn lines_of_words(block: &[Line], keep: impl Fn(&Word) -> bool) -> Vec<Line> {
    (block.iter())
        .filter_map(|line| {
            let words: Vec<Word> = line.words.iter().filter(|w| keep(w)).cloned().collect();
            let first = words.first()?.bbox;
            let bbox = words.iter().fold(first, |r, w| r.union(&w.bbox));
            Some(Line {
                segments: segments(&words, line.size),
                words,
                bbox,
                size: line.size,
            })
        })
        .collect()
}

/// Whether more than a quarter of `lines` hold a run of running text, and
/// fewer than half set figures apart from their other words (runs apart,
/// a figure among them): a table's labels of four words or more are wordy
/// too, but stand beside its figures.
fn mostly_running_text(lines: &[Line]) -> bool {
    let (mut wordy, mut beside_figures) = (0, 0);
    for line in lines {
        let runs = word_runs(line);
        wordy += usize::from(
            runs.iter()
                .any(|run| prose_words(line, run) >= MIN_RUNNING_WORDS),
        );
        let figures = (line.words.iter()).any(|w| is_number(&w.text));
        beside_figures += usize::from(runs.len() >= 2 && figures);
    }
    4 * wordy > lines.len() && 2 * beside_figures < lines.len()
}

/// The words of a run that are not figures; ideographs, set without
/// spaces, count as a word for every `IDEOGRAPHS_PER_WORD` (a table's cell
/// of four or five ideographs is a term, not a sentence).
fn prose_words(line: &Line, run: &Run) -> usize {
    (run.words.iter())
        .map(|&i| &line.words[i].text)
        .filter(|t| !is_number(t))
        .map(|t| (t.chars().filter(|&c| is_cjk(c)).count() / IDEOGRAPHS_PER_WORD).max(1))
        .sum()
}

/// The width of what word wrap moves to the next line as a whole: a word,
/// or a single ideograph (text set without spaces breaks between any two).
fn wrap_unit(word: &Word) -> f32 {
    let n = word.text.chars().count().max(1);
    if word.text.chars().next().is_some_and(is_cjk) {
        word.bbox.width() / n as f32
    } else {
        word.bbox.width()
    }
}

/// Words of a line that read on as one line of text.
struct Run {
    x0: f32,
    x1: f32,
    /// Indices into the line's words.
    words: Vec<usize>,
}

/// A line's segments joined over gaps that justified text may leave between
/// words, not over the gutter between page columns.
fn word_runs(line: &Line) -> Vec<Run> {
    word_runs_within(line, &[])
}

/// A line's word runs (see `word_runs`), parted besides where a gap between
/// its segments is one of the gaps between the columns `cols`: page columns
/// set with a gutter narrower than justified lines' widest word spaces,
/// read as a table's columns, hold lines of running text each, not one
/// across them. Inside a segment, figures alone before such a gap are a
/// run of their own (amounts set a word space before a column of
/// comments): a line's words run on over it.
fn word_runs_within(line: &Line, cols: &[(f32, f32)]) -> Vec<Run> {
    let gutter =
        |x0: f32, x1: f32| (cols.windows(2)).any(|w| x0 <= w[0].1 + 0.5 && x1 >= w[1].0 - 0.5);
    let mut out: Vec<Run> = Vec::new();
    for seg in &line.segments {
        for i in seg.words.clone() {
            let word = &line.words[i].bbox;
            let runs_on = |run: &Run| match i > seg.words.start {
                true => !(gutter(run.x1, word.x0) && figures_alone(line, run)),
                false => word.x0 - run.x1 <= RUN_GAP_EM * line.size && !gutter(run.x1, word.x0),
            };
            match out.last_mut() {
                Some(run) if runs_on(run) => {
                    run.x1 = run.x1.max(word.x1);
                    run.words.push(i);
                }
                _ => out.push(Run {
                    x0: word.x0,
                    x1: word.x1,
                    words: vec![i],
                }),
            }
        }
    }
    out
}

/// An item / description table (a glossary, a list of controls or fields)
/// holds sentences in its cells, so it has more words per cell than
/// `MAX_WORDS_PER_CELL` allows. Page text set in columns has as many; what
/// the table has and the columns of text have not: a header row of short
/// labels, a first column of short terms of uneven width, each on the first
/// line of its row, and a column of sentences beside them that runs on over
/// more lines than the term in some row (the row starts together, the
/// description wraps).
fn reads_as_items_with_descriptions(
    block: &[Line],
    rows: &[Vec<usize>],
    cols: &[(f32, f32)],
    rules_part_every_row: bool,
) -> bool {
    let (Some(header), Some(body)) = (rows.first(), rows.get(1..)) else {
        return false;
    };
    if body.len() < MIN_ITEMS {
        return false;
    }
    let filled = words_per_cell(block, rows, cols);
    // Lines of each row with text in each column.
    let lines_in = |row: &[usize], c: usize| {
        (row.iter())
            .filter(|&&i| occupied(&block[i], cols)[c])
            .count()
    };
    // Counted a column at a time: headings set midway interleave, one
    // beside the two lines of another making three page lines.
    let short_header = (0..cols.len()).all(|c| lines_in(header, c) <= HEADER_LINES)
        && (filled[0].iter()).all(|&n| (1..=MAX_HEADER_WORDS).contains(&n));
    // Rows parted by a rule each, or by more space than any two lines of
    // one row stand apart: the rows are sure, however their cells are set.
    let parted = rules_part_every_row || parted_by_space(block, body);
    // The term starts its row; where the rows are sure, it may stand
    // lower, set in the middle of a tall row.
    let has_term = |row: &[usize]| match parted {
        false => occupied(&block[row[0]], cols)[0],
        true => (row.iter()).any(|&i| occupied(&block[i], cols)[0]),
    };
    let terms_first = body
        .iter()
        .zip(&filled[1..])
        .all(|(row, words)| has_term(row) && words[0] <= MAX_TERM_WORDS);
    // A description column: sentences, wrapped beside the term in a row.
    let described = (1..cols.len()).any(|c| {
        let words: usize = filled[1..].iter().map(|w| w[c]).sum();
        let wraps = (body.iter()).any(|row| lines_in(row, c) > lines_in(row, 0));
        wraps && words as f32 >= MIN_DESCRIPTION_WORDS * body.len() as f32
    });
    // Justified lines of a text column are all as wide as the column;
    // terms are not.
    let term_widths: Vec<f32> = (body.iter().flatten())
        .filter_map(|&i| line_extents(&block[i], cols)[0].map(|(a, b)| b - a))
        .collect();
    let widest = term_widths.iter().copied().fold(0.0, f32::max);
    let full = (term_widths.iter())
        .filter(|&&w| w >= FULL_LINE * widest)
        .count();
    // (Terms of one line each, as wide as one another, are codes; a column
    // of text wraps.)
    let one_line_terms = parted && body.iter().all(|row| lines_in(row, 0) <= 1);
    let ragged_terms = 2 * full <= term_widths.len() || one_line_terms;
    let mut line_counts: Vec<f32> = body.iter().map(|row| row.len() as f32).collect();
    line_counts.sort_by(f32::total_cmp);
    // Items sure to be rows are a table's rows however long.
    let short_items = parted || line_counts[line_counts.len() / 2] <= MAX_LINES_PER_ITEM;
    short_header && terms_first && described && ragged_terms && short_items
}

/// Whether each of `rows` (of lines of `block`, top to bottom) stands
/// further from the next than any two of a row's lines stand apart, by
/// `ROW_SPACE_EM` at least: rows set apart by space.
fn parted_by_space(block: &[Line], rows: &[Vec<usize>]) -> bool {
    let top = |row: &[usize]| (row.iter().map(|&i| block[i].bbox.y0)).fold(f32::INFINITY, f32::min);
    let bottom =
        |row: &[usize]| (row.iter().map(|&i| block[i].bbox.y1)).fold(f32::NEG_INFINITY, f32::max);
    let mut within = f32::NEG_INFINITY;
    for row in rows {
        let mut sorted: Vec<&Line> = row.iter().map(|&i| &block[i]).collect();
        sorted.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
        for pair in sorted.windows(2) {
            within = within.max(pair[1].bbox.y0 - pair[0].bbox.y1);
        }
    }
    // (Lines whose boxes overlap, a tall font set solid, stand apart by
    // less than nothing; without two lines in a row, by nothing.)
    let within = if within.is_finite() { within } else { 0.0 };
    let size = median(block.iter().map(|l| l.size).collect());
    rows.len() >= 2
        && (rows.windows(2)).all(|w| top(&w[1]) - bottom(&w[0]) >= within + ROW_SPACE_EM * size)
}

/// See `parted_by_space`: more than half an em more space than the lines
/// of an item stand apart (items set three quarters of an em apart, their
/// lines solid, are rows, and so are items 0.65 em further apart than
/// their lines set a point and a half apart, terms set midway in tall rows).
const ROW_SPACE_EM: f32 = 0.6;

/// A bullet (•, –, ▪ …) or a paragraph number: `3`, `4.1.2`, `a)`, `(ii)`, `7.`.
fn is_list_mark(token: &str) -> bool {
    if !token.is_empty()
        && token.chars().all(|c| !c.is_alphanumeric())
        && token.chars().count() <= 2
    {
        return true;
    }
    let core = token.trim_start_matches('(').trim_end_matches([')', '.']);
    let numbered = !core.is_empty()
        && core.split('.').all(|part| {
            !part.is_empty()
                && (part.chars().all(|c| c.is_ascii_digit()) && part.len() <= 3
                    || part.len() <= 4 && part.chars().all(|c| "ivxlIVXL".contains(c))
                    || part.len() == 1 && part.chars().all(|c| c.is_ascii_alphabetic()))
        });
    numbered && token.len() <= 8
}

/// How many columns have most of their cells lined up on a left, right or
/// centre edge with another cell of the column.
fn aligned_columns(block: &[Line], cols: &[(f32, f32)]) -> usize {
    let tol = 2.0;
    (0..cols.len())
        .filter(|&c| {
            let cells: Vec<(f32, f32)> = block
                .iter()
                .filter_map(|l| line_extents(l, cols)[c])
                .collect();
            if cells.len() < 2 {
                return false;
            }
            let lined_up = cells
                .iter()
                .enumerate()
                .filter(|&(i, &(a, b))| {
                    cells.iter().enumerate().any(|(j, &(a2, b2))| {
                        i != j
                            && ((a - a2).abs() < tol
                                || (b - b2).abs() < tol
                                || ((a + b) - (a2 + b2)).abs() < 2.0 * tol)
                    })
                })
                .count();
            lined_up * 2 >= cells.len()
        })
        .count()
}

/// Lines of figures a cell must stack to be read as rows: two may be a
/// value and its error or change beneath it.
pub const MIN_STACKED_FIGURES: usize = 3;

/// How far apart, in ems, the middles of two lines of a row may be.
const LEVEL_LINES: f32 = 0.3;

/// Other lines a line with a single column gap must share it with to
/// count as columned.
const ONE_GAP_LINED_UP: usize = 4;

/// True when the cells of a ruled grid hold more structure than the grid:
/// column gaps that line up over several lines, or short lines stacked like
/// rows. Then the lines drawn are only part of the table's structure (a
/// frame, a rule under the header, one line after the first column) and the
/// text layout decides. Gaps that do not line up are justified text.
pub fn under_segmented(chars: &[&TextChar], grid: &Grid) -> bool {
    let mut stacked = 0usize;
    let mut line_gaps: Vec<Vec<(f32, f32)>> = Vec::new();
    let held = grid.points_by_cell(chars.iter().map(|c| (c.cx(), c.cy())));
    let cells: Vec<(&Cell, Rect, Vec<Line>)> = (grid.cells.iter().zip(held))
        .map(|(cell, held)| {
            let cell_chars: Vec<&TextChar> = held.into_iter().map(|i| chars[i]).collect();
            (cell, grid.cell_rect(cell), page_lines(&cell_chars))
        })
        .filter(|(_, _, lines)| !lines.is_empty())
        .collect();
    let filled = cells.len();
    for (k, (cell, r, inside)) in cells.iter().enumerate() {
        // Wrapped text fills every line but the last; values stacked as rows
        // leave some of them short.
        let widest = inside.iter().map(|l| l.bbox.width()).fold(0.0, f32::max);
        let short = inside[..inside.len() - 1]
            .iter()
            .any(|l| l.bbox.width() < 0.6 * widest);
        // A number (a code, a date) never wraps onto a line of its own:
        // lines of nothing but numbers, or of one such word each, are values
        // of rows the grid did not rule apart.
        let figures = inside.len() >= MIN_STACKED_FIGURES
            && inside.iter().all(|l| {
                l.words.iter().all(|w| is_number(&w.text))
                    || l.words.len() == 1 && l.words[0].text.chars().any(|c| c.is_ascii_digit())
            });
        // Rows the grid left out run across it: their lines sit level with
        // lines of other cells of the grid's row. A list in a cell beside
        // one label (causes under a condition) is the cell's own.
        let level = |l: &Line| {
            (cells.iter().enumerate()).any(|(j, (other, _, lines))| {
                j != k
                    && other.row < cell.row + cell.rowspan
                    && cell.row < other.row + other.rowspan
                    && (lines.iter()).any(|o| (o.cy() - l.cy()).abs() < LEVEL_LINES * l.size)
            })
        };
        let across_rows = || 2 * inside.iter().filter(|l| level(l)).count() >= inside.len();
        if (inside.len() >= 2 && (widest < 0.5 * r.width() || short) || figures) && across_rows() {
            stacked += 1;
        }
        // (A list's mark set off from its item is no column.)
        let marked = |l: &Line| {
            l.segments.len() == 2 && l.segments[0].words.len() == 1 && starts_with_a_list_mark(l)
        };
        for line in inside
            .iter()
            .filter(|l| l.segments.len() >= 2 && !marked(l))
        {
            line_gaps.push(
                line.segments
                    .windows(2)
                    .map(|w| (w[0].x1, w[1].x0))
                    .collect(),
            );
        }
    }
    let lined_up = |a: (f32, f32), b: (f32, f32)| {
        let overlap = a.1.min(b.1) - a.0.max(b.0);
        overlap >= 0.5 * (a.1 - a.0).min(b.1 - b.0)
    };
    let columned_lines = (0..line_gaps.len())
        .filter(|&i| {
            // Every gap of the line is a column gap of other lines too; the
            // wide spaces of justified lines line up only by chance, and
            // a line of one gap (two words of a justified line) needs
            // more lines to say so.
            let needed = if line_gaps[i].len() >= 2 {
                2
            } else {
                ONE_GAP_LINED_UP
            };
            line_gaps[i].iter().all(|&g| {
                let others = (0..line_gaps.len())
                    .filter(|&j| j != i && line_gaps[j].iter().any(|&h| lined_up(g, h)))
                    .count();
                others >= needed
            })
        })
        .count();
    columned_lines >= 3 || (filled > 0 && stacked as f32 >= 0.3 * filled as f32)
}

/// The middle of `v` once sorted (0 when empty).
pub(super) fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters for `text` from x, on a baseline at y, 5 pt per character,
    /// one structured-text line per call.
    fn text(chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32, line: u32) {
        sized_text(chars, s, x, y, line, 10.0);
    }

    #[test]
    fn column_titles_set_sideways_on_the_first_row_are_the_headers() {
        // Narrow columns of figures set right to 300, 360 and 420 under
        // titles running up the page from their feet at 88, level with the
        // stub's heading, to 30 and above; four rows under them.
        let mut chars = Vec::new();
        let mut id = 0;
        text(&mut chars, "District", 20.0, 90.0, id);
        for (title, x) in [
            ("Total cases", 285.0),
            ("Closed", 345.0),
            ("Pending review", 405.0),
        ] {
            id += 1;
            for (i, c) in title.chars().enumerate() {
                let foot = 90.0 - 5.0 * i as f32;
                chars.push(TextChar {
                    c,
                    bbox: Rect::new(x - 8.0, foot - 5.0, x + 2.0, foot),
                    line: id,
                    size: 10.0,
                });
            }
        }
        for (k, label) in ["North", "South", "East", "West"].into_iter().enumerate() {
            let y = 104.0 + 14.0 * k as f32;
            labelled_figures(
                &mut chars,
                &mut id,
                (label, 20.0),
                &["1,204", "880", "64"],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.rows[0] < 20.0 && grid.rows[1] < 96.0, "{grid:?}");
        // Without the stub's heading the rows start under the titles' feet:
        // the titles are a header row of their own.
        chars.retain(|c| c.line != 0);
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.rows[0] < 20.0 && grid.rows[1] > 90.0, "{grid:?}");
    }

    #[test]
    fn text_set_sideways_joins_no_line() {
        // Three rows of a table, 14 pt apart, and beside them in the
        // margin a label running up the page from y = 130 to y = 60, one
        // glyph every 5 pt, its box as tall as the rows.
        let mut chars = Vec::new();
        for (k, (label, figure)) in [("North", "12.5"), ("South", "8.0"), ("East", "1.25")]
            .into_iter()
            .enumerate()
        {
            let y = 80.0 + 14.0 * k as f32;
            text(&mut chars, label, 20.0, y, 2 * k as u32);
            text(&mut chars, figure, 120.0, y, 2 * k as u32 + 1);
        }
        for (i, c) in "Health Survey".chars().enumerate() {
            let y = 130.0 - 5.0 * i as f32;
            chars.push(TextChar {
                c,
                bbox: Rect::new(200.0, y - 5.0, 210.0, y),
                line: 9,
                size: 10.0,
            });
        }
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(set_sideways(&refs), vec![9]);
        let lines = page_lines(&refs);
        assert_eq!(lines.len(), 3);
        assert!(lines
            .iter()
            .all(|l| l.words.len() == 2 && l.bbox.height() < 12.0));
    }

    #[test]
    fn a_justified_lines_stretched_spaces_part_no_columns() {
        // Words set on one line, `gap` pt apart, two gaps after a word
        // ending a sentence: the segments the line falls into.
        let segments_of = |words: &[&str], gap: f32| {
            let mut chars = Vec::new();
            let mut x = 10.0;
            for w in words {
                text(&mut chars, w, x, 100.0, 0);
                x += 5.0 * w.len() as f32 + if w.ends_with('.') { 2.0 * gap } else { gap };
            }
            let refs: Vec<&TextChar> = chars.iter().collect();
            page_lines(&refs)[0].segments.len()
        };
        // Spaces stretched to an em (10 pt) to justify a typed line.
        let prose = [
            "of",
            "the",
            "values",
            "in",
            "a",
            "group.",
            "The",
            "standard",
            "deviation",
        ];
        assert_eq!(segments_of(&prose, 10.0), 1);
        // The same words under columns: gaps of their own widths.
        let mut chars = Vec::new();
        for (k, w) in prose.iter().enumerate() {
            text(&mut chars, w, 10.0 + 60.0 * k as f32, 100.0, 0);
        }
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(page_lines(&refs)[0].segments.len(), prose.len());
        // Month names over columns set evenly: a row of column titles.
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"];
        assert_eq!(segments_of(&months, 10.0), months.len());
    }

    #[test]
    fn lines_run_on_under_a_hanging_indent_join_their_row() {
        // Lines 13 pt apart, a label and a value on each: (label's x, label,
        // value). The second line runs on from the first under a hanging
        // indent, its value's words in lower case; the fourth is a child of
        // the third, its value a figure; lower case all down a column is
        // the column's, not a run on.
        let block_of = |lines: &[(f32, &str, &str)]| {
            let mut chars = Vec::new();
            for (k, (x, label, value)) in lines.iter().enumerate() {
                let y = 100.0 + 13.0 * k as f32;
                text(&mut chars, label, *x, y, 2 * k as u32);
                text(&mut chars, value, 250.0, y, 2 * k as u32 + 1);
            }
            let refs: Vec<&TextChar> = chars.iter().collect();
            page_lines(&refs)
        };
        let cols = [(10.0, 200.0), (250.0, 400.0)];
        let singles = |n: usize| (0..n).map(|i| vec![i]).collect::<Vec<_>>();
        let block = block_of(&[
            (10.0, "Income per head in", "Changes range from -1.9%"),
            (20.0, "constant dollars", "with a mean of 1.4%"),
            (10.0, "Inflation", "Stays at 5%"),
            (20.0, "core", "4.5%"),
        ]);
        let rows = with_hanging_lines(&block, singles(4), &cols);
        assert_eq!(rows, vec![vec![0, 1], vec![2], vec![3]]);
        let block = block_of(&[
            (10.0, "cat", "meow"),
            (20.0, "dog", "woof"),
            (20.0, "owl", "hoot"),
        ]);
        assert_eq!(with_hanging_lines(&block, singles(3), &cols), singles(3));
    }

    #[test]
    fn a_records_lines_of_its_own_in_one_column_are_its_row() {
        // A listing under a header, a line every 12 pt: each record opens
        // on its key, its description runs on to a line of its own.
        let records = [
            ("R-1", "Ann", "Travel", "5.0", "Fare north"),
            ("R-2", "Ben", "Lodging", "7.5", "Two nights"),
            ("R-3", "Cy", "Survey", "9.0", "Hull check"),
        ];
        let listing = |last_runs_on: bool| {
            let mut chars = Vec::new();
            for (k, (title, x)) in [
                ("Ref", 10.0),
                ("Payee", 60.0),
                ("What", 120.0),
                ("Sum", 280.0),
            ]
            .into_iter()
            .enumerate()
            {
                text(&mut chars, title, x, 88.0, 100 + k as u32);
            }
            let mut y = 100.0;
            for (k, (key, payee, what, amount, more)) in records.into_iter().enumerate() {
                let id = 10 * k as u32;
                text(&mut chars, key, 10.0, y, id);
                text(&mut chars, payee, 60.0, y, id + 1);
                text(&mut chars, what, 120.0, y, id + 2);
                text(&mut chars, amount, 280.0, y, id + 3);
                y += 12.0;
                if k + 1 < records.len() || last_runs_on {
                    text(&mut chars, more, 120.0, y, id + 4);
                    y += 12.0;
                }
            }
            chars
        };
        let cols = [(10.0, 40.0), (60.0, 100.0), (120.0, 260.0), (280.0, 300.0)];
        let chars = listing(true);
        let refs: Vec<&TextChar> = chars.iter().collect();
        let lines = page_lines(&refs);
        let rows: Vec<Vec<usize>> = (0..lines.len()).map(|i| vec![i]).collect();
        assert_eq!(
            lines_of_their_records(&lines, rows, &cols),
            vec![vec![0], vec![1, 2], vec![3, 4], vec![5, 6]]
        );
        // The last record on one line: the lines between records may open
        // the next one as well; each stays a row.
        let chars = listing(false);
        let refs: Vec<&TextChar> = chars.iter().collect();
        let lines = page_lines(&refs);
        let rows: Vec<Vec<usize>> = (0..lines.len()).map(|i| vec![i]).collect();
        assert_eq!(lines_of_their_records(&lines, rows.clone(), &cols), rows);

        // A line right under the header (a record's first line set above
        // its key's, midway): whose the lines are is not said; none join.
        let mut chars = listing(true);
        text(&mut chars, "Paid by card", 120.0, 94.0, 99);
        let refs: Vec<&TextChar> = chars.iter().collect();
        let lines = page_lines(&refs);
        let rows: Vec<Vec<usize>> = (0..lines.len()).map(|i| vec![i]).collect();
        assert_eq!(lines_of_their_records(&lines, rows.clone(), &cols), rows);
    }

    /// `text` set in `size` pt, half as wide a character.
    fn sized_text(chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32, line: u32, size: f32) {
        let advance = 0.5 * size;
        for (i, c) in s.chars().enumerate() {
            chars.push(TextChar {
                c,
                bbox: Rect::new(
                    x + advance * i as f32,
                    y - 0.8 * size,
                    x + advance * (i + 1) as f32,
                    y + 0.2 * size,
                ),
                line,
                size,
            });
        }
    }

    /// `text` for each (text, x) of a row of cells on the baseline y, each
    /// cell a structured-text line of its own, numbered on from `id`.
    fn put_cells(chars: &mut Vec<TextChar>, id: &mut u32, cells: &[(&str, f32)], y: f32) {
        for &(cell, x) in cells {
            *id += 1;
            text(chars, cell, x, y, *id);
        }
    }

    /// A row on the baseline y: its label from x, its figures set right to
    /// 300, 360 and on.
    fn labelled_figures(
        chars: &mut Vec<TextChar>,
        id: &mut u32,
        label: (&str, f32),
        figures: &[&str],
        y: f32,
    ) {
        let mut cells = vec![label];
        for (c, figure) in figures.iter().enumerate() {
            cells.push((figure, 300.0 + 60.0 * c as f32 - 5.0 * figure.len() as f32));
        }
        put_cells(chars, id, &cells, y);
    }

    /// The tables of rows (label, its x, figures) set solid, 10 pt apart.
    fn set_solid(rows: &[(&str, f32, &[&str])]) -> Vec<TableRegion> {
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, &(label, x, figures)) in rows.iter().enumerate() {
            let y = 40.0 + 10.0 * k as f32;
            labelled_figures(&mut chars, &mut id, (label, x), figures, y);
        }
        detect(&chars, &[])
    }

    /// The one table found, with the tables found in the message otherwise.
    fn only_table(tables: Vec<TableRegion>) -> TableRegion {
        assert_eq!(tables.len(), 1, "{tables:?}");
        tables.into_iter().next().expect("one table")
    }

    fn detect(chars: &[TextChar], rules: &[Ruling]) -> Vec<TableRegion> {
        let refs: Vec<&TextChar> = chars.iter().collect();
        layout_tables(&refs, rules, &[])
    }

    /// A table of one-word labels and six columns of figures set right,
    /// each `gap` pt after the widest of the column before, in a
    /// proportional font of 10 pt (`i`, `l`, `t` and the point 3 pt wide,
    /// the rest 5 pt); `figure` gives row r's figure in column c.
    fn dense_figures(gap: f32, figure: impl Fn(usize, usize) -> String) -> Vec<TableRegion> {
        let advance = |c: char| if "ilt.".contains(c) { 3.0 } else { 5.0 };
        let width = |t: &str| t.chars().map(advance).sum::<f32>();
        let mut chars = Vec::new();
        let mut put = |t: &str, x: f32, y: f32, line: u32| {
            let mut x = x;
            for c in t.chars() {
                let bbox = Rect::new(x, y - 8.0, x + advance(c), y + 2.0);
                chars.push(TextChar {
                    c,
                    bbox,
                    line,
                    size: 10.0,
                });
                x += advance(c);
            }
        };
        let column = width(&figure(1, 0)).max(width("2008"));
        let right = |c: usize| 150.0 + (column + gap) * c as f32;
        let labels = ["Country", "Alder", "Birch", "Cedar", "Elm", "Fir"];
        for (r, label) in labels.iter().enumerate() {
            let y = 40.0 + 14.0 * r as f32;
            let line = 10 * r as u32;
            put(label, 20.0, y, line);
            for c in 0..6 {
                let t = if r == 0 {
                    format!("{}", 2008 + c)
                } else {
                    figure(r, c)
                };
                put(&t, right(c) - width(&t), y, line + 1 + c as u32);
            }
        }
        detect(&chars, &[])
    }

    #[test]
    fn columns_of_figures_set_closer_than_a_river_are_columns() {
        // 0.45 em apart, as a dense table of many years sets them (a
        // column gap is 0.8 em, a river 0.5).
        let tables = dense_figures(4.5, |r, c| format!("{}{}.{}", 3 + r, c, (r + c) % 10));
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 7, "{:?}", tables[0].grid.cols);
        // Seven-digit numbers with their digit groups set half an em
        // apart (a figure space), the groups lined up down the columns:
        // one column a number.
        let tables = dense_figures(8.0, |r, c| format!("{} 2{}{} 4{}{}", r, c, r, c, r));
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 7, "{:?}", tables[0].grid.cols);
    }

    #[test]
    fn a_long_label_wrapped_in_a_table_set_solid_is_one_row() {
        // Lines 10 pt apart, rows as close as a label's lines: a long label
        // runs on to an indented line in lower case, its figures on its
        // first line; an `of which` row under another long label has
        // figures of its own.
        let rows: [(&str, f32, &[&str]); 8] = [
            ("Function", 20.0, &["2022", "2023"]),
            ("National defense", 20.0, &["766.6", "805.4"]),
            ("International affairs and foreign", 20.0, &["71.5", "68.9"]),
            ("economic assistance", 28.0, &[]),
            ("Energy", 20.0, &["8.9", "9.4"]),
            ("Exports of goods and services", 20.0, &["120.0", "130.5"]),
            ("of which: fuel", 28.0, &["40.0", "41.5"]),
            ("Total", 20.0, &["1,006.5", "1,055.8"]),
        ];
        let tables = set_solid(&rows);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 3);
        assert_eq!(tables[0].grid.row_count(), 7, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn a_note_under_the_rows_is_no_cell_to_measure_a_column_by() {
        // Two rows, a label and a figure each, and under them a source as
        // wide as neither label: the labels' column is as wide as
        // `Transport` (5 pt a character), whatever the note's width.
        let (mut chars, mut id) = (Vec::new(), 0);
        labelled_figures(&mut chars, &mut id, ("Transport", 20.0), &["30,555"], 40.0);
        labelled_figures(&mut chars, &mut id, ("Payment", 20.0), &["37,871"], 50.0);
        text(&mut chars, "Source: Office of the budget.", 20.0, 60.0, 99);
        let refs: Vec<&TextChar> = chars.iter().collect();
        let lines = page_lines(&refs);
        assert_eq!(lines.len(), 3);
        let widths = column_text_widths(&lines, &[(20.0, 170.0), (250.0, 300.0)]);
        assert_eq!(widths[0], 45.0, "{widths:?}");
    }

    #[test]
    fn a_sub_label_wrapped_in_the_room_its_indent_leaves_is_one_row() {
        // A stub set flush left at 20, its widest label to 195; sub-labels
        // set in to 28. `Durable goods and related` ends at 153: the next
        // word, `supplies`, would have ended at 193, within the widest
        // label but past the room its indent leaves. Its figures stand on
        // its next line, set in further and in lower case.
        let rows: [(&str, f32, &[&str]); 7] = [
            ("Industry", 20.0, &["2022", "2023"]),
            (
                "Professional and technical services",
                20.0,
                &["71.5", "68.9"],
            ),
            ("Manufacturing", 28.0, &["40.0", "41.5"]),
            ("Durable goods and related", 28.0, &[]),
            ("supplies and parts", 36.0, &["8.9", "9.4"]),
            ("Nondurable goods", 28.0, &["31.1", "32.1"]),
            ("Total", 20.0, &["151.5", "152.9"]),
        ];
        let tables = set_solid(&rows);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 6, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn a_sub_label_wrapped_narrower_than_the_headings_run_is_one_row() {
        // A stub set flush left at 20 with a heading running to 236;
        // sub-labels set in to 28, the widest of them to 166. `Finance,
        // banking and` ends at 148: `insurance` would have ended at 208,
        // within the heading's run less the indent but past any sub-label.
        // Its figures stand on its first line.
        let rows: [(&str, f32, &[&str]); 8] = [
            ("Industry", 20.0, &["2022", "2023"]),
            ("Professional and technical services", 20.0, &[]),
            ("Manufacturing and trade", 28.0, &["40.0", "41.5"]),
            ("Transport and storage", 28.0, &["8.9", "9.4"]),
            ("Finance, banking and", 28.0, &["31.1", "32.1"]),
            ("insurance", 28.0, &[]),
            ("Public services", 28.0, &["12.0", "13.1"]),
            ("Total", 20.0, &["151.5", "152.9"]),
        ];
        let tables = set_solid(&rows);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 7, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn a_chinese_sub_label_wrapped_at_its_measure_is_one_row() {
        // Sub-labels set in to 28 and wrapped after eight ideographs (40
        // pt), their figures on the first line; the wrapped lines start
        // where their labels do. Headings at 20, as wide as each other,
        // over a sub-label each stay rows of their own.
        let rows: [(&str, f32, &[&str]); 13] = [
            ("行业", 20.0, &["2022", "2023"]),
            ("农副食品加工业", 28.0, &["40.0", "41.5"]),
            ("计算机通信和其他", 28.0, &["8.9", "9.4"]),
            ("电子设备制造业", 28.0, &[]),
            ("电气机械和器材制", 28.0, &["31.1", "32.1"]),
            ("造业", 28.0, &[]),
            ("金属制品业", 28.0, &["12.0", "13.1"]),
            ("服务业", 20.0, &[]),
            ("批发和零售业", 28.0, &["151.5", "152.9"]),
            ("建筑业", 20.0, &[]),
            ("房屋建筑业", 28.0, &["7.5", "7.9"]),
            ("采矿业", 20.0, &[]),
            ("煤炭开采业", 28.0, &["3.2", "3.0"]),
        ];
        let tables = set_solid(&rows);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 11, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn a_unit_centred_across_a_narrow_gutter_closes_no_column() {
        // Six columns of figures set right to 150, 187, 224 and on, 37 pt
        // apart: a figure of six characters (30 pt) stands 7 pt after the
        // one before it, less than a column gap, and runs into it (one
        // line does so only between the third column and the fourth).
        // Years head the columns; `(Percent)` is centred over the
        // figures, across that gutter; a row has `(NA)` beside it.
        let mut chars = Vec::new();
        let right = |c: usize| 150.0 + 37.0 * c as f32;
        // (Lines 0 and 1, the years' and the unit's, have no label.)
        let mut put = |line: u32, cells: &[&str], y: f32| {
            if line > 1 {
                text(&mut chars, "Region", 20.0, y, line);
            }
            for (c, cell) in cells.iter().enumerate() {
                let x = right(c) - 5.0 * cell.len() as f32;
                text(&mut chars, cell, x, y, line);
            }
        };
        put(0, &["2015", "2016", "2017", "2015", "2016", "2017"], 40.0);
        let rows: [[&str; 6]; 5] = [
            ["9,945", "8,142", "4,739", "29,199", "2,742", "8,490"],
            ["62,939", "69,761", "94,739", "24,517", "67,309", "16,899"],
            ["5,301", "3,373", "13,759", "(NA)", "9,241", "7,717"],
            ["35,505", "32,170", "47,468", "37,689", "10,999", "35,375"],
            ["13,759", "12,249", "26,434", "19,977", "67,990", "71,928"],
        ];
        for (k, row) in rows.iter().enumerate() {
            put(2 + k as u32, row, 68.0 + 10.0 * k as f32);
        }
        text(&mut chars, "(Percent)", 227.5 - 22.5, 54.0, 1);
        let refs: Vec<&TextChar> = chars.iter().collect();
        let cols = columns(&page_lines(&refs));
        assert_eq!(cols.len(), 7, "{cols:?}");
    }

    #[test]
    fn a_unit_beside_a_figure_in_the_next_row_heads_the_figures() {
        // `(Percent)` centred over three columns of figures set right to
        // 300, 360 and 420, touching only the middle one, starting where
        // its figure in the row under it does: a heading over all three,
        // not the first line of the middle column's own title.
        let (mut chars, mut id) = (Vec::new(), 0);
        labelled_figures(
            &mut chars,
            &mut id,
            ("Region", 20.0),
            &["2022", "2023", "2024"],
            40.0,
        );
        put_cells(&mut chars, &mut id, &[("(Percent)", 330.0)], 54.0);
        let rows: [(&str, [&str; 3]); 4] = [
            ("North", ["3.2", "122.25", "-4.9"]),
            ("South", ["36.3", "-8.8", "38.9"]),
            ("East", ["-12.9", "20.3", "31.9"]),
            ("West", ["9.4", "14.6", "33.2"]),
        ];
        for (k, (label, figures)) in rows.iter().enumerate() {
            labelled_figures(
                &mut chars,
                &mut id,
                (label, 20.0),
                figures,
                68.0 + 10.0 * k as f32,
            );
        }
        let table = only_table(detect(&chars, &[]));
        let unit = (table.grid.cells.iter()).find(|c| c.row == 1 && c.col == 1);
        assert_eq!(unit.map(|c| c.colspan), Some(3), "{:?}", table.grid.cells);
    }

    #[test]
    fn a_section_heading_over_its_one_row_is_a_row_of_its_own() {
        // Rows in groups, lines 10 pt apart and groups 16: a group of one
        // row under a heading in capitals, one under a lead-in ending in a
        // colon, each heading flush with its row and nearly as wide as the
        // widest label (as a label's first line wrapped would be).
        let (mut chars, mut id) = (Vec::new(), 0);
        let groups: [&[(&str, &[&str])]; 4] = [
            &[
                ("Region", &["2022", "2023"]),
                ("All regions together", &["151.5", "152.9"]),
            ],
            &[("NORTHERN REGIONS", &[]), ("North", &["71.5", "68.9"])],
            &[
                ("North", &["40.0", "41.5"]),
                ("North-east and coast", &["31.1", "32.1"]),
            ],
            &[
                ("Southern regions, coast:", &[]),
                ("South", &["8.9", "9.4"]),
            ],
        ];
        let mut y = 40.0;
        for group in groups {
            for &(label, figures) in group {
                labelled_figures(&mut chars, &mut id, (label, 20.0), figures, y);
                y += 10.0;
            }
            y += 6.0;
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 8, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn titles_wrapped_to_their_own_depths_with_no_rule_under_them_are_one_row() {
        // No rule: the stub's heading, then column titles of one, two and
        // three lines set flush right to 200, 270 and 340, their last
        // lines level; a unit in brackets centred over the figures' cells
        // (midway across the gap after the stub to the last figures' end);
        // rows of figures. The titles are one row, the unit one over all
        // the figures.
        let (mut chars, mut id) = (Vec::new(), 0);
        let right = |s: &'static str, x: f32| (s, x - 5.0 * s.len() as f32);
        put_cells(
            &mut chars,
            &mut id,
            &[("Region", 20.0), right("Median", 340.0)],
            40.0,
        );
        put_cells(
            &mut chars,
            &mut id,
            &[right("Paid", 270.0), right("annual", 340.0)],
            50.0,
        );
        let titles = [
            right("Firms", 200.0),
            right("staff", 270.0),
            right("pay", 340.0),
        ];
        put_cells(&mut chars, &mut id, &titles, 60.0);
        put_cells(&mut chars, &mut id, &[("(Percent)", 203.5)], 72.0);
        for (k, label) in ["North", "South", "East", "West"].into_iter().enumerate() {
            let figures = [
                right("12.5", 200.0),
                right("3.0", 270.0),
                right("41.2", 340.0),
            ];
            let mut cells = vec![(label, 20.0)];
            cells.extend(figures);
            put_cells(&mut chars, &mut id, &cells, 86.0 + 10.0 * k as f32);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (6, 4), "{grid:?}");
        let unit = (grid.cells.iter()).find(|c| c.row == 1 && c.col == 1);
        assert_eq!(unit.map(|c| c.colspan), Some(3), "{grid:?}");
    }

    /// Under a title set a size up at 28, tight over them, the `header`
    /// lines at 40, 50 and 60 (each a list of (text, x)), then three rows
    /// of figures set right to 300, 360 and 420: one table, its header one
    /// row, its top the header's (the title none of its rows).
    fn under_a_title_tight_over(header: [&[(&'static str, f32)]; 3]) {
        let (mut chars, mut id) = (Vec::new(), 0);
        let title = "Table 3. Firms, staff and pay by region";
        sized_text(&mut chars, title, 20.0, 28.0, 0, 12.0);
        for (k, line) in header.iter().enumerate() {
            put_cells(&mut chars, &mut id, line, 40.0 + 10.0 * k as f32);
        }
        for (k, label) in ["North", "South", "East"].into_iter().enumerate() {
            let y = 72.0 + 10.0 * k as f32;
            labelled_figures(
                &mut chars,
                &mut id,
                (label, 20.0),
                &["12", "3.0", "41.2"],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 4), "{grid:?}");
        assert!(grid.rows[0] <= 32.0 && grid.rows[0] > 30.4, "{grid:?}");
    }

    #[test]
    fn a_title_tight_over_a_header_whose_deepest_title_tops_the_rest_is_apart() {
        // Column titles set right to 300, 360 and 420, of two lines, two
        // and three, their last lines level with the stub's heading at 60.
        // The last title's top line, alone at 40, is the header's.
        under_a_title_tight_over([
            &[right("Median", 420.0)],
            &[
                right("Number", 300.0),
                right("Paid", 360.0),
                right("annual", 420.0),
            ],
            &[
                ("Region", 20.0),
                right("firms", 300.0),
                right("staff", 360.0),
                right("pay", 420.0),
            ],
        ]);
    }

    #[test]
    fn the_top_line_of_the_first_column_title_wider_than_its_cell_is_the_headers() {
        // As above, but the deepest title is the first column's (its top
        // line, `Departmental` at 40, centred over `grant` at 50 and wider
        // than it by more than an em a side), so the line of columns at 50
        // starts with its cell.
        under_a_title_tight_over([
            &[("Departmental", 257.5)],
            &[right("grant", 300.0), right("annual", 420.0)],
            &[
                ("Region", 20.0),
                right("total", 300.0),
                right("staff", 360.0),
                right("pay", 420.0),
            ],
        ]);
    }

    #[test]
    fn a_rule_over_the_total_is_no_rule_under_the_header() {
        // Titles set right to 300, 360 and 420 wrapped to their own depths
        // (40, 50) with no rule under them (a header set on a band), rows
        // of figures, then a rule over the figures (from 150) at 86 under
        // which the total stands, and one closing the table. The titles
        // are one row.
        let (mut chars, mut id) = (Vec::new(), 0);
        let right = |s: &'static str, x: f32| (s, x - 5.0 * s.len() as f32);
        put_cells(
            &mut chars,
            &mut id,
            &[right("Paid", 360.0), right("Median", 420.0)],
            40.0,
        );
        let titles = [
            ("Region", 20.0),
            right("Firms", 300.0),
            right("staff", 360.0),
            right("pay", 420.0),
        ];
        put_cells(&mut chars, &mut id, &titles, 50.0);
        for (k, label) in ["North", "South", "East", "Total"].into_iter().enumerate() {
            let y = 62.0 + 10.0 * k as f32 + if label == "Total" { 4.0 } else { 0.0 };
            labelled_figures(
                &mut chars,
                &mut id,
                (label, 20.0),
                &["12", "3.0", "41.2"],
                y,
            );
        }
        let rules = [
            Ruling::new(86.0, 150.0, 422.0),
            Ruling::new(100.0, 18.0, 422.0),
        ];
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        // Likewise under a title set a size up tight over them, which is
        // none of the table's (here the last title alone is wrapped, the
        // stub's heading on the titles' last line, so the title lies
        // inside the first line of columns).
        chars.retain(|c| !(c.bbox.y0 < 40.0 && c.bbox.x0 < 360.0));
        sized_text(&mut chars, "Table 3.", 20.0, 29.0, 99, 12.0);
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.rows[0] >= 31.4, "{grid:?}");
    }

    #[test]
    fn a_title_set_a_size_up_under_a_tables_rows_is_none_of_them() {
        // Rows of three cells from 20, 146 and 248, 14 pt apart; under the
        // last, a title set a size up (12 pt, 6 pt a character) whose words
        // start where the rows' cells do; a second table under it.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut y = 40.0;
        for (label, a, b) in [
            ("Region", "2022", "2023"),
            ("North", "12.5", "13.0"),
            ("South", "8.0", "7.5"),
        ] {
            put_cells(
                &mut chars,
                &mut id,
                &[(label, 20.0), (a, 146.0), (b, 248.0)],
                y,
            );
            y += 14.0;
        }
        sized_text(
            &mut chars,
            "Table 2. Change from the years before by region",
            20.0,
            y + 4.0,
            90,
            12.0,
        );
        y += 22.0;
        for (label, a, b) in [
            ("Region", "2022", "2023"),
            ("East", "1.25", "1.5"),
            ("West", "0.5", "0.75"),
        ] {
            put_cells(
                &mut chars,
                &mut id,
                &[(label, 20.0), (a, 146.0), (b, 248.0)],
                y,
            );
            y += 14.0;
        }
        let tables = detect(&chars, &[]);
        let rows: Vec<usize> = tables.iter().map(|t| t.grid.row_count()).collect();
        assert_eq!(rows, [3, 3], "{tables:?}");
    }

    #[test]
    fn notes_set_smaller_under_a_table_are_no_rows() {
        // Four rows 14 pt apart; a note set smaller 20 pt under the last,
        // and the source tight under the note.
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, (label, a, b)) in [
            ("Region", "2022", "2023"),
            ("North", "12.5", "13.0"),
            ("South", "8.0", "7.5"),
            ("East", "1.25", "1.5"),
        ]
        .into_iter()
        .enumerate()
        {
            put_cells(
                &mut chars,
                &mut id,
                &[(label, 20.0), (a, 150.0), (b, 220.0)],
                40.0 + 14.0 * k as f32,
            );
        }
        sized_text(&mut chars, "NA Not available.", 20.0, 102.0, 90, 8.0);
        sized_text(
            &mut chars,
            "Source: a made-up survey.",
            20.0,
            110.0,
            91,
            8.0,
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 4, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn a_bulleted_list_under_a_lead_in_beside_a_running_head_is_no_table() {
        // Two lines of a paragraph from x = 20, then four bullets at 30,
        // their items from 45, lines 14 pt apart; in the margin at 400, a
        // running head of two lines level with the paragraph and a page
        // number level with the last item.
        let mut chars = Vec::new();
        let mut id = 0;
        let mut put = |chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32| {
            id += 1;
            text(chars, s, x, y, id);
        };
        put(
            &mut chars,
            "Each of them was asked four questions about",
            20.0,
            40.0,
        );
        put(
            &mut chars,
            "their work and their family, as follows:",
            20.0,
            54.0,
        );
        put(&mut chars, "Shift work", 400.0, 40.0);
        put(&mut chars, "interventions", 400.0, 54.0);
        for (k, item) in [
            "What helps your family most?",
            "What harms your family most?",
            "What helps your work most?",
            "What harms your work most?",
        ]
        .iter()
        .enumerate()
        {
            let y = 68.0 + 14.0 * k as f32;
            put(&mut chars, "\u{2022}", 30.0, y);
            put(&mut chars, item, 45.0, y);
        }
        put(&mut chars, "169", 440.0, 110.0);
        let tables = detect(&chars, &[]);
        assert!(tables.is_empty(), "{tables:?}");
    }

    #[test]
    fn numbered_headings_over_a_bullet_printed_twice_are_a_list() {
        // Under a running head with its page number at 440: two numbered
        // headings ("II.", "A.") at x = 30, then an item whose bullet is
        // drawn twice, the second glyph right after the first (once in the
        // text's font, once in a symbol font), the text from 50, and a
        // second item; columns at 30, 50 and 440.
        let mut chars = Vec::new();
        let mut id = 0;
        let mut put = |chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32| {
            id += 1;
            text(chars, s, x, y, id);
        };
        put(&mut chars, "Chapter 2 - Section 14", 290.0, 26.0);
        put(&mut chars, "41", 440.0, 26.0);
        put(&mut chars, "II.", 30.0, 60.0);
        put(&mut chars, "WATER QUALITY", 50.0, 60.0);
        put(&mut chars, "A.", 30.0, 81.0);
        put(&mut chars, "Sampling of rivers and lakes", 50.0, 81.0);
        for y in [95.0, 109.0] {
            put(&mut chars, "\u{25a0}", 30.0, y);
            put(&mut chars, "\u{25a0}", 35.0, y);
            put(&mut chars, "Samples are taken in these cases", 50.0, y);
        }
        let refs: Vec<&TextChar> = chars.iter().collect();
        let lines = page_lines(&refs);
        let rows: Vec<Vec<usize>> = (0..lines.len()).map(|i| vec![i]).collect();
        let cols = [(30.0, 45.0), (50.0, 390.0), (440.0, 450.0)];
        assert!(!looks_like_a_table(&lines, &rows, &cols, false));
    }

    #[test]
    fn a_table_in_one_column_of_a_page_of_two_is_read_in_its_column() {
        // Two page columns of running text, lines 12 pt apart: the left
        // from x = 20 all the way down; the right from x = 250, two lines,
        // then a table of eight rows 16 pt apart (labels at 250, amounts
        // right-aligned to 450, the first with its currency sign apart at
        // 400), then two lines more; over both, a page head. Where
        // baselines meet, a line of the page runs across both columns.
        let left = "the harbour dues for vessels that call at the port stay as they were \
                    for another year while the dues for a stay of more than a week rise by a \
                    tenth for every vessel whatever its size or the goods it carries";
        // Filled to 36 characters (180 pt) a line, three times over.
        let lines = wrapped(&[left, left, left].join(" "), 36);
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, line) in lines.iter().enumerate() {
            id += 1;
            text(&mut chars, line, 20.0, 40.0 + 12.0 * k as f32, id);
        }
        // Over both, a page head.
        text(&mut chars, "Bulletin 12", 20.0, 26.0, 1000);
        text(&mut chars, "Office of Statistics", 250.0, 26.0, 1001);
        let prose = [
            "Below are the dues that apply from the first",
            "day of the next season, per vessel called.",
        ];
        for (k, line) in prose.iter().enumerate() {
            id += 1;
            text(&mut chars, line, 250.0, 40.0 + 12.0 * k as f32, id);
            id += 1;
            text(&mut chars, line, 250.0, 230.0 + 12.0 * k as f32, id);
        }
        let rows = [
            ("Tug", "48.20"),
            ("Barge", "131.75"),
            ("Ferry", "162.40"),
            ("Coaster", "295.10"),
            ("Tanker", "918.00"),
            ("Bulk carrier", "1,640.00"),
            ("Container ship", "3,410.00"),
            ("Other", "12.85"),
        ];
        for (k, (label, amount)) in rows.iter().enumerate() {
            let y = 80.0 + 16.0 * k as f32;
            id += 1;
            text(&mut chars, label, 250.0, y, id);
            if k == 0 {
                id += 1;
                text(&mut chars, "$", 400.0, y, id);
            }
            id += 1;
            text(&mut chars, amount, 450.0 - 5.0 * amount.len() as f32, y, id);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (8, 2), "{grid:?}");
        assert!(grid.cols[0] >= 240.0, "{grid:?}");
    }

    /// A stub from 20 and two columns of figures set right to 230 and 370,
    /// `$` at 105 and 245 (more than `MAX_SIGN_GAP_EM` left of them) on
    /// the first row and the total only; over them the `header` lines,
    /// each (text, x), 10 pt apart from 20; rows 14 pt apart under them.
    fn signs_set_apart(header: &[&[(&'static str, f32)]], figure: &str) -> Vec<TableRegion> {
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, line) in header.iter().enumerate() {
            put_cells(&mut chars, &mut id, line, 20.0 + 10.0 * k as f32);
        }
        let top = 20.0 + 10.0 * header.len() as f32 + 4.0;
        for (k, label) in ["Oak", "Elm", "Ash", "Total"].into_iter().enumerate() {
            let y = top + 14.0 * k as f32;
            let mut cells = vec![(label, 20.0)];
            for right in [230.0, 370.0] {
                cells.push((figure, right - 5.0 * figure.len() as f32));
                if k == 0 || label == "Total" {
                    cells.push(("$", right - 125.0));
                }
            }
            put_cells(&mut chars, &mut id, &cells, y);
        }
        detect(&chars, &[])
    }

    #[test]
    fn currency_signs_set_apart_are_their_figures() {
        // Each sign joins its figures' column; beside codes (words) the
        // signs are a column of their own.
        let titles: &[(&str, f32)] = &[("Item", 20.0), ("Grants", 152.0), ("Loans", 292.0)];
        let tables = signs_set_apart(&[titles], "1,234");
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
        let tables = signs_set_apart(&[titles], "x,xxx");
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 5, "{tables:?}");
        // A title over the figures wrapped in a header set solid, its
        // last line beside the others' titles: no column of signs parts
        // the titles into a heading and a row.
        let wrapped: &[&[(&str, f32)]] = &[
            &[("Veterans federal", 127.0)],
            &[
                ("Item", 20.0),
                ("housing", 150.0),
                ("Defense energy", 262.0),
            ],
        ];
        let tables = signs_set_apart(wrapped, "1,234");
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
    }

    #[test]
    fn flags_set_after_figures_are_their_figures() {
        // Figures set right to 300 and 360, some flagged by a letter a
        // space after them (at 303 and 363), the flags of the first column
        // lined up: each flag is its figure's, no column. A column of
        // codes set apart (at 380) stays a column.
        let rows: [(&str, &[(&str, &str)]); 4] = [
            ("Belgium", &[("17.2", "b"), ("18.0", "")]),
            ("Bulgaria", &[("8.4", ""), ("11.1", "p")]),
            ("Czechia", &[("19.7", "e"), ("12.8", "")]),
            ("Denmark", &[("12.1", "p"), ("9.8", "")]),
        ];
        let read = |code: bool| {
            let (mut chars, mut id) = (Vec::new(), 0);
            let titles = [("Country", 20.0), ("2022", 280.0), ("2023", 340.0)];
            put_cells(&mut chars, &mut id, &titles, 30.0);
            for (k, (country, figures)) in rows.iter().enumerate() {
                let y = 44.0 + 14.0 * k as f32;
                let mut cells = vec![(*country, 20.0)];
                for (c, (figure, flag)) in figures.iter().enumerate() {
                    let right = 300.0 + 60.0 * c as f32;
                    cells.push((figure, right - 5.0 * figure.len() as f32));
                    if !flag.is_empty() {
                        cells.push((flag, right + 3.0));
                    }
                }
                if code {
                    cells.push(("x", 380.0));
                }
                put_cells(&mut chars, &mut id, &cells, y);
            }
            detect(&chars, &[])
        };
        let tables = read(false);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
        let tables = read(true);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 4, "{tables:?}");
    }

    #[test]
    fn tables_side_by_side_each_ruled_under_its_rows_are_two() {
        // Two tables of three columns, 20 pt apart: the left at x = 20, 80,
        // 140 (to 190), the right at 210, 270, 330 (to 380), each a header
        // and three rows whose cells wrap to 1-3 lines 12 pt apart, a rule
        // under every row of its own table (the two tables' rows fall at
        // different heights, so lines of both meet on one baseline).
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut rules = Vec::new();
        let mut table = |chars: &mut Vec<TextChar>, x: f32, rows: &[(&str, &str, &[&str])]| {
            let mut y = 40.0;
            rules.push(Ruling::new(y - 12.0, x - 2.0, x + 172.0));
            for (label, kind, note) in rows {
                for (k, line) in note.iter().enumerate() {
                    id += 1;
                    text(chars, line, x + 120.0, y + 12.0 * k as f32, id);
                }
                id += 1;
                text(chars, label, x, y, id);
                id += 1;
                text(chars, kind, x + 60.0, y, id);
                y += 12.0 * note.len() as f32 + 6.0;
                rules.push(Ruling::new(y - 12.0, x - 2.0, x + 172.0));
            }
        };
        table(
            &mut chars,
            20.0,
            &[
                ("Tool", "Use", &["Note"]),
                ("Saw", "Cuts", &["Wood"]),
                ("Plane", "Smooths", &["Edges"]),
                ("Rasp", "Shapes", &["Curves,", "hollows,", "ends"]),
            ],
        );
        table(
            &mut chars,
            210.0,
            &[
                ("Instrument", "Family", &["Range"]),
                ("Viola", "Strings", &["C3 to", "E6"]),
                ("Oboe", "Reeds", &["B3 to A6"]),
                ("Tuba", "Brass", &["D1 to", "F4"]),
            ],
        );
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 2, "{tables:?}");
        for t in &tables {
            let grid = &t.grid;
            assert_eq!((grid.row_count(), grid.col_count()), (4, 3), "{grid:?}");
        }
    }

    #[test]
    fn panels_side_by_side_a_narrow_gutter_apart_are_tables_apart() {
        // A summary page: three panels 120 pt wide, 126 pt apart, each a
        // heading on a rule as wide as the panel (baseline 30, rule at 34)
        // over a header and three rows 14 pt apart, labels from 2 pt in,
        // figures set right 2 pt short of the panel's edge: a panel's
        // figures end 10 pt (an em) before the next panel's labels, every
        // row in step with the others' rows.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut rules = Vec::new();
        let panels = [
            (
                "Holdings",
                ["Asset", "Loans", "Bonds", "Equity"],
                ["Count", "293", "12", "1"],
            ),
            (
                "Cash",
                ["Account", "Principal", "Interest", "Reserve"],
                ["Balance", "12.8", "13.0", "0.7"],
            ),
            (
                "Notes",
                ["Class", "A-1", "A-2", "B"],
                ["Coupon", "6.82", "7.02", "7.30"],
            ),
        ];
        for (k, (heading, labels, figures)) in panels.iter().enumerate() {
            let x = 20.0 + 126.0 * k as f32;
            id += 1;
            text(&mut chars, heading, x, 30.0, id);
            rules.push(Ruling::new(34.0, x, x + 120.0));
            for (r, (label, figure)) in labels.iter().zip(figures).enumerate() {
                let y = 50.0 + 14.0 * r as f32;
                put_cells(
                    &mut chars,
                    &mut id,
                    &[
                        (label, x + 2.0),
                        (figure, x + 118.0 - 5.0 * figure.len() as f32),
                    ],
                    y,
                );
            }
        }
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 3, "{tables:?}");
        for (t, k) in tables.iter().zip(0..) {
            let x = 20.0 + 126.0 * k as f32;
            assert!(t.bbox.x0 >= x && t.bbox.x1 <= x + 120.0, "{:?}", t.bbox);
            assert_eq!(
                (t.grid.row_count(), t.grid.col_count()),
                (4, 2),
                "{:?}",
                t.grid
            );
        }
        // The same rules without headings on them part nothing: one table.
        let no_headings: Vec<TextChar> = chars.into_iter().filter(|c| c.bbox.y1 > 40.0).collect();
        assert_eq!(detect(&no_headings, &rules).len(), 1);
    }

    #[test]
    fn a_line_between_two_tables_set_right_is_no_label_of_their_stub() {
        // Two tables set right (codes at x = 300, figures set right at 420
        // and 500), 14 pt a row, and between them, as close, a line of
        // text from x = 20 that ends short of the figures: a paragraph, not
        // a section's label (one starts a level or two out from its rows).
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut y = 40.0;
        for rows in [
            [
                ("Code", "Net", "Gross"),
                ("K2-87", "1.5", "2.5"),
                ("HX-49", "3.5", "4.5"),
            ],
            [
                ("Item", "Cost", "Price"),
                ("Saw", "10", "12"),
                ("Rasp", "8", "9"),
            ],
        ] {
            for (code, net, gross) in rows {
                id += 1;
                text(&mut chars, code, 300.0, y, id);
                id += 1;
                text(&mut chars, net, 420.0 - 5.0 * net.len() as f32, y, id);
                id += 1;
                text(&mut chars, gross, 500.0 - 5.0 * gross.len() as f32, y, id);
                y += 14.0;
            }
            if y < 100.0 {
                id += 1;
                text(
                    &mut chars,
                    "Region client order factory basic field income",
                    20.0,
                    y,
                    id,
                );
                y += 14.0;
            }
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 2, "{tables:?}");
    }

    #[test]
    fn subtotal_rules_under_each_years_figures_part_no_tables() {
        // A statement: labels at x = 20, each year's figures set right at
        // 250 and 340, a rule under each year's figures (60 pt wide) over
        // every subtotal. Between the years, rules on both sides and none
        // across: but none under the labels, so one table.
        let (mut chars, mut id, mut rules) = (Vec::new(), 0, Vec::new());
        let rows = [
            ("", "2023", "2022", false),
            ("Revenue", "1,234", "1,100", false),
            ("Cost of sales", "(800)", "(700)", false),
            ("Gross profit", "434", "400", true),
            ("Finance costs", "(16)", "(10)", false),
            ("Profit before tax", "418", "390", true),
            ("Income tax", "(60)", "(56)", false),
            ("Profit for the year", "358", "334", true),
        ];
        for (k, (label, this, last, subtotal)) in rows.iter().enumerate() {
            let y = 40.0 + 14.0 * k as f32;
            for (s, x) in [(*label, 20.0), (*this, 250.0 - 5.0 * this.len() as f32)]
                .into_iter()
                .chain([(*last, 340.0 - 5.0 * last.len() as f32)])
            {
                if !s.is_empty() {
                    id += 1;
                    text(&mut chars, s, x, y, id);
                }
            }
            if *subtotal {
                rules.push(Ruling::new(y - 11.0, 190.0, 250.0));
                rules.push(Ruling::new(y - 11.0, 280.0, 340.0));
            }
        }
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (8, 3), "{grid:?}");
    }

    #[test]
    fn a_paragraph_beside_a_note_in_the_margin_is_no_table() {
        // A justified paragraph, 60 characters a line (5 pt each) from
        // x = 5, lines 12 pt apart; a running head of two lines in the
        // margin at x = 400, level with its first two lines.
        let words = "the results suggest that involving the family in training and development \
                     focused on a broader range of behaviours rather than on physiological aspects \
                     alone improves outcomes in both measures of conflict for shift workers and \
                     their partners at every site of the study whatever the length of service";
        let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
        for w in words.split_whitespace() {
            let line = lines.last_mut().expect("one line at least");
            if line.iter().map(|w| w.len() + 1).sum::<usize>() + w.len() > 60 {
                lines.push(vec![w]);
            } else {
                line.push(w);
            }
        }
        let paragraph = |chars: &mut Vec<TextChar>, id: &mut u32, top: f32| {
            for (k, line) in lines.iter().enumerate() {
                let y = top + 12.0 * k as f32;
                let letters: usize = line.iter().map(|w| w.len()).sum();
                let last = k + 1 == lines.len();
                let space = if last {
                    5.0
                } else {
                    5.0 * (60 - letters) as f32 / (line.len() - 1) as f32
                };
                let mut x = 5.0;
                *id += 1;
                for w in line {
                    text(chars, w, x, y, *id);
                    x += 5.0 * w.len() as f32 + space;
                }
            }
        };
        // The blocks of lines of the page, each with whether it is that.
        let judged = |chars: &[TextChar]| {
            let refs: Vec<&TextChar> = chars.iter().collect();
            let lines = part_like_the_rows_above(page_lines(&refs));
            (blocks(&lines).iter())
                .map(|b| (b.len(), a_paragraph_beside_a_note(b, &lines)))
                .collect::<Vec<_>>()
        };
        let (mut chars, mut id) = (Vec::new(), 0);
        paragraph(&mut chars, &mut id, 100.0);
        put_cells(&mut chars, &mut id, &[("Shift work", 400.0)], 100.0);
        put_cells(&mut chars, &mut id, &[("interventions", 400.0)], 112.0);
        assert!(lines.len() >= 4);
        assert_eq!(judged(&chars), vec![(2, true)]);
        // Beside the paragraph's last two lines, its text going on above.
        let (mut chars, mut id) = (Vec::new(), 0);
        paragraph(&mut chars, &mut id, 100.0);
        let last = 100.0 + 12.0 * (lines.len() - 2) as f32;
        put_cells(&mut chars, &mut id, &[("Shift work", 400.0)], last);
        put_cells(
            &mut chars,
            &mut id,
            &[("interventions", 400.0)],
            last + 12.0,
        );
        assert_eq!(judged(&chars), vec![(2, true)]);
        // Two rows of a table under the paragraph are none.
        let (mut chars, mut id) = (Vec::new(), 0);
        paragraph(&mut chars, &mut id, 100.0);
        let below = 100.0 + 12.0 * lines.len() as f32;
        put_cells(
            &mut chars,
            &mut id,
            &[("Item", 5.0), ("Boxes", 150.0)],
            below,
        );
        put_cells(
            &mut chars,
            &mut id,
            &[("Paper", 5.0), ("1,250", 150.0)],
            below + 12.0,
        );
        assert_eq!(judged(&chars), vec![(2, false)]);
    }

    #[test]
    fn aligned_columns_make_a_table_and_prose_does_not() {
        let mut chars = Vec::new();
        let mut id = 0;
        text(
            &mut chars,
            "This is a paragraph of running text that goes across the page.",
            50.0,
            20.0,
            id,
        );
        for (i, row) in [
            ["Name", "Units", "Share"],
            ["North", "1,234", "12.5%"],
            ["South", "87", "3.0%"],
            ["East", "-7", "0.1%"],
        ]
        .iter()
        .enumerate()
        {
            let y = 60.0 + 14.0 * i as f32;
            for (j, cell) in row.iter().enumerate() {
                id += 1;
                text(&mut chars, cell, 50.0 + 80.0 * j as f32, y, id);
            }
        }
        id += 1;
        text(
            &mut chars,
            "Another paragraph closes the page with more running text.",
            50.0,
            150.0,
            id,
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (4, 3));
        assert_eq!(t.evidence, Evidence::TextLayout);
        assert!(
            t.bbox.y0 > 25.0 && t.bbox.y1 < 140.0,
            "paragraphs stay out: {:?}",
            t.bbox
        );
    }

    /// A header set apart (a rule's room below it), then a first row whose
    /// wrapped comment has lines `above` the row's figures, one `beside`
    /// them and lines `below`, then two rows of one line.
    fn header_over_a_commented_row(above: &[&str], beside: &str, below: &[&str]) -> Vec<TextChar> {
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[("Order", 50.0), ("Margin", 110.0), ("Comments", 170.0)],
            40.0,
        );
        let mut y = 62.0;
        for line in above {
            put(&[(line, 170.0)], y);
            y += 10.0;
        }
        put(&[("PO-1", 50.0), ("12.5%", 110.0), (beside, 170.0)], y);
        for line in below {
            y += 10.0;
            put(&[(line, 170.0)], y);
        }
        for (order, margin, comment) in
            [("PO-2", "8.1%", "Final"), ("PO-3", "-3.0%", "Credit note")]
        {
            y += 22.0;
            put(&[(order, 50.0), (margin, 110.0), (comment, 170.0)], y);
        }
        chars
    }

    #[test]
    fn rows_held_back_under_a_header_stay_in_the_table() {
        // The comment starts two lines above the row's figures, those lines
        // reaching past them; or one line longer than a short line, which
        // starts where the header's last column does: the table keeps its
        // header and the comment whole.
        for chars in [
            header_over_a_commented_row(
                &["Statements from the north", "region arrive late every"],
                "quarter so",
                &["reconciliations remain", "provisional"],
            ),
            header_over_a_commented_row(
                &["Statements from the northern region"],
                "arrive late every quarter so",
                &["reconciliations stay provisional"],
            ),
        ] {
            let tables = detect(&chars, &[]);
            assert_eq!(tables.len(), 1, "{tables:?}");
            let t = &tables[0];
            assert!(t.bbox.y0 < 35.0, "the header stays: {:?}", t.bbox);
            assert_eq!(t.grid.row_count(), 4, "{:?}", t.grid);
        }
    }

    #[test]
    fn a_cell_set_midway_interleaves_with_the_row_beside_it() {
        // The remarks of the second row run over two lines set midway in
        // the row, 12 pt apart: the first, longer than a short line, stands
        // above the row's other cells, the second below them, each
        // overlapping them by less than half a line.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[("Branch", 50.0), ("Description", 110.0), ("Remarks", 250.0)],
            40.0,
        );
        put(
            &[("North", 50.0), ("Office moved", 110.0), ("None", 250.0)],
            62.0,
        );
        put(&[("Audit asked for the contracts behind", 250.0)], 80.0);
        put(&[("South", 50.0), ("Rebates late", 110.0)], 86.0);
        put(&[("them and the statements", 250.0)], 92.0);
        put(
            &[
                ("East", 50.0),
                ("Counts differ", 110.0),
                ("Counted again", 250.0),
            ],
            112.0,
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let t = &tables[0];
        assert!(t.bbox.y0 < 35.0, "the header stays: {:?}", t.bbox);
        assert_eq!(
            (t.grid.row_count(), t.grid.col_count()),
            (4, 3),
            "{:?}",
            t.grid
        );
    }

    #[test]
    fn a_row_with_only_its_label_keeps_the_rhythm_of_a_loose_table() {
        // Lines 20 pt apart, 10 pt of space between them; one item, wider
        // than most of the table, has no date. A heading between a numbered
        // heading and a bullet (drawn twice over) keeps no table's rhythm.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("Line item", 50.0), ("Date", 200.0)], 40.0);
        put(&[("Accrual", 50.0), ("2018-08-03", 200.0)], 60.0);
        put(&[("Margin pending on output rev", 50.0)], 80.0);
        put(&[("Project", 50.0), ("2015-02-06", 200.0)], 100.0);
        put(&[("Final premium", 50.0), ("2024-12-28", 200.0)], 120.0);
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 5, "{:?}", tables[0].grid);

        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("B.", 50.0), ("Interpretation of the gases", 80.0)], 40.0);
        put(&[("1. Acidosis or alkalosis ?", 50.0)], 60.0);
        put(&[("¢ ¢", 50.0), ("On arterial sampling :", 80.0)], 80.0);
        assert!(detect(&chars, &[]).is_empty());
    }

    #[test]
    fn one_pair_of_words_is_no_word_space() {
        // A header pair set 7 pt apart is all the block has of words side
        // by side: its gap is two columns', not the font's space.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[
                ("SKU", 50.0),
                ("Units", 135.0),
                ("Customer", 167.0),
                ("Stage", 250.0),
            ],
            40.0,
        );
        for (k, (sku, units, customer)) in [
            ("HX-27838", "", "Lima"),
            ("B7-59524", "763", "Okafor"),
            ("SKU-70020", "1,583", "Chen"),
            ("K2-41987", "3,111,161", ""),
            ("SKU-66869", "16,113", "Stone"),
        ]
        .into_iter()
        .enumerate()
        {
            let right = 160.0 - 5.0 * units.len() as f32;
            put(
                &[
                    (sku, 50.0),
                    (units, right),
                    (customer, 167.0),
                    ("Open", 250.0),
                ],
                56.0 + 16.0 * k as f32,
            );
        }
        // (The letters are 5 pt each, a typewriter's: its space is as wide.)
        let refs: Vec<&TextChar> = chars.iter().filter(|c| c.c != ' ').collect();
        assert_eq!(word_space(&page_lines(&refs)), Some(5.0));
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 4, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_typewriter_fonts_space_is_as_wide_as_its_letters() {
        // Codes, figures and dates, no two words of letters side by side:
        // in letters 5 pt wide each, the space is 5 pt; in letters of a
        // proportional font's widths, none is known.
        let rows = [
            ("SH-40121", "Landed", "Jan 04, 2024"),
            ("SH-40188", "Delayed", "Feb 17, 2024"),
            ("SH-40310", "Cleared", "Mar 09, 2024"),
        ];
        let lines_in = |width: &dyn Fn(char) -> f32| {
            let mut chars = Vec::new();
            for (k, row) in rows.iter().enumerate() {
                let y = 40.0 + 16.0 * k as f32;
                for (j, (cell, x0)) in [(row.0, 50.0), (row.1, 110.0), (row.2, 160.0)]
                    .into_iter()
                    .enumerate()
                {
                    let mut x = x0;
                    for c in cell.chars() {
                        let w = width(c);
                        chars.push(TextChar {
                            c,
                            bbox: Rect::new(x, y - 8.0, x + w, y + 2.0),
                            line: (3 * k + j) as u32,
                            size: 10.0,
                        });
                        x += w;
                    }
                }
            }
            chars
        };
        let typewriter = lines_in(&|_| 5.0);
        let refs: Vec<&TextChar> = typewriter.iter().filter(|c| c.c != ' ').collect();
        assert_eq!(word_space(&page_lines(&refs)), Some(5.0));
        let proportional = lines_in(&|c| match c {
            'i' | 'l' | 'J' | ' ' => 2.5,
            'm' | 'M' | 'D' | 'C' => 8.0,
            'a' | 'e' | 'd' | 'n' => 5.5,
            _ => 5.0,
        });
        let refs: Vec<&TextChar> = proportional.iter().filter(|c| c.c != ' ').collect();
        assert_eq!(word_space(&page_lines(&refs)), None);
    }

    #[test]
    fn codes_set_a_little_apart_are_no_word_space() {
        // Pairs of codes 7 pt apart in three rows, phrases with a 5 pt
        // space in three places: the font's space is the phrases'.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("Period end", 50.0), ("Net book value", 150.0)], 40.0);
        for (k, (a, b)) in [
            ("INV-93277", "PO-26066"),
            ("A-51456", "C-64594"),
            ("K2-4038", "HX-6428"),
        ]
        .into_iter()
        .enumerate()
        {
            put(
                &[(a, 50.0), (b, 57.0 + 5.0 * a.len() as f32)],
                56.0 + 16.0 * k as f32,
            );
        }
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(word_space(&page_lines(&refs)), Some(5.0));
    }

    /// (text, x) of a cell set right, ending at x, in the 5 pt letters of `text`.
    fn right(text: &str, x: f32) -> (&str, f32) {
        (text, x - 5.0 * text.chars().count() as f32)
    }

    #[test]
    fn figures_set_right_a_space_before_long_comments_are_a_column_of_their_own() {
        // Amounts set right to x = 130, comments set left from 137.5, a
        // space and a half after them, each row's amount and comment one
        // line of text. The comments' lines run to seven words, as many as
        // a paragraph's, yet every line's amount ends where the others do
        // and its comment starts where theirs do. Or to nine or ten, under
        // a rule under the header, each as long as the next and starting
        // in lower case, as a paragraph's lines run on: the amounts beside
        // them, a run of their own, keep them a table's.
        let short = [
            "service rebate price east office retail lease",
            "sales revenue retail audit factory branch stock",
            "growth bank supply basic lease",
            "fixed rate on the new warehouse and its lease",
        ];
        let long = [
            "rebate on the price agreed with the east office in May",
            "sales to retail outlets audited by the branch office",
            "growth slowed after the supply contract was renewed",
            "fixed rate on the new warehouse lease from June",
        ];
        for (comments, rules) in [
            (short, vec![]),
            (long, vec![Ruling::new(44.0, 15.0, 420.0)]),
        ] {
            let mut chars = Vec::new();
            let mut id = 0;
            let rows = [("Region", "Revenue", "Comments")].into_iter().chain(
                (["North", "South", "West", "East"].into_iter())
                    .zip(["1,389", "41,117", "108", "7,204"])
                    .zip(comments)
                    .map(|((region, amount), comment)| (region, amount, comment)),
            );
            for (k, (region, amount, comment)) in rows.enumerate() {
                let y = 40.0 + 16.0 * k as f32;
                id += 1;
                text(&mut chars, region, 20.0, y, id);
                id += 1;
                text(&mut chars, amount, right(amount, 130.0).1, y, id);
                // The space typed between them spans the gap.
                chars.push(TextChar {
                    c: ' ',
                    bbox: Rect::new(130.0, y - 8.0, 137.5, y + 2.0),
                    line: id,
                    size: 10.0,
                });
                text(&mut chars, comment, 137.5, y, id);
            }
            let tables = detect(&chars, &rules);
            assert_eq!(tables.len(), 1, "{tables:?}");
            let grid = &tables[0].grid;
            assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
            assert!(grid.cols[2] > 130.0 && grid.cols[2] < 137.5, "{grid:?}");
        }
    }

    #[test]
    fn a_header_of_one_word_a_column_set_a_wide_space_apart_parts_at_its_spaces() {
        // Headings of one word each, typed a space apart as one line (one
        // segment), the spaces half as wide again as the body's word space
        // and all as wide: `Revenue`, set right over narrower figures,
        // starts left of the midpoint between the two columns of figures.
        // Its spaces are no phrase's: the boundary goes in the space
        // before it, not through it. So too where the labels' heading
        // stands a column gap off, `Price` the segment's first word and
        // wider than its figures.
        for labels_off in [0.0, 20.0] {
            let mut chars = Vec::new();
            let mut x = 20.0 - labels_off;
            for (k, word) in ["Product", "Price", "Revenue", "Name"]
                .into_iter()
                .enumerate()
            {
                if k == 1 {
                    x += labels_off;
                }
                if k > 0 {
                    // The typed space, as wide as the gap.
                    chars.push(TextChar {
                        c: ' ',
                        bbox: Rect::new(x, 32.0, x + 7.5, 42.0),
                        line: 1,
                        size: 10.0,
                    });
                    x += 7.5;
                }
                text(&mut chars, word, x, 40.0, 1);
                x += 5.0 * word.chars().count() as f32;
            }
            text(&mut chars, "Status", 250.0, 40.0, 2);
            let mut id = 2;
            for (k, (product, price, revenue, name, status)) in [
                ("Fund", "295", "2", "Customer Equity Fund", "open"),
                ("Alpha", "(7)", "(12)", "Local Office", "closed"),
                ("South", "0", "0", "Standard Rate Plan", "open"),
                ("Delta", "41", "5", "Retail Sales Unit", "pending"),
            ]
            .into_iter()
            .enumerate()
            {
                let cells = [
                    (product, 20.0 - labels_off),
                    right(price, 87.5),
                    right(revenue, 130.0),
                    (name, 137.5),
                    (status, 250.0),
                ];
                put_cells(&mut chars, &mut id, &cells, 56.0 + 16.0 * k as f32);
            }
            let tables = detect(&chars, &[]);
            assert_eq!(tables.len(), 1, "{tables:?}");
            let grid = &tables[0].grid;
            assert_eq!((grid.row_count(), grid.col_count()), (5, 5), "{grid:?}");
            assert!(grid.cols[2] > 87.5 && grid.cols[2] <= 95.0, "{grid:?}");
            assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
        }
    }

    #[test]
    fn columns_joined_under_centred_headers_part_where_their_text_does() {
        // Shares set right to x = 100, codes set left from 107: their rows
        // run on without a column gap; the headers, centred over each, are
        // the only line with a gap there, and the codes' header stands over
        // the middle of the codes. Joined as one column through the
        // codes, the two part again at the gap down all their rows.
        let rows = [
            [
                ("Desk", 20.0),
                ("Fee", 82.5),
                ("No.", 119.5),
                ("Cover", 152.5),
            ],
            [
                ("North", 20.0),
                right("4%", 100.0),
                ("Q9-20417", 107.0),
                right("71%", 175.0),
            ],
            [
                ("Pier", 20.0),
                right("-12%", 100.0),
                ("M3-66120", 107.0),
                right("-8%", 175.0),
            ],
            [
                ("Quay", 20.0),
                right("38%", 100.0),
                ("KT-44070", 107.0),
                right("66%", 175.0),
            ],
            [
                ("Dock", 20.0),
                right("-45%", 100.0),
                ("Q9-91336", 107.0),
                right("-29%", 175.0),
            ],
        ];
        let grid = table_of_rows(&rows.map(|r| r.to_vec()));
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cols[2] > 100.0 && grid.cols[2] < 107.0, "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_title_begun_left_of_its_column_leaves_the_gap_under_it_a_column_gap() {
        // Tel. numbers set right to x = 150, dates from 157: a gap of 7 pt
        // (more than a space, 5 pt, less than a column gap) down every row
        // but the header's, whose `Due` begins at 154, left of the dates;
        // the header's own gap, from `Tel.` to `Due`, is as wide.
        let grid = table_of_rows(&[
            vec![("Desk", 20.0), right("Tel.", 148.0), ("Due", 154.0)],
            vec![
                ("North", 20.0),
                right("(301) 555-0142", 150.0),
                ("2019/03/04", 157.0),
            ],
            vec![
                ("Pier", 20.0),
                right("(301) 555-7781", 150.0),
                ("2021/11/27", 157.0),
            ],
            vec![("Quay", 20.0), right("-", 150.0), ("2016/06/14", 157.0)],
            vec![
                ("Dock", 20.0),
                right("(415) 555-2390", 150.0),
                ("2018/01/30", 157.0),
            ],
        ]);
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
        assert!(grid.cols[2] >= 150.0 && grid.cols[2] <= 154.0, "{grid:?}");
    }

    #[test]
    fn a_group_heading_over_two_titles_spans_them_where_its_word_space_falls_between() {
        // `Round-03 (2016-17)` is centred over `Owned` and `Hired`; the
        // columns part at x = 132.5, in its word space (130 to 135).
        let grid = table_of_rows(&[
            vec![("Round-03 (2016-17)", 90.0), ("Round-04 (2020-21)", 190.0)],
            vec![
                ("Area", 20.0),
                ("Owned", 100.0),
                ("Hired", 140.0),
                ("Owned", 200.0),
                ("Hired", 240.0),
            ],
            vec![
                ("North", 20.0),
                right("48.1", 125.0),
                right("40.5", 165.0),
                right("3.3", 225.0),
                right("4.4", 265.0),
            ],
            vec![
                ("Pier", 20.0),
                right("1.2", 125.0),
                right("11.1", 165.0),
                right("2.4", 225.0),
                right("0.1", 265.0),
            ],
            vec![
                ("Quay", 20.0),
                right("12.7", 125.0),
                right("10.0", 165.0),
                right("0.3", 225.0),
                right("0.2", 265.0),
            ],
        ]);
        assert_eq!((grid.row_count(), grid.col_count()), (5, 5), "{grid:?}");
        let spans: Vec<(u32, u32)> = (grid.cells.iter())
            .filter(|c| c.row == 0 && c.colspan == 2)
            .map(|c| (c.col, c.colspan))
            .collect();
        assert_eq!(spans, [(1, 2), (3, 2)], "{grid:?}");
    }

    #[test]
    fn a_long_label_beside_an_empty_cell_stays_in_its_column() {
        // The header stands centred over the labels, apart from the short
        // ones; the long one, beside an empty date, ends 7 pt before the
        // dates. Its column joined with the header's reaches to its end.
        let grid = table_of_rows(&[
            vec![("Desk", 62.5), ("Opened", 140.0), ("Region", 200.0)],
            vec![("North", 20.0), ("2019-03-04", 132.0), ("Coast", 200.0)],
            vec![("Pier", 20.0), ("2021-11-27", 132.0), ("Hills", 200.0)],
            vec![("Old Mill Trading Yard", 20.0), ("Coast", 200.0)],
            vec![("Quay", 20.0), ("2016-06-14", 132.0), ("Hills", 200.0)],
        ]);
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
        assert!(grid.cols[1] > 125.0 && grid.cols[1] < 132.0, "{grid:?}");
    }

    #[test]
    fn a_label_a_space_before_shares_set_right_parts_from_them() {
        // Shares set right to x = 152, remarks from 159; the longest label
        // ends 7 pt before its share, and its remark runs past the others.
        let grid = table_of_rows(&[
            vec![
                ("Line", 20.0),
                right("Share", 152.0),
                ("Remarks", 159.0),
                ("State", 300.0),
            ],
            vec![
                ("Depot", 20.0),
                right("14.06%", 152.0),
                ("kept as it was", 159.0),
                ("Open", 300.0),
            ],
            vec![
                ("Trading yard north", 20.0),
                right("-35.18%", 152.0),
                ("moved to the yard in May", 159.0),
                ("Closed", 300.0),
            ],
            vec![
                ("Kiosk", 20.0),
                right("2.5%", 152.0),
                ("rebuilt after storms", 159.0),
                ("Open", 300.0),
            ],
            vec![
                ("Office", 20.0),
                right("-71.02%", 152.0),
                ("sublet in June", 159.0),
                ("Held", 300.0),
            ],
        ]);
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cols[1] > 110.0 && grid.cols[1] < 117.0, "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_row_ruled_off_with_a_comment_of_a_few_words_wrapped_is_one_row() {
        // A rule under every row: the middle row's comment, two words and
        // a Chinese term (too few to read as prose), wraps its last word
        // onto a line of its own, the row's other cells on its first line. Rows stand hardly further
        // apart than a cell's lines: spacing tells nothing.
        let mut chars = Vec::new();
        let lines: [(&[(&str, f32)], f32); 6] = [
            (
                &[("Account", 20.0), ("Count", 100.0), ("Comments", 150.0)],
                40.0,
            ),
            (
                &[
                    ("Ledger fees", 20.0),
                    ("4,120", 100.0),
                    ("store value net", 150.0),
                ],
                53.0,
            ),
            (&[("premium", 150.0)], 64.0),
            (
                &[
                    ("Cash float", 20.0),
                    ("-2,604", 100.0),
                    ("market 采购", 150.0),
                ],
                77.0,
            ),
            (&[("segment", 150.0)], 88.0),
            (&[("Rent", 20.0), ("88", 100.0), ("paid", 150.0)], 101.0),
        ];
        let mut id = 0;
        for (cells, y) in lines {
            put_cells(&mut chars, &mut id, cells, y);
        }
        let rules: Vec<Ruling> = [30.0, 43.5, 67.5, 90.5, 106.0]
            .map(|y| Ruling::new(y, 15.0, 260.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 4, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_code_alone_over_a_tables_bottom_rule_is_its_last_row() {
        // Booktabs rules as wide as each other; the row above the last has
        // a comment wrapped onto a second line, the last a code alone,
        // further down than that line's spacing, tight over the bottom
        // rule; a paragraph under the rule.
        let mut chars = Vec::new();
        let lines: [(&[(&str, f32)], f32); 6] = [
            (
                &[("Code", 20.0), ("Notes", 100.0), ("Comments", 220.0)],
                40.0,
            ),
            (
                &[
                    ("A-23815", 20.0),
                    ("final surplus", 100.0),
                    ("asset interest", 220.0),
                ],
                60.0,
            ),
            (
                &[
                    ("PO-31545", 20.0),
                    ("freight closed", 100.0),
                    ("lease west", 220.0),
                ],
                84.0,
            ),
            (&[("alpha risk", 220.0)], 95.0),
            (&[("SKU-25298", 20.0)], 115.0),
            (
                &[(
                    "Capital revenue interest equity holding payable harbor rate.",
                    15.0,
                )],
                145.0,
            ),
        ];
        let mut id = 0;
        for (cells, y) in lines {
            put_cells(&mut chars, &mut id, cells, y);
        }
        let rules: Vec<Ruling> = [28.0, 46.0, 121.0]
            .map(|y| Ruling::new(y, 15.0, 300.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 4, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_sentence_under_a_tables_bottom_rule_parts_it_from_a_table_without_rules() {
        // A booktabs table, a sentence under its bottom rule, then a table
        // of shaded rows (no rules), all as close as rows stand.
        let mut chars = Vec::new();
        let upper = [
            ("Code", "Region", "Name"),
            ("B7-73777", "North", "Project"),
            ("TR-26639", "South", "Fees"),
            ("TR-70920", "West", "Shanghai"),
        ];
        let lower = [
            ("Ref.", "State", "Customer", "Margin"),
            ("K2-87877", "Open", "Client", "21%"),
            ("A-37984", "Done", "Profit", "55%"),
            ("HX-79639", "Approved", "Contract", "75%"),
        ];
        let mut id = 0;
        for (k, (a, b, c)) in upper.into_iter().enumerate() {
            let y = 40.0 + 16.0 * k as f32;
            put_cells(&mut chars, &mut id, &[(a, 20.0), (b, 150.0), (c, 300.0)], y);
        }
        put_cells(
            &mut chars,
            &mut id,
            &[("Price profit closed export credit fund.", 20.0)],
            106.0,
        );
        for (k, (a, b, c, d)) in lower.into_iter().enumerate() {
            let y = 122.0 + 16.0 * k as f32;
            put_cells(
                &mut chars,
                &mut id,
                &[(a, 20.0), (b, 110.0), (c, 200.0), right(d, 390.0)],
                y,
            );
        }
        let rules: Vec<Ruling> = [28.0, 45.0, 94.0]
            .map(|y| Ruling::new(y, 15.0, 395.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 2, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 4, "{:?}", tables[0].grid);
        assert_eq!(tables[1].grid.row_count(), 4, "{:?}", tables[1].grid);
    }

    #[test]
    fn a_heading_starting_where_short_entries_end_parts_no_column() {
        // A heading centred over entries set left begins 1 pt after the
        // shorter ones end; the longest runs on past it, a word space at
        // that place (its row fewer cells than the others, so it is no
        // line the columns are read from). One column, not an empty one
        // under the heading.
        let mut chars = Vec::new();
        rows_of(
            &mut chars,
            &[
                vec![("Category", 56.0), right("YoY", 170.0), ("State", 190.0)],
                vec![("Import", 20.0), right("-19%", 170.0), ("Approved", 190.0)],
                vec![("Capital", 20.0), right("78%", 170.0), ("Active", 190.0)],
                vec![("Ledgers Profit Accrual", 20.0), right("-16%", 170.0)],
            ],
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 3, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_blank_row_inside_a_tables_rules_parts_no_table() {
        // Booktabs rules: a top rule and one under the header as wide as
        // the bottom rule; a blank row two thirds of the way down, the
        // rows under it in the columns of those above.
        let mut chars = Vec::new();
        let rows: [(&str, &str, &str); 6] = [
            ("Item", "Qty", "Revenue"),
            ("Revenue", "-369", "1.21"),
            ("Net Credit", "23,750", "74,281.82"),
            ("Provision", "8,483,224", "0.52"),
            ("", "13,601", "-12.55"),
            ("Surplus", "330,585", "26.03"),
        ];
        let mut id = 0;
        for (k, (label, qty, revenue)) in rows.into_iter().enumerate() {
            let y = 40.0 + 16.0 * k as f32 + if k >= 4 { 32.0 } else { 0.0 };
            let mut cells = vec![right(qty, 200.0), right(revenue, 300.0)];
            if !label.is_empty() {
                cells.insert(0, (label, 20.0));
            }
            put_cells(&mut chars, &mut id, &cells, y);
        }
        let rules: Vec<Ruling> = [28.0, 45.0, 158.0]
            .map(|y| Ruling::new(y, 15.0, 305.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 6, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_tall_cells_first_line_under_the_row_above_stays_in_the_table() {
        // A rule under every row, cells set midway: the second row's
        // comment starts a line above its label, under the first row's
        // wrapped comment, and reaches further right than any line above.
        let mut chars = Vec::new();
        let lines: [(&[(&str, f32)], f32); 8] = [
            (
                &[("Account", 20.0), ("Count", 100.0), ("Comments", 150.0)],
                40.0,
            ),
            (
                &[
                    ("Ledger fees", 20.0),
                    ("4,120", 100.0),
                    ("checked against the bank statement,", 150.0),
                ],
                60.0,
            ),
            (&[("reconciliation pending", 150.0)], 71.0),
            (&[("counted twice by the branch and once by", 150.0)], 87.0),
            (
                &[
                    ("Cash float", 20.0),
                    ("-2,604", 100.0),
                    ("the auditors, with the differences", 150.0),
                ],
                98.0,
            ),
            (&[("carried to suspense", 150.0)], 109.0),
            (
                &[("Rent", 20.0), ("88", 100.0), ("paid in advance", 150.0)],
                130.0,
            ),
            (
                &[
                    ("Vehicle pool", 20.0),
                    ("19,355", 100.0),
                    ("fuel cards kept", 150.0),
                ],
                150.0,
            ),
        ];
        let mut id = 0;
        for (cells, y) in lines {
            put_cells(&mut chars, &mut id, cells, y);
        }
        let rules: Vec<Ruling> = [28.0, 46.0, 76.0, 116.0, 136.0, 156.0]
            .map(|y| Ruling::new(y, 15.0, 350.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 5, "{:?}", tables[0].grid);
    }

    /// Rows of (text, x) cells 16 pt apart from y = 40, each cell a
    /// structured-text line of its own.
    fn rows_of<'a>(chars: &mut Vec<TextChar>, rows: &[impl AsRef<[(&'a str, f32)]>]) {
        let mut id = 100;
        for (k, cells) in rows.iter().enumerate() {
            put_cells(chars, &mut id, cells.as_ref(), 40.0 + 16.0 * k as f32);
        }
    }

    const STOCK: [&[(&str, f32)]; 4] = [
        &[
            ("Order no.", 20.0),
            ("Region", 90.0),
            ("Units", 160.0),
            ("Stage", 230.0),
            ("Owner", 300.0),
        ],
        &[
            ("C-86491", 20.0),
            ("Factory", 90.0),
            ("45", 160.0),
            ("Open", 230.0),
            ("Lima", 300.0),
        ],
        &[
            ("INV-5541", 20.0),
            ("Basic", 90.0),
            ("314", 160.0),
            ("Held", 230.0),
            ("Chen", 300.0),
        ],
        &[
            ("TR-47118", 20.0),
            ("Warehouse", 90.0),
            ("4", 160.0),
            ("Open", 230.0),
            ("Okafor", 300.0),
        ],
    ];

    #[test]
    fn a_title_set_large_just_above_a_header_is_no_row() {
        let mut chars = Vec::new();
        sized_text(&mut chars, "Table 5: Central", 20.0, 28.0, 0, 20.0);
        rows_of(&mut chars, &STOCK);
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 4, "{:?}", tables[0].grid);
        assert!(tables[0].bbox.y0 > 30.0, "{:?}", tables[0].bbox);
    }

    #[test]
    fn a_title_tight_over_the_header_is_no_row_a_heading_over_some_columns_is() {
        // A line as large as the rows, tight over the header line: from the
        // first column's start, or centred over the table, across the gap
        // between its first two columns: a title, not the top of a wrapped
        // cell. Over the later columns only: a heading of the table's own.
        for (text, x, titled) in [
            ("Table 5. Stock by region", 20.0, true),
            ("Stock of orders by region and stage", 85.0, true),
            ("Stage and owner", 230.0, false),
        ] {
            let mut chars = Vec::new();
            sized_text(&mut chars, text, x, 29.0, 0, 10.0);
            rows_of(&mut chars, &STOCK);
            let tables = detect(&chars, &[]);
            assert_eq!(tables.len(), 1, "{text}: {tables:?}");
            assert_eq!(
                tables[0].bbox.y0 > 30.0,
                titled,
                "{text}: {:?}",
                tables[0].bbox
            );
        }
    }

    #[test]
    fn a_last_row_with_its_label_alone_keeps_the_rows_rhythm() {
        // In the rows' rhythm, flush with their labels: a row. Further off,
        // or set smaller: what follows the table.
        for (gap, size, rows) in [(16.0, 10.0, 5), (30.0, 10.0, 4), (16.0, 8.0, 4)] {
            let mut chars = Vec::new();
            rows_of(&mut chars, &STOCK);
            sized_text(&mut chars, "Revenue", 20.0, 88.0 + gap, 0, size);
            let tables = detect(&chars, &[]);
            assert_eq!(tables.len(), 1, "{tables:?}");
            assert_eq!(tables[0].grid.row_count(), rows, "gap {gap}, size {size}");
        }
    }

    #[test]
    fn a_last_row_of_one_figure_under_a_row_without_its_label_keeps_the_rows_rhythm() {
        // Spreadsheet rows, labels at 20 and two columns of figures set right
        // to 150 and 220; the last but one has no label, the last only its
        // first figure, in the rows' rhythm: a row, as the one above it is.
        let mut chars = Vec::new();
        let mut id = 0;
        let rows = [
            ("Region", "Orders", "Amount"),
            ("Retail", "2,896", "14.20"),
            ("Budget inventory", "618", "101.97"),
            ("", "3", "49.05"),
            ("", "-203,247", ""),
        ];
        for (k, (label, orders, amount)) in rows.into_iter().enumerate() {
            let cells: Vec<(&str, f32)> =
                [(label, 20.0), right(orders, 150.0), right(amount, 220.0)]
                    .into_iter()
                    .filter(|(cell, _)| !cell.is_empty())
                    .collect();
            put_cells(&mut chars, &mut id, &cells, 40.0 + 16.0 * k as f32);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
    }

    #[test]
    fn a_smaller_line_under_the_bottom_rule_is_no_row() {
        // Booktabs rules; under the bottom one, as close as the rows, a
        // running foot set smaller with a page number: no row, no column.
        let mut chars = Vec::new();
        rows_of(&mut chars, &STOCK);
        sized_text(&mut chars, "Annual report 2023", 20.0, 104.0, 0, 7.0);
        sized_text(&mut chars, "1", 100.0, 104.0, 1, 7.0);
        let rules: Vec<Ruling> = [28.0, 46.0, 94.0]
            .map(|y| Ruling::new(y, 15.0, 340.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 5), "{grid:?}");
    }

    #[test]
    fn a_note_as_large_as_the_table_over_its_columns_under_the_bottom_rule_is_no_row() {
        // Booktabs rules, and a rule far below (another table's); under the
        // bottom one, set as large as the rows and as close, two lines
        // explaining an abbreviation and a unit run over the gaps between
        // the first columns: no rows. A total under it, its figures in the
        // columns, stays a row, also set smaller than the rows.
        let rules: Vec<Ruling> = [28.0, 46.0, 94.0, 400.0]
            .map(|y| Ruling::new(y, 15.0, 340.0))
            .to_vec();
        for (total, rows) in [(false, 4), (true, 5)] {
            let mut chars = Vec::new();
            rows_of(&mut chars, &STOCK);
            if total {
                for (k, (cell, x)) in [("Total", 20.0), ("212", 160.0), ("9", 230.0)]
                    .iter()
                    .enumerate()
                {
                    sized_text(&mut chars, cell, *x, 104.0, 1 + k as u32, 8.0);
                }
            } else {
                text(
                    &mut chars,
                    "Abbreviation: QC, quality check.",
                    20.0,
                    104.0,
                    1,
                );
                text(&mut chars, "Units: pallets of the region.", 20.0, 114.0, 2);
            }
            let tables = detect(&chars, &rules);
            assert_eq!(tables.len(), 1, "{tables:?}");
            let grid = &tables[0].grid;
            assert_eq!((grid.row_count(), grid.col_count()), (rows, 5), "{grid:?}");
        }
    }

    #[test]
    fn columns_in_small_type_beside_a_page_column_of_larger_text_part_at_their_own_gaps() {
        // A table in 7.5 pt: labels, rates set right to 100, ranges from
        // 107 (a gap of 0.9 em of its type, 0.7 em of the 10 pt text of the
        // page column at 330 on the same baselines, read as one line), under
        // a heading over both (no gap runs down the whole column).
        let mut chars = Vec::new();
        sized_text(&mut chars, "State", 20.0, 29.0, 90, 7.5);
        sized_text(&mut chars, "Rate and range", 80.0, 29.0, 91, 7.5);
        let prose = [
            "the rates fell in every state over",
            "the decade, and fastest where the",
            "programmes began early, while the",
            "gap between the groups narrowed",
            "though it did not close entirely.",
        ];
        let rows = [
            ("Ohio", "154.0", "(151.8-156.1)"),
            ("Iowa", "141.6", "(137.7-145.4)"),
            ("Utah", "77.5", "(73.5-81.5)"),
            ("Idaho", "110.2", "(104.7-115.7)"),
            ("Maine", "112.2", "(107.0-117.4)"),
        ];
        let mut id = 0;
        for (k, ((label, rate, range), line)) in rows.iter().zip(prose).enumerate() {
            let y = 40.0 + 11.0 * k as f32;
            let at_right = 100.0 - 3.75 * rate.len() as f32;
            for (s, x) in [(*label, 20.0), (*rate, at_right), (*range, 107.0)] {
                id += 1;
                sized_text(&mut chars, s, x, y, id, 7.5);
            }
            id += 1;
            sized_text(&mut chars, line, 330.0, y, id, 10.0);
        }
        let tables = detect(&chars, &[]);
        let parted = |t: &TableRegion| t.grid.cols.iter().any(|&x| x > 100.0 && x < 107.0);
        assert!(tables.iter().any(parted), "{tables:?}");
    }

    #[test]
    fn a_label_parted_from_a_long_code_keeps_its_whole_phrase() {
        // Long codes run to under a column gap before their labels, so
        // those rows' code and label are one segment; a label is parted
        // from its code where the labels start, and the column reaches to
        // its end: the boundary before the shares does not cut it.
        let rows = vec![
            vec![
                ("SKU", 20.0),
                ("Region", 72.0),
                right("Share", 230.0),
                right("Balance", 280.0),
            ],
            vec![
                ("SKU-48435", 20.0),
                ("Reserve pricing Carrier", 72.0),
                right("66.87%", 230.0),
                right("3", 280.0),
            ],
            vec![
                ("SKU-55540", 20.0),
                ("Yield accrual", 72.0),
                right("73.71%", 230.0),
                right("20", 280.0),
            ],
            vec![
                ("C-17820", 20.0),
                ("Market", 72.0),
                right("34.38%", 230.0),
                right("563,895", 280.0),
            ],
            vec![("K2-4510", 20.0), ("Subsidiary", 72.0), right("0", 280.0)],
            vec![
                ("C-61608", 20.0),
                ("Risk", 72.0),
                right("64.06%", 230.0),
                right("148,378", 280.0),
            ],
        ];
        let grid = table_of_rows(&rows);
        assert_eq!((grid.row_count(), grid.col_count()), (6, 4), "{grid:?}");
        assert!(grid.cols[2] > 187.0, "{grid:?}");
    }

    #[test]
    fn a_row_run_together_under_a_centred_header_stays_in_the_table() {
        // Headers centred over their columns; the first row holds each
        // column's widest entry, its cells 7 pt apart (under a column gap):
        // one segment, starting left of the header over it, not flush.
        let rows = vec![
            vec![
                ("Product", 30.0),
                ("Orders", 92.0),
                ("Due date", 144.0),
                ("Budget", 198.5),
            ],
            vec![
                ("Procurement", 20.0),
                ("-1,042,558", 82.0),
                ("21/07/2024", 139.0),
                ("284,656", 196.0),
            ],
            vec![
                ("Harbor", 20.0),
                right("10,882", 132.0),
                right("-99", 231.0),
            ],
            vec![
                ("Yield", 20.0),
                right("128", 132.0),
                ("01/03/2021", 139.0),
                right("1,723", 231.0),
            ],
            vec![
                ("Division", 20.0),
                right("4", 132.0),
                ("02/08/2019", 139.0),
                right("0", 231.0),
            ],
        ];
        let grid = table_of_rows(&rows);
        assert_eq!(grid.row_count(), 5, "{grid:?}");
        assert!(grid.rows[0] < 33.0, "the header stays: {grid:?}");
    }

    #[test]
    fn a_smaller_line_under_an_unruled_table_is_no_row() {
        // No rules; a little further under the last row than the rows are
        // apart, a running foot set smaller, its page number centred under
        // a cell by chance.
        let mut chars = Vec::new();
        rows_of(&mut chars, &STOCK);
        sized_text(&mut chars, "Annual report 2023", 20.0, 108.0, 0, 7.0);
        sized_text(&mut chars, "1", 100.0, 108.0, 1, 7.0);
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 5), "{grid:?}");
    }

    #[test]
    fn a_column_reaches_to_its_longest_entry_set_close_to_the_next() {
        // The dates start 8 pt after the longest region, a space and a
        // half: closer than a column gap, so that line is one segment over
        // both columns; the boundary goes between its words, not through
        // `contract`.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("Region", 50.0), ("Date", 178.0), ("Units", 260.0)], 40.0);
        put(
            &[
                ("Period interest contract", 50.0),
                ("2018-01-25", 178.0),
                ("12", 260.0),
            ],
            56.0,
        );
        put(
            &[("Target", 50.0), ("2017-06-25", 178.0), ("7", 260.0)],
            72.0,
        );
        put(
            &[("Trade", 50.0), ("2023-12-27", 178.0), ("30", 260.0)],
            88.0,
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 3), "{grid:?}");
        assert!(grid.cols[1] > 170.0 && grid.cols[1] < 178.0, "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    /// The one table found in `rows` of (text, x) cells, a row every
    /// 16 pt from y = 40, each cell a structured-text line of its own.
    fn table_of_rows(rows: &[Vec<(&str, f32)>]) -> Grid {
        let mut chars = Vec::new();
        rows_of(&mut chars, rows);
        let mut tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        tables.remove(0).grid
    }

    #[test]
    fn figures_set_right_just_before_dates_part_where_titles_run_together_as_well() {
        // Amounts set right to x = 230, dates set left from 237; costs set
        // right to 120, states from 127: 0.7 em apart, less than a column
        // gap, each heading run into the next as the figures into the
        // dates. Only one pair of words stands a word space apart (`On
        // hold`); the titles' gaps are where columns part, no font's space.
        let rows: Vec<Vec<(&str, f32)>> = [
            ["SKU", "Cost", "State", "Profit/loss", "Date"],
            ["K2-52894", "-267", "待审批", "426,178.0", "04/03/2021"],
            ["A-16643", "21", "Closed", "6,295.2", "12/01/2022"],
            ["REF-65138", "682,633", "On hold", "-43.4", "20/01/2021"],
            ["HX-91113", "63", "Approved", "1,341.5", "05/01/2021"],
            ["TR-75621", "14", "Draft", "-33,676.7", "26/11/2015"],
        ]
        .iter()
        .map(|r| {
            vec![
                (r[0], 20.0),
                right(r[1], 120.0),
                (r[2], 127.0),
                right(r[3], 230.0),
                (r[4], 237.0),
            ]
        })
        .collect();
        let grid = table_of_rows(&rows);
        assert_eq!((grid.row_count(), grid.col_count()), (6, 5), "{grid:?}");
        assert!(grid.cols[4] > 230.0 && grid.cols[4] < 237.0, "{grid:?}");
    }

    #[test]
    fn a_line_of_text_out_past_a_table_on_both_sides_is_none_of_its_rows() {
        // Two tables, a paragraph's one line between them as close as
        // their rows: it starts 40 pt left of the first and ends 260 pt
        // past it, its word spaces falling, by chance, in the first's
        // column gaps with words starting where its cells do (x = 120 and
        // 180); the second table's header stands right under it.
        let (mut chars, mut id) = (Vec::new(), 0);
        let first = [
            ["Segment", "Region", "Status"],
            ["Profit", "North", "Open"],
            ["Coastal", "South", "Closed"],
            ["Premium", "West", "Draft"],
        ];
        for (k, row) in first.iter().enumerate() {
            let cells: Vec<(&str, f32)> = row.iter().copied().zip([60.0, 120.0, 180.0]).collect();
            put_cells(&mut chars, &mut id, &cells, 40.0 + 16.0 * k as f32);
        }
        id += 1;
        let prose = "Delta volume budget rebate cash account holding tariff coastal cash \
                     volume central harbor.";
        text(&mut chars, prose, 20.0, 104.0, id);
        let second = [
            ["Segment", "State", "Date"],
            ["Gross", "Pending", "14.07.2019"],
            ["Volume", "Draft", "15.12.2019"],
            ["Warehouse", "Draft", "12.03.2025"],
        ];
        for (k, row) in second.iter().enumerate() {
            let cells: Vec<(&str, f32)> = row.iter().copied().zip([60.0, 130.0, 185.0]).collect();
            put_cells(&mut chars, &mut id, &cells, 120.0 + 16.0 * k as f32);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 2, "{tables:?}");
        assert!(tables.iter().all(|t| t.bbox.x0 >= 55.0), "{tables:?}");
    }

    #[test]
    fn ideographs_running_up_to_the_next_column_are_their_own_columns() {
        // Prices right-aligned, then two columns of ideographs set flush
        // left; the longest entry of the first runs to 7 pt short of the
        // second, as close as the prices stand to it: one segment of three
        // words, parted at both gaps.
        let mut rows = vec![vec![
            ("Item", 20.0),
            ("Price", 75.0),
            ("类别", 108.0),
            ("名称", 160.0),
        ]];
        for (item, price, kind, name) in [
            ("Debit", "98.42", "海外", "合计销售"),
            ("Trade", "1,421.09", "结算投资", "银行"),
            ("Profit", "712.94", "分公司银行财务投资", "运输"),
            ("East", "2.76", "收入", "成都"),
        ] {
            let right = 100.0 - 5.0 * price.chars().count() as f32;
            rows.push(vec![
                (item, 20.0),
                (price, right),
                (kind, 108.0),
                (name, 160.0),
            ]);
        }
        let grid = table_of_rows(&rows);
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cols[3] > 153.0 && grid.cols[3] < 160.0, "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_row_of_one_figure_in_a_table_of_such_rows_heads_nothing_below() {
        // Two columns of ideographs set flush left at x = 60 and 93.75, the
        // widest entry of the first ending a column gap (3.75 pt, three
        // quarters of a glyph) short of the second; titles centred over
        // their columns. Rows carry one figure, a share, and only the last
        // two: yet the rows above the last are rows of figures, no titles.
        // In the third both columns' widest entries stand that gap apart,
        // one line of text (as MuPDF joins them) that the row above, its
        // share empty, does not part; it stands centred over the two cells
        // below it as a heading over its titles does.
        let rows = [
            [
                ("Item", 20.0),
                ("类别", 70.0),
                ("名称", 103.75),
                ("%", 145.0),
                ("Ref", 170.0),
            ],
            [
                ("East", 20.0),
                ("销售投资", 60.0),
                ("银行", 93.75),
                ("", 0.0),
                ("INV-461", 170.0),
            ],
            [
                ("Audit", 20.0),
                ("其他现金华北", 60.0),
                ("年度软件成都", 93.75),
                right("21.3%", 160.0),
                ("PO-954", 170.0),
            ],
            [
                ("Unit", 20.0),
                ("预算费用", 60.0),
                ("预算西部库存", 93.75),
                right("3.0%", 160.0),
                ("HX-356", 170.0),
            ],
            [
                ("Trade", 20.0),
                ("广州国内负债", 60.0),
                ("仓储", 93.75),
                right("82.0%", 160.0),
                ("B7-593", 170.0),
            ],
            [
                ("Fixed", 20.0),
                ("制造", 60.0),
                ("费用能源", 93.75),
                right("7.7%", 160.0),
                ("4411", 170.0),
            ],
        ];
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, row) in rows.iter().enumerate() {
            let y = 40.0 + 16.0 * k as f32;
            for (n, &(cell, x)) in row.iter().enumerate() {
                // The third row's two columns of ideographs: one line.
                let joined = k == 2 && n == 2;
                id += u32::from(!joined);
                text(&mut chars, cell, x, y, id);
            }
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (6, 5), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    /// A typewriter printout: labels from x = 20, figures and references
    /// set right to 195, 260 and 310; one blank between fields that fill
    /// their columns.
    fn printout(rows: &[[&'static str; 4]]) -> Vec<Vec<(&'static str, f32)>> {
        (rows.iter())
            .map(|r| {
                vec![
                    (r[0], 20.0),
                    right(r[1], 195.0),
                    right(r[2], 260.0),
                    right(r[3], 310.0),
                ]
            })
            .collect()
    }

    const PRINTOUT: [[&str; 4]; 4] = [
        ["Account", "Opening", "Closing", "Ref"],
        ["Dividend", "95,667.00", "92,120.50", "A-95"],
        [
            "Interest freight Logis",
            "1,234,567.89",
            "9,876,543.21",
            "INV-12313",
        ],
        ["Total fixed", "746,183.00", "720,410.40", "B7-4"],
    ];

    #[test]
    fn a_row_whose_cells_stand_a_word_space_apart_parts_like_the_rows_around_it() {
        // The third row fills every column: its fields stand one blank
        // apart, as its label's words do, so alone it reads as one cell
        // (no line of columns); between the rows around it, it is a row
        // of four cells, and the table is one.
        let grid = table_of_rows(&printout(&PRINTOUT));
        assert_eq!((grid.row_count(), grid.col_count()), (4, 4), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn two_rows_running_together_one_under_the_other_stay_rows() {
        // The second, with a line of columns under it, is parted like the
        // rows above the pair; the first, over a line not parted yet, stays
        // one segment: a row set as one between two rows (see `blocks`).
        let mut rows = PRINTOUT.to_vec();
        rows.insert(
            3,
            [
                "Budget retail Tariff 4",
                "2,464,609.00",
                "1,024,223.10",
                "REF-64609",
            ],
        );
        let grid = table_of_rows(&printout(&rows));
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_note_whose_words_fall_in_the_columns_gaps_is_no_row() {
        // Under the printout, in its rhythm, a note whose word spaces fall
        // in the gaps of the row above, its pieces flush with cells above
        // (a typewriter font puts every word on the columns' grid): with
        // no row below it, it stays a note.
        let mut rows = printout(&PRINTOUT);
        rows.push(vec![(
            "Totals checked by the branch office every Monday afternoon",
            20.0,
        )]);
        let grid = table_of_rows(&rows);
        assert_eq!((grid.row_count(), grid.col_count()), (4, 4), "{grid:?}");
    }

    #[test]
    fn a_source_line_as_large_as_the_table_running_out_past_its_bottom_rule_is_no_row() {
        // A booktabs table, rules from 40 to 300, labels at 50 and figures
        // set right to 200 and 290, lines 15 pt apart; just under its bottom
        // rule, a source note in the same size, justified to 400: its wide
        // word spaces would make columns of their own.
        let mut chars = Vec::new();
        let mut id = 0;
        put_cells(
            &mut chars,
            &mut id,
            &[("Age", 50.0), right("Men", 200.0), right("Women", 290.0)],
            20.0,
        );
        let mut y = 40.0;
        for (label, men, women) in [
            ("Under 5", "1,204", "1,187"),
            ("5 to 14", "2,310", "2,298"),
            ("15 to 64", "9,402", "9,511"),
            ("65 and over", "1,876", "2,344"),
        ] {
            put_cells(
                &mut chars,
                &mut id,
                &[(label, 50.0), right(men, 200.0), right(women, 290.0)],
                y,
            );
            y += 15.0;
        }
        let bottom = y - 10.0;
        for (k, note) in [
            justified(
                "Source: national census of the population, first results",
                71,
                0,
            ),
            "by district.".to_string(),
        ]
        .iter()
        .enumerate()
        {
            id += 1;
            text(&mut chars, note, 45.0, bottom + 12.0 + 13.0 * k as f32, id);
        }
        let rules: Vec<Ruling> = [8.0, 26.0, bottom]
            .into_iter()
            .map(|y| Ruling::new(y, 40.0, 300.0))
            .collect();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let t = &tables[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (5, 3), "{t:?}");
        assert!(
            t.bbox.x1 <= 300.5 && t.bbox.y1 <= bottom + 0.5,
            "{:?}",
            t.bbox
        );
    }

    #[test]
    fn a_heading_over_the_figures_opening_the_header_is_a_row_of_its_own() {
        // A booktabs table: on the header's first line the stub's heading
        // and a heading centred over three columns of figures set right to
        // 200, 280 and 360; under it, as close as the lines of the titles
        // stand to each other, titles of two lines; no rule under the
        // heading. It is a row of its own, one cell over the three.
        let mut chars = Vec::new();
        let mut id = 0;
        let titles = [("Age group", 50.0), ("Resident population", 220.0)];
        put_cells(&mut chars, &mut id, &titles, 18.0);
        let figures = |a: &'static str, b: &'static str, c: &'static str| {
            [right(a, 200.0), right(b, 280.0), right(c, 360.0)]
        };
        let [a, b, c] = figures("Share", "Share", "Total");
        put_cells(&mut chars, &mut id, &[a, b, c], 28.0);
        let [a, b] = [right("(all)", 200.0), right("(adults)", 280.0)];
        put_cells(&mut chars, &mut id, &[a, b], 38.0);
        let mut y = 58.0;
        for (label, share, adults, total) in [
            ("Under 5", "0.061", "", "2,391"),
            ("5 to 14", "0.152", "", "4,608"),
            ("15 to 64", "0.625", "0.811", "18,913"),
            ("65 and over", "0.162", "0.189", "4,220"),
        ] {
            let [a, b, c] = figures(share, adults, total);
            put_cells(&mut chars, &mut id, &[(label, 50.0), a, b, c], y);
            y += 14.0;
        }
        let rules: Vec<Ruling> = [6.0, 44.0, y - 8.0]
            .into_iter()
            .map(|y| Ruling::new(y, 40.0, 370.0))
            .collect();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (6, 4), "{grid:?}");
        let heading = (grid.cells.iter()).find(|c| c.row == 0 && c.col == 1);
        assert_eq!(heading.map(|c| c.colspan), Some(3), "{grid:?}");
    }

    #[test]
    fn a_title_centred_over_a_line_carrying_it_on_in_lower_case_is_its_columns() {
        // The middle of three columns of figures (set right to 300, 360
        // and 420) is titled `Audit report` over `fund`: wider than the
        // column's text and centred on it, so also on the three columns'
        // middle. Its next line carries the phrase on in lower case: it is
        // the column's own title, the header one row. (`Share` under a
        // heading, a new phrase, stays under a heading: see `group-rules`.)
        let (mut chars, mut id) = (Vec::new(), 0);
        put_cells(&mut chars, &mut id, &[("Audit report", 318.0)], 40.0);
        let titles = [
            ("Office", 20.0),
            right("Status", 300.0),
            right("fund", 358.0),
            right("Interior", 420.0),
        ];
        put_cells(&mut chars, &mut id, &titles, 50.0);
        for (k, label) in ["North", "South", "East", "West"].into_iter().enumerate() {
            let y = 62.0 + 10.0 * k as f32;
            labelled_figures(
                &mut chars,
                &mut id,
                (label, 20.0),
                &["12,040", "83,491", "647.0"],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!((grid.cells.iter()).all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_title_wrapped_in_its_own_column_is_no_heading_over_the_figures() {
        // Rules under every row; the comments column's title takes two
        // lines, the first over the others' titles, set left like the
        // column's text and by chance centred over the figures' columns
        // (Value from 100 to Amount at 480). It is the first line of that
        // column's title, the header one row.
        let mut chars = Vec::new();
        let mut id = 0;
        put_cells(&mut chars, &mut id, &[("Comments from the", 250.0)], 18.0);
        let header = [
            ("Invoice", 20.0),
            right("Value", 150.0),
            ("Due date", 170.0),
            ("reviewer", 250.0),
            right("Units", 420.0),
            right("Amount", 480.0),
        ];
        put_cells(&mut chars, &mut id, &header, 28.0);
        let mut rules = vec![8.0, 34.0];
        let mut y = 46.0;
        for (invoice, value, date, comment, units, amount) in [
            (
                "TR-53004",
                "128,228.58",
                "Aug 05, 2017",
                &["expense client basic", "period"][..],
                "31",
                "",
            ),
            (
                "PO-29624",
                "397,291.57",
                "Jul 04, 2022",
                &[
                    "final metro contract",
                    "freight target holding",
                    "customer order",
                ],
                "122,754",
                "0.92",
            ),
            (
                "PO-80145",
                "70,761.04",
                "Feb 16, 2025",
                &["stock price capital", "pricing"],
                "47,975",
                "22.69",
            ),
        ] {
            let cells = [
                (invoice, 20.0),
                right(value, 150.0),
                (date, 170.0),
                (comment[0], 250.0),
                right(units, 420.0),
                right(amount, 480.0),
            ];
            put_cells(&mut chars, &mut id, &cells, y);
            for line in &comment[1..] {
                y += 10.0;
                put_cells(&mut chars, &mut id, &[(line, 250.0)], y);
            }
            rules.push(y + 6.0);
            y += 18.0;
        }
        let rules: Vec<Ruling> = (rules.into_iter())
            .map(|y| Ruling::new(y, 10.0, 490.0))
            .collect();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 6), "{grid:?}");
    }

    #[test]
    fn a_narrower_table_under_a_wide_one_a_sentence_between_is_a_table_of_its_own() {
        // An unruled table from 20 to 480 (figures set right to 250 and
        // 480), a sentence under it, then a table set inside its columns
        // (from 145, figures right to 375), its cells lining up with none.
        let mut chars = Vec::new();
        let mut id = 0;
        let wide = |a: &'static str, b: &'static str, c: &'static str, d: &'static str| {
            [(a, 20.0), right(b, 250.0), (c, 270.0), right(d, 480.0)]
        };
        let mut y = 20.0;
        for (a, b, c, d) in [
            ("Segment", "Quantity", "Invoice", "Variance"),
            ("Reserve", "11", "HX-76865", "31,591.31"),
            ("Pending standard", "-10", "SKU-79274", "932.21"),
            ("Payment subsidiary", "51,088", "INV-48848", "-19,504.98"),
            ("Daily", "109,667", "A-35881", "-3,149.82"),
        ] {
            put_cells(&mut chars, &mut id, &wide(a, b, c, d), y);
            y += 14.0;
        }
        y += 6.0;
        let sentence = [("Current lease income debit client invoice target.", 20.0)];
        put_cells(&mut chars, &mut id, &sentence, y);
        for (a, b, c) in [
            ("Account", "Line item", "Amount"),
            ("Premium payment", "Fixed accrual", "2.48"),
            ("Logistics unit", "Import", "-12.58"),
            ("Tariff", "Output closed", "36.84"),
        ] {
            y += 20.0;
            put_cells(
                &mut chars,
                &mut id,
                &[(a, 145.0), (b, 226.0), right(c, 375.0)],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        let shapes: Vec<_> = (tables.iter())
            .map(|t| (t.grid.row_count(), t.grid.col_count()))
            .collect();
        assert_eq!(shapes, [(5, 4), (4, 3)], "{tables:?}");
    }

    #[test]
    fn a_sentence_set_smaller_between_two_tables_from_one_margin_parts_them() {
        // Two tables from x = 20, in 10 pt, with other columns each; a
        // sentence between them in 8.5 pt, nearer the second than the
        // first (out of any rows' rhythm) but near both, narrower than
        // the first, its words clear of the first's column gaps.
        let mut chars = Vec::new();
        let mut id = 0;
        let mut y = 20.0;
        for (a, b, c, d) in [
            ("Contract amount total", "Quantity", "Item", "Volume"),
            ("Coastal freight total", "182,512", "West", "639"),
            ("A-37831", "5,437,698", "Fund", "-30"),
            ("K2-29975", "3,258", "Sales", "-30,340"),
        ] {
            let cells = [(a, 20.0), right(b, 200.0), (c, 220.0), right(d, 400.0)];
            put_cells(&mut chars, &mut id, &cells, y);
            y += 16.0;
        }
        id += 1;
        let sentence = "Branch carrier terminal transfer ledger closed.";
        y += 8.0;
        sized_text(&mut chars, sentence, 20.0, y, id, 8.5);
        y += 4.0;
        for (a, b, c) in [
            ("Product", "State", "Price"),
            ("Supply", "Pending", "22.05"),
            ("Stock", "Closed", "2.06"),
            ("Interest", "Draft", "0.32"),
        ] {
            y += 16.0;
            put_cells(
                &mut chars,
                &mut id,
                &[(a, 20.0), (b, 120.0), right(c, 300.0)],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        let shapes: Vec<_> = (tables.iter())
            .map(|t| (t.grid.row_count(), t.grid.col_count()))
            .collect();
        assert_eq!(shapes, [(4, 4), (4, 3)], "{tables:?}");
    }

    #[test]
    fn a_last_row_run_together_in_part_parts_like_the_rows_above() {
        // Columns of ideographs, codes and figures; the last row's second
        // entry runs to half an em short of its code (closer than a column
        // gap), the code reaches past the codes above, and its figure is
        // empty: a line of columns already, run together in part. Parted
        // at the gaps of the rows above, each entry is a cell of its own.
        let mut rows = vec![vec![
            ("备注", 20.0),
            ("产品", 80.0),
            ("Order no.", 140.0),
            right("Variance", 250.0),
            ("类别", 260.0),
        ]];
        for (a, b, code, figure, c) in [
            (
                "产品市场",
                "总部华南",
                "B7-62613",
                "1,808.5",
                "预算深圳结算",
            ),
            (
                "电子上海运输",
                "零售现金",
                "C-8538",
                "(273,081.3)",
                "合计市场",
            ),
        ] {
            rows.push(vec![
                (a, 20.0),
                (b, 80.0),
                (code, 140.0),
                right(figure, 250.0),
                (c, 260.0),
            ]);
        }
        rows.push(vec![
            ("分公司银行", 20.0),
            ("利润库存客户利润库存客", 80.0),
            ("SKU-313680", 140.0),
            ("广州", 260.0),
        ]);
        let grid = table_of_rows(&rows);
        assert_eq!((grid.row_count(), grid.col_count()), (4, 5), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_row_run_together_between_rows_of_columns_stays_in_the_table() {
        // A narrow table whose figures and dates stand 6 pt apart (under a
        // column gap) in every row; one row's long label runs to half an em
        // short of its figure, so the whole row is one segment, wider than
        // a label: in the rows' rhythm, flush with their first cells and
        // reaching into both their cells, it is a row, not the table's end.
        let rows = vec![
            vec![
                ("Dept", 20.0),
                right("Change", 175.0),
                ("Period end", 181.0),
            ],
            vec![("North", 20.0), right("(6.53)", 175.0)],
            vec![
                ("Customer Canton Ea", 20.0),
                right("(222,371.07)", 175.0),
                ("02.10.2016", 181.0),
            ],
            vec![
                ("Canton", 20.0),
                right("3,670.83", 175.0),
                ("2023-04-25", 181.0),
            ],
        ];
        let grid = table_of_rows(&rows);
        assert_eq!(grid.row_count(), 4, "{grid:?}");
    }

    #[test]
    fn a_tall_cells_first_line_under_a_centred_header_keeps_the_header() {
        // A remark of three lines set middle: its first line stands above
        // the row's label, under the header row, and starts left of the
        // header centred over it; long, it is no label. It starts right of
        // the first column, so it is no running text of the page either:
        // the header stays the table's first row.
        let mut chars = Vec::new();
        let mut id = 0;
        let header = [("Item", 20.0), right("Cost", 150.0), ("Remarks", 262.0)];
        put_cells(&mut chars, &mut id, &header, 40.0);
        put_cells(
            &mut chars,
            &mut id,
            &[("value portfolio online south unit", 200.0)],
            56.0,
        );
        let first = [
            ("Asset", 20.0),
            right("808.91", 150.0),
            ("plant basic final service index", 200.0),
        ];
        put_cells(&mut chars, &mut id, &first, 66.0);
        put_cells(&mut chars, &mut id, &[("yield", 200.0)], 76.0);
        put_cells(
            &mut chars,
            &mut id,
            &[
                ("Central", 20.0),
                right("-2,041.94", 150.0),
                ("output net", 200.0),
            ],
            100.0,
        );
        put_cells(
            &mut chars,
            &mut id,
            &[
                ("Segment", 20.0),
                right("168.35", 150.0),
                ("vendor rate", 200.0),
            ],
            124.0,
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!(grid.row_count(), 4, "{grid:?}");
        assert!(grid.rows[0] <= 32.0, "{grid:?}");
    }

    #[test]
    fn cells_set_midway_with_a_blank_band_between_rows_stay_one_table() {
        // Cells set midway in rows padded an em above and below: a short
        // row's code and date stand more than two lines below the tall row
        // above; its description's first line, above them and reaching
        // past every line so far, starts where a later column does and
        // bridges the gap: the table is not cut in two, no row is lost.
        let mut chars = Vec::new();
        let mut id = 0;
        let lines: [(&[(&str, f32)], f32); 12] = [
            (
                &[
                    ("Code", 20.0),
                    ("Remarks", 80.0),
                    ("Date", 200.0),
                    ("Description", 260.0),
                ],
                40.0,
            ),
            (&[("standard rebate daily", 260.0)], 64.0),
            (&[("branch freight", 80.0)], 70.0),
            (
                &[
                    ("A-10275", 20.0),
                    ("2022-07-08", 200.0),
                    ("coastal pending", 260.0),
                ],
                76.0,
            ),
            (&[("export equity", 80.0)], 82.0),
            (&[("customer audit", 260.0)], 88.0),
            (&[("ledger delta market final freight", 260.0)], 115.0),
            (&[("REF-60228", 20.0), ("2024-05-24", 200.0)], 121.0),
            (&[("sales accrual", 260.0)], 127.0),
            (&[("store accrual", 80.0)], 154.0),
            (&[("index client", 260.0)], 160.0),
            (
                &[
                    ("SKU-99088", 20.0),
                    ("gross yield", 80.0),
                    ("2019-09-17", 200.0),
                ],
                166.0,
            ),
        ];
        for (cells, y) in lines {
            put_cells(&mut chars, &mut id, cells, y);
        }
        put_cells(&mut chars, &mut id, &[("client tariff", 260.0)], 172.0);
        put_cells(
            &mut chars,
            &mut id,
            &[
                ("A-79914", 20.0),
                ("order export", 80.0),
                ("2019-02-10", 200.0),
                ("segment value", 260.0),
            ],
            199.0,
        );
        let rules: Vec<Ruling> = [28.0, 48.0, 206.0]
            .map(|y| Ruling::new(y, 15.0, 350.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 5, "{:?}", tables[0].grid);
    }

    /// A label column, then three columns of ideographs set flush left at
    /// `xs`, under a header.
    fn ideograph_rows(xs: [f32; 3], rows: [[&str; 4]; 4]) -> Vec<Vec<(&str, f32)>> {
        let header = ["Line item", "名称", "类别", "项目"];
        std::iter::once(header)
            .chain(rows)
            .map(|row| row.into_iter().zip([20.0, xs[0], xs[1], xs[2]]).collect())
            .collect()
    }

    #[test]
    fn gaps_beside_ideographs_are_not_taken_for_the_fonts_space() {
        // Columns of ideographs set flush left, entries running to 7 pt
        // (0.7 em) short of the next column in more places than the Latin
        // labels show a space: set without spaces, those gaps are where
        // cells part, not the space a wider gap must outdo.
        let grid = table_of_rows(&ideograph_rows(
            [100.0, 127.0, 160.0],
            [
                ["Debit", "西部成本", "机械客户", "投资"],
                ["Tax", "华北", "销售费用", "总部"],
                ["Credit", "物流中心", "结算", "物流电子"],
                ["East", "研发中心", "合计", "投资上海"],
            ],
        ));
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn words_parted_beside_a_long_entry_of_the_next_column_part() {
        // A row of ideographs running from column to column, each 7 pt
        // short of the next: the third column's entry is its longest, no
        // other row shows how far that column reaches, but it starts where
        // the column's text does, so it is that column's.
        let grid = table_of_rows(&ideograph_rows(
            [100.0, 127.0, 154.0],
            [
                ["Debit", "西部成本", "机械客户", "收入库存资产"],
                ["Tax", "华北", "销售费用", ""],
                ["Credit", "物流", "结算", "总部"],
                ["East", "研发", "合计", "投资"],
            ],
        ));
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cols[2] > 120.0 && grid.cols[2] < 127.0, "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn a_last_headers_first_line_reaching_past_the_header_stays() {
        // `Notes and other` over `remarks`, top-aligned: the header's first
        // line is its last cell's top alone, wider than the rest of it.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("Notes and other", 250.0)], 30.0);
        put(
            &[("Category", 50.0), ("Notes", 110.0), ("remarks", 250.0)],
            40.0,
        );
        for (k, (category, note, remark)) in [
            ("Income", "margin payable", "segment"),
            ("Order", "transfer channel", "output"),
            ("Risk", "harbor portfolio", "alpha"),
        ]
        .into_iter()
        .enumerate()
        {
            put(
                &[(category, 50.0), (note, 110.0), (remark, 250.0)],
                60.0 + 16.0 * k as f32,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let t = &tables[0];
        assert!(t.bbox.y0 < 25.0, "the header's top stays: {:?}", t.bbox);
        assert_eq!(t.grid.row_count(), 4, "{:?}", t.grid);
    }

    #[test]
    fn columns_never_overlap() {
        // A segment left of every column stands apart (60-70); a later,
        // wider one widens the first column over it: one column.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        for y in [40.0, 56.0, 72.0] {
            put(&[("Reserve", 100.0), ("12", 200.0), ("34", 260.0)], y);
        }
        put(&[("No", 60.0), ("56", 200.0)], 88.0);
        put(&[("Total assets of the year", 65.0)], 104.0);
        let refs: Vec<&TextChar> = chars.iter().filter(|c| c.c != ' ').collect();
        let cols = columns(&page_lines(&refs));
        assert!(cols.windows(2).all(|w| w[0].1 < w[1].0), "{cols:?}");
        assert_eq!(cols.len(), 3, "{cols:?}");
    }

    #[test]
    fn dates_set_a_hair_left_of_their_heading_part_from_the_text_after_them() {
        // Dates a space and a half before a text column, under a heading
        // that starts a hundredth of a point right of them (glyph boxes
        // differ so): the dates run under the headings' gap, the gap
        // between dates and text runs down the column, two columns.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[
                ("ID", 20.0),
                ("Opened", 80.01),
                ("Stage", 137.0),
                ("Value", 200.0),
            ],
            40.0,
        );
        for (k, (date, stage)) in [
            ("2018-10-13", "Pending"),
            ("2016-11-25", "On hold"),
            ("2016-07-03", "On hold"),
            ("2024-10-03", "Approved"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 56.0 + 16.0 * k as f32;
            put(
                &[("A-1", 20.0), (date, 80.0), (stage, 137.0), ("1.5", 200.0)],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 4, "{:?}", tables[0].grid);
    }

    #[test]
    fn figures_set_right_past_their_heading_leave_a_long_code_its_own_column() {
        // Figures set right end a little past their heading, set left,
        // which alone makes their column: each stands less than a column
        // gap before its code, so no line parts them. A long code nearly
        // touching the dates after it still parts from them where the
        // dates start.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[
                ("Category", 20.0),
                ("Variance", 100.0),
                ("Contract", 150.0),
                ("Period end", 226.0),
            ],
            40.0,
        );
        let rows = [
            ("Volume", "54,632.9", "REF-84238", "2023-06-16"),
            ("Delta", "-6.6", "SKU-2446300001", "2015-05-08"),
            ("Payable", "123,260.2", "B7-69576", "2019-02-22"),
            ("Label", "-1.7", "C-38296", "2024-04-21"),
        ];
        for (k, (label, figure, code, date)) in rows.into_iter().enumerate() {
            let set_right = 143.0 - 5.0 * figure.len() as f32;
            let y = 56.0 + 16.0 * k as f32;
            put(
                &[
                    (label, 20.0),
                    (figure, set_right),
                    (code, 150.0),
                    (date, 226.0),
                ],
                y,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 4), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn rows_with_only_their_label_under_a_centred_header_stay_in_the_table() {
        // A spreadsheet's printout: headings centred over their columns,
        // the first rows' amounts blank. The labels alone, in the rows'
        // rhythm, keep the header and the table together.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("Item", 60.0), ("Amount", 185.0)], 40.0);
        let rows: [(&str, &str); 6] = [
            ("Gross", ""),
            ("Warehouse", ""),
            ("Interest", "1,283"),
            ("Rate", "0"),
            ("Rebate", "415"),
            ("Loan", "8,275"),
        ];
        for (k, (label, amount)) in rows.into_iter().enumerate() {
            let y = 52.0 + 12.0 * k as f32;
            let set_right = 230.0 - 5.0 * amount.len() as f32;
            let cells = [(label, 20.0), (amount, set_right)];
            put(&cells[..if amount.is_empty() { 1 } else { 2 }], y);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let t = &tables[0];
        assert!(t.bbox.y0 < 35.0, "the header stays: {:?}", t.bbox);
        assert_eq!(
            (t.grid.row_count(), t.grid.col_count()),
            (7, 2),
            "{:?}",
            t.grid
        );
    }

    #[test]
    fn rows_running_with_only_their_label_in_a_loose_table_stay_in_it() {
        // Rows 22 pt apart; two running hold only their label, the first
        // short, inside the block, the second wider than most of it (held
        // back): from the last line of dates they keep the rows' rhythm.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        let rows = [
            ("Stock", "Counted"),
            ("Screws", "2031-04-02"),
            ("Brackets", "2031-05-14"),
            ("Glue", ""),
            ("Sealant, tape and cords", ""),
            ("Nails", "2031-06-21"),
            ("Washers", "2031-07-02"),
        ];
        for (k, (label, date)) in rows.into_iter().enumerate() {
            let cells = [(label, 20.0), (date, 200.0 - 5.0 * date.len() as f32)];
            put(
                &cells[..if date.is_empty() { 1 } else { 2 }],
                40.0 + 22.0 * k as f32,
            );
        }
        let refs: Vec<&TextChar> = chars.iter().collect();
        let blocks = blocks(&page_lines(&refs));
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        assert_eq!(blocks[0].len(), 7);
    }

    #[test]
    fn a_wide_figure_set_close_to_the_next_column_keeps_its_bracket() {
        // Figures set right, each less than a column gap before the text
        // of the next column: no line holds a figure as a segment of its
        // own. The widest, bracketed, starts nearer the labels than the
        // heading centred over them; the boundary stays left of its bracket.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[("Customer", 20.0), ("Amount", 100.0), ("Name", 146.0)],
            40.0,
        );
        let rows = [
            ("Risk", "7.26", "bank"),
            ("Value", "(16,744.54)", "cost"),
            ("Direct yield", "(2.13)", "net"),
            ("Account", "-822.49", "metro"),
            ("Inventory", "(3.05)", "cash"),
        ];
        for (k, (label, figure, name)) in rows.into_iter().enumerate() {
            let y = 56.0 + 16.0 * k as f32;
            let set_right = 140.0 - 5.0 * figure.len() as f32;
            put(&[(label, 20.0), (figure, set_right), (name, 146.0)], y);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!(grid.col_count(), 3, "{grid:?}");
        assert!(grid.cols[1] <= 85.0, "the bracket is cut off: {grid:?}");
    }

    #[test]
    fn items_set_solid_a_little_apart_are_parted_by_space() {
        // Lines set solid, their boxes overlapping by a point; items less
        // than an em apart, which is still most of an em more than their
        // lines: parted. As far apart as their lines, they are not.
        let lines_at = |ys: &[f32]| {
            let mut chars = Vec::new();
            for (k, &y) in ys.iter().enumerate() {
                text(&mut chars, "net export segment", 20.0, y, k as u32);
            }
            let refs: Vec<&TextChar> = chars.iter().collect();
            page_lines(&refs)
        };
        let rows = [vec![0, 1], vec![2, 3], vec![4, 5]];
        let apart = lines_at(&[40.0, 49.0, 66.5, 75.5, 93.0, 102.0]);
        assert!(parted_by_space(&apart, &rows));
        let close = lines_at(&[40.0, 49.0, 58.0, 67.0, 76.0, 85.0]);
        assert!(!parted_by_space(&close, &rows));
        // Lines a point and a half apart, items eight points: parted.
        let leaded = lines_at(&[40.0, 51.5, 69.5, 81.0, 99.0, 110.5]);
        assert!(parted_by_space(&leaded, &rows));
    }

    #[test]
    fn a_code_set_midway_between_the_two_lines_of_its_comment_keeps_its_row() {
        // The first row's middle cell is empty and its comment, wider than
        // the header above it, runs over two lines set midway: the code
        // stands between them, on no line with another cell. The table
        // keeps its header and that row.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("SKU", 20.0), ("Remarks", 90.0), ("Notes", 200.0)], 40.0);
        put(&[("transfer reserve inventory segment", 200.0)], 58.0);
        put(&[("INV-7562", 20.0)], 64.5);
        put(&[("current pending alpha yield", 200.0)], 71.0);
        put(
            &[
                ("K2-2997", 20.0),
                ("net region", 90.0),
                ("urban logistics", 200.0),
            ],
            90.0,
        );
        put(
            &[
                ("C-7226", 20.0),
                ("credit growth", 90.0),
                ("procurement", 200.0),
            ],
            109.0,
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let t = &tables[0];
        assert!(t.bbox.y0 < 35.0, "the header stays: {:?}", t.bbox);
        assert_eq!(
            (t.grid.row_count(), t.grid.col_count()),
            (4, 3),
            "{:?}",
            t.grid
        );
    }

    #[test]
    fn a_tall_row_set_midway_a_rows_gap_below_a_full_line_is_a_row_of_its_own() {
        // Rows a line's space apart, cells set midway: the last row's
        // remark runs over three lines, its first above the row's other
        // cells and, word-wrapped, too long to have gone on the full line
        // of the row above. It stays a row of its own.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        let at = [20.0, 70.0, 300.0, 400.0, 450.0];
        let row = |texts: [&'static str; 5]| -> Vec<(&'static str, f32)> {
            texts
                .into_iter()
                .zip(at)
                .filter(|(t, _)| !t.is_empty())
                .collect()
        };
        put(&row(["名称", "Remarks", "Category", "Count", "Net"]), 40.0);
        put(
            &row(["销售收入", "stock ledger east fund", "Invoice", "65", "1.5"]),
            62.0,
        );
        put(
            &row([
                "合计",
                "region pricing tariff holding label",
                "Retail",
                "44",
                "2.5",
            ]),
            84.0,
        );
        put(
            &row(["", "channel procurement terminal", "", "", ""]),
            105.0,
        );
        put(
            &row([
                "管理",
                "tariff fund transfer premium risk",
                "Central",
                "86",
                "3.5",
            ]),
            116.0,
        );
        put(&row(["", "pending client carrier", "", "", ""]), 127.0);
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 4, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_number_and_its_unit_or_a_year_and_its_quarter_are_one_cell() {
        // `40 years` a line, the unit a word space after a number of two
        // digits, lined up down the column: a label, not two columns.
        let totals = ["2,468,083", "2,375,849", "2,325,572", "2,237,108"];
        // A header, then a label and a total a line.
        let table = |head: &str, labels: [&str; 4]| {
            let mut rows = vec![vec![(head, 20.0), right("Total", 160.0)]];
            rows.extend(
                (labels.iter().zip(totals)).map(|(&l, t)| vec![(l, 20.0), right(t, 160.0)]),
            );
            table_of_rows(&rows)
        };
        let grid = table("Age", ["40 years", "41 years", "42 years", "43 years"]);
        assert_eq!(grid.col_count(), 2, "{grid:?}");
        // A code in capitals, the same on every line, is a column.
        let grid = table(
            "Number Type",
            ["648765 AAA", "648766 AAA", "382030 AAA", "509462 AAA"],
        );
        assert_eq!(grid.col_count(), 3, "{grid:?}");
        // A year and its quarter, or its month, is a date: one label.
        for labels in [
            ["1990 Q1", "1990 Q2", "1990 Q3", "1990 Q4"],
            ["2019 Jan", "2019 Feb", "2019 Mar", "2019 Apr"],
        ] {
            let grid = table("Period", labels);
            assert_eq!(grid.col_count(), 2, "{labels:?} {grid:?}");
        }
    }

    #[test]
    fn a_first_row_with_a_figure_not_available_is_no_header_line() {
        // Months and two columns of figures set 12 pt apart, a header 16 pt
        // over them; the first row's import figure not available (`..`).
        let rows = [
            ["Month", "Imports", "Wages"],
            ["January 1997", "..", "61.8"],
            ["February 1997", "8.7", "72.0"],
            ["March 1997", "54.5", "41.2"],
            ["April 1997", "5.9", "42.3"],
        ];
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, row) in rows.iter().enumerate() {
            let y = if k == 0 { 30.0 } else { 34.0 + 12.0 * k as f32 };
            let cells = [(row[0], 20.0), right(row[1], 180.0), right(row[2], 240.0)];
            put_cells(&mut chars, &mut id, &cells, y);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 3), "{grid:?}");
    }

    #[test]
    fn blank_amounts_leave_a_number_column_beside_text_and_ranges_stay_whole() {
        // Amounts right-aligned a word space before the regions, blank in
        // the first two rows: three columns.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[("Invoice", 50.0), ("Net", 145.0), ("Region", 165.0)],
            40.0,
        );
        for (k, (net, region)) in [
            ("", "Period interest"),
            ("", "Target"),
            ("-60.91", "Trade"),
            ("-12,428.93", "Surplus"),
            ("178.06", "Deposit"),
        ]
        .into_iter()
        .enumerate()
        {
            let right = 160.0 - 5.0 * net.len() as f32;
            put(
                &[("TR-1", 50.0), (net, right), (region, 165.0)],
                56.0 + 16.0 * k as f32,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 3, "{:?}", tables[0].grid);

        // `1.35 - 1.42`: a range, not a number beside text.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("State", 50.0), ("This week", 120.0)], 40.0);
        for (k, (state, range)) in [
            ("Iowa", "1.35 - 1.42"),
            ("Nebraska", "1.38 - 1.40"),
            ("Wisconsin", "unq"),
            ("Ohio", "1.49 - 1.51"),
        ]
        .into_iter()
        .enumerate()
        {
            put(&[(state, 50.0), (range, 120.0)], 56.0 + 16.0 * k as f32);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 2, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_header_centred_over_text_is_no_column_of_its_own() {
        // Items set a word space after the margins, under a header centred
        // over them that starts right of the short ones.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[
                ("Code", 30.0),
                ("Margin", 75.0),
                ("Line item", 140.0),
                ("Total", 240.0),
            ],
            40.0,
        );
        let rows = [
            ("A-1", "10%", "Surplus", "12"),
            ("B-2", "11%", "Tax", "7"),
            ("C-3", "34%", "Contract", "1,204"),
            ("D-4", "54%", "Fee", "88"),
            ("E-5", "87%", "Vendor rebate", "3"),
            ("F-6", "18%", "Cash", "40"),
            ("G-7", "92%", "Closed deposit terminal", "5"),
        ];
        for (k, (code, margin, item, total)) in rows.iter().enumerate() {
            let right = |s: &str, edge: f32| edge - 5.0 * s.chars().count() as f32;
            put(
                &[
                    (code, 30.0),
                    (margin, right(margin, 105.0)),
                    (item, 110.0),
                    (total, right(total, 265.0)),
                ],
                54.0 + 14.0 * k as f32,
            );
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!(grid.col_count(), 4, "{grid:?}");
    }

    /// As `text`, in a typewriter font: every character, a space too, 0.6 em
    /// wide.
    fn typewritten(chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32, line: u32) {
        for (i, c) in s.chars().enumerate() {
            let x = x + 6.0 * i as f32;
            chars.push(TextChar {
                c,
                bbox: Rect::new(x, y - 8.0, x + 6.0, y + 2.0),
                line,
                size: 10.0,
            });
        }
    }

    #[test]
    fn a_typewriter_word_space_parts_no_columns_a_wider_gap_does() {
        // Courier: every character 0.6 em wide, a space too. Items of two
        // and three words beside right-aligned amounts are two columns;
        // dates 1.2 spaces after the amounts, a gap down every line a
        // little wider than the words' spaces, a third.
        let columns = |rows: &[(&str, &str, &str)]| {
            let mut chars = Vec::new();
            for (k, &(item, amount, date)) in rows.iter().enumerate() {
                let y = 40.0 + 14.0 * k as f32;
                let amount_x = 260.0 - 6.0 * amount.chars().count() as f32;
                for (i, (s, x)) in [(item, 50.0), (amount, amount_x), (date, 267.2)]
                    .into_iter()
                    .enumerate()
                {
                    typewritten(&mut chars, s, x, y, (3 * k + i) as u32);
                }
            }
            let tables = detect(&chars, &[]);
            assert_eq!(tables.len(), 1, "{tables:?}");
            tables[0].grid.col_count()
        };
        let items = [
            ("Region", "Budget", ""),
            ("Index", "8.10", ""),
            ("Transfer Budget", "115,725.94", ""),
            ("Loan", "296.76", ""),
            ("Bank tax Portfolio", "0.65", ""),
            ("West", "16,425.94", ""),
        ];
        assert_eq!(columns(&items), 2);
        let dated = [
            ("Balance store", "224,561.95", "22.07.2019"),
            ("Inventory", "926.08", "01.04.2020"),
            ("Alpha", "3.50", "12.05.2019"),
            ("Office rent", "18.00", "30.11.2021"),
        ];
        assert_eq!(columns(&dated), 3);
    }

    /// As `text`, in a font whose characters differ in width (Helvetica's
    /// advances: capitals 0.67 em, figures 0.56, a hyphen 0.33).
    fn proportional(chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32, line: u32) {
        let mut x = x;
        for c in s.chars() {
            let advance = match c {
                '-' => 3.3,
                '0'..='9' => 5.6,
                _ => 6.7,
            };
            chars.push(TextChar {
                c,
                bbox: Rect::new(x, y - 8.0, x + advance, y + 2.0),
                line,
                size: 10.0,
            });
            x += advance;
        }
    }

    #[test]
    fn a_space_where_a_column_starts_in_other_rows_is_no_word_space() {
        // A printout whose columns run into each other: each figure ends
        // 6 pt (0.6 em) short of the code after it, so both are one segment
        // of their line, and the space between them, where the codes of the
        // other rows start too, is a column's edge. The heading's word
        // space, and a status's, lie inside their cells.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(&[("Net income", 10.0), ("Ref.", 76.0)], 40.0);
        put(
            &[("28,459", 40.0), ("TR-18062", 76.0), ("On hold", 130.0)],
            54.0,
        );
        put(
            &[("1,204", 45.0), ("HX-81652", 76.0), ("Done", 130.0)],
            68.0,
        );
        put(
            &[("15,452", 40.0), ("K2-74406", 76.0), ("Open", 130.0)],
            82.0,
        );
        let refs: Vec<&TextChar> = chars.iter().collect();
        let lines = page_lines(&refs);
        let rows: Vec<&Line> = lines.iter().collect();
        let spaces = |line: &Line| -> Vec<String> {
            word_spaces_in_cells(line, &rows, WRAP_ALIGN_EM * line.size)
                .map(|k| format!("{} {}", line.words[k - 1].text, line.words[k].text))
                .collect()
        };
        assert_eq!(spaces(&lines[0]), ["Net income"]);
        assert_eq!(spaces(&lines[1]), ["On hold"]);
        assert!(spaces(&lines[2]).is_empty(), "{:?}", spaces(&lines[2]));
    }

    #[test]
    fn codes_run_up_to_the_next_column_in_a_proportional_font_are_two_cells() {
        // A printout of two columns of codes, one word each, the second
        // column 0.6 em past the widest code: two rows running have codes
        // that wide. A typewriter's space is 0.6 em, a proportional font's
        // half that, so these are two cells, as they are in every row.
        let mut chars = Vec::new();
        let rows = [
            ("Code", "Invoice"),
            ("A-41596", "PO-18404"),
            ("K2-9492", "C-27409"),
            ("REF-53034", "PO-34479"),
            ("SKU-90888", "PO-62162"),
            ("HX-8141", "K2-12355"),
            ("C-5861", "C-54286"),
        ];
        let second = 50.0 + 3.0 * 6.7 + 3.3 + 5.0 * 5.6 + 6.0;
        for (k, &(code, invoice)) in rows.iter().enumerate() {
            let y = 40.0 + 14.0 * k as f32;
            proportional(&mut chars, code, 50.0, y, 2 * k as u32);
            proportional(&mut chars, invoice, second, y, 2 * k as u32 + 1);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 2);
        assert_eq!(tables[0].grid.row_count(), rows.len());
    }

    #[test]
    fn a_header_wider_than_its_figures_heads_them_over_wrapped_rows() {
        // A quantity column whose centred header ends left of its figures,
        // in rows whose notes wrap over three lines: the figures are on a
        // third of the lines, but on every row.
        let (mut chars, mut id) = (Vec::new(), 0);
        let mut put = |cells: &[(&str, f32)], y: f32| put_cells(&mut chars, &mut id, cells, y);
        put(
            &[("SKU", 50.0), ("Notes", 110.0), ("Quantity", 215.0)],
            40.0,
        );
        for (k, (sku, qty)) in [("A-1", "544"), ("B-2", "947"), ("C-3", "1"), ("D-4", "80")]
            .iter()
            .enumerate()
        {
            let y = 58.0 + 36.0 * k as f32;
            put(&[("terminal accrual", 110.0)], y);
            put(
                &[
                    (sku, 50.0),
                    ("urban period", 110.0),
                    (qty, 280.0 - 5.0 * qty.len() as f32),
                ],
                y + 10.0,
            );
            put(&[("price service", 110.0)], y + 20.0);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.col_count(), 3, "{:?}", tables[0].grid);
    }

    #[test]
    fn a_header_over_two_columns_spans_them() {
        let mut chars = Vec::new();
        text(&mut chars, "Region", 50.0, 40.0, 0);
        text(&mut chars, "Revenue in 2024", 140.0, 40.0, 1); // over both number columns
        for (i, row) in [
            ["North", "1,200", "1,350"],
            ["South", "2,015", "1,980"],
            ["West", "845", "910"],
        ]
        .iter()
        .enumerate()
        {
            let y = 54.0 + 14.0 * i as f32;
            for (j, cell) in row.iter().enumerate() {
                text(
                    &mut chars,
                    cell,
                    50.0 + 60.0 * j as f32 + if j > 0 { 30.0 } else { 0.0 },
                    y,
                    10 + 3 * i as u32 + j as u32,
                );
            }
        }
        let t = &detect(&chars, &[])[0];
        assert_eq!(t.grid.col_count(), 3);
        let header = t
            .grid
            .cells
            .iter()
            .find(|c| c.row == 0 && c.col == 1)
            .unwrap();
        assert_eq!(header.colspan, 2);
    }

    /// A stub and four columns of figures set right to x = 220, 320, 420
    /// and 520 (text from 190), 14 pt a row, with `heading` set alone at
    /// `x` in the fourth row. The column boundaries fall midway in the
    /// gaps: 155, 255, 355, 455.
    fn figures_under_a_heading(heading: &str, x: f32) -> Vec<TableRegion> {
        let mut chars = Vec::new();
        let mut line = 0;
        let mut row = |chars: &mut Vec<TextChar>, stub: &str, cells: [&str; 4], y: f32| {
            text(chars, stub, 50.0, y, line);
            for (c, cell) in cells.iter().enumerate() {
                let (t, x) = right(cell, 220.0 + 100.0 * c as f32);
                text(chars, t, x, y, line);
            }
            line += 1;
        };
        row(&mut chars, "Source", ["2007", "2008", "2009", "2010"], 40.0);
        row(
            &mut chars,
            "Actual",
            ["49,293", "49,266", "49,373", "49,484"],
            54.0,
        );
        row(
            &mut chars,
            "Forecast",
            ["49,644", "49,825", "50,067", "50,353"],
            68.0,
        );
        text(&mut chars, heading, x, 82.0, 99);
        row(&mut chars, "Forecast", ["0.7", "1.1", "1.4", "1.8"], 96.0);
        row(&mut chars, "Revised", ["0.4", "0.7", "0.8", "1.1"], 110.0);
        detect(&chars, &[])
    }

    /// The cell of the heading's row (the fourth) that starts in `col`.
    fn heading_cell(t: &TableRegion, col: u32) -> Option<&crate::table::Cell> {
        (t.grid.cells.iter()).find(|c| c.row == 3 && c.col == col)
    }

    #[test]
    fn a_heading_begun_in_the_gap_before_its_columns_keeps_its_first_letters() {
        // From x = 240, past the first figures' end (220) but before the
        // boundary at 255, which falls inside "Difference", to 415, in the
        // third column: its first letters land in the first column of
        // figures. It is one cell over the three.
        let tables = figures_under_a_heading("Difference between forecast values", 240.0);
        let t = &tables[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (6, 5));
        assert_eq!(heading_cell(t, 1).map(|c| c.colspan), Some(3));
    }

    #[test]
    fn a_lone_heading_centred_over_the_figures_spans_them_all() {
        // Centred over the four columns of figures (190 to 520) but
        // reaching into the middle two only: it heads all four.
        let heading = "Difference in percent";
        let x = 355.0 - 2.5 * heading.len() as f32;
        let tables = figures_under_a_heading(heading, x);
        let t = &tables[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (6, 5));
        assert_eq!(heading_cell(t, 1).map(|c| c.colspan), Some(4));
    }

    #[test]
    fn rules_group_wrapped_lines_into_one_row() {
        let mut chars = Vec::new();
        let mut rules = vec![Ruling::new(30.0, 40.0, 400.0)];
        let mut id = 0;
        for r in 0..3 {
            let top = 30.0 + 40.0 * r as f32;
            id += 1;
            text(&mut chars, &format!("ID-{r}"), 50.0, top + 20.0, id);
            for k in 0..3 {
                id += 1;
                text(
                    &mut chars,
                    "a short note",
                    150.0,
                    top + 10.0 + 11.0 * k as f32,
                    id,
                );
            }
            rules.push(Ruling::new(top + 40.0, 40.0, 400.0));
        }
        let t = &detect(&chars, &rules)[0];
        assert_eq!(t.grid.row_count(), 3);
        assert_eq!(t.evidence, Evidence::PartiallyRuled);
    }

    /// A booktabs table, cells top-aligned, whose note column wraps (word
    /// by word, last lines short) with the line spacing tighter than the
    /// rows'. `last` puts the notes in the last column, wider than the
    /// header above them.
    fn wrapped_notes(last: bool) -> (Vec<TextChar>, Vec<Ruling>) {
        let (id_x, note_x, amount_x) = if last {
            (50.0, 200.0, 120.0)
        } else {
            (50.0, 120.0, 250.0)
        };
        let mut chars = Vec::new();
        text(&mut chars, "Ref", id_x, 20.0, 0);
        text(&mut chars, "Note", note_x, 20.0, 1);
        text(&mut chars, "Amount", amount_x, 20.0, 2);
        let rows: [(&str, &[&str], &str); 3] = [
            ("K-1", &["overall gross", "profit", "statements"], "12.5"),
            ("K-2", &["net sales"], "3.0"),
            ("K-3", &["gross margin", "of the region"], "7.25"),
        ];
        let mut id = 3;
        let mut top = 40.0;
        for (key, notes, amount) in rows {
            text(&mut chars, key, id_x, top, id);
            text(&mut chars, amount, amount_x, top, id + 1);
            for (k, note) in notes.iter().enumerate() {
                text(
                    &mut chars,
                    note,
                    note_x,
                    top + 11.0 * k as f32,
                    id + 2 + k as u32,
                );
            }
            id += 10;
            top += 11.0 * notes.len() as f32 + 8.0;
        }
        let rules = vec![
            Ruling::new(8.0, 40.0, 300.0),
            Ruling::new(26.0, 40.0, 300.0),
            Ruling::new(top, 40.0, 300.0),
        ];
        (chars, rules)
    }

    /// A booktabs table: `header` lines down to a rule (titles of the
    /// figure columns set right, ending at 200, 300 and 400), then four rows
    /// of figures, lines and rows all 16 pt apart; and its rules.
    fn under_wrapped_titles(header: &[&[(&str, usize)]]) -> (Vec<TextChar>, Vec<Ruling>) {
        let mut chars = Vec::new();
        let mut id = 0;
        let right = |c: usize, s: &str| [50.0, 200.0, 300.0, 400.0][c] - 5.0 * s.len() as f32;
        let mut y = 30.0;
        for line in header {
            for &(title, c) in *line {
                let x = if c == 0 { 50.0 } else { right(c, title) };
                text(&mut chars, title, x, y, id);
                id += 1;
            }
            y += 16.0;
        }
        let rule = y - 12.0;
        for (k, row) in [
            ["North", "92", "2", "83"],
            ["South", "98", "8", "96"],
            ["East", "93", "5", "79"],
            ["West", "97", "1", "98"],
        ]
        .iter()
        .enumerate()
        {
            let y = rule + 14.0 + 16.0 * k as f32;
            for (c, cell) in row.iter().enumerate() {
                let x = if c == 0 { 50.0 } else { right(c, cell) };
                text(&mut chars, cell, x, y, id);
                id += 1;
            }
        }
        let bottom = rule + 14.0 + 16.0 * 3.0 + 4.0;
        let rules = vec![
            Ruling::new(20.0, 40.0, 410.0),
            Ruling::new(rule, 40.0, 410.0),
            Ruling::new(bottom, 40.0, 410.0),
        ];
        (chars, rules)
    }

    #[test]
    fn column_titles_wrapped_to_their_own_depths_over_the_header_rule_are_one_row() {
        let (chars, rules) = under_wrapped_titles(&[
            &[("Share of", 1)],
            &[("pupils", 1), ("Schools", 2)],
            &[
                ("Region", 0),
                ("covered", 1),
                ("excluded", 2),
                ("Response", 3),
            ],
        ]);
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].grid.row_count(), 5, "{:?}", tables[0].grid.rows);
    }

    #[test]
    fn rules_part_rows_of_wrapped_text_set_as_close_as_its_lines() {
        // Lines 12 apart throughout, a rule between rows: a note wrapped
        // over three lines, its item on the first, its amount on the second.
        let notes = wrapped(
            "the order was shipped late because the supplier ran out of stock \
             and the goods came in two parts",
            24,
        );
        let mut chars = Vec::new();
        let mut rules = Vec::new();
        let mut id = 0;
        let mut y = 40.0;
        let mut line = |chars: &mut Vec<TextChar>, cells: &[(&str, f32)], y: f32| {
            for &(cell, x) in cells {
                text(chars, cell, x, y, id);
                id += 1;
            }
        };
        line(
            &mut chars,
            &[("Item", 50.0), ("Note", 150.0), ("Amount", 300.0)],
            y,
        );
        for item in ["Order 1", "Order 2", "Order 3"] {
            rules.push(Ruling::new(y + 4.0, 40.0, 340.0));
            for (k, note) in notes.iter().take(3).enumerate() {
                y += 12.0;
                let mut cells = vec![(note.as_str(), 150.0)];
                match k {
                    0 => cells.push((item, 50.0)),
                    1 => cells.push(("1,250.00", 300.0)),
                    _ => {}
                }
                line(&mut chars, &cells, y);
            }
        }
        let t = &detect(&chars, &rules)[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (4, 3));

        // Rules between groups of rows, each line a row of its own: short
        // labels and a figure on every line.
        let mut chars = Vec::new();
        let mut rules = Vec::new();
        let mut y = 40.0;
        line(
            &mut chars,
            &[("Year", 50.0), ("Quarter", 150.0), ("Sales", 300.0)],
            y,
        );
        for year in ["2019", "2020"] {
            rules.push(Ruling::new(y + 4.0, 40.0, 340.0));
            for q in ["Q1", "Q2", "Q3"] {
                y += 12.0;
                let mut cells = vec![(q, 150.0), ("1,250", 300.0)];
                if q == "Q1" {
                    cells.push((year, 50.0));
                }
                line(&mut chars, &cells, y);
            }
        }
        let t = &detect(&chars, &rules)[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (7, 3));
    }

    #[test]
    fn a_typewriter_note_wraps_by_its_own_word_space() {
        // Courier, a rule under every row: "capital tariffs" stopped short
        // of the widest line by less than its own space and "cash".
        let bands = [
            ("Trade", ["rebate terminal west", "capital tariffs", "cash"]),
            ("Deposit", ["bank store import", "freight retail", ""]),
            ("South", ["urban sales plant", "yield", ""]),
        ];
        let mut chars = Vec::new();
        let mut rules = Vec::new();
        let mut id = 0;
        let mut y = 40.0;
        typewritten(&mut chars, "Item", 50.0, y, id);
        typewritten(&mut chars, "Notes", 150.0, y, id + 1);
        for (item, notes) in bands {
            rules.push(Ruling::new(y + 4.0, 40.0, 300.0));
            for (k, note) in notes.iter().filter(|n| !n.is_empty()).enumerate() {
                y += 12.0;
                id += 2;
                typewritten(&mut chars, note, 150.0, y, id);
                if k == 0 {
                    typewritten(&mut chars, item, 50.0, y, id + 1);
                }
            }
        }
        let t = &detect(&chars, &rules)[0];
        assert_eq!(
            (t.grid.row_count(), t.grid.col_count()),
            (4, 2),
            "{:?}",
            t.grid
        );
    }

    #[test]
    fn word_wrapped_cells_stay_in_their_row() {
        for last in [false, true] {
            let (chars, rules) = wrapped_notes(last);
            let tables = detect(&chars, &rules);
            assert_eq!(tables.len(), 1, "last column: {last}");
            assert_eq!(tables[0].grid.row_count(), 4, "last column: {last}");
            assert_eq!(tables[0].grid.col_count(), 3, "last column: {last}");
        }
    }

    #[test]
    fn an_indented_sub_row_under_a_heading_is_a_row_of_its_own() {
        let mut chars = Vec::new();
        // Sections set apart by more space than their lines.
        let lines: [(f32, f32, &str, &str); 6] = [
            (20.0, 50.0, "Item", "2024"),
            (40.0, 50.0, "Revenue", "100"),
            (51.0, 60.0, "domestic", "60"),
            (70.0, 50.0, "Costs", ""),
            (81.0, 60.0, "Staff", "30"),
            (100.0, 50.0, "Net", "70"),
        ];
        for (k, (y, x, label, value)) in lines.into_iter().enumerate() {
            text(&mut chars, label, x, y, 2 * k as u32);
            text(&mut chars, value, 200.0, y, 2 * k as u32 + 1);
        }
        let rules = vec![
            Ruling::new(8.0, 40.0, 240.0),
            Ruling::new(26.0, 40.0, 240.0),
            Ruling::new(106.0, 40.0, 240.0),
        ];
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].grid.row_count(), 6);
    }

    /// A table of regions and their areas under a header of years: each
    /// region's label beside its group of rows, `at` (of the group's
    /// number of rows) pt under its first row's line, the groups `apart`
    /// pt apart more than their rows (12 pt). The tables found among
    /// `rules`.
    fn grouped_rows(at: impl Fn(usize) -> f32, apart: f32, rules: &[Ruling]) -> Vec<TableRegion> {
        labelled_groups(&[("North", 3), ("South", 2), ("West", 4)], at, apart, rules)
    }

    /// `grouped_rows` of these groups (a label and its number of rows), a
    /// label's lines (parted by `\n`) set 10 pt apart, centred on its line.
    fn labelled_groups(
        groups: &[(&str, usize)],
        at: impl Fn(usize) -> f32,
        apart: f32,
        rules: &[Ruling],
    ) -> Vec<TableRegion> {
        let (mut chars, mut id) = (Vec::new(), 0);
        put_cells(
            &mut chars,
            &mut id,
            &[("Region", 20.0), ("Area", 100.0)],
            30.0,
        );
        put_cells(
            &mut chars,
            &mut id,
            &[("2023", 280.0), ("2024", 340.0)],
            30.0,
        );
        let mut y = 44.0;
        for &(label, areas) in groups {
            let top = y;
            for area in ["Urban", "Rural", "Towns", "Remote"]
                .into_iter()
                .take(areas)
            {
                labelled_figures(&mut chars, &mut id, (area, 100.0), &["12.5", "8.0"], y);
                y += 12.0;
            }
            let lines: Vec<&str> = label.split('\n').collect();
            for (k, line) in lines.iter().enumerate() {
                let shift = 10.0 * (k as f32 - (lines.len() - 1) as f32 / 2.0);
                put_cells(
                    &mut chars,
                    &mut id,
                    &[(line, 20.0)],
                    top + at(areas) + shift,
                );
            }
            y += apart;
        }
        detect(&chars, rules)
    }

    #[test]
    fn labels_set_at_the_middle_of_their_groups_of_rows_span_them() {
        // The spans of the first column (first row, rows) and the rows.
        let spans = |tables: &[TableRegion]| {
            assert_eq!(tables.len(), 1, "{tables:?}");
            let grid = &tables[0].grid;
            let spans: Vec<(u32, u32)> = (grid.cells.iter())
                .filter(|c| c.col == 0 && c.row > 0)
                .map(|c| (c.row, c.rowspan))
                .collect();
            (spans, grid.row_count())
        };
        // Each label on the middle of its rows (three: the second's line;
        // two or four: halfway between the middle two), the groups set
        // apart or not: each spans its group, its rows each a row (a
        // label read as the one line of a row's first cell must not make
        // its group's lines one row of wrapped cells: each line holds
        // figures of its own).
        let middle = |areas: usize| 6.0 * (areas - 1) as f32;
        for apart in [0.0, 6.0] {
            assert_eq!(
                spans(&grouped_rows(middle, apart, &[])),
                (vec![(1, 3), (4, 2), (6, 4)], 10),
                "groups {apart} pt apart"
            );
        }
        // So with a label wrapped over two lines set closer than the rows.
        let wrapped = [("North", 3), ("South", 2), ("West\ncoast", 4)];
        assert_eq!(
            spans(&labelled_groups(&wrapped, middle, 6.0, &[])),
            (vec![(1, 3), (4, 2), (6, 4)], 10),
        );
        // Each on its group's first row, as most tables set them: no spans.
        let first = |_: usize| 0.0;
        let one_each: Vec<(u32, u32)> = (1..10).map(|r| (r, 1)).collect();
        assert_eq!(spans(&grouped_rows(first, 6.0, &[])), (one_each, 10));
    }

    #[test]
    fn a_blank_between_groups_of_rows_parts_no_table() {
        // Groups 30 pt (3 em) apart more than their rows: one table, each
        // label on its group's first row.
        let tables = grouped_rows(|_| 0.0, 30.0, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 10);
        // So with rules over and under the table and its header, and one
        // as wide midway down each blank; not with two between the first
        // groups (one table's bottom rule and the next one's top).
        let rule = |y: f32| Ruling::new(y, 15.0, 365.0);
        let group_rules = [18.0, 35.0, 86.0, 140.0, 206.0].map(rule);
        let tables = grouped_rows(|_| 0.0, 30.0, &group_rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].grid.row_count(), 10);
        let two_tables = [18.0, 35.0, 76.0, 96.0, 140.0, 206.0].map(rule);
        let tables = grouped_rows(|_| 0.0, 30.0, &two_tables);
        assert_eq!(tables[0].grid.row_count(), 4, "{tables:?}");
    }

    #[test]
    fn a_first_row_run_up_close_to_a_short_entry_under_centred_headings_is_a_row() {
        // Rows two lines' gap apart, headings centred over their columns;
        // the first row's label, the widest, runs up 0.6 em short of an
        // entry that ends before its column's heading starts: the line
        // is one segment, its label wider than the heading over it.
        let mut chars = Vec::new();
        let rows: [(&str, f32, &str, f32); 5] = [
            ("Area", 70.0, "Provider", 168.5),
            ("Harbour district", 40.0, "Vale", 126.0),
            ("Hills", 40.0, "Northern Grid Cooperative", 126.0),
            ("Airport", 40.0, "Metro Utilities", 126.0),
            ("Old town", 40.0, "Riverside Power", 126.0),
        ];
        for (k, (label, x0, entry, x1)) in rows.into_iter().enumerate() {
            let y = 20.0 + 22.0 * k as f32;
            text(&mut chars, label, x0, y, 2 * k as u32);
            text(&mut chars, entry, x1, y, 2 * k as u32 + 1);
        }
        let rules = vec![
            Ruling::new(8.0, 36.0, 255.0),
            Ruling::new(26.0, 36.0, 255.0),
            Ruling::new(112.0, 36.0, 255.0),
        ];
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].grid.row_count(), 5);
        assert_eq!(tables[0].grid.col_count(), 2);
    }

    #[test]
    fn lines_of_two_wrapped_cells_under_their_rows_other_cells_stay_in_the_table() {
        // Notes from x = 60 and remarks from 280, each wrapped over four
        // lines on the same baselines, headings centred over them; the
        // row's other cells set midway, between the second and the third.
        // The third and fourth lines, past the first column and short of
        // the last, start where the lines above them do: the row's, not
        // the first of another table.
        let mut chars = Vec::new();
        let mut id = 0;
        let header = [
            ("Item", 20.0),
            ("Notes", 97.5),
            ("Kind", 180.0),
            right("Amount", 260.0),
            ("Remarks", 312.5),
            ("Date", 400.0),
        ];
        put_cells(&mut chars, &mut id, &header, 30.0);
        let notes = [
            "daily fund freight",
            "provision office",
            "supply client",
            "coastal margin",
        ];
        let remarks = [
            "unit store rebate",
            "pricing rate",
            "lease invoice",
            "wholesale risk",
        ];
        for (k, (note, remark)) in notes.iter().zip(remarks).enumerate() {
            put_cells(
                &mut chars,
                &mut id,
                &[(note, 60.0), (remark, 280.0)],
                50.0 + 12.0 * k as f32,
            );
        }
        let first = [
            ("A", 20.0),
            ("cash", 180.0),
            right("5,056.33", 260.0),
            ("2018-12-25", 400.0),
        ];
        put_cells(&mut chars, &mut id, &first, 68.0);
        for (k, (item, note, amount)) in [("B", "net local", "210.40"), ("C", "limit", "16.02")]
            .into_iter()
            .enumerate()
        {
            let row = [
                (item, 20.0),
                (note, 60.0),
                ("cost", 180.0),
                right(amount, 260.0),
                ("global", 280.0),
                ("2021-07-05", 400.0),
            ];
            put_cells(&mut chars, &mut id, &row, 110.0 + 16.0 * k as f32);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 6), "{grid:?}");
        assert!(tables[0].bbox.y0 < 30.0, "{:?}", tables[0].bbox);
    }

    #[test]
    fn a_row_run_together_under_a_cell_of_many_lines_parts_like_the_rows_above() {
        // Rules under every row; the first row's notes wrap over six lines;
        // the next row's cells, each the widest of its column, stand 0.75
        // em apart, one run of text: parted like the lines of columns
        // above it, the nearest of them six lines up.
        let mut chars = Vec::new();
        let mut id = 0;
        put_cells(
            &mut chars,
            &mut id,
            &[("Product", 20.0), ("Notes", 77.5), ("Item", 195.0)],
            30.0,
        );
        let notes = [
            "income lease branch",
            "global rate net unit",
            "alpha ledger standard",
            "segment client audit",
            "interest customer",
            "metro pricing",
        ];
        for (k, note) in notes.into_iter().enumerate() {
            let mut cells = vec![(note, 77.5)];
            if k == 0 {
                cells.extend([("Supply", 20.0), ("procurement", 195.0)]);
            }
            put_cells(&mut chars, &mut id, &cells, 48.0 + 11.0 * k as f32);
        }
        id += 1;
        for (cell, x) in [
            ("Subsidiary", 20.0),
            ("freight equity central", 77.5),
            ("volume", 195.0),
        ] {
            text(&mut chars, cell, x, 124.0, id);
        }
        put_cells(
            &mut chars,
            &mut id,
            &[("urban stock", 77.5), ("carrier value", 195.0)],
            135.0,
        );
        put_cells(
            &mut chars,
            &mut id,
            &[("Branch", 20.0), ("alpha rate", 77.5), ("yield", 195.0)],
            153.0,
        );
        let rules: Vec<Ruling> = [20.0, 36.0, 114.0, 142.0, 160.0]
            .map(|y| Ruling::new(y, 15.0, 320.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 3), "{grid:?}");
    }

    #[test]
    fn a_last_title_wrapped_over_two_lines_centred_over_its_column_heads_it() {
        // Booktabs rules; the last title, `Description of the` over
        // `item`, centred on its column, the other titles on its second
        // line: the title's first line is the header's, not a caption.
        let mut chars = Vec::new();
        let mut id = 0;
        let centred = |s: &str, cx: f32| (s.to_string(), cx - 2.5 * s.chars().count() as f32);
        let (title, title_at) = centred("Description of the", 300.0);
        put_cells(&mut chars, &mut id, &[(title.as_str(), title_at)], 34.0);
        let (item, at) = centred("item", 300.0);
        put_cells(
            &mut chars,
            &mut id,
            &[("Region", 20.0), right("Value", 150.0), (item.as_str(), at)],
            45.0,
        );
        for (k, (region, value, text_)) in [
            ("Accrual", "17.23", "gross carrier partner"),
            ("Target", "1.21", "plant interest"),
            ("Metro", "34.00", "trade supply unit"),
        ]
        .into_iter()
        .enumerate()
        {
            let row = [(region, 20.0), right(value, 150.0), (text_, 250.0)];
            put_cells(&mut chars, &mut id, &row, 64.0 + 14.0 * k as f32);
        }
        let rules: Vec<Ruling> = [18.0, 50.0, 106.0]
            .map(|y| Ruling::new(y, 15.0, 360.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert!(tables[0].bbox.y0 < 20.0, "{:?}", tables[0].bbox);
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 3), "{grid:?}");
    }

    #[test]
    fn a_middle_title_wrapped_centred_over_its_column_heads_no_columns() {
        // Booktabs rules; `Comments from the` over `reviewer`, centred on
        // their column, which stands by chance midway between the first
        // figures and the last column's end: the title's first line is
        // its column's, no heading over the columns past the labels.
        let mut chars = Vec::new();
        let mut id = 0;
        let centred = |s: &str, cx: f32| (s.to_string(), cx - 2.5 * s.chars().count() as f32);
        let (title, title_at) = centred("Comments from the", 250.0);
        put_cells(&mut chars, &mut id, &[(title.as_str(), title_at)], 34.0);
        let (reviewer, at) = centred("reviewer", 250.0);
        let titles = [
            ("Item", 20.0),
            right("Margin", 120.0),
            right("Balance", 180.0),
            (reviewer.as_str(), at),
            ("Segment", 300.0),
            right("Due", 400.0),
        ];
        put_cells(&mut chars, &mut id, &titles, 45.0);
        for (k, (item, margin, balance, comment, segment, due)) in [
            (
                "Harbor",
                "13.3%",
                "0.23",
                "stock portfolio",
                "Plant",
                "2022",
            ),
            ("East", "-7.1%", "509.78", "retail volume", "Net", "2020"),
            (
                "Delta",
                "9.2%",
                "(1.58)",
                "premium freight",
                "Surplus",
                "2016",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let row = [
                (item, 20.0),
                right(margin, 120.0),
                right(balance, 180.0),
                (comment, 215.0),
                (segment, 300.0),
                right(due, 400.0),
            ];
            put_cells(&mut chars, &mut id, &row, 64.0 + 14.0 * k as f32);
        }
        let rules: Vec<Ruling> = [18.0, 50.0, 106.0]
            .map(|y| Ruling::new(y, 15.0, 405.0))
            .to_vec();
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 6), "{grid:?}");
        assert!(grid.cells.iter().all(|c| c.colspan == 1), "{grid:?}");
    }

    #[test]
    fn cells_set_midway_between_two_lines_of_a_wrapped_last_cell_keep_their_rows() {
        // Booktabs, cells set midway: the last title wraps over two lines,
        // centred, the other titles between them; the first row's notes
        // wrap over four lines, its other cells between the second and the
        // third, on no line of the notes (half a line off each).
        let mut chars = Vec::new();
        let mut id = 0;
        let mut put = |chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32| {
            id += 1;
            text(chars, s, x, y, id);
        };
        put(&mut chars, "Notes on the", 285.0, 20.0);
        put(&mut chars, "visit", 302.5, 33.0);
        for (s, x) in [("Site", 40.0), ("Grade", 110.0), ("Inspector", 160.0)] {
            put(&mut chars, s, x, 26.5);
        }
        // (Its third line reaches further right than any line above.)
        let notes = ["Fencing on the east side was", "down in two places and the"];
        let more = ["padlocks were replaced without any", "record of new keys"];
        for (k, line) in notes.into_iter().chain(more).enumerate() {
            put(&mut chars, line, 230.0, 55.0 + 13.0 * k as f32);
        }
        for (s, x) in [("Quarry Lane", 40.0), ("B", 110.0), ("Okafor", 160.0)] {
            put(&mut chars, s, x, 74.5);
        }
        for (k, row) in [
            ["Mill Road", "A", "Lima", "No findings"],
            ["Harbour Yard", "C", "Stone", "Drainage blocked"],
            ["North Depot", "A", "Cruz", "Lighting checked"],
        ]
        .into_iter()
        .enumerate()
        {
            for (s, x) in row.into_iter().zip([40.0, 110.0, 160.0, 230.0]) {
                put(&mut chars, s, x, 115.0 + 20.0 * k as f32);
            }
        }
        let rules = vec![
            Ruling::new(8.0, 36.0, 410.0),
            Ruling::new(40.0, 36.0, 410.0),
            Ruling::new(162.0, 36.0, 410.0),
        ];
        let tables = detect(&chars, &rules);
        assert_eq!(tables.len(), 1);
        let grid = &tables[0].grid;
        assert_eq!(grid.col_count(), 4);
        // The header from its first line down, the notes in one row.
        let inside = |y0: f32, y1: f32| grid.rows.iter().filter(|&&y| y > y0 && y < y1).count();
        assert!(grid.rows[0] <= 12.0, "{grid:?}");
        assert_eq!(inside(12.0, 47.0), 1, "{grid:?}");
        assert_eq!(inside(47.0, 96.0), 0, "{grid:?}");
        assert_eq!(grid.row_count(), 5, "{grid:?}");
    }

    #[test]
    fn a_last_row_whose_cells_run_a_space_apart_is_parted_when_its_figures_stand_as_above() {
        // A typewriter's columns, each as wide as its widest entry and a
        // space: the last row holds the widest of every column, so its
        // cells stand a space apart, as its words do, one line of text. It
        // keeps the rows' rhythm and its figures end where those above do:
        // a row, parted, while the note under it stays prose.
        let mut chars = Vec::new();
        let mut id = 0;
        let rows = [
            ["Segment", "Contract", "Share", "Amount", "Period end"],
            ["Tax", "PO-8641", "82.8%", "2.78", "2025-03-12"],
            ["Fund", "B7-30172", "12.8%", "45.40", "2016-02-08"],
        ];
        // Cells a space and a quarter apart (the words within them a
        // space): labels and codes set left at 20 and 96.25, shares and
        // amounts right to 172.5 and 228.75, dates left at 235.
        let width = |s: &str| 5.0 * s.chars().count() as f32;
        let place = |row: [&'static str; 5]| {
            let at = [
                20.0,
                96.25,
                172.5 - width(row[2]),
                228.75 - width(row[3]),
                235.0,
            ];
            row.into_iter().zip(at).collect::<Vec<_>>()
        };
        for (k, row) in rows.into_iter().enumerate() {
            put_cells(&mut chars, &mut id, &place(row), 40.0 + 17.5 * k as f32);
        }
        // The last row, the widest of each column, is one line of text.
        id += 1;
        let last = [
            "Harbor invoice",
            "TR-86908",
            "-31.3%",
            "744,497.36",
            "2023-05-21",
        ];
        for (cell, x) in place(last) {
            text(&mut chars, cell, x, 40.0 + 17.5 * 3.0, id);
        }
        let note = "Figures are in thousands of euro unless stated otherwise.";
        text(&mut chars, note, 20.0, 115.0, id + 1);
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 5), "{grid:?}");
    }

    #[test]
    fn list_marks_are_bullets_and_paragraph_numbers() {
        for mark in ["•", "–", "3", "4.1.2", "a)", "(ii)", "7."] {
            assert!(is_list_mark(mark), "{mark}");
        }
        for not_mark in ["ID-0", "North", "1,234", "SKU-2101", "12.5%"] {
            assert!(!is_list_mark(not_mark), "{not_mark}");
        }
    }

    /// A frame around groups of rows: one grid row over `lines` text
    /// lines, a cell per column.
    fn frame_over(lines: &[Vec<(&str, f32)>], cols: Vec<f32>) -> (Vec<TextChar>, Grid) {
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, cells) in lines.iter().enumerate() {
            put_cells(&mut chars, &mut id, cells, 110.0 + 14.0 * k as f32);
        }
        let bottom = 110.0 + 14.0 * lines.len() as f32;
        (chars, Grid::uniform(vec![96.0, bottom], cols))
    }

    #[test]
    fn figures_stacked_in_a_ruled_cell_are_rows_the_grid_left_out() {
        // A box around the names, one around the figures, a line a row:
        // the lines as wide as one another, none short.
        let names = [
            "Alder Ridge Park",
            "Birch Hollow Way",
            "Cedar Falls Road",
            "Dune Point Beach",
        ];
        let rows: Vec<Vec<(&str, f32)>> = (names.iter())
            .map(|&name| vec![(name, 60.0), ("12,480", 160.0)])
            .collect();
        let (chars, grid) = frame_over(&rows, vec![55.0, 150.0, 200.0]);
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert!(under_segmented(&refs, &grid));
        // A value with its change beneath it is one cell of two lines.
        let pairs = [
            vec![("Total", 60.0), ("1,204", 160.0)],
            vec![("", 60.0), ("(3.1)", 160.0)],
        ];
        let (chars, grid) = frame_over(&pairs, vec![55.0, 150.0, 200.0]);
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert!(!under_segmented(&refs, &grid));
    }

    #[test]
    fn a_list_in_a_cell_beside_one_label_is_the_cells_own_rows_across_the_grid_are_not() {
        let items = [
            "- Wrong product code",
            "- Duplicate order",
            "- Credit hold",
            "- Price list out of date",
            "- Customer number missing",
        ];
        // One label, level with the list's first item: the list is the
        // cell's, the grid's row is the table's.
        let listed: Vec<Vec<(&str, f32)>> = (items.iter().enumerate())
            .map(|(k, &item)| vec![(if k == 0 { "Ordering" } else { "" }, 60.0), (item, 160.0)])
            .collect();
        let cols = vec![55.0, 150.0, 400.0];
        let (chars, grid) = frame_over(&listed, cols.clone());
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert!(!under_segmented(&refs, &grid));
        // A label level with every item: rows the grid did not rule.
        let labels = ["North", "South", "East", "West", "Central"];
        let rows: Vec<Vec<(&str, f32)>> = (labels.iter().zip(items))
            .map(|(&label, item)| vec![(label, 60.0), (item, 160.0)])
            .collect();
        let (chars, grid) = frame_over(&rows, cols);
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert!(under_segmented(&refs, &grid));
    }

    #[test]
    fn one_gap_lined_up_down_a_cell_is_a_column_a_list_mark_is_not() {
        // A code and an amount a line, the amount set off by a wide gap
        // that runs down the cell: a column the grid did not rule.
        let rows: Vec<Vec<(&str, f32)>> = (0..6)
            .map(|_| vec![("Transfer fee", 60.0), ("to pay", 160.0)])
            .collect();
        let (chars, grid) = frame_over(&rows, vec![55.0, 250.0]);
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert!(under_segmented(&refs, &grid));
        // Bullets set off from their items line up the same way.
        let items: Vec<Vec<(&str, f32)>> = (0..6)
            .map(|_| vec![("•", 60.0), ("Reported late by the district", 75.0)])
            .collect();
        let (chars, grid) = frame_over(&items, vec![55.0, 250.0]);
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert!(!under_segmented(&refs, &grid));
    }

    #[test]
    fn numbers_are_told_from_words() {
        for n in [
            "28.29", "1,204.50", "(56.00)", "-7", "−7.5", "–12", "12.5%", "$310",
        ] {
            assert!(is_number(n), "{n}");
        }
        for w in ["Pending", "INV-1001", "3rd", "%", "-", "2013–"] {
            assert!(!is_number(w), "{w}");
        }
    }

    #[test]
    fn a_bulleted_list_is_not_a_table() {
        // Bullets once, and printed twice a little apart; items of one
        // line, and of two.
        for (bullet, wraps) in [("•", false), ("■ ■", false), ("•", true), ("■ ■", true)]
        {
            let mut chars = Vec::new();
            let items = [
                "an item of the list",
                "another one",
                "the third item here",
                "last",
            ];
            let mut y = 40.0;
            for (i, item) in items.iter().enumerate() {
                let i = 3 * i as u32;
                text(&mut chars, bullet, 50.0, y, i);
                text(&mut chars, item, 80.0, y, i + 1);
                if wraps {
                    y += 12.0;
                    text(&mut chars, "and what it goes on to say", 80.0, y, i + 2);
                }
                y += 14.0;
            }
            let found = detect(&chars, &[]);
            assert!(
                found.is_empty(),
                "{bullet} {wraps}: {:?}",
                found
                    .iter()
                    .map(|t| (t.grid.row_count(), t.grid.col_count()))
                    .collect::<Vec<_>>()
            );
        }
    }

    /// Sentences word-wrapped to `width` characters, a line per entry.
    fn wrapped(text: &str, width: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in text.split(' ') {
            match lines.last_mut() {
                Some(line) if line.len() + 1 + word.len() <= width => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        lines
    }

    #[test]
    fn ruled_rows_of_prose_with_their_terms_set_midway_are_a_table() {
        // Segment | Remarks | Comments, a rule under every row; each row's
        // segment and remarks set in the middle of its height beside the
        // longer comments (cells aligned to the middle, as office tables
        // set them), so the term is on none of a row's first lines.
        let remarks = "service risk volume quarter rebate transfer credit sales output fixed";
        let comments = "import harbor share bank south daily asset loan channel contract \
                        share surplus procurement yield client margin current yield";
        let (remarks, comments) = (wrapped(remarks, 26), wrapped(comments, 20));
        let mut chars = Vec::new();
        let mut id = 0;
        let mut line = |chars: &mut Vec<TextChar>, cells: &[(&str, f32)], y: f32| {
            for &(cell, x) in cells {
                text(chars, cell, x, y, id);
                id += 1;
            }
        };
        let mut y = 30.0;
        line(
            &mut chars,
            &[("Segment", 50.0), ("Remarks", 150.0), ("Comments", 330.0)],
            y,
        );
        let mut rules = vec![Ruling::new(y - 14.0, 40.0, 460.0)];
        let terms = ["Market", "Partner", "Cash", "Ledger"];
        for term in terms {
            y += 8.0;
            rules.push(Ruling::new(y, 40.0, 460.0));
            let (n, m) = (comments.len(), remarks.len());
            for k in 0..n {
                y += 12.0;
                let mut cells = vec![(comments[k].as_str(), 330.0)];
                if k == n / 2 {
                    cells.push((term, 50.0));
                }
                if k >= (n - m) / 2 && k - (n - m) / 2 < m {
                    cells.push((remarks[k - (n - m) / 2].as_str(), 150.0));
                }
                line(&mut chars, &cells, y);
            }
        }
        rules.push(Ruling::new(y + 8.0, 40.0, 460.0));
        let found = detect(&chars, &rules);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].grid.row_count(), 1 + terms.len());
        assert_eq!(found[0].grid.col_count(), 3);
    }

    #[test]
    fn page_text_in_two_columns_is_no_table_and_leaves_the_table_above_it() {
        let mut chars = Vec::new();
        let mut id = 0;
        let table = [
            ["Plant", "Units", "Hours"],
            ["North", "12", "8,140"],
            ["South", "9", "7,925"],
            ["Harbour", "4", "6,310"],
        ];
        for (i, row) in table.iter().enumerate() {
            for (cell, x) in row.iter().zip([50.0, 150.0, 250.0]) {
                text(&mut chars, cell, x, 40.0 + 14.0 * i as f32, id);
                id += 1;
            }
        }
        // Lines of two paragraphs side by side, at the same heights, from
        // just below the table.
        let left = wrapped(
            "Every unit is run on the test bed of the maker before it leaves the works, \
             at the loads and speeds agreed with the buyer and under the eyes of an inspector \
             who signs the record of each test.",
            36,
        );
        let right = wrapped(
            "After it has been installed the unit is run again with the ship at its berth \
             and then at sea, to show that it works with the shafting and the controls of \
             the ship as the rules ask.",
            36,
        );
        for (k, (l, r)) in left.iter().zip(&right).enumerate() {
            let y = 40.0 + 14.0 * (table.len() + k) as f32;
            text(&mut chars, l, 50.0, y, id);
            text(&mut chars, r, 250.0, y, id + 1);
            id += 2;
        }
        let found = detect(&chars, &[]);
        let shapes: Vec<(usize, usize)> = (found.iter())
            .map(|t| (t.grid.row_count(), t.grid.col_count()))
            .collect();
        assert_eq!(shapes, vec![(4, 3)]);
        assert!(found[0].bbox.y1 < 40.0 + 14.0 * table.len() as f32 - 6.0);
    }

    #[test]
    fn a_paragraph_with_a_note_in_its_margin_is_no_table() {
        let mut chars = Vec::new();
        let lines = wrapped(
            "Night work causes a mismatch between the light and dark cycles of the day \
             and the rhythms of the body, and so disturbs sleep, which in turn",
            40,
        );
        for (k, line) in lines.iter().enumerate() {
            let y = 40.0 + 14.0 * k as f32;
            text(&mut chars, line, 120.0, y, 2 * k as u32);
            if let Some(note) = ["ER", "29,2", "164"].get(k) {
                text(&mut chars, note, 40.0, y, 2 * k as u32 + 1);
            }
        }
        assert!(detect(&chars, &[Ruling::new(28.0, 40.0, 330.0)]).is_empty());
    }

    #[test]
    fn paragraphs_beside_a_tables_title_are_no_table() {
        // Two paragraphs in a narrow column, each with an indented first
        // line (of too few words to read as a wrap) and a short last line,
        // beside a table's title of three centred lines: the title's lines
        // sit on the paragraph's baselines, as if they were rows.
        let paragraph = |text: &str| {
            // The first line five characters (25 pt) in, as wide as the rest.
            let first = wrapped(text, 33).remove(0);
            let mut lines = wrapped(text[first.len()..].trim_start(), 38);
            lines.insert(0, first);
            lines
        };
        let first = paragraph(
            "Approximately 29% of the kingfisher's range occurs within regions of high \
             deposition. On a nationwide basis, deposition does not appear to be a threat to this \
             species. However, the species consumes more on a body weight basis",
        );
        let second = paragraph(
            "Although a recovery in the population has been seen, the numbers are still \
             depleted throughout much of the historical range of the species.",
        );
        let mut chars = Vec::new();
        let mut id = 0;
        let mut k = 0;
        for para in [&first, &second] {
            for (i, line) in para.iter().enumerate() {
                let x = if i == 0 { 75.0 } else { 50.0 };
                text(&mut chars, line, x, 40.0 + 14.0 * k as f32, id);
                (id, k) = (id + 1, k + 1);
            }
        }
        let title = [
            "Table 4",
            "Share of the Range Overlapping",
            "with Regions of Deposition",
        ];
        for (i, line) in title.iter().enumerate() {
            let x = 350.0 - 2.5 * line.len() as f32;
            text(&mut chars, line, x, 54.0 + 14.0 * i as f32, id);
            id += 1;
        }
        assert!(detect(&chars, &[]).is_empty(), "{:?}", detect(&chars, &[]));
    }

    #[test]
    fn a_column_of_prose_wrapping_beside_figures_keeps_its_rows() {
        // State | Cases | Comments: each row's comment a paragraph of five
        // lines that fill the column, its state and count set midway down
        // it. Lines of the comments wrap through most row boundaries, as a
        // paragraph beside a title does; the figures beside them make it a
        // table.
        let comment = "Outbreak of fever reported from the village and the \
                       district team investigated the outbreak and all of the \
                       blood samples were negative for the parasite and cases \
                       were treated locally with spraying and fogging done in \
                       the affected area and health education imparted again";
        let mut chars = Vec::new();
        let mut id = 0;
        put_cells(
            &mut chars,
            &mut id,
            &[("State", 40.0), ("Cases", 120.0), ("Comments", 180.0)],
            20.0,
        );
        let mut y = 40.0;
        for (state, cases) in [("Kerala", "23"), ("Assam", "140")] {
            for (k, line) in wrapped(comment, 56).iter().enumerate() {
                if k == 2 {
                    put_cells(&mut chars, &mut id, &[(state, 40.0), (cases, 120.0)], y);
                }
                id += 1;
                text(&mut chars, line, 180.0, y, id);
                y += 14.0;
            }
        }
        let found = detect(&chars, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].grid.col_count(), 3, "{found:?}");
    }

    #[test]
    fn a_table_beside_a_page_column_of_text_is_read_apart_from_it() {
        // A page in two columns: a table in the left one, its rows on the
        // baselines of the running text in the right one, which starts
        // above the table and goes on below it.
        let prose = "Research examining the promotion of health through preventing \
                    the onset of disease should be given priority because major \
                    disparities exist in the prevalence of risk factors among \
                    population groups at early ages. However, insufficient research \
                    has been conducted regarding behaviours that maintain low risk \
                    and prevent the initiation and progression of disease. Although \
                    there are no community guides for the disease as a whole, the \
                    guides include diabetes, nutrition, activity and tobacco.";
        let mut chars = Vec::new();
        let mut id = 0;
        for (k, line) in wrapped(prose, 44).iter().enumerate() {
            id += 1;
            text(&mut chars, line, 270.0, 12.0 + 14.0 * k as f32, id);
        }
        let rows = [
            ("State", "No.", "Rate"),
            ("Ohio", "19,820", "154.0"),
            ("Kentucky", "6,530", "148.6"),
            ("Maryland", "7,744", "141.7"),
            ("Iowa", "5,469", "141.6"),
            ("Delaware", "1,305", "140.8"),
            ("Indiana", "9,210", "139.7"),
        ];
        for (k, (state, no, rate)) in rows.iter().enumerate() {
            let y = 40.0 + 14.0 * k as f32;
            put_cells(
                &mut chars,
                &mut id,
                &[(state, 40.0), (no, 140.0), (rate, 200.0)],
                y,
            );
        }
        let found = detect(&chars, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (7, 3), "{t:?}");
        assert!(t.bbox.x1 < 260.0, "{t:?}");
    }

    /// A page in two columns: running text in the left one (from 40, 28
    /// characters wide), in the right one (from 220) a paragraph, then a
    /// table of `rows` (a label at 220, figures set right to 430 and 490),
    /// every line 14 pt under the last, so the table's rows stand on the
    /// baselines of the left column's lines. The rules under the rows, if
    /// `ruled`, run under the table alone.
    fn a_table_in_a_page_column(
        rows: &[[&'static str; 3]],
        ruled: bool,
    ) -> (Vec<TextChar>, Vec<Ruling>) {
        let prose = "The agency reported that the program had met most of its goals \
                    for the year although several offices did not complete their \
                    reviews in time and the funds obligated under the grant were \
                    lower than planned because of delays in hiring. We found that \
                    the department relied on estimates that were not supported by \
                    documentation and we recommend that it revise its guidance.";
        let (mut chars, mut rules, mut id) = (Vec::new(), Vec::new(), 0);
        let left = wrapped(prose, 28);
        for (k, line) in left.iter().enumerate() {
            id += 1;
            text(&mut chars, line, 40.0, 20.0 + 14.0 * k as f32, id);
        }
        let above = wrapped(&prose[..150], 46);
        for (k, line) in above.iter().take(3).enumerate() {
            id += 1;
            text(&mut chars, line, 220.0, 20.0 + 14.0 * k as f32, id);
        }
        let right = |s: &'static str, x: f32| (s, x - 5.0 * s.len() as f32);
        for (k, [label, a, b]) in rows.iter().enumerate() {
            let y = 76.0 + 14.0 * k as f32;
            put_cells(
                &mut chars,
                &mut id,
                &[(label, 220.0), right(a, 430.0), right(b, 490.0)],
                y,
            );
            if ruled {
                rules.push(Ruling::new(y + 4.0, 218.0, 492.0));
            }
        }
        assert!(left.len() as f32 * 14.0 > 76.0 + 14.0 * rows.len() as f32);
        (chars, rules)
    }

    #[test]
    fn a_table_ruled_row_by_row_beside_a_page_column_is_read_apart_from_it() {
        // The rules under the table's rows are not under the left column's
        // text, which runs on over them: the page is in two columns.
        let rows = [
            ["Office", "2022", "2023"],
            ["North", "1,250", "1,310"],
            ["South", "980", "1,015"],
            ["East", "1,420", "1,388"],
            ["West", "760", "802"],
            ["Central", "2,045", "2,110"],
        ];
        let (chars, rules) = a_table_in_a_page_column(&rows, true);
        let found = detect(&chars, &rules);
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (6, 3), "{t:?}");
        assert!(t.bbox.x0 > 200.0, "{t:?}");
    }

    #[test]
    fn a_table_of_long_labels_in_a_page_column_is_no_running_text() {
        // Its labels are of four words and more, but each stands beside
        // figures, in columns: a table, not a paragraph.
        let rows = [
            ["Office", "2022", "2023"],
            ["Northern regional field office", "1,250", "1,310"],
            ["Southern regional field office", "980", "1,015"],
            ["Eastern district audit team", "1,420", "1,388"],
            ["Western district audit team", "760", "802"],
            ["Central", "2,045", "2,110"],
        ];
        let (chars, _) = a_table_in_a_page_column(&rows, false);
        let found = detect(&chars, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!((t.grid.row_count(), t.grid.col_count()), (6, 3), "{t:?}");
        assert!(t.bbox.x0 > 200.0, "{t:?}");
    }

    #[test]
    fn a_bulleted_list_under_its_heading_is_no_table() {
        // A heading set tight over bullets, each beside a line or two of
        // text: the heading's words are no list mark, the rows under it are.
        let mut chars = Vec::new();
        let mut id = 0;
        text(&mut chars, "Younger group", 40.0, 30.0, id);
        let items: [&[&str]; 3] = [
            &[
                "There were no differences between the groups",
                "on any of the measures.",
            ],
            &["At the end of the year, the effects were few."],
            &[
                "Parents reported fewer problems for the group",
                "than for the other one.",
            ],
        ];
        let mut y = 44.0;
        for lines in items {
            id += 1;
            text(&mut chars, "\u{25a0}", 40.0, y, id);
            for line in lines {
                id += 1;
                text(&mut chars, line, 70.0, y, id);
                y += 14.0;
            }
            y += 6.0;
        }
        let rule = Ruling::new(33.0, 40.0, 105.0);
        assert!(
            detect(&chars, &[rule]).is_empty(),
            "{:?}",
            detect(&chars, &[rule])
        );
    }

    #[test]
    fn chinese_text_in_two_columns_is_no_table_but_long_chinese_cells_are() {
        // Text set without spaces wraps between any two ideographs: every
        // line of a paragraph but its last fills the column.
        let para = |s: &str| -> Vec<String> {
            let chars: Vec<char> = s.chars().collect();
            chars.chunks(20).map(|c| c.iter().collect()).collect()
        };
        let left = para("本公司于报告期内继续推进主营业务的发展，营业收入较上年同期增长百分之十二，主要原因是新产品线的销售量大幅增加以及海外市场的开拓取得进展。");
        let right = para("报告期内公司加强了成本控制，原材料采购价格有所下降，同时优化了生产流程，使单位产品的制造费用明显降低，毛利率因此提高了两个百分点左右。");
        let mut chars = Vec::new();
        let mut id = 0;
        for (k, (l, r)) in left.iter().zip(&right).enumerate() {
            let y = 40.0 + 14.0 * k as f32;
            text(&mut chars, l, 50.0, y, id);
            text(&mut chars, r, 170.0, y, id + 1);
            id += 2;
        }
        assert!(detect(&chars, &[]).is_empty());

        // A table whose cells are long terms of uneven length.
        let rows = [
            ["项目名称", "主要内容"],
            ["应收账款周转天数", "按年末应收账款余额计算的周转天数"],
            ["存货周转率", "营业成本除以平均存货余额"],
            ["流动比率", "流动资产除以流动负债的比值"],
            ["资产负债率", "负债总额除以资产总额的百分比数值"],
        ];
        let mut chars = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            for (cell, x) in row.iter().zip([50.0, 150.0]) {
                text(&mut chars, cell, x, 40.0 + 14.0 * i as f32, id);
                id += 1;
            }
        }
        let shapes: Vec<(usize, usize)> = (detect(&chars, &[]).iter())
            .map(|t| (t.grid.row_count(), t.grid.col_count()))
            .collect();
        assert_eq!(shapes, vec![(5, 2)]);
    }

    /// Rows of cells, each `(text, x)`, 16 pt apart from y = 40.
    fn rows_at(chars: &mut Vec<TextChar>, rows: &[&[(&str, f32)]]) {
        let mut id = 0;
        for (i, row) in rows.iter().enumerate() {
            for &(cell, x) in row.iter() {
                text(chars, cell, x, 40.0 + 16.0 * i as f32, id);
                id += 1;
            }
        }
    }

    #[test]
    fn a_header_set_left_over_numbers_set_right_between_lines_is_one_column() {
        let mut chars = Vec::new();
        rows_at(
            &mut chars,
            &[
                &[("Item", 50.0), ("Qty", 125.0), ("Price", 205.0)],
                &[("Bolts", 50.0), ("120", 180.0), ("0.25", 265.0)],
                &[("Nuts", 50.0), ("300", 180.0), ("0.10", 265.0)],
                &[("Washers", 50.0), ("75", 185.0), ("4.50", 265.0)],
            ],
        );
        // Without lines the header-only columns fold into the columns they
        // head (`fold_header_columns`), the boundaries midway in the gaps.
        assert_eq!(detect(&chars, &[])[0].grid.col_count(), 3);
        let lines: Vec<Ruling> = [45.0, 120.0, 200.0, 290.0]
            .iter()
            .map(|&x| Ruling::new(x, 28.0, 96.0))
            .collect();
        let refs: Vec<&TextChar> = chars.iter().collect();
        let t = &layout_tables(&refs, &[], &lines)[0];
        assert_eq!(t.grid.col_count(), 3);
        assert_eq!(t.grid.cols[1..3], [120.0, 200.0], "boundaries on the lines");
    }

    #[test]
    fn a_title_broken_off_its_column_title_heads_no_column_of_its_own() {
        // A header read off a scan: `(%)` stands a full em after `Share`,
        // over nothing; the figures under `Share` end before it.
        let mut chars = Vec::new();
        rows_at(
            &mut chars,
            &[
                &[
                    ("Country", 20.0),
                    ("Share", 120.0),
                    ("(%)", 155.0),
                    ("Total", 240.0),
                ],
                &[("Austria", 20.0), ("92.9", 125.0), ("5821", 240.0)],
                &[("Belgium", 20.0), ("10.5", 125.0), ("5906", 240.0)],
                &[("Cyprus", 20.0), ("100.0", 120.0), ("17", 255.0)],
                &[("Estonia", 20.0), ("86.8", 125.0), ("114", 250.0)],
            ],
        );
        let t = &detect(&chars, &[])[0];
        assert_eq!(t.grid.col_count(), 3, "{:?}", t.grid.cols);
        assert!(
            t.grid.cols[2] > 170.0,
            "`(%)` with `Share`: {:?}",
            t.grid.cols
        );
    }

    #[test]
    fn a_heading_in_the_gap_long_labels_run_on_into_goes_to_their_column() {
        let mut chars = Vec::new();
        rows_at(
            &mut chars,
            &[
                &[("Plan 2031", 160.0)],
                &[("Office", 60.0), ("Running", 300.0), ("Total", 380.0)],
                &[
                    ("HARBOUR AND COASTAL PILOT SERVICES", 20.0),
                    ("812.40", 300.0),
                    ("908.55", 380.0),
                ],
                &[
                    ("1.", 20.0),
                    ("Pilots", 60.0),
                    ("402.10", 300.0),
                    ("414.10", 380.0),
                ],
                &[
                    ("2.", 20.0),
                    ("Lights", 60.0),
                    ("310.30", 300.0),
                    ("390.45", 380.0),
                ],
                &[
                    ("3.", 20.0),
                    ("Tugs", 60.0),
                    ("100.00", 300.0),
                    ("104.00", 380.0),
                ],
            ],
        );
        let refs: Vec<&TextChar> = chars.iter().collect();
        // The label's last word lies under the year (160 to 205): the year
        // and that word are the labels' column's, no column of their own.
        let cols = columns(&page_lines(&refs));
        assert_eq!(cols.len(), 4, "{cols:?}");
        assert!(cols[1].0 <= 60.0 && cols[1].1 >= 205.0, "{cols:?}");

        // A code a word space after a number in every row is a column,
        // headed or not.
        let mut chars = Vec::new();
        let mut rows: Vec<Vec<(&str, f32)>> = vec![
            vec![("TYPE", 60.0), ("Total", 300.0)],
            vec![("NUMBER", 20.0), ("Name", 150.0)],
        ];
        for number in ["648765 AAA", "648766 AAB", "82030 AAC", "509462 AAD"] {
            rows.push(vec![(number, 20.0), ("Eagle", 150.0), ("12.5", 300.0)]);
        }
        let rows: Vec<&[(&str, f32)]> = rows.iter().map(|r| r.as_slice()).collect();
        rows_at(&mut chars, &rows);
        let refs: Vec<&TextChar> = chars.iter().collect();
        assert_eq!(columns(&page_lines(&refs)).len(), 4);

        // A heading set right of its column's text, which stands a word
        // space after the figures of the column before: it heads that text
        // (filled below, though each line's figure and text are one phrase).
        let mut chars = Vec::new();
        let mut rows: Vec<Vec<(&str, f32)>> =
            vec![vec![("Code", 20.0), ("Qty", 85.0), ("Kind", 200.0)]];
        for (code, rest) in [
            ("A-1", " 387 Sales"),
            ("B-2", "  12 Loans"),
            ("C-3", "1840 Energy"),
        ] {
            rows.push(vec![(code, 20.0), (rest, 80.0)]);
        }
        let rows: Vec<&[(&str, f32)]> = rows.iter().map(|r| r.as_slice()).collect();
        rows_at(&mut chars, &rows);
        let refs: Vec<&TextChar> = chars.iter().collect();
        let cols = columns(&page_lines(&refs));
        assert_eq!(cols.len(), 3, "{cols:?}");
        assert!(cols[2].1 >= 220.0, "{cols:?}");
    }

    #[test]
    fn a_drawn_line_splits_a_column_where_no_word_crosses_it() {
        let mut chars = Vec::new();
        rows_at(
            &mut chars,
            &[&[("AB", 50.0), ("CD", 63.0)], &[("EF", 50.0), ("GH", 63.0)]],
        );
        let refs: Vec<&TextChar> = chars.iter().collect();
        let block = page_lines(&refs);
        let cols = vec![(50.0, 73.0)];
        assert_eq!(split_at_lines(&block, cols.clone(), &[61.5]).len(), 2);
        // A line through a word splits nothing.
        assert_eq!(split_at_lines(&block, cols, &[55.0]).len(), 1);
    }

    #[test]
    fn lines_far_above_a_block_are_not_its_column_lines() {
        let mut chars = Vec::new();
        rows_at(
            &mut chars,
            &[&[("A", 50.0), ("B", 90.0)], &[("C", 50.0), ("D", 90.0)]],
        );
        let refs: Vec<&TextChar> = chars.iter().collect();
        let block = page_lines(&refs);
        let lines = [
            Ruling::new(80.0, 28.0, 60.0),
            Ruling::new(70.0, -200.0, 60.0),
        ];
        assert_eq!(column_lines(&block, &lines), vec![80.0]);
    }

    /// Lines from y = 60 down, 14 pt apart (as close as the lines of one
    /// cell), each `(text, x)` piece a structured-text line of its own.
    fn lines_at(chars: &mut Vec<TextChar>, lines: &[&[(&str, f32)]]) {
        let mut id = 0;
        for (i, pieces) in lines.iter().enumerate() {
            for &(s, x) in pieces.iter() {
                text(chars, s, x, 60.0 + 14.0 * i as f32, id);
                id += 1;
            }
        }
    }

    #[test]
    fn issue_12_terms_beside_wrapped_descriptions_are_one_row_each() {
        // A header, then terms whose descriptions wrap over three lines,
        // items set no further apart than the lines of one.
        let mut chars = Vec::new();
        lines_at(
            &mut chars,
            &[
                &[("Term", 50.0), ("Meaning", 150.0)],
                &[
                    ("Accrual", 50.0),
                    (
                        "Revenue or cost recorded when it is earned or incurred,",
                        150.0,
                    ),
                ],
                &[(
                    "not when the cash moves in or out of the bank account of",
                    150.0,
                )],
                &[("the business.", 150.0)],
                &[
                    ("Goodwill", 50.0),
                    (
                        "What a buyer paid for a business above the fair value of",
                        150.0,
                    ),
                ],
                &[(
                    "its net assets, such as its name and its customer lists",
                    150.0,
                )],
                &[("and staff.", 150.0)],
                &[
                    ("Working capital", 50.0),
                    (
                        "Current assets less current liabilities: the money that",
                        150.0,
                    ),
                ],
                &[(
                    "is tied up in running the business from one day to the",
                    150.0,
                )],
                &[("next.", 150.0)],
            ],
        );
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 2));
    }

    #[test]
    fn issue_12_a_header_over_two_lines_heads_terms_and_descriptions() {
        // Items set apart by more than their lines; the header of a narrow
        // column wraps onto a second line, the others sit on its last.
        let items: [(&str, [&str; 3], [&str; 3]); 3] = [
            (
                "Accrual",
                ["booked in March", "checked twice", "by the auditor"],
                [
                    "Revenue or cost recorded when it is earned",
                    "or incurred, not when the cash moves in or",
                    "out of the bank account of the business.",
                ],
            ),
            (
                "Goodwill",
                ["tested each year", "for impairment", "at group level"],
                [
                    "What a buyer paid for a business above the",
                    "fair value of its net assets, such as its",
                    "name and its customer lists.",
                ],
            ),
            (
                "Loan covenant",
                ["watched monthly", "by the treasury", "team"],
                [
                    "A promise in a loan agreement, such as to",
                    "keep debt below a multiple of earnings,",
                    "that lets the lender call the loan.",
                ],
            ),
        ];
        let mut chars = Vec::new();
        let mut id = 0;
        let mut put = |chars: &mut Vec<TextChar>, s: &str, x: f32, y: f32| {
            text(chars, s, x, y, id);
            id += 1;
        };
        put(&mut chars, "Comments from", 110.0, 40.0);
        put(&mut chars, "Term", 50.0, 52.0);
        put(&mut chars, "the reviewer", 110.0, 52.0);
        put(&mut chars, "Description", 210.0, 52.0);
        for (k, (term, notes, lines)) in items.iter().enumerate() {
            let top = 72.0 + 48.0 * k as f32;
            put(&mut chars, term, 50.0, top);
            for (i, (note, line)) in notes.iter().zip(lines).enumerate() {
                put(&mut chars, note, 110.0, top + 12.0 * i as f32);
                put(&mut chars, line, 210.0, top + 12.0 * i as f32);
            }
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (4, 3));
    }

    #[test]
    fn issue_12_two_columns_of_running_text_are_no_table() {
        // Newspaper columns under two short headings: every left line is
        // as full as the column, so no line of it is a term.
        let left = [
            "The board met twice during the year to review the",
            "progress of the new warehouse which opened in the",
            "spring after a delay of two months caused by the",
            "late delivery of the racking and a shortage of the",
            "installers in the region around the new building.",
        ];
        let right = [
            "Sales through the web shop grew faster than those",
            "in the stores for the third year running and the",
            "company now expects online orders to pass half of",
            "its revenue within two years if the current trend",
            "holds and new delivery options are taken up soon.",
        ];
        let mut lines: Vec<Vec<(&str, f32)>> = vec![vec![("Warehouse", 50.0), ("Sales", 320.0)]];
        lines.extend(
            left.iter()
                .zip(&right)
                .map(|(&l, &r)| vec![(l, 50.0), (r, 320.0)]),
        );
        let refs: Vec<&[(&str, f32)]> = lines.iter().map(|l| l.as_slice()).collect();
        let mut chars = Vec::new();
        lines_at(&mut chars, &refs);
        assert!(detect(&chars, &[]).is_empty());
    }

    /// `words` set justified to `width` characters: the spaces missing
    /// doubled, from a gap that moves with `line`, as justification does.
    fn justified(words: &str, width: usize, line: usize) -> String {
        let words: Vec<&str> = words.split(' ').collect();
        let gaps = words.len() - 1;
        let mut extra = vec![0; gaps];
        for k in 0..width - words.join(" ").len() {
            extra[(3 * line + 2 * k) % gaps] += 1;
        }
        let mut out = words[0].to_string();
        for (g, w) in words[1..].iter().enumerate() {
            out.push_str(&" ".repeat(1 + extra[g]));
            out.push_str(w);
        }
        out
    }

    #[test]
    fn justified_paragraphs_beside_their_labels_stay_one_column() {
        // Paragraphs beside labels, one line's few words spread far apart
        // (justified); each paragraph's last line is short, as last lines
        // are: the lines that fill the column tell running text.
        let texts = [
            "Current location and marking of all crossings are very",
            "The place where the crossings now stand puts walkers at",
            "The benefits of active transport are well known and",
            "shared by health, safety, the environment and the",
            "economy. Investing in it is a wise choice",
        ];
        let mut set: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        set[4] = justified(texts[4], 56, 4);
        let mut chars = Vec::new();
        lines_at(
            &mut chars,
            &[
                &[("Network map", 50.0), (&set[0], 150.0)],
                &[("unsafe.", 150.0)],
                &[(&set[1], 150.0)],
                &[("risk.", 150.0)],
                &[("Safer roads", 50.0), (&set[2], 150.0)],
                &[("for cyclists", 50.0), (&set[3], 150.0)],
                &[(&set[4], 150.0)],
                &[("for the town.", 150.0)],
            ],
        );
        for t in detect(&chars, &[]) {
            assert!(t.grid.col_count() <= 2, "{:?}", t.grid);
        }
    }

    #[test]
    fn issue_12_gaps_of_justified_text_are_read_through() {
        // Two newspaper columns whose wide word spaces cut each line at
        // other places: no gap runs down the column but the gutter.
        let left = [
            "The board met twice during the year to review",
            "the progress of the new warehouse that",
            "in the spring after a delay of two months that",
            "came from the late delivery of all the racking",
            "systems and a shortage of the qualified staff",
            "needed to install them in the region. The work",
            "was finished in the summer and the warehouse",
            "now serves all the stores of the south.",
        ];
        let right = [
            "Sales through the web shop grew faster than in",
            "the stores for the third year running and the",
            "company now expects online orders to pass half",
            "its revenue within two years if the trend holds",
            "and if customers take up the delivery options",
            "offered since the spring. Costs rose less than",
            "sales because the price of energy fell in the",
            "second half of the year.",
        ];
        let set = |texts: &[&str]| -> Vec<String> {
            let last = texts.len() - 1;
            (texts.iter().enumerate())
                .map(|(i, t)| {
                    if i < last {
                        justified(t, 48, i)
                    } else {
                        t.to_string()
                    }
                })
                .collect()
        };
        let (left, right) = (set(&left), set(&right));
        let lines: Vec<Vec<(&str, f32)>> = (left.iter().zip(&right))
            .map(|(l, r)| vec![(l.as_str(), 50.0), (r.as_str(), 320.0)])
            .collect();
        let refs: Vec<&[(&str, f32)]> = lines.iter().map(|l| l.as_slice()).collect();
        let mut chars = Vec::new();
        lines_at(&mut chars, &refs);
        let chars_ref: Vec<&TextChar> = chars.iter().collect();
        let block = page_lines(&chars_ref);
        // The line justified the widest cuts most: its gaps make columns,
        // which the other lines of its paragraph read through.
        let cols = columns(&block);
        assert!(cols.len() > 2, "wide spaces cut lines");
        assert!(merge_gaps_read_through(&block, cols.clone(), &[]).len() < cols.len());
    }

    #[test]
    fn a_description_wrapped_after_dates_set_close_is_a_column_of_its_own() {
        // Codes at 20, dates at 80 (to 130), descriptions 5.25 pt after
        // them: wider than the word space (5 pt), narrower than a river;
        // titles over each, the dates' as wide as they are or narrower. The
        // first row one line, the others wrapped at ten words a line (a
        // paragraph's many) onto lines 8.5 pt apart, their boxes
        // overlapping, the rows 2.5 pt apart: seven rows of three cells.
        let words = "price margin deposit revenue volume inventory terminal segment";
        let descriptions = [
            "account".to_string(),
            [words, words, "equity transfer"].join(" "),
            [words, words, words, "capital"].join(" "),
            [words, words].join(" "),
            [words, words, "equity transfer"].join(" "),
            [words, "capital"].join(" "),
        ];
        for title in ["Settled", "Settlement"] {
            let (mut chars, mut id) = (Vec::new(), 0);
            let x = 135.25;
            put_cells(
                &mut chars,
                &mut id,
                &[("Order", 20.0), (title, 80.0), ("Description", x)],
                30.0,
            );
            let mut y = 44.0;
            for (k, description) in descriptions.iter().enumerate() {
                let code = format!("PO-{}", 4000 + 7 * k);
                put_cells(
                    &mut chars,
                    &mut id,
                    &[(&code, 20.0), ("12/07/2014", 80.0)],
                    y,
                );
                let all: Vec<&str> = description.split(' ').filter(|w| !w.is_empty()).collect();
                let lines: Vec<String> = all.chunks(10).map(|c| c.join(" ")).collect();
                for (l, line) in lines.iter().enumerate() {
                    put_cells(&mut chars, &mut id, &[(line, x)], y + 8.5 * l as f32);
                }
                y += 8.5 * lines.len().max(1) as f32 + 4.0;
            }
            let tables = detect(&chars, &[]);
            assert_eq!(tables.len(), 1, "{title}: {tables:?}");
            let grid = &tables[0].grid;
            assert_eq!(
                (grid.row_count(), grid.col_count()),
                (7, 3),
                "{title}: {grid:?}"
            );
        }
    }

    #[test]
    fn a_first_row_with_a_blank_its_cells_codes_and_dates_is_no_header_line() {
        // Titles 16 pt over rows 12 pt apart, no rule. The first row's
        // share blank: of its four cells past the first, two figures, a
        // code and a date, as in the rows below; the second row is the
        // first with most of its cells figures.
        let rows = [
            ["Contract", "Share", "Price", "Invoice", "Settled", "Units"],
            ["PO-69888", "", "-233", "TR-46910", "2025-05-06", "1,804"],
            ["B7-35825", "31%", "0", "PO-44281", "2015-06-11", "-72"],
            ["HX-20623", "39.77%", "7", "A-12312", "", "630"],
            ["SKU-2903", "", "529", "PO-79255", "2016-03-27", "179,665"],
        ];
        let (mut chars, mut id) = (Vec::new(), 0);
        for (k, row) in rows.iter().enumerate() {
            let y = if k == 0 { 30.0 } else { 34.0 + 12.0 * k as f32 };
            let cells = [
                (row[0], 20.0),
                right(row[1], 110.0),
                right(row[2], 160.0),
                (row[3], 180.0),
                (row[4], 240.0),
                right(row[5], 340.0),
            ];
            put_cells(&mut chars, &mut id, &cells, y);
        }
        let tables = detect(&chars, &[]);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let grid = &tables[0].grid;
        assert_eq!((grid.row_count(), grid.col_count()), (5, 6), "{grid:?}");
    }
}
