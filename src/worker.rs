//! The worker process: the same binary started as `tables2xlsx __worker`. It
//! reads requests from stdin and answers on stdout, one JSON line each (see
//! `protocol`); stderr is for diagnostics, which the parent keeps the tail of.
//!
//! A worker serves many jobs. It keeps the last document and the last page
//! (with its text layer) open, because a page's tables usually follow its
//! detection and MuPDF documents cannot be handed between processes.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use mupdf::{Document, Page};

use crate::detect;
use crate::error::Error;
use crate::extract::{self, TextChar};
use crate::protocol::{
    DetectJob, ExtractJob, JobId, PageTables, Request, Response, TableRow, WorkerSettings,
    PROTOCOL_VERSION,
};
use crate::render;

/// Serves requests until stdin closes.
pub fn serve(input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    let mut worker = Worker::default();
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                // Nothing to answer: without a job id the parent cannot match a reply.
                eprintln!("worker: ignoring a line that is not a request ({e}): {line:.200}");
                continue;
            }
        };
        for response in worker.handle(request) {
            output.write_all(response.to_line().as_bytes())?;
        }
        output.flush()?;
    }
    Ok(())
}

#[derive(Default)]
struct Worker {
    settings: Option<WorkerSettings>,
    document: Option<(PathBuf, Document)>,
    page: Option<OpenPage>,
    fault: Option<fault::Fault>,
}

struct OpenPage {
    pdf: PathBuf,
    number: u32,
    page: Page,
    chars: Vec<TextChar>,
}

impl Worker {
    fn handle(&mut self, request: Request) -> Vec<Response> {
        match request {
            Request::Hello { protocol, settings } => {
                if protocol != PROTOCOL_VERSION {
                    eprintln!(
                        "worker: parent speaks protocol {protocol}, this worker {PROTOCOL_VERSION}"
                    );
                }
                self.settings = Some(settings);
                self.fault = fault::from_env();
                vec![Response::Ready {
                    protocol: PROTOCOL_VERSION,
                    version: env!("CARGO_PKG_VERSION").to_owned(),
                    pid: std::process::id(),
                }]
            }
            Request::Detect(job) => {
                fault::trigger(&self.fault, job.page, None);
                let id = job.job;
                match self.detect(&job) {
                    Ok(tables) => vec![Response::Page(PageTables {
                        job: id,
                        page: job.page,
                        tables,
                    })],
                    Err(e) => vec![failed(id, e)],
                }
            }
            Request::Extract(job) => {
                fault::trigger(&self.fault, job.index.page, Some(job.index.ordinal));
                let id = job.job;
                match self.extract(&job) {
                    Ok(rows) => {
                        let n = rows.len() as u32;
                        let mut out: Vec<Response> = rows
                            .into_iter()
                            .enumerate()
                            .map(|(row, cells)| {
                                Response::Row(TableRow {
                                    job: id,
                                    row: row as u32,
                                    cells,
                                })
                            })
                            .collect();
                        out.push(Response::Done { job: id, rows: n });
                        out
                    }
                    Err(e) => vec![failed(id, e)],
                }
            }
        }
    }

    fn settings(&self) -> WorkerSettings {
        self.settings.clone().unwrap_or_else(|| {
            let c = crate::config::Config::default();
            WorkerSettings {
                dpi: c.render.dpi,
                detect: c.detect,
                debug_dir: None,
            }
        })
    }

    fn detect(&mut self, job: &DetectJob) -> Result<Vec<crate::table::TableRegion>, Error> {
        let settings = self.settings();
        let page = self.open_page(&job.pdf, job.password.as_deref(), job.page)?;
        let image = render::render_page(&page.page, settings.dpi).map_err(|e| Error::Page {
            path: job.pdf.clone(),
            page: job.page,
            message: render::mupdf_message(&e),
        })?;
        let found = detect::detect_tables(&image, &page.chars, &settings.detect);
        if let Some(dir) = &settings.debug_dir {
            let picture = detect::overlay::draw(&image, &found.rulings, &found.tables);
            let path = dir.join(debug_picture_name(&job.pdf, job.page));
            // A picture that cannot be written must not cost the page its tables.
            if let Err(e) = picture.save(&path) {
                eprintln!("worker: cannot write {}: {e}", path.display());
            }
        }
        Ok(found.tables)
    }

    fn extract(&mut self, job: &ExtractJob) -> Result<Vec<Vec<String>>, Error> {
        if !job.region.grid.is_consistent() {
            return Err(Error::Usage(
                "the job's grid does not cover every position exactly once".to_owned(),
            ));
        }
        let page = self.open_page(&job.pdf, job.password.as_deref(), job.index.page)?;
        Ok(extract::cell_texts(&page.chars, &job.region.grid))
    }

    /// The page, from the cache when it is the one open.
    fn open_page(
        &mut self,
        pdf: &Path,
        password: Option<&str>,
        number: u32,
    ) -> Result<&OpenPage, Error> {
        let cached = matches!(&self.page, Some(p) if p.pdf == pdf && p.number == number);
        if !cached {
            self.page = None;
            if !matches!(&self.document, Some((p, _)) if p == pdf) {
                self.document = None;
                self.document = Some((pdf.to_owned(), render::open_document(pdf, password)?));
            }
            let (_, doc) = self.document.as_ref().expect("opened above");
            let page = render::load_page(doc, pdf, number)?;
            let chars = extract::page_chars(&page).map_err(|e| Error::Page {
                path: pdf.to_owned(),
                page: number,
                message: render::mupdf_message(&e),
            })?;
            self.page = Some(OpenPage {
                pdf: pdf.to_owned(),
                number,
                page,
                chars,
            });
        }
        Ok(self.page.as_ref().expect("opened above"))
    }
}

/// `report-p007.png` for page 7 of `report.pdf`.
pub fn debug_picture_name(pdf: &Path, page: u32) -> String {
    let stem = pdf.file_stem().map_or("page".into(), |s| s.to_string_lossy());
    format!("{stem}-p{page:03}.png")
}

/// The parent puts the file and page in front of the reason.
fn failed(job: JobId, e: Error) -> Response {
    Response::Failed {
        job,
        message: e.reason(),
    }
}

/// Fault injection for the pool's tests: `TABLES2XLSX_TEST_FAULT` makes a
/// worker misbehave on one job. Only debug builds read it, so a release binary
/// cannot be made to fail this way.
///
/// Format: `ACTION@PAGE` (detection of that page) or `ACTION@PAGE.TABLE`
/// (extraction of that table, TABLE counted from 0), optionally followed by
/// `,once=PATH`: the fault fires only while PATH does not exist, and creates it,
/// so a retried job succeeds. ACTION is `crash` (abort, killed by SIGABRT),
/// `exit` (exit status 3), `garbage` (prints a line that is not JSON) or
/// `hang` (sleeps until killed).
mod fault {
    use std::path::PathBuf;

    #[derive(Debug, Clone, PartialEq)]
    pub struct Fault {
        action: String,
        page: u32,
        table: Option<u32>,
        once: Option<PathBuf>,
    }

    pub fn from_env() -> Option<Fault> {
        if !cfg!(debug_assertions) {
            return None;
        }
        parse(&std::env::var("TABLES2XLSX_TEST_FAULT").ok()?)
    }

    fn parse(spec: &str) -> Option<Fault> {
        let (main, once) = match spec.split_once(",once=") {
            Some((m, p)) => (m, Some(PathBuf::from(p))),
            None => (spec, None),
        };
        let (action, place) = main.split_once('@')?;
        let (page, table) = match place.split_once('.') {
            Some((p, t)) => (p.parse().ok()?, Some(t.parse().ok()?)),
            None => (place.parse().ok()?, None),
        };
        Some(Fault {
            action: action.to_owned(),
            page,
            table,
            once,
        })
    }

    pub fn trigger(fault: &Option<Fault>, page: u32, table: Option<u32>) {
        let Some(f) = fault else { return };
        if f.page != page || f.table != table {
            return;
        }
        if let Some(marker) = &f.once {
            if marker.exists() {
                return;
            }
            let _ = std::fs::write(marker, b"fired");
        }
        let place = table.map_or(format!("page {page}"), |t| {
            format!("page {page} table {}", t + 1)
        });
        eprintln!("worker: injected fault {} at {place}", f.action);
        match f.action.as_str() {
            "crash" => std::process::abort(),
            "exit" => std::process::exit(3),
            "garbage" => println!("this is not json {{"),
            "hang" => loop {
                std::thread::sleep(std::time::Duration::from_secs(60));
            },
            _ => {}
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn specs_parse() {
            let f = parse("crash@2.1,once=/tmp/m").unwrap();
            assert_eq!(f.page, 2);
            assert_eq!(f.table, Some(1));
            assert_eq!(f.once, Some(PathBuf::from("/tmp/m")));
            assert_eq!(parse("hang@3").unwrap().table, None);
            assert!(parse("nonsense").is_none());
        }
    }
}
