//! Stage 5, write: the one owner of the workbook. It takes tables in
//! table-index order (the reorder buffer guarantees it) and writes them
//! either stacked on one sheet (a caption row above each, a blank row
//! between) or one sheet each, behind an `Index` sheet that comes first and
//! links to every table.
//!
//! What lands in a cell: numbers and ISO dates typed by [`crate::numbers`]
//! with a number format that shows them as the PDF did, everything else as
//! text (never a formula); spanning cells as merged ranges with their value
//! top left; wrapped text with wrap on; header rows bold (and frozen on a
//! table's own sheet); columns as wide as their content within bounds.
//!
//! Invariants: rows of a sheet are written top to bottom, never revisited,
//! which rust_xlsxwriter's constant-memory mode needs (the index sheet is an
//! ordinary one, filled at the end). No sheet gets more rows than
//! `max_rows`: a table that does not fit continues on a further sheet, and
//! the index says so. The workbook is saved under a temporary name beside
//! the target and renamed when complete, so a failed or interrupted run
//! never leaves a half-written file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    row_col_to_cell, ExcelDateTime, Format, FormatAlign, Url, Workbook, XlsxError,
};

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use crate::config::OutputConfig;
use crate::error::Error;
use crate::excel;
use crate::numbers::{self, DecimalMark, MarkEvidence, Typed};
use crate::table::{Evidence, ExtractedTable, TableIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// All tables on one sheet, each under a caption row, a blank row between.
    OneSheet,
    /// A sheet per table, named `p<page>-t<n>`.
    SheetPerTable,
}

pub struct WorkbookWriter {
    workbook: Workbook,
    layout: Layout,
    target: PathBuf,
    /// Rows a sheet may take; Excel's limit, lowered by tests.
    max_rows: u32,
    sheet_names: Vec<String>,
    /// The sheet tables are being written to.
    sheet: Option<SheetCursor>,
    index: Vec<IndexEntry>,
    /// Pages that gave no tables, and why.
    page_notes: Vec<(u32, String)>,
    /// Which decimal mark the document uses, from all cells seen so far.
    marks: MarkEvidence,
    /// Whether numbers of a decimal-comma document are written as numbers
    /// (shown in the reader's locale) or kept as the text the PDF shows.
    decimal_comma_numbers: bool,
    formats: Formats,
}

const INDEX_SHEET: &str = "Index";
const ONE_SHEET_NAME: &str = "Tables";
/// Column widths in Excel's character units: narrow columns stay readable,
/// a long paragraph does not push the rest of the table off screen.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

impl WorkbookWriter {
    pub fn new(target: &Path, layout: Layout) -> WorkbookWriter {
        let mut workbook = Workbook::new();
        // The index is filled last but must come first: an ordinary sheet,
        // which (unlike a constant-memory one) can be written at any time.
        workbook
            .add_worksheet()
            .set_name(INDEX_SHEET)
            .expect("a valid sheet name");
        let mut writer = WorkbookWriter {
            workbook,
            layout,
            target: target.to_owned(),
            max_rows: excel::MAX_ROWS,
            sheet_names: vec![INDEX_SHEET.to_owned()],
            sheet: None,
            index: Vec::new(),
            page_notes: Vec::new(),
            marks: MarkEvidence::default(),
            decimal_comma_numbers: false,
            formats: Formats::default(),
        };
        if layout == Layout::OneSheet {
            writer
                .open_sheet(ONE_SHEET_NAME)
                .expect("a valid sheet name");
        }
        writer
    }

    /// The same writer, writing the numbers of a document that uses a
    /// decimal comma as numbers (true) or as the text shown (false, the default).
    pub fn with_decimal_comma_numbers(mut self, numbers: bool) -> Self {
        self.decimal_comma_numbers = numbers;
        self
    }

    /// The same writer with sheets of at most `rows` rows, so tests can see
    /// tables continue on further sheets without writing a million rows.
    #[cfg(test)]
    pub(crate) fn with_max_rows(mut self, rows: u32) -> Self {
        self.max_rows = rows.clamp(4, excel::MAX_ROWS);
        self
    }

    /// Writes the next table, in table-index order.
    /// Has the index say why a page gave nothing; listed after the tables.
    pub fn note_page(&mut self, page: u32, note: String) {
        self.page_notes.push((page, note));
    }

    pub fn write_table(&mut self, table: &ExtractedTable) -> Result<(), Error> {
        self.place_table(table).map_err(|e| self.error(e))
    }

    fn place_table(&mut self, table: &ExtractedTable) -> Result<(), XlsxError> {
        let plan = TablePlan::new(table, &mut self.marks, self.decimal_comma_numbers);
        let base = format!("p{}-t{}", table.index.page, table.index.ordinal + 1);
        match self.layout {
            Layout::SheetPerTable => {
                self.open_sheet(&base)?;
            }
            Layout::OneSheet => {
                let cursor = self.sheet.as_mut().expect("the one sheet is open");
                if cursor.next_row > 0 {
                    cursor.next_row += 1; // the blank row between tables
                }
                // The caption and the header go on the same sheet as the
                // first body row.
                let needed = 2 + plan.header_rows as u32;
                if cursor.next_row + needed > self.max_rows {
                    self.open_sheet(ONE_SHEET_NAME)?;
                }
            }
        }
        let mut entry = self.index_entry(table, &plan, 1);
        self.caption(table, 1)?;
        let repeat_header = plan.header_rows > 0 && (plan.header_rows as u32) * 2 < self.max_rows;
        let mut part = 1;
        for r in 0..plan.rows.len() {
            if self.cursor().next_row >= self.max_rows {
                part += 1;
                let wanted = match self.layout {
                    Layout::SheetPerTable => format!("{base} ({part})"),
                    Layout::OneSheet => ONE_SHEET_NAME.to_owned(),
                };
                let name = self.open_sheet(&wanted)?;
                entry.notes.push(format!("continues on {name}"));
                let previous = std::mem::replace(&mut entry, self.index_entry(table, &plan, part));
                entry
                    .notes
                    .push(format!("continued from {}", previous.sheet));
                self.index.push(previous);
                self.caption(table, part)?;
                if repeat_header && r >= plan.header_rows {
                    for h in 0..plan.header_rows {
                        self.write_row(&plan, h)?;
                    }
                    self.freeze(plan.header_rows)?;
                }
            }
            if part == 1 && r == plan.header_rows {
                self.freeze(plan.header_rows)?;
            }
            self.write_row(&plan, r)?;
            entry.rows += 1;
        }
        self.index.push(entry);
        Ok(())
    }

    fn cursor(&mut self) -> &mut SheetCursor {
        self.sheet.as_mut().expect("a sheet is open")
    }

    /// Starts a new constant-memory sheet named after `wanted`, closing the
    /// current one; returns the name it got.
    fn open_sheet(&mut self, wanted: &str) -> Result<String, XlsxError> {
        self.close_sheet()?;
        let name = excel::sheet_name(wanted, &self.sheet_names);
        self.sheet_names.push(name.clone());
        let position = self.workbook.worksheets_mut().len();
        self.workbook
            .add_worksheet_with_constant_memory()
            .set_name(&name)?;
        self.sheet = Some(SheetCursor {
            position,
            name: name.clone(),
            next_row: 0,
            widths: Vec::new(),
        });
        Ok(name)
    }

    /// Sets the column widths of the current sheet. Widths are written when
    /// the workbook is saved, so they may come after the rows.
    fn close_sheet(&mut self) -> Result<(), XlsxError> {
        if let Some(cursor) = self.sheet.take() {
            let sheet = self.workbook.worksheet_from_index(cursor.position)?;
            for (col, &width) in cursor.widths.iter().enumerate() {
                let width = (width + 2).clamp(MIN_WIDTH, MAX_WIDTH);
                sheet.set_column_width(col as u16, width as f64)?;
            }
        }
        Ok(())
    }

    /// One-sheet layout: the row above a table that says which it is, and
    /// which pages it covers when it continues over pages.
    fn caption(&mut self, table: &ExtractedTable, part: u32) -> Result<(), XlsxError> {
        if self.layout != Layout::OneSheet {
            return Ok(());
        }
        let pages = match table.last_page > table.index.page {
            true => format!("Pages {}", table.pages_label()),
            false => format!("Page {}", table.index.page),
        };
        let ordinal = table.index.ordinal + 1;
        let text = match part {
            1 => format!("{pages}, table {ordinal}"),
            _ => format!("{pages}, table {ordinal} (continued)"),
        };
        let format = self.formats.caption.clone();
        let cursor = self.sheet.as_mut().expect("a sheet is open");
        self.workbook
            .worksheet_from_index(cursor.position)?
            .write_string_with_format(cursor.next_row, 0, &text, &format)?;
        cursor.next_row += 1;
        Ok(())
    }

    /// Sheet-per-table layout: keeps the header rows in view.
    fn freeze(&mut self, header_rows: usize) -> Result<(), XlsxError> {
        if self.layout != Layout::SheetPerTable || header_rows == 0 {
            return Ok(());
        }
        let position = self.cursor().position;
        self.workbook
            .worksheet_from_index(position)?
            .set_freeze_panes(header_rows as u32, 0)?;
        Ok(())
    }

    /// Writes row `r` of a table at the current sheet's next row. Spanning
    /// cells are cut at the sheet's last row and the table's last column.
    fn write_row(&mut self, plan: &TablePlan, r: usize) -> Result<(), XlsxError> {
        let max_rows = self.max_rows;
        let cursor = self.sheet.as_mut().expect("a sheet is open");
        let sheet = self.workbook.worksheet_from_index(cursor.position)?;
        let row = cursor.next_row;
        let bold = r < plan.header_rows;
        for (c, cell) in plan.rows[r].iter().enumerate() {
            let col = c as u16;
            let format = self
                .formats
                .get(cell.num_format(), bold, cell.wraps(), cell.unsure);
            let (rowspan, colspan) = cell.span;
            let last_row = (row + rowspan - 1).min(max_rows - 1);
            let last_col = (c + colspan as usize - 1).min(plan.cols - 1) as u16;
            let merged = (last_row, last_col) != (row, col);
            if merged {
                let text = match &cell.value {
                    Value::Text(t) => t.as_str(),
                    _ => "",
                };
                sheet.merge_range(row, col, last_row, last_col, text, format)?;
            } else if colspan == 1 {
                let widths = &mut cursor.widths;
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(cell.width);
            }
            // A merged range holds its value top left: text went in with the
            // range, a number or date is written over it.
            match &cell.value {
                Value::Empty => {}
                Value::Text(_) if merged => {}
                Value::Text(t) => {
                    sheet.write_string_with_format(row, col, t, format)?;
                }
                Value::Number(v, _) => {
                    sheet.write_number_with_format(row, col, *v, format)?;
                }
                Value::Date(d) => {
                    sheet.write_datetime_with_format(row, col, d, format)?;
                }
            }
        }
        cursor.next_row += 1;
        Ok(())
    }

    fn index_entry(&self, table: &ExtractedTable, plan: &TablePlan, part: u32) -> IndexEntry {
        let cursor = self.sheet.as_ref().expect("a sheet is open");
        IndexEntry {
            table: table.index,
            last_page: table.last_page,
            part,
            sheet: cursor.name.clone(),
            first_row: cursor.next_row,
            rows: 0,
            cols: plan.cols,
            evidence: table.region.evidence,
            confidence: table.region.confidence,
            notes: if part == 1 {
                plan.notes.clone()
            } else {
                Vec::new()
            },
        }
    }

    /// Fills the index, then saves to a temporary name beside the target and
    /// renames it into place.
    pub fn finish(mut self) -> Result<(), Error> {
        let filled = self.close_sheet().and_then(|()| self.fill_index());
        filled.map_err(|e| self.error(e))?;
        let temp = temp_path(&self.target);
        if let Err(e) = self.workbook.save(&temp) {
            let _ = std::fs::remove_file(&temp);
            return Err(self.error(e));
        }
        std::fs::rename(&temp, &self.target).map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            Error::Io {
                path: self.target.clone(),
                source,
            }
        })
    }

    /// The index sheet: a row per table (per part of a table that continues
    /// on a further sheet) with a link to where it starts.
    fn fill_index(&mut self) -> Result<(), XlsxError> {
        let bold = self.formats.get(None, true, false, false).clone();
        let two_places = self.formats.get(Some("0.00"), false, false, false).clone();
        let link_label = |e: &IndexEntry, layout: Layout| match layout {
            Layout::SheetPerTable => e.sheet.clone(),
            Layout::OneSheet => format!("{}!{}", e.sheet, row_col_to_cell(e.first_row, 0)),
        };
        let layout = self.layout;
        let sheet = self.workbook.worksheet_from_index(0)?;
        let location = match layout {
            Layout::SheetPerTable => "Sheet",
            Layout::OneSheet => "Starts at",
        };
        let headers = [
            "Table",
            "Page",
            location,
            "Rows",
            "Columns",
            "Found by",
            "Confidence",
            "Note",
        ];
        let mut widths: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        if self.index.is_empty() {
            sheet.write_string(1, 0, "No tables were found.")?;
        }
        // The index itself must fit on its sheet; past that, say how many more.
        let room = (excel::MAX_ROWS - 2) as usize;
        for (i, e) in self.index.iter().take(room).enumerate() {
            let row = i as u32 + 1;
            let mut name = format!("Page {}, table {}", e.table.page, e.table.ordinal + 1);
            if e.part > 1 {
                name.push_str(&format!(" (part {})", e.part));
            }
            let label = link_label(e, layout);
            let target = format!(
                "internal:'{}'!{}",
                e.sheet.replace('\'', "''"),
                row_col_to_cell(e.first_row, 0)
            );
            let note = e.notes.join("; ");
            sheet.write_string(row, 0, &name)?;
            // A number for one page, as users filter on it; "3-5" for a
            // table that continues over pages.
            if e.last_page > e.table.page {
                sheet.write_string(row, 1, format!("{}-{}", e.table.page, e.last_page))?;
            } else {
                sheet.write_number(row, 1, e.table.page)?;
            }
            sheet.write_url_with_text(row, 2, Url::new(target), &label)?;
            sheet.write_number(row, 3, e.rows as u32)?;
            sheet.write_number(row, 4, e.cols as u32)?;
            sheet.write_string(row, 5, e.evidence.as_str())?;
            // Rounded: an f32 widened to f64 shows noise in the last places.
            let confidence = (f64::from(e.confidence) * 1000.0).round() / 1000.0;
            sheet.write_number_with_format(row, 6, confidence, &two_places)?;
            if !note.is_empty() {
                sheet.write_string(row, 7, &note)?;
            }
            for (c, text) in [name, label, e.evidence.to_string(), note]
                .iter()
                .zip([0, 2, 5, 7])
                .map(|(t, c)| (c, t))
            {
                widths[c] = widths[c].max(display_width(text));
            }
        }
        // After the tables, or after the line saying there are none.
        let mut next = self.index.len().min(room).max(1) as u32 + 1;
        if self.index.len() > room {
            let more = self.index.len() - room;
            sheet.write_string(next, 0, format!("... and {more} more"))?;
            next += 1;
        }
        // Pages that gave nothing for a reason the user can act on.
        self.page_notes.sort();
        for (page, note) in self.page_notes.iter().take(100) {
            let name = format!("Page {page}: not read");
            sheet.write_string(next, 0, &name)?;
            sheet.write_number(next, 1, *page)?;
            sheet.write_string(next, 7, note)?;
            widths[0] = widths[0].max(display_width(&name));
            widths[7] = widths[7].max(display_width(note));
            next += 1;
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w + 2).clamp(MIN_WIDTH, MAX_WIDTH) as f64)?;
        }
        Ok(())
    }

    fn error(&self, e: XlsxError) -> Error {
        Error::Write {
            path: self.target.clone(),
            message: e.to_string(),
        }
    }
}

/// The sheet being written and what it has taken so far.
struct SheetCursor {
    /// Where the sheet sits in the workbook.
    position: usize,
    name: String,
    next_row: u32,
    /// Widest content per column, in characters.
    widths: Vec<usize>,
}

/// One row of the index sheet.
struct IndexEntry {
    table: TableIndex,
    /// The page the table ends on, after `table.page` when it continues.
    last_page: u32,
    /// 1, or 2, 3 ... for the parts of a table that continues on further sheets.
    part: u32,
    sheet: String,
    first_row: u32,
    rows: usize,
    cols: usize,
    evidence: Evidence,
    confidence: f32,
    notes: Vec<String>,
}

/// What one cell holds, ready for the sheet.
#[derive(Clone)]
enum Value {
    Empty,
    Text(String),
    /// A value and the number format that shows it as the PDF did.
    Number(f64, String),
    Date(ExcelDateTime),
}

#[derive(Clone)]
struct PlannedCell {
    value: Value,
    /// (rowspan, colspan) where a cell of the grid starts; (1, 1) elsewhere.
    span: (u32, u32),
    /// How wide the shown text is, in characters.
    width: usize,
    /// OCR read it with low confidence.
    unsure: bool,
}

impl PlannedCell {
    fn num_format(&self) -> Option<&str> {
        match &self.value {
            Value::Number(_, f) => Some(f),
            Value::Date(_) => Some(numbers::DATE_FORMAT),
            _ => None,
        }
    }

    fn wraps(&self) -> bool {
        matches!(&self.value, Value::Text(t) if t.contains('\n'))
    }
}

/// A table as it will be written: cells typed, header rows decided,
/// columns cut to what a sheet holds.
struct TablePlan {
    rows: Vec<Vec<PlannedCell>>,
    cols: usize,
    header_rows: usize,
    /// What was changed to respect Excel's limits, for the index.
    notes: Vec<String>,
}

impl TablePlan {
    fn new(table: &ExtractedTable, marks: &mut MarkEvidence, comma_numbers: bool) -> TablePlan {
        let grid = &table.region.grid;
        let all_cols = table
            .rows
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(grid.col_count());
        let cols = all_cols.min(excel::MAX_COLS as usize);
        let mut notes = Vec::new();
        if all_cols > cols {
            notes.push(format!(
                "columns after {} left out (the most a sheet holds)",
                excel::MAX_COLS
            ));
        }
        let mut cut = false;
        let texts: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|row| {
                (0..cols)
                    .map(|c| {
                        let raw = row.get(c).map_or("", String::as_str);
                        let text = excel::cell_text(raw);
                        cut |= raw.chars().count() > excel::MAX_CELL_CHARS
                            && text.chars().count() == excel::MAX_CELL_CHARS;
                        text
                    })
                    .collect()
            })
            .collect();
        if cut {
            notes.push(format!(
                "text cut to {} characters in a cell (the most a cell holds)",
                excel::MAX_CELL_CHARS
            ));
        }
        for text in texts.iter().flatten() {
            marks.add(text);
        }
        let mark = marks.mark();
        let mut spans = vec![vec![(1u32, 1u32); cols]; texts.len()];
        for cell in &grid.cells {
            if let Some(slot) = spans
                .get_mut(cell.row as usize)
                .and_then(|r| r.get_mut(cell.col as usize))
            {
                *slot = (cell.rowspan.max(1), cell.colspan.max(1));
            }
        }
        // Decimal-comma numbers stay text unless asked for: no number format
        // shows a decimal comma in every reader's locale.
        let keep_text = mark == DecimalMark::Comma && !comma_numbers;
        let typed: Vec<Vec<Typed>> = texts
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| match numbers::parse(t, mark) {
                        Typed::Number { .. } if keep_text => Typed::Text,
                        typed => typed,
                    })
                    .collect()
            })
            .collect();
        let header_rows = header_rows(&texts, &typed, &spans);
        let unsure: std::collections::HashSet<(u32, u32)> = table
            .ocr
            .iter()
            .flat_map(|read| read.unsure.iter().copied())
            .collect();
        if let Some(read) = &table.ocr {
            let mut note = format!(
                "read by OCR from a scanned page, confidence {:.2}",
                read.confidence
            );
            if !unsure.is_empty() {
                note.push_str(&format!(
                    "; {} cell{} it was unsure of filled yellow",
                    unsure.len(),
                    if unsure.len() == 1 { "" } else { "s" }
                ));
            }
            notes.insert(0, note);
        }
        let rows = texts
            .into_iter()
            .zip(typed)
            .zip(spans)
            .enumerate()
            .map(|(r, ((texts, typed), spans))| {
                texts
                    .into_iter()
                    .zip(typed)
                    .zip(spans)
                    .enumerate()
                    .map(|(c, ((text, typed), span))| PlannedCell {
                        width: display_width(&text),
                        value: value(text, typed, r < header_rows),
                        span,
                        unsure: unsure.contains(&(r as u32, c as u32)),
                    })
                    .collect()
            })
            .collect();
        TablePlan {
            rows,
            cols,
            header_rows,
            notes,
        }
    }
}

/// The value a cell is written as. In a header, a plain whole number is a
/// label (a year, a column number), not a quantity: it stays text.
fn value(text: String, typed: Typed, in_header: bool) -> Value {
    match typed {
        _ if text.is_empty() => Value::Empty,
        Typed::Number { format, .. } if in_header && format == "0" => Value::Text(text),
        Typed::Number { value, format } => Value::Number(value, format),
        Typed::Date { year, month, day } => match ExcelDateTime::from_ymd(year, month, day) {
            Ok(date) => Value::Date(date),
            Err(_) => Value::Text(text),
        },
        Typed::Text => Value::Text(text),
    }
}

/// How many rows at the top of a table are its header. The first row is
/// one when it groups columns (a cell spanning columns) or is mostly labels
/// (text, or plain whole numbers such as years); the header then extends
/// down to the bottom of every cell that starts in it. Never the whole table.
fn header_rows(texts: &[Vec<String>], typed: &[Vec<Typed>], spans: &[Vec<(u32, u32)>]) -> usize {
    if typed.len() < 2 {
        return 0;
    }
    let groups_columns = spans[0].iter().any(|&(_, colspan)| colspan > 1);
    let (mut filled, mut labels) = (0, 0);
    for (text, t) in texts[0].iter().zip(&typed[0]) {
        if text.is_empty() {
            continue;
        }
        filled += 1;
        if matches!(t, Typed::Text) || matches!(t, Typed::Number { format, .. } if format == "0") {
            labels += 1;
        }
    }
    if !groups_columns && (filled == 0 || labels * 2 < filled) {
        return 0;
    }
    let mut header = 1;
    loop {
        let bottom = spans[..header]
            .iter()
            .enumerate()
            .flat_map(|(r, row)| row.iter().map(move |&(rowspan, _)| r + rowspan as usize))
            .max()
            .unwrap_or(header);
        if bottom <= header {
            break;
        }
        header = bottom;
    }
    if header >= typed.len() {
        1
    } else {
        header
    }
}

/// How wide text shows, in characters of Excel's default font: East Asian
/// wide characters take two; a wrapped cell is as wide as its longest line.
fn display_width(text: &str) -> usize {
    text.lines()
        .map(|line| line.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum())
        .max()
        .unwrap_or(0)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The fill of a cell whose text OCR was unsure of: a highlighter's yellow.
const UNSURE_FILL: u32 = 0xFFF2A8;

/// The cell formats in use, made once each: rust_xlsxwriter compares
/// formats by value, but building one per cell would cost time.
struct Formats {
    made: HashMap<(Option<String>, bool, bool, bool), Format>,
    caption: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            made: HashMap::new(),
            caption: Format::new().set_bold().set_italic(),
        }
    }
}

impl Formats {
    /// `unsure`: the cell's text was read by OCR with low confidence; a
    /// yellow fill says so.
    fn get(&mut self, num_format: Option<&str>, bold: bool, wrap: bool, unsure: bool) -> &Format {
        self.made
            .entry((num_format.map(str::to_owned), bold, wrap, unsure))
            .or_insert_with(|| {
                let mut format = Format::new();
                if let Some(f) = num_format {
                    format = format.set_num_format(f);
                }
                if bold {
                    format = format.set_bold();
                }
                if wrap {
                    format = format.set_text_wrap().set_align(FormatAlign::Top);
                }
                if unsure {
                    format = format.set_background_color(UNSURE_FILL);
                }
                format
            })
    }
}

/// `dir/.name.xlsx.<pid>.tmp`: hidden, in the same folder (so the rename is
/// atomic), and unique to this process.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or("output.xlsx".into(), |n| n.to_string_lossy());
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// How many finished tables may queue for a writer thread: a slow disk holds
/// the pipeline back rather than letting tables pile up.
const WRITER_QUEUE: usize = 4;

/// The writer stage on a thread of its own: it owns the workbook for
/// `target` and takes tables, in order, through a short queue. When the queue
/// ends it finishes the workbook, unless `abandon` says the run was
/// interrupted; the thread answers whether a workbook was written.
/// What the writer thread is sent.
pub enum ToWriter {
    /// The next table, in index order.
    Table(ExtractedTable),
    /// Why a page gave no tables (a scanned page not read), for the index.
    PageNote(u32, String),
}

pub fn spawn_writer(
    target: &Path,
    output: &OutputConfig,
    abandon: fn() -> bool,
) -> (SyncSender<ToWriter>, JoinHandle<Result<bool, Error>>) {
    let layout = if output.sheet_per_table {
        Layout::SheetPerTable
    } else {
        Layout::OneSheet
    };
    let decimal_comma_numbers = output.decimal_comma_numbers;
    let (tx, rx) = sync_channel::<ToWriter>(WRITER_QUEUE);
    let target = target.to_owned();
    let handle = std::thread::spawn(move || {
        let mut writer =
            WorkbookWriter::new(&target, layout).with_decimal_comma_numbers(decimal_comma_numbers);
        for message in rx {
            match message {
                ToWriter::Table(table) => writer.write_table(&table)?,
                ToWriter::PageNote(page, note) => writer.note_page(page, note),
            }
        }
        if abandon() {
            return Ok(false);
        }
        writer.finish().map(|()| true)
    });
    (tx, handle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Cell, Grid, Rect, TableRegion};
    use calamine::{open_workbook, Data, Reader, Xlsx};

    /// A table of `rows` rows: a header "Item | Amount" over numbered rows,
    /// with the first two body rows' item cell spanning both.
    fn table(page: u32, rows: usize) -> ExtractedTable {
        let mut grid = Grid::uniform((0..=rows).map(|r| r as f32).collect(), vec![0.0, 1.0, 2.0]);
        grid.cells
            .retain(|c| !(c.col == 0 && (c.row == 1 || c.row == 2)));
        grid.cells.push(Cell {
            row: 1,
            col: 0,
            rowspan: 2,
            colspan: 1,
        });
        assert!(grid.is_consistent());
        let mut cells = vec![vec!["Item".to_owned(), "Amount".to_owned()]];
        for r in 1..rows {
            let item = if r == 2 {
                String::new()
            } else {
                format!("item {r}")
            };
            cells.push(vec![item, format!("{r},000")]);
        }
        ExtractedTable {
            ocr: None,
            index: TableIndex { page, ordinal: 0 },
            region: TableRegion {
                bbox: Rect::new(0.0, 0.0, 2.0, rows as f32),
                grid,
                evidence: Evidence::Ruled,
                confidence: 0.5,
            },
            rows: cells,
            last_page: page,
        }
    }

    fn write(
        layout: Layout,
        max_rows: u32,
        tables: &[ExtractedTable],
    ) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.xlsx");
        let mut writer = WorkbookWriter::new(&path, layout).with_max_rows(max_rows);
        for t in tables {
            writer.write_table(t).unwrap();
        }
        writer.finish().unwrap();
        (dir, path)
    }

    fn read(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
        let mut book: Xlsx<_> = open_workbook(path).unwrap();
        let names = book.sheet_names().to_owned();
        names
            .into_iter()
            .map(|name| {
                let range = book.worksheet_range(&name).unwrap();
                let rows = range.rows().map(<[Data]>::to_vec).collect();
                (name, rows)
            })
            .collect()
    }

    fn s(text: &str) -> Data {
        Data::String(text.to_owned())
    }

    #[test]
    fn a_table_longer_than_a_sheet_continues_on_further_sheets() {
        // 11 rows on sheets of 5: a header and 4 body rows, then the header
        // again and 4 more, then the header and the last 2.
        let (_dir, path) = write(Layout::SheetPerTable, 5, &[table(3, 11)]);
        let book = read(&path);
        let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Index", "p3-t1", "p3-t1 (2)", "p3-t1 (3)"]);
        let amounts: Vec<Vec<Data>> = book[1..]
            .iter()
            .map(|(_, rows)| rows.iter().map(|r| r[1].clone()).collect())
            .collect();
        let n = |v: f64| Data::Float(v);
        let header = s("Amount");
        assert_eq!(
            amounts,
            vec![
                vec![header.clone(), n(1000.0), n(2000.0), n(3000.0), n(4000.0)],
                vec![header.clone(), n(5000.0), n(6000.0), n(7000.0), n(8000.0)],
                vec![header, n(9000.0), n(10000.0)],
            ]
        );
        let index = &book[0].1;
        assert_eq!(index.len(), 4, "a row per part");
        assert_eq!(index[1][2], s("p3-t1"));
        assert_eq!(index[1][3], Data::Float(5.0));
        assert_eq!(index[1][7], s("continues on p3-t1 (2)"));
        assert_eq!(index[2][0], s("Page 3, table 1 (part 2)"));
        assert_eq!(
            index[2][7],
            s("continued from p3-t1; continues on p3-t1 (3)")
        );
        assert_eq!(index[3][7], s("continued from p3-t1 (2)"));
        assert_eq!(index[3][3], Data::Float(2.0));
    }

    #[test]
    fn one_sheet_layout_moves_to_a_new_sheet_when_the_next_table_does_not_fit() {
        let (_dir, path) = write(Layout::OneSheet, 12, &[table(1, 4), table(2, 6)]);
        let book = read(&path);
        let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Index", "Tables", "Tables (2)"]);
        assert_eq!(book[1].1[0][0], s("Page 1, table 1"));
        assert_eq!(book[1].1[6][0], s("Page 2, table 1"));
        assert_eq!(book[2].1[0][0], s("Page 2, table 1 (continued)"));
        assert_eq!(book[2].1[1][0], s("Item"), "the header is repeated");
        let index = &book[0].1;
        let starts: Vec<Data> = index[1..].iter().map(|r| r[2].clone()).collect();
        assert_eq!(
            starts,
            vec![s("Tables!A1"), s("Tables!A7"), s("Tables (2)!A1")]
        );
    }

    #[test]
    fn spans_cut_at_the_sheet_end_stay_valid_merges() {
        // Sheets of 4 rows put the item span (rows 1-2) at rows 3-4 of a
        // sheet whose last row is 3: it must be cut, not crash.
        let mut t = table(1, 6);
        t.rows.insert(0, vec!["Title".into(), String::new()]);
        t.region.grid = Grid::uniform((0..=7).map(|r| r as f32).collect(), vec![0.0, 1.0, 2.0]);
        t.region
            .grid
            .cells
            .retain(|c| !(c.col == 0 && (c.row == 3 || c.row == 4)));
        t.region.grid.cells.push(Cell {
            row: 3,
            col: 0,
            rowspan: 2,
            colspan: 1,
        });
        let (_dir, path) = write(Layout::SheetPerTable, 4, &[t]);
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        book.load_merged_regions().unwrap();
        assert!(
            book.merged_regions_by_sheet("p1-t1").is_empty(),
            "a span cut to one cell is no merge"
        );
    }

    #[test]
    fn headers_are_found_from_labels_and_spans() {
        let typed = |rows: &[&[&str]]| -> (Vec<Vec<String>>, Vec<Vec<Typed>>) {
            let texts: Vec<Vec<String>> = rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect();
            let typed = texts
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| numbers::parse(t, numbers::DecimalMark::Point))
                        .collect()
                })
                .collect();
            (texts, typed)
        };
        let ones = |n: usize| vec![vec![(1, 1); 3]; n];
        let (t, ty) = typed(&[&["Item", "2024", "2025"], &["North", "1,200", "3.5%"]]);
        assert_eq!(header_rows(&t, &ty, &ones(2)), 1, "labels and years");
        let (t, ty) = typed(&[&["North", "1,200", "3.5%"], &["South", "1,300", "4.5%"]]);
        assert_eq!(header_rows(&t, &ty, &ones(2)), 0, "a body row");
        let (t, ty) = typed(&[
            &["Region", "2024", ""],
            &["", "Q1", "Q2"],
            &["North", "1", "2"],
        ]);
        let mut spans = ones(3);
        spans[0][0] = (2, 1);
        spans[0][1] = (1, 2);
        assert_eq!(
            header_rows(&t, &ty, &spans),
            2,
            "down to the bottom of the spans"
        );
        let (t, ty) = typed(&[&["Only"]]);
        assert_eq!(
            header_rows(&t, &ty, &[vec![(1, 1)]]),
            0,
            "one row is no header"
        );
    }
}
