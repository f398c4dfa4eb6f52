//! The command line (in the parent): flags, help with examples and exit
//! codes, and the hidden `__worker` subcommand that turns this binary into a
//! pool worker. It only turns arguments into a plan for the coordinator and
//! the coordinator's summary into an exit code.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::config::{Config, OcrMode, OutputFormat};
use crate::coordinator::{self, Plan};
use crate::error::{Ending, Error};
use crate::inputs;
use crate::pages::PageSelection;
use crate::progress::{self, Progress};
use crate::protocol::WORKER_SUBCOMMAND;
use crate::report::Summary;

const AFTER_HELP: &str = "\
Examples:
  tables2xlsx report.pdf -o report.xlsx
  tables2xlsx report.pdf --sheet-per-table --pages 1-3,7
  tables2xlsx report.pdf -o tables.csv      (tables-p1-t1.csv, tables-p3-t1.csv ...)
  tables2xlsx report.pdf -o - --format json | jq '.tables[0].cells'
  curl -s https://example.org/report.pdf | tables2xlsx - -o report.xlsx
  tables2xlsx report.pdf --workers 4 --config my-settings.toml
  tables2xlsx scan.pdf --ocr force
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
    /// PDFs, folders (searched recursively for PDFs) or .zip archives of
    /// PDFs; - reads one PDF from standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub input: Vec<PathBuf>,
    /// The file to write, its format from its extension (.xlsx, .csv, .tsv,
    /// .json, .md) [default: the PDF's name with .xlsx]; - for standard
    /// output. For a folder, an archive or several inputs, the folder to
    /// write into, mirroring the inputs' paths.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// What to write: xlsx (a workbook), csv, tsv or md (a file per table,
    /// named after -o: out-p3-t1.csv), json (one document with every
    /// table) [default: from -o's extension, else xlsx].
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub format: Option<OutputFormat>,
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
    #[arg(long, value_name = "LIST", value_parser = PageSelection::parse)]
    pub pages: Option<PageSelection>,
    /// Worker processes, 1 to 16 [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=16))]
    pub workers: Option<u8>,
    /// Settings file, overlaid on the defaults (see config.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write a picture of each page with what was detected drawn over it
    /// (rulings red, table regions blue, cells green) into DIR, named after
    /// the workbook: report-p003.png.
    #[arg(long, value_name = "DIR")]
    pub debug_dir: Option<PathBuf>,
    /// When scanned pages are read by OCR: auto (pages without text),
    /// force (also pages with only an invisible OCR layer) or off
    /// [default: auto, or [ocr] mode].
    #[arg(long, value_name = "MODE", value_enum)]
    pub ocr: Option<OcrMode>,
    /// The PDF writes decimals with a comma (1.234,5 or 12,5): its numbers
    /// become numbers, shown with the decimal mark of the reader's Excel.
    /// Without it a decimal comma is recognised only where the cells leave
    /// no doubt, and "1,234" is never read as a wrong number.
    #[arg(long)]
    pub decimal_comma: bool,
    /// Leave out tables that detection is less sure of than X (0 to 1, the
    /// Index's Confidence); they are listed in the Index as dropped.
    #[arg(long, value_name = "X", value_parser = parse_confidence)]
    pub min_confidence: Option<f32>,
    /// Password of an encrypted PDF.
    #[arg(long)]
    pub password: Option<String>,
    /// No progress bars and no warnings; errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let argv: Vec<OsString> = std::env::args_os().collect();
    crate::pool::this_is_the_binary();
    if argv.get(1).is_some_and(|a| a == WORKER_SUBCOMMAND) {
        crate::worker::bound_self(&argv[2..]);
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
    quiet_writer_panics();
    // Help wraps at the terminal's width (clap's `wrap_help`).
    let args = match Args::try_parse_from(argv) {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Ending::Usage.exit_code()
            } else {
                Ending::Done.exit_code()
            };
        }
    };
    match run(args) {
        Ok(summary) => summary.ending().exit_code(),
        Err(e) => {
            progress::print_fatal(&e.to_string());
            e.ending().exit_code()
        }
    }
}

/// A panic in a writer thread is that document's error, reported with its
/// cause; any other panic is a bug, said in one line.
fn quiet_writer_panics() {
    std::panic::set_hook(Box::new(|info| {
        if std::thread::current().name() == Some(crate::write::WRITER_THREAD) {
            return;
        }
        let location = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        progress::print_fatal(&format!(
            "internal error (a bug, please report it){location}: {}",
            crate::error::panic_message(info.payload())
        ));
    }));
}

fn run(args: Args) -> Result<Summary, Error> {
    let mut config = Config::load(args.config.as_deref(), std::env::vars())?;
    if let Some(n) = args.workers {
        config.pool.workers = n as usize;
    }
    if args.sheet_per_table {
        config.output.sheet_per_table = true;
    }
    if let Some(x) = args.min_confidence {
        config.output.min_confidence = x;
    }
    if args.decimal_comma {
        config.output.decimal_comma = true;
    }
    if let Some(mode) = args.ocr {
        config.ocr.mode = mode;
    }
    let mut args = args;
    let format = output_format(&args);
    // A PDF piped in is kept in a temporary file for the workers to open.
    let stdin_pdf = read_stdin_input(&mut args)?;
    // An output that is an input is the graver mistake: said first.
    let (mut plan, single) = plan(&args, *format.as_ref().unwrap_or(&OutputFormat::Xlsx))?;
    config.output.format = format?;
    if stdin_pdf.is_some() {
        plan.items[0].display = "standard input".to_owned();
    }
    if let Some(dir) = &plan.debug_dir {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
    }
    coordinator::handle_interrupts();
    let progress = match single {
        true => Progress::new(args.quiet),
        false => Progress::new_batch(args.quiet, plan.items.len() as u64),
    };
    let item = single.then(|| plan.items[0].clone());
    let summary = coordinator::convert(plan, &config, &progress)?;
    progress.finish();
    match item {
        Some(item) if summary.written == 1 => progress.summary(&format!(
            "{}: {} table{} from {} page{} written to {}{}",
            item.display,
            summary.tables,
            if summary.tables == 1 { "" } else { "s" },
            summary.pages,
            if summary.pages == 1 { "" } else { "s" },
            shown_output(&item.output, config.output.format),
            if summary.failed.is_empty() {
                ""
            } else {
                "; some pages or tables failed (see above)"
            }
        )),
        Some(_) if summary.interrupted => progress.always("interrupted: no workbook written"),
        Some(_) => {}
        None => progress.batch_summary(&summary),
    }
    Ok(summary)
}

fn parse_confidence(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{text}: expected a number from 0 to 1")),
    }
}

/// What the output is called in the closing line.
fn shown_output(output: &Path, format: OutputFormat) -> String {
    if crate::sink::is_stdout(output) {
        "standard output".to_owned()
    } else if format.file_per_table() {
        crate::export::table_file(output, "p*-t*", format)
            .display()
            .to_string()
    } else {
        output.display().to_string()
    }
}

/// The format asked for: `--format`, else the extension of `-o` when it
/// names a file. An extension that names no format is an error, never a
/// workbook under a misleading name.
fn output_format(args: &Args) -> Result<OutputFormat, Error> {
    let usage = |m: String| Err(Error::Usage(m));
    let known = OutputFormat::ALL
        .map(|f| format!(".{}", f.extension()))
        .join(", ");
    let Some(output) = args.output.as_ref() else {
        return Ok(args.format.unwrap_or_default());
    };
    let named_folder = output.is_dir() || output.as_os_str().to_string_lossy().ends_with('/');
    let single_file = args.input.len() == 1
        && !args.input[0].is_dir()
        && !inputs::is_zip(&args.input[0])
        && !named_folder
        && !crate::sink::is_stdout(output);
    let by_extension = match output.extension() {
        Some(ext) => match OutputFormat::from_extension(&ext.to_string_lossy()) {
            Some(format) => Some(format),
            None if single_file => {
                return usage(format!(
                    "-o {}: .{} names no format this tool writes; use {known}, or give --format",
                    output.display(),
                    ext.to_string_lossy()
                ))
            }
            None => None,
        },
        None if single_file && args.format.is_none() => {
            return usage(format!(
                "-o {}: no extension to tell the format by; use {known}, or give --format",
                output.display()
            ))
        }
        None => None,
    };
    let format = match (args.format, by_extension) {
        (Some(asked), Some(named)) if single_file && asked != named => usage(format!(
            "-o {} is named .{} but --format {} was given; make them agree",
            output.display(),
            named.extension(),
            asked.extension()
        )),
        (Some(asked), _) => Ok(asked),
        (None, Some(named)) if single_file => Ok(named),
        (None, _) => Ok(OutputFormat::Xlsx),
    }?;
    use std::io::IsTerminal;
    if crate::sink::is_stdout(output)
        && format == OutputFormat::Xlsx
        && std::io::stdout().is_terminal()
    {
        return usage(
            "-o -: a workbook is binary; redirect standard output to a file or a pipe, \
             or give --format csv, tsv, json or md"
                .to_owned(),
        );
    }
    Ok(format)
}

/// With `-` as the input, reads the PDF from standard input into a
/// temporary file (removed when dropped) and puts its path in its place.
fn read_stdin_input(args: &mut Args) -> Result<Option<tempfile::NamedTempFile>, Error> {
    if !args.input.iter().any(|i| i.as_os_str() == "-") {
        return Ok(None);
    }
    if args.input.len() > 1 {
        return Err(Error::Usage(
            "- (standard input) is one PDF; give it as the only input".to_owned(),
        ));
    }
    if args.output.is_none() {
        return Err(Error::Usage(
            "a PDF from standard input needs -o FILE (or -o - for standard output)".to_owned(),
        ));
    }
    let io = |source| Error::Io {
        path: PathBuf::from("standard input"),
        source,
    };
    let mut file = tempfile::Builder::new()
        .prefix(".tables2xlsx-stdin-")
        .suffix(".pdf")
        .tempfile()
        .map_err(io)?;
    std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(io)?;
    args.input[0] = file.path().to_owned();
    Ok(Some(file))
}

/// The plan for the arguments, and whether it converts a single PDF given
/// as such (`report.pdf -o report.xlsx`) rather than a batch.
fn plan(args: &Args, format: OutputFormat) -> Result<(Plan, bool), Error> {
    let usage = |m: String| Err(Error::Usage(m));
    let single = match args.input.as_slice() {
        [input] => !input.is_dir() && !inputs::is_zip(input),
        _ => false,
    };
    let output_is_folder = args
        .output
        .as_ref()
        .is_some_and(|o| o.is_dir() || o.as_os_str().to_string_lossy().ends_with('/'));
    if let Some(folder) = args
        .output
        .as_ref()
        .filter(|o| single && output_is_folder && !o.exists())
    {
        return usage(format!(
            "-o {}: no such folder; create it, or name the file to write (such as {}report.xlsx)",
            folder.display(),
            folder.display()
        ));
    }
    let (outdir, items) = if single && !output_is_folder {
        let input = &args.input[0];
        let output = args
            .output
            .clone()
            .unwrap_or_else(|| input.with_extension(format.extension()));
        let mut items = inputs::discover(std::slice::from_ref(input), Path::new(""));
        items[0].output = output.clone();
        let outdir = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_owned);
        (outdir, items)
    } else {
        let Some(outdir) = args.output.clone() else {
            return usage(
                "several inputs, a folder or an archive need -o DIR, the folder to write \
                 workbooks into"
                    .to_owned(),
            );
        };
        if crate::sink::is_stdout(&outdir) {
            return usage(
                "-o - (standard output) takes a single PDF; a folder, an archive or several \
                 inputs need -o DIR"
                    .to_owned(),
            );
        }
        let names_a_file = OutputFormat::ALL
            .iter()
            .any(|f| inputs::has_extension(&outdir, f.extension()));
        if !output_is_folder && names_a_file {
            return usage(format!(
                "-o {}: with several inputs, a folder or an archive, -o names the folder \
                 to write the workbooks into, not a workbook",
                outdir.display()
            ));
        }
        if outdir.exists() && !outdir.is_dir() {
            return usage(format!(
                "-o {}: is a file; give the folder to write the workbooks into",
                outdir.display()
            ));
        }
        let mut items = inputs::discover(&args.input, &outdir);
        for item in &mut items {
            item.output.set_extension(format.extension());
        }
        (outdir, items)
    };
    let mut items = items;
    if let Some(shard) = args.shard {
        items.retain(|item| inputs::in_shard(&item.key, shard));
    }
    // Before anything is read: no file the run writes may be one it reads.
    let outputs: Vec<PathBuf> = items
        .iter()
        .map(|item| item.output.clone())
        .chain(args.report.clone())
        .collect();
    let others: Vec<PathBuf> = args.config.iter().cloned().collect();
    let collision = inputs::output_over_input(&items, &others, &outputs, args.debug_dir.as_deref());
    if let Some((output, input)) = collision {
        return usage(format!(
            "{} would be written over {}, which is an input; choose another output",
            output.display(),
            input.display()
        ));
    }
    let plan = Plan {
        items,
        unpack_dir: outdir,
        pages: args.pages.clone(),
        password: args.password.clone(),
        skip_existing: args.skip_existing,
        report: args.report.clone(),
        debug_dir: args.debug_dir.clone(),
    };
    Ok((plan, single && !output_is_folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_examples_and_exit_codes() {
        use clap::CommandFactory;
        let help = Args::command().render_long_help().to_string();
        assert!(help.contains("Exit codes:") && help.contains("--sheet-per-table"));
        assert!(!help.contains(WORKER_SUBCOMMAND));
    }

    #[test]
    fn issue_13_help_wraps_at_the_terminal_width() {
        use clap::CommandFactory;
        let help = Args::command()
            .term_width(60)
            .render_long_help()
            .to_string();
        let long: Vec<&str> = help.lines().filter(|l| l.chars().count() > 60).collect();
        assert!(long.is_empty(), "{long:#?}");
    }
}
