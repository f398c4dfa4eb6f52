//! Issue 15: the tool never loses a user's file. No output may be an input
//! however it is spelled; a full disk is one document's error, named, with
//! nothing left behind; every entry of an archive is converted or named;
//! no argument allocates in proportion to a number typed; messages say what
//! a user can act on.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::process::Command;

use super::*;

fn copy_sample(dir: &Path, name: &str, to: &str) -> PathBuf {
    let path = dir.join(to);
    std::fs::copy(sample(name), &path).unwrap();
    path
}

#[test]
fn issue_15_no_output_is_ever_an_input_however_spelled() {
    let dir = scratch();
    let pdf = copy_sample(dir.path(), "ruled-simple.pdf", "x.pdf");
    let original = std::fs::read(&pdf).unwrap();
    let link = dir.path().join("link.xlsx");
    std::os::unix::fs::symlink(&pdf, &link).unwrap();
    let hard = dir.path().join("hard.xlsx");
    std::fs::hard_link(&pdf, &hard).unwrap();
    let dotted = format!("{}/./x.pdf", dir.path().display());
    let x = pdf.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec![x, "-o", x],
        vec![x, "-o", &dotted],
        vec![x, "-o", link.to_str().unwrap()],
        vec![x, "-o", hard.to_str().unwrap()],
        vec![x, "--report", x],
    ];
    for args in cases {
        let o = run(&args, &[]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("which is an input") && err.contains("x.pdf"),
            "{args:?}: names both paths: {err}"
        );
        assert_eq!(std::fs::read(&pdf).unwrap(), original, "{args:?}");
    }
    // In a batch: an input named like the workbook another input gets.
    let sub = dir.path().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let odd = copy_sample(&sub, "ruled-simple.pdf", "y.xlsx");
    let o = run(
        &[odd.to_str().unwrap(), x, "-o", sub.to_str().unwrap()],
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("y.xlsx"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&odd).unwrap(), original);
}

/// Runs the binary with files limited to `max_bytes` (`RLIMIT_FSIZE`,
/// with SIGXFSZ ignored so writes fail as on a full disk).
fn run_with_file_limit(args: &[&str], max_bytes: u64) -> std::process::Output {
    let mut cmd = Command::new(bin());
    cmd.args(args).env_remove("TABLES2XLSX_TEST_FAULT");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: max_bytes as libc::rlim_t,
                rlim_max: max_bytes as libc::rlim_t,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[test]
fn issue_15_a_full_disk_is_one_documents_error_and_leaves_nothing_behind() {
    let dir = scratch();
    let folder = dir.path().join("in");
    std::fs::create_dir_all(&folder).unwrap();
    copy_sample(&folder, "ruled-long.pdf", "big.pdf");
    copy_sample(&folder, "ruled-simple.pdf", "small.pdf");
    let out = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    // Room for the small workbook and the report, not for the big one.
    let o = run_with_file_limit(
        &[
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
        16 << 10,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("ZipWriter"),
        "{err}"
    );
    assert!(
        err.contains("big.pdf: file too large") && err.contains("while writing"),
        "names the cause and the workbook: {err}"
    );
    let left: Vec<PathBuf> = tree(&out).into_keys().collect();
    assert_eq!(
        left,
        [PathBuf::from("small.xlsx")],
        "no temporary file left"
    );
    let lines = report_lines(&report);
    let status: Vec<&str> = lines.values().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        status,
        ["failed", "ok"],
        "every document reported: {lines:?}"
    );

    // A single conversion: the same, and no workbook.
    let big = folder.join("big.pdf");
    let target = dir.path().join("big.xlsx");
    let o = run_with_file_limit(
        &[big.to_str().unwrap(), "-o", target.to_str().unwrap()],
        16 << 10,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("while writing"), "{err}");
    let hidden: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n == "big.xlsx")
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn issue_15_every_archive_entry_is_converted_or_named() {
    let dir = scratch();
    // Two entries of one name: the zip writer refuses that, so the second is
    // written as a/s.pdf and renamed in place.
    let both = dir.path().join("both.zip");
    write_zip(
        &both,
        &[
            (
                "a/r.pdf",
                std::fs::read(sample("ruled-simple.pdf")).unwrap(),
            ),
            ("a/s.pdf", std::fs::read(sample("ruled-spans.pdf")).unwrap()),
            ("notes.txt", b"not a PDF".to_vec()),
        ],
    );
    let mut bytes = std::fs::read(&both).unwrap();
    for i in 0..bytes.len() - 7 {
        if &bytes[i..i + 7] == b"a/s.pdf" {
            bytes[i + 2] = b'r';
        }
    }
    std::fs::write(&both, &bytes).unwrap();
    let out = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    let o = run(
        &[
            both.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
            "--sheet-per-table",
        ],
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("notes.txt: skipped: not a PDF"), "{err}");
    assert_eq!(
        sheet_map(&out.join("both/a/r.xlsx")),
        clean_run("ruled-simple.pdf")
    );
    assert_eq!(
        sheet_map(&out.join("both/a/r (2).xlsx")),
        clean_run("ruled-spans.pdf"),
        "the second entry of that name converts too"
    );
    let lines = report_lines(&report);
    assert_eq!(lines.len(), 3, "{lines:?}");
    let (status, line) = lines
        .iter()
        .find(|(p, _)| p.ends_with("notes.txt"))
        .map(|(_, v)| v)
        .unwrap();
    assert_eq!(status, "skipped");
    assert_eq!(line["error"], "not a PDF (by its name)");
}

#[test]
fn issue_15_numbers_typed_are_never_allocated() {
    let pdf = sample("ruled-simple.pdf");
    for pages in ["1-4294967295", "4000000000", "2-"] {
        let o = run(&[pdf.to_str().unwrap(), "--pages", pages, "-q"], &[]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{pages}: {err}");
        assert!(err.contains("the document has 1 page"), "{pages}: {err}");
    }
    let o = run(
        &[pdf.to_str().unwrap(), "-q"],
        &[("TABLES2XLSX_POOL_PAGES_AHEAD", "4000000000")],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("pool.pages_ahead must be at most"));
}

#[test]
fn issue_15_messages_a_user_can_act_on() {
    let dir = scratch();
    // A lost worker is explained by its panic, not by backtrace frames.
    let (o, _) = convert_per_table(
        "ruled-spans.pdf",
        dir.path(),
        &[
            ("TABLES2XLSX_TEST_FAULT", "panic@2.0"),
            ("RUST_BACKTRACE", "1"),
        ],
    );
    let err = stderr(&o);
    assert!(err.contains("injected panic"), "{err}");
    assert!(
        !err.contains("stack backtrace") && !err.contains("rust_begin_unwind"),
        "{err}"
    );

    // Not a file; a file whose name is not UTF-8; a folder named like a PDF.
    let o = run(&["/dev/null", "-o", "/tmp/never.xlsx"], &[]);
    assert!(
        stderr(&o).contains("/dev/null: not a regular file"),
        "{}",
        stderr(&o)
    );
    let odd_name = std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9.pdf");
    let odd = dir.path().join(odd_name);
    std::fs::copy(sample("ruled-simple.pdf"), &odd).unwrap();
    let out = dir.path().join("odd.xlsx");
    let o = Command::new(bin())
        .arg(&odd)
        .arg("-o")
        .arg(&out)
        .env_remove("TABLES2XLSX_TEST_FAULT")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let tables = &sheet_map(&out)["Tables"];
    assert!(
        tables.iter().flatten().any(|c| c == "Central Plains"),
        "{tables:?}"
    );
    let folder = dir.path().join("x.pdf");
    std::fs::create_dir_all(&folder).unwrap();
    let o = run(&[folder.to_str().unwrap(), "-o", "s.xlsx"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("names the folder"), "{}", stderr(&o));
}
