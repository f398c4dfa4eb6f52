//! The messages between the parent and its worker processes, one JSON object
//! per line, adjacently tagged: `{"type":"detect","data":{...}}`.
//! `pipeline/protocol.md` describes the exchange; `pipeline/transcripts/`
//! holds recorded sessions that a test replays against a real worker.
//!
//! Invariants: a worker answers requests in the order they came; for one
//! extract job its rows arrive in row order, then `done` (or `failed`).
//! Only workers open PDFs: the parent learns a document's page count from
//! an `open` job, so a file that crashes MuPDF takes down a worker, never
//! the run.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::config::{DetectConfig, OcrConfig, RenderConfig};
use crate::table::{Caption, PageFrame, TableIndex, TableRegion};

/// Bumped whenever a message changes shape; parent and worker must agree.
pub const PROTOCOL_VERSION: u32 = 4;

/// The hidden subcommand that makes this binary a worker. The command line
/// checks it before any parsing, so it never shows in `--help`.
pub const WORKER_SUBCOMMAND: &str = "__worker";

/// Identifies a job within one parent's run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(pub u64);

/// Parent to worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum Request {
    /// First message: the protocol the parent speaks and the settings for all jobs.
    Hello {
        protocol: u32,
        settings: WorkerSettings,
    },
    Open(OpenJob),
    Detect(DetectJob),
    Extract(ExtractJob),
}

/// Worker to parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum Response {
    /// Answer to `hello`.
    Ready {
        protocol: u32,
        version: String,
        pid: u32,
    },
    /// Answer to `open`: the document opens, and has this many pages.
    Opened { job: JobId, pages: u32 },
    /// Answer to `detect`: the tables of the page, in reading order.
    Page(PageTables),
    /// One row of an extract job's table.
    Row(TableRow),
    /// An extract job is complete; `rows` rows were sent. `caption` is the
    /// table's title and notes as printed around it (since protocol 4).
    Done {
        job: JobId,
        rows: u32,
        #[serde(default, skip_serializing_if = "Caption::is_empty")]
        caption: Caption,
    },
    /// A job could not be done, for a reason that another try will not change
    /// (a page MuPDF cannot parse). Crashes are not reported this way.
    Failed { job: JobId, message: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkerSettings {
    pub render: RenderConfig,
    pub detect: DetectConfig,
    pub ocr: OcrConfig,
}

/// Open a document: is it a PDF we can read, and how many pages has it?
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenJob {
    pub job: JobId,
    pub pdf: PathBuf,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// Render and detect one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetectJob {
    pub job: JobId,
    pub pdf: PathBuf,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// 1-based.
    pub page: u32,
    /// Where to write a picture of what was detected (`--debug-dir`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_picture: Option<PathBuf>,
    /// Set by the pool on a second try, after the first crashed its
    /// worker: the page is drawn by MuPDF alone, text and all (see
    /// `render::Showing`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retry: bool,
}

/// Read the cell text of one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractJob {
    pub job: JobId,
    pub pdf: PathBuf,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    pub index: TableIndex,
    pub region: TableRegion,
    /// The characters OCR read in the table's region, when its page is a
    /// scan: the worker reads the cells from these, so the page is not
    /// read a second time by whichever worker gets the job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Vec<OcrChar>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageTables {
    pub job: JobId,
    pub page: u32,
    pub tables: Vec<TableRegion>,
    /// Where the tables sit on the page, for stitching tables that continue
    /// over pages. Optional, so a worker that does not send it still speaks
    /// protocol 1; without it no table of the page is stitched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<PageFrame>,
    /// What the user should know about how the page was read (rendered at
    /// a lower resolution than asked, say), for the parent to show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The characters OCR read on the page, when it is a scan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Vec<OcrChar>>,
    /// Why a scanned page was not read (OCR is off, or its models would not
    /// load): the page has no tables, and the user must be told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_read: Option<String>,
}

/// A character read by OCR, in page points (of the page turned straight):
/// `[char, [x0, y0, x1, y1], line, size, confidence]`, an array to keep a
/// page of them (~100 KB) short. Characters of one text line share `line`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OcrChar(pub char, pub [f32; 4], pub u32, pub f32, pub f32);

impl OcrChar {
    /// Placed to a hundredth of a point and confidence to a thousandth:
    /// what the JSON carries.
    pub fn rounded(self) -> OcrChar {
        let r = |v: f32, by: f32| (v * by).round() / by;
        let OcrChar(c, b, line, size, conf) = self;
        OcrChar(
            c,
            b.map(|v| r(v, 100.0)),
            line,
            r(size, 100.0),
            r(conf, 1000.0),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub job: JobId,
    pub row: u32,
    pub cells: Vec<String>,
    /// The columns of this row's cells that OCR read with low confidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsure: Vec<u32>,
}

impl Request {
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("requests always serialize");
        line.push('\n');
        line
    }
}

impl Response {
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("responses always serialize");
        line.push('\n');
        line
    }

    /// The job this message belongs to, if any.
    pub fn job(&self) -> Option<JobId> {
        match self {
            Response::Ready { .. } => None,
            Response::Opened { job, .. } => Some(*job),
            Response::Page(p) => Some(p.job),
            Response::Row(r) => Some(r.job),
            Response::Done { job, .. } | Response::Failed { job, .. } => Some(*job),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::table::{Cell, Evidence, Grid, Rect};
    use proptest::prelude::*;

    fn region(rows: Vec<f32>, cols: Vec<f32>) -> TableRegion {
        let bbox = Rect::new(
            cols[0],
            rows[0],
            *cols.last().unwrap(),
            *rows.last().unwrap(),
        );
        TableRegion {
            bbox,
            grid: Grid::uniform(rows, cols),
            evidence: Evidence::Ruled,
            confidence: 0.9,
        }
    }

    #[test]
    fn messages_are_adjacently_tagged() {
        let line = Response::Done {
            job: JobId(7),
            rows: 3,
            caption: Caption::default(),
        }
        .to_line();
        assert_eq!(
            line,
            "{\"type\":\"done\",\"data\":{\"job\":7,\"rows\":3}}\n"
        );
    }

    /// pipeline/protocol.md documents every message the code can send.
    #[test]
    fn protocol_doc_names_every_message() {
        let doc = include_str!("../pipeline/protocol.md");
        let names = [
            "hello", "open", "detect", "extract", "ready", "opened", "page", "row", "done",
            "failed",
        ];
        for name in names {
            assert!(
                doc.contains(&format!("| `{name}` |")),
                "protocol.md lacks `{name}`"
            );
        }
        // and those are all the message types there are
        let request = serde_json::to_value(Request::Detect(DetectJob {
            job: JobId(0),
            pdf: "x".into(),
            password: None,
            page: 1,
            debug_picture: None,
            retry: false,
        }))
        .unwrap();
        assert!(names.contains(&request["type"].as_str().unwrap()));
        assert!(doc.contains(&format!("# Worker protocol (version {PROTOCOL_VERSION})")));
    }

    proptest! {
        #[test]
        fn requests_round_trip(
            job in any::<u64>(),
            page in 1u32..10_000,
            ordinal in 0u32..50,
            rows in proptest::collection::vec(-1e4f32..1e4, 2..8),
            cols in proptest::collection::vec(-1e4f32..1e4, 2..8),
            password in proptest::option::of(".{0,12}"),
            pdf in "[a-zA-Z0-9 _./é中-]{1,40}",
        ) {
            let requests = vec![
                Request::Hello { protocol: PROTOCOL_VERSION, settings: WorkerSettings {
                    render: Config::default().render, detect: Config::default().detect,
                    ocr: Config::default().ocr } },
                Request::Open(OpenJob { job: JobId(job), pdf: pdf.clone().into(),
                    password: password.clone() }),
                Request::Detect(DetectJob { job: JobId(job), pdf: pdf.clone().into(),
                    password: password.clone(), page, debug_picture: Some(pdf.clone().into()),
                    retry: page % 2 == 0 }),
                Request::Extract(ExtractJob { job: JobId(job), pdf: pdf.clone().into(),
                    password: password.clone(), index: TableIndex { page, ordinal },
                    region: region(rows.clone(), cols.clone()), ocr: None }),
                Request::Extract(ExtractJob { job: JobId(job), pdf: pdf.into(), password,
                    index: TableIndex { page, ordinal }, region: region(rows.clone(), cols),
                    ocr: Some(rows.iter().enumerate().map(|(i, &y)| {
                        OcrChar('中', [1.5, y, 9.25, y + 8.0], i as u32, 9.6, 0.987)
                    }).collect()) }),
            ];
            for request in requests {
                let back: Request = serde_json::from_str(&request.to_line()).unwrap();
                prop_assert_eq!(back, request);
            }
        }

        #[test]
        fn responses_round_trip(
            job in any::<u64>(),
            cells in proptest::collection::vec(".{0,20}", 0..6),
            message in ".{0,40}",
            span in 1u32..4,
            frame in proptest::option::of((0u32..5, 0u32..5, proptest::option::of(".{0,20}"))),
            warnings in proptest::collection::vec(".{0,20}", 0..3),
        ) {
            let frame = frame.map(|(lines_above, lines_below, first_line)| PageFrame {
                bounds: Rect::new(0.0, 0.0, 595.0, 842.0), lines_above, lines_below, first_line });
            let mut table = region(vec![0.0, 10.0, 20.0, 30.0, 40.0], vec![0.0, 5.0, 9.0, 14.0]);
            table.grid.cells = vec![Cell { row: 0, col: 0, rowspan: span, colspan: 1 }];
            let responses = vec![
                Response::Ready { protocol: 1, version: "0.1.0".into(), pid: 42 },
                Response::Opened { job: JobId(job), pages: 7 },
                Response::Page(PageTables { job: JobId(job), page: 3, tables: vec![table], frame,
                    warnings, ocr: Some(vec![OcrChar('A', [0.5, 1.0, 6.25, 9.0], 3, 8.1, 0.5)]),
                    not_read: Some(message.clone()) }),
                Response::Row(TableRow { job: JobId(job), row: 2, cells: cells.clone(), unsure: vec![0, 3] }),
                Response::Done { job: JobId(job), rows: 9, caption: Caption::default() },
                Response::Done { job: JobId(job), rows: 9, caption: Caption {
                    title: Some(message.clone()), notes: cells.clone() } },
                Response::Failed { job: JobId(job), message },
            ];
            for response in responses {
                let line = response.to_line();
                prop_assert_eq!(line.matches('\n').count(), 1, "one message per line");
                let back: Response = serde_json::from_str(&line).unwrap();
                prop_assert_eq!(back, response);
            }
        }
    }
}
