//! What the writer stage writes into, whatever the format: the sink a
//! table goes to (the workbook, `crate::write`, or the text formats,
//! `crate::export`), and the temporary files both finish through, so that
//! nothing half-written is ever left under an output's name.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::table::{TableIndex, TablePart};

/// The writer stage's end: what tables, in table-index order, are written
/// into. The workbook ([`crate::write::WorkbookWriter`]) is one; the text formats
/// ([`crate::export::TextSink`]) are the others.
pub trait TableSink {
    /// Takes the next table, or the next part of a long table.
    fn write_part(&mut self, part: &TablePart) -> Result<(), Error>;
    /// Why a page gave no tables, for the index.
    fn note_page(&mut self, page: u32, note: String);
    /// A table left out for its low confidence, for the index.
    fn note_dropped(&mut self, dropped: Dropped);
    /// Completes the output; nothing is left half-written.
    fn finish(self: Box<Self>) -> Result<(), Error>;
}

/// A table left out because detection was less sure of it than asked.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Dropped {
    pub table: TableIndex,
    pub confidence: f32,
    /// The minimum it fell below.
    pub min: f32,
}

/// The output path that stands for standard output (`-o -`).
pub const STDOUT: &str = "-";

pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == STDOUT
}

/// A file that is removed when dropped, unless kept: dropped on every path
/// out of `finish`, unwinding from a panic included.
pub struct TempFile(Option<PathBuf>);

impl TempFile {
    pub fn new(path: PathBuf) -> TempFile {
        TempFile(Some(path))
    }

    pub fn path(&self) -> &Path {
        self.0.as_deref().expect("not kept yet")
    }

    pub fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// `dir/.name.xlsx.<pid>.tmp`: hidden, in the same folder (so the rename is
/// atomic), and unique to this process.
pub fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or("output.xlsx".into(), |n| n.to_string_lossy());
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
