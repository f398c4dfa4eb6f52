//! Everything the user sees on the terminal goes through here: progress bars
//! (pages detected, with rate and time left, and tables written; in a batch
//! also files done) on stderr, the job that is taking long, warnings above
//! them, the closing summary, and the final error line. Bars are hidden with
//! `--quiet` and when stderr is not a terminal (indicatif's stderr target
//! draws only on a terminal).

use std::time::Duration;

use crate::report::Summary;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    multi: MultiProgress,
    /// Only in a batch: files done of the files to do.
    files: Option<ProgressBar>,
    pages: ProgressBar,
    tables: ProgressBar,
    quiet: bool,
}

impl Progress {
    pub fn new(quiet: bool) -> Progress {
        let target = if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let multi = MultiProgress::with_draw_target(target);
        let style = ProgressStyle::with_template("{prefix:>7} [{bar:30}] {pos}/{len} {msg}")
            .expect("a valid template")
            .progress_chars("=> ");
        let rate = ProgressStyle::with_template(
            "{prefix:>7} [{bar:30}] {pos}/{len} {per_sec} ETA {eta} {msg}",
        )
        .expect("a valid template")
        .progress_chars("=> ");
        let pages = multi.add(ProgressBar::new(0).with_style(rate).with_prefix("pages"));
        let tables = multi.add(ProgressBar::new(0).with_style(style).with_prefix("tables"));
        pages.enable_steady_tick(Duration::from_millis(200));
        Progress {
            multi,
            files: None,
            pages,
            tables,
            quiet,
        }
    }

    /// Bars for a batch of `files` documents: files done (with rate and time
    /// left) above pages and tables (with their rates), whose lengths grow as
    /// documents open.
    pub fn new_batch(quiet: bool, files: u64) -> Progress {
        let mut progress = Progress::new(quiet);
        let rate =
            ProgressStyle::with_template("{prefix:>7} [{bar:30}] {pos}/{len} {per_sec} {msg}")
                .expect("a valid template")
                .progress_chars("=> ");
        progress.pages.set_style(rate.clone());
        progress.tables.set_style(rate);
        let bar = progress.multi.insert(
            0,
            ProgressBar::new(files)
                .with_style(
                    ProgressStyle::with_template(
                        "{prefix:>7} [{bar:30}] {pos}/{len} {per_sec} ETA {eta} {msg}",
                    )
                    .expect("a valid template")
                    .progress_chars("=> "),
                )
                .with_prefix("files"),
        );
        progress.files = Some(bar);
        progress
    }

    /// A document opened with `pages` pages to do.
    pub fn document_opened(&self, name: &str, pages: u64) {
        self.pages.inc_length(pages);
        match &self.files {
            Some(files) => files.set_message(name.to_owned()),
            None => self.pages.set_message(name.to_owned()),
        }
    }

    /// Pages that will not be done after all (the rest of a document given up on).
    pub fn pages_dropped(&self, pages: u64) {
        let length = self.pages.length().unwrap_or(0);
        self.pages.set_length(length.saturating_sub(pages));
    }

    /// A job has been running for `running`: the bars say which; a log
    /// (no terminal) gets a line every half minute.
    pub fn slow(&self, what: &str, running: Duration) {
        let secs = running.as_secs();
        self.pages.set_message(format!("{what}: {secs} s so far"));
        if self.multi.is_hidden() && secs >= 30 && secs % 30 < 5 {
            self.note(&format!("{what} has taken {secs} s so far"));
        }
    }

    /// A document of the batch is done (converted, failed or skipped).
    pub fn file_done(&self) {
        if let Some(files) = &self.files {
            files.inc(1);
        }
    }

    pub fn page_detected(&self, tables: u64) {
        self.pages.inc(1);
        self.tables.inc_length(tables);
    }

    pub fn table_written(&self) {
        self.tables.inc(1);
    }

    /// A line above the bars (or plain stderr), unless `--quiet`.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            self.print(&format!("{}: {message}", Tone::Warning.paint("warning")));
        }
    }

    /// Something the user should know about the result that is not wrong
    /// (a table stitched over pages), unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            self.print(&format!("{}: {message}", Tone::Note.paint("note")));
        }
    }

    /// An error line; printed even with `--quiet`.
    pub fn error(&self, message: &str) {
        self.print(&format!("{}: {message}", Tone::Error.paint("error")));
    }

    /// A line printed even with `--quiet`: why the run ended as it did.
    pub fn always(&self, message: &str) {
        self.print(message);
    }

    /// The closing summary, unless `--quiet`.
    pub fn summary(&self, message: &str) {
        if !self.quiet {
            self.print(message);
        }
    }

    /// The closing lines of a batch: counts, then each failed file and why
    /// (unless `--quiet`; each failure was named on stderr as it happened).
    pub fn batch_summary(&self, s: &Summary) {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let plural_pages = if s.pages == 1 { "" } else { "s" };
        let line = format!(
            "{} file{}: {} converted, {} skipped, {} failed; {} table{} from {} page{}{}",
            s.files,
            plural(s.files),
            s.converted,
            s.skipped,
            s.failed.len(),
            s.tables,
            plural(s.tables),
            s.pages,
            plural_pages,
            if s.interrupted {
                "; interrupted, the rest not converted (resume with --skip-existing)"
            } else {
                ""
            }
        );
        match s.interrupted {
            true => self.always(&line),
            false => self.summary(&line),
        }
        if !s.failed.is_empty() && !self.quiet {
            self.print(&format!("{}:", Tone::Error.paint("failed")));
            for (file, reason) in &s.failed {
                let reason = reason
                    .strip_prefix(file.as_str())
                    .map_or(reason.as_str(), |r| r.trim_start_matches(": "));
                self.print(&format!("  {file}: {reason}"));
            }
        }
    }

    fn print(&self, line: &str) {
        if self.multi.is_hidden() {
            eprintln!("{line}");
        } else {
            let _ = self.multi.println(line);
        }
    }

    pub fn finish(&self) {
        if let Some(files) = &self.files {
            files.finish_and_clear();
        }
        self.pages.finish_and_clear();
        self.tables.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The one line `main` prints when a run ends with an error.
pub fn print_fatal(message: &str) {
    eprintln!("{}: {message}", Tone::Error.paint("error"));
}

/// What a line on stderr is, for its colour on a terminal: errors stand out
/// from notes in a long batch log. Plain when stderr is not a terminal or
/// `NO_COLOR` is set.
#[derive(Clone, Copy)]
enum Tone {
    Error,
    Warning,
    Note,
}

impl Tone {
    fn paint(self, word: &str) -> String {
        use std::io::IsTerminal;
        let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        if !colour {
            return word.to_owned();
        }
        let code = match self {
            Tone::Error => "1;31",
            Tone::Warning => "1;33",
            Tone::Note => "2",
        };
        format!("\x1b[{code}m{word}\x1b[0m")
    }
}
