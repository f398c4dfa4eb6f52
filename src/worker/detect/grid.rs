//! Cell grids from rulings.
//!
//! Rulings that cross or touch form one table. Its row boundaries are its
//! horizontal rulings, its column boundaries its vertical ones (plus the ends
//! of the rulings, for tables drawn without an outer frame; on a scan only
//! the outermost ends, see `LineEnds`). Between two
//! neighbouring positions of the grid, a missing separating line means the
//! cells on both sides are one cell that spans them. A grid whose rows take
//! other columns on either side of a box across (a form laid out in ruled
//! boxes, a table drawn into one of them) holds the tables of its bands.

use super::rulings::{Ruling, Rulings};
use crate::table::{Cell, Grid, Rect};
use std::ops::Range;

/// A row lower than this (points) holds no text.
const MIN_TEXT_ROW_HEIGHT: f32 = 5.0;

/// A part of a separating line this short (as a fraction of the gap it should
/// close) is a tick or stray stroke, not a cell border.
const MIN_BORDER_COVERAGE: f32 = 0.5;

/// On a scan, a line between two rows this much drawn at least (grain and
/// erased text having broken the rest) parts the cells above and below it
/// where their text lies apart on its two sides.
const MIN_BROKEN_COVERAGE: f32 = 0.2;

/// A table found from rulings: its frame, its cells, and which share of its
/// inner borders were drawn (1.0 = a full grid), between columns and between
/// rows.
#[derive(Debug, Clone, PartialEq)]
pub struct RuledTable {
    pub bbox: Rect,
    pub grid: Grid,
    pub column_borders: f32,
    pub row_borders: f32,
}

impl RuledTable {
    pub fn border_coverage(&self) -> f32 {
        (self.column_borders + self.row_borders) / 2.0
    }
}

/// Says whether the text itself separates two cells where no line (or on a
/// scan, too little of one) is drawn: the cells left and right of a
/// boundary, or above and below it, as rectangles (see
/// `detect::text_separates`).
pub type TextSeparates<'a> = &'a dyn Fn(&Rect, &Rect) -> bool;

/// What the ends of rulings say about a grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnds {
    /// Where lines end is a boundary: a drawn line stops where it was meant
    /// to (at a column it does not cross, at a table without a frame).
    Boundaries,
    /// Only the outermost ends are, as the frame: on a scan a line also ends
    /// where grain or erased text broke it, and shading leaves edges that
    /// stop anywhere.
    FrameOnly,
}

/// Every table the rulings form with at least `min_rows` × `min_cols` cells.
/// `tol` is how far apart, in points, lines may be and still meet. Where a
/// line between two columns is missing, the cells are joined unless
/// `text_separates` says the text keeps them apart.
pub fn ruled_tables(
    rulings: &Rulings,
    tol: f32,
    min_rows: usize,
    min_cols: usize,
    ends: LineEnds,
    text_separates: TextSeparates,
) -> Vec<RuledTable> {
    let rulings = Rulings {
        horizontal: join_collinear(&rulings.horizontal, tol),
        vertical: join_collinear(&rulings.vertical, tol),
    };
    connected_groups(&rulings, tol)
        .into_iter()
        .flat_map(|group| tables_from_group(&group, tol, ends, text_separates))
        .filter(|t| t.grid.row_count() >= min_rows && t.grid.col_count() >= min_cols)
        .collect()
}

/// Rulings on one line that overlap or nearly meet, as one ruling: a border
/// drawn cell by cell, or a dashed line, is one line. Longest first, so that
/// the pieces a scan leaves beside a line (a stroke's edge broken up by
/// grain) join the line, not each other, at its position; repeated until
/// nothing joins, so the result does not depend on the order found.
fn join_collinear(lines: &[Ruling], tol: f32) -> Vec<Ruling> {
    let mut out = lines.to_vec();
    loop {
        out.sort_by(|a, b| {
            b.length()
                .total_cmp(&a.length())
                .then(a.pos.total_cmp(&b.pos))
                .then(a.start.total_cmp(&b.start))
        });
        let before = out.len();
        let mut joined: Vec<Ruling> = Vec::with_capacity(before);
        for line in out {
            let into = joined.iter_mut().find(|o| {
                (o.pos - line.pos).abs() <= tol
                    && line.start <= o.end + tol
                    && line.end >= o.start - tol
            });
            match into {
                Some(o) => {
                    o.start = o.start.min(line.start);
                    o.end = o.end.max(line.end);
                }
                None => joined.push(line),
            }
        }
        out = joined;
        if out.len() == before {
            break;
        }
    }
    out.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.start.total_cmp(&b.start)));
    out
}

/// Rulings split into groups that touch each other (through crossings).
fn connected_groups(rulings: &Rulings, tol: f32) -> Vec<Rulings> {
    let (hs, vs) = (&rulings.horizontal, &rulings.vertical);
    let mut sets = DisjointSets::new(hs.len() + vs.len());
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            let touches = v.pos >= h.start - tol
                && v.pos <= h.end + tol
                && h.pos >= v.start - tol
                && h.pos <= v.end + tol;
            if touches {
                sets.union(i, hs.len() + j);
            }
        }
    }
    let mut groups: Vec<(usize, Rulings)> = Vec::new();
    for i in 0..hs.len() + vs.len() {
        let root = sets.find(i);
        let slot = match groups.iter().position(|(r, _)| *r == root) {
            Some(k) => k,
            None => {
                groups.push((root, Rulings::default()));
                groups.len() - 1
            }
        };
        if i < hs.len() {
            groups[slot].1.horizontal.push(hs[i]);
        } else {
            groups[slot].1.vertical.push(vs[i - hs.len()]);
        }
    }
    groups
        .into_iter()
        .map(|(_, g)| g)
        .filter(|g| !g.horizontal.is_empty() && !g.vertical.is_empty())
        .collect()
}

/// The tables one group of touching rulings draws: usually one, but a page
/// laid out in ruled boxes (a form) can hold a table whose lines run into
/// the boxes' (see `table_bands`); then each band is a table of its own.
fn tables_from_group(
    group: &Rulings,
    tol: f32,
    ends: LineEnds,
    text_separates: TextSeparates,
) -> Vec<RuledTable> {
    let Some((table, rows)) = grid_from_group(group, tol, ends, text_separates) else {
        return Vec::new();
    };
    let Some(bands) = table_bands(&rows) else {
        return vec![table];
    };
    let ys = &table.grid.rows;
    (bands.into_iter())
        .filter_map(|band| {
            let part = rulings_between(group, ys[band.start], ys[band.end], tol);
            grid_from_group(&part, tol, ends, text_separates).map(|(t, _)| t)
        })
        .collect()
}

/// How one row of a grid is divided.
#[derive(Debug, Clone, PartialEq)]
struct RowLines {
    /// The inner column boundaries (1..cols) a line is drawn at through the row.
    drawn: Vec<usize>,
    /// One cell across the whole row.
    whole: bool,
    /// A line drawn across the whole width under the row.
    ruled_below: bool,
    /// Its height, in points.
    height: f32,
}

/// The grid a group of rulings draws, and how each of its rows is divided.
fn grid_from_group(
    group: &Rulings,
    tol: f32,
    ends: LineEnds,
    text_separates: TextSeparates,
) -> Option<(RuledTable, Vec<RowLines>)> {
    let (hs, vs) = (&group.horizontal, &group.vertical);
    // Boundaries: the rulings themselves, weighed by their length, plus the
    // frame their ends make, weighing little.
    let end_weight = 1.0;
    let line_ends = |lines: &[Ruling]| -> Vec<(f32, f32)> {
        let all = lines.iter().flat_map(|l| [l.start, l.end]);
        match ends {
            LineEnds::Boundaries => all.map(|e| (e, end_weight)).collect(),
            LineEnds::FrameOnly => {
                let first = all.clone().fold(f32::INFINITY, f32::min);
                let last = all.fold(f32::NEG_INFINITY, f32::max);
                vec![(first, end_weight), (last, end_weight)]
            }
        }
    };
    let mut ys: Vec<(f32, f32)> = hs.iter().map(|h| (h.pos, h.length())).collect();
    ys.extend(line_ends(vs));
    let mut xs: Vec<(f32, f32)> = vs.iter().map(|v| (v.pos, v.length())).collect();
    xs.extend(line_ends(hs));
    let rows = boundaries(ys, tol);
    let cols = boundaries(xs, tol);
    if rows.len() < 2 || cols.len() < 2 {
        return None;
    }
    let (nr, nc) = (rows.len() - 1, cols.len() - 1);

    // Which inner borders are drawn: right of (r, c) and below (r, c).
    let right = |r: usize, c: usize| coverage(vs, cols[c + 1], rows[r], rows[r + 1], tol);
    let below = |r: usize, c: usize| coverage(hs, rows[r + 1], cols[c], cols[c + 1], tol);
    let mut sets = DisjointSets::new(nr * nc);
    // (drawn, inner) borders between columns and between rows.
    let (mut verticals, mut horizontals) = ((0usize, 0usize), (0usize, 0usize));
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc {
                verticals.1 += 1;
                if right(r, c) >= MIN_BORDER_COVERAGE {
                    verticals.0 += 1;
                } else if !text_separates(
                    &Rect::new(cols[c], rows[r], cols[c + 1], rows[r + 1]),
                    &Rect::new(cols[c + 1], rows[r], cols[c + 2], rows[r + 1]),
                ) {
                    sets.union(r * nc + c, r * nc + c + 1);
                }
            }
            if r + 1 < nr {
                horizontals.1 += 1;
                let drawn = below(r, c);
                let broken = ends == LineEnds::FrameOnly && drawn >= MIN_BROKEN_COVERAGE;
                if drawn >= MIN_BORDER_COVERAGE {
                    horizontals.0 += 1;
                } else if !(broken
                    && text_separates(
                        &Rect::new(cols[c], rows[r], cols[c + 1], rows[r + 1]),
                        &Rect::new(cols[c], rows[r + 1], cols[c + 1], rows[r + 2]),
                    ))
                {
                    sets.union(r * nc + c, (r + 1) * nc + c);
                }
            }
        }
    }
    let row_lines = (0..nr)
        .map(|r| RowLines {
            drawn: (0..nc - 1)
                .filter(|&c| right(r, c) >= MIN_BORDER_COVERAGE)
                .map(|c| c + 1)
                .collect(),
            whole: (1..nc).all(|c| sets.find(r * nc + c) == sets.find(r * nc)),
            ruled_below: (0..nc).all(|c| r + 1 == nr || below(r, c) >= MIN_BORDER_COVERAGE),
            height: rows[r + 1] - rows[r],
        })
        .collect();
    let cells = cells_from_sets(&mut sets, nr, nc);
    let bbox = Rect::new(cols[0], rows[0], cols[nc], rows[nr]);
    let grid = Grid { rows, cols, cells };
    debug_assert!(grid.is_consistent());
    let table = RuledTable {
        bbox,
        grid,
        column_borders: share(verticals),
        row_borders: share(horizontals),
    };
    Some((table, row_lines))
}

/// A whole row at a table's foot this much taller than its section
/// headings at most is one of them.
const MAX_HEADING_GROWTH: f32 = 1.25;

/// The row ranges of a grid that are tables. Rows divided into columns make
/// a table; whole rows (one cell across) between two runs of them are
/// section headings when the runs' column lines agree (one's a subset of the
/// other's), and the boxes of a ruled page layout (a form's title, its
/// fields, a box of remarks) when they do not: then each run is a table of
/// its own. Of the whole rows at the grid's edges, a single one at the top
/// is the table's caption, a single one at the foot as low as the table's
/// section headings another of them; more are the layout's boxes around
/// the table.
/// None when the grid is one table as it is.
fn table_bands(rows: &[RowLines]) -> Option<Vec<Range<usize>>> {
    // Runs of rows with columns.
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if run.end == r && !row.whole => run.end = r + 1,
            _ if !row.whole => runs.push(r..r + 1),
            _ => {}
        }
    }
    if runs.is_empty() {
        return None;
    }
    let drawn = |run: &Range<usize>| -> Vec<usize> {
        let mut d: Vec<usize> = rows[run.clone()]
            .iter()
            .flat_map(|r| r.drawn.clone())
            .collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let agree = |a: &[usize], b: &[usize]| {
        a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
    };
    let mut bands: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    for run in runs {
        let lines = drawn(&run);
        match bands.last_mut() {
            Some((band, band_lines)) if agree(band_lines, &lines) => {
                band.end = run.end;
                band_lines.extend(lines);
            }
            _ => bands.push((run, lines)),
        }
    }
    // A single row of columns among boxes is a form's fields, not a table
    // (unless nothing else is: a header over one note, "no results").
    let mut bands: Vec<Range<usize>> = (bands.into_iter())
        .map(|(b, _)| b)
        .filter(|b| b.len() >= 2)
        .collect();
    if bands.is_empty() {
        return None;
    }
    // Boxes: rows up to a line drawn across, unless too low to hold text
    // (the gap of a double rule, or between a filled band and the frame).
    let boxes = |rows: &[RowLines]| {
        let mut height = 0.0;
        let mut count = 0;
        for row in rows {
            height += row.height;
            if row.ruled_below {
                count += usize::from(height >= MIN_TEXT_ROW_HEIGHT);
                height = 0.0;
            }
        }
        count
    };
    let first = &mut bands[0];
    if boxes(&rows[..first.start]) <= 1 {
        first.start = 0;
    }
    // At the foot, one whole row as low as the whole rows among the
    // table's rows is one more of its section headings (its rows go on
    // over the page), not a box of the layout; a taller one is a box of
    // notes (`Note: ... Source: ...`).
    let last = bands.last_mut().expect("not empty");
    // (Among its rows: a caption across its top is none.)
    let heading = (rows[last.clone()].iter())
        .skip_while(|r| r.whole)
        .filter(|r| r.whole)
        .map(|r| r.height)
        .fold(0.0, f32::max);
    let foot = &rows[last.end..];
    let a_heading_at_the_foot = boxes(foot) == 1
        && foot.iter().map(|r| r.height).sum::<f32>() <= MAX_HEADING_GROWTH * heading;
    if boxes(foot) == 0 || a_heading_at_the_foot {
        last.end = rows.len();
    }
    // Cut only along lines drawn across: a cell reaching over the cut would
    // be torn in two.
    let cuts_ruled = bands
        .iter()
        .flat_map(|b| [b.start, b.end])
        .all(|k| k == 0 || k == rows.len() || rows[k - 1].ruled_below);
    let whole_grid = bands.len() == 1 && bands[0] == (0..rows.len());
    (!whole_grid && cuts_ruled).then_some(bands)
}

/// The part of a group of rulings between `y0` and `y1`: vertical lines cut
/// to it, horizontal ones inside it.
fn rulings_between(group: &Rulings, y0: f32, y1: f32, tol: f32) -> Rulings {
    Rulings {
        horizontal: (group.horizontal.iter())
            .filter(|h| h.pos >= y0 - tol && h.pos <= y1 + tol)
            .copied()
            .collect(),
        vertical: (group.vertical.iter())
            .filter(|v| v.end > y0 + tol && v.start < y1 - tol)
            .map(|v| Ruling {
                start: v.start.max(y0),
                end: v.end.min(y1),
                ..*v
            })
            .collect(),
    }
}

fn share((drawn, all): (usize, usize)) -> f32 {
    if all == 0 {
        1.0
    } else {
        drawn as f32 / all as f32
    }
}

/// Sorted positions with those closer than `tol` taken as one (their mean,
/// weighed), then of two boundaries too close to hold a line of text between
/// them, the one backed by more ruling kept: a real line beats the stroke of
/// a glyph that touches it.
fn boundaries(mut values: Vec<(f32, f32)>, tol: f32) -> Vec<f32> {
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    // (weighted sum, weight, count, last value)
    let mut clusters: Vec<(f32, f32, usize, f32)> = Vec::new();
    for (v, w) in values {
        match clusters.last_mut() {
            Some(c) if v - c.3 <= tol => {
                c.0 += v * w;
                c.1 += w;
                c.2 += 1;
                c.3 = v;
            }
            _ => clusters.push((v * w, w, 1, v)),
        }
    }
    let mut out: Vec<(f32, f32)> = Vec::new();
    for (pos, weight) in clusters.into_iter().map(|c| (c.0 / c.1, c.1)) {
        match out.last_mut() {
            Some(prev) if pos - prev.0 < 2.0 * tol => {
                if weight > prev.1 {
                    *prev = (pos, weight);
                }
            }
            _ => out.push((pos, weight)),
        }
    }
    out.into_iter().map(|(pos, _)| pos).collect()
}

/// The fraction of the span `from..to` covered by the rulings that lie at `pos`.
fn coverage(lines: &[Ruling], pos: f32, from: f32, to: f32, tol: f32) -> f32 {
    let mut parts: Vec<(f32, f32)> = lines
        .iter()
        .filter(|l| (l.pos - pos).abs() <= tol)
        .map(|l| (l.start.max(from), l.end.min(to)))
        .filter(|(a, b)| b > a)
        .collect();
    parts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut covered, mut reach) = (0.0, from);
    for (a, b) in parts {
        let a = a.max(reach);
        if b > a {
            covered += b - a;
            reach = b;
        }
    }
    let span = to - from;
    if span <= 0.0 {
        1.0
    } else {
        // The two crossing lines take up `tol` at each end; don't count them against.
        (covered / (span - tol).max(span * 0.5)).min(1.0)
    }
}

/// One cell per set of joined grid positions. A set that is not a rectangle
/// (borders drawn in an odd pattern) is split back into single positions, so
/// the grid stays consistent.
pub(super) fn cells_from_sets(sets: &mut DisjointSets, nr: usize, nc: usize) -> Vec<Cell> {
    let mut bounds: std::collections::HashMap<usize, (usize, usize, usize, usize, usize)> =
        std::collections::HashMap::new();
    for r in 0..nr {
        for c in 0..nc {
            let root = sets.find(r * nc + c);
            let e = bounds.entry(root).or_insert((r, c, r, c, 0));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
            e.4 += 1;
        }
    }
    let mut cells = Vec::new();
    let mut taken = vec![false; nr * nc];
    let mut roots: Vec<_> = bounds.into_iter().collect();
    roots.sort_by_key(|(_, b)| (b.0, b.1));
    for (_, (r0, c0, r1, c1, count)) in roots {
        let area = (r1 - r0 + 1) * (c1 - c0 + 1);
        let free = (r0..=r1).all(|r| (c0..=c1).all(|c| !taken[r * nc + c]));
        if area == count && free {
            for r in r0..=r1 {
                for c in c0..=c1 {
                    taken[r * nc + c] = true;
                }
            }
            cells.push(Cell {
                row: r0 as u32,
                col: c0 as u32,
                rowspan: (r1 - r0 + 1) as u32,
                colspan: (c1 - c0 + 1) as u32,
            });
        }
    }
    // Whatever is left (odd shapes) becomes single cells.
    for r in 0..nr {
        for c in 0..nc {
            if !taken[r * nc + c] {
                cells.push(Cell {
                    row: r as u32,
                    col: c as u32,
                    rowspan: 1,
                    colspan: 1,
                });
            }
        }
    }
    cells.sort_by_key(|c| (c.row, c.col));
    cells
}

/// Union-find over 0..n.
pub(super) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub(super) fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub(super) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f32 = 2.5;

    fn no_text(_: &Rect, _: &Rect) -> bool {
        false
    }

    /// A full grid over the given boundaries, with every separating line drawn
    /// except those listed in `missing_right` (r, c) and `missing_below` (r, c).
    fn drawn_grid(
        ys: &[f32],
        xs: &[f32],
        missing_right: &[(usize, usize)],
        missing_below: &[(usize, usize)],
    ) -> Rulings {
        let mut r = Rulings::default();
        let (nr, nc) = (ys.len() - 1, xs.len() - 1);
        for (i, &y) in ys.iter().enumerate() {
            for c in 0..nc {
                let inner = i > 0 && i < nr;
                if !(inner && missing_below.contains(&(i - 1, c))) {
                    r.horizontal.push(Ruling::new(y, xs[c], xs[c + 1]));
                }
            }
        }
        for (j, &x) in xs.iter().enumerate() {
            for row in 0..nr {
                let inner = j > 0 && j < nc;
                if !(inner && missing_right.contains(&(row, j - 1))) {
                    r.vertical.push(Ruling::new(x, ys[row], ys[row + 1]));
                }
            }
        }
        r
    }

    fn assert_close(got: &[f32], want: &[f32]) {
        assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
        assert!(
            got.iter().zip(want).all(|(a, b)| (a - b).abs() < 0.01),
            "{got:?} vs {want:?}"
        );
    }

    fn spans(grid: &Grid) -> Vec<(u32, u32, u32, u32)> {
        grid.cells
            .iter()
            .filter(|c| c.rowspan > 1 || c.colspan > 1)
            .map(|c| (c.row, c.col, c.rowspan, c.colspan))
            .collect()
    }

    #[test]
    fn full_grid_gives_single_cells() {
        let r = drawn_grid(
            &[100.0, 120.0, 140.0, 160.0],
            &[50.0, 150.0, 250.0],
            &[],
            &[],
        );
        let t = ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text);
        assert_eq!(t.len(), 1);
        assert_close(&t[0].grid.rows, &[100.0, 120.0, 140.0, 160.0]);
        assert_close(&t[0].grid.cols, &[50.0, 150.0, 250.0]);
        assert_eq!(t[0].grid.cells.len(), 6);
        assert_eq!(t[0].border_coverage(), 1.0);
    }

    #[test]
    fn missing_lines_make_spans() {
        // A header "2024" over columns 1-2, and "Region" over rows 0-1.
        let ys = [0.0, 20.0, 40.0, 60.0, 80.0];
        let xs = [0.0, 80.0, 140.0, 200.0];
        let r = drawn_grid(&ys, &xs, &[(0, 1)], &[(0, 0)]);
        let t = &ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text)[0];
        assert!(t.grid.is_consistent());
        assert_eq!(spans(&t.grid), vec![(0, 0, 2, 1), (0, 1, 1, 2)]);
    }

    #[test]
    fn lines_without_outer_frame_still_bound_the_table() {
        // Only the inner vertical is drawn; horizontals give the left and right edges.
        let mut r = Rulings::default();
        for y in [0.0, 20.0, 40.0] {
            r.horizontal.push(Ruling::new(y, 10.0, 210.0));
        }
        r.vertical.push(Ruling::new(110.0, 0.0, 40.0));
        let t = &ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text)[0];
        assert_close(&t.grid.cols, &[10.0, 110.0, 210.0]);
        assert_eq!(t.grid.row_count(), 2);
    }

    #[test]
    fn on_a_scan_a_rule_broken_by_grain_parts_rows_whose_text_lies_apart() {
        // A header row over a body row, in two columns; the line under the
        // header drawn whole under the first column, only a third of the
        // way under the second (grain broke it).
        let ys = [0.0, 30.0, 50.0];
        let xs = [0.0, 100.0, 200.0];
        let mut r = drawn_grid(&ys, &xs, &[], &[(0, 1)]);
        r.horizontal.push(Ruling::new(30.0, 100.0, 135.0));
        let apart = |_: &Rect, _: &Rect| true;
        let scan = &ruled_tables(&r, TOL, 2, 2, LineEnds::FrameOnly, &apart)[0];
        assert_eq!(spans(&scan.grid), vec![]);
        // Text running across the line's place is one cell's.
        let scan = &ruled_tables(&r, TOL, 2, 2, LineEnds::FrameOnly, &no_text)[0];
        assert_eq!(spans(&scan.grid), vec![(0, 1, 2, 1)]);
    }

    #[test]
    fn on_a_scan_only_the_outermost_line_ends_are_boundaries() {
        // The frame-less grid above, with a stray piece of rule from 60 to
        // 140 across the column line (a shaded cell's edge, a rule broken by
        // grain).
        let mut r = Rulings::default();
        for y in [0.0, 20.0, 40.0] {
            r.horizontal.push(Ruling::new(y, 10.0, 210.0));
        }
        r.horizontal.push(Ruling::new(30.0, 60.0, 140.0));
        r.vertical.push(Ruling::new(110.0, 0.0, 40.0));
        let drawn = &ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text)[0];
        assert_close(&drawn.grid.cols, &[10.0, 60.0, 110.0, 140.0, 210.0]);
        let scan = &ruled_tables(&r, TOL, 2, 2, LineEnds::FrameOnly, &no_text)[0];
        assert_close(&scan.grid.cols, &[10.0, 110.0, 210.0]);
    }

    #[test]
    fn separate_tables_stay_separate_and_lone_lines_are_ignored() {
        let mut r = drawn_grid(&[0.0, 20.0, 40.0], &[0.0, 50.0, 100.0], &[], &[]);
        let other = drawn_grid(&[300.0, 320.0, 340.0], &[0.0, 50.0, 100.0], &[], &[]);
        r.horizontal.extend(other.horizontal);
        r.vertical.extend(other.vertical);
        r.horizontal.push(Ruling::new(200.0, 0.0, 500.0)); // a rule between paragraphs
        let t = ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text);
        assert_eq!(t.len(), 2);
        let b = t[1].bbox;
        assert_close(&[b.x0, b.y0, b.x1, b.y1], &[0.0, 300.0, 100.0, 340.0]);
    }

    #[test]
    fn one_framed_box_is_not_a_table() {
        let r = drawn_grid(&[0.0, 40.0], &[0.0, 300.0], &[], &[]);
        assert!(ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text).is_empty());
    }

    #[test]
    fn double_rules_are_one_boundary() {
        let mut r = drawn_grid(&[0.0, 20.0, 40.0], &[0.0, 50.0, 100.0], &[], &[]);
        r.horizontal.push(Ruling::new(41.5, 0.0, 100.0));
        let t = &ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text)[0];
        assert_eq!(t.grid.row_count(), 2);
    }

    /// A form: a frame of boxes down the page (a title, two fields side by
    /// side, a label), a table whose outer lines are the boxes' sides, and
    /// a box of remarks under it.
    fn form_with_a_table() -> Rulings {
        let mut r = Rulings::default();
        for y in [0.0, 30.0, 50.0, 70.0, 90.0, 110.0, 130.0, 170.0] {
            r.horizontal.push(Ruling::new(y, 0.0, 300.0));
        }
        r.vertical.push(Ruling::new(0.0, 0.0, 170.0));
        r.vertical.push(Ruling::new(300.0, 0.0, 170.0));
        r.vertical.push(Ruling::new(150.0, 30.0, 50.0)); // between the two fields
        r.vertical.push(Ruling::new(100.0, 70.0, 130.0)); // the table's columns
        r.vertical.push(Ruling::new(200.0, 70.0, 130.0));
        r
    }

    #[test]
    fn a_table_drawn_into_the_boxes_of_a_form_is_the_table_alone() {
        let t = ruled_tables(
            &form_with_a_table(),
            TOL,
            2,
            2,
            LineEnds::Boundaries,
            &no_text,
        );
        assert_eq!(t.len(), 1, "{t:?}");
        assert_close(&t[0].grid.rows, &[70.0, 90.0, 110.0, 130.0]);
        assert_close(&t[0].grid.cols, &[0.0, 100.0, 200.0, 300.0]);
        assert_eq!(t[0].border_coverage(), 1.0);
    }

    /// Rows 20 apart down to 120 over three columns, the rows `whole`
    /// drawn as one cell across: the rows of the tables found.
    fn tables_with_whole_rows(whole: &[usize]) -> Vec<Vec<f32>> {
        let ys = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0];
        let xs = [0.0, 100.0, 200.0, 300.0];
        let missing: Vec<(usize, usize)> = whole.iter().flat_map(|&r| [(r, 0), (r, 1)]).collect();
        let r = drawn_grid(&ys, &xs, &missing, &[]);
        let tables = ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text);
        tables.into_iter().map(|t| t.grid.rows).collect()
    }

    #[test]
    fn a_caption_and_section_rows_stay_in_the_table() {
        // A caption across the top, then columns, a section heading across,
        // and the same columns again.
        let tables = tables_with_whole_rows(&[0, 3]);
        assert_eq!(tables.len(), 1);
        assert_close(&tables[0], &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]);
    }

    #[test]
    fn a_section_heading_closing_a_table_stays_its_last_row() {
        // Columns, a section heading across, columns again, and at the
        // foot another heading across, its rows going on over the page:
        // one more row of the table (the box of remarks under a form's
        // table, with no heading among its rows, is no row of it).
        let tables = tables_with_whole_rows(&[2, 5]);
        assert_eq!(tables.len(), 1);
        assert_close(&tables[0], &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]);
    }

    #[test]
    fn tables_of_other_columns_between_boxes_are_tables_of_their_own() {
        // Two columns over two rows, a box across, three other columns.
        let mut r = Rulings::default();
        for y in [0.0, 20.0, 40.0, 70.0, 90.0, 110.0] {
            r.horizontal.push(Ruling::new(y, 0.0, 300.0));
        }
        r.vertical.push(Ruling::new(0.0, 0.0, 110.0));
        r.vertical.push(Ruling::new(300.0, 0.0, 110.0));
        r.vertical.push(Ruling::new(150.0, 0.0, 40.0));
        r.vertical.push(Ruling::new(80.0, 70.0, 110.0));
        r.vertical.push(Ruling::new(220.0, 70.0, 110.0));
        let t = ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text);
        assert_eq!(t.len(), 2);
        assert_close(&t[0].grid.cols, &[0.0, 150.0, 300.0]);
        assert_close(&t[1].grid.rows, &[70.0, 90.0, 110.0]);
        assert_close(&t[1].grid.cols, &[0.0, 80.0, 220.0, 300.0]);
    }

    #[test]
    fn a_header_over_one_note_across_stays_a_table() {
        // "No results": a header row, then one cell across.
        let r = drawn_grid(&[0.0, 20.0, 40.0], &[0.0, 100.0, 200.0], &[(1, 0)], &[]);
        let t = ruled_tables(&r, TOL, 2, 2, LineEnds::Boundaries, &no_text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].grid.row_count(), 2);
    }

    proptest! {
        /// Whatever lines are left out of a grid, the cells cover every
        /// position once, and each missing line joins the cells beside it.
        #[test]
        fn any_missing_lines_give_a_consistent_grid(
            nr in 2usize..6, nc in 2usize..6,
            heights in proptest::collection::vec(12.0f32..40.0, 6),
            widths in proptest::collection::vec(20.0f32..120.0, 6),
            missing in proptest::collection::vec((0usize..6, 0usize..6, any::<bool>()), 0..8),
        ) {
            let ys: Vec<f32> = std::iter::once(0.0).chain(heights[..nr].iter().scan(0.0, |a, h| { *a += h; Some(*a) })).collect();
            let xs: Vec<f32> = std::iter::once(0.0).chain(widths[..nc].iter().scan(0.0, |a, w| { *a += w; Some(*a) })).collect();
            let right: Vec<_> = missing.iter().filter(|m| m.2 && m.0 < nr && m.1 + 1 < nc).map(|m| (m.0, m.1)).collect();
            let below: Vec<_> = missing.iter().filter(|m| !m.2 && m.0 + 1 < nr && m.1 < nc).map(|m| (m.0, m.1)).collect();
            let r = drawn_grid(&ys, &xs, &right, &below);
            let tables = ruled_tables(&r, TOL, 1, 1, LineEnds::Boundaries, &no_text);
            // A row without column lines is a box across: the grid may be
            // cut there into tables of their own (`table_bands`).
            let boxes = (0..nr).any(|r| (0..nc - 1).all(|c| right.contains(&(r, c))));
            if boxes {
                prop_assert!(tables.iter().all(|t| t.grid.is_consistent()));
                return Ok(());
            }
            prop_assert_eq!(tables.len(), 1);
            let g = &tables[0].grid;
            prop_assert!(g.is_consistent());
            prop_assert!(g.row_count() <= nr && g.col_count() <= nc);
            // A boundary with no line in any column may be no boundary at all
            // (or survive through the ends of half-drawn lines): then the
            // positions below do not map one to one.
            let gone_rows = (0..nr - 1).any(|r| (0..nc).all(|c| below.contains(&(r, c))));
            let gone_cols = (0..nc - 1).any(|c| (0..nr).all(|r| right.contains(&(r, c))));
            if gone_rows || gone_cols {
                return Ok(());
            }
            prop_assert_eq!(g.row_count(), nr);
            prop_assert_eq!(g.col_count(), nc);
            let owner = g.cell_at_positions();
            for &(row, c) in &right {
                // joined unless the union would not have been a rectangle
                let joined = owner[row * nc + c] == owner[row * nc + c + 1];
                let single = g.cells[owner[row * nc + c]].rowspan == 1 && g.cells[owner[row * nc + c]].colspan == 1;
                prop_assert!(joined || single);
            }
            if right.is_empty() && below.is_empty() {
                prop_assert_eq!(g.cells.len(), nr * nc);
            }
        }
    }
}
