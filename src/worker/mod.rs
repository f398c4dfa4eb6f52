//! The worker process: the same binary started as `tables2xlsx __worker`.
//! Everything under `src/worker/` runs here, never in the parent: opening
//! PDFs with MuPDF (`render`), turning pages printed sideways (`turn`),
//! reading scanned pages by OCR (`ocr`), finding tables (`detect`),
//! measuring how they sit on the page (`frame`) and reading their cells
//! (`extract`).
//!
//! It reads requests from stdin and answers on stdout, one JSON line each
//! (see `protocol`); stderr is for diagnostics, which the parent keeps the
//! tail of. A worker serves many jobs. It keeps the last document and the
//! last page (with its text layer) open, because a page's tables usually
//! follow its detection and MuPDF documents cannot be handed between
//! processes. A panic in one job answers that job `failed` and the worker
//! goes on; what the parent must expect is a worker that dies outright
//! (MuPDF aborting, the memory limit), which the pool reports.

pub mod bidi;
pub mod caption;
pub mod detect;
pub mod extract;
pub mod frame;
pub mod ocr;
pub mod render;
pub mod turn;

use std::io::{BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use mupdf::{Document, Page};

use crate::config::OcrMode;
use crate::error::Error;
use crate::protocol::{
    DetectJob, ExtractJob, JobId, OcrChar, OpenJob, PageTables, Request, Response, TableRow,
    WorkerSettings, PROTOCOL_VERSION,
};
use crate::table::{Caption, Rect};
use extract::TextChar;
use render::{PageImage, Showing};
use turn::Turn;

/// Serves requests until stdin closes.
pub fn serve(input: impl BufRead, output: impl Write) -> std::io::Result<()> {
    // A job's answer (a table's rows, then `done`) goes out in one write, not
    // one per line: each write wakes the parent's reader thread.
    let mut output = std::io::BufWriter::with_capacity(64 << 10, output);
    // One line naming the panic, whatever RUST_BACKTRACE says: the parent
    // quotes it, and a backtrace would push it out of the stderr it keeps.
    panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        eprintln!(
            "worker: panicked{location}: {}",
            crate::error::panic_message(info.payload())
        );
    }));
    keep_freed_memory();
    let mut worker = Worker::new();
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
        for response in worker.handle_guarded(request) {
            output.write_all(response.to_line().as_bytes())?;
        }
        output.flush()?;
    }
    Ok(())
}

/// Bounds this worker as the pool's command line asks (`__worker PARENT
/// MEMORY`, see `pool`): it dies with the parent however the parent ends,
/// and lives under an address space limit of MEMORY bytes (0: none). Set
/// here, before any job, not between fork and exec in the parent: that
/// would make every start a fork of the parent.
pub fn bound_self(args: &[std::ffi::OsString]) {
    let number = |i: usize| -> Option<u64> { args.get(i)?.to_str()?.parse().ok() };
    #[cfg(target_os = "linux")]
    if let Some(parent) = number(0) {
        // SAFETY: prctl and getppid only set and read this process's state.
        unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            // The parent died before the line above: nobody would kill us.
            if u64::from(libc::getppid().unsigned_abs()) != parent {
                std::process::exit(1);
            }
        }
    }
    if let Some(memory) = number(1).filter(|&m| m > 0) {
        let limit = libc::rlimit {
            rlim_cur: memory as libc::rlim_t,
            rlim_max: memory as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct it is given and nothing else.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &limit);
        }
    }
}

/// Makes the allocator keep memory the worker frees for its next page
/// instead of handing it back to the kernel: a page's images are megabytes,
/// which glibc would map fresh for every page (and the kernel zero, a fault
/// per 4 KiB). The worker's peak is what it keeps, bounded by
/// `pool.worker_memory_mb` like everything else.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before any
    // thread of the worker allocates concurrently.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 512 << 20);
    }
}

struct Worker {
    settings: WorkerSettings,
    document: Option<(PathBuf, Document)>,
    /// The pages open, with their text layers, the latest last: a page's
    /// tables are often extracted after the worker has gone on to the next
    /// page (the pool sends it while the last runs).
    pages: Vec<OpenPage>,
    fault: Option<fault::Fault>,
    /// The OCR models, loaded on the first scanned page (or why they could not be).
    ocr: Option<Result<ocr::Engine, String>>,
}

struct OpenPage {
    pdf: PathBuf,
    number: u32,
    page: Page,
    /// In the turned page's coordinates when the page is turned.
    chars: Vec<TextChar>,
    /// The page's bounds, unturned.
    bounds: Rect,
    turn: Turn,
    /// Glyphs that show, not counting an invisible OCR layer.
    visible: usize,
    /// When `chars` were read by OCR: each one's confidence.
    confidence: Option<Vec<f32>>,
}

/// A table's rows of cell text, per row the columns of the cells that OCR
/// was unsure of, and its title and notes.
type Extracted = (Vec<Vec<String>>, Vec<Vec<u32>>, Caption);

/// A page with fewer glyphs than this (a page number, a stamp) has no text
/// layer to speak of: if it has ink, it is a scan.
const MIN_GLYPHS: usize = 5;
/// A page with fewer ink pixels than this share is blank, scan or not.
const MIN_INK_SHARE: f32 = 0.0005;

impl Worker {
    fn new() -> Worker {
        let defaults = crate::config::Config::default();
        Worker {
            settings: WorkerSettings {
                render: defaults.render,
                detect: defaults.detect,
                ocr: defaults.ocr,
            },
            document: None,
            pages: Vec::new(),
            fault: None,
            ocr: None,
        }
    }

    /// Handles a request; a job that panics is answered `failed`, and the
    /// document it was on is closed, since MuPDF's state is then unknown.
    fn handle_guarded(&mut self, request: Request) -> Vec<Response> {
        let job = match &request {
            Request::Hello { .. } => None,
            Request::Open(j) => Some(j.job),
            Request::Detect(j) => Some(j.job),
            Request::Extract(j) => Some(j.job),
        };
        match panic::catch_unwind(AssertUnwindSafe(|| self.handle(request))) {
            Ok(responses) => responses,
            Err(payload) => {
                self.pages.clear();
                self.document = None;
                job.map_or_else(Vec::new, |job| {
                    vec![Response::Failed {
                        job,
                        message: format!(
                            "internal error (a bug, please report it): {}",
                            crate::error::panic_message(payload.as_ref())
                        ),
                    }]
                })
            }
        }
    }

    fn handle(&mut self, request: Request) -> Vec<Response> {
        match request {
            Request::Hello { protocol, settings } => {
                if protocol != PROTOCOL_VERSION {
                    eprintln!(
                        "worker: parent speaks protocol {protocol}, this worker {PROTOCOL_VERSION}"
                    );
                }
                self.settings = settings;
                self.fault = fault::from_env();
                vec![Response::Ready {
                    protocol: PROTOCOL_VERSION,
                    version: env!("CARGO_PKG_VERSION").to_owned(),
                    pid: std::process::id(),
                }]
            }
            Request::Open(job) => {
                fault::trigger(&self.fault, &job.pdf, 0, None);
                match self.open(&job) {
                    Ok(pages) => vec![Response::Opened {
                        job: job.job,
                        pages,
                    }],
                    Err(e) => vec![failed(job.job, e)],
                }
            }
            Request::Detect(job) => {
                fault::trigger(&self.fault, &job.pdf, job.page, None);
                match self.detect(&job) {
                    Ok(page) => vec![Response::Page(page)],
                    Err(e) => vec![failed(job.job, e)],
                }
            }
            Request::Extract(job) => {
                fault::trigger(
                    &self.fault,
                    &job.pdf,
                    job.index.page,
                    Some(job.index.ordinal),
                );
                let id = job.job;
                match self.extract(&job) {
                    Ok((rows, mut unsure, caption)) => {
                        let n = rows.len() as u32;
                        unsure.resize(rows.len(), Vec::new());
                        let mut out: Vec<Response> = rows
                            .into_iter()
                            .zip(unsure)
                            .enumerate()
                            .map(|(row, (cells, unsure))| {
                                Response::Row(TableRow {
                                    job: id,
                                    row: row as u32,
                                    cells,
                                    unsure,
                                })
                            })
                            .collect();
                        out.push(Response::Done {
                            job: id,
                            rows: n,
                            caption,
                        });
                        out
                    }
                    Err(e) => vec![failed(id, e)],
                }
            }
        }
    }

    fn open(&mut self, job: &OpenJob) -> Result<u32, Error> {
        let doc = self.document(&job.pdf, job.password.as_deref())?;
        render::page_count(doc, &job.pdf)
    }

    fn detect(&mut self, job: &DetectJob) -> Result<PageTables, Error> {
        let (dpi, max_megapixels) = (
            self.settings.render.dpi,
            self.settings.render.max_megapixels,
        );
        let detect_settings = self.settings.detect.clone();
        let mode = self.settings.ocr.mode;
        let page_error = |message: String| Error::Page {
            path: job.pdf.clone(),
            page: job.page,
            message,
        };
        // A page read by OCR before must be rendered and straightened again.
        (self.pages)
            .retain(|p| !(p.confidence.is_some() && p.pdf == job.pdf && p.number == job.page));
        // Detection reads the text from the text layer and the page's
        // drawing without it. Drawing it so passes MuPDF's calls through
        // Rust, which a page's hostile marked content (text that is not
        // UTF-8) can abort; the pool's second try draws it plainly.
        let showing = match job.retry {
            false => Showing::Graphics,
            true => Showing::Everything,
        };
        let reading = match showing {
            Showing::Graphics => Reading::Drawn {
                dpi,
                max_megapixels,
            },
            Showing::Everything => Reading::Text,
        };
        let (page, drawn) = self.open_page(&job.pdf, job.password.as_deref(), job.page, reading)?;
        let scale = render::render_scale(page.bounds, dpi, max_megapixels).ok_or_else(|| {
            page_error("the page has no usable size (its box is empty or not a number)".into())
        })?;
        let mut warnings = Vec::new();
        if scale * 72.0 < dpi - 0.5 {
            warnings.push(format!(
                "the page is {:.0} x {:.0} points, too large for {dpi} dpi within \
                 render.max_megapixels = {max_megapixels}: read at {:.0} dpi",
                page.bounds.width(),
                page.bounds.height(),
                scale * 72.0
            ));
        }
        let render = |page: &OpenPage, showing| {
            render::render_page(&page.page, scale, showing)
                .map(|image| page.turn.image(image))
                .map_err(|e| page_error(render::mupdf_message(&e)))
        };
        let mut image = match drawn {
            Some(image) => page.turn.image(image),
            None => render(page, showing)?,
        };
        let bounds = page.turn.bounds(page.bounds);
        let glyphs = page.chars.iter().filter(|c| !c.c.is_whitespace()).count();
        // A text layer most of whose glyphs (leaders' dots aside) have no
        // character, in fonts without Unicode for them, says nothing: OCR
        // reads what shows.
        // (Leaders looked for only where some glyph has none.)
        let without = |c: &TextChar| !c.c.is_whitespace() && extract::unnamed(c.c);
        let (named, unnamed) = match page.chars.iter().any(without) {
            false => (glyphs, 0),
            true => {
                let leaders = extract::leader_marks(&page.chars);
                let text = (page.chars.iter().zip(leaders))
                    .filter(|(c, leader)| !c.c.is_whitespace() && !leader);
                let unnamed = text.clone().filter(|(c, _)| without(c)).count();
                (text.count() - unnamed, unnamed)
            }
        };
        let visible = page.visible;
        let unreadable = mode != OcrMode::Off && glyphs >= MIN_GLYPHS && unnamed > named;
        // An invisible layer is what a scanner's OCR left: "auto" takes it
        // as it is, "force" reads the page again.
        let scanned = unreadable
            || match mode {
                OcrMode::Force => visible < MIN_GLYPHS,
                OcrMode::Auto | OcrMode::Off => glyphs < MIN_GLYPHS,
            } && ink_share(&image.pixels) >= MIN_INK_SHARE;
        if unreadable {
            warnings.push(format!(
                "{unnamed} of the page's {} glyphs have no character in its text layer \
                 (fonts without Unicode for them): read by OCR",
                named + unnamed
            ));
        }
        // OCR reads what a reader sees, text printed over the scan too.
        if scanned && mode != OcrMode::Off && visible > 0 && showing == Showing::Graphics {
            image = render(page, Showing::Everything)?;
        }
        let mut ocr_chars = None;
        let mut not_read = None;
        let mut straight = None;
        if scanned {
            let engine = match mode {
                OcrMode::Off => Err("OCR is off ([ocr] mode, --ocr)".to_owned()),
                _ => self
                    .ocr
                    .get_or_insert_with(ocr::Engine::load)
                    .as_ref()
                    .map_err(Clone::clone),
            };
            match engine {
                Ok(engine) => {
                    let read =
                        ocr::read_page(engine, image, 0, &detect_settings).map_err(page_error)?;
                    image = read.image;
                    straight = Some(read.straight);
                    ocr_chars = Some(
                        read.chars
                            .iter()
                            .zip(&read.confidence)
                            .map(|(c, &p)| ocr_char(c, p))
                            .collect::<Vec<_>>(),
                    );
                    let page = self.pages.last_mut().expect("opened above");
                    page.chars = read.chars;
                    page.confidence = Some(read.confidence);
                }
                Err(why) => {
                    not_read = Some(format!(
                        "a scanned page (an image without text), not read: {why}"
                    ))
                }
            }
        }
        let page = self.pages.last().expect("opened above");
        let surface = match ocr_chars.is_some() || visible < MIN_GLYPHS {
            true => detect::Surface::Scanned,
            false => detect::Surface::Drawn,
        };
        let found = detect::detect_tables(&image, &page.chars, surface, &detect_settings);
        let frame = frame::page_frame(bounds, &found.tables, &page.chars);
        if let Some(path) = &job.debug_picture {
            // The page as a reader sees it: a scan straightened, with its
            // text (detection saw it erased); a drawn page with its text
            // (detection saw none).
            match straight {
                Some(pixels) => image.pixels = render::grey(pixels),
                None if showing == Showing::Graphics => {
                    if let Ok(whole) = render(page, Showing::Everything) {
                        image = whole;
                    }
                }
                None => {}
            }
            let picture = detect::overlay::draw(&image, &found.rulings, &found.tables);
            // A picture that cannot be written must not cost the page its tables.
            if let Err(e) = picture.save(path) {
                eprintln!("worker: cannot write {}: {e}", path.display());
            }
        }
        Ok(PageTables {
            job: job.job,
            page: job.page,
            tables: found.tables,
            frame: Some(frame),
            warnings,
            ocr: ocr_chars,
            not_read,
        })
    }

    /// The table's rows, per row the columns of the cells that OCR was
    /// unsure of, and the table's caption.
    fn extract(&mut self, job: &ExtractJob) -> Result<Extracted, Error> {
        if !job.region.grid.is_consistent() {
            return Err(Error::Usage(
                "the job's grid does not cover every position exactly once".to_owned(),
            ));
        }
        let grid = &job.region.grid;
        // A scanned page's characters come with the job: the page is not
        // opened, let alone read by OCR again.
        let threshold = self.settings.ocr.low_confidence;
        let read: (Vec<TextChar>, Vec<f32>);
        let (chars, confidence): (&[TextChar], &[f32]) = match &job.ocr {
            Some(ocr) => {
                read = ocr.iter().map(|&c| text_char(c)).unzip();
                (&read.0, &read.1)
            }
            None => {
                let reading = Reading::Text;
                let (page, _) =
                    self.open_page(&job.pdf, job.password.as_deref(), job.index.page, reading)?;
                (&page.chars, page.confidence.as_deref().unwrap_or_default())
            }
        };
        let boundaries = extract::Boundaries::of(job.region.evidence);
        let mut rows = extract::cell_texts(chars, grid, boundaries);
        // (Characters with a confidence are OCR's.)
        if !confidence.is_empty() {
            ocr::figures_read_as_letters(&mut rows);
        }
        let unsure = if confidence.is_empty() {
            Vec::new()
        } else {
            extract::cell_minimum(chars, confidence, grid, boundaries)
                .iter()
                .map(|row| {
                    (0..row.len() as u32)
                        .filter(|&c| row[c as usize] < threshold)
                        .collect()
                })
                .collect()
        };
        let caption = caption::caption(chars, job.region.bbox);
        Ok((rows, unsure, caption))
    }

    /// The document, from the cache when it is the one open.
    fn document(&mut self, pdf: &Path, password: Option<&str>) -> Result<&Document, Error> {
        if !matches!(&self.document, Some((p, _)) if p == pdf) {
            self.pages.clear();
            self.document = None;
            self.document = Some((pdf.to_owned(), render::open_document(pdf, password)?));
        }
        Ok(&self.document.as_ref().expect("opened above").1)
    }

    /// The page, from the cache when it is open; it becomes the latest.
    /// A page not open yet is read as `reading` says: when it is drawn as
    /// well, its drawing comes back too.
    fn open_page(
        &mut self,
        pdf: &Path,
        password: Option<&str>,
        number: u32,
        reading: Reading,
    ) -> Result<(&OpenPage, Option<PageImage>), Error> {
        let cached = (self.pages.iter()).position(|p| p.pdf == pdf && p.number == number);
        let mut drawn = None;
        if let Some(i) = cached {
            let page = self.pages.remove(i);
            self.pages.push(page);
        } else {
            let doc = self.document(pdf, password)?;
            let page = render::load_page(doc, pdf, number)?;
            let page_error = |e: mupdf::Error| Error::Page {
                path: pdf.to_owned(),
                page: number,
                message: render::mupdf_message(&e),
            };
            let bounds = render::page_bounds(&page).map_err(page_error)?;
            let scale = match reading {
                Reading::Text => None,
                Reading::Drawn {
                    dpi,
                    max_megapixels,
                } => render::render_scale(bounds, dpi, max_megapixels),
            };
            let text = match scale {
                Some(scale) => {
                    let (image, text) =
                        render::render_with_text(&page, scale).map_err(page_error)?;
                    drawn = Some(image);
                    extract::chars_of(&text)
                }
                None => extract::page_chars(&page).map_err(page_error)?,
            };
            let extract::PageText {
                mut chars,
                turn,
                visible,
            } = text;
            // A page printed sideways is read turned upright, by detection
            // and extraction alike: both take the characters from here.
            if turn != Turn::Upright {
                for ch in &mut chars {
                    ch.bbox = turn.rect(bounds, ch.bbox);
                }
            }
            if self.pages.len() == OPEN_PAGES {
                self.pages.remove(0);
            }
            self.pages.push(OpenPage {
                pdf: pdf.to_owned(),
                number,
                page,
                chars,
                bounds,
                turn,
                visible,
                confidence: None,
            });
        }
        Ok((self.pages.last().expect("opened above"), drawn))
    }
}

/// How a page not open yet is read: for its text, or drawn for detection
/// too, at `dpi` within `max_megapixels` (see `render::render_scale`).
#[derive(Clone, Copy)]
enum Reading {
    Text,
    Drawn { dpi: f32, max_megapixels: f32 },
}

/// Pages a worker keeps open (see `Worker::pages`).
pub const OPEN_PAGES: usize = 2;

/// The share of a page image's pixels that are ink.
fn ink_share(pixels: &render::Grey) -> f32 {
    let ink = pixels.as_raw().iter().filter(|&&v| v < 128).count();
    ink as f32 / pixels.as_raw().len().max(1) as f32
}

/// An OCR'd character as the protocol carries it.
fn ocr_char(c: &TextChar, confidence: f32) -> OcrChar {
    let b = c.bbox;
    OcrChar(c.c, [b.x0, b.y0, b.x1, b.y1], c.line, c.size, confidence).rounded()
}

/// An OCR'd character from the protocol, and its confidence.
fn text_char(OcrChar(c, [x0, y0, x1, y1], line, size, confidence): OcrChar) -> (TextChar, f32) {
    (
        TextChar {
            c,
            bbox: Rect::new(x0, y0, x1, y1),
            line,
            size,
        },
        confidence,
    )
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
/// Format: `ACTION@PAGE` (detection of that page; page 0 is opening the
/// document) or `ACTION@PAGE.TABLE`
/// (extraction of that table, TABLE counted from 0), optionally followed by
/// `,pdf=NAME` (only in the PDF of that file name) and by `,once=PATH`: the
/// fault fires only while PATH does not exist, and creates it, so a retried
/// job succeeds. ACTION is `crash` (abort, killed by SIGABRT),
/// `exit` (exit status 3), `garbage` (prints a line that is not JSON),
/// `hang` (sleeps until killed), `spin` (busy on the CPU until killed),
/// `panic` (a Rust panic) or `oom` (allocates until the memory limit).
mod fault {
    use std::path::{Path, PathBuf};

    #[derive(Debug, Clone, PartialEq)]
    pub struct Fault {
        action: String,
        page: u32,
        table: Option<u32>,
        pdf: Option<String>,
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
        let (main, pdf) = match main.split_once(",pdf=") {
            Some((m, name)) => (m, Some(name.to_owned())),
            None => (main, None),
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
            pdf,
            once,
        })
    }

    pub fn trigger(fault: &Option<Fault>, pdf: &Path, page: u32, table: Option<u32>) {
        let Some(f) = fault else { return };
        if f.page != page || f.table != table {
            return;
        }
        let name = pdf.file_name().map(|n| n.to_string_lossy());
        if f.pdf
            .as_ref()
            .is_some_and(|want| name.as_deref() != Some(want.as_str()))
        {
            return;
        }
        if let Some(marker) = &f.once {
            if marker.exists() {
                return;
            }
            let _ = std::fs::write(marker, b"fired");
        }
        let place = match (page, table) {
            (0, _) => "open".to_owned(),
            (_, None) => format!("page {page}"),
            (_, Some(t)) => format!("page {page} table {}", t + 1),
        };
        eprintln!("worker: injected fault {} at {place}", f.action);
        match f.action.as_str() {
            "crash" => std::process::abort(),
            "exit" => std::process::exit(3),
            "garbage" => println!("this is not json {{"),
            "hang" => loop {
                std::thread::sleep(std::time::Duration::from_secs(60));
            },
            "spin" => {
                let mut x = 0u64;
                loop {
                    x = std::hint::black_box(x.wrapping_add(1));
                }
            }
            "panic" => panic!("injected panic"),
            "oom" => {
                // Touch every page, as a real runaway allocation would.
                let mut hoard: Vec<Vec<u8>> = Vec::new();
                loop {
                    hoard.push(vec![1u8; 64 << 20]);
                    std::hint::black_box(&hoard);
                }
            }
            _ => {}
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn specs_parse() {
            let f = parse("crash@2.1,pdf=a.pdf,once=/tmp/m").unwrap();
            assert_eq!(f.page, 2);
            assert_eq!(f.table, Some(1));
            assert_eq!(f.pdf.as_deref(), Some("a.pdf"));
            assert_eq!(f.once, Some(PathBuf::from("/tmp/m")));
            assert_eq!(parse("hang@3").unwrap().table, None);
            assert!(parse("nonsense").is_none());
        }
    }
}
