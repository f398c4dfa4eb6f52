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
//! ordinary one, filled at the end; so are the sheets of whole tables
//! while they fit a fixed budget of memory, which spares each its
//! temporary file). No sheet gets more rows than
//! `max_rows`: a table that does not fit continues on a further sheet, and
//! the index says so. The workbook is saved under a temporary name beside
//! the target and renamed when complete, so a failed or interrupted run
//! never leaves a half-written file.

use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    row_col_to_cell, ExcelDateTime, Format, FormatAlign, Url, Workbook, XlsxError,
};

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use crate::config::{OutputConfig, OutputFormat};
use crate::error::Error;
use crate::excel;
use crate::export::TextSink;
use crate::numbers::{self, DecimalMark, MarkEvidence, Typed};
use crate::sink::{is_stdout, temp_path, Dropped, TableSink, TempFile};
use crate::table::{Evidence, ExtractedTable, TableIndex, TablePart};

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
    /// The table being written, which later parts may continue.
    current: Option<CurrentTable>,
    index: Vec<IndexEntry>,
    /// Pages that gave no tables, and why.
    page_notes: Vec<(u32, String)>,
    /// Tables left out for their low confidence.
    dropped: Vec<Dropped>,
    /// Which decimal mark the document uses, from all cells seen so far.
    marks: MarkEvidence,
    /// Which kinds of numbers are written as numbers.
    typing: Typing,
    formats: Formats,
    /// What the sheets held in memory may still take, in estimated bytes.
    in_memory_budget: usize,
}

/// Numbers that are written as the text the PDF shows unless asked for.
#[derive(Debug, Clone, Copy, Default)]
struct Typing {
    /// A decimal-comma document's numbers, which Excel shows with the
    /// reader's decimal mark, not the PDF's.
    comma_numbers: bool,
    /// Thousands grouped with spaces (`15 455`): their per-cell format
    /// (`00" "000`) shows them as the PDF does in Excel and LibreOffice,
    /// but readers that render formats by pattern (the shared accuracy
    /// bench among them) show `15455 000`.
    space_numbers: bool,
}

const INDEX_SHEET: &str = "Index";
const ONE_SHEET_NAME: &str = "Tables";
/// Column widths in Excel's character units: narrow columns stay readable,
/// a long paragraph does not push the rest of the table off screen.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;
/// Sheets of whole tables are held in memory up to this many (estimated)
/// bytes a workbook, then written through a temporary file each
/// (constant-memory): a temporary file costs more than a small sheet's
/// writing (the file system allocates and frees an inode for it), and
/// memory stays bounded whatever the length of the document.
const IN_MEMORY_BYTES: usize = 8 << 20;
/// What a cell held in memory costs besides its text (rust_xlsxwriter's
/// cell and map entry), roughly.
const BYTES_A_CELL: usize = 96;
/// The height of a line of text in points, in Excel's default font.
const LINE_HEIGHT: f64 = 15.0;

impl WorkbookWriter {
    /// A writer of `target`. (With one sheet, the sheet opens with the
    /// first table, or at the end: making its temporary file can fail,
    /// which this could only panic on.)
    pub fn new(target: &Path, layout: Layout) -> WorkbookWriter {
        let mut workbook = Workbook::new();
        // Deflate's fastest level: saving is the serial tail of a run (the
        // workers are done), and level 6 took half again as long for a
        // file a fifth smaller.
        workbook.set_zip_compression_level(1);
        // The index is filled last but must come first: an ordinary sheet,
        // which (unlike a constant-memory one) can be written at any time.
        workbook
            .add_worksheet()
            .set_name(INDEX_SHEET)
            .expect("a valid sheet name");
        WorkbookWriter {
            workbook,
            layout,
            target: target.to_owned(),
            max_rows: excel::MAX_ROWS,
            sheet_names: vec![INDEX_SHEET.to_owned()],
            sheet: None,
            current: None,
            index: Vec::new(),
            page_notes: Vec::new(),
            dropped: Vec::new(),
            marks: MarkEvidence::default(),
            typing: Typing::default(),
            formats: Formats::default(),
            in_memory_budget: IN_MEMORY_BYTES,
        }
    }

    /// The same writer, writing the numbers of a document that uses a
    /// decimal comma as numbers (true) or as the text shown (false, the default).
    pub fn with_decimal_comma_numbers(mut self, numbers: bool) -> Self {
        self.typing.comma_numbers = numbers;
        self
    }

    /// The same writer, writing numbers grouped with spaces as numbers
    /// (true) or as the text shown (false, the default).
    pub fn with_space_grouped_numbers(mut self, numbers: bool) -> Self {
        self.typing.space_numbers = numbers;
        self
    }

    /// The same writer reading every number with a decimal comma, as the
    /// user said the document writes them (`--decimal-comma`), and writing
    /// them as numbers.
    pub fn with_decimal_comma(mut self) -> Self {
        self.marks = MarkEvidence::told(DecimalMark::Comma);
        // Told, the user wants the document's numbers as numbers, grouped
        // with spaces (`1 234,5`) as such documents often are.
        self.typing = Typing {
            comma_numbers: true,
            space_numbers: true,
        };
        self
    }

    /// The same writer with sheets of at most `rows` rows, so tests can see
    /// tables continue on further sheets without writing a million rows.
    #[cfg(test)]
    pub(crate) fn with_max_rows(mut self, rows: u32) -> Self {
        self.max_rows = rows.clamp(4, excel::MAX_ROWS);
        self
    }

    /// The same writer holding sheets in memory up to `bytes`, so tests can
    /// see what comes after the budget is spent.
    #[cfg(test)]
    pub(crate) fn with_in_memory_bytes(mut self, bytes: usize) -> Self {
        self.in_memory_budget = bytes;
        self
    }

    /// Writes the next table, in table-index order.
    pub fn write_table(&mut self, table: &ExtractedTable) -> Result<(), Error> {
        self.write_part(&TablePart {
            table: table.clone(),
            continues: false,
            open: false,
        })
    }

    /// Has the index say why a page gave nothing; listed after the tables.
    pub fn note_page(&mut self, page: u32, note: String) {
        self.page_notes.push((page, note));
    }

    /// Writes the next table, or the next part of a long table, in
    /// table-index order.
    pub fn write_part(&mut self, part: &TablePart) -> Result<(), Error> {
        self.place_part(part).map_err(|e| self.error(e))
    }

    fn place_part(&mut self, part: &TablePart) -> Result<(), XlsxError> {
        let table = &part.table;
        let first = !part.continues || self.current.is_none();
        let plan = TablePlan::new(table, &mut self.marks, self.typing, first);
        if first {
            self.close_table();
            self.start_table(part, &plan)?;
        }
        let current = self.current.as_mut().expect("a table is open");
        current.entry.last_page = current.entry.last_page.max(table.last_page);
        for r in 0..plan.rows.len() {
            if self.cursor().next_row >= self.max_rows {
                self.continue_on_next_sheet()?;
            }
            let current = self.current.as_ref().expect("a table is open");
            let header_rows = current.header.len();
            if first && r == plan.header_rows && current.part == 1 {
                self.freeze(header_rows)?;
            }
            self.write_row(&plan.rows[r], plan.cols, first && r < plan.header_rows)?;
            self.current.as_mut().expect("a table is open").entry.rows += 1;
        }
        Ok(())
    }

    /// Opens the sheet (or the place on the one sheet) for a new table,
    /// with its caption.
    fn start_table(&mut self, part: &TablePart, plan: &TablePlan) -> Result<(), XlsxError> {
        let table = &part.table;
        let base = format!("p{}-t{}", table.index.page, table.index.ordinal + 1);
        match self.layout {
            Layout::SheetPerTable => {
                // A table whose further parts may follow could outgrow any
                // budget: it is written through a file.
                let bytes = plan.bytes_in_memory();
                let in_memory = !part.open && bytes <= self.in_memory_budget;
                if in_memory {
                    self.in_memory_budget -= bytes;
                }
                self.open_sheet(&base, in_memory)?;
            }
            Layout::OneSheet => {
                if self.sheet.is_none() {
                    self.open_sheet(ONE_SHEET_NAME, false)?;
                }
                let cursor = self.sheet.as_mut().expect("the one sheet is open");
                if cursor.next_row > 0 {
                    cursor.next_row += 1; // the blank row between tables
                }
                // The caption and the header go on the same sheet as the
                // first body row.
                let needed = 2 + plan.header_rows as u32;
                if cursor.next_row + needed > self.max_rows {
                    self.open_sheet(ONE_SHEET_NAME, false)?;
                }
            }
        }
        let caption = caption_text(table, part.open);
        self.current = Some(CurrentTable {
            entry: self.index_entry(table, plan, 1),
            base,
            caption,
            part: 1,
            header: plan.rows[..plan.header_rows].to_vec(),
            cols: plan.cols,
        });
        self.caption(false)
    }

    /// The current sheet is full: the table goes on on a further sheet,
    /// under its header again, and the index gets a row for each sheet.
    fn continue_on_next_sheet(&mut self) -> Result<(), XlsxError> {
        let (wanted, part) = {
            let current = self.current.as_mut().expect("a table is open");
            current.part += 1;
            let wanted = match self.layout {
                Layout::SheetPerTable => format!("{} ({})", current.base, current.part),
                Layout::OneSheet => ONE_SHEET_NAME.to_owned(),
            };
            (wanted, current.part)
        };
        let name = self.open_sheet(&wanted, false)?;
        let cursor = self.sheet.as_ref().expect("just opened");
        let (first_row, max_rows) = (cursor.next_row, self.max_rows);
        let current = self.current.as_mut().expect("a table is open");
        current.entry.notes.push(format!("continues on {name}"));
        let next = IndexEntry {
            part,
            sheet: name,
            first_row,
            rows: 0,
            notes: vec![format!("continued from {}", current.entry.sheet)],
            ..current.entry.clone()
        };
        let previous = std::mem::replace(&mut current.entry, next);
        self.index.push(previous);
        self.caption(true)?;
        let current = self.current.as_ref().expect("a table is open");
        let (header, cols) = (current.header.clone(), current.cols);
        if !header.is_empty() && (header.len() as u32) * 2 < max_rows {
            for row in &header {
                self.write_row(row, cols, true)?;
            }
            self.freeze(header.len())?;
        }
        Ok(())
    }

    /// The table being written is complete: its index row is final.
    fn close_table(&mut self) {
        if let Some(current) = self.current.take() {
            self.index.push(current.entry);
        }
    }

    fn cursor(&mut self) -> &mut SheetCursor {
        self.sheet.as_mut().expect("a sheet is open")
    }

    /// Starts a new sheet named after `wanted`, held in memory or written
    /// through a temporary file (constant-memory), closing the current one;
    /// returns the name it got.
    fn open_sheet(&mut self, wanted: &str, in_memory: bool) -> Result<String, XlsxError> {
        self.close_sheet()?;
        let name = excel::sheet_name(wanted, &self.sheet_names);
        self.sheet_names.push(name.clone());
        let position = self.workbook.worksheets_mut().len();
        let sheet = if in_memory {
            self.workbook.add_worksheet()
        } else {
            self.workbook
                .add_worksheet_with_constant_memory()
                .map_err(in_the_temporary_folder)?
        };
        sheet.set_name(&name)?;
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

    /// One-sheet layout: the row above the current table (or above its
    /// continuation on a further sheet) that says which it is.
    fn caption(&mut self, continued: bool) -> Result<(), XlsxError> {
        if self.layout != Layout::OneSheet {
            return Ok(());
        }
        let current = self.current.as_ref().expect("a table is open");
        let text = match continued {
            false => current.caption.clone(),
            true => format!("{} (continued)", current.caption),
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

    /// Writes a row of a table of `cols` columns at the current sheet's
    /// next row. Spanning cells are cut at the sheet's last row and the
    /// table's last column.
    fn write_row(
        &mut self,
        cells: &[PlannedCell],
        cols: usize,
        bold: bool,
    ) -> Result<(), XlsxError> {
        let max_rows = self.max_rows;
        let cursor = self.sheet.as_mut().expect("a sheet is open");
        let sheet = self.workbook.worksheet_from_index(cursor.position)?;
        let row = cursor.next_row;
        // LibreOffice does not fit a row's height to wrapped text when it
        // opens a workbook: the height is given, a line per line of the
        // tallest cell (long lines wrap at the widest a column gets).
        let lines = cells
            .iter()
            .filter(|cell| cell.span.0 == 1)
            .map(PlannedCell::lines)
            .max()
            .unwrap_or(1);
        if lines > 1 {
            sheet.set_row_height(row, LINE_HEIGHT * lines as f64)?;
        }
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let (rowspan, colspan) = cell.span;
            let last_row = (row + rowspan - 1).min(max_rows - 1);
            let last_col = (c + colspan as usize - 1).min(cols - 1) as u16;
            let merged = (last_row, last_col) != (row, col);
            let wrap = cell.wraps() || merged;
            // Text in the default format goes without one: rust_xlsxwriter
            // looks every format up by value, for each cell written.
            let plain = cell.num_format().is_none() && !bold && !wrap && !cell.unsure;
            let format = self.formats.get(cell.num_format(), bold, wrap, cell.unsure);
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
                Value::Text(t) if plain => {
                    sheet.write_string(row, col, t)?;
                }
                Value::Text(t) => {
                    sheet.write_string_with_format(row, col, t, format)?;
                }
                Value::Number(v, _) => {
                    sheet.write_number_with_format(row, col, *v, format)?;
                }
                Value::Date(d, _) => {
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
                plan.notes
                    .iter()
                    .chain(&table.caption.notes)
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            },
            title: table.caption.title.clone(),
        }
    }

    /// Fills the index, then saves to a temporary name beside the target and
    /// renames it into place. However saving ends (an error, a full disk, a
    /// panic inside the xlsx library), the temporary file is removed.
    pub fn finish(mut self) -> Result<(), Error> {
        self.close_table();
        // The one sheet is there with no table on it too.
        let opened = match (self.layout, &self.sheet) {
            (Layout::OneSheet, None) => self.open_sheet(ONE_SHEET_NAME, false).map(drop),
            _ => Ok(()),
        };
        let filled = (opened.and_then(|()| self.close_sheet())).and_then(|()| self.fill_index());
        filled.map_err(|e| self.error(e))?;
        if is_stdout(&self.target) {
            let mut out = StickyWriter::new(std::io::Cursor::new(Vec::new()));
            let saved = self.workbook.save_to_writer(&mut out);
            saved.map_err(|e| self.error(e))?;
            let bytes = out.inner.into_inner();
            let mut stdout = std::io::stdout().lock();
            return stdout
                .write_all(&bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| self.io_error(&e));
        }
        let temp = TempFile::new(temp_path(&self.target));
        let path = temp.path().to_owned();
        let file = std::fs::File::create(&path).map_err(|e| self.io_error(&e))?;
        let mut out = StickyWriter::new(std::io::BufWriter::new(file));
        let saved = self.workbook.save_to_writer(&mut out);
        // The library sees every write succeed (see `StickyWriter`); the
        // first I/O error, if any, is here.
        out.finish().map_err(|e| self.io_error(&e))?;
        saved.map_err(|e| self.error(e))?;
        std::fs::rename(&path, &self.target).map_err(|e| self.io_error(&e))?;
        temp.keep();
        Ok(())
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
            "Title",
        ];
        let mut widths: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        if self.index.is_empty() && self.dropped.is_empty() {
            sheet.write_string(1, 0, "No tables were found.")?;
        } else if self.index.is_empty() {
            sheet.write_string(1, 0, "No tables were kept.")?;
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
            let title = e.title.clone().unwrap_or_default();
            if !title.is_empty() {
                sheet.write_string(row, 8, &title)?;
            }
            for (c, text) in [name, label, e.evidence.to_string(), note, title]
                .iter()
                .zip([0, 2, 5, 7, 8])
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
        // Tables left out (--min-confidence), where they would have been listed.
        for d in self.dropped.iter().take(1000) {
            let name = format!(
                "Page {}, table {}: dropped",
                d.table.page,
                d.table.ordinal + 1
            );
            let note = format!(
                "confidence below the minimum {:.2} (--min-confidence)",
                d.min
            );
            sheet.write_string(next, 0, &name)?;
            sheet.write_number(next, 1, d.table.page)?;
            let confidence = (f64::from(d.confidence) * 1000.0).round() / 1000.0;
            sheet.write_number_with_format(next, 6, confidence, &two_places)?;
            sheet.write_string(next, 7, &note)?;
            widths[0] = widths[0].max(display_width(&name));
            widths[7] = widths[7].max(display_width(&note));
            next += 1;
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w + 2).clamp(MIN_WIDTH, MAX_WIDTH) as f64)?;
        }
        Ok(())
    }

    fn error(&self, e: XlsxError) -> Error {
        match e {
            XlsxError::IoError(io) => self.io_error(&io),
            other => Error::Write {
                path: self.target.clone(),
                message: other.to_string(),
            },
        }
    }

    fn io_error(&self, e: &std::io::Error) -> Error {
        Error::Write {
            path: self.target.clone(),
            message: crate::error::io_reason(e),
        }
    }
}

/// A sheet's temporary file could not be made: the error says where.
fn in_the_temporary_folder(e: XlsxError) -> XlsxError {
    let (dir, io) = match e {
        XlsxError::TempFileError(dir, io) => (dir, io),
        XlsxError::IoError(io) => (std::env::temp_dir(), io),
        other => return other,
    };
    let reason = crate::error::io_reason(&io);
    XlsxError::IoError(std::io::Error::new(
        io.kind(),
        format!(
            "{reason} (in the temporary folder for sheets, {})",
            dir.display()
        ),
    ))
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

/// The table being written: what its further sheets and parts need.
struct CurrentTable {
    /// Its current sheet's row of the index.
    entry: IndexEntry,
    /// Its sheet's name, `p3-t1`, for further sheets.
    base: String,
    caption: String,
    /// Which sheet of the table is being written: 1, 2 ...
    part: u32,
    /// The header rows, repeated at the top of a further sheet.
    header: Vec<Vec<PlannedCell>>,
    cols: usize,
}

/// The one-sheet caption of a table: "Page 3, table 1", "Pages 3-5, table
/// 1"; a long table written before its end is known, "Pages from 3"; and
/// its title when it has one: "Page 3, table 1: Table 3. Exports by country".
fn caption_text(table: &ExtractedTable, open: bool) -> String {
    let pages = if open {
        format!(
            "Pages from {} (the Index says where it ends)",
            table.index.page
        )
    } else if table.last_page > table.index.page {
        format!("Pages {}", table.pages_label())
    } else {
        format!("Page {}", table.index.page)
    };
    match &table.caption.title {
        Some(title) => format!("{pages}, table {}: {title}", table.index.ordinal + 1),
        None => format!("{pages}, table {}", table.index.ordinal + 1),
    }
}

/// One row of the index sheet.
#[derive(Clone)]
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
    /// The title printed above the table.
    title: Option<String>,
}

/// What one cell holds, ready for the sheet.
#[derive(Clone)]
enum Value {
    Empty,
    Text(String),
    /// A value and the number format that shows it as the PDF did.
    Number(f64, String),
    /// A day and the format that shows it as written.
    Date(ExcelDateTime, String),
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
            Value::Date(_, f) => Some(f),
            _ => None,
        }
    }

    fn wraps(&self) -> bool {
        matches!(&self.value, Value::Text(t) if t.contains('\n'))
    }

    /// How many lines the cell's text takes on its sheet.
    fn lines(&self) -> usize {
        match &self.value {
            Value::Text(t) if t.contains('\n') => t
                .lines()
                .map(|line| display_width(line).div_ceil(MAX_WIDTH - 2).max(1))
                .sum(),
            _ => 1,
        }
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
    /// Roughly what the plan's cells take on a sheet held in memory.
    fn bytes_in_memory(&self) -> usize {
        let cell = |c: &PlannedCell| match &c.value {
            Value::Text(t) => BYTES_A_CELL + t.len(),
            _ => BYTES_A_CELL,
        };
        self.rows.iter().flatten().map(cell).sum()
    }

    /// The plan of `table`; only the first part of a table has a header.
    fn new(
        table: &ExtractedTable,
        marks: &mut MarkEvidence,
        typing: Typing,
        first: bool,
    ) -> TablePlan {
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
        let day_first = marks.day_first();
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
        let keep_text = mark == DecimalMark::Comma && !typing.comma_numbers;
        let typed: Vec<Vec<Typed>> = texts
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| match numbers::parse_with(t, mark, day_first) {
                        Typed::Number { .. } if keep_text => Typed::Text,
                        Typed::Number { format, .. }
                            if !typing.space_numbers && numbers::groups_with_spaces(&format) =>
                        {
                            Typed::Text
                        }
                        typed => typed,
                    })
                    .collect()
            })
            .collect();
        let header_rows = match first {
            true => header_rows(&texts, &typed, &spans),
            false => 0,
        };
        let unsure: std::collections::HashSet<(u32, u32)> = table
            .ocr
            .iter()
            .flat_map(|read| read.unsure.iter().copied())
            .collect();
        if let Some(read) = table.ocr.as_ref().filter(|_| first) {
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
        Typed::Date {
            year,
            month,
            day,
            format,
        } => match ExcelDateTime::from_ymd(year, month, day) {
            Ok(date) => Value::Date(date, format),
            Err(_) => Value::Text(text),
        },
        Typed::Text => Value::Text(text),
    }
}

/// How many rows at the top of a table are its header. The first row is
/// one when it groups columns (a cell spanning columns) or is a row of
/// labels: every cell text or a year (a first data row, "North | 1200 |
/// 640", is not, and keeps its numbers); the header then extends down to
/// the bottom of every cell that starts in it. Never the whole table.
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
        if matches!(t, Typed::Text) || is_year(text, t) {
            labels += 1;
        }
    }
    if !groups_columns && (filled == 0 || labels < filled) {
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

/// A whole number that reads as a year, a column label in a header.
fn is_year(text: &str, typed: &Typed) -> bool {
    matches!(typed, Typed::Number { format, value } if format == "0"
        && text.len() == 4 && (1800.0..2200.0).contains(value))
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
    /// `wrap`: text wrapped, aligned top left (also for merged ranges);
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
                // Wrapped text and merged ranges read from the top left,
                // as the PDF shows them (a number keeps its right alignment).
                if wrap {
                    format = format.set_text_wrap().set_align(FormatAlign::Top);
                    if num_format.is_none() {
                        format = format.set_align(FormatAlign::Left);
                    }
                }
                if unsure {
                    format = format.set_background_color(UNSURE_FILL);
                }
                format
            })
    }
}

impl TableSink for WorkbookWriter {
    fn write_part(&mut self, part: &TablePart) -> Result<(), Error> {
        WorkbookWriter::write_part(self, part)
    }

    fn note_page(&mut self, page: u32, note: String) {
        WorkbookWriter::note_page(self, page, note)
    }

    fn note_dropped(&mut self, dropped: Dropped) {
        self.dropped.push(dropped);
    }

    fn finish(self: Box<Self>) -> Result<(), Error> {
        WorkbookWriter::finish(*self)
    }
}

/// A writer that keeps its first error instead of returning it, and from
/// then on writes nothing but reports success. The zip writer inside
/// rust_xlsxwriter, handed an error, prints "ZipWriter drop failed" to
/// stderr and may panic; this way it finishes quietly, and `finish` gives
/// the error with its cause (no space left on device).
struct StickyWriter<W> {
    inner: W,
    error: Option<std::io::Error>,
    /// Where the writer would be, once writes are no longer made.
    pos: u64,
}

impl<W: Write + Seek> StickyWriter<W> {
    fn new(inner: W) -> Self {
        StickyWriter {
            inner,
            error: None,
            pos: 0,
        }
    }

    /// Flushes, and gives the first error of all.
    fn finish(mut self) -> std::io::Result<()> {
        if self.error.is_none() {
            if let Err(e) = self.inner.flush() {
                self.error = Some(e);
            }
        }
        self.error.map_or(Ok(()), Err)
    }

    fn failed(&mut self, e: std::io::Error) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }
}

impl<W: Write + Seek> Write for StickyWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.error.is_none() {
            match self.inner.write_all(buf) {
                Ok(()) => {}
                Err(e) => self.failed(e),
            }
        }
        self.pos += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.error.is_none() {
            if let Err(e) = self.inner.flush() {
                self.failed(e);
            }
        }
        Ok(())
    }
}

impl<W: Write + Seek> Seek for StickyWriter<W> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        if self.error.is_none() {
            match self.inner.seek(to) {
                Ok(pos) => {
                    self.pos = pos;
                    return Ok(pos);
                }
                Err(e) => self.failed(e),
            }
        }
        self.pos = match to {
            SeekFrom::Start(p) => p,
            SeekFrom::Current(d) | SeekFrom::End(d) => self.pos.saturating_add_signed(d),
        };
        Ok(self.pos)
    }
}

/// How many finished tables may queue for a writer thread: a slow disk holds
/// the pipeline back rather than letting tables pile up.
const WRITER_QUEUE: usize = 4;

/// The name of writer threads: the parent's panic hook stays quiet for them,
/// since a panic there is reported as the document's error.
pub const WRITER_THREAD: &str = "writer";

/// What the writer thread is sent.
pub enum ToWriter {
    /// The next table, or part of a long table, in index order.
    Part(TablePart),
    /// Why a page gave no tables (a scanned page not read), for the index.
    PageNote(u32, String),
    /// A table left out for its confidence below the minimum (the second).
    Dropped(TableIndex, f32, f32),
}

/// The writer stage on a thread of its own: it owns the workbook for
/// `target` and takes tables, in order, through a short queue. When the queue
/// ends it finishes the workbook, unless `abandon` says the run was
/// interrupted; the thread answers whether a workbook was written. Nothing
/// the xlsx library does takes the process down: a panic in it (it unwraps
/// some I/O results) becomes this document's error, naming its cause.
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
    let space_grouped_numbers = output.space_grouped_numbers;
    let decimal_comma = output.decimal_comma;
    let format = output.format;
    let (tx, rx) = sync_channel::<ToWriter>(WRITER_QUEUE);
    let target = target.to_owned();
    let handle = std::thread::Builder::new()
        .name(WRITER_THREAD.to_owned())
        .spawn(move || {
            let written = std::panic::catch_unwind(AssertUnwindSafe(|| {
                let mut writer: Box<dyn TableSink> = match format {
                    OutputFormat::Xlsx => {
                        let writer = WorkbookWriter::new(&target, layout)
                            .with_decimal_comma_numbers(decimal_comma_numbers)
                            .with_space_grouped_numbers(space_grouped_numbers);
                        Box::new(match decimal_comma {
                            true => writer.with_decimal_comma(),
                            false => writer,
                        })
                    }
                    text => Box::new(TextSink::new(&target, text)),
                };
                for message in &rx {
                    match message {
                        ToWriter::Part(part) => writer.write_part(&part)?,
                        ToWriter::PageNote(page, note) => writer.note_page(page, note),
                        ToWriter::Dropped(table, confidence, min) => writer.note_dropped(Dropped {
                            table,
                            confidence,
                            min,
                        }),
                    }
                }
                if abandon() {
                    return Ok(false);
                }
                writer.finish().map(|()| true)
            }));
            written.unwrap_or_else(|panic| {
                Err(Error::Write {
                    path: target,
                    message: panic_reason(&crate::error::panic_message(panic.as_ref())),
                })
            })
        })
        .expect("a thread can be started");
    (tx, handle)
}

/// The cause in a panic of the xlsx library: its I/O error ("no space left
/// on device (in the temporary folder for sheets)"), or the message.
fn panic_reason(message: &str) -> String {
    // The library panics with `expect("Couldn't write to xml file")` or
    // `unwrap()` on an I/O error, whose Debug form holds `message: "..."`.
    let cause = message
        .split_once("message: \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(cause, _)| {
            let mut chars = cause.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_lowercase().chain(chars).collect()
            })
        });
    // The library's own I/O is on the sheets it keeps in temporary files
    // (the workbook itself goes through a `StickyWriter`, which never fails).
    match cause {
        Some(cause) => format!(
            "{cause} (in the temporary folder for sheets, {})",
            std::env::temp_dir().display()
        ),
        None => format!("the xlsx writer failed: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Cell, Grid, Rect, TablePart, TableRegion};
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
            caption: Default::default(),
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
    fn sheets_past_the_memory_budget_go_through_files_and_read_the_same() {
        let tables: Vec<_> = (1..=4).map(|page| table(page, 3 + page as usize)).collect();
        let (_full, everything_in_memory) = write(Layout::SheetPerTable, 100, &tables);
        // Room for the first two tables only.
        let two = tables[..2]
            .iter()
            .map(|t| TablePlan::new(t, &mut MarkEvidence::default(), Typing::default(), true))
            .map(|plan| plan.bytes_in_memory())
            .sum();
        let dir = tempfile::tempdir().unwrap();
        let budgeted = dir.path().join("t.xlsx");
        let mut writer =
            WorkbookWriter::new(&budgeted, Layout::SheetPerTable).with_in_memory_bytes(two);
        for t in &tables {
            writer.write_table(t).unwrap();
        }
        writer.finish().unwrap();
        assert_eq!(read(&budgeted), read(&everything_in_memory));
        // Sheets held in memory share their strings; constant-memory ones
        // write them inline.
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&budgeted).unwrap()).unwrap();
        let inline: Vec<bool> = (2..=5)
            .map(|n| {
                let mut xml = String::new();
                let name = format!("xl/worksheets/sheet{n}.xml");
                std::io::Read::read_to_string(&mut zip.by_name(&name).unwrap(), &mut xml).unwrap();
                xml.contains("inlineStr")
            })
            .collect();
        assert_eq!(inline, [false, false, true, true]);
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
        let (t, ty) = typed(&[&["North", "1200", "640"], &["South", "1300", "450"]]);
        assert_eq!(
            header_rows(&t, &ty, &ones(2)),
            0,
            "whole numbers that are not years are data"
        );
        let (t, ty) = typed(&[&["", "2023", "2024"], &["North", "1300", "450"]]);
        assert_eq!(header_rows(&t, &ty, &ones(2)), 1, "years");
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

    /// A table given in parts (a long table over pages, streamed) lands as
    /// the same rows as given whole, over as many sheets, the header once
    /// per sheet, and one index row per sheet.
    #[test]
    fn a_table_in_parts_is_written_as_the_whole() {
        let whole = table(3, 11);
        let (_dir, whole_path) = write(Layout::SheetPerTable, 5, std::slice::from_ref(&whole));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parts.xlsx");
        let mut writer = WorkbookWriter::new(&path, Layout::SheetPerTable).with_max_rows(5);
        let mut first = whole.clone();
        first.rows.truncate(4);
        first.region.grid = Grid::uniform((0..=4).map(|r| r as f32).collect(), vec![0.0, 1.0, 2.0]);
        first
            .region
            .grid
            .cells
            .retain(|c| !(c.col == 0 && (c.row == 1 || c.row == 2)));
        first.region.grid.cells.push(Cell {
            row: 1,
            col: 0,
            rowspan: 2,
            colspan: 1,
        });
        let mut rest = whole.clone();
        rest.rows.drain(..4);
        rest.index.page = 4;
        rest.last_page = 4;
        rest.region.grid = Grid::uniform((0..=7).map(|r| r as f32).collect(), vec![0.0, 1.0, 2.0]);
        let parts = [
            TablePart {
                table: first,
                continues: false,
                open: true,
            },
            TablePart {
                table: rest,
                continues: true,
                open: true,
            },
        ];
        for part in &parts {
            writer.write_part(part).unwrap();
        }
        writer.finish().unwrap();
        let (got, want) = (read(&path), read(&whole_path));
        assert_eq!(got[1..], want[1..], "the same sheets and cells");
        let index = &got[0].1;
        assert_eq!(index.len(), 4, "a row per sheet");
        assert_eq!(index[1][1], s("3-4"), "its pages, once the last part came");
    }

    /// Writes that fail (a full disk) give an error naming the cause and
    /// the workbook, never a panic.
    #[test]
    fn a_writer_that_fails_gives_the_cause() {
        struct Full(u64);
        impl Write for Full {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if self.0 < buf.len() as u64 {
                    return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
                }
                self.0 -= buf.len() as u64;
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        impl Seek for Full {
            fn seek(&mut self, _: SeekFrom) -> std::io::Result<u64> {
                Ok(0)
            }
        }
        let mut out = StickyWriter::new(Full(100));
        assert_eq!(out.write(&[0; 60]).unwrap(), 60);
        assert_eq!(
            out.write(&[0; 60]).unwrap(),
            60,
            "the zip writer sees success"
        );
        assert_eq!(out.stream_position().unwrap(), 120);
        let err = out.finish().unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
        let writer = WorkbookWriter::new(Path::new("out/x.xlsx"), Layout::OneSheet);
        assert_eq!(
            writer.io_error(&err).to_string(),
            "no storage space while writing out/x.xlsx"
        );
        assert_eq!(
            panic_reason(
                "Couldn't write to xml file: Os { code: 28, kind: StorageFull, \
                 message: \"No space left on device\" }"
            ),
            format!(
                "no space left on device (in the temporary folder for sheets, {})",
                std::env::temp_dir().display()
            )
        );
    }
}
