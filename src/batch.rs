//! The batch coordinator: converts many documents with one pool of workers.
//!
//! It takes the documents `inputs` found (already cut to this machine's
//! shard) and gives a workbook per document, a report line per document and
//! a summary. Up to `batch.open_documents` documents are in flight at once,
//! each with its own reorder buffer and writer thread, exactly as `run`
//! handles a single document; their jobs share the pool, so while one
//! document's last pages are being detected the next one's already are, and
//! no core idles until the last file. The pool is created once: workers are
//! not restarted per file.
//!
//! Invariants: one bad document never stops the batch (its failure is
//! reported and counted); a workbook is renamed into place only when its
//! document is complete, so an interruption never leaves a half-written one;
//! memory is bounded by the open documents, never by the number of files.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::cli::PageList;
use crate::config::Config;
use crate::error::Error;
use crate::inputs::{Item, Source, TempPdf, Unpacker};
use crate::pool::{Job, Pool, PoolEvent};
use crate::progress::Progress;
use crate::protocol::{DetectJob, ExtractJob, JobId, WorkerSettings};
use crate::render;
use crate::reorder::ReorderBuffer;
use crate::report::{FileRecord, Report, Status};
use crate::stitch::Stitcher;
use crate::table::{ExtractedTable, TableIndex, TableRegion};
use crate::write::spawn_writer;

/// Set by SIGINT or SIGTERM: stop dispatching, end the workers, leave no
/// temporary file behind.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C (and `kill`) stop the batch cleanly instead of killing it
/// mid-write; a second Ctrl-C ends the process at once.
pub fn handle_interrupts() {
    extern "C" fn on_signal(_: libc::c_int) {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            // SAFETY: _exit is async-signal-safe.
            unsafe { libc::_exit(130) };
        }
    }
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: the handler only touches an atomic and calls _exit, both
        // async-signal-safe.
        unsafe {
            libc::signal(
                signal,
                on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
            );
        }
    }
}

/// What the user asked of every document.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub pages: Option<PageList>,
    pub password: Option<String>,
    pub skip_existing: bool,
    pub report: Option<PathBuf>,
}

/// What a batch did, for the closing summary and the exit code.
#[derive(Debug, Clone, Default)]
pub struct BatchSummary {
    pub files: usize,
    pub converted: usize,
    pub skipped: usize,
    /// (document, reason), one per failed document.
    pub failed: Vec<(String, String)>,
    pub pages: usize,
    pub tables: usize,
    /// Stopped by a signal before every document was done.
    pub interrupted: bool,
}

/// Converts `items` into their workbooks; `outdir` holds the temporary
/// folder archives are unpacked into.
pub fn convert_batch(
    items: Vec<Item>,
    outdir: &Path,
    opts: &BatchOptions,
    config: &Config,
    progress: &Progress,
) -> Result<BatchSummary, Error> {
    let settings = WorkerSettings {
        dpi: config.render.dpi,
        detect: config.detect.clone(),
        debug_dir: None,
    };
    let mut pool = Pool::new(
        Pool::current_program()?,
        config.worker_count(),
        settings,
        Duration::from_secs(config.pool.job_timeout_secs),
    );
    pool.cancel_on(&INTERRUPTED);
    let mut batch = Batch {
        opts,
        config,
        progress,
        outdir,
        report: Report::create(opts.report.as_deref())?,
        unpacker: None,
        docs: BTreeMap::new(),
        closing: Vec::new(),
        jobs: HashMap::new(),
        next_job: 0,
        next_doc: 0,
        summary: BatchSummary {
            files: items.len(),
            ..BatchSummary::default()
        },
    };
    let mut queue: VecDeque<Item> = items.into();
    let max_open = config.open_documents();
    let pages_ahead = config.pages_ahead();
    loop {
        if INTERRUPTED.load(Ordering::SeqCst) {
            break;
        }
        batch.reap(false)?;
        while batch.docs.len() < max_open {
            let Some(item) = queue.pop_front() else { break };
            batch.open(item)?;
        }
        for (&id, doc) in batch.docs.iter_mut() {
            // Keep each document's detection within its window ahead of its
            // writer, as `run` does for one.
            while doc.next_page < doc.pages.len()
                && doc.next_page < doc.reorder.pages_released() + pages_ahead
            {
                let page = doc.pages[doc.next_page];
                let job = JobId(batch.next_job);
                batch.next_job += 1;
                batch.jobs.insert(job, (id, Pending::Page(page)));
                pool.submit(Job::Detect(DetectJob {
                    job,
                    pdf: doc.pdf.clone(),
                    password: opts.password.clone(),
                    page,
                }));
                doc.next_page += 1;
                doc.outstanding += 1;
            }
        }
        let complete: Vec<u64> = batch
            .docs
            .iter()
            .filter(|(_, d)| d.next_page == d.pages.len() && d.outstanding == 0)
            .map(|(&id, _)| id)
            .collect();
        for id in complete {
            batch.close(id);
        }
        if batch.docs.is_empty() && queue.is_empty() {
            break;
        }
        if let Some(event) = pool.next_event()? {
            batch.on_event(event, &mut pool);
        }
    }
    // Stop the workers first: on an interruption their jobs are abandoned.
    drop(pool);
    let interrupted = INTERRUPTED.load(Ordering::SeqCst);
    // Open documents end unwritten (their writers see the flag), closing
    // ones are waited for.
    let ids: Vec<u64> = batch.docs.keys().copied().collect();
    for id in ids {
        batch.close(id);
    }
    batch.reap(true)?;
    batch.summary.interrupted = interrupted;
    Ok(batch.summary)
}

/// What a job id stands for.
enum Pending {
    Page(u32),
    Table(TableIndex, TableRegion),
}

/// A document being converted.
struct Doc {
    display: String,
    /// The PDF workers open: the input, or an archive entry unpacked.
    pdf: PathBuf,
    output: PathBuf,
    pages: Vec<u32>,
    next_page: usize,
    /// Jobs submitted and not yet answered.
    outstanding: usize,
    reorder: ReorderBuffer<ExtractedTable>,
    /// Between the reorder buffer and the writer: tables over pages as one.
    stitcher: Stitcher,
    /// `None` once the writer thread has stopped on an error.
    writer: Option<SyncSender<ExtractedTable>>,
    writer_thread: JoinHandle<Result<bool, Error>>,
    tables: usize,
    failures: Vec<String>,
    started: Instant,
    _unpacked: Option<TempPdf>,
}

impl Doc {
    /// Hands a finished table to the writer thread.
    fn send(&mut self, table: ExtractedTable, progress: &Progress) {
        if table.last_page > table.index.page {
            progress.note(&format!(
                "{}: {} continues over pages {}, written as one table",
                self.display,
                table.index,
                table.pages_label()
            ));
        }
        self.tables += 1;
        let sent = self.writer.as_ref().map(|w| w.send(table).is_ok());
        if sent == Some(false) {
            // The writer stopped on an error, which its thread returns.
            self.writer = None;
        }
    }
}

struct Batch<'a> {
    opts: &'a BatchOptions,
    config: &'a Config,
    progress: &'a Progress,
    outdir: &'a Path,
    report: Report,
    unpacker: Option<Unpacker>,
    docs: BTreeMap<u64, Doc>,
    /// Documents whose writer is finishing the workbook.
    closing: Vec<Doc>,
    jobs: HashMap<JobId, (u64, Pending)>,
    next_job: u64,
    next_doc: u64,
    summary: BatchSummary,
}

impl Batch<'_> {
    /// Starts converting `item`, or records why it is not converted.
    fn open(&mut self, item: Item) -> Result<(), Error> {
        let started = Instant::now();
        let fail = |this: &mut Self, reason: String| {
            this.finish_record(
                &item.display,
                None,
                Status::Failed,
                0,
                0,
                started,
                Some(reason),
            )
        };
        if let Source::Broken(reason) = &item.source {
            return fail(self, reason.clone());
        }
        if self.opts.skip_existing && item.output.exists() {
            let output = Some(item.output.display().to_string());
            return self.finish_record(&item.display, output, Status::Skipped, 0, 0, started, None);
        }
        let (pdf, unpacked) = match &item.source {
            Source::File(path) => (path.clone(), None),
            Source::ZipEntry { archive, index } => {
                if self.unpacker.is_none() {
                    std::fs::create_dir_all(self.outdir).map_err(|source| Error::Io {
                        path: self.outdir.to_owned(),
                        source,
                    })?;
                    self.unpacker = Some(Unpacker::new(
                        self.outdir,
                        self.config.batch.max_unzipped_bytes,
                        self.config.batch.max_pdf_bytes,
                    )?);
                }
                let unpacker = self.unpacker.as_mut().expect("created above");
                match unpacker.unpack(archive, *index) {
                    Ok(temp) => (temp.path().to_owned(), Some(temp)),
                    Err(reason) => return fail(self, reason),
                }
            }
            Source::Broken(_) => unreachable!("handled above"),
        };
        let pages = match self.select_pages(&pdf) {
            Ok(pages) => pages,
            Err(reason) => return fail(self, reason),
        };
        if let Some(parent) = item.output.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return fail(self, format!("cannot create {}: {e}", parent.display()));
            }
        }
        // An interrupted batch drops its unfinished workbooks.
        let (writer, writer_thread) = spawn_writer(&item.output, &self.config.output, || {
            INTERRUPTED.load(Ordering::SeqCst)
        });
        self.progress
            .document_opened(&item.display, pages.len() as u64);
        let id = self.next_doc;
        self.next_doc += 1;
        self.docs.insert(
            id,
            Doc {
                display: item.display,
                pdf,
                output: item.output,
                reorder: ReorderBuffer::new(pages.clone()),
                stitcher: Stitcher::new(self.config.output.stitch_continued_tables),
                pages,
                next_page: 0,
                outstanding: 0,
                writer: Some(writer),
                writer_thread,
                tables: 0,
                failures: Vec::new(),
                started,
                _unpacked: unpacked,
            },
        );
        Ok(())
    }

    /// The pages of `pdf` to convert, or why it cannot be converted.
    fn select_pages(&self, pdf: &Path) -> Result<Vec<u32>, String> {
        let doc =
            render::open_document(pdf, self.opts.password.as_deref()).map_err(|e| match e {
                Error::Open { message, .. } => format!("cannot open as PDF: {message}"),
                other => other.reason(),
            })?;
        let count = render::page_count(&doc, pdf).map_err(|e| e.reason())?;
        if count == 0 {
            return Err("the document has no pages".to_owned());
        }
        match &self.opts.pages {
            None => Ok((1..=count).collect()),
            Some(list) => {
                let pages = list.resolve(count);
                if let Some(bad) = pages.iter().find(|&&p| p > count) {
                    return Err(format!(
                        "there is no page {bad}; the document has {count} page{}",
                        if count == 1 { "" } else { "s" }
                    ));
                }
                Ok(pages)
            }
        }
    }

    fn on_event(&mut self, event: PoolEvent, pool: &mut Pool) {
        let job = match &event {
            PoolEvent::Detected { job, .. }
            | PoolEvent::Extracted { job, .. }
            | PoolEvent::Failed { job, .. } => *job,
            PoolEvent::WorkerLost(loss) => {
                self.progress.warn(&loss.to_string());
                return;
            }
        };
        let Some((id, pending)) = self.jobs.remove(&job) else {
            return;
        };
        let Some(doc) = self.docs.get_mut(&id) else {
            return;
        };
        doc.outstanding -= 1;
        match (event, pending) {
            (
                PoolEvent::Detected {
                    page,
                    tables,
                    frame,
                    ..
                },
                _,
            ) => {
                doc.reorder.page_detected(page, tables.len() as u32);
                doc.stitcher.page_detected(page, frame, &tables);
                self.progress.page_detected(tables.len() as u64);
                for (ordinal, region) in tables.into_iter().enumerate() {
                    let index = TableIndex {
                        page,
                        ordinal: ordinal as u32,
                    };
                    let job = JobId(self.next_job);
                    self.next_job += 1;
                    self.jobs
                        .insert(job, (id, Pending::Table(index, region.clone())));
                    doc.outstanding += 1;
                    pool.submit(Job::Extract(ExtractJob {
                        job,
                        pdf: doc.pdf.clone(),
                        password: self.opts.password.clone(),
                        index,
                        region,
                    }));
                }
            }
            (PoolEvent::Extracted { rows, .. }, Pending::Table(index, region)) => {
                doc.reorder.insert(
                    index,
                    Some(ExtractedTable {
                        index,
                        region,
                        rows,
                        last_page: index.page,
                    }),
                );
            }
            (PoolEvent::Failed { message, .. }, pending) => {
                let line = match &pending {
                    Pending::Page(p) => format!("{}: page {p}: {message}", doc.display),
                    Pending::Table(i, _) => format!("{}: {i}: {message}", doc.display),
                };
                self.progress.error(&line);
                doc.failures.push(line);
                match pending {
                    Pending::Page(page) => {
                        doc.reorder.page_detected(page, 0);
                        self.progress.page_detected(0);
                    }
                    Pending::Table(index, _) => doc.reorder.insert(index, None),
                }
            }
            _ => {}
        }
        while let Some((_, table)) = doc.reorder.pop() {
            let Some(table) = table else { continue };
            self.progress.table_written();
            for table in doc.stitcher.push(table) {
                doc.send(table, self.progress);
            }
        }
    }

    /// The document has all it will get: let its writer finish.
    fn close(&mut self, id: u64) {
        if let Some(mut doc) = self.docs.remove(&id) {
            if let Some(table) = doc.stitcher.finish() {
                doc.send(table, self.progress);
            }
            doc.writer = None;
            self.closing.push(doc);
        }
    }

    /// Records the documents whose writer has finished (with `wait`, all).
    fn reap(&mut self, wait: bool) -> Result<(), Error> {
        let mut i = 0;
        while i < self.closing.len() {
            if !wait && !self.closing[i].writer_thread.is_finished() {
                i += 1;
                continue;
            }
            let doc = self.closing.swap_remove(i);
            let written = doc
                .writer_thread
                .join()
                .expect("the writer thread does not panic");
            let pages = doc.pages.len();
            let output = Some(doc.output.display().to_string());
            match written {
                // Interrupted: neither done nor failed; a resumed batch does it.
                Ok(false) => {}
                Ok(true) if doc.failures.is_empty() => {
                    self.summary.pages += pages;
                    self.summary.tables += doc.tables;
                    self.finish_record(
                        &doc.display,
                        output,
                        Status::Ok,
                        pages,
                        doc.tables,
                        doc.started,
                        None,
                    )?;
                }
                Ok(true) => {
                    self.summary.pages += pages;
                    self.summary.tables += doc.tables;
                    let n = doc.failures.len();
                    let reason = format!(
                        "{n} page{} or table{} failed, the rest written: {}",
                        if n == 1 { "" } else { "s" },
                        if n == 1 { "" } else { "s" },
                        doc.failures.join("; ")
                    );
                    self.finish_record(
                        &doc.display,
                        output,
                        Status::Failed,
                        pages,
                        doc.tables,
                        doc.started,
                        Some(reason),
                    )?;
                }
                Err(e) => {
                    let reason = e.to_string();
                    self.finish_record(
                        &doc.display,
                        None,
                        Status::Failed,
                        pages,
                        doc.tables,
                        doc.started,
                        Some(reason),
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Counts a document as done, reports it, and writes its report line.
    #[allow(clippy::too_many_arguments)]
    fn finish_record(
        &mut self,
        display: &str,
        output: Option<String>,
        status: Status,
        pages: usize,
        tables: usize,
        started: Instant,
        error: Option<String>,
    ) -> Result<(), Error> {
        match status {
            Status::Ok => self.summary.converted += 1,
            Status::Skipped => self.summary.skipped += 1,
            Status::Failed => {
                let reason = error.clone().unwrap_or_default();
                // Failures of single pages were named as they happened.
                if output.is_none() && !reason.starts_with(display) {
                    self.progress.error(&format!("{display}: {reason}"));
                }
                self.summary.failed.push((display.to_owned(), reason));
            }
        }
        self.progress.file_done();
        self.report.record(&FileRecord {
            path: display.to_owned(),
            output,
            status,
            pages,
            tables,
            seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            error,
        })
    }
}
