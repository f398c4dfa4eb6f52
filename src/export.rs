//! Stage 5, write, for the text formats: CSV, TSV and Markdown (a file per
//! table) and JSON (one document with every table). These are sinks of the
//! same writer stage as the workbook ([`crate::write::spawn_writer`] picks
//! one): they take the same tables in table-index order, and parts of a
//! long table that continues over pages, and put each table together from
//! its parts before it is written.
//!
//! Cells hold the text as the PDF shows it (`1,234.50`, `(12)`), the text a
//! spreadsheet or a script reads back; the workbook is where numbers become
//! typed. Positions a spanning cell covers are empty, as in the workbook.
//!
//! Invariants: each file is written under a temporary name and renamed when
//! complete; to standard output (`-o -`) tables are streamed as they
//! complete, CSV and TSV tables separated by a blank line, Markdown tables
//! under a heading each.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::OutputFormat;
use crate::error::Error;
use crate::sink::{is_stdout, temp_path, Dropped, TableSink, TempFile};
use crate::table::{Cell, Evidence, ExtractedTable, Rect, TablePart};

/// The version of the JSON document's layout (`pipeline/output.schema.json`).
pub const JSON_VERSION: u32 = 1;

/// A table put together from its parts, as the text formats write it.
struct WholeTable {
    first: ExtractedTable,
    rows: Vec<Vec<String>>,
    /// Cells spanning more than one position, rows counted over all parts.
    spans: Vec<Cell>,
}

impl WholeTable {
    fn new(table: &ExtractedTable) -> WholeTable {
        let mut whole = WholeTable {
            first: table.clone(),
            rows: Vec::new(),
            spans: Vec::new(),
        };
        whole.first.rows = Vec::new();
        whole.append(table);
        whole
    }

    fn append(&mut self, table: &ExtractedTable) {
        let offset = self.rows.len() as u32;
        self.spans.extend(
            table
                .region
                .grid
                .cells
                .iter()
                .filter(|c| c.rowspan > 1 || c.colspan > 1)
                .map(|c| Cell {
                    row: c.row + offset,
                    ..*c
                }),
        );
        self.rows.extend(table.rows.iter().cloned());
        self.first.last_page = self.first.last_page.max(table.last_page);
        // Notes are printed below a table's last part.
        if !table.caption.notes.is_empty() {
            self.first.caption.notes = table.caption.notes.clone();
        }
    }

    fn cols(&self) -> usize {
        let widest = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        widest.max(self.first.region.grid.col_count())
    }

    /// The rows, every one `cols` wide.
    fn grid(&self) -> Vec<Vec<&str>> {
        let cols = self.cols();
        self.rows
            .iter()
            .map(|row| {
                (0..cols)
                    .map(|c| row.get(c).map_or("", String::as_str))
                    .collect()
            })
            .collect()
    }

    /// `p3-t1`, as the workbook names the table's sheet.
    fn name(&self) -> String {
        format!(
            "p{}-t{}",
            self.first.index.page,
            self.first.index.ordinal + 1
        )
    }

    fn caption(&self) -> String {
        let pages = if self.first.last_page > self.first.index.page {
            format!("Pages {}", self.first.pages_label())
        } else {
            format!("Page {}", self.first.index.page)
        };
        match &self.first.caption.title {
            Some(title) => format!("{pages}, table {}: {title}", self.first.index.ordinal + 1),
            None => format!("{pages}, table {}", self.first.index.ordinal + 1),
        }
    }
}

/// Where the text goes: files beside `-o`'s name, or standard output.
pub struct TextSink {
    format: OutputFormat,
    target: PathBuf,
    current: Option<WholeTable>,
    /// The tables written so far (JSON: their serialised form, joined at the end).
    written: usize,
    json_tables: Vec<String>,
    page_notes: Vec<(u32, String)>,
    /// Tables left out for their low confidence (`--min-confidence`).
    dropped: Vec<JsonDropped>,
    /// Table files written under temporary names, and their names.
    pending: Vec<(TempFile, PathBuf)>,
}

impl TextSink {
    pub fn new(target: &Path, format: OutputFormat) -> TextSink {
        debug_assert!(
            format != OutputFormat::Xlsx,
            "the workbook has its own sink"
        );
        TextSink {
            format,
            target: target.to_owned(),
            current: None,
            written: 0,
            json_tables: Vec::new(),
            page_notes: Vec::new(),
            dropped: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// The complete table in hand is written (a file, or to stdout).
    fn flush_table(&mut self) -> Result<(), Error> {
        let Some(table) = self.current.take() else {
            return Ok(());
        };
        if self.format == OutputFormat::Json {
            let json = serde_json::to_string(&JsonTable::new(&table)).expect("serialisable");
            self.json_tables.push(json);
            return Ok(());
        }
        let mut text = String::new();
        let to_stdout = is_stdout(&self.target);
        if to_stdout {
            match self.format {
                OutputFormat::Md => text.push_str(&format!("## {}\n\n", table.caption())),
                OutputFormat::Csv if self.written > 0 => text.push_str("\r\n"),
                _ if self.written > 0 => text.push('\n'),
                _ => {}
            }
        } else if let (OutputFormat::Md, Some(title)) = (self.format, &table.first.caption.title) {
            // A file of its own is named after the table: the heading is its title.
            text.push_str(&format!("## {title}\n\n"));
        }
        text.push_str(&render(self.format, &table.grid()));
        if to_stdout && self.format == OutputFormat::Md {
            text.push('\n');
        }
        self.written += 1;
        if to_stdout {
            return write_stdout(text.as_bytes()).map_err(|e| self.io_error(&self.target, &e));
        }
        // Written beside, renamed when the document is done: an interrupted
        // or failed run leaves no table of it (and --skip-existing redoes it).
        let path = table_file(&self.target, &table.name(), self.format);
        let temp = TempFile::new(temp_path(&path));
        std::fs::write(temp.path(), text.as_bytes()).map_err(|e| self.io_error(&path, &e))?;
        self.pending.push((temp, path));
        Ok(())
    }

    fn io_error(&self, path: &Path, e: &std::io::Error) -> Error {
        Error::Write {
            path: path.to_owned(),
            message: crate::error::io_reason(e),
        }
    }
}

impl TableSink for TextSink {
    fn write_part(&mut self, part: &TablePart) -> Result<(), Error> {
        match self.current.as_mut() {
            Some(table) if part.continues => table.append(&part.table),
            _ => {
                self.flush_table()?;
                self.current = Some(WholeTable::new(&part.table));
            }
        }
        Ok(())
    }

    fn note_page(&mut self, page: u32, note: String) {
        self.page_notes.push((page, note));
    }

    fn note_dropped(&mut self, dropped: Dropped) {
        self.dropped.push(JsonDropped {
            page: dropped.table.page,
            table: dropped.table.ordinal + 1,
            confidence: (dropped.confidence * 1000.0).round() / 1000.0,
        });
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        self.flush_table()?;
        if self.format != OutputFormat::Json {
            for (temp, path) in std::mem::take(&mut self.pending) {
                std::fs::rename(temp.path(), &path).map_err(|e| self.io_error(&path, &e))?;
                temp.keep();
            }
            return Ok(());
        }
        self.page_notes.sort();
        let notes: Vec<String> = self
            .page_notes
            .iter()
            .map(|(page, note)| {
                serde_json::to_string(&PageNote { page: *page, note }).expect("serialisable")
            })
            .collect();
        let document = format!(
            "{{\"version\":{JSON_VERSION},\"tables\":[{}],\"pages_not_read\":[{}],\"dropped\":{}}}\n",
            self.json_tables.join(","),
            notes.join(","),
            serde_json::to_string(&self.dropped).expect("serialisable")
        );
        let written = match is_stdout(&self.target) {
            true => write_stdout(document.as_bytes()),
            false => write_file(&self.target, document.as_bytes()),
        };
        written.map_err(|e| self.io_error(&self.target, &e))
    }
}

/// The file of one table: `report-p3-t1.csv` beside `report.csv` (or
/// `report`, given with `--format csv`).
pub fn table_file(target: &Path, name: &str, format: OutputFormat) -> PathBuf {
    let named = target
        .extension()
        .is_some_and(|e| OutputFormat::from_extension(&e.to_string_lossy()) == Some(format));
    let stem = match named {
        true => target.file_stem(),
        false => target.file_name(),
    };
    let stem = stem.map_or("tables".into(), |s| s.to_string_lossy());
    target.with_file_name(format!("{stem}-{name}.{}", format.extension()))
}

/// Whether a document's tables were written as files beside `target`
/// (`report-p1-t1.csv` ...): they appear together when it is done.
pub fn tables_written(target: &Path, format: OutputFormat) -> bool {
    let probe = table_file(target, "p", format);
    let (Some(dir), Some(name)) = (probe.parent(), probe.file_name()) else {
        return false;
    };
    let name = name.to_string_lossy();
    let (prefix, ext) = name
        .split_once("-p.")
        .map_or((name.as_ref(), ""), |(p, e)| (p, e));
    let prefix = format!("{prefix}-p");
    let ext = format!(".{ext}");
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix) && n.ends_with(&ext) && n[prefix.len()..].contains("-t")
        })
    })
}

/// A table's rows in `format`.
pub fn render(format: OutputFormat, rows: &[Vec<&str>]) -> String {
    let mut out = String::new();
    match format {
        OutputFormat::Csv => {
            for row in rows {
                let cells: Vec<String> = row.iter().map(|t| csv_field(t)).collect();
                out.push_str(&cells.join(","));
                out.push_str("\r\n");
            }
        }
        OutputFormat::Tsv => {
            for row in rows {
                let cells: Vec<String> = row.iter().map(|t| tsv_field(t)).collect();
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
        }
        OutputFormat::Md => {
            let cols = rows.first().map_or(0, Vec::len);
            for (r, row) in rows.iter().enumerate() {
                let cells: Vec<String> = row.iter().map(|t| md_field(t)).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
                if r == 0 {
                    out.push_str(&format!("|{}\n", " --- |".repeat(cols)));
                }
            }
        }
        OutputFormat::Json | OutputFormat::Xlsx => unreachable!("not a text table format"),
    }
    out
}

/// RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// TSV (IANA text/tab-separated-values) has no quoting: tabs and line
/// breaks inside a cell become spaces.
fn tsv_field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// A Markdown table cell: `|` escaped, line breaks as `<br>`.
fn md_field(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

#[derive(Serialize)]
struct JsonDropped {
    page: u32,
    table: u32,
    confidence: f32,
}

#[derive(Serialize)]
struct PageNote<'a> {
    page: u32,
    note: &'a str,
}

/// One table of the JSON document.
#[derive(Serialize)]
struct JsonTable<'a> {
    /// `p3-t1`, the name its sheet has in the workbook.
    name: String,
    page: u32,
    last_page: u32,
    /// 1 for the first table on its page, in reading order.
    table: u32,
    /// Where it is on its first page, in PDF points from the top left.
    region: Rect,
    rows: usize,
    cols: usize,
    /// `cells[r][c]`, the text of the cell starting there, "" where a span covers.
    cells: Vec<Vec<&'a str>>,
    spans: &'a [Cell],
    evidence: Evidence,
    confidence: f32,
    /// Set when the text was read by OCR from a scanned page.
    ocr: Option<JsonOcr>,
    /// The title printed above the table, if any.
    title: Option<&'a str>,
    /// The notes printed below it (`Source: ...`), one a line.
    notes: &'a [String],
}

#[derive(Serialize)]
struct JsonOcr {
    confidence: f32,
    /// `[row, col]` of the cells holding a character OCR was unsure of.
    unsure: Vec<[u32; 2]>,
}

impl<'a> JsonTable<'a> {
    fn new(table: &'a WholeTable) -> JsonTable<'a> {
        let first = &table.first;
        let cells = table.grid();
        JsonTable {
            name: table.name(),
            page: first.index.page,
            last_page: first.last_page,
            table: first.index.ordinal + 1,
            region: first.region.bbox,
            rows: cells.len(),
            cols: table.cols(),
            cells,
            spans: &table.spans,
            evidence: first.region.evidence,
            confidence: (first.region.confidence * 1000.0).round() / 1000.0,
            ocr: first.ocr.as_ref().map(|read| JsonOcr {
                confidence: read.confidence,
                unsure: read.unsure.iter().map(|&(r, c)| [r, c]).collect(),
            }),
            title: first.caption.title.as_deref(),
            notes: &first.caption.notes,
        }
    }
}

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Writes `bytes` to `path` whole or not at all.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = TempFile::new(temp_path(path));
    std::fs::write(temp.path(), bytes)?;
    std::fs::rename(temp.path(), path)?;
    temp.keep();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_each_format_needs() {
        let rows = vec![
            vec!["Item", "Amount"],
            vec!["a, \"b\"", "1,234"],
            vec!["two\nlines", "x|y"],
        ];
        assert_eq!(
            render(OutputFormat::Csv, &rows),
            "Item,Amount\r\n\"a, \"\"b\"\"\",\"1,234\"\r\n\"two\nlines\",x|y\r\n"
        );
        assert_eq!(
            render(OutputFormat::Tsv, &rows),
            "Item\tAmount\na, \"b\"\t1,234\ntwo lines\tx|y\n"
        );
        assert_eq!(
            render(OutputFormat::Md, &rows),
            "| Item | Amount |\n| --- | --- |\n| a, \"b\" | 1,234 |\n| two<br>lines | x\\|y |\n"
        );
    }

    #[test]
    fn a_table_file_is_named_after_the_output_and_the_table() {
        assert_eq!(
            table_file(Path::new("out/report.csv"), "p3-t1", OutputFormat::Csv),
            Path::new("out/report-p3-t1.csv")
        );
        assert_eq!(
            table_file(Path::new("report"), "p3-t1", OutputFormat::Md),
            Path::new("report-p3-t1.md")
        );
    }
}
