//! tables2xlsx: the tables of PDF reports into Excel workbooks.
//!
//! # Use from a Rust program
//!
//! One call converts a PDF; the format comes from the output's extension
//! (`.xlsx`, `.csv`, `.tsv`, `.json`, `.md`):
//!
//! ```no_run
//! use std::path::Path;
//! use tables2xlsx::config::Config;
//!
//! let summary = tables2xlsx::convert_pdf(
//!     Path::new("report.pdf"),
//!     Path::new("report.xlsx"),
//!     &Config::default(),
//! )?;
//! println!("{} tables from {} pages", summary.tables, summary.pages);
//! for (pdf, reason) in &summary.failed {
//!     eprintln!("{pdf}: {reason}");
//! }
//! # Ok::<(), tables2xlsx::error::Error>(())
//! ```
//!
//! The extraction runs in worker processes of the `tables2xlsx` binary (a
//! crash in MuPDF costs a worker, never the calling program): install it
//! beside your program or on `PATH` (`cargo install --path .`), or name it
//! with `TABLES2XLSX_WORKER`; see [`pool::worker_program`].
//!
//! The pipeline: `render` (MuPDF page images, `turn`ed upright when printed
//! sideways) → `detect` (table regions and cell grids) → `pool` of worker
//! processes speaking `protocol` → `extract` (cell text) → `reorder` →
//! `stitch` (tables that continue over pages) → `write` (the workbook).
//!
//! The process boundary is the layout: everything under [`worker`] runs in
//! the worker processes (this binary started as `__worker`), the only ones
//! that open a PDF; the rest runs in the parent. [`coordinator`] drives one
//! or many documents (found by [`inputs`], pages chosen by [`pages`],
//! reported by [`report`]) on one [`pool`]; [`cli`], [`config`],
//! [`progress`] and [`error`] are the plumbing around them. [`protocol`] and
//! [`table`] are what both sides share.

// Shared by the parent and the workers.
pub mod config;
pub mod error;
pub mod protocol;
pub mod table;

// The parent.
pub mod archive;
pub mod cli;
pub mod coordinator;
pub mod excel;
pub mod export;
pub mod inputs;
mod numbers;
pub mod pages;
pub mod pool;
pub mod progress;
pub mod reorder;
pub mod report;
pub mod sink;
pub mod stitch;
pub mod write;

// The worker processes.
pub mod worker;

use std::path::Path;

/// Converts the PDF at `pdf` into `output`, its format from its extension
/// (`.xlsx`, `.csv`, `.tsv`, `.json`, `.md`; anything else is an error),
/// with `config`'s settings and no progress shown. The summary says how many
/// tables and pages were written and lists what failed (a page MuPDF cannot
/// read fails alone; the rest is still written).
pub fn convert_pdf(
    pdf: &Path,
    output: &Path,
    config: &config::Config,
) -> Result<report::Summary, error::Error> {
    let ext = output.extension().map(|e| e.to_string_lossy().into_owned());
    let format = ext
        .as_deref()
        .and_then(config::OutputFormat::from_extension)
        .ok_or_else(|| {
            error::Error::Usage(format!(
                "{}: the extension names no format (.xlsx, .csv, .tsv, .json, .md)",
                output.display()
            ))
        })?;
    let mut config = config.clone();
    config.output.format = format;
    let mut items = inputs::discover(&[pdf.to_owned()], Path::new(""));
    items[0].output = output.to_owned();
    let unpack_dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| Path::new(".").to_owned(), Path::to_owned);
    let plan = coordinator::Plan {
        items,
        unpack_dir,
        pages: None,
        password: None,
        skip_existing: false,
        report: None,
        debug_dir: None,
    };
    coordinator::convert(plan, &config, &progress::Progress::new(true))
}
