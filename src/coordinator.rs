//! The coordinator (in the parent): converts any number of documents on
//! one pool of workers. One PDF is a batch of one; there is no other path.
//!
//! It takes the plan the command line made (the documents `inputs` found,
//! already cut to this machine's shard, and what to do with each) and gives
//! a workbook per document, a report line per document and a summary. It
//! owns all state of a run: which documents are open, which of their pages
//! are detected and which tables are out for extraction, each document's
//! reorder buffer, stitcher and writer thread, and what failed.
//!
//! A document goes: opened by a worker (the parent never parses a PDF, so
//! a file that crashes MuPDF costs a worker, not the run) → its pages
//! detected, never more than `pool.pages_ahead` ahead of the page being
//! written, so memory stays flat in the length of a document → each table
//! extracted → reorder (table-index order) → stitch (tables over pages) →
//! its writer thread. Up to `batch.open_documents` documents are in flight
//! at once, their jobs interleaved on the same workers, so no core idles
//! until the last file.
//!
//! Invariants: one bad document never stops the others (its failure is
//! reported and counted); a workbook is renamed into place only when its
//! document is complete, so an interruption never leaves a half-written
//! one; every document ends in exactly one report line.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::thread::JoinHandle;
use std::time::Instant;

use crate::config::Config;
use crate::error::Error;
use crate::inputs::{Item, Source, TempPdf, Unpacker};
use crate::pages::{PageRanges, PageSelection};
use crate::pool::{Job, JobFailure, Pool, PoolEvent, PoolOptions};
use crate::progress::Progress;
use crate::protocol::{DetectJob, ExtractJob, JobId, OcrChar, OpenJob, PageTables, WorkerSettings};
use crate::reorder::ReorderBuffer;
use crate::report::{FileRecord, Report, Status, Summary};
use crate::stitch::Stitcher;
use crate::table::{ExtractedTable, OcrRead, Rect, TableIndex, TablePart, TableRegion};
use crate::write::{spawn_writer, ToWriter};

/// After this many pages in a row fail, the rest of the document is not
/// tried: it is damaged throughout, or claims pages it does not have (a
/// page count of billions costs nothing this way).
const MAX_FAILED_PAGES_IN_A_ROW: u32 = 20;

/// Set by SIGINT or SIGTERM: stop dispatching, end the workers, leave no
/// temporary file behind.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C (and `kill`) stop the run cleanly instead of killing it
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

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// What to convert and how: made by the command line.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The documents, in the order to convert them.
    pub items: Vec<Item>,
    /// Where archives are unpacked, one PDF at a time (the output folder).
    pub unpack_dir: PathBuf,
    pub pages: Option<PageSelection>,
    pub password: Option<String>,
    /// Convert only documents whose workbook does not exist yet.
    pub skip_existing: bool,
    /// Where to write a JSON line per document.
    pub report: Option<PathBuf>,
    /// Where to write a picture of each detected page.
    pub debug_dir: Option<PathBuf>,
}

/// Converts every document of `plan`.
pub fn convert(plan: Plan, config: &Config, progress: &Progress) -> Result<Summary, Error> {
    let settings = WorkerSettings {
        render: config.render.clone(),
        detect: config.detect.clone(),
        ocr: config.ocr.clone(),
    };
    let mut pool = Pool::new(PoolOptions::from_config(config, settings)?);
    pool.cancel_on(&INTERRUPTED);
    let mut run = Run {
        config,
        progress,
        report: Report::create(plan.report.as_deref())?,
        unpacker: None,
        links: None,
        next_link: 0,
        docs: BTreeMap::new(),
        closing: Vec::new(),
        jobs: HashMap::new(),
        next_job: 0,
        next_doc: 0,
        summary: Summary {
            files: plan.items.len(),
            ..Summary::default()
        },
        plan: Plan {
            items: Vec::new(),
            ..plan.clone()
        },
    };
    let mut queue: VecDeque<Item> = plan.items.into();
    let max_open = config.open_documents();
    let pages_ahead = config.pages_ahead() as u64;
    loop {
        if interrupted() {
            break;
        }
        run.reap(false);
        while run.docs.len() < max_open {
            let Some(item) = queue.pop_front() else { break };
            run.open(item, &mut pool);
        }
        run.dispatch_pages(&mut pool, pages_ahead);
        let complete: Vec<u64> = run
            .docs
            .iter()
            .filter(|(_, d)| d.is_complete())
            .map(|(&id, _)| id)
            .collect();
        for id in complete {
            run.close(id);
        }
        if run.docs.is_empty() && queue.is_empty() {
            break;
        }
        match pool.next_event()? {
            Some(event) => run.on_event(event, &mut pool),
            // Nothing queued or running, but documents remain: they were
            // just closed or opened; go round again.
            None if !interrupted() => continue,
            None => break,
        }
    }
    // Stop the workers first: on an interruption their jobs are abandoned.
    drop(pool);
    // Open documents end unwritten (their writers see the flag), closing
    // ones are waited for.
    let ids: Vec<u64> = run.docs.keys().copied().collect();
    for id in ids {
        run.close(id);
    }
    run.reap(true);
    run.summary.interrupted = interrupted();
    if let Err(e) = run.report.finish() {
        // Every document was still converted; the report is what failed.
        let line = format!("cannot write the report: {e}");
        run.progress.error(&line);
        run.summary.failed.push(("--report".to_owned(), line));
    }
    Ok(run.summary)
}

/// What a job id stands for.
enum Pending {
    Open,
    Page(u32),
    /// A table, and the mean confidence of its characters when OCR read them.
    Table(TableIndex, TableRegion, Option<f32>),
}

/// A document in flight.
struct Doc {
    item: Item,
    /// The PDF workers open: the input, or an archive entry unpacked.
    pdf: PathBuf,
    _unpacked: Option<TempPdf>,
    started: Instant,
    /// `None` while a worker opens the document.
    conversion: Option<Conversion>,
}

/// A document whose pages are being converted.
struct Conversion {
    pages: PageRanges,
    /// The next page to detect; `None` once all are out (or given up on).
    next_page: Option<u32>,
    /// Pages sent for detection so far.
    submitted: u64,
    failed_in_a_row: u32,
    /// Jobs submitted and not yet answered.
    outstanding: usize,
    reorder: ReorderBuffer<ExtractedTable>,
    /// Between the reorder buffer and the writer: tables over pages as one.
    stitcher: Stitcher,
    /// Tables less sure than this are dropped (`--min-confidence`).
    min_confidence: f32,
    /// The table being sent was dropped: so are its further parts.
    dropping: bool,
    /// `None` once the writer thread has stopped on an error.
    writer: Option<SyncSender<ToWriter>>,
    /// The table last sent and the pages it covers so far, to say so when
    /// it turns out to continue over pages.
    last_sent: Option<(TableIndex, u32)>,
    writer_thread: JoinHandle<Result<bool, Error>>,
    tables: usize,
    failures: Vec<String>,
}

impl Doc {
    fn is_complete(&self) -> bool {
        self.conversion
            .as_ref()
            .is_some_and(|c| c.next_page.is_none() && c.outstanding == 0)
    }
}

impl Conversion {
    /// Hands a table, or a part of one, to the writer thread.
    /// A table detection is less sure of than `--min-confidence` is not
    /// written but named, to the user and in the index.
    fn send(&mut self, part: TablePart, display: &str, progress: &Progress) {
        if !part.continues {
            let confidence = part.table.region.confidence;
            self.dropping = confidence < self.min_confidence;
            if self.dropping {
                let index = part.table.index;
                progress.note(&format!(
                    "{display}: {index} dropped: confidence {confidence:.2} is below \
                     --min-confidence {:.2}",
                    self.min_confidence
                ));
                self.send_writer(ToWriter::Dropped(index, confidence, self.min_confidence));
            }
        }
        if self.dropping {
            return;
        }
        if part.continues {
            if let Some((_, last)) = self.last_sent.as_mut() {
                *last = part.table.last_page;
            }
        } else {
            self.note_pages(display, progress);
            self.last_sent = Some((part.table.index, part.table.last_page));
            self.tables += 1;
        }
        self.send_writer(ToWriter::Part(part));
    }

    /// Has the index say why a page gave nothing.
    fn note_page(&mut self, page: u32, note: &str) {
        self.send_writer(ToWriter::PageNote(page, note.to_owned()));
    }

    fn send_writer(&mut self, message: ToWriter) {
        let sent = self.writer.as_ref().map(|w| w.send(message).is_ok());
        if sent == Some(false) {
            // The writer stopped on an error, which its thread returns.
            self.writer = None;
        }
    }

    /// Says so when the table last sent runs over pages.
    fn note_pages(&self, display: &str, progress: &Progress) {
        if let Some((index, last)) = self.last_sent.filter(|(i, last)| *last > i.page) {
            progress.note(&format!(
                "{display}: {index} continues over pages {}-{last}, written as one table",
                index.page
            ));
        }
    }

    /// Passes on every table the reorder buffer releases.
    fn release(&mut self, display: &str, progress: &Progress) {
        while let Some((_, table)) = self.reorder.pop() {
            let Some(table) = table else { continue };
            progress.table_written();
            for table in self.stitcher.push(table) {
                self.send(table, display, progress);
            }
        }
    }
}

/// A document whose writer is finishing the workbook.
struct Closing {
    item: Item,
    started: Instant,
    pages: u64,
    tables: usize,
    failures: Vec<String>,
    writer_thread: JoinHandle<Result<bool, Error>>,
}

struct Run<'a> {
    config: &'a Config,
    progress: &'a Progress,
    /// The plan's options (its items are in the queue).
    plan: Plan,
    report: Report,
    unpacker: Option<Unpacker>,
    /// Links with UTF-8 names to PDFs whose paths are not.
    links: Option<tempfile::TempDir>,
    next_link: u64,
    docs: BTreeMap<u64, Doc>,
    closing: Vec<Closing>,
    jobs: HashMap<JobId, (u64, Pending)>,
    next_job: u64,
    next_doc: u64,
    summary: Summary,
}

impl Run<'_> {
    fn new_job(&mut self, doc: u64, what: Pending) -> JobId {
        let id = JobId(self.next_job);
        self.next_job += 1;
        self.jobs.insert(id, (doc, what));
        id
    }

    /// Starts converting `item` (a worker opens it), or records why not.
    fn open(&mut self, item: Item, pool: &mut Pool) {
        let started = Instant::now();
        match &item.source {
            Source::Broken(reason) => {
                let reason = reason.clone();
                return self.record_failure(&item, started, reason, false);
            }
            Source::Skipped(reason) => {
                let reason = Some(reason.clone());
                return self.finish_record(&item, None, Status::Skipped, 0, 0, started, reason);
            }
            Source::File(_) | Source::ZipEntry { .. } => {}
        }
        let format = self.config.output.format;
        let done = match format.file_per_table() {
            true => crate::export::tables_written(&item.output, format),
            false => item.output.exists(),
        };
        if self.plan.skip_existing && done {
            let output = Some(item.output.display().to_string());
            return self.finish_record(&item, output, Status::Skipped, 0, 0, started, None);
        }
        let (pdf, unpacked) = match &item.source {
            Source::File(path) if path.to_str().is_none() => match self.utf8_link(path) {
                Ok(link) => (link.path().to_owned(), Some(link)),
                Err(reason) => return self.record_failure(&item, started, reason, false),
            },
            Source::File(path) => (path.clone(), None),
            Source::ZipEntry { archive, index } => match self.unpack(archive, *index) {
                Ok(temp) => (temp.path().to_owned(), Some(temp)),
                Err(reason) => return self.record_failure(&item, started, reason, false),
            },
            Source::Broken(_) | Source::Skipped(_) => unreachable!("handled above"),
        };
        let id = self.next_doc;
        self.next_doc += 1;
        let job = self.new_job(id, Pending::Open);
        pool.submit(Job::Open(OpenJob {
            job,
            pdf: pdf.clone(),
            password: self.plan.password.clone(),
        }));
        self.docs.insert(
            id,
            Doc {
                item,
                pdf,
                _unpacked: unpacked,
                started,
                conversion: None,
            },
        );
    }

    /// A UTF-8 name for a PDF whose path is not (a Linux file name may be
    /// any bytes), in a temporary folder of the run.
    fn utf8_link(&mut self, path: &Path) -> Result<TempPdf, String> {
        let reason = |e: std::io::Error| {
            format!(
                "cannot link to it under a UTF-8 name: {}",
                crate::error::io_reason(&e)
            )
        };
        if self.links.is_none() {
            let dir = tempfile::Builder::new()
                .prefix("tables2xlsx-links-")
                .tempdir()
                .map_err(reason)?;
            self.links = Some(dir);
        }
        let dir = self.links.as_ref().expect("created above").path();
        self.next_link += 1;
        crate::inputs::utf8_link(dir, self.next_link, path).map_err(reason)
    }

    /// Unpacks an archive's entry into the plan's unpacking folder; the
    /// reason why not, to fail the entry with.
    fn unpack(&mut self, archive: &Path, index: usize) -> Result<TempPdf, String> {
        if self.unpacker.is_none() {
            let dir = &self.plan.unpack_dir;
            let reason = |e: &std::io::Error| {
                format!(
                    "cannot unpack into {}: {}",
                    dir.display(),
                    crate::error::io_reason(e)
                )
            };
            std::fs::create_dir_all(dir).map_err(|e| reason(&e))?;
            let unpacker = Unpacker::new(
                dir,
                self.config.batch.max_unzipped_bytes,
                self.config.batch.max_pdf_bytes,
            )
            .map_err(|e| match e {
                Error::Io { source, .. } => reason(&source),
                other => other.to_string(),
            })?;
            self.unpacker = Some(unpacker);
        }
        self.unpacker
            .as_mut()
            .expect("created above")
            .unpack(archive, index)
    }

    /// A worker opened the document: it has `count` pages.
    fn opened(&mut self, id: u64, count: u32) {
        let Some(item) = self.docs.get(&id).map(|d| d.item.clone()) else {
            return;
        };
        let pages = match &self.plan.pages {
            None => Ok(PageRanges::all(count)),
            Some(selection) => selection.resolve(count),
        };
        let pages = match pages {
            Ok(pages) if pages.is_empty() => Err((false, "the document has no pages".to_owned())),
            Ok(pages) => Ok(pages),
            Err(no_such_page) => Err((true, no_such_page.to_string())),
        };
        let pages = match pages {
            Ok(pages) => pages,
            Err((by_arguments, reason)) => {
                let doc = self.docs.remove(&id).expect("looked up above");
                self.record_failure(&doc.item, doc.started, reason, by_arguments);
                return;
            }
        };
        if let Some(parent) = item.output.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                let doc = self.docs.remove(&id).expect("looked up above");
                let reason = format!(
                    "cannot create {}: {}",
                    parent.display(),
                    crate::error::io_reason(&e)
                );
                self.record_failure(&doc.item, doc.started, reason, false);
                return;
            }
        }
        if let Some(dir) = self
            .debug_picture(&item, 0)
            .and_then(|p| p.parent().map(Path::to_owned))
        {
            if let Err(e) = std::fs::create_dir_all(&dir) {
                self.progress.warn(&format!(
                    "cannot create {}: {}; no debug pictures",
                    dir.display(),
                    crate::error::io_reason(&e)
                ));
            }
        }
        // An interrupted run drops its unfinished workbooks.
        let (writer, writer_thread) = spawn_writer(&item.output, &self.config.output, interrupted);
        self.progress.document_opened(&item.display, pages.len());
        let doc = self.docs.get_mut(&id).expect("looked up above");
        doc.conversion = Some(Conversion {
            next_page: pages.first(),
            reorder: ReorderBuffer::new(pages.clone()),
            pages,
            submitted: 0,
            failed_in_a_row: 0,
            outstanding: 0,
            stitcher: Stitcher::new(self.config.output.stitch_continued_tables),
            min_confidence: self.config.output.min_confidence,
            dropping: false,
            writer: Some(writer),
            last_sent: None,
            writer_thread,
            tables: 0,
            failures: Vec::new(),
        });
    }

    /// Where the debug picture of `page` of a document goes: its workbook's
    /// path under the debug folder, `report-p007.png`.
    fn debug_picture(&self, item: &Item, page: u32) -> Option<PathBuf> {
        let dir = self.plan.debug_dir.as_ref()?;
        let key = Path::new(&item.key);
        let stem = key
            .file_stem()
            .map_or("page".into(), |s| s.to_string_lossy());
        let name = format!("{stem}-p{page:03}.png");
        Some(match key.parent() {
            Some(parent) => dir.join(parent).join(name),
            None => dir.join(name),
        })
    }

    /// Sends pages for detection, keeping each document within its window
    /// ahead of its writer.
    fn dispatch_pages(&mut self, pool: &mut Pool, pages_ahead: u64) {
        let ids: Vec<u64> = self.docs.keys().copied().collect();
        for id in ids {
            loop {
                let doc = &self.docs[&id];
                let Some(c) = doc.conversion.as_ref() else {
                    break;
                };
                let Some(page) = c.next_page else { break };
                if c.submitted >= c.reorder.pages_released() + pages_ahead {
                    break;
                }
                let (pdf, debug_picture) = (doc.pdf.clone(), self.debug_picture(&doc.item, page));
                let job = self.new_job(id, Pending::Page(page));
                pool.submit(Job::Detect(DetectJob {
                    job,
                    pdf,
                    password: self.plan.password.clone(),
                    page,
                    debug_picture,
                    retry: false,
                }));
                let c = self.docs.get_mut(&id).and_then(|d| d.conversion.as_mut());
                let c = c.expect("looked up above");
                c.next_page = c.pages.after(page);
                c.submitted += 1;
                c.outstanding += 1;
            }
        }
    }

    fn on_event(&mut self, event: PoolEvent, pool: &mut Pool) {
        let job = match &event {
            PoolEvent::Opened { job, .. }
            | PoolEvent::Detected { job, .. }
            | PoolEvent::Extracted { job, .. }
            | PoolEvent::Failed { job, .. }
            | PoolEvent::Slow { job, .. } => *job,
            PoolEvent::WorkerLost(loss) => loss.job,
        };
        let Some((id, pending)) = self.jobs.get(&job) else {
            return;
        };
        let id = *id;
        let what = match pending {
            Pending::Open => "opening it".to_owned(),
            Pending::Page(page) => format!("page {page}"),
            Pending::Table(index, ..) => index.to_string(),
        };
        let Some(display) = self.docs.get(&id).map(|d| d.item.display.clone()) else {
            self.jobs.remove(&job);
            return;
        };
        match event {
            PoolEvent::Slow { running, .. } => {
                self.progress.slow(&format!("{display}: {what}"), running);
                return;
            }
            PoolEvent::WorkerLost(loss) => {
                self.progress
                    .warn(&format!("{display}: {what}: {loss}; trying it again"));
                return;
            }
            _ => {}
        }
        let (_, pending) = self.jobs.remove(&job).expect("looked up above");
        match (event, pending) {
            (PoolEvent::Opened { pages, .. }, Pending::Open) => self.opened(id, pages),
            (PoolEvent::Failed { failure, .. }, Pending::Open) => {
                let doc = self.docs.remove(&id).expect("looked up above");
                let reason = match failure {
                    JobFailure::Refused(reason) => reason,
                    lost => format!("cannot be opened: {lost}"),
                };
                self.record_failure(&doc.item, doc.started, reason, false);
            }
            (PoolEvent::Detected { page, .. }, Pending::Page(_)) => {
                self.detected(id, &display, page, pool)
            }
            (
                PoolEvent::Extracted {
                    rows,
                    unsure,
                    caption,
                    ..
                },
                Pending::Table(index, region, ocr),
            ) => {
                let progress = self.progress;
                let c = self.conversion(id);
                c.outstanding -= 1;
                let table = ExtractedTable {
                    index,
                    region,
                    rows,
                    last_page: index.page,
                    ocr: ocr.map(|confidence| OcrRead { confidence, unsure }),
                    caption,
                };
                c.reorder.insert(index, Some(table));
                c.release(&display, progress);
            }
            (PoolEvent::Failed { failure, .. }, Pending::Page(page)) => {
                self.page_failed(id, &display, page, &failure.to_string())
            }
            (PoolEvent::Failed { failure, .. }, Pending::Table(index, ..)) => {
                let line = format!("{display}: {index}: {failure}");
                self.progress.error(&line);
                let progress = self.progress;
                let c = self.conversion(id);
                c.outstanding -= 1;
                c.failures.push(line);
                c.reorder.insert(index, None);
                c.release(&display, progress);
            }
            // Answers that do not fit the job are refused by the pool.
            _ => {}
        }
    }

    fn conversion(&mut self, id: u64) -> &mut Conversion {
        self.docs
            .get_mut(&id)
            .and_then(|d| d.conversion.as_mut())
            .expect("a page or table job belongs to a document being converted")
    }

    fn detected(&mut self, id: u64, display: &str, page: PageTables, pool: &mut Pool) {
        for warning in &page.warnings {
            self.progress
                .warn(&format!("{display}: page {}: {warning}", page.page));
        }
        if let Some(why) = &page.not_read {
            self.progress
                .warn(&format!("{display}: page {}: {why}", page.page));
            self.conversion(id).note_page(page.page, why);
        }
        self.progress.page_detected(page.tables.len() as u64);
        let pdf = self.docs[&id].pdf.clone();
        let number = page.page;
        {
            let c = self.conversion(id);
            c.outstanding -= 1;
            c.failed_in_a_row = 0;
            c.reorder.page_detected(number, page.tables.len() as u32);
            c.stitcher.page_detected(number, page.frame, &page.tables);
        }
        for (ordinal, region) in page.tables.into_iter().enumerate() {
            let index = TableIndex {
                page: number,
                ordinal: ordinal as u32,
            };
            // A scanned page's characters go with its tables' jobs, those of
            // each table and of the lines right above and below it (its
            // caption), so no worker reads the page again.
            let ocr = (page.ocr.as_ref()).map(|chars| chars_in(chars, &region.bbox, CAPTION_REACH));
            let confidence =
                (ocr.as_ref()).map(|chars| mean_confidence(&chars_in(chars, &region.bbox, 0.0)));
            let job = self.new_job(id, Pending::Table(index, region.clone(), confidence));
            pool.submit(Job::Extract(ExtractJob {
                job,
                pdf: pdf.clone(),
                password: self.plan.password.clone(),
                index,
                region,
                ocr,
            }));
            self.conversion(id).outstanding += 1;
        }
        let progress = self.progress;
        self.conversion(id).release(display, progress);
    }

    fn page_failed(&mut self, id: u64, display: &str, page: u32, reason: &str) {
        let line = format!("{display}: page {page}: {reason}");
        self.progress.error(&line);
        self.progress.page_detected(0);
        let progress = self.progress;
        let c = self.conversion(id);
        c.outstanding -= 1;
        c.failures.push(line);
        c.reorder.page_detected(page, 0);
        c.failed_in_a_row += 1;
        if c.failed_in_a_row >= MAX_FAILED_PAGES_IN_A_ROW {
            if let Some(next) = c.next_page.take() {
                let last = c.pages.label(next, u32::MAX);
                let left = c.pages.len() - c.submitted;
                let line = format!(
                    "{display}: pages {last} not tried: the {MAX_FAILED_PAGES_IN_A_ROW} pages \
                     before them all failed"
                );
                progress.error(&line);
                progress.pages_dropped(left);
                c.failures.push(line);
            }
        }
        c.release(display, progress);
    }

    /// The document has all it will get: let its writer finish.
    fn close(&mut self, id: u64) {
        let Some(doc) = self.docs.remove(&id) else {
            return;
        };
        let Some(mut c) = doc.conversion else {
            // Still opening (an interrupted run): nothing was written.
            return;
        };
        if let Some(part) = c.stitcher.finish() {
            c.send(part, &doc.item.display, self.progress);
        }
        c.note_pages(&doc.item.display, self.progress);
        drop(c.writer);
        self.closing.push(Closing {
            item: doc.item,
            started: doc.started,
            pages: c.submitted,
            tables: c.tables,
            failures: c.failures,
            writer_thread: c.writer_thread,
        });
    }

    /// Records the documents whose writer has finished (with `wait`, all).
    fn reap(&mut self, wait: bool) {
        let mut i = 0;
        while i < self.closing.len() {
            if !wait && !self.closing[i].writer_thread.is_finished() {
                i += 1;
                continue;
            }
            let doc = self.closing.swap_remove(i);
            let written = doc.writer_thread.join().unwrap_or_else(|panic| {
                Err(Error::Write {
                    path: doc.item.output.clone(),
                    message: format!(
                        "the writer failed: {}",
                        crate::error::panic_message(panic.as_ref())
                    ),
                })
            });
            let output = Some(doc.item.output.display().to_string());
            let (status, output, error) = match written {
                // Interrupted: neither done nor failed; a resumed batch does it.
                Ok(false) => continue,
                Ok(true) if doc.failures.is_empty() => (Status::Ok, output, None),
                Ok(true) => {
                    let n = doc.failures.len();
                    let reason = format!(
                        "{n} page{} or table{} failed, the rest written: {}",
                        if n == 1 { "" } else { "s" },
                        if n == 1 { "" } else { "s" },
                        doc.failures.join("; ")
                    );
                    (Status::Failed, output, Some(reason))
                }
                Err(e) => (Status::Failed, None, Some(e.to_string())),
            };
            if output.is_some() {
                self.summary.pages += doc.pages;
                self.summary.tables += doc.tables;
            }
            self.finish_record(
                &doc.item,
                output,
                status,
                doc.pages,
                doc.tables,
                doc.started,
                error,
            );
        }
    }

    /// A document that failed without a workbook, for `reason`.
    fn record_failure(
        &mut self,
        item: &Item,
        started: Instant,
        reason: String,
        by_arguments: bool,
    ) {
        if by_arguments {
            self.summary.failed_by_arguments += 1;
        }
        self.finish_record(item, None, Status::Failed, 0, 0, started, Some(reason))
    }

    /// Counts a document as done, reports it, and writes its report line.
    #[allow(clippy::too_many_arguments)]
    fn finish_record(
        &mut self,
        item: &Item,
        output: Option<String>,
        status: Status,
        pages: u64,
        tables: usize,
        started: Instant,
        error: Option<String>,
    ) {
        let display = item.display.as_str();
        if output.is_some() && status != Status::Skipped {
            self.summary.written += 1;
        }
        match status {
            Status::Ok => self.summary.converted += 1,
            Status::Skipped => {
                self.summary.skipped += 1;
                if let Some(reason) = &error {
                    self.progress.note(&format!("{display}: skipped: {reason}"));
                }
            }
            Status::Failed => {
                let reason = error.clone().unwrap_or_default();
                // Failures of single pages were named as they happened.
                if output.is_none() && !reason.starts_with(display) {
                    self.progress.error(&format!("{display}: {reason}"));
                } else if output.is_none() {
                    self.progress.error(&reason);
                }
                self.summary.failed.push((display.to_owned(), reason));
            }
        }
        self.progress.file_done();
        self.report.record(&FileRecord {
            path: display.to_owned(),
            output,
            status,
            pages: pages as usize,
            tables,
            seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            error,
        });
    }
}

/// How far above and below a scanned table its job's characters reach, in
/// points: a title of two lines and the line above it, the first notes.
const CAPTION_REACH: f32 = 72.0;

/// The characters whose centre lies in `bbox`, or just outside it (cells
/// reach to the table's edge), or up to `reach` above or below it.
fn chars_in(chars: &[OcrChar], bbox: &Rect, reach: f32) -> Vec<OcrChar> {
    const SLACK: f32 = 2.0;
    chars
        .iter()
        .filter(|OcrChar(_, [x0, y0, x1, y1], ..)| {
            let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            cx >= bbox.x0 - SLACK
                && cx <= bbox.x1 + SLACK
                && cy >= bbox.y0 - SLACK.max(reach)
                && cy <= bbox.y1 + SLACK.max(reach)
        })
        .copied()
        .collect()
}

/// The mean confidence of the characters that are not spaces; 1 for none.
fn mean_confidence(chars: &[OcrChar]) -> f32 {
    let glyphs: Vec<f32> = chars
        .iter()
        .filter(|c| !c.0.is_whitespace())
        .map(|c| c.4)
        .collect();
    if glyphs.is_empty() {
        1.0
    } else {
        glyphs.iter().sum::<f32>() / glyphs.len() as f32
    }
}
