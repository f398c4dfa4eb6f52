//! The coordinator: runs one PDF through the pipeline.
//!
//! It owns all state of a run: which pages are detected, which tables are out
//! for extraction, the reorder buffer, and what failed. Detection of a page
//! is a pool job like extraction, so pages are rendered and detected in
//! parallel; it is dispatched only while the page is within `pages_ahead` of
//! the page being written, which bounds what waits in memory. Tables go
//! through the stitch stage (a table continued on the next page becomes
//! one) to the writer stage (its own thread) strictly in table-index order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;
use std::time::Duration;

use crate::config::Config;
use crate::error::Error;
use crate::pool::{Job, Pool, PoolEvent};
use crate::progress::Progress;
use crate::protocol::{DetectJob, ExtractJob, JobId, WorkerSettings};
use crate::render;
use crate::reorder::ReorderBuffer;
use crate::stitch::Stitcher;
use crate::table::{ExtractedTable, TableIndex, TableRegion};
use crate::write::spawn_writer;

/// One conversion: a PDF to a workbook.
#[derive(Debug, Clone)]
pub struct Conversion {
    pub input: PathBuf,
    pub output: PathBuf,
    /// 1-based page numbers to convert, ascending; `None` for all.
    pub pages: Option<Vec<u32>>,
    pub password: Option<String>,
    /// Where workers write a picture of each detected page.
    pub debug_dir: Option<PathBuf>,
}

/// What a finished conversion did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub pages: usize,
    pub tables: usize,
    /// One line per page or table that could not be converted.
    pub failures: Vec<String>,
}

pub fn convert(conv: &Conversion, config: &Config, progress: &Progress) -> Result<Summary, Error> {
    let pages = select_pages(conv)?;
    progress.start_document(&display_name(&conv.input), pages.len() as u64);

    // A single conversion is never abandoned: it ends by finishing or by an error.
    let (writer, writer_thread) = spawn_writer(&conv.output, &config.output, || false);
    let settings = WorkerSettings {
        dpi: config.render.dpi,
        detect: config.detect.clone(),
        debug_dir: conv.debug_dir.clone(),
    };
    let mut pool = Pool::new(
        Pool::current_program()?,
        config.worker_count(),
        settings,
        Duration::from_secs(config.pool.job_timeout_secs),
    );

    let mut state = RunState {
        conv,
        reorder: ReorderBuffer::new(pages.clone()),
        stitcher: Stitcher::new(config.output.stitch_continued_tables),
        jobs: HashMap::new(),
        next_job: 0,
        summary: Summary {
            pages: pages.len(),
            ..Summary::default()
        },
    };
    let mut next_page = 0usize;
    let pages_ahead = config.pages_ahead();
    'run: loop {
        // Keep detection within its window ahead of the writer.
        while next_page < pages.len() && next_page < state.reorder.pages_released() + pages_ahead {
            let job = state.new_job(Pending::Page(pages[next_page]));
            pool.submit(Job::Detect(DetectJob {
                job,
                pdf: conv.input.clone(),
                password: conv.password.clone(),
                page: pages[next_page],
            }));
            next_page += 1;
        }
        let Some(event) = pool.next_event()? else {
            break;
        };
        state.on_event(event, &mut pool, progress);
        while let Some((_, table)) = state.reorder.pop() {
            let Some(table) = table else { continue };
            progress.table_written();
            for table in state.stitcher.push(table) {
                if !state.send(&writer, table, progress) {
                    break 'run; // the writer stopped on an error, which its thread returns
                }
            }
        }
    }
    if let Some(table) = state.stitcher.finish() {
        state.send(&writer, table, progress);
    }
    drop(pool);
    drop(writer);
    writer_thread
        .join()
        .expect("the writer thread does not panic")?;
    Ok(state.summary)
}

/// What a job id stands for.
enum Pending {
    Page(u32),
    Table(TableIndex, TableRegion),
}

struct RunState<'a> {
    conv: &'a Conversion,
    reorder: ReorderBuffer<ExtractedTable>,
    stitcher: Stitcher,
    jobs: HashMap<JobId, Pending>,
    next_job: u64,
    summary: Summary,
}

impl RunState<'_> {
    fn new_job(&mut self, what: Pending) -> JobId {
        let id = JobId(self.next_job);
        self.next_job += 1;
        self.jobs.insert(id, what);
        id
    }

    /// Hands a finished table to the writer; false when the writer has
    /// stopped.
    fn send(
        &mut self,
        writer: &SyncSender<ExtractedTable>,
        table: ExtractedTable,
        progress: &Progress,
    ) -> bool {
        if table.last_page > table.index.page {
            progress.note(&format!(
                "{}: {} continues over pages {}, written as one table",
                display_name(&self.conv.input),
                table.index,
                table.pages_label()
            ));
        }
        self.summary.tables += 1;
        writer.send(table).is_ok()
    }

    fn on_event(&mut self, event: PoolEvent, pool: &mut Pool, progress: &Progress) {
        match event {
            PoolEvent::Detected {
                job,
                page,
                tables,
                frame,
            } => {
                self.jobs.remove(&job);
                self.stitcher.page_detected(page, frame, &tables);
                self.reorder.page_detected(page, tables.len() as u32);
                progress.page_detected(tables.len() as u64);
                for (ordinal, region) in tables.into_iter().enumerate() {
                    let index = TableIndex {
                        page,
                        ordinal: ordinal as u32,
                    };
                    let job = self.new_job(Pending::Table(index, region.clone()));
                    pool.submit(Job::Extract(ExtractJob {
                        job,
                        pdf: self.conv.input.clone(),
                        password: self.conv.password.clone(),
                        index,
                        region,
                    }));
                }
            }
            PoolEvent::Extracted { job, rows } => {
                if let Some(Pending::Table(index, region)) = self.jobs.remove(&job) {
                    self.reorder.insert(
                        index,
                        Some(ExtractedTable {
                            index,
                            region,
                            rows,
                            last_page: index.page,
                        }),
                    );
                }
            }
            PoolEvent::Failed { job, message } => {
                let what = self.jobs.remove(&job);
                let name = display_name(&self.conv.input);
                let line = match &what {
                    Some(Pending::Page(p)) => format!("{name}: page {p}: {message}"),
                    Some(Pending::Table(i, _)) => format!("{name}: {i}: {message}"),
                    None => format!("{name}: {message}"),
                };
                progress.error(&line);
                self.summary.failures.push(line);
                match what {
                    Some(Pending::Page(page)) => {
                        self.reorder.page_detected(page, 0);
                        progress.page_detected(0);
                    }
                    Some(Pending::Table(index, _)) => self.reorder.insert(index, None),
                    None => {}
                }
            }
            PoolEvent::WorkerLost(loss) => {
                progress.warn(&format!("{}: {loss}", display_name(&self.conv.input)));
            }
        }
    }
}

/// The pages to convert, checked against the document.
fn select_pages(conv: &Conversion) -> Result<Vec<u32>, Error> {
    let doc = render::open_document(&conv.input, conv.password.as_deref())?;
    let count = render::page_count(&doc, &conv.input)?;
    if count == 0 {
        return Err(Error::Open {
            path: conv.input.clone(),
            message: "the document has no pages".to_owned(),
        });
    }
    match &conv.pages {
        None => Ok((1..=count).collect()),
        Some(pages) => {
            if let Some(bad) = pages.iter().find(|&&p| p == 0 || p > count) {
                return Err(Error::Usage(format!(
                    "{}: there is no page {bad}; the document has {count} page{}",
                    conv.input.display(),
                    if count == 1 { "" } else { "s" }
                )));
            }
            Ok(pages.clone())
        }
    }
}

fn display_name(path: &Path) -> String {
    path.display().to_string()
}
