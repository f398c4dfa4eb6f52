//! Stitch, between the reorder buffer and the writer: a table that runs on
//! over a page break is found by detection as one table per page; this stage
//! makes it one table again, header once.
//!
//! Takes tables in table-index order and, for every page as it is detected,
//! the page's [`PageFrame`] and its tables' regions. Gives the same tables in
//! the same order, except that a table continued on the next page gets the
//! continuation's rows appended (a repeated header dropped) and the
//! continuation is not given on its own. The frame is measured in the worker
//! (`worker::frame`), which has the text layer; the parent only compares.
//!
//! A table continues on the next page when all of these hold:
//! - it is the last table of its page, the bottommost, ends in the lower
//!   part of the page, and nothing but a footer (a line or two) is below it;
//! - the next table is the first of the very next page, the topmost, starts
//!   in the upper part, and nothing but a running head is above it;
//! - both have the same number of columns, and either the same column
//!   boundaries relative to their left edge, or the next one begins with the
//!   first one's header rows;
//! - they do not each have a title of their own: a report's sections often
//!   hold a table each under a heading, headed alike, one after another
//!   (the next one's title may say it is the first one continued).
//!
//! Two similar tables each with a title or paragraph of its own, or one of
//! them in the middle of its page, stay apart.
//!
//! Invariants: tables leave in index order, each exactly once (a stitched
//! part as rows of the table it continues); at most one table is held back,
//! the last of a page until the first of the next is known; `finish` gives
//! it. Memory stays flat in the length of a table: a stitched table held
//! past `HOLD_ROWS` rows goes to the writer as it is, marked open, and its
//! further parts follow it as they come (the parent then holds its header
//! and where its last part sat, nothing more).

use std::collections::HashMap;

use crate::table::{
    Cell, ExtractedTable, Grid, OcrRead, PageFrame, TableIndex, TablePart, TableRegion,
};

/// The most lines of text a running head or footer takes. A title with a
/// paragraph under it is more: the table after it is a table of its own.
const MARGIN_LINES: u32 = 2;
/// A table that continues ends below this share of the page height; its
/// continuation starts above the same share from the bottom.
const LOWER_PART: f32 = 2.0 / 3.0;
/// How far column boundaries of two parts may differ, in points and as a
/// share of the table width (whichever is more): rulings are redrawn on
/// each page, text-layout columns move with their text.
const COLUMN_SLACK_PT: f32 = 6.0;
const COLUMN_SLACK_SHARE: f32 = 0.03;
/// A repeated header is at most this many rows.
const MAX_HEADER_ROWS: usize = 3;
/// The most rows of a stitched table held before it goes to the writer in
/// parts (a table over hundreds of pages runs to a million rows). Below it
/// a stitched table is written whole, knowing its pages from the start.
const HOLD_ROWS: usize = 20_000;

/// What the stitcher knows of a detected page.
struct PageInfo {
    frame: Option<PageFrame>,
    tables: u32,
    /// Top of the topmost table and bottom of the bottommost.
    top: f32,
    bottom: f32,
}

/// A table that may continue on the next page.
struct Held {
    /// The table so far; `None` once it went to the writer, open.
    table: Option<ExtractedTable>,
    /// Its last part: where it sits, and its own index.
    tail: TableRegion,
    tail_index: TableIndex,
    /// Its first rows, to tell a header repeated on the next page.
    header: Vec<Vec<String>>,
    /// The title above its first part.
    title: Option<String>,
}

impl Held {
    fn new(table: ExtractedTable) -> Held {
        Held {
            tail: table.region.clone(),
            tail_index: table.index,
            header: table.rows.iter().take(MAX_HEADER_ROWS).cloned().collect(),
            title: table.caption.title.clone(),
            table: Some(table),
        }
    }

    /// What is left to give the writer when the table ends.
    fn release(self) -> Option<TablePart> {
        self.table.map(|table| TablePart {
            table,
            continues: false,
            open: false,
        })
    }
}

pub struct Stitcher {
    enabled: bool,
    pages: HashMap<u32, PageInfo>,
    held: Option<Held>,
}

impl Stitcher {
    /// A stitcher; when not `enabled` it passes every table straight on.
    pub fn new(enabled: bool) -> Stitcher {
        Stitcher {
            enabled,
            pages: HashMap::new(),
            held: None,
        }
    }

    /// Detection of `page` found `tables`, sitting on the page as `frame`
    /// says (`None`: not known, so nothing on the page is stitched).
    pub fn page_detected(&mut self, page: u32, frame: Option<PageFrame>, tables: &[TableRegion]) {
        self.pages.insert(
            page,
            PageInfo {
                frame,
                tables: tables.len() as u32,
                top: tables
                    .iter()
                    .map(|t| t.bbox.y0)
                    .fold(f32::INFINITY, f32::min),
                bottom: tables
                    .iter()
                    .map(|t| t.bbox.y1)
                    .fold(f32::NEG_INFINITY, f32::max),
            },
        );
    }

    /// Takes the next table in index order; gives what is ready for the
    /// writer: nothing, a held table and this one, or a part of a long one.
    pub fn push(&mut self, table: ExtractedTable) -> Vec<TablePart> {
        let mut out = Vec::new();
        let current = match self.held.take() {
            Some(mut held) => match self.continuation(&held, &table) {
                Some(repeated) => {
                    held.tail = table.region.clone();
                    held.tail_index = table.index;
                    let rest = drop_top_rows(table, repeated);
                    match held.table.as_mut() {
                        Some(whole) => {
                            append(whole, rest);
                            if whole.rows.len() > HOLD_ROWS {
                                out.push(TablePart {
                                    table: held.table.take().expect("matched above"),
                                    continues: false,
                                    open: true,
                                });
                            }
                        }
                        None => out.push(TablePart {
                            table: rest,
                            continues: true,
                            open: true,
                        }),
                    }
                    held
                }
                None => {
                    out.extend(held.release());
                    Held::new(table)
                }
            },
            None => Held::new(table),
        };
        let page = current.tail_index.page;
        if self.enabled && self.ends_page(&current.tail, current.tail_index) {
            self.held = Some(current);
        } else {
            out.extend(current.release());
        }
        // Earlier pages are not asked about again.
        self.pages.retain(|&p, _| p >= page);
        out
    }

    /// The held table, if any: call when all tables are in.
    pub fn finish(&mut self) -> Option<TablePart> {
        self.held.take().and_then(Held::release)
    }

    /// When `next` continues `held`: how many rows at its top repeat the
    /// header and are to be dropped.
    fn continuation(&self, held: &Held, next: &ExtractedTable) -> Option<usize> {
        if next.index.page != held.tail_index.page + 1
            || !self.starts_page(&next.region, next.index)
        {
            return None;
        }
        let (a, b) = (&held.tail.grid, &next.region.grid);
        if a.col_count() != b.col_count() || a.col_count() == 0 {
            return None;
        }
        if let (Some(first), Some(title)) = (&held.title, &next.caption.title) {
            // The line the held part's page starts with, again on the next
            // page right above the table, is a running head.
            let running_head = (self.pages.get(&held.tail_index.page))
                .and_then(|p| p.frame.as_ref()?.first_line.as_deref())
                .is_some_and(|head| same_head(head, title));
            if !running_head && !says_continued(title) && fold_space(first) != fold_space(title) {
                return None;
            }
        }
        let repeated = repeated_header_rows(&held.header, &next.rows);
        (repeated > 0 || same_columns(a, b)).then_some(repeated)
    }

    /// The table at `index` is the last thing on its page but a footer, low
    /// on the page.
    fn ends_page(&self, region: &TableRegion, index: TableIndex) -> bool {
        let Some(page) = self.pages.get(&index.page) else {
            return false;
        };
        let Some(frame) = &page.frame else {
            return false;
        };
        let bounds = frame.bounds;
        index.ordinal + 1 == page.tables
            && region.bbox.y1 >= page.bottom - PageFrame::EDGE_SLACK
            && frame.lines_below <= MARGIN_LINES
            && region.bbox.y1 - bounds.y0 >= LOWER_PART * bounds.height()
    }

    /// The table at `index` is the first thing on its page but a running
    /// head, high on the page.
    fn starts_page(&self, region: &TableRegion, index: TableIndex) -> bool {
        let Some(page) = self.pages.get(&index.page) else {
            return false;
        };
        let Some(frame) = &page.frame else {
            return false;
        };
        let bounds = frame.bounds;
        index.ordinal == 0
            && region.bbox.y0 <= page.top + PageFrame::EDGE_SLACK
            && frame.lines_above <= MARGIN_LINES
            && bounds.y1 - region.bbox.y0 >= LOWER_PART * bounds.height()
    }
}

/// How many rows at the top of `next` repeat the top rows of `first`, text
/// compared with whitespace folded. Only rows with text count, and never
/// all of `next`: a part that is nothing but a header is no continuation.
fn repeated_header_rows(first: &[Vec<String>], next: &[Vec<String>]) -> usize {
    let fold = |row: &[String]| -> Vec<String> { row.iter().map(|c| fold_space(c)).collect() };
    let mut n = 0;
    while n < MAX_HEADER_ROWS && n + 1 < next.len() && n < first.len() {
        let (a, b) = (fold(&first[n]), fold(&next[n]));
        if a != b || a.iter().all(String::is_empty) {
            break;
        }
        n += 1;
    }
    n
}

/// A title that marks a table's later part: `Table 3 (continued)`,
/// `Table 3 cont'd`, `续表 3`.
fn says_continued(title: &str) -> bool {
    let title = title.to_lowercase();
    ["continued", "cont'd", "contd", "(cont", "续"]
        .iter()
        .any(|mark| title.contains(mark))
}

/// Two running heads alike but for their numbers (a page number, a date).
fn same_head(a: &str, b: &str) -> bool {
    let fold = |text: &str| -> String {
        let letters = text.chars().filter(|c| !c.is_whitespace());
        let mut folded = String::new();
        for c in letters {
            if !(c.is_ascii_digit() && folded.ends_with('#')) {
                folded.push(if c.is_ascii_digit() { '#' } else { c });
            }
        }
        folded
    };
    fold(a) == fold(b)
}

/// `text` with its runs of whitespace as single spaces, none at the ends.
fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The same column boundaries, measured from each table's left edge: the
/// continuation may sit further left or right (mirrored page margins).
fn same_columns(a: &Grid, b: &Grid) -> bool {
    let (Some(&a0), Some(&b0)) = (a.cols.first(), b.cols.first()) else {
        return false;
    };
    let width = (a.cols.last().unwrap_or(&a0) - a0).max(b.cols.last().unwrap_or(&b0) - b0);
    let slack = COLUMN_SLACK_PT.max(COLUMN_SLACK_SHARE * width);
    a.cols.len() == b.cols.len()
        && a.cols
            .iter()
            .zip(&b.cols)
            .all(|(x, y)| ((x - a0) - (y - b0)).abs() <= slack)
}

/// `table` without its first `n` rows: a header repeated on the page it
/// continues on. A span reaching out of the dropped rows keeps its lower part.
fn drop_top_rows(mut table: ExtractedTable, n: usize) -> ExtractedTable {
    if n == 0 {
        return table;
    }
    let grid = &mut table.region.grid;
    let n = n.min(grid.row_count());
    let dropped = n as u32;
    grid.rows.drain(..n);
    grid.cells.retain(|c| c.row + c.rowspan > dropped);
    for cell in &mut grid.cells {
        let bottom = cell.row + cell.rowspan;
        cell.row = cell.row.max(dropped) - dropped;
        cell.rowspan = bottom - dropped - cell.row;
    }
    table.rows.drain(..n.min(table.rows.len()));
    if let Some(read) = &mut table.ocr {
        read.unsure.retain(|&(r, _)| r >= dropped);
        for (r, _) in &mut read.unsure {
            *r -= dropped;
        }
    }
    table
}

/// Appends the rows of `next` to `table`. The grid's row boundaries run on
/// below the earlier parts with the continuation's spacing: they are
/// positions on no single page, only ascending, which is all the writer
/// needs of them.
fn append(table: &mut ExtractedTable, next: ExtractedTable) {
    let grid = &mut table.region.grid;
    let base = grid.row_count() as u32;
    // Rows and grid agree on the row count; pad so spans stay aligned if not.
    table.rows.resize(grid.row_count(), Vec::new());
    let more = &next.region.grid;
    if let (Some(&end), Some(&start)) = (grid.rows.last(), more.rows.first()) {
        grid.rows
            .extend(more.rows.iter().skip(1).map(|y| end + (y - start)));
    }
    grid.cells.extend(more.cells.iter().map(|cell| Cell {
        row: cell.row + base,
        ..*cell
    }));
    let mut rows = next.rows;
    rows.resize(more.row_count(), Vec::new());
    let (before, added) = (base as f32, rows.len() as f32);
    table.rows.extend(rows);
    table.last_page = next.last_page;
    // A part read by OCR makes the whole table one read by OCR; its cells
    // move down with its rows, and the confidence is the parts' by rows.
    if let Some(read) = next.ocr {
        let confidence = match &table.ocr {
            Some(first) => {
                (first.confidence * before + read.confidence * added) / (before + added).max(1.0)
            }
            None => read.confidence,
        };
        let first = table.ocr.get_or_insert(OcrRead {
            confidence,
            unsure: Vec::new(),
        });
        first.confidence = confidence;
        first
            .unsure
            .extend(read.unsure.into_iter().map(|(r, c)| (r + base, c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Evidence;
    use crate::table::Rect;

    const PAGE: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 595.0,
        y1: 842.0,
    };

    /// A table on `page` from `top` down with the given column boundaries:
    /// `header` (if any) then `body` rows of "r<n>" cells, 18 points each.
    fn part(
        page: u32,
        ordinal: u32,
        top: f32,
        cols: &[f32],
        header: bool,
        body: usize,
    ) -> ExtractedTable {
        let mut rows: Vec<Vec<String>> = Vec::new();
        if header {
            rows.push((0..cols.len() - 1).map(|c| format!("Head {c}")).collect());
        }
        for r in 0..body {
            rows.push(
                (0..cols.len() - 1)
                    .map(|c| format!("p{page} r{r} c{c}"))
                    .collect(),
            );
        }
        let bounds: Vec<f32> = (0..=rows.len()).map(|r| top + 18.0 * r as f32).collect();
        let grid = Grid::uniform(bounds.clone(), cols.to_vec());
        ExtractedTable {
            ocr: None,
            index: TableIndex { page, ordinal },
            region: TableRegion {
                bbox: Rect::new(cols[0], top, *cols.last().unwrap(), *bounds.last().unwrap()),
                grid,
                evidence: Evidence::Ruled,
                confidence: 1.0,
            },
            rows,
            last_page: page,
            caption: Default::default(),
        }
    }

    fn frame(lines_above: u32, lines_below: u32) -> Option<PageFrame> {
        Some(PageFrame {
            bounds: PAGE,
            lines_above,
            lines_below,
            first_line: None,
        })
    }

    /// Runs pages of (frame, tables) through a stitcher; gives the parts.
    fn stitch_parts(
        enabled: bool,
        pages: Vec<(Option<PageFrame>, Vec<ExtractedTable>)>,
    ) -> Vec<TablePart> {
        let mut s = Stitcher::new(enabled);
        let mut out = Vec::new();
        for (frame, tables) in pages {
            let page = tables[0].index.page;
            let regions: Vec<TableRegion> = tables.iter().map(|t| t.region.clone()).collect();
            s.page_detected(page, frame, &regions);
            for t in tables {
                out.extend(s.push(t));
            }
        }
        out.extend(s.finish());
        out
    }

    /// The tables the writer gets, parts put back together.
    fn stitch(
        enabled: bool,
        pages: Vec<(Option<PageFrame>, Vec<ExtractedTable>)>,
    ) -> Vec<ExtractedTable> {
        let mut tables: Vec<ExtractedTable> = Vec::new();
        for part in stitch_parts(enabled, pages) {
            match tables.last_mut() {
                Some(last) if part.continues => append(last, part.table),
                _ => tables.push(part.table),
            }
        }
        tables
    }

    const COLS: [f32; 5] = [56.0, 126.0, 276.0, 376.0, 476.0];

    #[test]
    fn a_table_with_a_repeated_header_becomes_one_header_once() {
        let first = part(3, 0, 120.0, &COLS, true, 36);
        // The next page's part sits 10 points further right: mirrored margins.
        let shifted: Vec<f32> = COLS.iter().map(|x| x + 10.0).collect();
        let second = part(4, 0, 50.0, &shifted, true, 12);
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![first]), (frame(1, 2), vec![second])],
        );
        assert_eq!(out.len(), 1);
        let t = &out[0];
        assert_eq!(
            (t.index.page, t.last_page, t.pages_label().as_str()),
            (3, 4, "3-4")
        );
        assert_eq!(t.rows.len(), 1 + 36 + 12, "the repeated header is dropped");
        assert_eq!(t.rows[0][0], "Head 0");
        assert_eq!(t.rows[37][0], "p4 r0 c0");
        assert_eq!(t.region.grid.row_count(), t.rows.len());
        assert!(t.region.grid.is_consistent());
        assert!(t.region.grid.rows.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn three_parts_without_a_repeated_header_are_one_table() {
        let pages = vec![
            (frame(3, 1), vec![part(1, 0, 120.0, &COLS, true, 36)]),
            (frame(0, 1), vec![part(2, 0, 50.0, &COLS, false, 40)]),
            (frame(0, 3), vec![part(3, 0, 50.0, &COLS, false, 9)]),
        ];
        let out = stitch(true, pages);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rows.len(), 1 + 36 + 40 + 9);
        assert_eq!(out[0].last_page, 3);
        assert_eq!(out[0].rows[1 + 36 + 40][2], "p3 r0 c2");
        assert!(out[0].region.grid.is_consistent());
    }

    #[test]
    fn unrelated_tables_on_consecutive_pages_stay_apart() {
        let ledger = || part(1, 0, 120.0, &COLS, true, 36);
        // As many columns, other boundaries, its own header.
        let mut staff = part(2, 0, 50.0, &[56.0, 216.0, 336.0, 396.0, 476.0], true, 6);
        staff.rows[0] = ["Name", "Team", "Hours", "Rate"].map(String::from).to_vec();
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![ledger()]), (frame(0, 2), vec![staff])],
        );
        assert_eq!(out.len(), 2, "other columns");

        let wider = part(
            2,
            0,
            50.0,
            &[56.0, 126.0, 276.0, 376.0, 476.0, 536.0],
            false,
            6,
        );
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![ledger()]), (frame(0, 2), vec![wider])],
        );
        assert_eq!(out.len(), 2, "another column count");

        let titled = part(2, 0, 110.0, &COLS, false, 6);
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![ledger()]), (frame(4, 2), vec![titled])],
        );
        assert_eq!(out.len(), 2, "a title and a paragraph above the second");
    }

    #[test]
    fn sections_each_under_a_heading_stay_apart_unless_it_says_continued() {
        let titled = |page: u32, top: f32, body: usize, title: &str| {
            let mut t = part(page, 0, top, &COLS, true, body);
            t.caption.title = Some(title.to_owned());
            t
        };
        let sections = |second: &str| {
            stitch(
                true,
                vec![
                    (frame(3, 0), vec![titled(1, 420.0, 20, "Heavy metals")]),
                    (frame(1, 1), vec![titled(2, 60.0, 12, second)]),
                ],
            )
        };
        assert_eq!(sections("Pesticides").len(), 2, "a heading of its own");
        assert_eq!(sections("Heavy  metals").len(), 1, "the title repeated");
        assert_eq!(sections("Heavy metals (continued)").len(), 1);
        // A part without a title (a running head too far above) runs on.
        let out = stitch(
            true,
            vec![
                (frame(3, 0), vec![titled(1, 420.0, 20, "Heavy metals")]),
                (frame(1, 1), vec![part(2, 0, 60.0, &COLS, true, 12)]),
            ],
        );
        assert_eq!(out.len(), 1);
        // The running head over both pages is no title of the second part.
        let headed = |page: u32, lines_above: u32| {
            let mut f = frame(lines_above, 0);
            if let Some(f) = f.as_mut() {
                f.first_line = Some(format!("Annual report 2018 {page}"));
            }
            f
        };
        let out = stitch(
            true,
            vec![
                (headed(4, 3), vec![titled(4, 420.0, 20, "Heavy metals")]),
                (
                    headed(5, 1),
                    vec![titled(5, 60.0, 12, "Annual report 2018 5")],
                ),
            ],
        );
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn a_table_in_the_middle_of_the_next_page_is_not_a_continuation() {
        let first = part(1, 0, 120.0, &COLS, true, 36);
        let middle = part(2, 0, 400.0, &COLS, false, 6);
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![first]), (frame(0, 2), vec![middle])],
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_table_that_ends_mid_page_or_before_text_or_another_table_is_not_continued() {
        let next = || part(2, 0, 50.0, &COLS, false, 6);
        let short = part(1, 0, 120.0, &COLS, true, 10); // ends at 318 of 842
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![short]), (frame(0, 2), vec![next()])],
        );
        assert_eq!(out.len(), 2, "ends mid-page");

        let long = || part(1, 0, 120.0, &COLS, true, 36);
        let out = stitch(
            true,
            vec![(frame(3, 5), vec![long()]), (frame(0, 2), vec![next()])],
        );
        assert_eq!(out.len(), 2, "a paragraph below it");

        // Two tables side by side at the bottom: the right one is last in
        // reading order; a table above it on its page does not matter, but
        // the first of the page is not the last.
        let mut two = vec![part(1, 0, 120.0, &COLS, true, 36), long()];
        two[1].index.ordinal = 1;
        let out = stitch(true, vec![(frame(3, 1), two), (frame(0, 2), vec![next()])]);
        assert_eq!(out.len(), 2, "only one of two parts takes the continuation");
        assert_eq!(out[1].rows.len(), 37 + 6);
    }

    #[test]
    fn pages_that_are_not_consecutive_or_without_a_frame_are_not_stitched() {
        let first = || part(1, 0, 120.0, &COLS, true, 36);
        let out = stitch(
            true,
            vec![
                (frame(3, 1), vec![first()]),
                (frame(0, 2), vec![part(3, 0, 50.0, &COLS, true, 6)]),
            ],
        );
        assert_eq!(out.len(), 2, "page 2 lies between");
        let out = stitch(
            true,
            vec![
                (None, vec![first()]),
                (frame(0, 2), vec![part(2, 0, 50.0, &COLS, true, 6)]),
            ],
        );
        assert_eq!(out.len(), 2, "no frame");
    }

    #[test]
    fn switched_off_every_table_passes_as_it_came() {
        let pages = vec![
            (frame(3, 1), vec![part(1, 0, 120.0, &COLS, true, 36)]),
            (frame(1, 2), vec![part(2, 0, 50.0, &COLS, true, 12)]),
        ];
        let out = stitch(false, pages);
        let pages: Vec<u32> = out.iter().map(|t| t.index.page).collect();
        assert_eq!(pages, [1, 2]);
    }

    #[test]
    fn a_span_out_of_a_dropped_header_keeps_its_lower_part() {
        let first = part(1, 0, 120.0, &COLS, true, 36);
        let mut second = part(2, 0, 50.0, &COLS, true, 4);
        // The header's first cell reaches down into the first body row.
        second
            .region
            .grid
            .cells
            .retain(|c| !(c.col == 0 && c.row <= 1));
        second.region.grid.cells.push(Cell {
            row: 0,
            col: 0,
            rowspan: 2,
            colspan: 1,
        });
        second.rows[1][0] = String::new();
        let out = stitch(
            true,
            vec![(frame(3, 1), vec![first]), (frame(1, 2), vec![second])],
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].region.grid.is_consistent());
        assert_eq!(out[0].rows.len(), 37 + 4);
    }

    #[test]
    fn a_table_too_long_to_hold_goes_out_in_parts_as_it_comes() {
        // 40 pages of 1,000 rows: past HOLD_ROWS the stitcher holds no rows.
        let mut s = Stitcher::new(true);
        let mut parts = Vec::new();
        let mut most_held = 0;
        for page in 1..=40u32 {
            let t = part(page, 0, 50.0, &COLS, page == 1, 1000);
            s.page_detected(page, frame(0, 1), std::slice::from_ref(&t.region));
            parts.extend(s.push(t));
            let held = s.held.as_ref().and_then(|h| h.table.as_ref());
            most_held = most_held.max(held.map_or(0, |t| t.rows.len()));
        }
        parts.extend(s.finish());
        assert!(most_held <= HOLD_ROWS + 1000, "held {most_held} rows");
        assert!(parts[0].open && !parts[0].continues);
        assert!(parts[1..].iter().all(|p| p.continues && p.open));
        let rows: usize = parts.iter().map(|p| p.table.rows.len()).sum();
        assert_eq!(rows, 1 + 40 * 1000, "every row, once");
        assert_eq!(parts.last().unwrap().table.last_page, 40);
    }
}
