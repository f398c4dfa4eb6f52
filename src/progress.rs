//! Everything the user sees on the terminal goes through here: progress bars
//! (pages detected, tables written) on stderr, warnings above them, and the
//! final error line. Bars are hidden with `--quiet` and when stderr is not a
//! terminal (indicatif's stderr target draws only on a terminal).

use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    multi: MultiProgress,
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
        let pages = multi.add(
            ProgressBar::new(0)
                .with_style(style.clone())
                .with_prefix("pages"),
        );
        let tables = multi.add(ProgressBar::new(0).with_style(style).with_prefix("tables"));
        pages.enable_steady_tick(Duration::from_millis(200));
        Progress {
            multi,
            pages,
            tables,
            quiet,
        }
    }

    pub fn start_document(&self, name: &str, pages: u64) {
        self.pages.set_length(pages);
        self.pages.set_position(0);
        self.pages.set_message(name.to_owned());
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
            self.print(&format!("warning: {message}"));
        }
    }

    /// Something the user should know about the result that is not wrong
    /// (a table stitched over pages), unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            self.print(&format!("note: {message}"));
        }
    }

    /// An error line; printed even with `--quiet`.
    pub fn error(&self, message: &str) {
        self.print(&format!("error: {message}"));
    }

    /// The closing summary, unless `--quiet`.
    pub fn summary(&self, message: &str) {
        if !self.quiet {
            self.print(message);
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
    eprintln!("error: {message}");
}
