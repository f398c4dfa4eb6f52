//! Stage 2, detect: from a rendered page (and its text layer, to tell a table
//! from an empty drawing) to the page's tables, each with a region and a cell
//! grid, in reading order: top to bottom, then left to right.
//!
//! Ruled tables come from the page image: long strokes (`rulings`) that meet
//! form a grid (`grid`); a missing line between two cells makes them one
//! spanning cell. The text outside them is then read for tables laid out by
//! alignment (`layout`), with horizontal rules and shaded bands as help.

pub mod grid;
pub mod layout;
pub mod overlay;
pub mod rulings;

use crate::config::DetectConfig;
use crate::extract::TextChar;
use crate::render::PageImage;
use crate::table::{Evidence, TableRegion};

/// The share of column borders a grid needs drawn to count as ruled.
const MIN_COLUMN_BORDERS: f32 = 0.5;

/// What detection found on a page: its tables in reading order, and the
/// rulings they were built from (for the debug picture).
pub struct Detection {
    pub tables: Vec<TableRegion>,
    pub rulings: rulings::Rulings,
}

/// The tables of one page, in reading order.
pub fn detect_tables(page: &PageImage, chars: &[TextChar], cfg: &DetectConfig) -> Detection {
    let mut rulings = rulings::find_rulings(page, cfg);
    drop_rulings_through_text(&mut rulings, chars);
    let mut tables: Vec<TableRegion> = grid::ruled_tables(
        &rulings,
        cfg.line_merge_tolerance,
        cfg.min_rows,
        cfg.min_cols,
    )
    .into_iter()
    // Columns mostly without lines between them are not ruled: a frame or
    // row rules around columns set by alignment, which `layout` reads.
    .filter(|t| t.column_borders >= MIN_COLUMN_BORDERS)
    // A grid with no text in it is a drawing (a form, a chart's gridlines).
    .filter(|t| {
        chars
            .iter()
            .any(|ch| !ch.c.is_whitespace() && t.bbox.contains(ch.cx(), ch.cy()))
    })
    // Cells holding columns or rows of their own: the lines drawn are only
    // part of the structure; `layout` reads the rest from the text.
    .filter(|t| {
        let inside: Vec<&TextChar> = chars.iter().filter(|c| t.bbox.contains(c.cx(), c.cy())).collect();
        !layout::under_segmented(&inside, &t.grid)
    })
    .map(|t| TableRegion {
        confidence: 0.6 + 0.4 * t.border_coverage(),
        bbox: t.bbox,
        grid: t.grid,
        evidence: Evidence::Ruled,
    })
    .collect();
    drop_nested(&mut tables);

    // The rest of the text, and the rules outside ruled tables, for layout tables.
    let outside = |x: f32, y: f32| !tables.iter().any(|t| t.bbox.contains(x, y));
    let free_chars: Vec<&TextChar> = chars.iter().filter(|c| outside(c.cx(), c.cy())).collect();
    let free_rules: Vec<rulings::Ruling> = rulings
        .horizontal
        .iter()
        .filter(|r| outside((r.start + r.end) / 2.0, r.pos))
        .copied()
        .collect();
    tables.extend(layout::layout_tables(&free_chars, &free_rules));
    sort_reading_order(&mut tables);
    Detection { tables, rulings }
}

/// Drops "rulings" that run through text: the tops of letters, the stems of
/// tall or CJK glyphs that touch a cell border, a strike-through. Lines of a
/// table run between characters, not through them.
fn drop_rulings_through_text(rulings: &mut rulings::Rulings, chars: &[TextChar]) {
    let glyphs: Vec<&TextChar> = chars.iter().filter(|c| !c.c.is_whitespace()).collect();
    rulings.horizontal.retain(|r| {
        let through: f32 = glyphs
            .iter()
            .filter(|c| {
                let inner = c.bbox.height() * 0.25;
                r.pos > c.bbox.y0 + inner && r.pos < c.bbox.y1 - inner && c.bbox.x1 > r.start && c.bbox.x0 < r.end
            })
            .map(|c| c.bbox.x1.min(r.end) - c.bbox.x0.max(r.start))
            .sum();
        through < 0.3 * r.length()
    });
    rulings.vertical.retain(|r| {
        let through: f32 = glyphs
            .iter()
            .filter(|c| {
                let inner = c.bbox.width() * 0.2;
                r.pos > c.bbox.x0 + inner && r.pos < c.bbox.x1 - inner && c.bbox.y1 > r.start && c.bbox.y0 < r.end
            })
            .map(|c| c.bbox.y1.min(r.end) - c.bbox.y0.max(r.start))
            .sum();
        through < 0.3 * r.length()
    });
}

/// A table drawn inside a cell of another is part of that cell's content.
fn drop_nested(tables: &mut Vec<TableRegion>) {
    let inside = |a: &TableRegion, b: &TableRegion| {
        a.bbox.x0 >= b.bbox.x0 - 1.0
            && a.bbox.x1 <= b.bbox.x1 + 1.0
            && a.bbox.y0 >= b.bbox.y0 - 1.0
            && a.bbox.y1 <= b.bbox.y1 + 1.0
    };
    let snapshot = tables.clone();
    tables.retain(|a| !snapshot.iter().any(|b| a != b && inside(a, b)));
}

/// Top to bottom; tables side by side (overlapping vertically) left to right.
fn sort_reading_order(tables: &mut [TableRegion]) {
    tables.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    // Bubble neighbours that sit side by side into left-to-right order; a
    // plain comparator on "overlaps" would not be a total order.
    for _ in 0..tables.len() {
        for i in 1..tables.len() {
            let (a, b) = (&tables[i - 1].bbox, &tables[i].bbox);
            let side_by_side = a.y1.min(b.y1) > a.y0.max(b.y0);
            if side_by_side && b.x1 <= a.x0 {
                tables.swap(i - 1, i);
            }
        }
    }
}
