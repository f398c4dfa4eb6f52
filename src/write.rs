//! Stage 5, write: the one owner of the workbook. It takes tables in
//! table-index order (the reorder buffer guarantees it) and writes them
//! either stacked on one sheet with a blank row between, or one sheet each.
//!
//! Worksheets run in rust_xlsxwriter's constant-memory mode: rows go to disk
//! as they are written, which needs them in order: tables come in order and
//! each is written top to bottom. The workbook is saved under a temporary
//! name beside the target and renamed when complete, so a failed or
//! interrupted run never leaves a half-written file.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::excel;
use crate::table::ExtractedTable;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// All tables on one sheet, a blank row between them.
    OneSheet,
    /// A sheet per table, named `p<page>-t<n>`.
    SheetPerTable,
}

pub struct WorkbookWriter {
    workbook: Workbook,
    layout: Layout,
    target: PathBuf,
    sheet_names: Vec<String>,
    /// One-sheet layout: the next free row.
    next_row: u32,
    wrap: Format,
}

const ONE_SHEET_NAME: &str = "Tables";

impl WorkbookWriter {
    pub fn new(target: &Path, layout: Layout) -> WorkbookWriter {
        let mut workbook = Workbook::new();
        let mut sheet_names = Vec::new();
        if layout == Layout::OneSheet {
            let sheet = workbook.add_worksheet_with_constant_memory();
            sheet.set_name(ONE_SHEET_NAME).expect("a valid sheet name");
            sheet_names.push(ONE_SHEET_NAME.to_owned());
        }
        WorkbookWriter {
            workbook,
            layout,
            target: target.to_owned(),
            sheet_names,
            next_row: 0,
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }

    /// Writes the next table, in table-index order.
    pub fn write_table(&mut self, table: &ExtractedTable) -> Result<(), Error> {
        let result = match self.layout {
            Layout::OneSheet => {
                let first = if self.next_row == 0 {
                    0
                } else {
                    self.next_row + 1
                };
                let written = self
                    .workbook
                    .worksheet_from_index(0)
                    .and_then(|sheet| write_rows(sheet, first, table, &self.wrap));
                if let Ok(rows) = written {
                    self.next_row = first + rows;
                }
                written.map(|_| ())
            }
            Layout::SheetPerTable => {
                let wanted = format!("p{}-t{}", table.index.page, table.index.ordinal + 1);
                let name = excel::sheet_name(&wanted, &self.sheet_names);
                self.sheet_names.push(name.clone());
                let sheet = self.workbook.add_worksheet_with_constant_memory();
                sheet
                    .set_name(&name)
                    .and_then(|sheet| write_rows(sheet, 0, table, &self.wrap))
                    .map(|_| ())
            }
        };
        result.map_err(|e| self.error(e))
    }

    /// Saves to a temporary name beside the target, then renames it into place.
    pub fn finish(mut self) -> Result<(), Error> {
        if self.sheet_names.is_empty() {
            // No table at all: still a valid workbook, with one empty sheet.
            let named = self
                .workbook
                .add_worksheet()
                .set_name(ONE_SHEET_NAME)
                .map(|_| ());
            named.map_err(|e| self.error(e))?;
        }
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

    fn error(&self, e: XlsxError) -> Error {
        Error::Write {
            path: self.target.clone(),
            message: e.to_string(),
        }
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

/// Writes a table's rows from `first_row` down; returns how many rows it took.
fn write_rows(
    sheet: &mut Worksheet,
    first_row: u32,
    table: &ExtractedTable,
    wrap: &Format,
) -> Result<u32, XlsxError> {
    let grid = &table.region.grid;
    let n_rows = table.rows.len() as u32;
    if first_row as u64 + n_rows as u64 > excel::MAX_ROWS as u64
        || grid.col_count() > excel::MAX_COLS as usize
    {
        return Err(XlsxError::RowColumnLimitError);
    }
    let mut anchors: Vec<Vec<Option<(u32, u32)>>> =
        vec![vec![None; grid.col_count()]; table.rows.len()];
    for cell in &grid.cells {
        if let Some(slot) = anchors
            .get_mut(cell.row as usize)
            .and_then(|r| r.get_mut(cell.col as usize))
        {
            *slot = Some((cell.rowspan, cell.colspan));
        }
    }
    for (r, row) in table.rows.iter().enumerate() {
        let excel_row = first_row + r as u32;
        for (c, text) in row.iter().enumerate() {
            let text = excel::cell_text(text);
            let format = if text.contains('\n') {
                Some(wrap)
            } else {
                None
            };
            let (rowspan, colspan) = anchors[r][c].unwrap_or((1, 1));
            if rowspan > 1 || colspan > 1 {
                let last_row = excel_row + rowspan - 1;
                let last_col = (c as u32 + colspan - 1) as u16;
                sheet.merge_range(
                    excel_row,
                    c as u16,
                    last_row,
                    last_col,
                    &text,
                    format.unwrap_or(&Format::new()),
                )?;
            } else if !text.is_empty() {
                match format {
                    Some(f) => sheet.write_string_with_format(excel_row, c as u16, &text, f)?,
                    None => sheet.write_string(excel_row, c as u16, &text)?,
                };
            }
        }
    }
    Ok(n_rows)
}
