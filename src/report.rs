//! What a run reports: the `--report FILE` lines (one JSON line per input
//! PDF, written and flushed as each document ends, so an interrupted batch
//! still has the lines of everything it finished), the summary of the whole
//! run, and how it ends as an exit code.
//!
//! A line: `{"path":"reports.zip/a.pdf","output":"out/reports/a.xlsx",
//! "status":"ok","pages":3,"tables":2,"seconds":0.41,"error":null}`.
//! `status` is `ok`, `failed` (the error says why; `output` is set when a
//! workbook was still written with the rest of the tables) or `skipped`
//! (`--skip-existing` found its workbook).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Ending, Error};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Failed,
    Skipped,
}

/// What happened to one input PDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    pub path: String,
    /// The workbook, when one was written (or, skipped, already there).
    pub output: Option<String>,
    pub status: Status,
    pub pages: usize,
    pub tables: usize,
    pub seconds: f64,
    pub error: Option<String>,
}

/// Where records go: the report file, if one was asked for. A line that
/// cannot be written (a full disk) does not stop the run: the first error
/// is kept and given by `finish`.
pub struct Report {
    path: PathBuf,
    out: Option<BufWriter<File>>,
    error: Option<std::io::Error>,
}

impl Report {
    pub fn create(path: Option<&Path>) -> Result<Report, Error> {
        let out = match path {
            Some(p) => Some(BufWriter::new(File::create(p).map_err(|source| {
                Error::Io {
                    path: p.to_owned(),
                    source,
                }
            })?)),
            None => None,
        };
        Ok(Report {
            path: path.map(Path::to_owned).unwrap_or_default(),
            out,
            error: None,
        })
    }

    pub fn record(&mut self, record: &FileRecord) {
        let Some(out) = self.out.as_mut() else {
            return;
        };
        if self.error.is_some() {
            return;
        }
        let line = serde_json::to_string(record).expect("a record serializes");
        if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush()) {
            self.error = Some(e);
        }
    }

    /// The first line that could not be written, if any.
    pub fn finish(self) -> Result<(), Error> {
        match self.error {
            None => Ok(()),
            Some(source) => Err(Error::Io {
                path: self.path,
                source,
            }),
        }
    }
}

/// What a run did, for the closing summary and the exit code.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    /// Documents converted completely.
    pub converted: usize,
    /// Workbooks written: the documents converted, and those that failed
    /// in part but still have theirs.
    pub written: usize,
    pub skipped: usize,
    /// (document, reason), one per failed document.
    pub failed: Vec<(String, String)>,
    /// How many of the failed documents failed for what the command asked
    /// of them (pages they do not have).
    pub failed_by_arguments: usize,
    pub pages: u64,
    pub tables: usize,
    /// Stopped by a signal before every document was done.
    pub interrupted: bool,
}

impl Summary {
    /// How the run ended, for its exit code.
    pub fn ending(&self) -> Ending {
        if self.interrupted {
            Ending::Interrupted
        } else if self.failed.is_empty() {
            Ending::Done
        } else if self.converted == 0 && self.failed_by_arguments == self.failed.len() {
            Ending::Usage
        } else {
            Ending::SomeFailed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_json_lines_with_lowercase_status() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        let mut report = Report::create(Some(&path)).unwrap();
        let record = FileRecord {
            path: "a.pdf".into(),
            output: None,
            status: Status::Failed,
            pages: 0,
            tables: 0,
            seconds: 0.5,
            error: Some("a.pdf: needs a password".into()),
        };
        report.record(&record);
        report.record(&record);
        report.finish().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(text.contains(r#""status":"failed""#), "{text}");
        let back: FileRecord = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(back, record);
    }
}
