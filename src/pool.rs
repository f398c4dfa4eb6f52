//! The pool (in the parent): at most 16 worker processes (this binary,
//! `__worker`), fed jobs one at a time on their stdin, answering in JSON
//! lines on their stdout.
//!
//! One thread (the caller's) owns all state; per worker, one thread forwards
//! stdout lines into a shared channel and one keeps the tail of stderr.
//! Workers are bounded: each runs in its own process group (the terminal's
//! Ctrl-C reaches only the parent, which ends them in order), dies with the
//! parent however it ends (`PR_SET_PDEATHSIG`), and lives under an address
//! space limit (`pool.worker_memory_mb`; the last two set by the worker as
//! it starts, `worker::bound_self`), so whatever a damaged PDF makes MuPDF
//! do, the worst case is one lost job.
//!
//! A job ends in exactly one event: done, or failed with a typed reason. A
//! worker that exits, is killed or prints something that is not a protocol
//! message is reported (`WorkerLost`) and its job tried once more on a
//! fresh worker; after a second loss the job fails. A job that runs too
//! long (past `pool.job_timeout_secs` of wall-clock time, or past both
//! `pool.min_job_secs` and `pool.slow_job_factor` times the median CPU time
//! of finished jobs of its kind) has its worker stopped and fails at once:
//! a page stuck in a damaged file would be stuck again.
//!
//! Extract jobs go first (the writer waits for them), each preferably to
//! the worker that has its page open; then opening documents, then
//! detecting pages.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::protocol::{
    DetectJob, ExtractJob, JobId, OpenJob, PageTables, Request, Response, WorkerSettings,
    PROTOCOL_VERSION, WORKER_SUBCOMMAND,
};
use crate::table::Caption;

/// How much of a worker's stderr is kept for a report.
const STDERR_TAIL_BYTES: usize = 4096;
/// How long a worker asked to stop (SIGTERM) has before it is killed.
const TERMINATE_GRACE: Duration = Duration::from_secs(2);
/// How often running jobs are checked against their limits.
const TICK: Duration = Duration::from_millis(200);
/// Each job runs at most this many times.
const MAX_ATTEMPTS: u32 = 2;
/// A job running this long is reported as slow (and again each time as long).
const SLOW_NOTICE: Duration = Duration::from_secs(5);
/// CPU times kept per kind of job for its median.
const TIMING_WINDOW: usize = 101;
/// What another worker costs before it is useful (its start, and the fonts
/// and colour tables its first page loads): queued work expected to take
/// less than this CPU time waits for the workers there are. So a document
/// of one page has one worker, one of two pages two (over the EU corpus,
/// one process a document, 4 % less time than with 50 ms).
const WORKER_START_COST: Duration = Duration::from_millis(10);
/// A worker is sent its next job while it runs one (the line waits in its
/// stdin) when jobs of the running one's kind take at most this much CPU:
/// the round trip through the parent costs such a job a good share of its
/// time. A longer job (a page read by OCR) would keep the next one from a
/// worker that falls idle meanwhile.
const PIPELINE_BELOW: Duration = Duration::from_millis(25);
/// How Rust's allocator reports running out of memory before it aborts.
const ALLOCATION_FAILED: &str = "memory allocation of";

#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    Open(OpenJob),
    Detect(DetectJob),
    Extract(ExtractJob),
}

/// Jobs of one kind take alike: their median is what "slow" is measured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    Open,
    Detect,
    Extract,
}

impl Job {
    pub fn id(&self) -> JobId {
        match self {
            Job::Open(j) => j.job,
            Job::Detect(j) => j.job,
            Job::Extract(j) => j.job,
        }
    }

    pub fn kind(&self) -> JobKind {
        match self {
            Job::Open(_) => JobKind::Open,
            Job::Detect(_) => JobKind::Detect,
            Job::Extract(_) => JobKind::Extract,
        }
    }

    /// The page the job reads, which the worker that ran it keeps open.
    fn page(&self) -> Option<(&std::path::Path, u32)> {
        match self {
            Job::Open(_) => None,
            Job::Detect(j) => Some((&j.pdf, j.page)),
            Job::Extract(j) => Some((&j.pdf, j.index.page)),
        }
    }

    /// The request for the job's `attempt`th try (from 1).
    fn request(&self, attempt: u32) -> Request {
        match self {
            Job::Open(j) => Request::Open(j.clone()),
            Job::Detect(j) => Request::Detect(DetectJob {
                retry: attempt > 1,
                ..j.clone()
            }),
            Job::Extract(j) => Request::Extract(j.clone()),
        }
    }
}

/// How a worker process ended or was given up on.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerOutcome {
    Exited(i32),
    Signaled(i32),
    /// Ran past `pool.job_timeout_secs` of wall-clock time and was stopped.
    TimedOut(Duration),
    /// Used far more CPU than jobs of its kind take, and was stopped.
    TooSlow {
        cpu: Duration,
        median: Duration,
    },
    /// It printed something that is not a protocol message (or out of turn).
    Garbage(String),
}

impl WorkerOutcome {
    /// Whether another try could end differently: a crash may be a passing
    /// fault (or a kill from outside); a job stopped for its time would be
    /// stopped again.
    fn worth_retrying(&self) -> bool {
        match self {
            WorkerOutcome::Exited(_) | WorkerOutcome::Signaled(_) | WorkerOutcome::Garbage(_) => {
                true
            }
            WorkerOutcome::TimedOut(_) | WorkerOutcome::TooSlow { .. } => false,
        }
    }
}

impl std::fmt::Display for WorkerOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WorkerOutcome::Exited(code) => write!(f, "exited with status {code}"),
            WorkerOutcome::Signaled(sig) => {
                write!(f, "was killed by signal {sig}{}", signal_name(*sig))
            }
            WorkerOutcome::TimedOut(d) => write!(
                f,
                "timed out after {}s and was stopped (pool.job_timeout_secs)",
                d.as_secs()
            ),
            WorkerOutcome::TooSlow { cpu, median } => write!(
                f,
                "was stopped after {:.1}s of CPU time, where jobs like it take {:.3}s \
                 (pool.min_job_secs, pool.slow_job_factor)",
                cpu.as_secs_f64(),
                median.as_secs_f64()
            ),
            WorkerOutcome::Garbage(line) => {
                write!(f, "sent a line that is not a protocol message: {line:.120}")
            }
        }
    }
}

/// The worker's glibc malloc settings: large blocks (a page's image, a
/// picture's samples) backed by transparent huge pages where the system
/// offers them on request. A page image is two megabytes touched at once;
/// in 4 KiB pages that was a third of the page faults of a one-page
/// document, each a trip into the kernel. Settings of the user's own come
/// after ours, so theirs win; other C libraries ignore the variable.
fn worker_tunables() -> std::ffi::OsString {
    let mut tunables = std::ffi::OsString::from("glibc.malloc.hugetlb=1");
    if let Some(own) = std::env::var_os("GLIBC_TUNABLES").filter(|t| !t.is_empty()) {
        tunables.push(":");
        tunables.push(own);
    }
    tunables
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGABRT => " (SIGABRT)",
        libc::SIGSEGV => " (SIGSEGV)",
        libc::SIGKILL => " (SIGKILL)",
        libc::SIGTERM => " (SIGTERM)",
        libc::SIGBUS => " (SIGBUS)",
        libc::SIGILL => " (SIGILL)",
        libc::SIGFPE => " (SIGFPE)",
        _ => "",
    }
}

/// A worker lost while it ran a job.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerLoss {
    pub job: JobId,
    pub pid: u32,
    pub outcome: WorkerOutcome,
    /// What the worker said of its end, from its stderr: its panic, a failed
    /// allocation, its last error line (never backtrace frames).
    pub cause: Option<String>,
    /// Which try of the job this was (1 or 2).
    pub attempt: u32,
    /// Whether the job was queued again (false: it has failed for good).
    pub retried: bool,
}

impl std::fmt::Display for WorkerLoss {
    /// "worker 123 was killed by signal 6 (SIGABRT): worker: panicked at ...".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "worker {} {}", self.pid, self.outcome)?;
        if let Some(cause) = &self.cause {
            write!(f, "; it said: {cause}")?;
        }
        Ok(())
    }
}

/// Why a job will not complete.
#[derive(Debug, Clone, PartialEq)]
pub enum JobFailure {
    /// The worker answered that it cannot be done (a page MuPDF cannot
    /// parse); another try would answer the same.
    Refused(String),
    /// It lost its worker: twice, or once by running too long.
    Lost(WorkerLoss),
}

impl std::fmt::Display for JobFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobFailure::Refused(message) => f.write_str(message),
            JobFailure::Lost(loss) if loss.attempt > 1 => {
                write!(f, "{loss} (second try; giving up)")
            }
            JobFailure::Lost(loss) => write!(f, "{loss}"),
        }
    }
}

/// What the pool reports back, one at a time.
#[derive(Debug, Clone, PartialEq)]
pub enum PoolEvent {
    Opened {
        job: JobId,
        pages: u32,
    },
    Detected {
        job: JobId,
        page: PageTables,
    },
    Extracted {
        job: JobId,
        rows: Vec<Vec<String>>,
        /// (row, column) of the cells OCR was unsure of.
        unsure: Vec<(u32, u32)>,
        /// The table's title and notes.
        caption: Caption,
    },
    /// The job will not complete.
    Failed {
        job: JobId,
        failure: JobFailure,
    },
    /// A worker was lost and its job queued again; the report is for the user.
    /// (When the job is not retried, a `Failed` event says so instead.)
    WorkerLost(WorkerLoss),
    /// A job has been running this long (reported every few seconds).
    Slow {
        job: JobId,
        running: Duration,
    },
}

/// How the pool starts and limits its workers.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub program: PathBuf,
    pub size: usize,
    pub settings: WorkerSettings,
    /// Wall-clock limit of any job.
    pub job_timeout: Duration,
    /// CPU time no job is stopped before.
    pub min_job_cpu: Duration,
    /// A job past `min_job_cpu` is stopped at this many times the median.
    pub slow_job_factor: f64,
    /// Address space of a worker, in bytes; 0 for no limit.
    pub worker_memory: u64,
}

impl PoolOptions {
    /// Options for a pool of `config`'s size, its workers started as
    /// [`worker_program`].
    pub fn from_config(
        config: &crate::config::Config,
        settings: WorkerSettings,
    ) -> Result<PoolOptions, Error> {
        Ok(PoolOptions {
            program: worker_program()?,
            size: config.worker_count(),
            settings,
            job_timeout: Duration::from_secs(config.pool.job_timeout_secs),
            min_job_cpu: Duration::from_secs_f64(config.pool.min_job_secs.max(0.0)),
            slow_job_factor: config.pool.slow_job_factor,
            worker_memory: config.pool.worker_memory_mb.saturating_mul(1 << 20),
        })
    }
}

pub struct Pool {
    options: PoolOptions,
    urgent: VecDeque<Queued>,
    opening: VecDeque<Queued>,
    normal: VecDeque<Queued>,
    workers: Vec<WorkerProc>,
    next_worker: usize,
    events: VecDeque<PoolEvent>,
    lines_tx: Sender<WorkerLine>,
    lines_rx: Receiver<WorkerLine>,
    /// Recent CPU times of finished jobs, per kind.
    timings: HashMap<JobKind, VecDeque<Duration>>,
    /// When running jobs were last checked against their limits.
    last_check: Instant,
    /// Set (by a signal handler) to stop: no more dispatching, and
    /// `next_event` returns `None` within a tick.
    cancel: Option<&'static AtomicBool>,
}

#[derive(Debug, Clone)]
struct Queued {
    job: Job,
    attempt: u32,
}

struct Running {
    queued: Queued,
    started: Instant,
    cpu_at_start: Option<Duration>,
    rows: Vec<Vec<String>>,
    unsure: Vec<(u32, u32)>,
    /// Slow notices given so far.
    notices: u32,
}

impl Running {
    /// A job starting now on the worker `pid`.
    fn new(queued: Queued, pid: u32) -> Running {
        Running {
            queued,
            started: Instant::now(),
            cpu_at_start: cpu_time(pid),
            rows: Vec::new(),
            unsure: Vec::new(),
            notices: 0,
        }
    }
}

struct WorkerProc {
    id: usize,
    pid: u32,
    child: ChildGuard,
    stdin: Option<ChildStdin>,
    stderr: Arc<Mutex<VecDeque<u8>>>,
    stderr_thread: Option<JoinHandle<()>>,
    running: Option<Running>,
    /// A job sent while `running` runs, to start when it ends.
    waiting: Option<Queued>,
    /// The pages it has open (of its last jobs, the latest last), with
    /// their text layers.
    pages: VecDeque<(PathBuf, u32)>,
}

/// A line from a worker's stdout, or the end of it (`None`).
struct WorkerLine {
    worker: usize,
    line: Option<String>,
}

impl Pool {
    /// A pool of up to `options.size` workers. Workers start when there is
    /// work for them.
    pub fn new(mut options: PoolOptions) -> Pool {
        options.size = options.size.clamp(1, crate::config::MAX_WORKERS);
        let (lines_tx, lines_rx) = mpsc::channel();
        Pool {
            options,
            urgent: VecDeque::new(),
            opening: VecDeque::new(),
            normal: VecDeque::new(),
            workers: Vec::new(),
            next_worker: 0,
            events: VecDeque::new(),
            lines_tx,
            lines_rx,
            timings: HashMap::new(),
            last_check: Instant::now(),
            cancel: None,
        }
    }

    /// Makes `next_event` give up (return `None`) once `flag` is set, even
    /// with jobs running; the caller then drops the pool, which ends them.
    pub fn cancel_on(&mut self, flag: &'static AtomicBool) {
        self.cancel = Some(flag);
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::SeqCst))
    }

    pub fn submit(&mut self, job: Job) {
        self.enqueue(Queued { job, attempt: 1 }, false);
    }

    /// Queues a job with the others of its kind: last, or first.
    fn enqueue(&mut self, queued: Queued, first: bool) {
        let queue = match queued.job {
            Job::Extract(_) => &mut self.urgent,
            Job::Open(_) => &mut self.opening,
            Job::Detect(_) => &mut self.normal,
        };
        match first {
            true => queue.push_front(queued),
            false => queue.push_back(queued),
        }
    }

    /// Jobs queued or running.
    pub fn pending(&self) -> usize {
        let sent = |w: &WorkerProc| w.running.is_some() as usize + w.waiting.is_some() as usize;
        self.queued() + self.workers.iter().map(sent).sum::<usize>()
    }

    /// Jobs that wait for a worker.
    pub fn queued(&self) -> usize {
        self.urgent.len() + self.opening.len() + self.normal.len()
    }

    /// Detect jobs waiting for a worker: the caller keeps a few queued so no
    /// worker idles, and no more, so memory stays flat.
    pub fn detect_jobs_queued(&self) -> usize {
        self.normal.len()
    }

    /// The next thing that happened, waiting for it; `None` when no job is
    /// queued or running (or the pool was cancelled).
    pub fn next_event(&mut self) -> Result<Option<PoolEvent>, Error> {
        loop {
            if self.cancelled() {
                return Ok(None);
            }
            if let Some(e) = self.events.pop_front() {
                return Ok(Some(e));
            }
            self.dispatch()?;
            if !self.events.is_empty() {
                continue;
            }
            if self.pending() == 0 {
                return Ok(None);
            }
            match self.lines_rx.recv_timeout(TICK) {
                Ok(WorkerLine {
                    worker,
                    line: Some(line),
                }) => self.on_line(worker, &line),
                Ok(WorkerLine { worker, line: None }) => self.on_closed(worker),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => unreachable!("the pool holds a sender"),
            }
            self.check_limits();
        }
    }

    /// Hands queued jobs to idle workers, starting workers up to the limit;
    /// then, while jobs remain, one more to each busy worker whose job is a
    /// short one, so it goes on without waiting for the parent.
    fn dispatch(&mut self) -> Result<(), Error> {
        while self.queued() > 0 {
            let idle = self.workers.iter().position(|w| w.running.is_none());
            let slot = match idle {
                Some(i) => i,
                None if self.workers.len() < self.options.size && self.worth_a_worker() => {
                    let worker = self.spawn()?;
                    self.workers.push(worker);
                    self.workers.len() - 1
                }
                None => break,
            };
            let queued = self.pick(slot).expect("queued > 0");
            let worker = &mut self.workers[slot];
            worker.running = Some(Running::new(queued, worker.pid));
            self.send(slot);
        }
        // Known to be short: jobs of its kind have finished (CPU time is
        // counted in clock ticks, so a short job's median is zero).
        let takes_another = |w: &WorkerProc| {
            w.waiting.is_none()
                && w.running.as_ref().is_some_and(|r| {
                    let kind = r.queued.job.kind();
                    self.timings.get(&kind).is_some_and(|t| !t.is_empty())
                        && self.median(kind) <= PIPELINE_BELOW
                })
        };
        let takers: Vec<usize> = (self.workers.iter())
            .filter(|w| takes_another(w))
            .map(|w| w.id)
            .collect();
        // Fewer jobs than takers: which of them frees first is not known,
        // and a job sent behind a slow page would wait there while another
        // worker idles; they go to whichever asks first.
        if self.queued() < takers.len() {
            return Ok(());
        }
        for id in takers {
            if self.queued() == 0 {
                break;
            }
            let Some(slot) = self.workers.iter().position(|w| w.id == id) else {
                continue; // lost while sending to another
            };
            let queued = self.pick(slot).expect("queued > 0");
            self.workers[slot].waiting = Some(queued);
            self.send(slot);
        }
        Ok(())
    }

    /// Writes the worker's latest job (its waiting one, else its running
    /// one) to its stdin; a worker that cannot take it has died and is
    /// reported with how it ended.
    fn send(&mut self, slot: usize) {
        let worker = &mut self.workers[slot];
        let queued = match (&worker.waiting, &worker.running) {
            (Some(q), _) => q,
            (None, Some(r)) => &r.queued,
            (None, None) => return,
        };
        let line = queued.job.request(queued.attempt).to_line();
        if let Some((pdf, page)) = queued.job.page() {
            let page = (pdf.to_owned(), page);
            worker.pages.retain(|p| *p != page);
            worker.pages.push_back(page);
            if worker.pages.len() > crate::worker::OPEN_PAGES {
                worker.pages.pop_front();
            }
        }
        let sent = worker
            .stdin
            .as_mut()
            .map(|s| s.write_all(line.as_bytes()).and_then(|_| s.flush()));
        if !matches!(sent, Some(Ok(()))) {
            let id = worker.id;
            let outcome = self.workers[slot].child.wait_outcome();
            self.lose(id, outcome);
        }
    }

    /// Whether the queued work pays for starting another worker: a worker
    /// costs its start and its first pages' fonts and colour tables, so a
    /// short document is better done by the workers already running.
    /// Judged by the CPU time the queued jobs are expected to take (the
    /// median of their kind so far, or a first guess).
    fn worth_a_worker(&self) -> bool {
        if self.workers.is_empty() {
            return true;
        }
        let expected = |kind: JobKind| match self.median(kind) {
            d if d > Duration::ZERO => d,
            _ => match kind {
                JobKind::Open => Duration::from_millis(5),
                JobKind::Detect => Duration::from_millis(20),
                JobKind::Extract => Duration::from_millis(2),
            },
        };
        let backlog: Duration = [&self.urgent, &self.opening, &self.normal]
            .into_iter()
            .flatten()
            .map(|q| expected(q.job.kind()))
            .sum();
        backlog >= WORKER_START_COST
    }

    /// The next job for the worker in `slot`. Extract jobs go first (the
    /// writer waits for them), and each preferably to the worker that has
    /// its page open, which read the page's text layer already: first one
    /// for one of this worker's pages, then one whose page no other busy
    /// worker has open;
    /// then opening documents, detecting pages, and last any extract job.
    fn pick(&mut self, slot: usize) -> Option<Queued> {
        fn key((pdf, n): &(PathBuf, u32)) -> (&std::path::Path, u32) {
            (pdf.as_path(), *n)
        }
        let own: Vec<(&std::path::Path, u32)> = self.workers[slot].pages.iter().map(key).collect();
        let held: Vec<(&std::path::Path, u32)> = (self.workers.iter())
            .enumerate()
            .filter(|&(i, w)| i != slot && w.running.is_some())
            .flat_map(|(_, w)| w.pages.iter().map(key))
            .collect();
        let found = self
            .urgent
            .iter()
            .position(|q| q.job.page().is_some_and(|p| own.contains(&p)))
            .or_else(|| {
                self.urgent
                    .iter()
                    .position(|q| q.job.page().is_none_or(|p| !held.contains(&p)))
            });
        if let Some(i) = found {
            return self.urgent.remove(i);
        }
        self.opening
            .pop_front()
            .or_else(|| self.normal.pop_front())
            .or_else(|| self.urgent.pop_front())
    }

    fn spawn(&mut self) -> Result<WorkerProc, Error> {
        let mut command = Command::new(&self.options.program);
        // The worker bounds itself from these (`worker::bound_self`) rather
        // than between fork and exec here: without that step the standard
        // library starts it with posix_spawn, which does not copy the
        // parent's page tables, a fork's cost at every start.
        let parent = std::process::id().to_string();
        let memory = self.options.worker_memory.to_string();
        command
            .args([WORKER_SUBCOMMAND, &parent, &memory])
            // Its own process group: the terminal's Ctrl-C reaches only the
            // parent, which ends the workers in order.
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // The pool is the parallelism: OCR's model runs in a worker take
            // one thread, not one per core each.
            .env("RTEN_NUM_THREADS", "1")
            .env("GLIBC_TUNABLES", worker_tunables());
        let mut child = command.spawn().map_err(Error::Spawn)?;
        let id = self.next_worker;
        self.next_worker += 1;
        let pid = child.id();
        let stdout = child.stdout.take().expect("stdout is piped");
        let stderr_pipe = child.stderr.take().expect("stderr is piped");
        let mut stdin = child.stdin.take().expect("stdin is piped");

        let tx = self.lines_tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(line) => {
                        if tx
                            .send(WorkerLine {
                                worker: id,
                                line: Some(line),
                            })
                            .is_err()
                        {
                            return;
                        }
                    }
                    Err(_) => break,
                }
            }
            let _ = tx.send(WorkerLine {
                worker: id,
                line: None,
            });
        });
        let stderr = Arc::new(Mutex::new(VecDeque::new()));
        let tail = Arc::clone(&stderr);
        let stderr_thread = std::thread::spawn(move || drain_into_tail(stderr_pipe, &tail));

        let hello = Request::Hello {
            protocol: PROTOCOL_VERSION,
            settings: self.options.settings.clone(),
        };
        // A failed write shows up as the worker's stdout closing.
        let _ = stdin.write_all(hello.to_line().as_bytes());
        Ok(WorkerProc {
            id,
            pid,
            child: ChildGuard(Some(child)),
            stdin: Some(stdin),
            stderr,
            stderr_thread: Some(stderr_thread),
            running: None,
            waiting: None,
            pages: VecDeque::new(),
        })
    }

    fn on_line(&mut self, worker: usize, line: &str) {
        let Some(slot) = self.workers.iter().position(|w| w.id == worker) else {
            return; // a worker already given up on
        };
        let response: Response = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(_) => return self.give_up_on(slot, WorkerOutcome::Garbage(line.to_owned())),
        };
        let w = &mut self.workers[slot];
        if let Response::Ready { protocol, .. } = response {
            if protocol != PROTOCOL_VERSION {
                let outcome = WorkerOutcome::Garbage(format!(
                    "speaks protocol {protocol}, the parent {PROTOCOL_VERSION}"
                ));
                self.give_up_on(slot, outcome);
            }
            return;
        }
        let expected = w.running.as_ref().map(|r| r.queued.job.id());
        if response.job() != expected {
            return self.give_up_on(slot, WorkerOutcome::Garbage(line.to_owned()));
        }
        let running = w.running.as_mut().expect("job matched");
        let kind = running.queued.job.kind();
        let event = match response {
            Response::Row(row) if row.row as usize == running.rows.len() => {
                running
                    .unsure
                    .extend(row.unsure.iter().map(|&c| (row.row, c)));
                running.rows.push(row.cells);
                return;
            }
            Response::Opened { job, pages } if kind == JobKind::Open => {
                PoolEvent::Opened { job, pages }
            }
            Response::Page(page) if kind == JobKind::Detect => PoolEvent::Detected {
                job: page.job,
                page,
            },
            Response::Done { job, rows, caption }
                if kind == JobKind::Extract && rows as usize == running.rows.len() =>
            {
                PoolEvent::Extracted {
                    job,
                    caption,
                    rows: std::mem::take(&mut running.rows),
                    unsure: std::mem::take(&mut running.unsure),
                }
            }
            Response::Failed { job, message } => PoolEvent::Failed {
                job,
                failure: JobFailure::Refused(message),
            },
            _ => return self.give_up_on(slot, WorkerOutcome::Garbage(line.to_owned())),
        };
        let running = w.running.take().expect("job matched");
        let pid = w.pid;
        // The worker goes on with the job waiting in its stdin.
        w.running = w.waiting.take().map(|next| Running::new(next, pid));
        self.record_timing(kind, &running, pid);
        self.events.push_back(event);
    }

    /// Keeps the CPU time a finished job took, for the median of its kind.
    fn record_timing(&mut self, kind: JobKind, running: &Running, pid: u32) {
        let spent = match (running.cpu_at_start, cpu_time(pid)) {
            (Some(start), Some(now)) => now.saturating_sub(start),
            _ => running.started.elapsed(),
        };
        let window = self.timings.entry(kind).or_default();
        if window.len() == TIMING_WINDOW {
            window.pop_front();
        }
        window.push_back(spent);
    }

    /// The median CPU time of finished jobs of `kind` (zero before any).
    fn median(&self, kind: JobKind) -> Duration {
        let Some(window) = self.timings.get(&kind).filter(|w| !w.is_empty()) else {
            return Duration::ZERO;
        };
        let mut sorted: Vec<Duration> = window.iter().copied().collect();
        sorted.sort_unstable();
        sorted[sorted.len() / 2]
    }

    /// The worker's stdout closed: it has exited or is about to.
    fn on_closed(&mut self, worker: usize) {
        let Some(slot) = self.workers.iter().position(|w| w.id == worker) else {
            return;
        };
        let outcome = self.workers[slot].child.wait_outcome();
        self.lose(worker, outcome);
    }

    /// Stops jobs past their limits; tells of jobs that are slow. At most
    /// once a tick: it reads /proc for every running worker.
    fn check_limits(&mut self) {
        if self.last_check.elapsed() < TICK {
            return;
        }
        self.last_check = Instant::now();
        let mut stop = Vec::new();
        for slot in 0..self.workers.len() {
            let pid = self.workers[slot].pid;
            let Some(r) = self.workers[slot].running.as_ref() else {
                continue;
            };
            let (job, kind, cpu_at_start) =
                (r.queued.job.id(), r.queued.job.kind(), r.cpu_at_start);
            let elapsed = r.started.elapsed();
            if elapsed > self.options.job_timeout {
                stop.push((slot, WorkerOutcome::TimedOut(self.options.job_timeout)));
                continue;
            }
            let notices = (elapsed.as_secs_f64() / SLOW_NOTICE.as_secs_f64()) as u32;
            if notices > r.notices {
                self.events.push_back(PoolEvent::Slow {
                    job,
                    running: elapsed,
                });
            }
            if let (Some(start), Some(now)) = (cpu_at_start, cpu_time(pid)) {
                let cpu = now.saturating_sub(start);
                let median = self.median(kind);
                let limit = self
                    .options
                    .min_job_cpu
                    .max(median.mul_f64(self.options.slow_job_factor));
                if cpu > limit {
                    stop.push((slot, WorkerOutcome::TooSlow { cpu, median }));
                }
            }
            if let Some(r) = self.workers[slot].running.as_mut() {
                r.notices = r.notices.max(notices);
            }
        }
        // Highest slot first: giving up on a worker removes it from the list.
        for (slot, outcome) in stop.into_iter().rev() {
            self.give_up_on(slot, outcome);
        }
    }

    /// Stops a misbehaving worker and reports it with `outcome`.
    fn give_up_on(&mut self, slot: usize, outcome: WorkerOutcome) {
        self.workers[slot].child.terminate();
        let id = self.workers[slot].id;
        self.lose(id, outcome);
    }

    /// Removes a worker that has ended; its job (if any) is retried or failed.
    fn lose(&mut self, worker: usize, outcome: WorkerOutcome) {
        let Some(slot) = self.workers.iter().position(|w| w.id == worker) else {
            return;
        };
        let mut w = self.workers.remove(slot);
        w.stdin = None;
        w.child.terminate();
        if let Some(t) = w.stderr_thread.take() {
            let _ = t.join();
        }
        // The job waiting in its stdin never started: it goes back first
        // in line, no try spent.
        if let Some(queued) = w.waiting.take() {
            self.enqueue(queued, true);
        }
        let Some(running) = w.running.take() else {
            return; // an idle worker ended; a fresh one starts when needed
        };
        let stderr = String::from_utf8_lossy(
            &w.stderr
                .lock()
                .expect("stderr lock")
                .iter()
                .copied()
                .collect::<Vec<u8>>(),
        )
        .into_owned();
        // Running out of memory is as certain to happen again as a timeout.
        let out_of_memory = stderr.contains(ALLOCATION_FAILED);
        let retried =
            outcome.worth_retrying() && !out_of_memory && running.queued.attempt < MAX_ATTEMPTS;
        let loss = WorkerLoss {
            job: running.queued.job.id(),
            pid: w.pid,
            cause: cause_from_stderr(&stderr, self.options.worker_memory),
            outcome,
            attempt: running.queued.attempt,
            retried,
        };
        if retried {
            self.events.push_back(PoolEvent::WorkerLost(loss));
            self.urgent.push_front(Queued {
                job: running.queued.job,
                attempt: running.queued.attempt + 1,
            });
        } else {
            self.events.push_back(PoolEvent::Failed {
                job: running.queued.job.id(),
                failure: JobFailure::Lost(loss),
            });
        }
    }
}

impl Drop for Pool {
    /// Closing their stdin ends idle workers; any still running are killed.
    fn drop(&mut self) {
        for w in &mut self.workers {
            w.stdin = None;
        }
        let deadline = Instant::now() + TERMINATE_GRACE;
        for w in &mut self.workers {
            w.child.wait_until(deadline);
        }
    }
}

/// The CPU time (user and system) a process has used, from its CPU clock
/// (a system call, not a /proc file to open and parse: this is asked twice a
/// job); `None` where that cannot be read (the process has ended).
fn cpu_time(pid: u32) -> Option<Duration> {
    let mut clock: libc::clockid_t = 0;
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: both calls only write to the locals they are given.
    let read = unsafe {
        libc::clock_getcpuclockid(pid as libc::pid_t, &mut clock) == 0
            && libc::clock_gettime(clock, &mut now) == 0
    };
    read.then(|| Duration::new(now.tv_sec as u64, now.tv_nsec as u32))
}

/// What a lost worker said of its end: its panic line, a failed
/// allocation, or its last line that is not part of a backtrace.
fn cause_from_stderr(stderr: &str, memory_limit: u64) -> Option<String> {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.iter().any(|l| l.starts_with(ALLOCATION_FAILED)) {
        let limit = match memory_limit {
            0 => String::new(),
            n => format!(" of {} MiB (pool.worker_memory_mb)", n >> 20),
        };
        return Some(format!("it ran out of memory: over its limit{limit}"));
    }
    if let Some(panic) = lines.iter().rev().find(|l| l.contains("panicked")) {
        return Some(panic.trim_start_matches("worker: ").to_owned());
    }
    let is_backtrace = |l: &str| {
        l.starts_with("stack backtrace")
            || l.starts_with("at ")
            || l.starts_with("note: ")
            || l.split_once(':')
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    lines
        .iter()
        .rev()
        .find(|l| !is_backtrace(l))
        .map(|l| l.trim_start_matches("worker: ").chars().take(300).collect())
}

fn drain_into_tail(mut pipe: impl Read, tail: &Mutex<VecDeque<u8>>) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = pipe.read(&mut buf) {
        if n == 0 {
            break;
        }
        let mut t = tail.lock().expect("stderr lock");
        t.extend(&buf[..n]);
        let excess = t.len().saturating_sub(STDERR_TAIL_BYTES);
        t.drain(..excess);
    }
}

/// Owns a child process; whatever path drops it, the child (and its process
/// group) is killed and reaped, so no error leaves a zombie or an orphan.
struct ChildGuard(Option<Child>);

impl ChildGuard {
    /// Waits for the child to end (it has closed its stdout) and says how.
    fn wait_outcome(&mut self) -> WorkerOutcome {
        let Some(child) = self.0.as_mut() else {
            return WorkerOutcome::Exited(0);
        };
        // A process closes stdout as it exits; give it a moment, then make sure.
        match exit_by(child, Instant::now() + TERMINATE_GRACE) {
            Some(s) => outcome_of(s),
            None => {
                self.terminate();
                WorkerOutcome::Garbage("closed its stdout but kept running".to_owned())
            }
        }
    }

    /// SIGTERM, a grace period, then SIGKILL; reaps the child.
    fn terminate(&mut self) {
        let Some(child) = self.0.as_mut() else { return };
        if let Ok(None) = child.try_wait() {
            // SAFETY: kill(2) on our own child's pid, which is not reaped yet.
            unsafe {
                libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
            }
        }
        self.wait_until(Instant::now() + TERMINATE_GRACE);
    }

    /// Waits for the child until `deadline`, then kills its process group;
    /// reaps it either way.
    fn wait_until(&mut self, deadline: Instant) {
        let Some(mut child) = self.0.take() else {
            return;
        };
        if exit_by(&mut child, deadline).is_none() {
            kill_group(&mut child);
        }
    }
}

/// Waits for a child to exit until `deadline`; its status if it did.
/// Sleeps on a pidfd, which wakes the moment the child exits: the last
/// thing a run waits for is its workers' exit, so a polling step would be
/// paid on every document.
fn exit_by(child: &mut Child, deadline: Instant) -> Option<ExitStatus> {
    // SAFETY: pidfd_open(2) on our own child, not reaped yet, so its pid
    // is not reused; the descriptor it returns is owned here alone.
    let pidfd = unsafe {
        let fd = libc::syscall(libc::SYS_pidfd_open, child.id() as libc::pid_t, 0);
        (fd >= 0).then(|| std::os::fd::OwnedFd::from_raw_fd(fd as RawFd))
    };
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => {}
            Err(_) => return None,
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        match &pidfd {
            Some(fd) => {
                let mut ready = libc::pollfd {
                    fd: fd.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                let millis = left.as_millis().clamp(1, i32::MAX as u128) as i32;
                // SAFETY: one pollfd, living across the call.
                unsafe { libc::poll(&mut ready, 1, millis) };
            }
            // Kernels before 5.3 have no pidfd.
            None => std::thread::sleep(left.min(Duration::from_millis(1))),
        }
    }
}

/// Kills a worker and everything in its process group, and reaps it.
fn kill_group(child: &mut Child) {
    // SAFETY: the worker leads its own group (`process_group` in `spawn`),
    // and is not reaped yet, so the group id is still ours to signal.
    unsafe {
        libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            kill_group(&mut child);
        }
    }
}

fn outcome_of(status: ExitStatus) -> WorkerOutcome {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => WorkerOutcome::Exited(code),
        (None, Some(sig)) => WorkerOutcome::Signaled(sig),
        (None, None) => WorkerOutcome::Exited(-1),
    }
}

/// Set by the `tables2xlsx` binary: this process is the worker program.
static THIS_IS_THE_BINARY: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Says that the running program is the `tables2xlsx` binary, whose
/// `__worker` subcommand the pool may start.
pub fn this_is_the_binary() {
    THIS_IS_THE_BINARY.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The program workers are started as: `TABLES2XLSX_WORKER` when set; the
/// running program when it is the `tables2xlsx` binary; for a program that
/// embeds the library, the `tables2xlsx` binary beside it or on `PATH`
/// (never the embedding program itself, which has no `__worker`).
pub fn worker_program() -> Result<PathBuf, Error> {
    if let Some(path) = std::env::var_os("TABLES2XLSX_WORKER") {
        return Ok(PathBuf::from(path));
    }
    let exe = std::env::current_exe().map_err(Error::Spawn)?;
    if THIS_IS_THE_BINARY.load(std::sync::atomic::Ordering::Relaxed) {
        return Ok(exe);
    }
    let name = format!("tables2xlsx{}", std::env::consts::EXE_SUFFIX);
    // Beside the program, or a folder up (cargo puts tests and examples in
    // target/debug/deps and target/debug/examples, the binary in target/debug).
    let beside = exe.ancestors().skip(1).take(2).map(|dir| dir.join(&name));
    let on_path = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(&name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    beside
        .chain(on_path)
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            Error::Spawn(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "the worker program {name} is neither beside {} nor on PATH; install it \
                     (cargo install --path .) or name it with TABLES2XLSX_WORKER",
                    exe.display()
                ),
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cause_is_the_panic_not_the_backtrace() {
        let stderr = "worker: panicked at src/worker/mod.rs:10: index out of bounds\n\
                      stack backtrace:\n   0: rust_begin_unwind\n             at /rustc/x/panicking.rs:665:5\n   \
                      1: core::panicking::panic_fmt\nnote: Some details are omitted\n";
        assert_eq!(
            cause_from_stderr(stderr, 0).as_deref(),
            Some("panicked at src/worker/mod.rs:10: index out of bounds")
        );
        assert_eq!(
            cause_from_stderr("memory allocation of 1073741824 bytes failed\n", 2048 << 20)
                .as_deref(),
            Some("it ran out of memory: over its limit of 2048 MiB (pool.worker_memory_mb)")
        );
        assert_eq!(
            cause_from_stderr("warning: x\nworker: injected fault crash at page 2\n", 0).as_deref(),
            Some("injected fault crash at page 2")
        );
        assert_eq!(cause_from_stderr("  \n", 0), None);
    }

    #[test]
    fn this_process_has_a_cpu_time() {
        // Burn a little CPU so the reading is not a coincidence of zero.
        let mut x = 0u64;
        for i in 0..10_000_000u64 {
            x = std::hint::black_box(x ^ i);
        }
        assert!(cpu_time(std::process::id()).is_some_and(|t| t > Duration::ZERO));
    }

    #[test]
    fn a_child_process_has_a_cpu_time_that_grows() {
        // The pool reads its workers' clocks, not its own.
        let mut child = Command::new("sh")
            .args(["-c", "while :; do :; done"])
            .spawn()
            .unwrap();
        let pid = child.id();
        let first = cpu_time(pid).expect("a child's CPU clock reads");
        let deadline = Instant::now() + Duration::from_secs(10);
        while cpu_time(pid).is_some_and(|t| t <= first) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        let later = cpu_time(pid);
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(later.is_some_and(|t| t > first), "{first:?} then {later:?}");
    }
}
