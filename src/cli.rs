//! The command line: flags, help with examples and exit codes, and the hidden
//! `__worker` subcommand that turns this binary into a pool worker.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;

use crate::batch::{self, BatchOptions};
use crate::config::Config;
use crate::error::Error;
use crate::inputs;
use crate::progress::{self, Progress};
use crate::run::{self, Conversion};

/// The hidden subcommand the pool starts workers with. It is checked before
/// any parsing, so it never shows in `--help`.
pub const WORKER_SUBCOMMAND: &str = "__worker";

const AFTER_HELP: &str = "\
Examples:
  tables2xlsx report.pdf -o report.xlsx
  tables2xlsx report.pdf --sheet-per-table --pages 1-3,7
  tables2xlsx report.pdf --workers 4 --config my-settings.toml
  tables2xlsx reports/ archive.zip -o out/ --report report.jsonl
  tables2xlsx reports/ -o out/ --skip-existing --shard 3/8

Exit codes:
  0    every page and table of every PDF was converted (or skipped)
  1    some PDFs, pages or tables failed (each is named on stderr; a batch
       goes on with the rest and lists the failures at the end)
  2    usage or settings error
  130  interrupted (Ctrl-C); finished workbooks are kept, none half-written";

#[derive(Debug, Parser)]
#[command(name = "tables2xlsx", version, about = "Extract the tables of a PDF into an Excel workbook.", after_help = AFTER_HELP)]
pub struct Args {
    /// PDFs, folders (searched recursively for PDFs) or .zip archives of PDFs.
    #[arg(required = true, value_name = "INPUT")]
    pub input: Vec<PathBuf>,
    /// The workbook to write [default: the PDF's name with .xlsx]; for a
    /// folder, an archive or several inputs, the folder to write workbooks
    /// into, mirroring the inputs' paths.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Write a JSON line per input PDF to FILE: path, output, status (ok,
    /// failed, skipped), pages, tables, seconds, error.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Convert only the PDFs whose workbook does not exist yet (resumes an
    /// interrupted batch).
    #[arg(long)]
    pub skip_existing: bool,
    /// Convert only the K-th of N parts of the inputs (1 <= K <= N), chosen
    /// by path, so that N machines share a batch without talking.
    #[arg(long, value_name = "K/N", value_parser = inputs::parse_shard)]
    pub shard: Option<(u32, u32)>,
    /// One sheet per table (named p<page>-t<n>) instead of all tables on one sheet;
    /// an Index sheet comes first either way.
    #[arg(long)]
    pub sheet_per_table: bool,
    /// Only these pages, e.g. 1-3,7 or 5- (to the end).
    #[arg(long, value_name = "LIST", value_parser = parse_pages)]
    pub pages: Option<PageList>,
    /// Worker processes, 1 to 16 [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=16))]
    pub workers: Option<u8>,
    /// Settings file, overlaid on the defaults (see config.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write a picture of each page with what was detected drawn over it
    /// (rulings red, table regions blue, cells green) into DIR.
    #[arg(long, value_name = "DIR")]
    pub debug_dir: Option<PathBuf>,
    /// Password of an encrypted PDF.
    #[arg(long)]
    pub password: Option<String>,
    /// No progress bars and no warnings; errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Page ranges as given: each (first, last), `last` None for "to the end".
#[derive(Debug, Clone, PartialEq)]
pub struct PageList(pub Vec<(u32, Option<u32>)>);

impl PageList {
    /// The listed pages of a document of `count` pages, ascending, once each.
    /// Pages past the end are kept, so the run can say they do not exist.
    pub fn resolve(&self, count: u32) -> Vec<u32> {
        let mut pages: Vec<u32> = self
            .0
            .iter()
            .flat_map(|&(a, b)| a..=b.unwrap_or(count.max(a)))
            .collect();
        pages.sort_unstable();
        pages.dedup();
        pages
    }
}

fn parse_pages(s: &str) -> Result<PageList, String> {
    let number = |t: &str| -> Result<u32, String> {
        match t.trim().parse::<u32>() {
            Ok(0) | Err(_) => Err(format!("{t:?} is not a page number (pages count from 1)")),
            Ok(n) => Ok(n),
        }
    };
    let mut ranges = Vec::new();
    for part in s.split(',') {
        let range = match part.split_once('-') {
            Some((a, b)) if b.trim().is_empty() => (number(a)?, None),
            Some((a, b)) => {
                let (a, b) = (number(a)?, number(b)?);
                if b < a {
                    return Err(format!("{part:?} runs backwards"));
                }
                (a, Some(b))
            }
            None => {
                let n = number(part)?;
                (n, Some(n))
            }
        };
        ranges.push(range);
    }
    Ok(PageList(ranges))
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let argv: Vec<OsString> = std::env::args_os().collect();
    if argv.get(1).is_some_and(|a| a == WORKER_SUBCOMMAND) {
        let stdin = std::io::stdin().lock();
        let stdout = std::io::stdout().lock();
        return match crate::worker::serve(stdin, stdout) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("worker: {e}");
                1
            }
        };
    }
    let args = match Args::try_parse_from(argv) {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            progress::print_fatal(&e.to_string());
            e.exit_code()
        }
    }
}

fn run(args: Args) -> Result<i32, Error> {
    let mut config = Config::load(args.config.as_deref(), std::env::vars())?;
    if let Some(n) = args.workers {
        config.pool.workers = n as usize;
    }
    if args.sheet_per_table {
        config.output.sheet_per_table = true;
    }
    let [input] = args.input.as_slice() else {
        return run_batch(args, &config);
    };
    let to_folder = args.output.as_ref().is_some_and(|o| o.is_dir());
    if input.is_dir()
        || inputs::is_zip(input)
        || to_folder
        || args.report.is_some()
        || args.skip_existing
        || args.shard.is_some()
    {
        return run_batch(args, &config);
    }
    let input = input.clone();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| input.with_extension("xlsx"));
    let pages = match &args.pages {
        Some(list) => {
            let doc = crate::render::open_document(&input, args.password.as_deref())?;
            Some(list.resolve(crate::render::page_count(&doc, &input)?))
        }
        None => None,
    };
    if let Some(dir) = &args.debug_dir {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
    }
    let conversion = Conversion {
        input,
        output,
        pages,
        password: args.password,
        debug_dir: args.debug_dir,
    };
    let progress = Progress::new(args.quiet);
    let summary = run::convert(&conversion, &config, &progress)?;
    progress.finish();
    progress.summary(&format!(
        "{}: {} table{} from {} page{} written to {}{}",
        conversion.input.display(),
        summary.tables,
        if summary.tables == 1 { "" } else { "s" },
        summary.pages,
        if summary.pages == 1 { "" } else { "s" },
        conversion.output.display(),
        match summary.failures.len() {
            0 => String::new(),
            n => format!("; {n} failed (see above)"),
        }
    ));
    Ok(if summary.failures.is_empty() { 0 } else { 1 })
}

/// Several PDFs: a workbook each under the output folder, one pool for all.
fn run_batch(args: Args, config: &Config) -> Result<i32, Error> {
    if args.debug_dir.is_some() {
        return Err(Error::Usage(
            "--debug-dir works with a single PDF, not a batch".to_owned(),
        ));
    }
    let single_file =
        args.input.len() == 1 && args.input[0].is_file() && !inputs::is_zip(&args.input[0]);
    let outdir = match &args.output {
        Some(dir) => dir.clone(),
        // One PDF given with batch options only: its workbook goes beside it.
        None if single_file => args.input[0]
            .parent()
            .map_or_else(PathBuf::new, |p| p.to_owned()),
        None => {
            return Err(Error::Usage(
                "several inputs, a folder or an archive need -o DIR, the folder to write workbooks into".to_owned(),
            ))
        }
    };
    let mut items = inputs::discover(&args.input, &outdir);
    if single_file && args.output.as_ref().is_some_and(|o| !o.is_dir()) {
        // `-o` names the workbook itself, as without batch options.
        items[0].output = args.output.clone().expect("checked");
    } else if !outdir.as_os_str().is_empty() {
        std::fs::create_dir_all(&outdir).map_err(|source| Error::Io {
            path: outdir.clone(),
            source,
        })?;
    }
    if let Some(shard) = args.shard {
        items.retain(|item| inputs::in_shard(&item.key, shard));
    }
    batch::handle_interrupts();
    let progress = Progress::new_batch(args.quiet, items.len() as u64);
    let opts = BatchOptions {
        pages: args.pages,
        password: args.password,
        skip_existing: args.skip_existing,
        report: args.report,
    };
    let unpack_in = if outdir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        outdir
    };
    let summary = batch::convert_batch(items, &unpack_in, &opts, config, &progress)?;
    progress.finish();
    progress.batch_summary(&summary);
    Ok(if summary.interrupted {
        130
    } else if summary.failed.is_empty() {
        0
    } else {
        1
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists_parse_and_resolve() {
        let list = parse_pages("1-3,7,5-").unwrap();
        assert_eq!(list.resolve(8), vec![1, 2, 3, 5, 6, 7, 8]);
        assert_eq!(parse_pages("2").unwrap().resolve(1), vec![2]);
        assert!(parse_pages("0").is_err());
        assert!(parse_pages("3-1").is_err());
        assert!(parse_pages("a").is_err());
    }

    #[test]
    fn help_lists_examples_and_exit_codes() {
        use clap::CommandFactory;
        let help = Args::command().render_long_help().to_string();
        assert!(help.contains("Exit codes:") && help.contains("--sheet-per-table"));
        assert!(!help.contains(WORKER_SUBCOMMAND));
    }
}
