//! How a page's tables sit on it, measured in the worker (which has the
//! text layer) for the parent's stitch stage: how many lines of text lie
//! above the topmost table and below the bottommost one. Lines are counted
//! as rows of text, so a footer split into pieces on one baseline is one
//! line. Also the text of the page's first row when it lies above the
//! tables, to tell a running head from a title.

use std::collections::BTreeMap;

use crate::table::{PageFrame, Rect, TableRegion};
use crate::worker::extract::TextChar;

/// The frame of a page of `bounds` holding `tables`, from its characters.
pub fn page_frame(bounds: Rect, tables: &[TableRegion], chars: &[TextChar]) -> PageFrame {
    let top = tables
        .iter()
        .map(|t| t.bbox.y0)
        .fold(f32::INFINITY, f32::min);
    let bottom = tables
        .iter()
        .map(|t| t.bbox.y1)
        .fold(f32::NEG_INFINITY, f32::max);
    let mut lines: BTreeMap<u32, Rect> = BTreeMap::new();
    for ch in chars.iter().filter(|c| !c.c.is_whitespace()) {
        lines
            .entry(ch.line)
            .and_modify(|r| *r = r.union(&ch.bbox))
            .or_insert(ch.bbox);
    }
    let above = lines
        .values()
        .filter(|r| r.y1 <= top + PageFrame::EDGE_SLACK);
    let below = lines
        .values()
        .filter(|r| r.y0 >= bottom - PageFrame::EDGE_SLACK);
    PageFrame {
        bounds,
        lines_above: text_rows(above.clone()),
        lines_below: text_rows(below),
        first_line: first_row_text(above, &lines, chars),
    }
}

/// The text of the topmost row of `boxes` (line boxes of `lines`), its
/// pieces left to right.
fn first_row_text<'a>(
    boxes: impl Iterator<Item = &'a Rect>,
    lines: &BTreeMap<u32, Rect>,
    chars: &[TextChar],
) -> Option<String> {
    let top = boxes.min_by(|a, b| a.y0.total_cmp(&b.y0))?;
    let middle = |r: &Rect| (r.y0 + r.y1) / 2.0;
    let mut row: Vec<(u32, &Rect)> = (lines.iter())
        .filter(|(_, r)| middle(r) >= top.y0 && middle(r) <= top.y1)
        .map(|(&line, r)| (line, r))
        .collect();
    row.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
    let pieces: Vec<String> = row
        .iter()
        .map(|(line, _)| {
            let text: String = (chars.iter().filter(|c| c.line == *line))
                .map(|c| c.c)
                .collect();
            text.trim().to_owned()
        })
        .collect();
    Some(pieces.join(" "))
}

/// How many rows of text the line boxes make: boxes whose middle lies
/// within the row above are on it.
fn text_rows<'a>(boxes: impl Iterator<Item = &'a Rect>) -> u32 {
    let mut spans: Vec<(f32, f32)> = boxes.map(|r| (r.y0, r.y1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rows = 0;
    let mut end = f32::NEG_INFINITY;
    for (y0, y1) in spans {
        if (y0 + y1) / 2.0 > end {
            rows += 1;
            end = y1;
        } else {
            end = end.max(y1);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Evidence, Grid};

    const PAGE: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 595.0,
        y1: 842.0,
    };

    #[test]
    fn lines_are_counted_as_rows_of_text_outside_the_tables() {
        let ch = |c: char, line: u32, x: f32, y: f32| TextChar {
            c,
            bbox: Rect::new(x, y, x + 5.0, y + 10.0),
            line,
            size: 10.0,
        };
        let table = TableRegion {
            bbox: Rect::new(56.0, 100.0, 500.0, 208.0),
            grid: Grid::uniform(vec![100.0, 154.0, 208.0], vec![56.0, 300.0, 500.0]),
            evidence: Evidence::Ruled,
            confidence: 1.0,
        };
        let chars = vec![
            ch('T', 0, 56.0, 40.0),   // a title
            ch('P', 1, 56.0, 60.0),   // a paragraph line, in two pieces
            ch('Q', 2, 300.0, 61.0),  // on one baseline
            ch('x', 3, 60.0, 150.0),  // inside the table
            ch(' ', 4, 60.0, 300.0),  // blank
            ch('1', 5, 290.0, 800.0), // the footer
        ];
        let f = page_frame(PAGE, &[table], &chars);
        assert_eq!((f.lines_above, f.lines_below), (2, 1));
        assert_eq!(f.first_line.as_deref(), Some("T"));
        let f = page_frame(PAGE, &[], &chars);
        assert_eq!(
            (f.lines_above, f.lines_below),
            (4, 4),
            "no table: every line"
        );
    }
}
