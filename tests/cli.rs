//! The one integration-test binary: runs the real `tables2xlsx` executable in
//! a scratch folder and reads the workbooks back with calamine, comparing cell
//! values (never bytes) with the grids stored beside the samples.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_tables2xlsx")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> PathBuf {
    repo().join("samples").join(name)
}

/// Runs the binary with `args` (and extra environment), with a clean fault hook.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(args).env_remove("TABLES2XLSX_TEST_FAULT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The expected tables of a sample: (page, cells).
fn expected(name: &str) -> Vec<(u64, Vec<Vec<String>>)> {
    let text = std::fs::read_to_string(sample(name)).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let cells = t["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| {
                    row.as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c.as_str().unwrap().to_owned())
                        .collect()
                })
                .collect();
            (t["page"].as_u64().unwrap(), cells)
        })
        .collect()
}

/// Every sheet of a workbook as a grid of text from A1, in sheet order.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a readable xlsx");
    let names = book.sheet_names().to_owned();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let mut grid: Vec<Vec<String>> = Vec::new();
            if let Some((r0, c0)) = range.start() {
                let (h, w) = range.get_size();
                grid = vec![vec![String::new(); c0 as usize + w]; r0 as usize + h];
                for (r, c, value) in range.used_cells() {
                    grid[r0 as usize + r][c0 as usize + c] = text_of(value);
                }
            }
            (name, grid)
        })
        .collect()
}

fn text_of(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn merged_ranges(path: &Path, sheet: &str) -> Vec<(u32, u32, u32, u32)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.load_merged_regions().unwrap();
    let mut out: Vec<_> = book
        .merged_regions_by_sheet(sheet)
        .iter()
        .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    out.sort();
    out
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn convert_per_table(pdf: &str, dir: &Path, env: &[(&str, &str)]) -> (Output, PathBuf) {
    let out = dir.join("out.xlsx");
    let o = run(
        &[
            sample(pdf).to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--sheet-per-table",
        ],
        env,
    );
    (o, out)
}

#[test]
fn samples_sheet_per_table_match_their_expected_grids() {
    for name in ["ruled-simple", "ruled-spans", "ruled-long"] {
        let dir = scratch();
        let (o, out) = convert_per_table(&format!("{name}.pdf"), dir.path(), &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let want = expected(&format!("{name}.json"));
        let got = sheets(&out);
        assert_eq!(got.len(), want.len(), "{name}: one sheet per table");
        let mut per_page: BTreeMap<u64, u32> = BTreeMap::new();
        for ((sheet, grid), (page, cells)) in got.iter().zip(&want) {
            let n = per_page.entry(*page).or_default();
            *n += 1;
            assert_eq!(
                sheet,
                &format!("p{page}-t{n}"),
                "{name}: sheets named by page and order"
            );
            assert_eq!(grid, cells, "{name}: sheet {sheet}");
        }
    }
}

#[test]
fn samples_one_sheet_stack_tables_with_a_blank_row_between() {
    let dir = scratch();
    let out = dir.path().join("spans.xlsx");
    let o = run(
        &[
            sample("ruled-spans.pdf").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let got = sheets(&out);
    assert_eq!(got.len(), 1);
    let width = got[0].1[0].len();
    let mut want: Vec<Vec<String>> = Vec::new();
    for (i, (_, cells)) in expected("ruled-spans.json").into_iter().enumerate() {
        if i > 0 {
            want.push(vec![String::new(); width]);
        }
        want.extend(cells.into_iter().map(|mut r| {
            r.resize(width, String::new());
            r
        }));
    }
    assert_eq!(got[0].1, want);
}

#[test]
fn spanning_cells_are_merged_ranges() {
    let dir = scratch();
    let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // (first row, first col, last row, last col), 0-based, from the sample's spans.
    let want: Vec<(u32, u32, u32, u32)> = {
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(sample("ruled-spans.json")).unwrap())
                .unwrap();
        let mut v: Vec<_> = json["tables"][0]["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let s: Vec<u32> = s
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as u32)
                    .collect();
                (s[0], s[1], s[0] + s[2] - 1, s[1] + s[3] - 1)
            })
            .collect();
        v.sort();
        v
    };
    assert!(!want.is_empty());
    assert_eq!(merged_ranges(&out, "p1-t1"), want);
}

#[test]
fn pages_option_and_config_file_are_honoured() {
    let dir = scratch();
    let config = dir.path().join("settings.toml");
    std::fs::write(&config, "[output]\nsheet_per_table = true\n").unwrap();
    let out = dir.path().join("p2.xlsx");
    let o = run(
        &[
            sample("ruled-spans.pdf").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--pages",
            "2",
            "--config",
            config.to_str().unwrap(),
            "--workers",
            "1",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = sheets(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, vec!["p2-t1", "p2-t2"]);
}

// ---------------------------------------------------------------------------
// The pool under faults (the hook is read by debug builds only)
// ---------------------------------------------------------------------------

/// Table text per sheet name, for comparing a faulty run with a clean one.
fn sheet_map(path: &Path) -> BTreeMap<String, Vec<Vec<String>>> {
    sheets(path).into_iter().collect()
}

fn clean_run(pdf: &str) -> BTreeMap<String, Vec<Vec<String>>> {
    let dir = scratch();
    let (o, out) = convert_per_table(pdf, dir.path(), &[]);
    assert!(o.status.success());
    sheet_map(&out)
}

#[test]
fn a_worker_that_always_crashes_on_one_table_loses_only_that_table() {
    let dir = scratch();
    let (o, out) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[("TABLES2XLSX_TEST_FAULT", "crash@2.0")],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("page 2 table 1"),
        "the report names the table: {err}"
    );
    assert!(
        err.contains("signal 6 (SIGABRT)"),
        "the report says how it died: {err}"
    );
    assert!(
        err.contains("injected fault"),
        "the report quotes the worker's stderr: {err}"
    );
    assert!(
        err.contains("trying it again") && err.contains("second try; giving up"),
        "{err}"
    );
    let mut want = clean_run("ruled-spans.pdf");
    want.remove("p2-t1");
    assert_eq!(
        sheet_map(&out),
        want,
        "every other table is there, in its place"
    );
}

#[test]
fn a_crash_once_is_retried_on_a_fresh_worker() {
    let dir = scratch();
    let marker = dir.path().join("fired");
    let spec = format!("crash@1.0,once={}", marker.display());
    let (o, out) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[("TABLES2XLSX_TEST_FAULT", &spec)],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(marker.exists(), "the fault fired");
    assert!(
        err.contains("page 1 table 1") && err.contains("trying it again"),
        "{err}"
    );
    assert_eq!(sheet_map(&out), clean_run("ruled-spans.pdf"));
}

#[test]
fn garbage_exit_and_hang_are_each_reported_and_recovered() {
    for (action, place, expect) in [
        ("garbage", "2.1", "not a protocol message"),
        ("exit", "2", "exited with status 3"),
        ("hang", "1", "timed out"),
    ] {
        let dir = scratch();
        let marker = dir.path().join("fired");
        let spec = format!("{action}@{place},once={}", marker.display());
        let env = [
            ("TABLES2XLSX_TEST_FAULT", spec.as_str()),
            ("TABLES2XLSX_POOL_JOB_TIMEOUT_SECS", "3"),
        ];
        let (o, out) = convert_per_table("ruled-spans.pdf", dir.path(), &env);
        let err = stderr(&o);
        assert!(o.status.success(), "{action}: {err}");
        assert!(err.contains(expect), "{action}: {err}");
        assert_eq!(sheet_map(&out), clean_run("ruled-spans.pdf"), "{action}");
    }
}

#[test]
fn a_page_whose_detection_always_fails_is_named_and_the_rest_written() {
    let dir = scratch();
    let (o, out) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[("TABLES2XLSX_TEST_FAULT", "exit@1")],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("ruled-spans.pdf: page 1:"), "{err}");
    let names: Vec<String> = sheets(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, vec!["p2-t1", "p2-t2"]);
}

// ---------------------------------------------------------------------------
// The worker protocol, replayed from pipeline/transcripts
// ---------------------------------------------------------------------------

/// Lines `> {json}` are sent to a fresh worker; lines `< {json}` are what it
/// must answer, compared as JSON values (the pid of `ready` is not compared).
/// `UPDATE_TRANSCRIPTS=1` rewrites the answers from the current worker.
#[test]
fn golden_transcripts_replay_against_a_real_worker() {
    let dir = repo().join("pipeline").join("transcripts");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            replay(&path);
            count += 1;
        }
    }
    assert!(count > 0, "no transcripts in {}", dir.display());
}

fn replay(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let sent: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("> ")).collect();
    let expected: Vec<Value> = text
        .lines()
        .filter_map(|l| l.strip_prefix("< "))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut child = Command::new(bin())
        .arg("__worker")
        .current_dir(repo())
        .env_remove("TABLES2XLSX_TEST_FAULT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for line in &sent {
            writeln!(stdin, "{line}").unwrap();
        }
    }
    let got: Vec<Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(&l.unwrap()).expect("every answer is JSON");
            if v["type"] == "ready" {
                v["data"]["pid"] = Value::from(0);
                v["data"]["version"] = Value::from("*");
            }
            v
        })
        .collect();
    assert!(child.wait().unwrap().success());
    if std::env::var_os("UPDATE_TRANSCRIPTS").is_some() {
        let mut out = String::new();
        for line in text.lines().filter(|l| !l.starts_with("< ")) {
            out.push_str(line);
            out.push('\n');
        }
        for v in &got {
            out.push_str(&format!("< {}\n", serde_json::to_string(v).unwrap()));
        }
        std::fs::write(path, out).unwrap();
        return;
    }
    assert_eq!(got, expected, "{}", path.display());
}

/// The stage table of pipeline/README.md names modules that exist.
#[test]
fn pipeline_readme_names_real_modules() {
    let readme = std::fs::read_to_string(repo().join("pipeline/README.md")).unwrap();
    let mut n = 0;
    for module in readme.split('`').filter(|s| s.starts_with("src/")) {
        assert!(
            repo().join(module).exists(),
            "pipeline/README.md names {module}, which does not exist"
        );
        n += 1;
    }
    assert!(n >= 6, "the stage table lists the stage modules");
}

// ---------------------------------------------------------------------------
// Bad input and usage
// ---------------------------------------------------------------------------

#[test]
fn bad_input_gets_one_line_naming_the_file_and_no_workbook() {
    let dir = scratch();
    let not_pdf = dir.path().join("notes.pdf");
    std::fs::write(&not_pdf, "this is not a PDF at all").unwrap();
    // Cut off after its header: nothing MuPDF's repair can recover.
    let truncated = dir.path().join("truncated.pdf");
    let bytes = std::fs::read(sample("ruled-simple.pdf")).unwrap();
    std::fs::write(&truncated, &bytes[..16]).unwrap();
    for input in [dir.path().join("missing.pdf"), not_pdf, truncated] {
        let out = dir.path().join("out.xlsx");
        let o = run(
            &[input.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q"],
            &[],
        );
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{}: {err}", input.display());
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(input.to_str().unwrap()),
            "names the file: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            !out.exists(),
            "no workbook for a file that could not be read"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch();
    let out = dir.path().join("o.xlsx");
    let pdf = sample("ruled-simple.pdf");
    for args in [
        vec![
            pdf.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--pages",
            "9",
        ],
        vec![pdf.to_str().unwrap(), "--workers", "17"],
        vec![pdf.to_str().unwrap(), "--pages", "x"],
        vec!["--no-such-flag"],
    ] {
        let o = run(&args, &[]);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    let o = run(
        &[pdf.to_str().unwrap(), "-o", out.to_str().unwrap()],
        &[("TABLES2XLSX_RENDER_DPI", "lots")],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let help = run(&["--help"], &[]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes"));
}
