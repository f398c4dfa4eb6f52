//! Text set sideways in and beside a table: column titles running up the
//! page over narrow columns, and labels running up beside a group of rows
//! (`Males`, `Females`; a region over its districts). The page's lines
//! leave such text out (`set_sideways`); these passes give it its cells
//! once the table's rows and columns are found from the rest.

use super::rulings::Ruling;
use crate::table::{Rect, TableRegion};
use crate::worker::extract::{runs_sideways, TextChar};

/// The structured-text lines (their ids, sorted) whose glyphs run up or
/// down the page instead of along it: a label set sideways in the margin
/// (a report's page number, a stamp, a chart's axis title). Their glyphs'
/// boxes stack into one box several lines tall, which joins the lines of
/// text beside it into one line; a table's lines run along the page.
pub(super) fn set_sideways(chars: &[&TextChar]) -> Vec<u32> {
    let mut sideways: Vec<u32> = (chars.chunk_by(|a, b| a.line == b.line))
        .filter(|line| runs_sideways(line))
        .map(|line| line[0].line)
        .collect();
    sideways.sort_unstable();
    sideways
}

/// The boxes of the lines set sideways, one a line, its glyphs'.
fn sideways_boxes(chars: &[&TextChar]) -> Vec<Rect> {
    (chars.chunk_by(|a, b| a.line == b.line))
        .filter(|line| runs_sideways(line))
        .filter_map(|line| {
            let mut glyphs = line.iter().filter(|c| !c.c.is_whitespace());
            let first = glyphs.next()?.bbox;
            Some(glyphs.fold(first, |b, c| b.union(&c.bbox)))
        })
        .collect()
}

/// The tables with their first row raised to take in the column titles set
/// sideways on it: narrow columns under long titles turn them to run up
/// the page, each from its foot in the first row (level with the stub's
/// heading) to well above it. `page_lines` leaves such text out, so the
/// rows found end at the first row's horizontal line and would cut the
/// titles off. A sideways line counts when it stands inside the table's
/// columns, its foot in the first row or just over it.
pub(super) fn with_sideways_titles(
    mut tables: Vec<TableRegion>,
    chars: &[&TextChar],
) -> Vec<TableRegion> {
    let boxes = sideways_boxes(chars);
    if boxes.is_empty() {
        return tables;
    }
    for table in &mut tables {
        let grid = &mut table.grid;
        let (Some(&top), Some(&under), Some(&left), Some(&right)) = (
            grid.rows.first(),
            grid.rows.get(1),
            grid.cols.first(),
            grid.cols.last(),
        ) else {
            continue;
        };
        let within = |b: &&Rect| b.x0 >= left && b.x1 <= right && b.y0 < top;
        let raised = (boxes.iter())
            .filter(|b| within(b) && b.y1 > top && b.y1 <= under)
            .map(|b| b.y0 - 1.0)
            .fold(top, f32::min);
        // Titles whose feet stand just over the rows (the first line of
        // columns holding none of them but the stub's heading, which
        // `blocks` left out) are a header row of their own: two at least.
        let over: Vec<&Rect> = (boxes.iter())
            .filter(|b| within(b) && b.y1 <= top && b.y1 >= top - 2.0 * b.width())
            .collect();
        if over.len() >= 2 {
            let header_top = over.iter().map(|b| b.y0 - 1.0).fold(raised, f32::min);
            grid.add_rows_above(&[header_top], raised);
            table.bbox.y0 = table.bbox.y0.min(header_top);
        } else {
            grid.rows[0] = raised;
            table.bbox.y0 = table.bbox.y0.min(raised);
        }
    }
    tables
}

/// A label set sideways beside a group of rows is at most this many em
/// across (two lines running up the page)...
const MAX_ROW_LABEL_DEPTH_EM: f32 = 2.6;
/// ... and stands at most this many em left of the table's first column.
const MAX_ROW_LABEL_OFFSET_EM: f32 = 5.0;

/// The text of a page set sideways, and the rest, for `set_row_labels_apart`.
pub(super) struct SidewaysText<'a> {
    boxes: Vec<Rect>,
    along: Vec<&'a TextChar>,
}

impl<'a> SidewaysText<'a> {
    /// `None` when none of the page's text is set sideways.
    pub(super) fn of_page(chars: &[&'a TextChar]) -> Option<SidewaysText<'a>> {
        let sideways = set_sideways(chars);
        if sideways.is_empty() {
            return None;
        }
        let along = (chars.iter().copied())
            .filter(|c| !c.c.is_whitespace() && sideways.binary_search(&c.line).is_err())
            .collect();
        Some(SidewaysText {
            boxes: sideways_boxes(chars),
            along,
        })
    }
}

/// Puts a column in front of a table for the labels set sideways beside
/// groups of its rows, each label one cell spanning its group's rows.
/// Left as they were, the label's glyphs fell into the rows beside it, a
/// few letters a row at the front of the row labels (`Ma Energy`, `les`),
/// or outside the table when its columns start right of the label.
///
/// A label counts when it stands left of every row label's text in the
/// table's body, within a few em of the first column, its middle beside
/// the body and its ends within an em of the table's top and foot (a
/// label longer than its group may reach up beside the header). Nothing
/// set along the page may stand between it and the rows. Its group is the
/// run of rows from the one beside its middle to the next label's, parted
/// where a rule crosses the row labels between them; where none does, the
/// label is centred on its group (as a label set over several rows is),
/// the group running on from the end of the one before.
pub(super) fn set_row_labels_apart(table: &mut TableRegion, text: &SidewaysText, rules: &[Ruling]) {
    let Some((labels, left, cut)) = row_labels(table, &text.along, &text.boxes) else {
        return;
    };
    let spans = label_groups(&table.grid.rows, &labels, table.grid.cols[1], rules);
    table.grid.add_column_in_front(left, cut, &spans);
    table.bbox.x0 = table.bbox.x0.min(left);
}

/// The sideways labels beside a table's body rows, top to bottom, with the
/// left edge and the right boundary of a column of their own.
fn row_labels(
    table: &TableRegion,
    along: &[&TextChar],
    boxes: &[Rect],
) -> Option<(Vec<Rect>, f32, f32)> {
    let grid = &table.grid;
    if grid.row_count() < 3 || grid.col_count() < 2 {
        return None;
    }
    let (top, bottom) = (grid.rows[1], *grid.rows.last()?);
    let (first, second) = (grid.cols[0], grid.cols[1]);
    let stub: Vec<&&TextChar> = (along.iter())
        .filter(|c| c.cx() > first && c.cx() < second && c.cy() > top && c.cy() < bottom)
        .collect();
    let stub_x0 = stub.iter().map(|c| c.bbox.x0).fold(f32::INFINITY, f32::min);
    let em = stub.iter().map(|c| c.size).fold(0.0, f32::max);
    if stub.is_empty() || em <= 0.0 {
        return None;
    }
    let mut labels: Vec<Rect> = (boxes.iter())
        .filter(|b| {
            let middle = (b.y0 + b.y1) / 2.0;
            middle > top
                && middle < bottom
                && b.y0 >= grid.rows[0] - em
                && b.y1 <= bottom + em
                && b.x1 < stub_x0
                && b.x0 >= first - MAX_ROW_LABEL_OFFSET_EM * em
                && b.width() <= MAX_ROW_LABEL_DEPTH_EM * em
        })
        // Nothing set along the page beside it, between it and the rows.
        .filter(|b| {
            !(along.iter())
                .any(|c| c.cx() > b.x0 && c.cx() < stub_x0 && c.cy() > b.y0 && c.cy() < b.y1)
        })
        .copied()
        .collect();
    if labels.is_empty() {
        return None;
    }
    labels.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    let reach = labels
        .iter()
        .map(|b| b.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let left = labels.iter().map(|b| b.x0 - 1.0).fold(first, f32::min);
    let cut = if first >= reach {
        first
    } else {
        (reach + stub_x0) / 2.0
    };
    Some((labels, left, cut))
}

/// Each label's group of rows, as (first row, count): see
/// `set_row_labels_apart`. Row 0 is the header's.
fn label_groups(
    rows: &[f32],
    labels: &[Rect],
    stub_right: f32,
    rules: &[Ruling],
) -> Vec<(u32, u32)> {
    let n = rows.len() - 1;
    // The row beside each label's middle (a label may reach past its
    // group's rows, longer than the group is tall).
    let cores: Vec<(usize, usize)> = (labels.iter())
        .map(|b| {
            let mid = (b.y0 + b.y1) / 2.0;
            let k = (1..n).find(|&k| rows[k + 1] > mid).unwrap_or(n - 1);
            (k, k + 1)
        })
        .collect();
    // Where group i starts, bounds[i] (bounds[labels] where the last
    // ends), each within the rows between the labels beside it.
    let m = labels.len();
    let range = |i: usize| -> (usize, usize) {
        let lo = if i == 0 { 1 } else { cores[i - 1].1 };
        let hi = if i == m { n } else { cores[i].0 };
        (lo, hi.max(lo))
    };
    let nearest = |y: f32, (lo, hi): (usize, usize)| {
        (lo..=hi)
            .min_by(|&a, &b| (rows[a] - y).abs().total_cmp(&(rows[b] - y).abs()))
            .unwrap_or(lo)
    };
    let ruled: Vec<Option<usize>> = (0..=m)
        .map(|i| {
            let (lo, hi) = range(i);
            // (A rule parts groups where it parts the row labels, whether
            // it crosses the labels' column or starts at the rows.)
            let crossing = |r: &&Ruling| {
                r.start < stub_right
                    && r.end > stub_right
                    && r.pos >= rows[lo] - 2.0
                    && r.pos <= rows[hi] + 2.0
            };
            // One rule parts two groups; rules under every row part none.
            let mut parts: Vec<usize> = (rules.iter().filter(crossing))
                .map(|r| nearest(r.pos, (lo, hi)))
                .collect();
            parts.sort_unstable();
            parts.dedup();
            match parts[..] {
                [k] => Some(k),
                _ => None,
            }
        })
        .collect();
    // The groups run from the body's top to its bottom; where no rule
    // parts two, the upper one ends as far below its label's middle as
    // it starts above it.
    let mut bounds: Vec<usize> = Vec::with_capacity(m + 1);
    for i in 0..=m {
        let bound = match ruled[i] {
            Some(k) => k,
            None if i == 0 => range(0).0,
            None if i == m => range(m).1,
            None => {
                let mid = (labels[i - 1].y0 + labels[i - 1].y1) / 2.0;
                nearest(2.0 * mid - rows[bounds[i - 1]], range(i))
            }
        };
        bounds.push(bound);
    }
    (bounds.windows(2))
        .map(|w| (w[0] as u32, (w[1].max(w[0] + 1) - w[0]) as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Evidence, Grid};
    use crate::worker::extract::tests::{sideways, word};

    /// A table of a header row (40-64) and six body rows 14 pt apart from
    /// 64, the row labels from x = 60 and figures at 200, columns 40-150-250;
    /// beside the rows, labels running up the page at x 44-54, each
    /// centred on its group: `Males` on rows 1-2, `Females` on rows 3-6.
    fn grouped_table() -> (TableRegion, Vec<TextChar>) {
        let mut chars = word("Item", 60.0, 58.0, 0);
        chars.extend(word("2024", 200.0, 58.0, 1));
        for k in 0..6 {
            let y = 75.0 + 14.0 * k as f32;
            chars.extend(word("Region", 60.0, y, 2 + 2 * k));
            chars.extend(word("12.5", 200.0, y, 3 + 2 * k));
        }
        // Centred on 78 (rows 64-92) and 120 (rows 92-148).
        chars.extend(sideways("Males", 44.0, 78.0 + 15.0, 20));
        chars.extend(sideways("Females", 44.0, 120.0 + 21.0, 21));
        let rows: Vec<f32> = std::iter::once(40.0)
            .chain((0..7).map(|k| 64.0 + 14.0 * k as f32))
            .collect();
        let table = TableRegion {
            bbox: Rect::new(40.0, 40.0, 250.0, 148.0),
            grid: Grid::uniform(rows, vec![40.0, 150.0, 250.0]),
            evidence: Evidence::TextLayout,
            confidence: 0.5,
        };
        (table, chars)
    }

    fn first_column(grid: &Grid) -> Vec<(u32, u32)> {
        let mut cells: Vec<(u32, u32)> = (grid.cells.iter())
            .filter(|c| c.col == 0)
            .map(|c| (c.row, c.rowspan))
            .collect();
        cells.sort_unstable();
        cells
    }

    #[test]
    fn labels_set_sideways_beside_groups_of_rows_are_a_column_of_their_own() {
        let (mut table, chars) = grouped_table();
        let refs: Vec<&TextChar> = chars.iter().collect();
        let text = SidewaysText::of_page(&refs).expect("sideways text");
        set_row_labels_apart(&mut table, &text, &[]);
        let grid = &table.grid;
        assert!(grid.is_consistent(), "{grid:?}");
        assert_eq!(grid.col_count(), 3, "{grid:?}");
        assert!(
            grid.cols[0] <= 43.0 && grid.cols[1] > 54.0 && grid.cols[1] < 60.0,
            "{grid:?}"
        );
        // The header's cell, then each group's: centred, the first group
        // runs from the body's top, the second from the first's end.
        assert_eq!(first_column(grid), vec![(0, 1), (1, 2), (3, 4)]);
        // A rule under row 3, across the row labels, parts the groups
        // there, whatever the labels' middles say.
        let (mut table, _) = grouped_table();
        set_row_labels_apart(&mut table, &text, &[Ruling::new(106.0, 56.0, 250.0)]);
        assert_eq!(first_column(&table.grid), vec![(0, 1), (1, 3), (4, 3)]);
    }

    #[test]
    fn a_label_set_sideways_with_text_beside_it_or_far_off_is_no_row_label() {
        // The table's columns start at 59, right of the labels, and a
        // note is set along the page between the first label and the
        // rows: the second label alone is a row label, its group the
        // body's.
        let (mut table, mut chars) = grouped_table();
        table.grid.cols[0] = 59.0;
        chars.extend(word("a", 54.5, 80.0, 30));
        let refs: Vec<&TextChar> = chars.iter().collect();
        let text = SidewaysText::of_page(&refs).expect("sideways text");
        set_row_labels_apart(&mut table, &text, &[]);
        assert_eq!(first_column(&table.grid), vec![(0, 1), (1, 6)]);
        // Both labels more than five em left of the table: none.
        let (mut table, mut chars) = grouped_table();
        for c in &mut chars {
            if c.line >= 20 {
                c.bbox.x0 -= 60.0;
                c.bbox.x1 -= 60.0;
            }
        }
        let refs: Vec<&TextChar> = chars.iter().collect();
        let text = SidewaysText::of_page(&refs).expect("sideways text");
        set_row_labels_apart(&mut table, &text, &[]);
        assert_eq!(table.grid.col_count(), 2);
    }
}
