//! The pool: at most 16 worker processes (this binary, `__worker`), fed jobs
//! one at a time on their stdin, answering in JSON lines on their stdout.
//!
//! One thread (the caller's) owns all state; per worker, one thread forwards
//! stdout lines into a shared channel and one keeps the tail of stderr. A
//! worker that exits, is killed, times out or prints something that is not a
//! protocol message is reported with its job, its exit status or signal and
//! the tail of its stderr; the job is tried once more on a fresh worker, and
//! after a second loss it fails. Other jobs are not affected.
//!
//! Extract jobs go ahead of detect jobs: they are what the writer waits for.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::protocol::{
    DetectJob, ExtractJob, JobId, Request, Response, WorkerSettings, PROTOCOL_VERSION,
};
use crate::table::{PageFrame, TableRegion};

/// How much of a worker's stderr is kept for a report.
const STDERR_TAIL_BYTES: usize = 4096;
/// How long a worker asked to stop (SIGTERM) has before it is killed.
const TERMINATE_GRACE: Duration = Duration::from_secs(2);
/// How often deadlines are checked while waiting for messages.
const TICK: Duration = Duration::from_millis(200);
/// Each job runs at most this many times.
const MAX_ATTEMPTS: u32 = 2;

#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    Detect(DetectJob),
    Extract(ExtractJob),
}

impl Job {
    pub fn id(&self) -> JobId {
        match self {
            Job::Detect(j) => j.job,
            Job::Extract(j) => j.job,
        }
    }

    /// What the job is about, for reports: "page 3" or "page 3 table 2".
    pub fn label(&self) -> String {
        match self {
            Job::Detect(j) => format!("page {}", j.page),
            Job::Extract(j) => j.index.to_string(),
        }
    }

    fn request(&self) -> Request {
        match self {
            Job::Detect(j) => Request::Detect(j.clone()),
            Job::Extract(j) => Request::Extract(j.clone()),
        }
    }
}

/// How a worker process ended or was given up on.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerOutcome {
    Exited(i32),
    Signaled(i32),
    TimedOut(Duration),
    /// It printed something that is not a protocol message (or out of turn).
    Garbage(String),
}

impl std::fmt::Display for WorkerOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WorkerOutcome::Exited(code) => write!(f, "exited with status {code}"),
            WorkerOutcome::Signaled(sig) => {
                write!(f, "was killed by signal {sig}{}", signal_name(*sig))
            }
            WorkerOutcome::TimedOut(d) => {
                write!(f, "timed out after {}s and was stopped", d.as_secs())
            }
            WorkerOutcome::Garbage(line) => {
                write!(f, "sent a line that is not a protocol message: {line:.120}")
            }
        }
    }
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
    pub pid: u32,
    pub job: String,
    pub outcome: WorkerOutcome,
    pub stderr_tail: String,
    /// Whether the job was queued again (false: it has failed for good).
    pub retried: bool,
}

impl WorkerLoss {
    /// Why the job failed, without naming the job (the caller does).
    pub fn reason(&self) -> String {
        format!(
            "worker {} {} (second try; giving up){}",
            self.pid,
            self.outcome,
            self.stderr_quote()
        )
    }

    /// The last lines of the worker's stderr, as "; its stderr ended: ...".
    fn stderr_quote(&self) -> String {
        let tail = self.stderr_tail.trim();
        if tail.is_empty() {
            return String::new();
        }
        let mut last: Vec<&str> = tail.lines().rev().take(3).collect();
        last.reverse();
        format!("; its stderr ended: {}", last.join(" | "))
    }
}

impl std::fmt::Display for WorkerLoss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "worker {} {} while on {}; trying it again{}",
            self.pid,
            self.outcome,
            self.job,
            self.stderr_quote()
        )
    }
}

/// What the pool reports back, one at a time.
#[derive(Debug, Clone, PartialEq)]
pub enum PoolEvent {
    Detected {
        job: JobId,
        page: u32,
        tables: Vec<TableRegion>,
        frame: Option<PageFrame>,
    },
    Extracted {
        job: JobId,
        rows: Vec<Vec<String>>,
    },
    /// The job will not complete: the worker said it cannot be done, or it
    /// lost its worker twice.
    Failed {
        job: JobId,
        message: String,
    },
    /// A worker was lost and its job queued again; the report is for the user.
    /// (When the job is not retried, a `Failed` event says so instead.)
    WorkerLost(WorkerLoss),
}

pub struct Pool {
    program: PathBuf,
    size: usize,
    settings: WorkerSettings,
    timeout: Duration,
    urgent: VecDeque<Queued>,
    normal: VecDeque<Queued>,
    workers: Vec<WorkerProc>,
    next_worker: usize,
    events: VecDeque<PoolEvent>,
    lines_tx: Sender<WorkerLine>,
    lines_rx: Receiver<WorkerLine>,
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
    rows: Vec<Vec<String>>,
}

struct WorkerProc {
    id: usize,
    pid: u32,
    child: ChildGuard,
    stdin: Option<ChildStdin>,
    stderr: Arc<Mutex<VecDeque<u8>>>,
    stderr_thread: Option<JoinHandle<()>>,
    running: Option<Running>,
}

/// A line from a worker's stdout, or the end of it (`None`).
struct WorkerLine {
    worker: usize,
    line: Option<String>,
}

impl Pool {
    /// A pool of up to `size` workers running `program __worker`. Workers start
    /// when there is work for them.
    pub fn new(program: PathBuf, size: usize, settings: WorkerSettings, timeout: Duration) -> Pool {
        let (lines_tx, lines_rx) = mpsc::channel();
        Pool {
            program,
            size: size.clamp(1, crate::config::MAX_WORKERS),
            settings,
            timeout,
            urgent: VecDeque::new(),
            normal: VecDeque::new(),
            workers: Vec::new(),
            next_worker: 0,
            events: VecDeque::new(),
            lines_tx,
            lines_rx,
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

    /// This executable, for `Pool::new`.
    pub fn current_program() -> Result<PathBuf, Error> {
        std::env::current_exe().map_err(Error::Spawn)
    }

    pub fn submit(&mut self, job: Job) {
        let queued = Queued { job, attempt: 1 };
        match queued.job {
            Job::Extract(_) => self.urgent.push_back(queued),
            Job::Detect(_) => self.normal.push_back(queued),
        }
    }

    /// Jobs queued or running.
    pub fn pending(&self) -> usize {
        self.urgent.len()
            + self.normal.len()
            + self.workers.iter().filter(|w| w.running.is_some()).count()
    }

    /// Jobs that wait for a worker.
    pub fn queued(&self) -> usize {
        self.urgent.len() + self.normal.len()
    }

    /// The next thing that happened, waiting for it; `None` when no job is
    /// queued or running.
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
            self.check_deadlines();
        }
    }

    /// Hands queued jobs to idle workers, starting workers up to the limit.
    fn dispatch(&mut self) -> Result<(), Error> {
        while self.queued() > 0 {
            let idle = self.workers.iter().position(|w| w.running.is_none());
            let slot = match idle {
                Some(i) => i,
                None if self.workers.len() < self.size => {
                    let worker = self.spawn()?;
                    self.workers.push(worker);
                    self.workers.len() - 1
                }
                None => return Ok(()),
            };
            let queued = self
                .urgent
                .pop_front()
                .or_else(|| self.normal.pop_front())
                .expect("queued > 0");
            let line = queued.job.request().to_line();
            let worker = &mut self.workers[slot];
            worker.running = Some(Running {
                queued,
                started: Instant::now(),
                rows: Vec::new(),
            });
            let sent = worker
                .stdin
                .as_mut()
                .map(|s| s.write_all(line.as_bytes()).and_then(|_| s.flush()));
            if !matches!(sent, Some(Ok(()))) {
                // Its stdin is gone: it died. Report it with how it ended.
                let id = worker.id;
                let outcome = self.workers[slot].child.wait_outcome();
                self.lose(id, outcome);
            }
        }
        Ok(())
    }

    fn spawn(&mut self) -> Result<WorkerProc, Error> {
        let mut child = Command::new(&self.program)
            .arg(crate::cli::WORKER_SUBCOMMAND)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(Error::Spawn)?;
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
            settings: self.settings.clone(),
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
        match response {
            Response::Row(row) if row.row as usize == running.rows.len() => {
                running.rows.push(row.cells)
            }
            Response::Page(page) if matches!(running.queued.job, Job::Detect(_)) => {
                w.running = None;
                self.events.push_back(PoolEvent::Detected {
                    job: page.job,
                    page: page.page,
                    tables: page.tables,
                    frame: page.frame,
                });
            }
            Response::Done { job, rows } if rows as usize == running.rows.len() => {
                let running = w.running.take().expect("job matched");
                self.events.push_back(PoolEvent::Extracted {
                    job,
                    rows: running.rows,
                });
            }
            Response::Failed { job, message } => {
                w.running = None;
                self.events.push_back(PoolEvent::Failed { job, message });
            }
            _ => self.give_up_on(slot, WorkerOutcome::Garbage(line.to_owned())),
        }
    }

    /// The worker's stdout closed: it has exited or is about to.
    fn on_closed(&mut self, worker: usize) {
        let Some(slot) = self.workers.iter().position(|w| w.id == worker) else {
            return;
        };
        let outcome = self.workers[slot].child.wait_outcome();
        self.lose(worker, outcome);
    }

    fn check_deadlines(&mut self) {
        let late = self.workers.iter().position(|w| {
            w.running
                .as_ref()
                .is_some_and(|r| r.started.elapsed() > self.timeout)
        });
        if let Some(slot) = late {
            self.give_up_on(slot, WorkerOutcome::TimedOut(self.timeout));
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
        let mut w = self.workers.swap_remove(slot);
        w.stdin = None;
        w.child.terminate();
        if let Some(t) = w.stderr_thread.take() {
            let _ = t.join();
        }
        let Some(running) = w.running.take() else {
            return; // an idle worker ended; a fresh one starts when needed
        };
        let stderr_tail = String::from_utf8_lossy(
            &w.stderr
                .lock()
                .expect("stderr lock")
                .iter()
                .copied()
                .collect::<Vec<u8>>(),
        )
        .into_owned();
        let retried = running.queued.attempt < MAX_ATTEMPTS;
        let loss = WorkerLoss {
            pid: w.pid,
            job: running.queued.job.label(),
            outcome,
            stderr_tail,
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
                message: loss.reason(),
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

/// Owns a child process; whatever path drops it, the child is killed and
/// reaped, so no error leaves a zombie or an orphan behind.
struct ChildGuard(Option<Child>);

impl ChildGuard {
    /// Waits for the child to end (it has closed its stdout) and says how.
    fn wait_outcome(&mut self) -> WorkerOutcome {
        let Some(child) = self.0.as_mut() else {
            return WorkerOutcome::Exited(0);
        };
        // A process closes stdout as it exits; give it a moment, then make sure.
        let deadline = Instant::now() + TERMINATE_GRACE;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                _ => break None,
            }
        };
        match status {
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

    /// Waits for the child until `deadline`, then kills it; reaps it either way.
    fn wait_until(&mut self, deadline: Instant) {
        let Some(mut child) = self.0.take() else {
            return;
        };
        loop {
            match child.try_wait() {
                Ok(Some(_)) => return,
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                _ => break,
            }
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
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
