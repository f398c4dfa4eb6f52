//! The nouns every stage shares: page geometry, a table's region and cell grid,
//! and the key that orders tables in the document.
//!
//! Coordinates are PDF points in MuPDF's page space: origin at the top left of
//! the page as displayed (rotation applied), y growing downwards.

use serde::{Deserialize, Serialize};

/// An axis-aligned rectangle in page points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        Rect { x0, y0, x1, y1 }
    }

    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    /// Whether `other` lies within this rectangle, give or take `slack`
    /// points on each side.
    pub fn holds(&self, other: &Rect, slack: f32) -> bool {
        other.x0 >= self.x0 - slack
            && other.x1 <= self.x1 + slack
            && other.y0 >= self.y0 - slack
            && other.y1 <= self.y1 + slack
    }

    pub fn union(&self, other: &Rect) -> Rect {
        Rect::new(
            self.x0.min(other.x0),
            self.y0.min(other.y0),
            self.x1.max(other.x1),
            self.y1.max(other.y1),
        )
    }
}

/// The slots k of ascending `bounds` with bounds[k] <= v <= bounds[k + 1]:
/// one, or two where v is a boundary, or none outside.
fn closed_slots(bounds: &[f32], v: f32) -> std::ops::Range<usize> {
    if bounds.len() < 2 {
        return 0..0;
    }
    let start = bounds.partition_point(|&b| b < v).saturating_sub(1);
    let end = bounds.partition_point(|&b| b <= v).min(bounds.len() - 1);
    start..end.max(start)
}

/// Where a table sits in the document; tables are written in this order.
/// `page` is 1-based as users count; `ordinal` counts tables on that page in
/// reading order (top to bottom, then left to right), from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TableIndex {
    pub page: u32,
    pub ordinal: u32,
}

impl std::fmt::Display for TableIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "page {} table {}", self.page, self.ordinal + 1)
    }
}

/// One cell of a grid: its top-left position and how many rows and columns it
/// covers. Every position of a grid is covered by exactly one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub row: u32,
    pub col: u32,
    pub rowspan: u32,
    pub colspan: u32,
}

/// A table's structure: row and column boundaries (n + 1 positions for n rows
/// or columns, ascending) and the cells laid over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub rows: Vec<f32>,
    pub cols: Vec<f32>,
    pub cells: Vec<Cell>,
}

impl Grid {
    pub fn row_count(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    pub fn col_count(&self) -> usize {
        self.cols.len().saturating_sub(1)
    }

    /// A grid of single cells over the given boundaries.
    pub fn uniform(rows: Vec<f32>, cols: Vec<f32>) -> Grid {
        let (nr, nc) = (rows.len().saturating_sub(1), cols.len().saturating_sub(1));
        let cells = (0..nr)
            .flat_map(|r| {
                (0..nc).map(move |c| Cell {
                    row: r as u32,
                    col: c as u32,
                    rowspan: 1,
                    colspan: 1,
                })
            })
            .collect();
        Grid { rows, cols, cells }
    }

    /// The page rectangle a cell covers.
    pub fn cell_rect(&self, cell: &Cell) -> Rect {
        let (r, c) = (cell.row as usize, cell.col as usize);
        Rect::new(
            self.cols[c],
            self.rows[r],
            self.cols[c + cell.colspan as usize],
            self.rows[r + cell.rowspan as usize],
        )
    }

    /// For every grid position (row-major), the index into `cells` that covers it.
    pub fn cell_at_positions(&self) -> Vec<usize> {
        let nc = self.col_count();
        let mut owner = vec![usize::MAX; self.row_count() * nc];
        for (i, cell) in self.cells.iter().enumerate() {
            for r in cell.row..cell.row + cell.rowspan {
                for c in cell.col..cell.col + cell.colspan {
                    owner[r as usize * nc + c as usize] = i;
                }
            }
        }
        owner
    }

    /// For each cell, the indices of the points (x, y) its rectangle holds,
    /// edges included (a point on a boundary is in the cells either side),
    /// in the points' order: each cell's `cell_rect` filtering the points,
    /// in one pass over them.
    pub fn points_by_cell(&self, points: impl Iterator<Item = (f32, f32)>) -> Vec<Vec<usize>> {
        let nc = self.col_count();
        let owner = self.cell_at_positions();
        let mut held: Vec<Vec<usize>> = vec![Vec::new(); self.cells.len()];
        for (i, (x, y)) in points.enumerate() {
            for r in closed_slots(&self.rows, y) {
                for c in closed_slots(&self.cols, x) {
                    let Some(cell) = held.get_mut(owner[r * nc + c]) else {
                        continue; // a position no cell covers
                    };
                    if cell.last() != Some(&i) {
                        cell.push(i);
                    }
                }
            }
        }
        held
    }

    /// Drops the inner boundaries that every cell spans across: no cell
    /// starts or ends at them, so they part nothing (the end of a rule short
    /// of its line, the edge of a fill beside one) and would only put an
    /// empty column or row into the workbook.
    pub fn drop_unused_boundaries(&mut self) {
        for k in (1..self.col_count() as u32).rev() {
            if self.cells.iter().all(|c| c.col != k) {
                self.remove_column(k, false);
            }
        }
        for k in (1..self.row_count() as u32).rev() {
            if self.cells.iter().all(|c| c.row != k) {
                self.remove_row(k, false);
            }
        }
    }

    /// Takes column `k` out: cells only in it go, cells across it narrow,
    /// cells right of it move left. Its width goes to the column on its
    /// left, or with `rightward` (and for the first column) to the one on
    /// its right.
    pub fn remove_column(&mut self, k: u32, rightward: bool) {
        remove_line(&mut self.cols, &mut self.cells, k, rightward, |c| {
            (&mut c.col, &mut c.colspan)
        });
    }

    /// Takes row `k` out, as `remove_column` a column; its height goes to
    /// the row above, or with `downward` (and for the first row) below.
    pub fn remove_row(&mut self, k: u32, downward: bool) {
        remove_line(&mut self.rows, &mut self.cells, k, downward, |c| {
            (&mut c.row, &mut c.rowspan)
        });
    }

    /// Keeps the first `rows` rows, the last of them ending at `y` (at its
    /// top or below): cells reaching further end there.
    pub fn end_at(&mut self, rows: usize, y: f32) {
        if rows == 0 || rows > self.row_count() {
            return;
        }
        self.rows.truncate(rows);
        self.rows.push(y.max(self.rows[rows - 1]));
        self.cells.retain(|c| (c.row as usize) < rows);
        for cell in &mut self.cells {
            cell.rowspan = cell.rowspan.min(rows as u32 - cell.row);
        }
    }

    /// Parts row `r` at `y` (inside it): each cell of the row alone becomes
    /// two, one above the other; cells reaching over the row from above or
    /// into the rows below span both parts.
    pub fn split_row(&mut self, r: u32, y: f32) {
        let k = r as usize;
        if k + 1 >= self.rows.len() || !(self.rows[k] < y && y < self.rows[k + 1]) {
            return;
        }
        self.rows.insert(k + 1, y);
        let mut lower = Vec::new();
        for cell in &mut self.cells {
            if cell.row > r {
                cell.row += 1;
            } else if cell.row == r && cell.rowspan == 1 {
                lower.push(Cell {
                    row: r + 1,
                    ..*cell
                });
            } else if cell.row + cell.rowspan > r {
                cell.rowspan += 1;
            }
        }
        self.cells.extend(lower);
    }

    /// Puts rows of single cells on top: `tops` are the new rows' top
    /// boundaries, the first the grid's new top, then each the next's; the
    /// grid's first row now starts at `first_top`.
    pub fn add_rows_above(&mut self, tops: &[f32], first_top: f32) {
        if self.rows.len() < 2 || first_top >= self.rows[1] {
            return;
        }
        let added = tops.len() as u32;
        for cell in &mut self.cells {
            cell.row += added;
        }
        let cols = self.col_count() as u32;
        self.cells.extend((0..added).flat_map(|row| {
            (0..cols).map(move |col| Cell {
                row,
                col,
                rowspan: 1,
                colspan: 1,
            })
        }));
        self.rows[0] = first_top;
        self.rows.splice(0..0, tops.iter().copied());
    }

    /// Puts a column in front, from `left` to `cut` (where the first column
    /// now starts): its cells span the given runs of rows, (first row,
    /// count), and are single cells elsewhere.
    pub fn add_column_in_front(&mut self, left: f32, cut: f32, spans: &[(u32, u32)]) {
        if self.cols.len() < 2 || cut >= self.cols[1] || left >= cut {
            return;
        }
        for cell in &mut self.cells {
            cell.col += 1;
        }
        let rows = self.row_count() as u32;
        let mut row = 0;
        for &(first, count) in spans.iter().filter(|s| s.0 < rows && s.1 > 0) {
            let count = count.min(rows - first);
            if first < row {
                continue;
            }
            self.cells.extend((row..first).map(|row| Cell {
                row,
                col: 0,
                rowspan: 1,
                colspan: 1,
            }));
            self.cells.push(Cell {
                row: first,
                col: 0,
                rowspan: count,
                colspan: 1,
            });
            row = first + count;
        }
        self.cells.extend((row..rows).map(|row| Cell {
            row,
            col: 0,
            rowspan: 1,
            colspan: 1,
        }));
        self.cols[0] = cut;
        self.cols.insert(0, left);
    }

    /// True when every position is covered by exactly one cell and every cell
    /// lies inside the grid.
    pub fn is_consistent(&self) -> bool {
        let (nr, nc) = (self.row_count() as u32, self.col_count() as u32);
        let mut seen = vec![0u8; (nr * nc) as usize];
        for cell in &self.cells {
            if cell.rowspan == 0 || cell.colspan == 0 {
                return false;
            }
            if cell.row + cell.rowspan > nr || cell.col + cell.colspan > nc {
                return false;
            }
            for r in cell.row..cell.row + cell.rowspan {
                for c in cell.col..cell.col + cell.colspan {
                    seen[(r * nc + c) as usize] += 1;
                }
            }
        }
        seen.iter().all(|&n| n == 1)
    }
}

/// `Grid::remove_column` or `remove_row` over `bounds`, with `axis` giving
/// a cell's start and span along them.
fn remove_line(
    bounds: &mut Vec<f32>,
    cells: &mut Vec<Cell>,
    k: u32,
    onward: bool,
    axis: impl Fn(&mut Cell) -> (&mut u32, &mut u32),
) {
    if bounds.len() <= 2 || k as usize + 1 >= bounds.len() {
        return; // the only one, or none
    }
    // The boundary before the line, or after it (giving its extent to the
    // next line); the last line can only give to the one before.
    let after = (onward || k == 0) && (k as usize + 2) < bounds.len();
    let boundary = if after { k as usize + 1 } else { k as usize };
    bounds.remove(boundary);
    cells.retain_mut(|c| {
        let (start, span) = axis(c);
        !(*start == k && *span == 1)
    });
    for cell in cells.iter_mut() {
        let (start, span) = axis(cell);
        if *start > k {
            *start -= 1;
        } else if *start + *span > k {
            *span -= 1;
        }
    }
}

/// What a table was found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Rows and columns both separated by drawn lines.
    Ruled,
    /// Columns from the layout of the text; rows or the frame from horizontal
    /// rules or shaded bands.
    PartiallyRuled,
    /// From the layout of the text alone.
    TextLayout,
}

impl Evidence {
    /// How the evidence is named to users (the workbook's index sheet).
    pub fn as_str(&self) -> &'static str {
        match self {
            Evidence::Ruled => "ruled",
            Evidence::PartiallyRuled => "partially ruled",
            Evidence::TextLayout => "text layout",
        }
    }
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A table found on a page: where it is and how its cells are laid out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRegion {
    pub bbox: Rect,
    pub grid: Grid,
    pub evidence: Evidence,
    /// How sure detection is that this is a table, from 0 to 1.
    pub confidence: f32,
}

/// How a page's tables sit on it, which is what tells a table that runs on
/// over a page break: the page's bounds, and how many lines of text lie
/// above its topmost table and below its bottommost one (a running head or
/// footer is a line or two; a title and a paragraph are more), and the
/// page's first line of text when it lies above the tables: a running head
/// is the same on the next page, where it is no title of that page's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageFrame {
    pub bounds: Rect,
    pub lines_above: u32,
    pub lines_below: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_line: Option<String>,
}

impl PageFrame {
    /// How far a line may reach into a table and still count as outside it,
    /// in points (glyph boxes are taller than their ink).
    pub const EDGE_SLACK: f32 = 1.0;
}

/// The text of a table, row by row: `rows[r][c]` holds the text of the cell
/// whose top-left position is (r, c) and "" for positions a span covers.
///
/// A table that continues over pages is one `ExtractedTable` once stitched:
/// it keeps the index (and region) of its first part, `last_page` says
/// where it ends, and its grid's rows run on through all parts.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedTable {
    pub index: TableIndex,
    pub region: TableRegion,
    pub rows: Vec<Vec<String>>,
    /// The page the table ends on: `index.page` unless it continues.
    pub last_page: u32,
    /// Set when the table's text was read by OCR from a scanned page.
    pub ocr: Option<OcrRead>,
    /// The title printed above the table and the notes below it.
    pub caption: Caption,
}

/// The text printed around a table that belongs to it: a title line or two
/// right above (`Table 3. Exports by country`) and notes right below
/// (`Source: ...`, `* provisional`), each note one line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Caption {
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.notes.is_empty()
    }
}

/// How OCR read a table: the mean confidence of its characters (0 to 1),
/// and the cells (row, column) holding a character it was unsure of.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrRead {
    pub confidence: f32,
    pub unsure: Vec<(u32, u32)>,
}

/// What the writer takes, in order: a table whole, or a long table that
/// continues over pages in parts, as they come (so that memory stays flat
/// in the length of a table).
#[derive(Debug, Clone, PartialEq)]
pub struct TablePart {
    /// This part's rows and cells; for the first part, the table's index.
    pub table: ExtractedTable,
    /// Its rows continue the table of the part before.
    pub continues: bool,
    /// Further parts of the table may follow (its last page is not known yet).
    pub open: bool,
}

impl ExtractedTable {
    /// The pages the table covers as users read them: "3", or "3-5".
    pub fn pages_label(&self) -> String {
        if self.last_page > self.index.page {
            format!("{}-{}", self.index.page, self.last_page)
        } else {
            self.index.page.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: u32, col: u32, rowspan: u32, colspan: u32) -> Cell {
        Cell {
            row,
            col,
            rowspan,
            colspan,
        }
    }

    /// Three rows, two columns; the first row one cell over both, the left
    /// cell of rows 1 and 2 one.
    fn spanned_grid() -> Grid {
        Grid {
            rows: vec![0.0, 10.0, 20.0, 30.0],
            cols: vec![0.0, 50.0, 100.0],
            cells: vec![
                cell(0, 0, 1, 2),
                cell(1, 0, 2, 1),
                cell(1, 1, 1, 1),
                cell(2, 1, 1, 1),
            ],
        }
    }

    #[test]
    fn points_by_cell_are_what_each_cells_rectangle_holds() {
        // Points inside, on inner and outer boundaries, at corners and
        // outside.
        let grid = spanned_grid();
        let mut points = Vec::new();
        for x in [-1.0, 0.0, 25.0, 50.0, 75.0, 100.0, 101.0] {
            for y in [-1.0, 0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 31.0] {
                points.push((x, y));
            }
        }
        let held = grid.points_by_cell(points.iter().copied());
        for (cell, held) in grid.cells.iter().zip(&held) {
            let r = grid.cell_rect(cell);
            let filtered: Vec<usize> = (0..points.len())
                .filter(|&i| r.contains(points[i].0, points[i].1))
                .collect();
            assert_eq!(*held, filtered, "{cell:?}");
        }
        assert!(Grid::uniform(vec![0.0], vec![0.0, 1.0])
            .points_by_cell([(0.0, 0.0)].into_iter())
            .is_empty());
    }

    #[test]
    fn a_row_split_parts_its_cells_and_lengthens_those_over_it() {
        let mut grid = spanned_grid();
        grid.split_row(0, 4.0);
        grid.split_row(3, 25.0);
        grid.split_row(1, 30.0); // not inside the row: nothing
        assert_eq!(grid.rows, vec![0.0, 4.0, 10.0, 20.0, 25.0, 30.0]);
        let mut cells = grid.cells.clone();
        cells.sort_by_key(|c| (c.row, c.col));
        assert_eq!(
            cells,
            vec![
                cell(0, 0, 1, 2),
                cell(1, 0, 1, 2),
                cell(2, 0, 3, 1),
                cell(2, 1, 1, 1),
                cell(3, 1, 1, 1),
                cell(4, 1, 1, 1),
            ]
        );
        assert!(grid.is_consistent());
    }

    #[test]
    fn boundaries_every_cell_spans_are_dropped() {
        // Four columns; the boundary at 30 is crossed by every cell (two
        // header cells over it, every body cell over it too), and the row
        // boundary at 15 by every cell of the two rows it parts.
        let mut grid = Grid {
            rows: vec![0.0, 10.0, 15.0, 20.0, 30.0],
            cols: vec![0.0, 20.0, 30.0, 50.0, 60.0],
            cells: vec![
                cell(0, 0, 1, 1),
                cell(0, 1, 1, 3),
                cell(1, 0, 2, 1),
                cell(1, 1, 2, 2),
                cell(1, 3, 2, 1),
                cell(3, 0, 1, 1),
                cell(3, 1, 1, 2),
                cell(3, 3, 1, 1),
            ],
        };
        assert!(grid.is_consistent());
        grid.drop_unused_boundaries();
        assert!(grid.is_consistent());
        assert_eq!(grid.cols, vec![0.0, 20.0, 50.0, 60.0]);
        assert_eq!(grid.rows, vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(grid.cells[1], cell(0, 1, 1, 2), "the header keeps its span");
        assert_eq!(grid.cells[3], cell(1, 1, 1, 1));
        assert_eq!(grid.cells[7], cell(2, 2, 1, 1));

        let mut plain = Grid::uniform(vec![0.0, 1.0, 2.0], vec![0.0, 1.0, 2.0]);
        let before = plain.clone();
        plain.drop_unused_boundaries();
        assert_eq!(plain, before, "every boundary used");
    }

    #[test]
    fn a_column_or_row_taken_out_leaves_a_consistent_grid() {
        // A header over columns 1-2, column 1 otherwise single cells, a
        // cell two rows high in it.
        let grid = Grid {
            rows: vec![0.0, 10.0, 20.0, 30.0],
            cols: vec![0.0, 20.0, 25.0, 50.0],
            cells: vec![
                cell(0, 0, 1, 1),
                cell(0, 1, 1, 2),
                cell(1, 0, 1, 1),
                cell(1, 1, 2, 1),
                cell(1, 2, 1, 1),
                cell(2, 0, 1, 1),
                cell(2, 2, 1, 1),
            ],
        };
        let mut g = grid.clone();
        g.remove_column(1, false);
        assert!(g.is_consistent());
        assert_eq!(g.cols, vec![0.0, 25.0, 50.0], "its width to the left");
        assert_eq!(g.cells.len(), 6);
        assert_eq!(g.cells[1], cell(0, 1, 1, 1), "the header narrows");
        let mut g = grid.clone();
        g.remove_column(0, false);
        assert!(g.is_consistent());
        assert_eq!(
            g.cols,
            vec![0.0, 25.0, 50.0],
            "the first one's to the right"
        );
        let mut g = grid.clone();
        g.remove_column(1, true);
        assert!(g.is_consistent());
        assert_eq!(g.cols, vec![0.0, 20.0, 50.0], "or to the right");
        let mut g = grid.clone();
        g.remove_row(2, false);
        assert!(g.is_consistent());
        assert_eq!(g.rows, vec![0.0, 10.0, 30.0]);
        assert_eq!(g.cells[3], cell(1, 1, 1, 1), "the tall cell shortens");
        let mut one = Grid::uniform(vec![0.0, 1.0], vec![0.0, 1.0]);
        one.remove_column(0, false);
        one.remove_row(0, true);
        assert_eq!(
            one,
            Grid::uniform(vec![0.0, 1.0], vec![0.0, 1.0]),
            "the only one stays"
        );
    }
}
